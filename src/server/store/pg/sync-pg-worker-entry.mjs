// The synchronous PostgreSQL bridge's worker entry (same trick as read-worker-entry.mjs): the server runs under
// tsx, whose loader does not reach worker threads, so the worker registers it itself before loading TypeScript.
import { register } from 'tsx/esm/api';

register();
await import('./sync-pg-worker.ts');
