import Link from 'next/link';
import type { TalkCard } from '@/db/queries';
import { talkEnd } from '@/lib/programme-layout';
import { formatTimeInZone } from '@/lib/dates';
import { GoingToggle } from './going-toggle';
import { LiveRatingSummary } from './live-rating-summary';
import { QuickRating } from './quick-rating';
import { SpeakerList } from './speaker-list';
import { TalkLinks } from './talk-links';
import { Badge } from './ui/badge';

export const KIND_LABELS = {
  talk: 'Talk',
  keynote: 'Keynote',
  panel: 'Panel',
  ama: 'AMA',
  workshop: 'Workshop',
  lightning: 'Lightning talk',
} as const;

/**
 * One talk in a day's list or a speaker's page: what it is, who gave it, where to watch it, what
 * people thought. `rateable`: with "I'm going" and the one-tap stars (small client islands; see
 * components/going-toggle.tsx and quick-rating.tsx). `showTrack`: name the talk's track (where talks
 * are not grouped under it); `className`: e.g. the track's colour.
 */
export function TalkItem({ talk, headingLevel = 3, showConference = false, showTrack = false, rateable = false, className = '', children }: { talk: TalkCard; headingLevel?: 3 | 4; showConference?: boolean; showTrack?: boolean; rateable?: boolean; className?: string; children?: React.ReactNode }) {
  const H = `h${headingLevel}` as const;
  const endsAt = talkEnd(talk);
  return (
    <article className={`rounded-xl border border-stone-200 p-5 dark:border-stone-800 ${className}`} aria-labelledby={`talk-${talk.id}`}>
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-stone-500 dark:text-stone-400">
        {talk.startsAt !== null && (
          <span className="font-mono">
            <time dateTime={new Date(talk.startsAt).toISOString()}>{formatTimeInZone(talk.startsAt, talk.timeZone)}</time>
            {endsAt !== null && (
              <>
                –<time dateTime={new Date(endsAt).toISOString()}>{formatTimeInZone(endsAt, talk.timeZone)}</time>
              </>
            )}
          </span>
        )}
        {talk.room && <span>{talk.room}</span>}
        {showTrack && talk.trackName && <span className="font-medium text-stone-700 dark:text-stone-300">{talk.trackName}</span>}
        {talk.kind !== 'talk' && <Badge tone="sky">{KIND_LABELS[talk.kind]}</Badge>}
        {showConference && (
          <Link href={`/conferences/${talk.conferenceSlug}`} className="hover:underline">
            {talk.conferenceName}
            {talk.dayNumber ? `, day ${talk.dayNumber}` : ''}
          </Link>
        )}
      </div>
      <H id={`talk-${talk.id}`} className="mt-1 text-lg font-semibold text-stone-900 dark:text-white">
        <Link href={`/conferences/${talk.conferenceSlug}/talks/${talk.slug}`} className="hover:text-accent-700 dark:hover:text-accent-400">
          {talk.title}
        </Link>
      </H>
      <SpeakerList speakers={talk.speakers} />
      <div className="mt-3 flex flex-col gap-2" data-talk-details>
        <TalkLinks {...talk} />
        <LiveRatingSummary talkId={talk.id} ratingCount={talk.ratingCount} ratingSum={talk.ratingSum} attendanceCount={talk.attendanceCount} />
        {rateable && talk.startsAt !== null && <GoingToggle talkId={talk.id} talkTitle={talk.title} startsAt={talk.startsAt} goingCount={talk.goingCount} renderedAt={Date.now()} rateHref={`/conferences/${talk.conferenceSlug}/talks/${talk.slug}#your-rating`} />}
        {rateable && (
          <QuickRating
            talkId={talk.id}
            title={talk.title}
            path={`/conferences/${talk.conferenceSlug}/talks/${talk.slug}`}
            startsAt={talk.startsAt}
            timeZone={talk.timeZone}
            dayDate={talk.dayDate}
          />
        )}
        {talk.recaps.length > 0 && (
          <p className="text-sm text-stone-600 dark:text-stone-400">
            In {talk.recaps.length === 1 ? 'the recap' : 'the recaps'}{' '}
            {talk.recaps.map((r, i) => (
              <span key={r.slug}>
                {i > 0 && ', '}
                <Link href={`/posts/${r.slug}`} className="link-quiet font-medium text-stone-800 dark:text-stone-200">
                  {r.title}
                </Link>
              </span>
            ))}
          </p>
        )}
      </div>
      {children}
    </article>
  );
}
