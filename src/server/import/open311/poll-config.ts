import { z } from 'zod';
import type { Open311PollConfig } from './poller';

/** The server's Open311 source (decision 0007); unset OPEN311_URL = no polling. Spread into the env schema. */
export const open311EnvShape = {
  OPEN311_URL: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL of a GeoReport v2 endpoint' }).optional(),
  OPEN311_POLL_SECONDS: z.coerce.number().int().min(5).max(86_400).default(300),
  OPEN311_MAPPING: z.string().trim().min(1).optional(),
  OPEN311_SOURCE: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,59}$/, "1–60 letters, digits, '.', '_' or '-'")
    .optional(),
  OPEN311_INITIAL_DAYS: z.coerce.number().int().min(1).max(3650).default(7),
  OPEN311_PAGE_SIZE: z.coerce.number().int().min(0).max(10_000).default(100),
};

type Open311Env = z.output<z.ZodObject<typeof open311EnvShape>>;

export function open311ConfigOf(e: Open311Env): Open311PollConfig | null {
  if (e.OPEN311_URL === undefined) return null;
  return {
    url: e.OPEN311_URL,
    pollSeconds: e.OPEN311_POLL_SECONDS,
    mappingFile: e.OPEN311_MAPPING ?? null,
    source: e.OPEN311_SOURCE ?? null,
    initialDays: e.OPEN311_INITIAL_DAYS,
    pageSize: e.OPEN311_PAGE_SIZE,
  };
}
