import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { RatingDistribution } from '@/components/rating-distribution';
import { RatingForm } from '@/components/rating-form';
import { LiveRatingSummary } from '@/components/live-rating-summary';
import { ReviewList } from '@/components/review-list';
import { SpeakerList } from '@/components/speaker-list';
import { GoingToggle } from '@/components/going-toggle';
import { KIND_LABELS } from '@/components/talk-item';
import { TalkLinks } from '@/components/talk-links';
import { Badge } from '@/components/ui/badge';
import { JsonLd } from '@/components/json-ld';
import { getTalkBySlug } from '@/db/queries';
import { getRatingDistributionByTalk, getReviewsByTalk } from '@/db/ratings';
import { formatCalendarDate, formatPostDate, formatTimeInZone } from '@/lib/dates';
import { pageMetadata, truncate } from '@/lib/seo';
import { talkEventJsonLd } from '@/lib/structured-data';
import { slugParam } from '@/lib/slug';

export const revalidate = 60;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ slug: string; talk: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, talk: talkSlug } = await params.then((p) => ({ slug: slugParam(p.slug), talk: slugParam(p.talk) }));
  const talk = getTalkBySlug({ conferenceSlug: slug, talkSlug });
  if (!talk) return {};
  const by = talk.speakers.map((s) => s.name).join(', ');
  return pageMetadata({
    title: `${talk.title} — ${talk.conferenceName}`,
    description: truncate(talk.abstract ?? `${talk.title}${by ? ` by ${by}` : ''} at ${talk.conferenceName}.`),
    path: `/conferences/${talk.conferenceSlug}/talks/${talk.slug}`,
  });
}

export default async function TalkPage({ params }: Props) {
  const { slug, talk: talkSlug } = await params.then((p) => ({ slug: slugParam(p.slug), talk: slugParam(p.talk) }));
  const talk = getTalkBySlug({ conferenceSlug: slug, talkSlug });
  if (!talk) notFound();
  return (
    <article className="mx-auto max-w-3xl">
      <JsonLd data={talkEventJsonLd(talk)} />
      <header>
        <p className="text-sm font-semibold uppercase tracking-wide text-accent-700 dark:text-accent-400">
          <Link href={`/conferences/${talk.conferenceSlug}`} className="hover:underline">{talk.conferenceName}</Link>
          {talk.dayNumber && (
            <>
              {' / '}
              <Link href={`/conferences/${talk.conferenceSlug}/days/${talk.dayNumber}`} className="hover:underline">Day {talk.dayNumber}</Link>
            </>
          )}
        </p>
        <h1 className="mt-1 text-3xl font-bold tracking-tight text-balance text-stone-900 sm:text-4xl dark:text-white">{talk.title}</h1>
        <div className="mt-2 text-lg"><SpeakerList speakers={talk.speakers} /></div>
        <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-stone-500 dark:text-stone-400">Kind</dt>
          <dd><Badge tone="sky">{KIND_LABELS[talk.kind]}</Badge></dd>
          {talk.dayDate && (
            <>
              <dt className="text-stone-500 dark:text-stone-400">When</dt>
              <dd>
                {formatCalendarDate(talk.dayDate, { weekday: true })}
                {talk.startsAt !== null && <>, {formatTimeInZone(talk.startsAt, talk.timeZone)}</>}
                {talk.durationMinutes && <> ({talk.durationMinutes} min)</>}
              </dd>
            </>
          )}
          {talk.room && (
            <>
              <dt className="text-stone-500 dark:text-stone-400">Room</dt>
              <dd>{talk.room}</dd>
            </>
          )}
          {(talk.trackName || talk.dayTheme) && (
            <>
              <dt className="text-stone-500 dark:text-stone-400">Track</dt>
              <dd>
                {talk.trackName ?? talk.dayTheme}
                {talk.trackHost && <span className="text-stone-500 dark:text-stone-400"> · hosted by {talk.trackHost}</span>}
              </dd>
            </>
          )}
        </dl>
        <div className="mt-4 flex flex-col gap-2">
          <TalkLinks {...talk} />
          <LiveRatingSummary talkId={talk.id} ratingCount={talk.ratingCount} ratingSum={talk.ratingSum} attendanceCount={talk.attendanceCount} />
          {talk.startsAt !== null && <GoingToggle talkId={talk.id} talkTitle={talk.title} startsAt={talk.startsAt} goingCount={talk.goingCount} renderedAt={Date.now()} rateHref="#your-rating" />}
        </div>
      </header>

      {talk.abstract && (
        <section aria-labelledby="abstract" className="mt-8">
          <h2 id="abstract" className="text-xl font-semibold text-stone-900 dark:text-white">About the talk</h2>
          <p className="mt-2 max-w-prose">{talk.abstract}</p>
        </section>
      )}

      <section aria-labelledby="ratings" className="mt-10">
        <h2 id="ratings" className="text-xl font-semibold text-stone-900 dark:text-white">Ratings</h2>
        <div className="mt-4 grid items-start gap-6 sm:grid-cols-2">
          <RatingDistribution counts={getRatingDistributionByTalk({ talkId: talk.id })} ratingCount={talk.ratingCount} ratingSum={talk.ratingSum} />
          <div id="your-rating" className="scroll-mt-20 rounded-xl border border-stone-200 p-4 dark:border-stone-800">
            <h3 className="text-sm font-semibold text-stone-900 dark:text-white">Your rating</h3>
            <RatingForm talkId={talk.id} talkTitle={talk.title} startsAt={talk.startsAt} timeZone={talk.timeZone} dayDate={talk.dayDate} />
            <p className="mt-1 text-xs text-stone-500 dark:text-stone-400">Your stars count in the average above; a review appears below with your name.</p>
          </div>
        </div>
      </section>

      <section aria-labelledby="reviews" className="mt-10">
        <h2 id="reviews" className="text-xl font-semibold text-stone-900 dark:text-white">Reviews</h2>
        <ReviewList talkId={talk.id} reviews={getReviewsByTalk({ talkId: talk.id })} />
      </section>

      <section aria-labelledby="notes" className="mt-10">
        <h2 id="notes" className="text-xl font-semibold text-stone-900 dark:text-white">From the recaps</h2>
        {talk.notes.length === 0 ? (
          <p className="mt-2 text-stone-600 dark:text-stone-400">No recap covers this talk yet.</p>
        ) : (
          <ul className="mt-4 space-y-6">
            {talk.notes.map((n) => (
              <li key={n.slug} className="border-l-4 border-accent-200 pl-4 dark:border-accent-900">
                <p className="text-sm text-stone-600 dark:text-stone-400">
                  <Link href={`/posts/${n.slug}`} className="font-semibold text-stone-900 hover:underline dark:text-white">{n.title}</Link>
                  {' · '}
                  {n.authorName ?? 'A former member'}
                  {n.publishedAt && <>, {formatPostDate(n.publishedAt, n.utcOffsetMinutes)}</>}
                </p>
                {n.noteHtml && <div className="prose prose-stone mt-2 max-w-none dark:prose-invert" dangerouslySetInnerHTML={{ __html: n.noteHtml }} />}
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}
