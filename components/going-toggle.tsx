'use client';

import { usePathname } from 'next/navigation';
import { startTransition, useActionState, useOptimistic, useState } from 'react';
import { setPlanAction } from '@/app/agenda/actions';
import { initialActionState, type ActionState } from '@/lib/action-state';
import { signInUrl } from '@/lib/auth/roles';
import { useNow } from '@/lib/use-now';
import { DidYouSeeIt } from './did-you-see-it';
import { setPlanned, useMyAgenda } from './my-agenda';

/**
 * "I'm going" on a talk still to come, with the public "N going" beside it.
 *
 * - A real `<form>` posting to the server action, so it works before JavaScript loads or without
 *   it: the page comes back with the new state (useActionState's form state).
 * - With JavaScript, the press is taken over: the button flips at once (useOptimistic), and rolls
 *   back with a message if the save fails. One request per press.
 * - The user's own state comes after hydration from the page's one `/api/me/ratings` request
 *   (useMyAgenda): the cached page carries only the public count. Visitors get "Sign in to plan".
 * - Once the talk has started (browser clock), a planned talk asks "Did you see it?" instead.
 */

type Props = {
  talkId: number;
  talkTitle: string;
  startsAt: number;
  goingCount: number;
  /** The server's render time: whether the talk was still to come when the page was made. */
  renderedAt: number;
  /** Where "Did you see it?" leads: the talk's rating form. */
  rateHref: string;
};

export function GoingToggle({ talkId, talkTitle, startsAt, goingCount, renderedAt, rateHref }: Props) {
  const pathname = usePathname();
  const now = useNow(renderedAt);
  const agenda = useMyAgenda([talkId]);
  // The no-JavaScript path: this is the state the page comes back with after a post.
  const [formState, formAction] = useActionState(setPlanAction, initialActionState);
  const [clientState, setClientState] = useState<ActionState | null>(null);
  const state = clientState ?? formState;
  const confirmed = state.ok && state.values?.talkId === String(talkId) ? state.values : undefined;

  const known = agenda.status === 'ready' ? agenda.ids.has(talkId) : false;
  const going = confirmed ? confirmed.going === 'on' : known;
  const [shown, setShown] = useOptimistic(going);
  // The count the page was rendered with already includes the user's plan, if they had one then.
  const base = confirmed ? { count: Number(confirmed.goingCount), going } : { count: goingCount, going: known };
  const count = Math.max(0, base.count + (shown ? 1 : 0) - (base.going ? 1 : 0));

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = form.get('going') === 'on';
    startTransition(async () => {
      setShown(next);
      setPlanned(talkId, next);
      let result: ActionState;
      try {
        result = await setPlanAction(initialActionState, form);
      } catch {
        result = { ok: false, message: 'Hallway could not be reached, so your agenda did not change. Check your connection and try again.' };
      }
      if (!result.ok) setPlanned(talkId, !next);
      setClientState(result);
    });
  }

  const started = now >= startsAt;
  const countLine = count > 0 && <span className="text-stone-600 dark:text-stone-400">{count} going</span>;
  // app/globals.css: every talk of a list repeats the line.
  const lineClass = 'going-line';

  if (started) {
    if (!shown) return countLine ? <p className={lineClass} data-going>{countLine}</p> : null;
    return (
      <p className={lineClass} data-going>
        <DidYouSeeIt href={rateHref} talkTitle={talkTitle} />
        {countLine}
      </p>
    );
  }
  if (agenda.status === 'signed-out') {
    return (
      <p className={lineClass} data-going>
        <a href={signInUrl(pathname)} className="font-medium text-accent-700 underline-offset-2 hover:underline dark:text-accent-400">
          Sign in to plan<span className="sr-only"> “{talkTitle}”</span>
        </a>
        {countLine}
      </p>
    );
  }
  return (
    // data-going: the part of a talk's details the programme grid keeps in its cells (app/programme.css).
    <div data-going>
      <form action={formAction} onSubmit={onSubmit} className={lineClass}>
        <input type="hidden" name="talkId" value={talkId} />
        <input type="hidden" name="going" value={shown ? 'off' : 'on'} />
        <button
          type="submit"
          aria-pressed={shown}
          className="inline-flex items-center gap-1.5 rounded-full border border-stone-300 px-3 py-1 font-medium text-stone-800 hover:border-accent-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-600 aria-pressed:border-accent-700 aria-pressed:bg-accent-700 aria-pressed:text-white dark:border-stone-700 dark:text-stone-100 dark:aria-pressed:border-accent-500 dark:aria-pressed:bg-accent-600"
        >
          <span aria-hidden="true">{shown ? '✓' : '+'}</span> I’m going<span className="sr-only"> to “{talkTitle}”</span>
        </button>
        {countLine}
      </form>
      <div aria-live="polite" className="text-sm">
        {state.message && (
          <p role={state.ok ? 'status' : 'alert'} className={state.ok ? 'sr-only' : 'mt-1 text-red-700 dark:text-red-400'}>
            {state.message}
          </p>
        )}
      </div>
    </div>
  );
}
