'use client';

import { usePathname } from 'next/navigation';
import { useActionState, useEffect, useId, useRef, useState } from 'react';
import { saveRatingAction } from '@/app/journal/actions';
import { buttonClass } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import type { SeenHow } from '@/db/schema';
import { initialActionState, type ActionState } from '@/lib/action-state';
import { signInUrl } from '@/lib/auth/roles';
import { formatCalendarDate } from '@/lib/dates';
import { formatOpensAt, SEEN_HOW_LABELS, STAR_GUIDE, type MyRating } from '@/lib/ratings';
import { useHydrated } from '@/lib/use-hydrated';
import { fetchMine } from './my-ratings';
import { RatingFields } from './rating-fields';
import { StarRadios } from './star-radios';
import { learnTalkRating, useKnownRating, useRatingSave } from './talk-rating-state';

/**
 * The talk page's whole entry: stars, how, the date seen and the review, all visible.
 *
 * - A real `<form>` posting to the server action: without JavaScript (or before it loads) the
 *   browser posts it and the page comes back with the result (useActionState's form state).
 * - With JavaScript, a tap on a star saves at once and Save sends the whole form, each as one
 *   `POST /api/ratings` that answers with the entry and the talk's new numbers (no page render);
 *   shown at once, rolled back with the server's message when refused.
 * - After hydration the user's own entry comes from `/api/me/ratings`: signed-out visitors are
 *   offered to sign in, raters get their entry prefilled. The first line has one height in every
 *   state, and the fields are always there, so nothing moves.
 */
type Props = {
  talkId: number;
  talkTitle: string;
  startsAt: number | null;
  timeZone: string;
  dayDate: string | null;
};

type Load = 'loading' | 'signed-out' | 'ready' | 'error';

/** The stored entry, as the server action's form state carries it back without JavaScript. */
function fromValues(state: ActionState, talkId: number): MyRating | null | undefined {
  const v = state.values;
  if (!state.ok || !v || v.talkId !== String(talkId)) return undefined;
  if (v.seen !== 'on') return null;
  return {
    stars: v.stars ? Number(v.stars) : null,
    review: v.review || null,
    seenHow: (v.seenHow as SeenHow) || 'room',
    seenOn: v.seenOn || null,
    hidden: v.hidden === 'on',
    excluded: v.excluded === 'on',
  };
}

