import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../../src/server/store/sqlite-store';
import { storeContract } from './store-contract';

// the shared store suite (issue 7) on the default store: a fresh SQLite file per test
storeContract('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'paht-contract-'));
  const store = openSqliteStore(join(dir, 'paht.sqlite'));
  return {
    store,
    close: async () => {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
