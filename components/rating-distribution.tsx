import { formatAverage } from '@/lib/ratings';

/**
 * How many people gave 1…5 stars, as a small bar chart. It is a table: screen readers (and anyone
 * without CSS) get the numbers as text; the bars are decoration.
 */
export function RatingDistribution({ counts, ratingCount, ratingSum }: { counts: [number, number, number, number, number]; ratingCount: number; ratingSum: number }) {
  const total = counts.reduce((a, b) => a + b, 0);
  const max = Math.max(1, ...counts);
  const average = formatAverage(ratingCount, ratingSum);
  return (
    <table className="w-full max-w-sm border-separate border-spacing-y-1 text-sm">
      <caption className="mb-1 text-left text-sm text-stone-600 dark:text-stone-400">
        {average ? (
          <>
            Average <strong className="text-stone-900 dark:text-white">{average}</strong> out of 5 from {ratingCount} {ratingCount === 1 ? 'rating' : 'ratings'}
          </>
        ) : (
          'No star ratings yet'
        )}
      </caption>
      <thead className="sr-only">
        <tr>
          <th scope="col">Stars</th>
          <th scope="col">Share</th>
          <th scope="col">Ratings</th>
        </tr>
      </thead>
      <tbody>
        {([5, 4, 3, 2, 1] as const).map((stars) => {
          const n = counts[stars - 1];
          const pct = total ? Math.round((n / total) * 100) : 0;
          return (
            <tr key={stars}>
              <th scope="row" className="w-16 pr-2 text-left font-normal whitespace-nowrap text-stone-600 dark:text-stone-400">
                {stars} {stars === 1 ? 'star' : 'stars'}
              </th>
              <td className="w-full">
                <div aria-hidden="true" className="h-2.5 overflow-hidden rounded-full bg-stone-100 dark:bg-stone-800">
                  <div className="h-full rounded-full bg-amber-400 dark:bg-amber-500" style={{ width: `${(n / max) * 100}%` }} />
                </div>
                <span className="sr-only">{pct}%</span>
              </td>
              <td className="w-10 pl-2 text-right tabular-nums text-stone-700 dark:text-stone-300">{n}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
