import type { PublicReview } from '@/db/ratings';
import { formatCalendarDate } from '@/lib/dates';
import { SEEN_HOW_LABELS } from '@/lib/ratings';
import { RatingStars } from './rating-stars';
import { ModeratedReviews, ReviewModerationControls } from './review-moderation';

/**
 * The talk page's reviews, newest first, with the rater's name and how they saw the talk. Reviews
 * are plain text rendered by React (escaped); `whitespace-pre-line` keeps the writer's line breaks.
 */
export function ReviewList({ talkId, reviews }: { talkId: number; reviews: PublicReview[] }) {
  return (
    <>
      {reviews.length === 0 ? (
        <p className="mt-2 text-stone-600 dark:text-stone-400">No reviews yet.</p>
      ) : (
        <ol className="mt-4 space-y-4">
          {reviews.map((r) => (
            <li key={r.raterId} className="rounded-xl border border-stone-200 p-4 dark:border-stone-800">
              <p className="text-sm text-stone-600 dark:text-stone-400">
                <span className="font-semibold text-stone-900 dark:text-white">{r.raterName}</span>
                {r.stars !== null && (
                  <>
                    {' '}
                    <RatingStars stars={r.stars} />
                  </>
                )}
                <br />
                Saw it {SEEN_HOW_LABELS[r.seenHow]} ·{' '}
                <time dateTime={new Date(r.updatedAt).toISOString()}>{formatCalendarDate(new Date(r.updatedAt).toISOString().slice(0, 10))}</time>
              </p>
              <p className="mt-2 whitespace-pre-line break-words text-stone-800 dark:text-stone-200">{r.review}</p>
              <ReviewModerationControls talkId={talkId} raterId={r.raterId} raterName={r.raterName} />
            </li>
          ))}
        </ol>
      )}
      <ModeratedReviews talkId={talkId} version={reviews.map((r) => `${r.raterId}:${r.updatedAt}`).join(',')} />
    </>
  );
}
