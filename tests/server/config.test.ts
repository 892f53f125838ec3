import { describe, expect, it } from 'vitest';
import { ConfigError, defaultReadWorkers, loadConfig } from '../../src/server/config';
import { sqliteCacheMb } from '../../src/server/store/sqlite-store';

describe('loadConfig', () => {
  it('has working defaults and generates tokens', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 8080, host: '127.0.0.1', dataDir: './data', demo: true, simSpeed: 60, seed: 2019, liveBatchMs: 100 });
    expect(c.ingestToken.length).toBeGreaterThanOrEqual(20);
    expect(c.operatorToken).not.toBe(c.ingestToken);
    expect(c.ingestTokenGenerated && c.operatorTokenGenerated).toBe(true);
  });

  it('reads the environment', () => {
    const c = loadConfig({ PORT: '9000', HOST: '0.0.0.0', DATA_DIR: '/tmp/x', DEMO: '0', SIM_SPEED: '2.5', SEED: '7', INGEST_TOKEN: 'abc', OPERATOR_TOKEN: 'def', LIVE_BATCH_MS: '50' });
    expect(c).toMatchObject({ port: 9000, host: '0.0.0.0', dataDir: '/tmp/x', demo: false, simSpeed: 2.5, seed: 7, ingestToken: 'abc', operatorToken: 'def', ingestTokenGenerated: false, liveBatchMs: 50 });
    expect(loadConfig({ DEMO: 'false' }).demo).toBe(false);
    expect(loadConfig({ DEMO: '1' }).demo).toBe(true);
    expect(loadConfig({ PORT: '' }).port).toBe(8080);
  });

  it('names every bad value', () => {
    expect(() => loadConfig({ PORT: 'eighty', SIM_SPEED: '0', DEMO: 'maybe' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'eighty', SIM_SPEED: '-1', DEMO: 'maybe' });
    } catch (e) {
      const msg = (e as Error).message;
      expect(msg).toContain('PORT');
      expect(msg).toContain('SIM_SPEED');
      expect(msg).toContain('DEMO');
    }
  });

  it('accounts: closed by default, the demo picker follows DEMO unless DEMO_LOGIN says otherwise', () => {
    expect(loadConfig({})).toMatchObject({ publicView: false, demoLogin: true, sessionTtlHours: 12, cookieSecure: false });
    expect(loadConfig({ DEMO: '0' }).demoLogin).toBe(false);
    expect(loadConfig({ DEMO: '0', DEMO_LOGIN: '1' }).demoLogin).toBe(true);
    expect(loadConfig({ DEMO_LOGIN: 'off' }).demoLogin).toBe(false);
    expect(loadConfig({ PUBLIC_VIEW: '1', SESSION_TTL_HOURS: '8', COOKIE_SECURE: 'yes' })).toMatchObject({ publicView: true, sessionTtlHours: 8, cookieSecure: true });
    expect(() => loadConfig({ SESSION_TTL_HOURS: '0', PUBLIC_VIEW: 'perhaps' })).toThrow(/SESSION_TTL_HOURS[\s\S]*PUBLIC_VIEW|PUBLIC_VIEW[\s\S]*SESSION_TTL_HOURS/);
  });

  it('seeds enough demo history for whole quarters, and DEMO_DAYS changes it', () => {
    expect(loadConfig({}).demoDays).toBe(300);
    expect(loadConfig({ DEMO_DAYS: '30' }).demoDays).toBe(30);
    expect(() => loadConfig({ DEMO_DAYS: '0' })).toThrow(/DEMO_DAYS/);
  });

  it('sizes the SQLite page cache from SQLITE_CACHE_MB and refuses nonsense', () => {
    expect(sqliteCacheMb({})).toBe(256);
    expect(sqliteCacheMb({ SQLITE_CACHE_MB: '1024' })).toBe(1024);
    expect(() => sqliteCacheMb({ SQLITE_CACHE_MB: 'lots' })).toThrow(/SQLITE_CACHE_MB/);
    expect(() => sqliteCacheMb({ SQLITE_CACHE_MB: '4' })).toThrow(/SQLITE_CACHE_MB/);
  });

  it('selects PostgreSQL by DATABASE_URL and trusts a proxy only when TRUST_PROXY says so', () => {
    expect(loadConfig({}).databaseUrl).toBeNull();
    expect(loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/paht' }).databaseUrl).toBe('postgres://u:p@db:5432/paht');
    expect(() => loadConfig({ DATABASE_URL: 'mysql://db/paht' })).toThrow(/DATABASE_URL.*postgres:\/\//);
    expect(loadConfig({}).logPollMs).toBe(1000);
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1']);
    expect(() => loadConfig({ TRUST_PROXY: 'nginx.local' })).toThrow(/TRUST_PROXY.*"nginx.local" is neither/);
  });

  it('runs one read worker per core beyond the first (at least one, at most four); READ_WORKERS overrides', () => {
    expect([1, 2, 4, 8, 64].map((cores) => defaultReadWorkers(cores))).toEqual([1, 1, 3, 4, 4]);
    expect(loadConfig({ READ_WORKERS: '0' }).readWorkers).toBe(0);
    expect(loadConfig({ READ_WORKERS: '3' }).readWorkers).toBe(3);
    expect(() => loadConfig({ READ_WORKERS: '-1' })).toThrow(/READ_WORKERS/);
  });
});
