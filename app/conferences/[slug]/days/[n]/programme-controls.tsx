'use client';

import Link from 'next/link';
import { useEffect, useId, useState } from 'react';
import { useMyAgenda } from '@/components/my-agenda';
import { inputClass } from '@/components/ui/field';
import { signInUrl } from '@/lib/auth/roles';
import { type AppliedProgramme, applyProgramme, PROGRAMME_VIEW_KEY, type ProgrammeState } from '@/lib/programme-view';

/**
 * List / Grid and the filters of a day's programme. Everything lives in the address, so a filtered
 * view can be shared and survives a reload; the page stays the cached one (see lib/programme-view.ts).
 * Without JavaScript the page is the plain list and these controls stay hidden (app/programme.css).
 */

const INITIAL: AppliedProgramme = { view: 'list', track: '', room: '', mine: false, shown: '[data-talk]' };
const NONE: number[] = [];

function addressWith(state: ProgrammeState): string {
  const params = new URLSearchParams(location.search);
  for (const key of ['view', 'track', 'room', 'mine'] as const) params.delete(key);
  if (state.view === 'grid') params.set('view', 'grid');
  if (state.track) params.set('track', state.track);
  if (state.room) params.set('room', state.room);
  if (state.mine) params.set('mine', '1');
  const query = params.toString();
  return `${location.pathname}${query ? `?${query}` : ''}${location.hash}`;
}

export function ProgrammeControls({ tracks, rooms, total }: { tracks: string[]; rooms: string[]; total: number }) {
  const id = useId();
  const [state, setState] = useState<AppliedProgramme>(INITIAL);
  const [shownCount, setShownCount] = useState(total);
  // The page's talks, read from its markup once (not sent a second time as props).
  const [talkIds, setTalkIds] = useState<number[]>([]);
  const agenda = useMyAgenda(state.mine ? talkIds : NONE);
  const mineKey = agenda.status === 'ready' ? [...agenda.ids].sort((a, b) => a - b).join(',') : null;

  // Re-applied on load (the inline script already did, before paint) and whenever the agenda changes.
  useEffect(() => {
    const applied = applyProgramme(mineKey === null ? null : mineKey ? mineKey.split(',').map(Number) : []);
    setState(applied);
    setShownCount(document.querySelectorAll(`#programme ${applied.shown}`).length);
    setTalkIds([...document.querySelectorAll<HTMLElement>('#programme [data-talk]')].map((el) => Number(el.dataset.talk)));
  }, [mineKey]);

  function change(next: Partial<ProgrammeState>) {
    const merged = { ...state, ...next };
    history.replaceState(history.state, '', addressWith(merged));
    if (next.view) {
      try {
        localStorage.setItem(PROGRAMME_VIEW_KEY, next.view);
      } catch {}
    }
    const applied = applyProgramme(mineKey === null ? null : mineKey ? mineKey.split(',').map(Number) : []);
    setState(applied);
    setShownCount(document.querySelectorAll(`#programme ${applied.shown}`).length);
  }

  const filtered = state.track || state.room || state.mine;
  const viewLink = (view: ProgrammeState['view'], label: string) => (
    <a
      href={`?view=${view}`}
      aria-current={state.view === view ? 'true' : undefined}
      onClick={(e) => {
        e.preventDefault();
        change({ view });
      }}
      className={`px-3 py-1.5 font-medium first:rounded-l-md last:rounded-r-md ${state.view === view ? 'bg-accent-700 text-white' : 'text-stone-700 hover:bg-stone-100 dark:text-stone-200 dark:hover:bg-stone-800'}`}
    >
      {label}
    </a>
  );

  return (
    <form aria-label="Programme filters" className="programme-controls mb-6 flex flex-wrap items-end gap-x-4 gap-y-3" onSubmit={(e) => e.preventDefault()}>
      <nav aria-label="Programme view" className="programme-view-switch hidden rounded-md border border-stone-300 text-sm md:flex dark:border-stone-700">
        {viewLink('list', 'List')}
        {viewLink('grid', 'Grid')}
      </nav>
      {tracks.length > 1 && (
        <div className="text-sm font-medium">
          <label htmlFor={`${id}-track`} className="block">Track</label>
          <select id={`${id}-track`} name="track" value={state.track} onChange={(e) => change({ track: e.target.value })} className={`${inputClass} mt-1 w-auto min-w-40`}>
            <option value="">All tracks</option>
            {tracks.map((t) => <option key={t} value={t}>{t}</option>)}
          </select>
        </div>
      )}
      {rooms.length > 1 && (
        <div className="text-sm font-medium">
          <label htmlFor={`${id}-room`} className="block">Room</label>
          <select id={`${id}-room`} name="room" value={state.room} onChange={(e) => change({ room: e.target.value })} className={`${inputClass} mt-1 w-auto min-w-40`}>
            <option value="">All rooms</option>
            {rooms.map((r) => <option key={r} value={r}>{r}</option>)}
          </select>
        </div>
      )}
      <label className="flex items-center gap-2 py-2 text-sm font-medium">
        <input type="checkbox" name="mine" value="1" checked={state.mine} onChange={(e) => change({ mine: e.target.checked })} className="size-4 accent-accent-700" />
        Only my agenda
      </label>
      <p role="status" className="min-h-5 basis-full text-sm text-stone-600 dark:text-stone-400">
        {state.mine && agenda.status === 'signed-out' && (
          <>
            <Link href={signInUrl(location.pathname + location.search)} className="font-medium text-accent-700 underline dark:text-accent-400">Sign in</Link> to see your agenda.{' '}
          </>
        )}
        {state.mine && agenda.status === 'loading' && 'Loading your agenda… '}
        {state.mine && agenda.status === 'error' && 'Your agenda could not be loaded. '}
        {filtered && (
          <>
            {shownCount === 0 ? 'No talk matches.' : `Showing ${shownCount} of ${total} talks.`}{' '}
            <button type="button" onClick={() => change({ track: '', room: '', mine: false })} className="font-medium text-accent-700 underline dark:text-accent-400">
              Show all
            </button>
          </>
        )}
      </p>
    </form>
  );
}
