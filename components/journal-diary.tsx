import type { JournalPageEntry } from '@/db/journal';
import { formatCalendarDate, formatCalendarMonth } from '@/lib/dates';
import { JournalEntryCard } from './journal-list';

type Month = { key: string; date: string; days: { date: string; entries: JournalPageEntry[] }[] };

/** Entries (already newest first by the date seen) grouped by month, then day. */
function byMonthAndDay(entries: JournalPageEntry[]): Month[] {
  const months: Month[] = [];
  for (const e of entries) {
    let month = months.at(-1);
    if (!month || month.key !== e.seenDate.slice(0, 7)) {
      month = { key: e.seenDate.slice(0, 7), date: e.seenDate, days: [] };
      months.push(month);
    }
    let day = month.days.at(-1);
    if (!day || day.date !== e.seenDate) {
      day = { date: e.seenDate, entries: [] };
      month.days.push(day);
    }
    day.entries.push(e);
  }
  return months;
}

/** A journal read as a diary: the talks seen, newest first, under their month and the day they were seen. */
export function JournalDiary({ entries, editable = false }: { entries: JournalPageEntry[]; editable?: boolean }) {
  return (
    <div className="space-y-10">
      {byMonthAndDay(entries).map((month) => (
        <section key={month.key} aria-labelledby={`diary-${month.key}`}>
          <h2 id={`diary-${month.key}`} className="text-2xl font-bold tracking-tight text-stone-900 dark:text-white">
            {formatCalendarMonth(month.date)}
          </h2>
          {month.days.map((day) => (
            <section key={day.date} aria-labelledby={`diary-${day.date}`} className="mt-4">
              <h3 id={`diary-${day.date}`} className="text-sm font-semibold uppercase tracking-wide text-accent-700 dark:text-accent-400">
                <time dateTime={day.date}>{formatCalendarDate(day.date, { weekday: true })}</time>
              </h3>
              <ol className="mt-2 space-y-3">
                {day.entries.map((e) => (
                  <li key={e.talk.id} className="rounded-xl border border-stone-200 p-4 dark:border-stone-800">
                    <JournalEntryCard entry={e} editable={editable} showConference />
                  </li>
                ))}
              </ol>
            </section>
          ))}
        </section>
      ))}
    </div>
  );
}
