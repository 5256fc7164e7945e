import { useEffect, useState } from 'react';

/**
 * The current time, refreshed every `intervalMs`, so figures counted from now (days in stage)
 * stay right in a window left open overnight.
 */
export function useNow(intervalMs = 60_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
