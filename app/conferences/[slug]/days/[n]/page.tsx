import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { JsonLd } from '@/components/json-ld';
import { NowNext } from '@/components/now-next';
import { NowWindowScript } from '@/components/now-window-script';
import { TalkItem } from '@/components/talk-item';
import { getDayProgramme } from '@/db/queries';
import { calendarDaysInZone, formatCalendarDate } from '@/lib/dates';
import { layOutProgramme } from '@/lib/programme-layout';
import { pageMetadata } from '@/lib/seo';
import { conferenceDayJsonLd } from '@/lib/structured-data';
import { slugParam } from '@/lib/slug';
import { Programme, ProgrammeViewScript, talkData, trackColour } from './programme';
import { ProgrammeControls } from './programme-controls';

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
  const { conference, day, days, rooms, tracks, sessions } = data;
  const all = [...tracks.flatMap((t) => t.talks), ...sessions];
  const layout = layOutProgramme(
    all.filter((t): t is typeof t & { startsAt: number } => t.startsAt !== null),
    rooms,
  );
  const untimedTracks = tracks.map((t) => ({ ...t, talks: t.talks.filter((c) => c.startsAt === null) })).filter((t) => !layout || t.talks.length > 0);
  const untimedSessions = sessions.filter((c) => c.startsAt === null);
  const trackIds = tracks.map((t) => t.id);
  // Timed talks go in the programme; those without a time keep their tracks, under a heading of their own when both exist.
  const untimedHeading = layout ? 3 : 2;
  const calendar = calendarDaysInZone(day.date, day.date, conference.timeZone);
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

      {layout && (
        <>
          <NowWindowScript from={Math.min(calendar.from, layout.startsAt)} until={Math.max(calendar.until, layout.endsAt)} />
          <NowNext timeZone={conference.timeZone} />
        </>
      )}
      {layout && tracks.length > 0 && (
        <ul aria-label="Tracks" className="mb-4 flex flex-wrap gap-x-6 gap-y-2 text-sm">
          {tracks.map((t) => (
            // The anchor speaker pages link to, unless the track's section below (talks without a time) has it.
            <li key={t.id} id={untimedTracks.some((u) => u.id === t.id) ? undefined : `track-${t.id}`} className={`pl-2 ${trackColour(trackIds, t.id)}`}>
              <span className="font-semibold text-stone-900 dark:text-white">{t.name}</span>
              {t.host && <span className="text-stone-600 dark:text-stone-400"> · hosted by {t.host}</span>}
            </li>
          ))}
        </ul>
      )}
      {all.length > 0 && (
        <>
          <ProgrammeViewScript />
          <ProgrammeControls
            tracks={tracks.map((t) => t.name)}
            rooms={[...new Set([...(layout?.rooms.map((r) => r.name) ?? []), ...all.map((t) => t.room).filter((r): r is string => !!r)])]}
            total={all.length}
          />
        </>
      )}

      <div id="programme">
        {layout && <Programme layout={layout} trackIds={trackIds} timeZone={conference.timeZone} />}
        <UntimedGroup heading={layout && (untimedTracks.length > 0 || untimedSessions.length > 0) ? 'Time not announced' : null}>
          {untimedTracks.map((track) => (
            <section key={track.id} data-group aria-labelledby={`track-${track.id}`} className="mb-10">
              <TrackHeading level={untimedHeading} id={`track-${track.id}`}>{track.name}</TrackHeading>
              {track.host && <p className="mt-1 text-stone-600 dark:text-stone-400">Hosted by {track.host}</p>}
              {track.talks.length === 0 ? (
                <p className="mt-4 text-stone-500">No talks recorded for this track yet.</p>
              ) : (
                <ol className="mt-4 space-y-4">
                  {track.talks.map((talk) => (
                    <li key={talk.id} {...talkData(talk)}>
                      <TalkItem talk={talk} headingLevel={layout ? 4 : 3} rateable className={trackColour(trackIds, talk.trackId)} />
                    </li>
                  ))}
                </ol>
              )}
            </section>
          ))}

          {untimedSessions.length > 0 && (
            <section data-group aria-labelledby="sessions" className="mb-10">
              <TrackHeading level={untimedHeading} id="sessions">{tracks.length > 0 ? 'Other sessions' : 'Sessions'}</TrackHeading>
              <ol className="mt-4 space-y-4">
                {untimedSessions.map((talk) => (
                  <li key={talk.id} {...talkData(talk)}>
                    <TalkItem talk={talk} headingLevel={layout ? 4 : 3} rateable />
                  </li>
                ))}
              </ol>
            </section>
          )}
        </UntimedGroup>
      </div>
      {all.length === 0 && tracks.length === 0 && <p>No talks recorded for this day yet.</p>}
    </>
  );
}

function TrackHeading({ level, id, children }: { level: 2 | 3; id: string; children: React.ReactNode }) {
  const H = `h${level}` as const;
  return <H id={id} className={`${level === 2 ? 'text-2xl' : 'text-xl'} font-bold tracking-tight text-stone-900 dark:text-white`}>{children}</H>;
}

/** Talks without a time, after the timed programme: a group of their own when there is one. */
function UntimedGroup({ heading, children }: { heading: string | null; children: React.ReactNode }) {
  if (!heading) return children;
  return (
    <section data-group aria-labelledby="untimed" className="mt-12">
      <h2 id="untimed" className="mb-6 text-2xl font-bold tracking-tight text-stone-900 dark:text-white">{heading}</h2>
      {children}
    </section>
  );
}
