import type { Metadata } from 'next';
import Link from 'next/link';
import { CalendarSubscription } from '@/components/calendar-subscription';
import { JournalDiary } from '@/components/journal-diary';
import { JournalList, JournalTotals, journalPage } from '@/components/journal-list';
import { JournalTabs } from '@/components/journal-tabs';
import { Pagination } from '@/components/pagination';
import { buttonClass } from '@/components/ui/button';
import { getJournalPageByUser, getJournalTotalsByUser, getJournalYearsByUser } from '@/db/journal';
import { getJournalFilterOptionsByUser } from '@/db/ratings';
import { requireUser } from '@/lib/auth/current-user';
import { SLUG_PATTERN } from '@/lib/slug';
import { CopyLink } from './copy-link';
import { FilterForm } from './filter-form';
import { ImportForm } from './import-form';
import { JournalVisibilityToggle } from './journal-visibility';
import { JournalViews } from './journal-views';

export const metadata: Metadata = { title: 'Your journal', robots: { index: false } };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : undefined);

/**
 * The attendee's journal: every talk they marked as seen, grouped by conference and day, with their
 * stars, how they saw it and their review; totals; filters (GET, so a filtered view is a link);
 * CSV export and import; the personal calendar link. Signed-in users only: the page reads the
 * session, so it is rendered per request (never cached).
 */
export default async function JournalPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser('/journal');
  const params = await searchParams;
  const options = getJournalFilterOptionsByUser({ userId: user.id });
  // Well-formed values only; one the user has no entries for gives an empty list, as a filter should.
  const conference = SLUG_PATTERN.test(one(params.conference) ?? '') ? one(params.conference)! : null;
  const year = /^\d{4}$/.test(one(params.year) ?? '') ? one(params.year)! : null;
  if (year && !options.years.includes(year)) options.years.push(year);
  const query = { userId: user.id, conference, year };
  const totals = getJournalTotalsByUser(query);
  const filtered = !!(conference || year);
  const diary = one(params.view) === 'diary';
  const { page, pageCount, perPage } = journalPage(totals.talks, one(params.page));
  const shown = getJournalPageByUser({ ...query, page, perPage, order: diary ? 'diary' : 'conference' });
  const years = getJournalYearsByUser({ userId: user.id });
  const journalHref = ({ view = diary, filters = true, n = 1 }: { view?: boolean; filters?: boolean; n?: number }) => {
    const query = new URLSearchParams({
      ...(view && { view: 'diary' }),
      ...(filters && conference && { conference }),
      ...(filters && year && { year }),
      ...(n > 1 && { page: String(n) }),
    }).toString();
    return query ? `/journal?${query}` : '/journal';
  };
  const selectClass =
    'block rounded-md border border-stone-300 bg-white px-3 py-2 text-sm text-stone-900 dark:border-stone-700 dark:bg-stone-900 dark:text-white';

  return (
    <div className="mx-auto max-w-3xl">
      <JournalTabs current="journal" />
      <header>
        <h1 className="text-3xl font-bold tracking-tight text-stone-900 dark:text-white">Your journal</h1>
        <p className="mt-2 text-stone-600 dark:text-stone-400">
          The talks you saw, what you thought of them, conference by conference.{' '}
          {user.journalPublic ? (
            <>
              It is public at{' '}
              <Link href={`/u/${user.handle}`} className="font-medium text-accent-700 hover:underline dark:text-accent-400">
                /u/{user.handle}
              </Link>{' '}
              (reviews a moderator hid stay private).
            </>
          ) : (
            <>Only you can see it.</>
          )}
          {user.journalPublic && (
            <>
              {' '}
              <CopyLink href={`/u/${user.handle}`} label="Copy link" className="font-medium text-accent-700 hover:underline dark:text-accent-400" />
            </>
          )}
        </p>
        <JournalVisibilityToggle journalPublic={user.journalPublic} />
      </header>

      <div className="mt-6">
        <JournalTotals totals={totals} filtered={filtered} />
      </div>

      <JournalViews diary={diary} byConferenceHref={journalHref({ view: false })} diaryHref={journalHref({ view: true })} years={years} />

      {options.conferences.length > 0 && (
        <FilterForm
          trailing={
            filtered && (
              <Link href={journalHref({ filters: false })} className="py-2 text-sm font-medium text-accent-700 hover:underline dark:text-accent-400">
                Clear filters
              </Link>
            )
          }
        >
          {diary && <input type="hidden" name="view" value="diary" />}
          <div>
            <label htmlFor="journal-conference" className="mb-1 block text-sm font-medium text-stone-800 dark:text-stone-200">
              Conference
            </label>
            <select id="journal-conference" name="conference" defaultValue={conference ?? ''} className={selectClass}>
              <option value="">All conferences</option>
              {options.conferences.map((c) => (
                <option key={c.slug} value={c.slug}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="journal-year" className="mb-1 block text-sm font-medium text-stone-800 dark:text-stone-200">
              Year
            </label>
            <select id="journal-year" name="year" defaultValue={year ?? ''} className={selectClass}>
              <option value="">All years</option>
              {options.years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </div>
        </FilterForm>
      )}

      <div className="mt-8">
        {totals.talks > 0 ? (
          <>
            {diary ? <JournalDiary entries={shown} editable /> : <JournalList entries={shown} editable />}
            <Pagination
              page={page}
              pageCount={pageCount}
              href={(n) => journalHref({ n })}
              labels={diary ? { previous: '← Later talks', next: 'Earlier talks →' } : { previous: '← Later conferences', next: 'Earlier conferences →' }}
            />
          </>
        ) : filtered ? (
          <p className="text-stone-600 dark:text-stone-400">No talks match these filters.</p>
        ) : (
          <div className="rounded-xl border border-dashed border-stone-300 p-6 text-stone-600 dark:border-stone-700 dark:text-stone-400">
            <p className="font-medium text-stone-900 dark:text-white">Nothing here yet.</p>
            <p className="mt-1">
              Open a conference day from the{' '}
              <Link href="/conferences" className="font-medium text-accent-700 hover:underline dark:text-accent-400">
                conferences
              </Link>{' '}
              and choose “I saw it” on the talks you attended, or import a journal CSV below.
            </p>
          </div>
        )}
      </div>

      <section aria-labelledby="journal-files" className="mt-12 rounded-xl border border-stone-200 p-5 dark:border-stone-800">
        <h2 id="journal-files" className="text-lg font-semibold text-stone-900 dark:text-white">
          Export and import
        </h2>
        <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
          A CSV file with one line per talk: date, conference, day, track, talk, speakers, how seen, stars, review and talk URL.
        </p>
        <p className="mt-3">
          {/* A file download, not a page: a plain link so the router does not try to render it. */}
          <a href="/journal/export.csv" download className={buttonClass('secondary')}>
            Download my journal (CSV)
          </a>
        </p>
        <div className="mt-6">
          <ImportForm />
        </div>
      </section>

      <div className="mt-8">
        <CalendarSubscription userId={user.id} />
      </div>
    </div>
  );
}

