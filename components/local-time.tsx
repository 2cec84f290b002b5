'use client';

import { useSyncExternalStore } from 'react';

const pattern = { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' } as const;
const utc = new Intl.DateTimeFormat('en-GB', { ...pattern, timeZone: 'UTC' });
const noop = () => () => {};

/**
 * An instant in the reader's own time zone, with the zone named ("3 Dec 2026, 15:37 CET").
 * The server cannot know that zone: its HTML (and a browser without JavaScript) shows UTC, named
 * as such, and the browser swaps in its zone after hydration. Same pattern both ways, so the
 * text keeps its length and nothing around it moves.
 */
export function LocalTime({ at, className }: { at: number; className?: string }) {
  const inBrowser = useSyncExternalStore(noop, () => true, () => false);
  const text = inBrowser ? new Intl.DateTimeFormat('en-GB', pattern).format(at) : utc.format(at);
  return (
    <time dateTime={new Date(at).toISOString()} title={utc.format(at)} className={className}>
      {text}
    </time>
  );
}
