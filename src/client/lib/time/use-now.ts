import { useEffect, useState } from 'react';

/**
 * The current time, re-rendering every `intervalMs`, aligned to the wall-clock second so clocks on several
 * screens tick together.
 */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      const t = Date.now();
      setNow(t);
      timer = setTimeout(tick, intervalMs - (t % intervalMs) || intervalMs);
    };
    timer = setTimeout(tick, intervalMs - (Date.now() % intervalMs) || intervalMs);
    return () => clearTimeout(timer);
  }, [intervalMs]);
  return now;
}
