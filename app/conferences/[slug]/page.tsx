import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { FeedLink } from '@/components/feed-link';
import { JsonLd } from '@/components/json-ld';
import { NowNext } from '@/components/now-next';
import { NowWindowScript } from '@/components/now-window-script';
import { PostCard } from '@/components/post-card';
import { TalkRankings } from '@/components/talk-rankings';
import { getConferenceBySlug } from '@/db/queries';
import { calendarDaysInZone, formatCalendarDate, formatDateRange } from '@/lib/dates';
import { pageMetadata, truncate } from '@/lib/seo';
import { conferenceEventJsonLd } from '@/lib/structured-data';
import { slugParam } from '@/lib/slug';

export const revalidate = 60;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const slug = slugParam((await params).slug);
  const data = getConferenceBySlug({ slug });
  if (!data) return {};
  const { conference } = data;
  return pageMetadata({
    title: conference.name,
    description: truncate(
      conference.description ??
        `${conference.name}, ${formatDateRange(conference.startDate, conference.endDate)}: days, tracks, talks and recaps.`,
    ),
    path: `/conferences/${conference.slug}`,
    feeds: [{ url: `/conferences/${conference.slug}/feed.xml`, title: `Hallway: recaps of ${conference.name} (Atom)` }],
  });
}

export default async function ConferencePage({ params }: Props) {
  const slug = slugParam((await params).slug);
  const data = getConferenceBySlug({ slug });
  if (!data) notFound();
  const { conference, days, recaps, recapCount, rankable } = data;
  return (
    <>
      <JsonLd data={conferenceEventJsonLd(conference)} />
      <header className="mb-10">
        <p className="text-sm font-semibold uppercase tracking-wide text-accent-700 dark:text-accent-400">
          <Link href="/conferences" className="hover:underline">Conferences</Link>
        </p>
        <h1 className="mt-1 text-3xl font-bold tracking-tight text-stone-900 sm:text-4xl dark:text-white">{conference.name}</h1>
        <p className="mt-2 text-stone-600 dark:text-stone-400">
          {formatDateRange(conference.startDate, conference.endDate)}
          {conference.location && <> · {conference.location}</>}
        </p>
        {conference.description && <p className="mt-4 max-w-prose">{conference.description}</p>}
        {conference.website && (
          <p className="mt-3">
            <a href={conference.website} rel="noopener noreferrer" className="font-medium text-accent-700 hover:underline dark:text-accent-400">
              Conference website
            </a>
          </p>
        )}
      </header>

      <NowWindowScript {...calendarDaysInZone(conference.startDate, conference.endDate, conference.timeZone)} />
      <NowNext timeZone={conference.timeZone} schedule={`/conferences/${conference.slug}/schedule.json`} />

      <section aria-labelledby="days-heading">
        <h2 id="days-heading" className="text-2xl font-bold tracking-tight text-stone-900 dark:text-white">Programme by day</h2>
        <ol className="mt-4 grid gap-4 md:grid-cols-3">
          {days.map((day) => (
            <li key={day.id} className="rounded-xl border border-stone-200 p-5 dark:border-stone-800">
              <h3 className="text-lg font-semibold">
                <Link href={`/conferences/${conference.slug}/days/${day.number}`} className="text-stone-900 hover:text-accent-700 dark:text-white dark:hover:text-accent-400">
                  Day {day.number}
                </Link>
              </h3>
              <p className="text-sm text-stone-600 dark:text-stone-400">{formatCalendarDate(day.date, { weekday: true })}</p>
              {day.theme && <p className="mt-2 text-sm italic">{day.theme}</p>}
              {day.tracks.length > 0 && (
                <ul className="mt-3 space-y-1 text-sm">
                  {day.tracks.map((t) => (
                    <li key={t.id}>
                      <span className="font-medium">{t.name}</span>
                      {t.host && <span className="text-stone-500 dark:text-stone-400"> · hosted by {t.host}</span>}
                    </li>
                  ))}
                </ul>
              )}
              <p className="mt-3 text-sm text-stone-500 dark:text-stone-400">
                {day.talkCount} {day.talkCount === 1 ? 'session' : 'sessions'}
              </p>
            </li>
          ))}
        </ol>
      </section>

      <TalkRankings talks={rankable} days={days} />

      <section aria-labelledby="recaps-heading" className="mt-12">
        <div className="mb-6 flex flex-wrap items-baseline justify-between gap-x-4 gap-y-2">
          <h2 id="recaps-heading" className="text-2xl font-bold tracking-tight text-stone-900 dark:text-white">Recaps</h2>
          <FeedLink href={`/conferences/${conference.slug}/feed.xml`} label={`Subscribe to recaps of ${conference.name}`} />
        </div>
        {recaps.length === 0 ? <p>No recaps of this conference yet.</p> : recaps.map((p) => <PostCard key={p.id} post={p} />)}
        {recapCount > recaps.length && (
          <p className="mt-4">
            <Link href={`/conferences/${conference.slug}/recaps`} className="font-medium text-accent-700 hover:underline dark:text-accent-400">
              All {recapCount.toLocaleString('en-GB')} recaps of {conference.name} →
            </Link>
          </p>
        )}
      </section>
    </>
  );
}
