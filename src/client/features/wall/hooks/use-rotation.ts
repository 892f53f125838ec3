import { useEffect, useRef, useState } from 'react';

export interface Rotation {
  /** the view shown, 0 ≤ index < count */
  index: number;
  /** one more at every switch: keys the progress animation */
  cycle: number;
}

/**
 * Moves through `count` views every `intervalMs`, for as long as the screen runs. Pausing keeps what is left of
 * the current turn, so hovering for ten seconds does not restart the count. `intervalMs` 0 or one view: still.
 */
export function useRotation(count: number, intervalMs: number, paused: boolean): Rotation {
  const [state, setState] = useState({ index: 0, cycle: 0 });
  const remaining = useRef(intervalMs);

  useEffect(() => {
    remaining.current = intervalMs;
  }, [intervalMs]);

  useEffect(() => {
    if (count < 2 || intervalMs <= 0 || paused) return;
    const startedAt = Date.now();
    const wait = remaining.current;
    let fired = false;
    const timer = setTimeout(() => {
      fired = true;
      remaining.current = intervalMs;
      setState((s) => ({ index: (s.index + 1) % count, cycle: s.cycle + 1 }));
    }, wait);
    return () => {
      clearTimeout(timer);
      if (!fired) {
        remaining.current = Math.max(0, wait - (Date.now() - startedAt));
      }
    };
  }, [count, intervalMs, paused, state.cycle]);

  return { index: count > 0 ? state.index % count : 0, cycle: state.cycle };
}
