'use client';

import { useEffect, useState } from 'react';
import { formatExactTime } from '@/lib/dates';
import { formatRelative } from '@/lib/relative-time';

/**
 * "3 minutes ago", with the exact time on hover. Cached pages are rendered long before they are
 * read, so the relative words are computed in the browser (and kept fresh each minute); the
 * server's HTML carries the exact date, which is also what a visitor without JavaScript reads.
 */
export function RelativeTime({ at, className }: { at: number; className?: string }) {
  const exact = formatExactTime(at);
  const [text, setText] = useState(exact);
  useEffect(() => {
    const update = () => setText(formatRelative(at));
    update();
    const timer = setInterval(update, 60_000);
    return () => clearInterval(timer);
  }, [at]);
  return (
    <time dateTime={new Date(at).toISOString()} title={exact} className={className}>
      {text}
    </time>
  );
}
