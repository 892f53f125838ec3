import { z } from 'zod';

/** GET /api/v1/session: what the caller may see and do (interim: the operator token; accounts come later). */
export const sessionResponse = z.object({ role: z.enum(['operator', 'viewer']) });
export type SessionResponse = z.infer<typeof sessionResponse>;
