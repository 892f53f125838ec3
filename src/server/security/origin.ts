import type { IncomingHttpHeaders } from 'node:http';
import { cleanHost } from './headers';

/** The request's own origin hosts as the browser may have seen them: Host, and X-Forwarded-Host behind a proxy. */
function ownHosts(headers: IncomingHttpHeaders): string[] {
  const hosts: string[] = [];
  const host = cleanHost(headers.host);
  if (host) hosts.push(host);
  const fwd = headers['x-forwarded-host'];
  for (const h of (Array.isArray(fwd) ? fwd : [fwd ?? '']).flatMap((v) => v.split(','))) {
    const c = cleanHost(h.trim());
    if (c) hosts.push(c);
  }
  return hosts;
}

export type OriginVerdict = 'none' | 'same' | 'allowed' | 'foreign';

/**
 * Who is calling, by the Origin header browsers put on cross-origin requests, every POST and every WebSocket
 * handshake: no header (a server-to-server client, curl, a same-origin GET), our own host, an origin listed in
 * CORS_ORIGINS, or a foreign page. A foreign page may not write, nor open the live stream (cross-site WebSocket
 * hijacking would otherwise hand it whatever the browser's session may read).
 */
export function originVerdict(headers: IncomingHttpHeaders, allowList: readonly string[]): OriginVerdict {
  const origin = headers.origin;
  if (origin === undefined) return 'none';
  // "null": sandboxed frames, file: pages, some redirects — never trusted
  if (origin === 'null') return 'foreign';
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return 'foreign';
  }
  if (ownHosts(headers).includes(url.host.toLowerCase())) return 'same';
  return allowList.includes(url.origin) ? 'allowed' : 'foreign';
}
