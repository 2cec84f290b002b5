'use client';

import { usePathname } from 'next/navigation';
import { useEffect, useId, useState } from 'react';
import { buttonClass } from '@/components/ui/button';
import { signInUrl } from '@/lib/auth/roles';
import { formatOpensAt, SEEN_HOW_LABELS, type MyRating } from '@/lib/ratings';
import { fetchMine } from './my-ratings';
import { RatingFields } from './rating-fields';
import { StarRadios } from './star-radios';
import { learnTalkRating, useKnownRating, useRatingSave } from './talk-rating-state';

/**
 * One tap on a star: the talk is saved as seen (in the room, unless the entry says otherwise)
 * with those stars, by one `POST /api/ratings`. "More" opens the rest of the entry in place: how,
 * the date seen, a review, and removing it.
 *
 * For lists of talks (a day, the journal, an agenda): the props are only what the server knows
 * about the talk, so the cached page carries no one's rating and little markup per talk. The
 * server's HTML (and a page without JavaScript) shows a link to the talk page's full form; after
 * hydration the user's own entry comes from `/api/me/ratings` (one request for the whole page)
 * and the stars replace the link in the same one-line box, so nothing moves.
 *
 * `initial`: the entry, when the page already knows it (the journal): no request then.
 */
type Props = {
  talkId: number;
  title: string;
  /** The talk page, where the full form is. */
  path: string;
  startsAt: number | null;
  timeZone: string;
  /** The talk's day: where the date seen starts. */
  dayDate: string | null;
  initial?: MyRating | null;
};

type Load = 'loading' | 'signed-out' | 'ready' | 'error';

// app/globals.css: every talk of a list repeats the line.
const line = 'talk-line';

export function QuickRating({ talkId, title, path, startsAt, timeZone, dayDate, initial }: Props) {
  const id = useId();
  const pathname = usePathname();
  const [load, setLoad] = useState<Load>(initial !== undefined ? 'ready' : 'loading');
  // "Now" only in the browser: the cached page must not carry the time it was rendered at.
  const [now, setNow] = useState<number | null>(null);
  const [open, setOpen] = useState(false);
  const [formKey, setFormKey] = useState(0);
  const known = useKnownRating(talkId);
  const current = known?.mine !== undefined ? known.mine : (initial ?? null);
  const { shown, pending, answer, save } = useRatingSave(talkId, current);

  useEffect(() => {
    setNow(Date.now());
    if (initial !== undefined) return;
    let live = true;
    fetchMine(talkId).then(
      (res) => {
        if (!live) return;
        if (!res.signedIn) return setLoad('signed-out');
        learnTalkRating(talkId, res.ratings[talkId] ?? null);
        setLoad('ready');
      },
      () => live && setLoad('error'),
    );
    return () => {
      live = false;
    };
  }, [talkId, initial]);

  // Until the entry is known (and without JavaScript): the talk page's form.
  if (load === 'loading' || load === 'error' || now === null) {
    return (
      <div className={line}>
        <a href={`${path}#your-rating`} className="link-accent">
          Rate this talk<span className="sr-only">{` “${title}”`}</span>
        </a>
      </div>
    );
  }
  if (load === 'signed-out') {
    return (
      <div className={line}>
        <a href={signInUrl(pathname)} className="link-accent">
          Sign in to rate<span className="sr-only"> “{title}”</span>
        </a>
      </div>
    );
  }
  if (startsAt !== null && startsAt > now && !shown) {
    return (
      <p className={`${line} text-stone-600 dark:text-stone-400`} title={`Rating opens when the talk starts: ${formatOpensAt(startsAt, timeZone)}`}>
        <span className="truncate">Rating opens when the talk starts: {formatOpensAt(startsAt, timeZone)}</span>
      </p>
    );
  }

  // A tap keeps the rest of the entry as it is (how, date, review): it changes only the stars.
  const keep = (entry: MyRating | null) => ({ seen: 'on', seenHow: entry?.seenHow ?? 'room', seenOn: entry?.seenOn ?? '', review: entry?.review ?? '' });
  const pick = (stars: number) => save({ ...keep(current), intent: 'save', stars: String(stars) });
  const errors = answer && !answer.ok ? (answer.fieldErrors ?? {}) : {};

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    const fields = Object.fromEntries([...form.entries()].filter((e): e is [string, string] => typeof e[1] === 'string'));
    save({ ...fields, seen: 'on', stars: shown?.stars ? String(shown.stars) : '' });
    if (fields.intent === 'remove') setFormKey((k) => k + 1);
  }

  return (
    <div>
      <div className={line}>
        <StarRadios name={`${id}-stars`} value={shown?.stars ?? null} label={`Your stars for “${title}”`} onPick={pick} />
        {shown ? (
          <span className="min-w-0 truncate text-stone-700 dark:text-stone-300">
            <span aria-hidden="true" className="text-emerald-600 dark:text-emerald-400">✓</span> Saw it
            {/* A phone's line holds the stars, "Saw it" and "More"; the how is in "More". */}
            <span className="max-sm:sr-only"> {SEEN_HOW_LABELS[shown.seenHow]}</span>
          </span>
        ) : (
          <span className="min-w-0 truncate text-stone-500 max-sm:hidden dark:text-stone-400">Tap a star if you saw it</span>
        )}
        <button
          type="button"
          aria-expanded={open}
          aria-controls={`${id}-more`}
          onClick={() => setOpen(!open)}
          className="shrink-0 rounded-md px-2 py-1 font-medium text-accent-700 hover:bg-stone-100 dark:text-accent-400 dark:hover:bg-stone-800"
        >
          {open ? 'Close' : 'More'}
          <span className="sr-only"> about your rating of “{title}”</span>
        </button>
      </div>
      {open && (
        <form
          id={`${id}-more`}
          key={formKey}
          onSubmit={onSubmit}
          aria-label={`Your rating of “${title}”`}
          className="mt-2 space-y-4 rounded-lg border border-stone-200 bg-stone-50 p-4 dark:border-stone-800 dark:bg-stone-900/60"
        >
          <RatingFields
            id={id}
            defaults={{ seenHow: current?.seenHow ?? 'room', seenOn: current?.seenOn ?? null, review: current?.review ?? '' }}
            dayDate={dayDate}
            errors={errors}
            hidden={!!current?.hidden}
          />
          <div className="flex flex-wrap gap-2">
            <button type="submit" name="intent" value="save" disabled={pending} className={buttonClass('primary')}>
              Save
            </button>
            {current && (
              <button type="submit" name="intent" value="remove" disabled={pending} className={buttonClass('secondary')}>
                Remove from my journal
              </button>
            )}
          </div>
        </form>
      )}
      <p role="status" aria-live="polite" className={`text-sm ${answer?.ok === false ? 'text-red-700 dark:text-red-400' : 'text-emerald-700 dark:text-emerald-400'}`}>
        {pending ? '' : answer?.message}
      </p>
    </div>
  );
}
