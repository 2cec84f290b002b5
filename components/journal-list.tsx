import Link from 'next/link';
import type { JournalTotals as JournalTotalsData } from '@/db/journal';
import type { JournalEntry } from '@/db/ratings';
import { formatCalendarDate, formatTimeInZone } from '@/lib/dates';
import { SEEN_HOW_LABELS } from '@/lib/ratings';
import { QuickRating } from './quick-rating';
import { RatingStars } from './rating-stars';
import { SpeakerList } from './speaker-list';

type Group = { key: string; slug: string; name: string; startDate: string; days: { key: string; number: number | null; date: string | null; entries: JournalEntry[] }[] };

/** Entries (already ordered by conference, day, time) grouped by conference, then day. */
function group(entries: JournalEntry[]): Group[] {
  const out: Group[] = [];
  for (const e of entries) {
    let conf = out.at(-1);
    if (!conf || conf.slug !== e.talk.conferenceSlug) {
      conf = { key: e.talk.conferenceSlug, slug: e.talk.conferenceSlug, name: e.talk.conferenceName, startDate: e.conferenceStartDate, days: [] };
      out.push(conf);
    }
    let day = conf.days.at(-1);
    if (!day || day.number !== e.talk.dayNumber) {
      day = { key: `${conf.slug}-${e.talk.dayNumber ?? 'none'}`, number: e.talk.dayNumber, date: e.talk.dayDate, entries: [] };
      conf.days.push(day);
    }
    day.entries.push(e);
  }
  return out;
}

export const JOURNAL_PER_PAGE = 50;

/** The page of a journal to show: a page number that is not one (or past the end) shows the nearest page. */
export function journalPage(total: number, requested: string | undefined) {
  const pageCount = Math.max(1, Math.ceil(total / JOURNAL_PER_PAGE));
  const asked = Number(requested);
  const page = Number.isInteger(asked) ? Math.min(Math.max(asked, 1), pageCount) : 1;
  return { page, pageCount, perPage: JOURNAL_PER_PAGE };
}

export function JournalTotals({ totals: t, filtered }: { totals: JournalTotalsData; filtered: boolean }) {
  const item = 'min-w-0 rounded-xl border border-stone-200 px-3 py-3 sm:px-4 dark:border-stone-800';
  const label = 'text-xs font-medium leading-tight text-stone-500 dark:text-stone-400';
  return (
    <dl className="grid grid-cols-3 gap-2 sm:gap-3" aria-label={filtered ? 'Totals for the filtered journal' : 'Totals'}>
      <div className={item}>
        <dt className={label}>Talks seen</dt>
        <dd className="mt-1 text-2xl font-bold text-stone-900 tabular-nums dark:text-white">{t.talks}</dd>
      </div>
      <div className={item}>
        <dt className={label}>Conferences</dt>
        <dd className="mt-1 text-2xl font-bold text-stone-900 tabular-nums dark:text-white">{t.conferences}</dd>
      </div>
      <div className={item}>
        <dt className={label}>Average stars given</dt>
        <dd className="mt-1 text-2xl font-bold text-stone-900 tabular-nums dark:text-white">
          {t.averageStars === null ? '–' : t.averageStars.toFixed(1)}
          {t.rated > 0 && (
            <span className="block text-xs font-normal text-stone-500 sm:ml-1 sm:inline dark:text-stone-400">
              from {t.rated} rated
            </span>
          )}
        </dd>
      </div>
    </dl>
  );
}

/**
 * A journal: talks seen, grouped by conference and day, with stars, how seen and the review.
 * `editable` (the owner's /journal) adds the rating form to each entry; the public /u/[handle]
 * view is read-only and never shows a review a moderator hid (the query leaves it out).
 */
