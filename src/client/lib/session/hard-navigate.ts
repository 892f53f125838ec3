/**
 * A full page load of `url`. Signing in or out changes who the server streams to and what every cached view may
 * hold, so the app starts over rather than patching the old session's state. Replaceable for component tests
 * (jsdom cannot navigate).
 */
let impl: (url: string) => void = (url) => location.assign(url);

export function hardNavigate(url: string): void {
  impl(url);
}

export function setHardNavigate(fn: (url: string) => void): void {
  impl = fn;
}
