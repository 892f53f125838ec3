import { z } from 'zod';

/** An on/off environment variable: "0", "false", "off", "no" turn it off; "1", "true", "on", "yes" on; anything else is refused. */
export const envFlag = z
  .string()
  .trim()
  .toLowerCase()
  .refine((v) => ['0', '1', 'true', 'false', 'on', 'off', 'yes', 'no'].includes(v), 'must be 0/1, true/false, on/off or yes/no')
  .transform((v) => !['0', 'false', 'off', 'no'].includes(v));