export function JournalList({ entries, editable = false }: { entries: JournalEntry[]; editable?: boolean }) {
  return (
    <div className="space-y-10">
      {group(entries).map((conf) => (
        <section key={conf.key} aria-labelledby={`journal-${conf.key}`}>
          <h2 id={`journal-${conf.key}`} className="text-2xl font-bold tracking-tight text-stone-900 dark:text-white">
            <Link href={`/conferences/${conf.slug}`} className="hover:text-accent-700 dark:hover:text-accent-400">
              {conf.name}
            </Link>
          </h2>
          {conf.days.map((day) => (
            <div key={day.key} className="mt-4">
              <h3 className="text-sm font-semibold uppercase tracking-wide text-accent-700 dark:text-accent-400">
                {day.number ? (
                  <Link href={`/conferences/${conf.slug}/days/${day.number}`} className="hover:underline">
                    Day {day.number}
                    {day.date && <span className="font-normal normal-case tracking-normal text-stone-500 dark:text-stone-400"> · {formatCalendarDate(day.date, { weekday: true })}</span>}
                  </Link>
                ) : (
                  'Not on a day'
                )}
              </h3>
              <ol className="mt-2 space-y-3">
                {day.entries.map((e) => (
                  <li key={e.talk.id} className="rounded-xl border border-stone-200 p-4 dark:border-stone-800">
                    <JournalEntryCard entry={e} editable={editable} />
                  </li>
                ))}
              </ol>
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}

/**
 * One talk seen: time and track, title, speakers, and the rating (its form on the owner's journal,
 * read-only elsewhere). `showConference` where the list is not grouped by conference (the diary).
 */
export function JournalEntryCard({ entry: e, editable = false, showConference = false }: { entry: JournalEntry; editable?: boolean; showConference?: boolean }) {
  return (
    <article aria-labelledby={`entry-${e.talk.id}`}>
      <p className="flex flex-wrap gap-x-2 text-sm text-stone-500 dark:text-stone-400">
        {showConference && (
          <Link href={`/conferences/${e.talk.conferenceSlug}`} className="hover:underline">
            {e.talk.conferenceName}
            {e.talk.dayNumber ? `, day ${e.talk.dayNumber}` : ''}
          </Link>
        )}
        {e.talk.startsAt !== null && <span className="font-mono">{formatTimeInZone(e.talk.startsAt, e.talk.timeZone)}</span>}
        {e.talk.trackName && <span>{e.talk.trackName}</span>}
      </p>
      <h4 id={`entry-${e.talk.id}`} className="font-semibold text-stone-900 dark:text-white">
        <Link href={`/conferences/${e.talk.conferenceSlug}/talks/${e.talk.slug}`} className="hover:text-accent-700 dark:hover:text-accent-400">
          {e.talk.title}
        </Link>
      </h4>
      <div className="text-sm">
        <SpeakerList speakers={e.talk.speakers} />
      </div>
      {editable ? (
        <div className="mt-1">
          <QuickRating
            talkId={e.talk.id}
            title={e.talk.title}
            path={`/conferences/${e.talk.conferenceSlug}/talks/${e.talk.slug}`}
            startsAt={e.talk.startsAt}
            timeZone={e.talk.timeZone}
            dayDate={e.talk.dayDate}
            initial={{ stars: e.stars, review: e.review, seenHow: e.seenHow, seenOn: e.seenOn, hidden: e.hidden, excluded: e.excluded }}
          />
        </div>
      ) : (
        <p className="mt-2 flex flex-wrap items-center gap-x-2 text-sm text-stone-700 dark:text-stone-300">
          <span>Saw it {SEEN_HOW_LABELS[e.seenHow]}</span>
          {e.stars !== null && <RatingStars stars={e.stars} />}
        </p>
      )}
      {(e.hidden || e.excluded) && editable && (
        <p className="mt-1 flex flex-wrap gap-2 text-xs">
          {e.hidden && <span className="rounded-full bg-stone-100 px-2 py-0.5 font-medium text-stone-700 dark:bg-stone-800 dark:text-stone-300">Review hidden from public pages by a moderator</span>}
          {e.excluded && <span className="rounded-full bg-stone-100 px-2 py-0.5 font-medium text-stone-700 dark:bg-stone-800 dark:text-stone-300">Not counted in the talk’s averages</span>}
        </p>
      )}
      {e.review && (
        <blockquote className={`mt-2 border-l-4 pl-3 whitespace-pre-line break-words text-stone-800 dark:text-stone-200 ${e.hidden ? 'border-stone-300 text-stone-500 dark:border-stone-700' : 'border-amber-300 dark:border-amber-700'}`}>
          {e.review}
        </blockquote>
      )}
    </article>
  );
}
