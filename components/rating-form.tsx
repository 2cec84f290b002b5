'use client';

import { usePathname } from 'next/navigation';
import { startTransition, useActionState, useEffect, useId, useOptimistic, useRef, useState } from 'react';
import { useFormStatus } from 'react-dom';
import { saveRatingAction } from '@/app/journal/actions';
import { buttonClass } from '@/components/ui/button';
import { FieldErrors, inputClass } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import type { SeenHow } from '@/db/schema';
import { initialActionState, type ActionState } from '@/lib/action-state';
import { signInUrl } from '@/lib/auth/roles';
import { formatOpensAt, REVIEW_MAX_LENGTH, SEEN_HOW_LABELS, SEEN_HOW_OPTIONS, STAR_GUIDE, STAR_LABELS, type MyRating } from '@/lib/ratings';
import { fetchMine } from './my-ratings';
import { RatingStars } from './rating-stars';

/**
 * "I saw it" + how + optional stars + optional review, for one talk: the client island of the
 * (static, shared) talk and day pages.
 *
 * - A real `<form>` posting to the server action: before JavaScript loads, or without it, the
 *   browser posts it and the page comes back with the result (useActionState's form state).
 * - With JavaScript, the submit is taken over so the optimistic value (useOptimistic) and the
 *   server call share one transition: the summary shows the new entry at once, and rolls back with
 *   a message if the save fails.
 * - After hydration it asks `/api/me/ratings` for the user's own entry (batched per page): signed-out
 *   visitors get "Sign in to rate", raters get their entry prefilled.
 * - Layout: one fixed-height summary line in every state (loading, signed out, not yet open,
 *   rated), so nothing moves when the island loads; the form opens below it on request.
 */

type Props = {
  talkId: number;
  talkTitle: string;
  startsAt: number | null;
  timeZone: string;
  /** On /journal the page already knows the entry: no request needed. */
  initial?: MyRating | null;
  size?: 'compact' | 'full';
};

type Known = MyRating | null;
type Load = { state: 'loading' } | { state: 'signed-out' } | { state: 'ready'; mine: Known } | { state: 'error' };

function fromValues(values: Record<string, string> | undefined): Known | undefined {
  if (!values) return undefined;
  if (values.seen !== 'on') return null;
  return {
    stars: values.stars ? Number(values.stars) : null,
    review: values.review || null,
    seenHow: (values.seenHow as SeenHow) || 'room',
    hidden: values.hidden === 'on',
    excluded: values.excluded === 'on',
  };
}

/** What the form would save, for the optimistic view; undefined when the server will say no. */
function predict(form: FormData, current: Known): Known | undefined {
  if (form.get('intent') === 'remove') return null;
  const stars = String(form.get('stars') ?? '');
  const review = String(form.get('review') ?? '').replace(/\r\n?/g, '\n').trim();
  if (form.get('seen') !== 'on') return stars || review ? undefined : null;
  if (review.length > REVIEW_MAX_LENGTH) return undefined;
  return {
    stars: /^[1-5]$/.test(stars) ? Number(stars) : null,
    review: review || null,
    seenHow: (String(form.get('seenHow') || 'room') as SeenHow),
    hidden: current?.hidden ?? false,
    excluded: current?.excluded ?? false,
  };
}

