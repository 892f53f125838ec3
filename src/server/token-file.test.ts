import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from './config';
import { keepGeneratedTokens } from './token-file';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'paht-tokens-'));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('generated tokens survive a restart', () => {
  it('reuses the tokens generated at the first start', () => {
    const dir = tmp();
    const first = keepGeneratedTokens(loadConfig({}), dir);
    const second = keepGeneratedTokens(loadConfig({}), dir);
    expect(second.ingestToken).toBe(first.ingestToken);
    expect(second.operatorToken).toBe(first.operatorToken);
    expect(statSync(join(dir, 'tokens.json')).mode & 0o077).toBe(0);
  });
  it('lets environment tokens win and never writes them to disk', () => {
    const dir = tmp();
    const c = keepGeneratedTokens(loadConfig({ INGEST_TOKEN: 'from-env-ingest-token' }), dir);
    expect(c.ingestToken).toBe('from-env-ingest-token');
    expect(readFileSync(join(dir, 'tokens.json'), 'utf8')).not.toContain('from-env-ingest-token');
    const again = keepGeneratedTokens(loadConfig({}), dir);
    expect(again.operatorToken).toBe(c.operatorToken);
  });
});

describe('switching between environment and generated tokens', () => {
  it('generates a real token when the environment one is removed later', () => {
    const dir = tmp();
    keepGeneratedTokens(loadConfig({ INGEST_TOKEN: 'from-env-ingest-token' }), dir);
    const later = keepGeneratedTokens(loadConfig({}), dir);
    expect(later.ingestToken.length).toBeGreaterThanOrEqual(24);
    expect(keepGeneratedTokens(loadConfig({}), dir).ingestToken).toBe(later.ingestToken);
  });
});
