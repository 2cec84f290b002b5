'use client';

import Link from 'next/link';
import { type CSSProperties, useEffect, useState } from 'react';
import { formatTimeInZone } from '@/lib/dates';
import { ROW_MINUTES } from '@/lib/programme-layout';
import { useNow } from '@/lib/use-now';

/**
 * "Now" and "Next" during a conference, and the current-time line on the day grid. Both are
 * computed in the browser from what the cached page already shows (or, on the conference page,
 * from its cached schedule.json), so the pages stay the same for everyone. Their space is only
 * taken when NowWindowScript said, before first paint, that the event is on (no layout shift).
 */

type Slot = { title: string; href: string; room: string; startsAt: number; endsAt: number | null };

const MINUTE = 60_000;

/** The timed talks of the day page's programme, from its markup: each talk's title link and its start and end `<time>`s. */
function talksOnPage(): Slot[] {
  return [...document.querySelectorAll<HTMLElement>('#programme .programme-slot [data-talk]')].flatMap((el) => {
    const link = el.querySelector<HTMLAnchorElement>(':is(h3, h4) a');
    const [start, end] = [...el.querySelectorAll('article time')].map((t) => Date.parse(t.getAttribute('datetime') ?? ''));
    if (!link || !Number.isFinite(start)) return [];
    return [{ title: link.textContent ?? '', href: link.pathname, room: el.dataset.room ?? '', startsAt: start, endsAt: Number.isFinite(end) ? end : null }];
  });
}

type FrabDay = { rooms: Record<string, { date: string; duration: string; url: string; title: string; room: string }[]> };

/** The timed talks of a conference, from its schedule export. */
async function talksOfSchedule(url: string): Promise<Slot[]> {
  const res = await fetch(url);
  if (!res.ok) return [];
  const body = (await res.json()) as { schedule: { conference: { days: FrabDay[] } } };
  return body.schedule.conference.days.flatMap((d) =>
    Object.values(d.rooms).flat().map((e) => {
      const startsAt = Date.parse(e.date);
      const [h, m] = e.duration.split(':').map(Number);
      const minutes = h * 60 + m;
      return { title: e.title, href: new URL(e.url).pathname, room: e.room, startsAt, endsAt: minutes ? startsAt + minutes * MINUTE : null };
    }),
  );
}

/** What is on at `now` (started, not ended; a talk of unknown length counts for half an hour) and what starts next. */
function nowAndNext(talks: Slot[], now: number) {
  const current = talks.filter((t) => t.startsAt <= now && now < (t.endsAt ?? t.startsAt + 30 * MINUTE));
  const upcoming = talks.filter((t) => t.startsAt > now);
  const nextStart = Math.min(...upcoming.map((t) => t.startsAt));
  return { current, next: upcoming.filter((t) => t.startsAt === nextStart) };
}

function TalkLinks({ talks, timeZone, show }: { talks: Slot[]; timeZone: string; show: 'end' | 'start' }) {
  return talks.map((t, i) => (
    <span key={t.href}>
      {i > 0 && ' · '}
      <Link href={t.href} className="font-medium text-stone-900 underline decoration-stone-300 underline-offset-2 hover:decoration-accent-500 dark:text-white dark:decoration-stone-600">
        {t.title}
      </Link>
      <span className="text-stone-600 dark:text-stone-400">
        {t.room && ` (${t.room})`}
        {show === 'end' && t.endsAt !== null && `, until ${formatTimeInZone(t.endsAt, timeZone)}`}
      </span>
    </span>
  ));
}

/**
 * The "Now / Next" box: `schedule` names the conference's schedule.json; without it the talks are
 * read from the day page's programme.
 */
export function NowNext({ timeZone, schedule }: { timeZone: string; schedule?: string }) {
  // 0 in the server's HTML and until hydrated: the cached page carries no "now".
  const now = useNow(0);
  const [talks, setTalks] = useState<Slot[] | null>(null);
  const during = now > 0 && document.documentElement.hasAttribute('data-programme-now');
  useEffect(() => {
    if (!during || talks) return;
    if (!schedule) setTalks(talksOnPage());
    else talksOfSchedule(schedule).then(setTalks, () => setTalks([]));
  }, [during, talks, schedule]);
  const { current, next } = during && talks ? nowAndNext(talks, now) : { current: [], next: [] };
  return (
    <section aria-label="Now and next" className="now-next mb-6 rounded-xl border border-accent-200 bg-accent-50 px-4 py-3 text-sm dark:border-accent-900 dark:bg-accent-950/40">
      <p className="truncate">
        <span className="mr-2 font-semibold uppercase tracking-wide text-accent-800 dark:text-accent-300">Now</span>
        {current.length ? <TalkLinks talks={current} timeZone={timeZone} show="end" /> : <span className="text-stone-600 dark:text-stone-400">{talks ? 'No talk right now' : ' '}</span>}
      </p>
      <p className="mt-1 truncate">
        <span className="mr-2 font-semibold uppercase tracking-wide text-accent-800 dark:text-accent-300">Next</span>
        {next.length ? (
          <>
            <time dateTime={new Date(next[0].startsAt).toISOString()} className="mr-1 font-mono">{formatTimeInZone(next[0].startsAt, timeZone)}</time>
            <TalkLinks talks={next} timeZone={timeZone} show="start" />
          </>
        ) : (
          <span className="text-stone-600 dark:text-stone-400">{talks ? 'No more talks' : ' '}</span>
        )}
      </p>
    </section>
  );
}

/** The current time across the grid (a grid child: row and offset from the programme's first start). */
export function NowLine({ startsAt, endsAt }: { startsAt: number; endsAt: number }) {
  const now = useNow(0);
  if (now < startsAt || now >= endsAt) return null;
  const rows = (now - startsAt) / (ROW_MINUTES * MINUTE);
  const style = { '--row': 2 + Math.floor(rows), '--f': (rows % 1).toFixed(2) } as CSSProperties;
  return <div className="programme-now-line" style={style} aria-hidden="true" />;
}