export function RatingForm({ talkId, talkTitle, startsAt, timeZone, initial, size = 'compact' }: Props) {
  const id = useId();
  const pathname = usePathname();
  // The no-JavaScript path: React posts the form itself and this is the state the page comes back with.
  const [formState, formAction] = useActionState(saveRatingAction, initialActionState);
  const [fetched, setLoad] = useState<Load>({ state: 'loading' });
  const load: Load = initial !== undefined ? { state: 'ready', mine: initial } : fetched;
  const [saved, setSaved] = useState<Known | undefined>(undefined);
  const [clientState, setClientState] = useState<ActionState | null>(null);
  const [formKey, setFormKey] = useState(0);
  // Once the user has touched the form, a late answer from the server must not reset what they typed.
  const dirty = useRef(false);
  const refill = () => {
    if (!dirty.current) setFormKey((k) => k + 1);
  };
  const [open, setOpen] = useState(!!formState.message && !formState.ok);
  // "Now" only after hydration: the static page must not carry the time it was rendered at.
  const [now, setNow] = useState<number | null>(null);

  useEffect(() => {
    setNow(Date.now());
    if (initial !== undefined) {
      // The page re-rendered with the stored entry (after a save): start the form from it.
      setSaved(undefined);
      refill();
      return;
    }
    let live = true;
    fetchMine(talkId).then(
      (res) => {
        if (!live) return;
        setLoad(res.signedIn ? { state: 'ready', mine: res.ratings[talkId] ?? null } : { state: 'signed-out' });
        refill();
      },
      () => live && setLoad({ state: 'error' }),
    );
    return () => {
      live = false;
    };
  }, [talkId, initial]);

  const fromForm = formState.ok ? fromValues(formState.values) : undefined;
  const current: Known = saved !== undefined ? saved : fromForm !== undefined ? fromForm : load.state === 'ready' ? load.mine : null;
  const [shown, setShown] = useOptimistic<Known>(current);
  const state = clientState ?? formState;
  // After a failed no-JS post, refill the form with what was typed; otherwise with the entry.
  const echo = !formState.ok && !clientState && formState.values?.talkId === String(talkId) ? formState.values : null;
  const defaults = echo
    ? { seen: echo.seen === 'on', stars: /^[1-5]$/.test(echo.stars ?? '') ? Number(echo.stars) : null, seenHow: (echo.seenHow as SeenHow) || 'room', review: echo.review ?? '' }
    : { seen: !!current, stars: current?.stars ?? null, seenHow: current?.seenHow ?? 'room', review: current?.review ?? '' };

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    const guess = predict(form, current);
    startTransition(async () => {
      if (guess !== undefined) {
        setShown(guess);
        setOpen(false);
      }
      let result: ActionState;
      try {
        result = await saveRatingAction(initialActionState, form);
      } catch {
        result = { ok: false, message: 'Hallway could not be reached, so nothing was saved. Check your connection and try again.' };
      }
      setClientState(result);
      if (result.ok) {
        const confirmed = fromValues(result.values);
        if (confirmed !== undefined) setSaved(confirmed);
        dirty.current = false;
        setFormKey((k) => k + 1);
      } else {
        setOpen(true);
      }
    });
  }

  const notOpenYet = startsAt !== null && now !== null && startsAt > now;
  // One line in every state (it never wraps: long text is cut with an ellipsis), so nothing moves.
  const lineClass = `flex h-9 min-w-0 items-center gap-x-2 whitespace-nowrap ${size === 'full' ? 'text-base' : 'text-sm'}`;

  let summaryLine: React.ReactNode;
  if (load.state === 'signed-out') {
    return (
      <div className={lineClass}>
        <a href={signInUrl(pathname)} className="font-medium text-accent-700 underline-offset-2 hover:underline dark:text-accent-400">
          Sign in to rate<span className="sr-only"> “{talkTitle}”</span>
        </a>
        {notOpenYet && <span className="truncate text-stone-500 dark:text-stone-400">· opens {formatOpensAt(startsAt!, timeZone)}</span>}
      </div>
    );
  }
  if (notOpenYet && !shown) {
    return (
      <p className={`${lineClass} text-stone-600 dark:text-stone-400`} title={`Rating opens when the talk starts: ${formatOpensAt(startsAt!, timeZone)}`}>
        <span className="truncate">Rating opens when the talk starts: {formatOpensAt(startsAt!, timeZone)}</span>
      </p>
    );
  }
  if (shown) {
    summaryLine = (
      <>
        <span className="min-w-0 truncate text-stone-700 dark:text-stone-300">
          <span aria-hidden="true" className="text-emerald-600 dark:text-emerald-400">✓</span> Saw it {SEEN_HOW_LABELS[shown.seenHow]}
        </span>
        {shown.stars !== null && <RatingStars stars={shown.stars} />}
        {shown.hidden && <span className="shrink-0 rounded bg-stone-100 px-1.5 text-xs text-stone-600 dark:bg-stone-800 dark:text-stone-300">review hidden</span>}
        <span className="font-medium text-accent-700 group-open:hidden dark:text-accent-400">Edit</span>
        <span className="hidden font-medium text-accent-700 group-open:inline dark:text-accent-400">Close</span>
      </>
    );
  } else {
    summaryLine = (
      <>
        <span aria-hidden="true" className="text-amber-500">☆</span>
        <span className="truncate font-medium text-accent-700 dark:text-accent-400">I saw it: rate this talk</span>
      </>
    );
  }

  const { stars, seenHow } = defaults;
  const errors = state.fieldErrors ?? {};

  return (
    <div>
      <details className="group" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary className={`${lineClass} cursor-pointer list-none rounded-md [&::-webkit-details-marker]:hidden`}>
          {summaryLine}
          <span className="sr-only"> for “{talkTitle}”</span>
        </summary>
        <form
          key={formKey}
          action={formAction}
          onSubmit={onSubmit}
          onChange={() => (dirty.current = true)}
          className="mt-2 space-y-4 rounded-lg border border-stone-200 bg-stone-50 p-4 dark:border-stone-800 dark:bg-stone-900/60"
          aria-label={`Your rating of “${talkTitle}”`}
        >
          <input type="hidden" name="talkId" value={talkId} />
          <div className="flex flex-wrap items-center gap-x-2 gap-y-3">
            <input
              id={`${id}-seen`}
              type="checkbox"
              name="seen"
              value="on"
              defaultChecked={defaults.seen}
              aria-describedby={errors.seen ? `${id}-seen-error` : undefined}
              className="peer size-4 accent-accent-700"
            />
            <label htmlFor={`${id}-seen`} className="text-sm font-semibold text-stone-900 dark:text-white">
              I saw it
            </label>
            {errors.seen && (
              <div className="basis-full">
                <FieldErrors id={`${id}-seen-error`} errors={errors.seen} />
              </div>
            )}
            {/* Shown once "I saw it" is ticked: plain CSS, so it works without JavaScript too. */}
            <div className="hidden basis-full space-y-4 peer-checked:block">
              <fieldset>
                <legend className="text-sm font-medium text-stone-800 dark:text-stone-200">How</legend>
                <div className="mt-1 flex flex-wrap gap-2">
                  {(Object.keys(SEEN_HOW_OPTIONS) as SeenHow[]).map((how) => (
                    <label key={how} className={pillClass}>
                      <input type="radio" name="seenHow" value={how} defaultChecked={seenHow === how} className="accent-accent-700" />
                      {SEEN_HOW_OPTIONS[how]}
                    </label>
                  ))}
                </div>
                <FieldErrors errors={errors.seenHow} />
              </fieldset>
              <fieldset aria-describedby={`${id}-guide`}>
                <legend className="text-sm font-medium text-stone-800 dark:text-stone-200">
                  Stars <span className="font-normal text-stone-500 dark:text-stone-400">(optional)</span>
                </legend>
                <div className="mt-1 flex flex-wrap gap-2">
                  <label className={pillClass}>
                    <input type="radio" name="stars" value="" defaultChecked={stars === null} className="accent-accent-700" />
                    No stars
                  </label>
                  {([1, 2, 3, 4, 5] as const).map((n) => (
                    <label key={n} className={pillClass}>
                      <input type="radio" name="stars" value={n} defaultChecked={stars === n} className="accent-accent-700" />
                      {n} – {STAR_LABELS[n]}
                    </label>
                  ))}
                </div>
                <ul id={`${id}-guide`} className="mt-2 grid gap-x-4 text-xs text-stone-500 sm:grid-cols-2 dark:text-stone-400">
                  {([5, 4, 3, 2, 1] as const).map((n) => (
                    <li key={n}>
                      <span aria-hidden="true" className="text-amber-500">{'★'.repeat(n)}</span>
                      <span className="sr-only">{n} stars:</span> {STAR_GUIDE[n]}
                    </li>
                  ))}
                </ul>
                <FieldErrors errors={errors.stars} />
              </fieldset>
              <ReviewField id={`${id}-review`} defaultValue={defaults.review} errors={errors.review} hidden={!!current?.hidden} />
            </div>
          </div>
          <FormMessage state={state.ok ? { ok: false } : state} />
          <div className="flex flex-wrap gap-2">
            <IntentButton intent="save" label="Save" pendingLabel="Saving…" variant="primary" />
            {current && <IntentButton intent="remove" label="Remove from my journal" pendingLabel="Removing…" variant="secondary" />}
          </div>
        </form>
      </details>
      {/* Successes are announced outside the form, which closes on save. */}
      <div aria-live="polite" role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
        {state.ok && state.message ? state.message : null}
      </div>
    </div>
  );
}

