/**
 * "★ 4.3 (12 ratings) · 15 saw it": the crowd's verdict from the talk's write-time aggregates
 * (average to one decimal; "saw it" counts everyone who marked the talk, with or without stars).
 */
export function RatingSummary({ ratingCount, ratingSum, attendanceCount }: { ratingCount: number; ratingSum: number; attendanceCount: number }) {
  const average = ratingCount > 0 ? ratingSum / ratingCount : null;
  return (
    <p className="rating-line">
      {average === null ? (
        <span>No ratings yet</span>
      ) : (
        <span>
          <span aria-hidden="true" className="text-amber-500">★</span>{' '}
          <span className="font-semibold text-stone-900 dark:text-white">{average.toFixed(1)}</span>
          <span className="sr-only"> out of 5</span>{` (${ratingCount} ${ratingCount === 1 ? 'rating' : 'ratings'})`}
        </span>
      )}
      {attendanceCount > 0 && (
        <span>
          <span aria-hidden="true">·</span>{` ${attendanceCount} saw it`}
        </span>
      )}
    </p>
  );
}
