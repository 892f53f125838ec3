// The writer worker's entry (decision 0014): the server runs under tsx, whose loader does not reach worker threads,
// so the worker registers it itself before loading the TypeScript module (as read-worker-entry.mjs does).
import { register } from 'tsx/esm/api';

register();
await import('./write-worker.ts');