const pillClass =
  'inline-flex cursor-pointer items-center gap-1.5 rounded-full border border-stone-300 bg-white px-3 py-1 text-sm text-stone-800 has-[:checked]:border-accent-600 has-[:checked]:bg-accent-50 has-[:checked]:font-semibold has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-accent-500 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-100 dark:has-[:checked]:border-accent-500 dark:has-[:checked]:bg-accent-950';

function ReviewField({ id, defaultValue, errors, hidden }: { id: string; defaultValue: string; errors?: string[]; hidden: boolean }) {
  const [length, setLength] = useState(defaultValue.length);
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-stone-800 dark:text-stone-200">
        Review <span className="font-normal text-stone-500 dark:text-stone-400">(optional)</span>
      </label>
      <textarea
        id={id}
        name="review"
        rows={3}
        maxLength={REVIEW_MAX_LENGTH}
        defaultValue={defaultValue}
        onInput={(e) => setLength(e.currentTarget.value.length)}
        aria-describedby={`${id}-hint${errors?.length ? ` ${id}-error` : ''}`}
        aria-invalid={errors?.length ? true : undefined}
        className={`${inputClass} mt-1`}
      />
      <p id={`${id}-hint`} className="mt-1 flex justify-between gap-4 text-xs text-stone-500 dark:text-stone-400">
        <span>{hidden ? 'A moderator hid your review from public pages; you still see it here.' : 'Plain text; line breaks are kept. Shown on the talk page with your name.'}</span>
        <span className="shrink-0 tabular-nums">
          {length.toLocaleString('en-GB')} / {REVIEW_MAX_LENGTH.toLocaleString('en-GB')}
        </span>
      </p>
      <FieldErrors id={`${id}-error`} errors={errors} />
    </div>
  );
}

/** A submit button for one intent; only the pressed one shows the spinner. */
function IntentButton({ intent, label, pendingLabel, variant }: { intent: 'save' | 'remove'; label: string; pendingLabel: string; variant: 'primary' | 'secondary' }) {
  const { pending, data } = useFormStatus();
  const mine = pending && (data?.get('intent') ?? 'save') === intent;
  return (
    <>
      <button type="submit" name="intent" value={intent} disabled={pending} className={buttonClass(variant)}>
        {mine && (
          <svg aria-hidden="true" viewBox="0 0 24 24" className="size-4 animate-spin" fill="none">
            <circle cx="12" cy="12" r="9" stroke="currentColor" strokeOpacity="0.3" strokeWidth="3" />
            <path d="M21 12a9 9 0 0 0-9-9" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
          </svg>
        )}
        {label}
      </button>
      <span className="sr-only" aria-live="polite">
        {mine ? pendingLabel : ''}
      </span>
    </>
  );
}
