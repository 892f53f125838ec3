import { describe, expect, it } from 'vitest';
import { cleanHost, spaCsp, tileSource } from './headers';
import { securityConfigOf, securityEnvShape } from './security-config';
import { z } from 'zod';

const directives = (csp: string) => new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k = '', ...v]) => [k, v]));

describe('CSP sources', () => {
  it.each([
    ['https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png', 'https://*.tile.openstreetmap.org'],
    ['https://tiles.hue.gov.vn/osm/{z}/{x}/{y}.png', 'https://tiles.hue.gov.vn'],
    ['http://127.0.0.1:8081/{z}/{x}/{y}.png', 'http://127.0.0.1:8081'],
    ['https://maps.{s}.example.org/{z}/{x}/{y}.png', 'https:'],
    ['not a url', null],
  ])('%s → %s', (template, expected) => {
    expect(tileSource(template)).toBe(expected);
  });

  it('echoes only a well-formed Host', () => {
    expect(cleanHost('127.0.0.1:8080')).toBe('127.0.0.1:8080');
    expect(cleanHost('[::1]:8080')).toBe('[::1]:8080');
    expect(cleanHost('evil.example; script-src *')).toBeNull();
    expect(cleanHost(undefined)).toBeNull();
  });

  it('allows no inline script or style, and adds only the configured hosts', () => {
    const bare = directives(spaCsp({ tileUrl: null, mediaOrigins: [] }, 'ops.hue.local'));
    expect(bare.get('script-src')).toEqual(["'self'"]);
    expect(bare.get('style-src')).toEqual(["'self'"]);
    expect(bare.get('default-src')).toEqual(["'self'"]);
    expect(bare.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(bare.get('connect-src')).toEqual(["'self'", 'ws://ops.hue.local', 'wss://ops.hue.local']);
    expect(bare.get('frame-ancestors')).toEqual(["'none'"]);
    expect(bare.get('object-src')).toEqual(["'none'"]);
    const configured = directives(spaCsp({ tileUrl: 'https://{s}.tile.example.org/{z}/{x}/{y}.png', mediaOrigins: ['https://media.hue-s.vn'] }, null));
    expect(configured.get('img-src')).toEqual(["'self'", 'data:', 'blob:', 'https://*.tile.example.org', 'https://media.hue-s.vn']);
    expect(configured.get('media-src')).toEqual(["'self'", 'https://media.hue-s.vn']);
    expect(configured.get('connect-src')).toEqual(["'self'"]);
  });
});

describe('security environment', () => {
  const parse = (env: Record<string, string>) => securityConfigOf(z.object(securityEnvShape).parse(env));

  it('has safe defaults: limits on, CORS closed', () => {
    const c = parse({});
    expect(c.ingestRate).toEqual({ ratePerSecond: 50, burst: 200 });
    expect(c.loginRate?.burst).toBe(5);
    expect(c.corsOrigins).toEqual([]);
  });

  it('reads origins as bare origins and refuses paths', () => {
    expect(parse({ CORS_ORIGINS: 'https://a.example.org, http://b.example.org:8443' }).corsOrigins).toEqual(['https://a.example.org', 'http://b.example.org:8443']);
    expect(() => parse({ CORS_ORIGINS: 'https://a.example.org/app' })).toThrow(/origin/);
    expect(() => parse({ MEDIA_ORIGINS: 'ftp://x.example.org' })).toThrow();
  });

  it('turns a limit off with 0', () => {
    expect(parse({ INGEST_RATE_PER_SECOND: '0' }).ingestRate).toBeNull();
  });
});
