import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { RatingStars } from '@/components/rating-stars';
import { getYearInReviewByUser } from '@/db/journal';
import { requireUser } from '@/lib/auth/current-user';

type Props = { params: Promise<{ year: string }> };

const YEAR = /^\d{4}$/;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { year } = await params;
  return { title: YEAR.test(year) ? `Your ${year} in talks` : 'Your journal', robots: { index: false } };
}

// Bar lengths as classes (the Content-Security-Policy allows no inline styles): twelfths of the longest.
const WIDTHS = ['w-0', 'w-1/12', 'w-2/12', 'w-3/12', 'w-4/12', 'w-5/12', 'w-6/12', 'w-7/12', 'w-8/12', 'w-9/12', 'w-10/12', 'w-11/12', 'w-full'];
const barWidth = (n: number, max: number) => WIDTHS[max === 0 ? 0 : Math.max(n > 0 ? 1 : 0, Math.round((n / max) * 12))];

const hours = (minutes: number) => (minutes / 60).toLocaleString('en-GB', { maximumFractionDigits: 1 });
const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/**
 * A year of the journal at a glance, by the date each talk was seen: how many talks and hours,
 * at which conferences, the speakers seen most, and how the stars given spread. Per person, so
 * rendered per request like the journal itself.
 */
export default async function YearInReviewPage({ params }: Props) {
  const { year } = await params;
  if (!YEAR.test(year)) notFound();
  const user = await requireUser(`/journal/${year}`);
  const review = getYearInReviewByUser({ userId: user.id, year });
  const maxStars = Math.max(...review.stars);
  const card = 'min-w-0 rounded-xl border border-stone-200 px-3 py-3 sm:px-4 dark:border-stone-800';
  const label = 'text-xs font-medium leading-tight text-stone-500 dark:text-stone-400';
  const value = 'mt-1 text-2xl font-bold text-stone-900 tabular-nums dark:text-white';
  const heading = 'text-lg font-semibold text-stone-900 dark:text-white';
  const link = 'font-medium text-accent-700 hover:underline dark:text-accent-400';

  return (
    <div className="mx-auto max-w-3xl">
      <header>
        <p className="text-sm">
          <Link href="/journal" className={link}>
            ← Your journal
          </Link>
        </p>
        <h1 className="mt-2 text-3xl font-bold tracking-tight text-stone-900 dark:text-white">Your {year} in talks</h1>
      </header>

      {review.talks === 0 ? (
        <p className="mt-6 text-stone-600 dark:text-stone-400">
          No talks seen in {year}. <Link href="/journal?view=diary" className={link}>Read your diary</Link> for the years you have.
        </p>
      ) : (
        <>
          <dl className="mt-6 grid grid-cols-2 gap-2 sm:grid-cols-4 sm:gap-3" aria-label={`${year} in numbers`}>
            <div className={card}>
              <dt className={label}>Talks seen</dt>
              <dd className={value}>{review.talks}</dd>
            </div>
            <div className={card}>
              <dt className={label}>Hours of talks</dt>
              <dd className={value}>
                {hours(review.minutes)}
                {review.untimed > 0 && <span className="block text-xs font-normal text-stone-500 dark:text-stone-400">{plural(review.untimed, 'talk', 'talks')} without a length</span>}
              </dd>
            </div>
            <div className={card}>
              <dt className={label}>Conferences</dt>
              <dd className={value}>{review.conferences.length}</dd>
            </div>
            <div className={card}>
              <dt className={label}>Average stars given</dt>
              <dd className={value}>{review.averageStars === null ? '–' : review.averageStars.toFixed(1)}</dd>
            </div>
          </dl>

          <div className="mt-10 grid gap-10 sm:grid-cols-2">
            <section aria-labelledby="review-conferences">
              <h2 id="review-conferences" className={heading}>
                Conferences
              </h2>
              <ul className="mt-3 space-y-2">
                {review.conferences.map((c) => (
                  <li key={c.slug} className="flex justify-between gap-3">
                    <Link href={`/conferences/${c.slug}`} className={`min-w-0 break-words ${link}`}>
                      {c.name}
                    </Link>
                    <span className="shrink-0 text-sm text-stone-600 tabular-nums dark:text-stone-400">{plural(c.talks, 'talk', 'talks')}</span>
                  </li>
                ))}
              </ul>
            </section>

            <section aria-labelledby="review-speakers">
              <h2 id="review-speakers" className={heading}>
                Speakers you saw most
              </h2>
              {review.speakers.length === 0 ? (
                <p className="mt-3 text-sm text-stone-600 dark:text-stone-400">No speakers recorded for these talks.</p>
              ) : (
                <ol className="mt-3 list-decimal space-y-2 pl-5">
                  {review.speakers.map((s) => (
                    <li key={s.slug}>
                      <span className="flex justify-between gap-3">
                        <Link href={`/speakers/${s.slug}`} className={`min-w-0 break-words ${link}`}>
                          {s.name}
                        </Link>
                        <span className="shrink-0 text-sm text-stone-600 tabular-nums dark:text-stone-400">{plural(s.talks, 'talk', 'talks')}</span>
                      </span>
                    </li>
                  ))}
                </ol>
              )}
            </section>
          </div>

          <section aria-labelledby="review-stars" className="mt-10">
            <h2 id="review-stars" className={heading}>
              Stars given
            </h2>
            <ul className="mt-3 space-y-2">
              {[5, 4, 3, 2, 1].map((stars) => (
                <li key={stars} className="grid grid-cols-[auto_1fr_4.5rem] items-center gap-3 text-sm">
                  <RatingStars stars={stars} />
                  <span aria-hidden="true" className="h-3 rounded-full bg-stone-100 dark:bg-stone-800">
                    <span className={`block h-3 rounded-full bg-amber-400 dark:bg-amber-500 ${barWidth(review.stars[stars - 1], maxStars)}`} />
                  </span>
                  <span className="text-right text-stone-700 tabular-nums dark:text-stone-300">{plural(review.stars[stars - 1], 'talk', 'talks')}</span>
                </li>
              ))}
            </ul>
            {review.unrated > 0 && <p className="mt-3 text-sm text-stone-600 dark:text-stone-400">Seen without stars: {plural(review.unrated, 'talk', 'talks')}.</p>}
          </section>
        </>
      )}
    </div>
  );
}
