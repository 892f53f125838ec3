import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Config } from './config';

const tokenFile = z.object({ ingestToken: z.string().min(1), operatorToken: z.string().min(1) });

/**
 * Tokens the server generated (INGEST_TOKEN / OPERATOR_TOKEN unset) are kept in DATA_DIR/tokens.json (mode
 * 0600), so a restart does not lock out the field-report platform or the operators signed in with them. Tokens
 * set in the environment always win and are never written to disk.
 */
export function keepGeneratedTokens(config: Config, dataDir: string): Config {
  if (!config.ingestTokenGenerated && !config.operatorTokenGenerated) return config;
  const file = join(dataDir, 'tokens.json');
  let saved: { ingestToken?: string; operatorToken?: string } = {};
  if (existsSync(file)) {
    const parsed = tokenFile.partial().safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (parsed.success) saved = parsed.data;
  }
  const next = {
    ...config,
    ingestToken: config.ingestTokenGenerated ? (saved.ingestToken ?? config.ingestToken) : config.ingestToken,
    operatorToken: config.operatorTokenGenerated ? (saved.operatorToken ?? config.operatorToken) : config.operatorToken,
  };
  // only generated values are stored; a token given in the environment is never copied to disk
  const toStore = {
    ...(config.ingestTokenGenerated ? { ingestToken: next.ingestToken } : saved.ingestToken ? { ingestToken: saved.ingestToken } : {}),
    ...(config.operatorTokenGenerated ? { operatorToken: next.operatorToken } : saved.operatorToken ? { operatorToken: saved.operatorToken } : {}),
  };
  if (toStore.ingestToken !== saved.ingestToken || toStore.operatorToken !== saved.operatorToken) {
    writeFileSync(file, `${JSON.stringify(toStore, null, 2)}\n`, { mode: 0o600 });
  }
  return next;
}
