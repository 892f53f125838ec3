/**
 * Security headers for every response. Two content security policies:
 * - the SPA's (HTML pages and static files): only what the built app loads — its own scripts, styles, worker and
 *   images, the live socket on the same host, the optional map tile host and the source platform's media host;
 *   no inline script, no inline style element, no plugin, no framing;
 * - the API's (`/api/…`): nothing at all, so a JSON or CSV body opened as a page can never run or load anything.
 */

/** A CSP host-source for a Leaflet tile URL template: `https://{s}.tile.example.org/{z}/{x}/{y}.png` → `https://*.tile.example.org`. */
export function tileSource(template: string): string | null {
  const m = /^(https?):\/\/([^/?#]+)/i.exec(template.trim());
  if (!m?.[1] || !m[2]) return null;
  const scheme = m[1].toLowerCase();
  const labels = m[2].toLowerCase().split('.');
  const placeholder = (l: string) => /\{[^}]*\}/.test(l);
  // CSP can only wildcard the leftmost label; a placeholder elsewhere falls back to the scheme (still no inline)
  if (labels.slice(1).some(placeholder)) return `${scheme}:`;
  const first = labels[0] ?? '';
  const host = placeholder(first) ? ['*', ...labels.slice(1)].join('.') : labels.join('.');
  if (!/^[a-z0-9*.:[\]-]+$/.test(host)) return null;
  return `${scheme}://${host}`;
}

export interface CspSources {
  /** MAP_TILE_URL, when set */
  tileUrl: string | null;
  /** MEDIA_ORIGINS */
  mediaOrigins: readonly string[];
}

/** A Host header safe to echo into a header (RFC 3986 reg-name/IP and port), or null. */
export function cleanHost(host: string | undefined): string | null {
  if (!host || host.length > 255 || !/^[A-Za-z0-9.\-[\]:]+$/.test(host)) return null;
  return host.toLowerCase();
}

export function spaCsp(sources: CspSources, host: string | null): string {
  const tiles = sources.tileUrl ? tileSource(sources.tileUrl) : null;
  const media = sources.mediaOrigins.join(' ');
  // 'self' covers same-host ws:/wss: in CSP 3 browsers; naming the host keeps older wall-screen browsers working
  const sockets = host ? ` ws://${host} wss://${host}` : '';
  const directives = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src 'self' data: blob:${tiles ? ` ${tiles}` : ''}${media ? ` ${media}` : ''}`,
    `media-src 'self'${media ? ` ${media}` : ''}`,
    "font-src 'self' data:",
    `connect-src 'self'${sockets}`,
    // the map's clustering worker is a module file from our origin; no blob: needed
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-src 'none'",
    "frame-ancestors 'none'",
  ];
  return directives.join('; ');
}

export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Headers every response carries, whatever its kind. */
export const COMMON_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  // legacy twin of frame-ancestors for browsers that predate it
  'x-frame-options': 'DENY',
  // nothing the dashboard uses; fullscreen stays available to our own pages (wall screens)
  'permissions-policy':
    'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), fullscreen=(self)',
};

export const isApiPath = (url: string) => url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');
