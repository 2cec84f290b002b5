import Link from 'next/link';
import type { RankableTalk } from '@/db/queries';
import { rankMostWanted } from '@/lib/agenda';
import { BAYES_PRIOR_VOTES, formatAverage, priorMean, rankMostAttended, rankTopRated } from '@/lib/ratings';

/**
 * The conference page's "Top rated" and "Most attended", and before the talks "Most wanted" (the
 * most planned), for the whole conference and per day, straight from the talks' write-time
 * aggregates (no per-request counting).
 *
 * Top rated uses a Bayesian average: every talk starts with BAYES_PRIOR_VOTES imaginary votes at
 * the conference-wide mean, so one 5-star vote does not outrank forty votes averaging 4.6.
 */
export function TalkRankings({ talks, days }: { talks: RankableTalk[]; days: { number: number }[] }) {
  const prior = priorMean(talks);
  const anyAttendance = talks.some((t) => t.attendanceCount > 0);
  const anyGoing = talks.some((t) => t.goingCount > 0);
  const scopes = [
    { key: 'all', title: 'Whole conference', talks, limit: 5 },
    ...days.map((d) => ({ key: `day-${d.number}`, title: `Day ${d.number}`, talks: talks.filter((t) => t.dayNumber === d.number), limit: 3 })),
  ];
  return (
    <section aria-labelledby="rankings-heading" className="mt-12">
      <h2 id="rankings-heading" className="text-2xl font-bold tracking-tight text-stone-900 dark:text-white">
        What attendees thought
      </h2>
      {!anyAttendance && !anyGoing ? (
        <p className="mt-2 text-stone-600 dark:text-stone-400">No ratings yet: attendees mark and rate the talks they saw on each day’s list.</p>
      ) : (
        <>
          <p className="mt-2 max-w-prose text-sm text-stone-600 dark:text-stone-400">
            <strong className="font-semibold text-stone-800 dark:text-stone-200">Top rated</strong> ranks talks by a Bayesian
            average: each talk starts with {BAYES_PRIOR_VOTES} imaginary votes at this conference’s mean of {prior.toFixed(1)} stars,
            so a talk needs several good ratings to rise, and one 5-star vote cannot beat forty votes averaging 4.6. The number shown
            is the plain average. <strong className="font-semibold text-stone-800 dark:text-stone-200">Most attended</strong> counts
            everyone who marked the talk as seen, in the room or on video.
            {anyGoing && (
              <>
                {' '}
                <strong className="font-semibold text-stone-800 dark:text-stone-200">Most wanted</strong> counts everyone who
                has the talk on their agenda.
              </>
            )}
          </p>
          <div className="mt-6 space-y-8">
            {scopes.map((scope) => {
              const top = rankTopRated(scope.talks, { prior, limit: scope.limit });
              const attended = rankMostAttended(scope.talks, { limit: scope.limit });
              const wanted = rankMostWanted(scope.talks, { limit: scope.limit });
              if (scope.key !== 'all' && attended.length === 0 && wanted.length === 0) return null;
              return (
                <div key={scope.key} aria-labelledby={`rankings-${scope.key}`} role="group">
                  <h3 id={`rankings-${scope.key}`} className="text-lg font-semibold text-stone-900 dark:text-white">
                    {scope.title}
                  </h3>
                  <div className={`mt-2 grid gap-6 ${anyGoing ? 'md:grid-cols-3' : 'md:grid-cols-2'}`}>
                    <RankList
                      title="Top rated"
                      empty="No star ratings yet."
                      items={top.map(({ talk }) => ({
                        talk,
                        figure: (
                          <>
                            <span aria-hidden="true" className="text-amber-500">★</span> {formatAverage(talk.ratingCount, talk.ratingSum)}
                            <span className="sr-only"> out of 5</span> ({talk.ratingCount})
                          </>
                        ),
                      }))}
                    />
                    <RankList
                      title="Most attended"
                      empty="Nobody marked a talk yet."
                      items={attended.map((talk) => ({ talk, figure: <>{talk.attendanceCount} saw it</> }))}
                    />
                    {anyGoing && (
                      <RankList
                        title="Most wanted"
                        empty="Nobody has planned a talk yet."
                        items={wanted.map((talk) => ({ talk, figure: <>{talk.goingCount} going</> }))}
                      />
                    )}
                  </div>
                </div>
              );
            })}
          </div>
        </>
      )}
    </section>
  );
}

function RankList({ title, empty, items }: { title: string; empty: string; items: { talk: RankableTalk; figure: React.ReactNode }[] }) {
  return (
    <div>
      <h4 className="text-sm font-semibold uppercase tracking-wide text-stone-500 dark:text-stone-400">{title}</h4>
      {items.length === 0 ? (
        <p className="mt-1 text-sm text-stone-500 dark:text-stone-400">{empty}</p>
      ) : (
        <ol className="mt-1 divide-y divide-stone-200 dark:divide-stone-800">
          {items.map(({ talk, figure }, i) => (
            <li key={talk.id} className="rank-item">
              <span className="rank-place">{i + 1}.</span>
              <Link href={`/conferences/${talk.conferenceSlug}/talks/${talk.slug}`} className="rank-title">
                {talk.title}
              </Link>
              <span className="rank-figure">{figure}</span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
