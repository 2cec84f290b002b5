'use client';

import { startTransition, useOptimistic, useState, useSyncExternalStore } from 'react';
import type { MyRating, RatingSaveResponse, TalkAggregates } from '@/lib/ratings';

/**
 * What the browser knows about one talk's rating after the page loaded: the user's own entry and
 * the talk's aggregates as the last save answered them. Every control showing the talk (the stars,
 * the summary line, the talk page's header) reads it here, so one save updates them all without
 * asking the server for the page again.
 */
type Known = { mine?: MyRating | null; aggregates?: TalkAggregates };

const known = new Map<number, Known>();
const listeners = new Set<() => void>();

export function publishTalkRating(talkId: number, update: Known) {
  known.set(talkId, { ...known.get(talkId), ...update });
  for (const l of listeners) l();
}

/** The entry as `/api/me/ratings` gave it, unless a save on this page already knows better. */
export function learnTalkRating(talkId: number, mine: MyRating | null) {
  if (known.get(talkId)?.mine === undefined) publishTalkRating(talkId, { mine });
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useKnownRating(talkId: number): Known | undefined {
  return useSyncExternalStore(
    subscribe,
    () => known.get(talkId),
    () => undefined,
  );
}

const OFFLINE = 'Hallway could not be reached, so nothing was saved. Check your connection and try again.';

/** `POST /api/ratings` with the form's fields; a network failure is an answer too. */
export async function postRating(fields: Record<string, string>): Promise<RatingSaveResponse> {
  try {
    const res = await fetch('/api/ratings', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields),
      credentials: 'same-origin',
      cache: 'no-store',
    });
    const body = (await res.json().catch(() => null)) as RatingSaveResponse | null;
    return body ?? { ok: false, message: OFFLINE };
  } catch {
    return { ok: false, message: OFFLINE };
  }
}

/** What a save would store, for the optimistic view; undefined when the answer is needed first. */
export function predictRating(fields: Record<string, string>, current: MyRating | null): MyRating | null | undefined {
  if (fields.intent === 'remove') return null;
  if (fields.seen !== 'on') return undefined;
  const review = (fields.review ?? '').replace(/\r\n?/g, '\n').trim();
  return {
    stars: /^[1-5]$/.test(fields.stars ?? '') ? Number(fields.stars) : null,
    review: review || null,
    seenHow: (fields.seenHow as MyRating['seenHow']) || 'room',
    seenOn: fields.seenOn || null,
    hidden: current?.hidden ?? false,
    excluded: current?.excluded ?? false,
  };
}

/**
 * Saving one talk's entry from the page: the new entry shows at once (optimistic), the answer
 * confirms it and publishes the talk's new aggregates, and a refusal rolls it back with the
 * server's message (and its per-field messages) while what was typed stays in the form.
 */
export function useRatingSave(talkId: number, current: MyRating | null) {
  const [shown, setShown] = useOptimistic<MyRating | null>(current);
  const [pending, setPending] = useState(false);
  const [answer, setAnswer] = useState<RatingSaveResponse | null>(null);

  function save(fields: Record<string, string>) {
    const guess = predictRating(fields, current);
    setPending(true);
    startTransition(async () => {
      if (guess !== undefined) setShown(guess);
      const res = await postRating({ ...fields, talkId: String(talkId) });
      startTransition(() => {
        setAnswer(res);
        setPending(false);
        if (res.ok) publishTalkRating(talkId, { mine: res.rating, aggregates: res.aggregates });
      });
    });
  }
  return { shown, pending, answer, save };
}
