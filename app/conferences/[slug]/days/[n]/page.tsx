import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { JsonLd } from '@/components/json-ld';
import { TalkItem } from '@/components/talk-item';
import { getDayProgramme } from '@/db/queries';
import { formatCalendarDate } from '@/lib/dates';
import { pageMetadata } from '@/lib/seo';
import { conferenceDayJsonLd } from '@/lib/structured-data';
import { slugParam } from '@/lib/slug';

export const revalidate = 60;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ slug: string; n: string }> };

function load(slug: string, n: string) {
  const number = Number(n);
  if (!Number.isInteger(number) || String(number) !== n) return null;
  return getDayProgramme({ conferenceSlug: slug, number });
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, n } = await params.then((p) => ({ slug: slugParam(p.slug), n: p.n }));
  const data = load(slug, n);
  if (!data) return {};
  return pageMetadata({
    title: `Day ${data.day.number} — ${data.conference.name}`,
    description: `Talks of day ${data.day.number} of ${data.conference.name} (${formatCalendarDate(data.day.date, { weekday: true })}), by track, with links and ratings.`,
    path: `/conferences/${data.conference.slug}/days/${data.day.number}`,
    feeds: [{ url: `/conferences/${data.conference.slug}/feed.xml`, title: `Hallway: recaps of ${data.conference.name} (Atom)` }],
  });
}

export default async function DayPage({ params }: Props) {
  const { slug, n } = await params.then((p) => ({ slug: slugParam(p.slug), n: p.n }));
  const data = load(slug, n);
  if (!data) notFound();
  const { conference, day, days, tracks, sessions } = data;
  return (
    <>
      <JsonLd data={conferenceDayJsonLd(conference, day)} />
      <header className="mb-8">
        <p className="text-sm font-semibold uppercase tracking-wide text-accent-700 dark:text-accent-400">
          <Link href={`/conferences/${conference.slug}`} className="hover:underline">{conference.name}</Link>
        </p>
        <h1 className="mt-1 text-3xl font-bold tracking-tight text-stone-900 sm:text-4xl dark:text-white">
          Day {day.number}
          {day.theme && <span className="font-normal text-stone-500 dark:text-stone-400">: {day.theme}</span>}
        </h1>
        <p className="mt-2 text-stone-600 dark:text-stone-400">{formatCalendarDate(day.date, { weekday: true })}</p>
        <nav aria-label="Days" className="mt-4">
          <ul className="flex flex-wrap gap-2 text-sm">
            {days.map((d) => (
              <li key={d.number}>
                <Link
                  href={`/conferences/${conference.slug}/days/${d.number}`}
                  aria-current={d.number === day.number ? 'page' : undefined}
                  className={`inline-block rounded-full border px-3 py-1 font-medium ${d.number === day.number ? 'border-accent-700 bg-accent-700 text-white' : 'border-stone-300 hover:border-accent-500 dark:border-stone-700'}`}
                >
                  Day {d.number}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>

      {tracks.map((track) => (
        <section key={track.id} aria-labelledby={`track-${track.id}`} className="mb-10">
          <h2 id={`track-${track.id}`} className="text-2xl font-bold tracking-tight text-stone-900 dark:text-white">{track.name}</h2>
          {track.host && <p className="mt-1 text-stone-600 dark:text-stone-400">Hosted by {track.host}</p>}
          {track.talks.length === 0 ? (
            <p className="mt-4 text-stone-500">No talks recorded for this track yet.</p>
          ) : (
            <ol className="mt-4 space-y-4">
              {track.talks.map((talk) => (
                <li key={talk.id}><TalkItem talk={talk} rateable /></li>
              ))}
            </ol>
          )}
        </section>
      ))}

      {sessions.length > 0 && (
        <section aria-labelledby="sessions" className="mb-10">
          <h2 id="sessions" className="text-2xl font-bold tracking-tight text-stone-900 dark:text-white">
            {tracks.length > 0 ? 'Other sessions' : 'Sessions'}
          </h2>
          <ol className="mt-4 space-y-4">
            {sessions.map((talk) => (
              <li key={talk.id}><TalkItem talk={talk} rateable /></li>
            ))}
          </ol>
        </section>
      )}
      {tracks.length === 0 && sessions.length === 0 && <p>No talks recorded for this day yet.</p>}
    </>
  );
}
