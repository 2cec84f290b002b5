import Link from 'next/link';
import type { TalkCard } from '@/db/queries';
import { talkEnd } from '@/lib/programme-layout';
import { formatTimeInZone } from '@/lib/dates';
import { LiveRatingSummary } from './live-rating-summary';
import { SpeakerList } from './speaker-list';
import { TalkActions } from './talk-actions';
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
 * people thought. `rateable`: with "I'm going" and the one-tap stars (in the one client island of
 * components/talk-actions.tsx, with the verdict). `showTrack`: name the talk's track (where talks
 * are not grouped under it); `className`: e.g. the track's colour.
 */
export function TalkItem({ talk, headingLevel = 3, showConference = false, showTrack = false, rateable = false, className = '', children }: { talk: TalkCard; headingLevel?: 3 | 4; showConference?: boolean; showTrack?: boolean; rateable?: boolean; className?: string; children?: React.ReactNode }) {
  const H = `h${headingLevel}` as const;
  const endsAt = talkEnd(talk);
  return (
    <article className={className ? `talk-card ${className}` : 'talk-card'} aria-labelledby={`talk-${talk.id}`}>
      <div className="talk-meta">
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
        {showTrack && talk.trackName && <span className="talk-track">{talk.trackName}</span>}
        {talk.kind !== 'talk' && <Badge tone="sky">{KIND_LABELS[talk.kind]}</Badge>}
        {showConference && (
          <Link href={`/conferences/${talk.conferenceSlug}`} className="hover:underline">
            {talk.conferenceName}
            {talk.dayNumber ? `, day ${talk.dayNumber}` : ''}
          </Link>
        )}
      </div>
      <H id={`talk-${talk.id}`} className="talk-title">
        <Link href={`/conferences/${talk.conferenceSlug}/talks/${talk.slug}`}>
          {talk.title}
        </Link>
      </H>
      <SpeakerList speakers={talk.speakers} />
      <div className="talk-details" data-talk-details>
        <TalkLinks {...talk} />
        {rateable ? (
          <TalkActions
            talkId={talk.id}
            title={talk.title}
            path={`/conferences/${talk.conferenceSlug}/talks/${talk.slug}`}
            startsAt={talk.startsAt}
            goingCount={talk.goingCount}
            timeZone={talk.timeZone}
            dayDate={talk.dayDate}
            renderedAt={Date.now()}
            ratingCount={talk.ratingCount}
            ratingSum={talk.ratingSum}
            attendanceCount={talk.attendanceCount}
          />
        ) : (
          <LiveRatingSummary talkId={talk.id} ratingCount={talk.ratingCount} ratingSum={talk.ratingSum} attendanceCount={talk.attendanceCount} />
        )}
        {talk.recaps.length > 0 && (
          <p className="talk-note">
            {talk.recaps.length === 1 ? 'In the recap ' : 'In the recaps '}
            {talk.recaps.map((r, i) => (
              <span key={r.slug}>
                {i > 0 && ', '}
                <Link href={`/posts/${r.slug}`} className="link-quiet">
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
