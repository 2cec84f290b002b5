'use client';

import { useEffect, useSyncExternalStore } from 'react';
import { fetchMine } from './my-ratings';

/**
 * The signed-in user's agenda ("I'm going") for the talks on the current page, shared by every
 * component that shows or filters by it. It rides on the same batched `/api/me/ratings` request as
 * the rating forms (one request per page for all per-user state); a toggle updates it in place
 * (`setPlanned`), so a filter and the toggles never disagree.
 */

export type AgendaStatus = 'loading' | 'signed-out' | 'ready' | 'error';
export type MyAgenda = { status: AgendaStatus; ids: ReadonlySet<number> };

const planned = new Set<number>();
let status: AgendaStatus = 'loading';
const listeners = new Set<() => void>();
const SERVER: MyAgenda = { status: 'loading', ids: new Set() };
let snapshot: MyAgenda = SERVER;

function emit() {
  snapshot = { status, ids: new Set(planned) };
  for (const l of listeners) l();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Records a toggle (or its rollback) for every component on the page. */
export function setPlanned(talkId: number, going: boolean) {
  if (going === planned.has(talkId)) return;
  if (going) planned.add(talkId);
  else planned.delete(talkId);
  emit();
}

/**
 * `useMyAgenda([1, 2, 3])`: which of these talks are on the user's agenda. `status` is 'loading'
 * in the server's HTML and until the answer comes, 'signed-out' for visitors.
 */
export function useMyAgenda(talkIds: readonly number[]): MyAgenda {
  const key = talkIds.join(',');
  useEffect(() => {
    const ids = key ? key.split(',').map(Number) : [];
    if (ids.length === 0) return;
    let live = true;
    // Every id joins the page's one batch; they all resolve with the same answer.
    Promise.all(ids.map((id) => fetchMine(id))).then(
      ([res]) => {
        if (!live) return;
        status = res.signedIn ? 'ready' : 'signed-out';
        for (const id of ids) planned.delete(id);
        for (const id of res.agenda ?? []) planned.add(id);
        emit();
      },
      () => {
        if (!live) return;
        status = 'error';
        emit();
      },
    );
    return () => {
      live = false;
    };
  }, [key]);
  return useSyncExternalStore(subscribe, () => snapshot, () => SERVER);
}
