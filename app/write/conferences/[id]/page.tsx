import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { WriteNav } from '@/components/write/write-nav';
import { getConferenceForEditor, getRecentChangesByConference, getSpeakerNames, MAX_DAYS_AT_ONCE, type AuditEntry, type EditorTalk } from '@/db/conferences';
import { requireUser } from '@/lib/auth/current-user';
import { datesFromTo, formatCalendarDate, formatDateRange } from '@/lib/dates';
import { formatRelative } from '@/lib/relative-time';
import { TALK_KIND_LABELS } from '@/lib/talk-kinds';
import {
  AddDayForm,
  AddMissingDaysForm,
  AddTrackForm,
  ConferenceForm,
  DayEditor,
  DeleteConferenceForm,
  PasteTalksForm,
  RemoveTalkButton,
  TalkForm,
  TrackEditor,
} from '../forms';
import { defaultPlacement, placementGroups } from '../placements';

export const metadata: Metadata = { title: 'Edit conference', robots: { index: false } };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const KIND_LABEL: Record<string, string> = TALK_KIND_LABELS;

const ACTION_WORDS: Record<string, string> = {
  'conference.create': 'created the conference',
  'conference.update': 'edited the conference',
  'day.create': 'added a day',
  'day.update': 'edited a day',
  'day.delete': 'removed a day',
  'track.create': 'added a track',
  'track.update': 'edited a track',
  'track.delete': 'removed a track',
  'talk.create': 'added a talk',
  'talk.update': 'edited a talk',
  'talk.delete': 'removed a talk',
  'speaker.create': 'added a speaker',
};

/** One line of history, in words: who did what to which thing. */
function describe(entry: AuditEntry): { what: string; detail: string | null } {
  const d = entry.detail as Record<string, unknown>;
  const what = ACTION_WORDS[entry.action] ?? entry.action;
  const name = (d.title ?? d.name ?? d.date ?? null) as string | null;
  let detail: string | null = name ? `“${name}”` : null;
  if (entry.action === 'talk.delete' && typeof d.ratings === 'number' && d.ratings > 0) {
    detail = `${detail} with its ${d.ratings} rating${d.ratings === 1 ? '' : 's'}${typeof d.average === 'number' ? ` (average ${d.average.toFixed(1)})` : ''}`;
  }
  if ((entry.action.endsWith('.update')) && d.changes && typeof d.changes === 'object') {
    const fields = Object.keys(d.changes as object).filter((f) => f !== 'updatedBy');
    if (fields.length) detail = `${detail ? `${detail}: ` : ''}${fields.join(', ')}`;
  }
  if (d.source === 'pasted list') detail = `${detail} (from a pasted list)`;
  return { what, detail };
}

