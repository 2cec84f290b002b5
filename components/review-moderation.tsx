'use client';

import { useActionState, useEffect, useState } from 'react';
import { moderateRatingAction } from '@/app/journal/actions';
import { SubmitButton } from '@/components/ui/submit-button';
import { initialActionState } from '@/lib/action-state';
import { SEEN_HOW_LABELS } from '@/lib/ratings';
import { fetchMine, type Moderation } from './my-ratings';
import { RatingStars } from './rating-stars';

/**
 * Moderation on the (static) talk page, for the few who may: authors of a recap covering the talk
 * hide reviews, admins also exclude ratings from the averages. Nothing renders for anyone else (so
 * readers' pages never move); for moderators the controls appear under each review once loaded.
 */

const CHANGED = 'hallway:moderation';

/** `version` changes whenever the page's public review list does (the page re-renders after a moderation). */
function useModeration(talkId: number, version = ''): Moderation | null {
  const [moderation, setModeration] = useState<Moderation | null>(null);
  useEffect(() => {
    let live = true;
    const load = () =>
      fetchMine(talkId, { moderation: true }).then(
        (res) => live && setModeration(res.moderation?.[talkId] ?? null),
        () => {},
      );
    void load();
    window.addEventListener(CHANGED, load);
    return () => {
      live = false;
      window.removeEventListener(CHANGED, load);
    };
  }, [talkId, version]);
  return moderation;
}

function ModerationButton({ talkId, raterId, op, label }: { talkId: number; raterId: number; op: 'hide' | 'unhide' | 'exclude' | 'include'; label: string }) {
  const [state, formAction] = useActionState(moderateRatingAction, initialActionState);
  useEffect(() => {
    if (state.ok) window.dispatchEvent(new Event(CHANGED));
  }, [state]);
  return (
    <form action={formAction} className="inline">
      <input type="hidden" name="talkId" value={talkId} />
      <input type="hidden" name="raterId" value={raterId} />
      <input type="hidden" name="op" value={op} />
      <SubmitButton variant="secondary" className="px-2! py-1! text-xs!" pendingLabel="Working…">
        {label}
      </SubmitButton>
      {!state.ok && state.message && <span className="ml-2 text-xs text-red-700 dark:text-red-400">{state.message}</span>}
    </form>
  );
}

/** Hide / exclude buttons in the corner of one public review. */
export function ReviewModerationControls({ talkId, raterId, raterName }: { talkId: number; raterId: number; raterName: string }) {
  const moderation = useModeration(talkId);
  if (!moderation) return null;
  return (
    <div className="mt-3 flex flex-wrap gap-2" role="group" aria-label={`Moderate the review by ${raterName}`}>
      {moderation.hide && <ModerationButton talkId={talkId} raterId={raterId} op="hide" label="Hide" />}
      {moderation.exclude && <ModerationButton talkId={talkId} raterId={raterId} op="exclude" label="Exclude from averages" />}
    </div>
  );
}

/** For moderators: the entries public pages leave out, with the way back. */
export function ModeratedReviews({ talkId, version }: { talkId: number; version: string }) {
  // A hidden review leaves the public list and its button with it: the list's change is the signal.
  const moderation = useModeration(talkId, version);
  if (!moderation || moderation.entries.length === 0) return null;
  return (
    <section aria-labelledby={`moderated-${talkId}`} className="mt-6 rounded-xl border border-dashed border-stone-300 p-4 dark:border-stone-700">
      <h3 id={`moderated-${talkId}`} className="text-sm font-semibold text-stone-900 dark:text-white">
        Hidden or excluded (only moderators see this)
      </h3>
      <ul className="mt-3 space-y-3">
        {moderation.entries.map((e) => (
          <li key={e.raterId} className="text-sm">
            <p className="text-stone-600 dark:text-stone-400">
              <span className="font-semibold text-stone-900 dark:text-white">{e.raterName}</span> · saw it {SEEN_HOW_LABELS[e.seenHow]}
              {e.stars !== null && (
                <>
                  {' · '}
                  <RatingStars stars={e.stars} />
                </>
              )}
              {e.hidden && ' · hidden'}
              {e.excluded && ' · not counted'}
            </p>
            {e.review && <p className="mt-1 whitespace-pre-line break-words text-stone-700 dark:text-stone-300">{e.review}</p>}
            <div className="mt-2 flex flex-wrap gap-2">
              {moderation.hide && (e.hidden ? <ModerationButton talkId={talkId} raterId={e.raterId} op="unhide" label="Show again" /> : <ModerationButton talkId={talkId} raterId={e.raterId} op="hide" label="Hide" />)}
              {moderation.exclude &&
                (e.excluded ? (
                  <ModerationButton talkId={talkId} raterId={e.raterId} op="include" label="Count in averages again" />
                ) : (
                  <ModerationButton talkId={talkId} raterId={e.raterId} op="exclude" label="Exclude from averages" />
                ))}
            </div>
          </li>
        ))}
      </ul>
      <p className="mt-3 text-xs text-stone-500 dark:text-stone-400">
        Hidden reviews are off public pages but keep their stars in the averages; excluded ratings count for nothing.
      </p>
    </section>
  );
}
