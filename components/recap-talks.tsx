import Link from 'next/link';
import type { TalkCard } from '@/db/queries';
import { formatCalendarDate } from '@/lib/dates';
import { RatingSummary } from './rating-summary';
import { SpeakerList } from './speaker-list';
import { TalkLinks } from './talk-links';

type CoveredTalk = TalkCard & { noteHtml: string };

/** Groups a recap's talks by day, then track, keeping the author's order within each group. */
function groupByDayAndTrack(talks: CoveredTalk[]) {
  const days = new Map<string, { label: string; conferenceSlug: string; dayNumber: number | null; tracks: Map<string, { name: string | null; host: string | null; talks: CoveredTalk[] }> }>();
  for (const talk of talks) {
    const dayKey = `${talk.conferenceSlug}:${talk.dayNumber ?? '-'}`;
    if (!days.has(dayKey)) {
      const label = talk.dayNumber
        ? `Day ${talk.dayNumber}${talk.dayDate ? ` — ${formatCalendarDate(talk.dayDate, { weekday: true })}` : ''}`
        : 'Other sessions';
      days.set(dayKey, { label, conferenceSlug: talk.conferenceSlug, dayNumber: talk.dayNumber, tracks: new Map() });
    }
    const day = days.get(dayKey)!;
    const trackKey = String(talk.trackId ?? 'none');
    if (!day.tracks.has(trackKey)) day.tracks.set(trackKey, { name: talk.trackName ?? talk.dayTheme, host: talk.trackHost, talks: [] });
    day.tracks.get(trackKey)!.talks.push(talk);
  }
  return [...days.values()];
}

export function RecapTalks({ talks }: { talks: CoveredTalk[] }) {
  const days = groupByDayAndTrack(talks);
  return (
    <section aria-labelledby="talks-covered" className="mt-12 border-t border-stone-200 pt-8 dark:border-stone-800">
      <h2 id="talks-covered" className="text-2xl font-bold tracking-tight text-stone-900 dark:text-white">Talks in this recap</h2>
      {days.map((day) => (
        <section key={day.label + day.conferenceSlug} className="mt-8" aria-label={day.label}>
          <h3 className="text-xl font-semibold text-stone-900 dark:text-white">
            {day.dayNumber ? (
              <Link href={`/conferences/${day.conferenceSlug}/days/${day.dayNumber}`} className="hover:text-accent-700 hover:underline dark:hover:text-accent-400">{day.label}</Link>
            ) : day.label}
          </h3>
          {[...day.tracks.values()].map((track, i) => (
            <div key={i} className="mt-4">
              {track.name && (
                <p className="text-sm text-stone-600 dark:text-stone-400">
                  <span className="font-semibold text-stone-800 dark:text-stone-200">{track.name}</span>
                  {track.host && <> · hosted by {track.host}</>}
                </p>
              )}
              <ol className="mt-3 space-y-6">
                {track.talks.map((talk) => (
                  <li key={talk.id}>
                    <h4 className="text-lg font-semibold">
                      <Link href={`/conferences/${talk.conferenceSlug}/talks/${talk.slug}`} className="text-stone-900 hover:text-accent-700 dark:text-white dark:hover:text-accent-400">{talk.title}</Link>
                    </h4>
                    <SpeakerList speakers={talk.speakers} />
                    <div className="mt-2 flex flex-col gap-1.5">
                      <TalkLinks {...talk} />
                      <RatingSummary {...talk} />
                    </div>
                    {talk.noteHtml && (
                      <div className="prose prose-stone mt-3 max-w-none dark:prose-invert" dangerouslySetInnerHTML={{ __html: talk.noteHtml }} />
                    )}
                  </li>
                ))}
              </ol>
            </div>
          ))}
        </section>
      ))}
    </section>
  );
}
