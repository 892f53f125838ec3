/** rAF does not run in a hidden tab (or jsdom); a timer this long stands in, so the feed still catches up. */
const FALLBACK_MS = 250;

export interface Coalesced {
  /** asks for a call: several requests before it runs make one call */
  request(): void;
  cancel(): void;
}

/**
 * Coalesces requests into one call of `fn` in the next animation frame, no sooner than `minMs` after the previous
 * call: a burst makes one call, a stream makes at most 1000/minMs a second, a lone request after a quiet spell
 * runs in the next frame.
 */
export function coalesce(fn: () => void, minMs: number, now: () => number = () => performance.now()): Coalesced {
  let frame: number | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let last = -Infinity;
  let cancelled = false;

  const clear = () => {
    if (frame !== null && typeof cancelAnimationFrame === 'function') cancelAnimationFrame(frame);
    if (timer !== null) clearTimeout(timer);
    frame = null;
    timer = null;
  };
  const run = () => {
    clear();
    if (cancelled) return;
    last = now();
    fn();
  };
  const inFrame = () => {
    timer = null;
    const visible = typeof document === 'undefined' || document.visibilityState !== 'hidden';
    if (visible && typeof requestAnimationFrame === 'function') {
      frame = requestAnimationFrame(run);
      // the frame may never come (the tab was hidden meanwhile): the timer runs it then
      timer = setTimeout(run, FALLBACK_MS);
    } else timer = setTimeout(run, 0);
  };

  return {
    request() {
      cancelled = false;
      if (frame !== null || timer !== null) return;
      const wait = last + minMs - now();
      if (wait > 1) timer = setTimeout(inFrame, wait);
      else inFrame();
    },
    cancel() {
      cancelled = true;
      clear();
    },
  };
}
