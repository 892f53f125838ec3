// A read worker's entry (decision 0012): the server runs under tsx, whose loader does not reach worker threads, so
// the worker registers it itself before loading the TypeScript module.
import { register } from 'tsx/esm/api';

register();
await import('./read-worker.ts');