export default async function EditConferencePage({ params, searchParams }: Props) {
  const { id: raw } = await params;
  await requireUser(`/write/conferences/${raw}`, 'author');
  const id = Number(raw);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const data = getConferenceForEditor({ id });
  if (!data) notFound();
  const { conference, days, talks, recapCount } = data;
  const changes = getRecentChangesByConference({ conferenceId: id, limit: 15 });
  const groups = placementGroups(days);
  const placement = defaultPlacement(days);
  const speakerSuggestions = getSpeakerNames();
  const zones = Intl.supportedValuesOf('timeZone');
  const sp = await searchParams;
  const now = Date.now();

  const talksOf = (dayId: number | null, trackId: number | null) => talks.filter((t) => t.dayId === dayId && t.trackId === trackId);
  const unplaced = talks.filter((t) => t.dayId === null);
  const totalRatings = talks.reduce((n, t) => n + t.ratingRows, 0);
  const blocked =
    recapCount > 0
      ? `${recapCount} recap${recapCount === 1 ? ' is' : 's are'} filed under this conference, so it cannot be deleted.`
      : totalRatings > 0
        ? `Its talks have ${totalRatings} rating${totalRatings === 1 ? '' : 's'}, so it cannot be deleted.`
        : null;
  const nextDate = (() => {
    const last = days.at(-1)?.date;
    if (!last) return conference.startDate;
    const d = new Date(`${last}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + 1);
    const iso = d.toISOString().slice(0, 10);
    return iso > conference.endDate ? conference.endDate : iso;
  })();

  // Null for a range too long to fill in one step (the form adds days one by one).
  const allDates = datesFromTo(conference.startDate, conference.endDate, MAX_DAYS_AT_ONCE);
  const missingDays = allDates ? allDates.filter((date) => !days.some((d) => d.date === date)).length : 0;

  return (
    <>
      <WriteNav current="conferences" />
      <p className="text-sm">
        <Link href="/write/conferences" className="font-medium text-accent-700 hover:underline dark:text-accent-400">
          ← All conferences
        </Link>
      </p>
      <div className="mt-2 flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-bold tracking-tight text-stone-900 dark:text-white">{conference.name}</h1>
          <p className="mt-1 text-stone-600 dark:text-stone-400">
            {formatDateRange(conference.startDate, conference.endDate)}
            {conference.location && <> · {conference.location}</>} · {conference.timeZone}
          </p>
        </div>
        <Link href={`/conferences/${conference.slug}`} className="rounded-md border border-stone-300 px-3 py-1.5 text-sm font-medium text-stone-800 hover:bg-stone-100 dark:border-stone-700 dark:text-stone-100 dark:hover:bg-stone-800">
          View on Hallway
        </Link>
      </div>
      {sp.created === '1' && (
        <p role="status" className="mt-4 rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100">
          Conference created. Next: add its days, then tracks and talks.
        </p>
      )}

      <nav aria-label="On this page" className="mt-6 flex flex-wrap gap-2 text-sm">
        {[
          ['#days', `Days and tracks (${days.length})`],
          ['#talks', `Talks (${talks.length})`],
          ['#add-talk', 'Add a talk'],
          ['#paste', 'Paste a list'],
          ['#details', 'Details'],
          ['#history', 'Recent changes'],
        ].map(([href, label]) => (
          <a key={href} href={href} className="rounded-full border border-stone-300 px-3 py-1 text-stone-700 hover:bg-stone-100 dark:border-stone-700 dark:text-stone-300 dark:hover:bg-stone-800">
            {label}
          </a>
        ))}
      </nav>

      {/* Days and tracks */}
      <section id="days" aria-labelledby="days-heading" className="mt-8 scroll-mt-4">
        <h2 id="days-heading" className="text-xl font-semibold text-stone-900 dark:text-white">
          Days and tracks
        </h2>
        {days.length === 0 ? (
          <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">No days yet. Add the first one below: days are numbered by date.</p>
        ) : (
          <ol className="mt-4 grid gap-4 md:grid-cols-2" aria-label="Days">
            {days.map((day) => (
              <li key={day.id} className="rounded-xl border border-stone-200 p-4 dark:border-stone-800">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <h3 className="font-semibold text-stone-900 dark:text-white">
                    Day {day.number} <span className="font-normal text-stone-600 dark:text-stone-400">· {formatCalendarDate(day.date, { weekday: true })}</span>
                  </h3>
                  <DayEditor day={{ ...day, trackCount: day.tracks.length, talkCount: talks.filter((t) => t.dayId === day.id).length }} />
                </div>
                {day.theme && <p className="text-sm italic text-stone-600 dark:text-stone-400">{day.theme}</p>}
                <ul className="mt-3 space-y-2" aria-label={`Tracks of day ${day.number}`}>
                  {day.tracks.length === 0 && <li className="text-sm text-stone-500">No tracks: talks can still sit on this day outside any track.</li>}
                  {day.tracks.map((track) => (
                    <li key={track.id} className="rounded-lg bg-stone-50 px-3 py-2 text-sm dark:bg-stone-900/60">
                      <div className="flex flex-wrap items-center justify-between gap-2">
                        <span>
                          <span className="font-medium text-stone-900 dark:text-white">{track.name}</span>
                          {track.host && <span className="text-stone-600 dark:text-stone-400"> · hosted by {track.host}</span>}
                          <span className="text-stone-500"> · {talksOf(day.id, track.id).length} talks</span>
                        </span>
                        <TrackEditor track={track} />
                      </div>
                    </li>
                  ))}
                </ul>
                <details className="mt-3">
                  <summary className="cursor-pointer text-sm font-medium text-accent-700 dark:text-accent-400">Add a track to day {day.number}</summary>
                  <div className="mt-3">
                    <AddTrackForm dayId={day.id} dayNumber={day.number} />
                  </div>
                </details>
              </li>
            ))}
          </ol>
        )}
        <div className="mt-4 rounded-xl border border-dashed border-stone-300 p-4 dark:border-stone-700">
          <h3 className="mb-3 text-sm font-semibold text-stone-900 dark:text-white">Add a day</h3>
          {allDates && (
            <div className="mb-4">
              <AddMissingDaysForm conferenceId={id} missing={missingDays} dates={formatDateRange(conference.startDate, conference.endDate)} />
            </div>
          )}
          <AddDayForm conferenceId={id} startDate={conference.startDate} endDate={conference.endDate} suggested={nextDate} />
        </div>
      </section>

      {/* Talks */}
      <section id="talks" aria-labelledby="talks-heading" className="mt-10 scroll-mt-4">
        <h2 id="talks-heading" className="text-xl font-semibold text-stone-900 dark:text-white">
          Talks
        </h2>
        {talks.length === 0 ? (
          <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">No talks yet. Add them one by one, or paste a whole list below.</p>
        ) : (
          <div className="mt-4 space-y-6">
            {days.map((day) => {
              const sections = [...day.tracks.map((t) => ({ key: `t${t.id}`, label: t.name, talks: talksOf(day.id, t.id) })), { key: 'none', label: 'Outside any track', talks: talksOf(day.id, null) }].filter((s) => s.talks.length);
              if (!sections.length) return null;
              return (
                <div key={day.id}>
                  <h3 className="text-sm font-semibold uppercase tracking-wide text-stone-500 dark:text-stone-400">
                    Day {day.number} · {formatCalendarDate(day.date)}
                  </h3>
                  {sections.map((s) => (
                    <div key={s.key} className="mt-2">
                      <p className="text-sm font-medium text-stone-800 dark:text-stone-200">{s.label}</p>
                      <TalkRows conferenceId={id} talks={s.talks} />
                    </div>
                  ))}
                </div>
              );
            })}
            {unplaced.length > 0 && (
              <div>
                <h3 className="text-sm font-semibold uppercase tracking-wide text-stone-500 dark:text-stone-400">Not on a day yet</h3>
                <TalkRows conferenceId={id} talks={unplaced} />
              </div>
            )}
          </div>
        )}
      </section>

      <div className="mt-10 grid gap-8">
        <section id="add-talk" aria-labelledby="add-talk-heading" className="scroll-mt-4 rounded-xl border border-stone-200 p-5 dark:border-stone-800">
          <h2 id="add-talk-heading" className="mb-4 text-lg font-semibold text-stone-900 dark:text-white">
            Add a talk
          </h2>
          <TalkForm conferenceId={id} groups={groups} speakerSuggestions={speakerSuggestions} timeZone={conference.timeZone} defaultPlacement={placement} />
        </section>
        <section id="paste" aria-labelledby="paste-heading" className="scroll-mt-4 rounded-xl border border-stone-200 p-5 dark:border-stone-800">
          <h2 id="paste-heading" className="mb-1 text-lg font-semibold text-stone-900 dark:text-white">
            Paste a list of talks
          </h2>
          <p className="mb-4 text-sm text-stone-600 dark:text-stone-400">From a programme page: one talk per line. Speakers already on Hallway are reused.</p>
          <PasteTalksForm conferenceId={id} groups={groups} defaultPlacement={placement} />
        </section>
      </div>

      <section id="details" aria-labelledby="details-heading" className="mt-10 scroll-mt-4 rounded-xl border border-stone-200 p-5 dark:border-stone-800">
        <h2 id="details-heading" className="mb-4 text-lg font-semibold text-stone-900 dark:text-white">
          Details
        </h2>
        <ConferenceForm
          zones={zones}
          conference={{
            id: conference.id,
            name: conference.name,
            slug: conference.slug,
            city: conference.city ?? '',
            location: conference.location ?? '',
            startDate: conference.startDate,
            endDate: conference.endDate,
            website: conference.website ?? '',
            timeZone: conference.timeZone,
            description: conference.description ?? '',
          }}
        />
      </section>

      <section id="history" aria-labelledby="history-heading" className="mt-10 scroll-mt-4">
        <h2 id="history-heading" className="text-xl font-semibold text-stone-900 dark:text-white">
          Recent changes
        </h2>
        {changes.length === 0 ? (
          <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">No recorded changes yet.</p>
        ) : (
          <ol className="mt-3 divide-y divide-stone-200 rounded-xl border border-stone-200 text-sm dark:divide-stone-800 dark:border-stone-800" aria-label="Recent changes">
            {changes.map((c) => {
              const { what, detail } = describe(c);
              return (
                <li key={c.id} className="flex flex-col gap-0.5 px-4 py-2.5 sm:flex-row sm:items-baseline sm:justify-between">
                  <p className="text-stone-800 dark:text-stone-200">
                    <span className="font-medium">{c.actorName ?? 'A former member'}</span> {what}
                    {detail && <span className="text-stone-600 dark:text-stone-400"> {detail}</span>}
                  </p>
                  <time dateTime={new Date(c.at).toISOString()} className="shrink-0 text-xs text-stone-500" title={new Date(c.at).toISOString()}>
                    {formatRelative(c.at, now)}
                  </time>
                </li>
              );
            })}
          </ol>
        )}
      </section>

      <section aria-labelledby="danger-heading" className="mt-10 rounded-xl border border-red-200 p-5 dark:border-red-950">
        <h2 id="danger-heading" className="mb-2 text-lg font-semibold text-stone-900 dark:text-white">
          Delete this conference
        </h2>
        <DeleteConferenceForm conferenceId={id} name={conference.name} blocked={blocked} />
      </section>
    </>
  );
}

function TalkRows({ conferenceId, talks }: { conferenceId: number; talks: EditorTalk[] }) {
  return (
    <ul className="mt-1 divide-y divide-stone-200 rounded-lg border border-stone-200 dark:divide-stone-800 dark:border-stone-800">
      {talks.map((t) => (
        <li key={t.id} className="flex flex-col gap-1 px-3 py-2 sm:flex-row sm:items-start sm:justify-between">
          <div className="min-w-0 text-sm">
            <p>
              {t.time && <span className="mr-2 font-mono text-stone-500">{t.time}</span>}
              <span className="font-medium text-stone-900 dark:text-white">{t.title}</span>
              {t.kind !== 'talk' && <span className="ml-2 rounded-full bg-sky-100 px-2 py-0.5 text-xs font-semibold text-sky-800 dark:bg-sky-950 dark:text-sky-200">{KIND_LABEL[t.kind]}</span>}
            </p>
            <p className="text-stone-600 dark:text-stone-400">
              {t.speakers.length ? t.speakers.map((s) => s.name).join(', ') : 'No speaker yet'}
              {t.room && <> · {t.room}</>}
              {t.ratingRows > 0 && <> · {t.ratingRows} rating{t.ratingRows === 1 ? '' : 's'}</>}
            </p>
          </div>
          <div className="flex shrink-0 items-start gap-3">
            <Link href={`/write/conferences/${conferenceId}/talks/${t.id}`} className="text-sm font-medium text-accent-700 hover:underline dark:text-accent-400" aria-label={`Edit “${t.title}”`}>
              Edit
            </Link>
            <RemoveTalkButton talkId={t.id} title={t.title} />
          </div>
        </li>
      ))}
    </ul>
  );
}
