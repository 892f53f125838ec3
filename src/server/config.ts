import { availableParallelism } from 'node:os';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { envFlag as flag } from './env-flag';
import { isPostgresUrl, POSTGRES_URL_RULE } from './store/pg/pg-url';
import { securityConfigOf, securityEnvShape, type SecurityConfig } from './security/security-config';
import { authConfigOf, authEnvShape, type AuthConfig } from './auth/auth-config';
import { open311ConfigOf, open311EnvShape } from './import/open311/poll-config';
import type { Open311PollConfig } from './import/open311/poller';
import { DEFAULT_ESCALATION_THRESHOLDS, parseEscalationThresholds, type EscalationThresholds } from '../shared/domain/escalation';

// any non-empty value is accepted (test rigs use short ones); main warns when a token is short
const token = z.string().trim().min(1);

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().trim().min(1).default('./data'),
  DEMO: flag.default(true),
  SIM_SPEED: z.coerce.number().positive().max(100_000).default(60),
  SEED: z.coerce.number().int().nonnegative().default(2019),
  // days of history the demo seeds into an empty store: 300 covers the last two ended quarters in full
  DEMO_DAYS: z.coerce.number().int().min(1).max(3660).default(300),
  // statistics and list reads on worker threads with read-only connections (decision 0012); 0 = on the main thread
  READ_WORKERS: z.coerce.number().int().min(0).max(16).optional(),
  // the ingest API's transactions on a writer worker thread with group commit (decision 0014); 0 = on the request thread
  WRITE_WORKER: flag.default(true),
  // PostgreSQL event log shared by several API nodes (issue 7, decision 0013); unset = SQLite in DATA_DIR
  DATABASE_URL: z
    .string()
    .trim()
    .refine(isPostgresUrl, { message: POSTGRES_URL_RULE })
    .optional(),
  // how often a node pulls the shared log when no notification arrives (PostgreSQL only)
  LOG_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  INGEST_TOKEN: token.optional(),
  OPERATOR_TOKEN: token.optional(),
  LIVE_BATCH_MS: z.coerce.number().int().min(1).max(10_000).default(100),
  // overdue queue and reminders (issue 4): working days overdue for officer, unit leader, province
  ESCALATION_THRESHOLDS: z
    .string()
    .transform((v, ctx) => {
      try {
        return parseEscalationThresholds(v);
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: err instanceof Error ? err.message : String(err) });
        return z.NEVER;
      }
    })
    .optional(),
  // reminders are POSTed here as JSON (an SMS gateway, a relay); unset = written to the log only
  NOTIFY_WEBHOOK_URL: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).optional(),
  NOTIFY_WEBHOOK_TOKEN: token.optional(),
  NOTIFY_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
  // rate limits, CORS, media origins, shutdown drain (issue 6, docs/decisions/0006)
  ...securityEnvShape,
  // accounts and roles (issue 6, docs/decisions/0011): PUBLIC_VIEW, DEMO_LOGIN, SESSION_TTL_HOURS, COOKIE_SECURE
  ...authEnvShape,
  // Open311 GeoReport v2 polling source (issue 7, docs/decisions/0007): OPEN311_URL turns it on
  ...open311EnvShape,
});

export interface Config extends SecurityConfig, AuthConfig {
  port: number;
  host: string;
  dataDir: string;
  demo: boolean;
  simSpeed: number;
  seed: number;
  /** days of scenario history seeded into an empty demo store (DEMO_DAYS) */
  demoDays: number;
  /** worker threads answering the statistics and list reads (READ_WORKERS; default: one per core beyond the first, at most 4) */
  readWorkers: number;
  /** POST /api/v1/events ingests on a writer worker with group commit (WRITE_WORKER, default on; SQLite store only) */
  writeWorker: boolean;
  /** PostgreSQL URL of the shared event log (DATABASE_URL); null = SQLite in DATA_DIR */
  databaseUrl: string | null;
  /** ms between pulls of the shared log when no NOTIFY arrives (LOG_POLL_MS) */
  logPollMs: number;
  ingestToken: string;
  operatorToken: string;
  /** true when the token was generated at start-up (main prints it so the operator can use it) */
  ingestTokenGenerated: boolean;
  operatorTokenGenerated: boolean;
  liveBatchMs: number;
  /** working days overdue at which a reminder to the officer, the unit leader, the province is due */
  escalationThresholds: EscalationThresholds;
  /** where reminders are POSTed (null: the log-only notifier) */
  notifyWebhookUrl: string | null;
  notifyWebhookToken: string | null;
  notifyTimeoutMs: number;
  /** the Open311 endpoint the server polls (null: none) */
  open311: Open311PollConfig | null;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const generateToken = (): string => randomBytes(24).toString('base64url');

/** Parses the environment once at start-up; a bad value stops the process with every problem named. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // an empty variable (`PORT=`) means "use the default", as shells and compose files often leave them so
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}=${JSON.stringify(cleaned[String(i.path[0])] ?? '')}: ${i.message}`);
    throw new ConfigError(`invalid environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    demo: e.DEMO,
    simSpeed: e.SIM_SPEED,
    seed: e.SEED,
    demoDays: e.DEMO_DAYS,
    readWorkers: e.READ_WORKERS ?? defaultReadWorkers(),
    writeWorker: e.WRITE_WORKER,
    databaseUrl: e.DATABASE_URL ?? null,
    logPollMs: e.LOG_POLL_MS,
    ingestToken: e.INGEST_TOKEN ?? generateToken(),
    operatorToken: e.OPERATOR_TOKEN ?? generateToken(),
    ingestTokenGenerated: e.INGEST_TOKEN === undefined,
    operatorTokenGenerated: e.OPERATOR_TOKEN === undefined,
    liveBatchMs: e.LIVE_BATCH_MS,
    escalationThresholds: e.ESCALATION_THRESHOLDS ?? DEFAULT_ESCALATION_THRESHOLDS,
    notifyWebhookUrl: e.NOTIFY_WEBHOOK_URL ?? null,
    notifyWebhookToken: e.NOTIFY_WEBHOOK_TOKEN ?? null,
    notifyTimeoutMs: e.NOTIFY_TIMEOUT_MS,
    ...securityConfigOf(e),
    ...authConfigOf(e),
    open311: open311ConfigOf(e),
  };
}

/** One read worker per core beyond the one the main thread (ingest, live stream, HTTP) needs, at most 4. */
export function defaultReadWorkers(cores = availableParallelism()): number {
  return Math.max(1, Math.min(4, cores - 1));
}
