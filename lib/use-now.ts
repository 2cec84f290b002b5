import { useEffect, useState } from 'react';

/**
 * The time, refreshed every `everyMs` in the browser. Starts at `initial` (the server's render
 * time, passed down by the page) so the server's HTML and the first browser render agree; a
 * cached page must not carry "now" any further than that.
 */
export function useNow(initial: number, everyMs = 30_000): number {
  const [now, setNow] = useState(initial);
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