export function RatingForm({ talkId, talkTitle, startsAt, timeZone, dayDate }: Props) {
  const id = useId();
  const pathname = usePathname();
  const hydrated = useHydrated();
  const [formState, formAction] = useActionState(saveRatingAction, initialActionState);
  const [load, setLoad] = useState<Load>('loading');
  const [now, setNow] = useState<number | null>(null);
  const [formKey, setFormKey] = useState(0);
  // Once the user has touched the form, a late answer must not reset what they typed.
  const dirty = useRef(false);
  const formRef = useRef<HTMLFormElement>(null);
  const known = useKnownRating(talkId);
  const current = known?.mine !== undefined ? known.mine : (fromValues(formState, talkId) ?? null);
  const { shown, pending, answer, save } = useRatingSave(talkId, current);

  useEffect(() => {
    setNow(Date.now());
    let live = true;
    fetchMine(talkId).then(
      (res) => {
        if (!live) return;
        if (!res.signedIn) return setLoad('signed-out');
        learnTalkRating(talkId, res.ratings[talkId] ?? null);
        setLoad('ready');
        if (!dirty.current) setFormKey((k) => k + 1);
      },
      () => live && setLoad('error'),
    );
    return () => {
      live = false;
    };
  }, [talkId]);

  const fieldsOf = (form: HTMLFormElement, submitter?: HTMLElement | null) =>
    Object.fromEntries([...new FormData(form, submitter).entries()].filter((e): e is [string, string] => typeof e[1] === 'string'));

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const fields = fieldsOf(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    save(fields);
    if (fields.intent === 'remove') {
      dirty.current = false;
      setFormKey((k) => k + 1);
    }
  }

  const notOpenYet = startsAt !== null && now !== null && startsAt > now && !shown;
  const locked = load === 'signed-out' || notOpenYet;
  // After a refused post without JavaScript, the form comes back with what was typed.
  const echo = !formState.ok && formState.values?.talkId === String(talkId) ? formState.values : null;
  const state: ActionState = answer ? { ok: answer.ok, message: answer.message, fieldErrors: answer.ok ? undefined : answer.fieldErrors } : formState;
  const errors = state.ok ? {} : (state.fieldErrors ?? {});
  const stars = shown?.stars ?? (echo && /^[1-5]$/.test(echo.stars ?? '') ? Number(echo.stars) : null);
  const defaults = echo
    ? { seenHow: (echo.seenHow as SeenHow) || 'room', seenOn: echo.seenOn || null, review: echo.review ?? '' }
    : { seenHow: current?.seenHow ?? 'room', seenOn: current?.seenOn ?? null, review: current?.review ?? '' };

  let first: React.ReactNode;
  if (load === 'signed-out') {
    first = (
      <a href={signInUrl(pathname)} className="font-medium text-accent-700 underline-offset-2 hover:underline dark:text-accent-400">
        Sign in to rate<span className="sr-only"> “{talkTitle}”</span>
      </a>
    );
  } else if (notOpenYet) {
    first = <span className="truncate text-stone-600 dark:text-stone-400">Rating opens when the talk starts: {formatOpensAt(startsAt!, timeZone)}</span>;
  } else if (shown) {
    first = (
      <span className="truncate text-stone-700 dark:text-stone-300">
        <span aria-hidden="true" className="text-emerald-600 dark:text-emerald-400">✓</span> Saw it {SEEN_HOW_LABELS[shown.seenHow]}
        {shown.seenOn && <> on {formatCalendarDate(shown.seenOn)}</>}
        {shown.hidden && <span className="ml-2 rounded bg-stone-100 px-1.5 text-xs text-stone-600 dark:bg-stone-800 dark:text-stone-300">review hidden</span>}
      </span>
    );
  } else {
    first = <span className="truncate text-stone-600 dark:text-stone-400">{hydrated ? 'Tap a star to save it to your journal.' : 'Choose your stars, then Save.'}</span>;
  }

  return (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={hydrated ? onSubmit : undefined}
      onChange={() => (dirty.current = true)}
      aria-label={`Your rating of “${talkTitle}”`}
      className="mt-2 space-y-4"
    >
      <input type="hidden" name="talkId" value={talkId} />
      <input type="hidden" name="seen" value="on" />
      <p className="flex h-9 min-w-0 items-center whitespace-nowrap text-base">{first}</p>
      <fieldset disabled={locked} className="space-y-4" key={formKey}>
        <div>
          <StarRadios
            name="stars"
            value={stars}
            label={`Your stars for “${talkTitle}”`}
            describedBy={`${id}-guide`}
            onPick={(n) => save({ ...fieldsOf(formRef.current!), intent: 'save', stars: String(n) })}
          />
          <ul id={`${id}-guide`} className="mt-1 text-xs text-stone-500 dark:text-stone-400">
            {([5, 4, 3, 2, 1] as const).map((n) => (
              <li key={n}>
                <span aria-hidden="true" className="text-amber-500">{'★'.repeat(n)}</span>
                <span className="sr-only">{n} stars:</span> {STAR_GUIDE[n]}
              </li>
            ))}
          </ul>
          {errors.stars && <p className="mt-1 text-sm text-red-700 dark:text-red-400">{errors.stars.join(' ')}</p>}
        </div>
        <RatingFields id={id} defaults={defaults} dayDate={dayDate} errors={errors} hidden={!!current?.hidden} />
      </fieldset>
      <FormMessage state={state} />
      <div className="flex flex-wrap gap-2">
        <button type="submit" name="intent" value="save" disabled={locked || pending} className={buttonClass('primary')}>
          {pending ? 'Saving…' : 'Save'}
        </button>
        {current && (
          <button type="submit" name="intent" value="remove" disabled={pending} className={buttonClass('secondary')}>
            Remove from my journal
          </button>
        )}
      </div>
    </form>
  );
}
