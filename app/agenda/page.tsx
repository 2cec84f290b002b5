import type { Metadata } from 'next';
import Link from 'next/link';
import { JournalTabs } from '@/components/journal-tabs';
import { SpeakerList } from '@/components/speaker-list';
import { getAgendaByUser } from '@/db/plans';
import { buildAgenda } from '@/lib/agenda';
import { requireUser } from '@/lib/auth/current-user';
import { formatCalendarDate, formatTimeInZone } from '@/lib/dates';
import { RemoveButton } from './remove-button';
import { SeenPrompt } from './seen-prompt';

export const metadata: Metadata = { title: 'Your agenda', robots: { index: false } };

/**
 * The talks the user is going to, by conference and day, in time order, in each conference's own
 * time zone: clashes marked on both talks, free time between them. Signed-in users only: rendered
 * per request (never cached).
 */
export default async function AgendaPage() {
  const user = await requireUser('/agenda');
  const { talks } = getAgendaByUser({ userId: user.id });
  const agenda = buildAgenda(talks);
  const renderedAt = Date.now();

  return (
    <div className="mx-auto max-w-3xl">
      <JournalTabs current="agenda" />
      <header>
        <h1 className="text-3xl font-bold tracking-tight text-stone-900 dark:text-white">Your agenda</h1>
        <p className="mt-2 text-stone-600 dark:text-stone-400">
          The talks you plan to see. They are in your calendar feed too (see your{' '}
          <Link href="/journal#calendar-subscription-heading" className="font-medium text-accent-700 hover:underline dark:text-accent-400">
            journal
          </Link>
          ), marked tentative.
        </p>
      </header>

      {agenda.length === 0 ? (
        <div className="mt-8 rounded-xl border border-dashed border-stone-300 p-6 text-stone-600 dark:border-stone-700 dark:text-stone-400">
          <p className="font-medium text-stone-900 dark:text-white">Nothing on your agenda yet.</p>
          <p className="mt-1">
            Open a day of an upcoming conference from the{' '}
            <Link href="/conferences" className="font-medium text-accent-700 hover:underline dark:text-accent-400">
              conferences
            </Link>{' '}
            and press “I’m going” on the talks you plan to see: they appear here by day and time, with clashes and free time.
          </p>
        </div>
      ) : (
        agenda.map((conference) => (
          <section key={conference.slug} aria-labelledby={`agenda-${conference.slug}`} className="mt-10">
            <h2 id={`agenda-${conference.slug}`} className="text-2xl font-bold tracking-tight text-stone-900 dark:text-white">
              <Link href={`/conferences/${conference.slug}`} className="hover:text-accent-700 dark:hover:text-accent-400">
                {conference.name}
              </Link>
            </h2>
            <p className="mt-1 text-sm text-stone-500 dark:text-stone-400">Times in {conference.timeZone.replace(/_/g, ' ')}</p>
            {conference.days.map((day) => (
              <section key={day.dayNumber ?? 'none'} aria-labelledby={`agenda-${conference.slug}-day-${day.dayNumber ?? 'none'}`} className="mt-6">
                <h3 id={`agenda-${conference.slug}-day-${day.dayNumber ?? 'none'}`} className="text-lg font-semibold text-stone-900 dark:text-white">
                  {day.dayNumber ? `Day ${day.dayNumber}` : 'Not yet on a day'}
                  {day.dayDate && <span className="font-normal text-stone-500 dark:text-stone-400"> · {formatCalendarDate(day.dayDate, { weekday: true })}</span>}
                </h3>
                <ol className="mt-3 space-y-3">
                  {day.entries.map((entry) =>
                    entry.kind === 'free' ? (
                      <li key={`free-${entry.from}`} className="rounded-lg border border-dashed border-emerald-300 px-4 py-2 text-sm text-emerald-800 dark:border-emerald-800 dark:text-emerald-300">
                        Free{' '}
                        <span className="font-mono">
                          <time dateTime={new Date(entry.from).toISOString()}>{formatTimeInZone(entry.from, conference.timeZone)}</time>–
                          <time dateTime={new Date(entry.to).toISOString()}>{formatTimeInZone(entry.to, conference.timeZone)}</time>
                        </span>
                      </li>
                    ) : (
                      <li key={entry.talk.id}>
                        <article
                          aria-labelledby={`agenda-talk-${entry.talk.id}`}
                          className={`rounded-xl border p-4 ${entry.clashesWith.length ? 'border-amber-400 dark:border-amber-700' : 'border-stone-200 dark:border-stone-800'}`}
                        >
                          <p className="flex flex-wrap gap-x-3 text-sm text-stone-500 dark:text-stone-400">
                            {entry.talk.startsAt !== null && entry.endsAt !== null ? (
                              <span className="font-mono">
                                <time dateTime={new Date(entry.talk.startsAt).toISOString()}>{formatTimeInZone(entry.talk.startsAt, conference.timeZone)}</time>–
                                <time dateTime={new Date(entry.endsAt).toISOString()}>{formatTimeInZone(entry.endsAt, conference.timeZone)}</time>
                              </span>
                            ) : (
                              <span>Time not announced</span>
                            )}
                            {entry.talk.room && <span>{entry.talk.room}</span>}
                            {entry.talk.trackName && <span>{entry.talk.trackName}</span>}
                          </p>
                          <h4 id={`agenda-talk-${entry.talk.id}`} className="mt-1 text-base font-semibold text-stone-900 dark:text-white">
                            <Link href={`/conferences/${entry.talk.conferenceSlug}/talks/${entry.talk.slug}`} className="hover:text-accent-700 dark:hover:text-accent-400">
                              {entry.talk.title}
                            </Link>
                          </h4>
                          <SpeakerList speakers={entry.talk.speakers} />
                          {entry.clashesWith.length > 0 && (
                            <p className="mt-2 text-sm font-medium text-amber-800 dark:text-amber-300">
                              <span aria-hidden="true">⚠ </span>Clashes with{' '}
                              {entry.clashesWith.map((c, i) => (
                                <span key={c.id}>
                                  {i > 0 && ', '}“{c.title}”
                                </span>
                              ))}
                            </p>
                          )}
                          <div className="mt-3 flex min-h-9 flex-wrap items-center gap-x-4 gap-y-2">
                            <RemoveButton talkId={entry.talk.id} talkTitle={entry.talk.title} />
                            {entry.talk.startsAt !== null && (
                              <SeenPrompt
                                talkId={entry.talk.id}
                                title={entry.talk.title}
                                path={`/conferences/${entry.talk.conferenceSlug}/talks/${entry.talk.slug}`}
                                startsAt={entry.talk.startsAt}
                                timeZone={entry.talk.timeZone}
                                dayDate={entry.talk.dayDate}
                                renderedAt={renderedAt}
                              />
                            )}
                          </div>
                        </article>
                      </li>
                    ),
                  )}
                </ol>
              </section>
            ))}
          </section>
        ))
      )}
    </div>
  );
}
