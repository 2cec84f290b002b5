import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { TalkItem } from '@/components/talk-item';
import { JsonLd } from '@/components/json-ld';
import { getSpeakerBySlug } from '@/db/queries';
import { formatCalendarDate } from '@/lib/dates';
import { pageMetadata, truncate } from '@/lib/seo';
import { speakerJsonLd } from '@/lib/structured-data';
import { slugParam } from '@/lib/slug';

export const revalidate = 60;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const slug = slugParam((await params).slug);
  const data = getSpeakerBySlug({ slug });
  if (!data) return {};
  const conferences = [...new Set(data.talks.map((t) => t.conferenceName))];
  return pageMetadata({
    title: data.speaker.name,
    description: truncate(
      data.speaker.bio ??
        `${data.talks.length} ${data.talks.length === 1 ? 'talk' : 'talks'} by ${data.speaker.name}${conferences.length ? ` at ${conferences.join(', ')}` : ''}, with recaps and ratings.`,
    ),
    path: `/speakers/${data.speaker.slug}`,
    openGraph: { type: 'profile' },
  });
}

export default async function SpeakerPage({ params }: Props) {
  const slug = slugParam((await params).slug);
  const data = getSpeakerBySlug({ slug });
  if (!data) notFound();
  const { speaker, talks, hostedTracks } = data;
  return (
    <>
      <JsonLd data={speakerJsonLd(speaker)} />
      <header className="mb-8">
        <p className="text-sm font-semibold uppercase tracking-wide text-accent-700 dark:text-accent-400">
          <Link href="/speakers" className="hover:underline">Speakers</Link>
        </p>
        <h1 className="mt-1 text-3xl font-bold tracking-tight text-stone-900 sm:text-4xl dark:text-white">{speaker.name}</h1>
        {speaker.bio && <p className="mt-3 max-w-prose">{speaker.bio}</p>}
        <p className="mt-2 text-stone-600 dark:text-stone-400">
          {talks.length} {talks.length === 1 ? 'session' : 'sessions'}
        </p>
      </header>
      <ol className="space-y-4">
        {talks.map((talk) => (
          <li key={talk.id}><TalkItem talk={talk} headingLevel={3} showConference /></li>
        ))}
      </ol>
      {hostedTracks.length > 0 && (
        <section aria-labelledby="tracks-hosted" className="mt-12">
          <h2 id="tracks-hosted" className="text-2xl font-bold tracking-tight text-stone-900 dark:text-white">Tracks hosted</h2>
          <ul className="mt-4 space-y-3">
            {hostedTracks.map((track) => (
              <li key={track.id}>
                <Link
                  href={`/conferences/${track.conferenceSlug}/days/${track.dayNumber}#track-${track.id}`}
                  className="font-semibold text-accent-700 hover:underline dark:text-accent-400"
                >
                  {track.name}
                </Link>
                <p className="text-sm text-stone-600 dark:text-stone-400">
                  {track.conferenceName}, day {track.dayNumber} ({formatCalendarDate(track.dayDate, { weekday: true })})
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
