import type { Metadata } from 'next';
import Link from 'next/link';
import { WriteNav } from '@/components/write/write-nav';
import { getConferences } from '@/db/queries';
import { requireUser } from '@/lib/auth/current-user';
import { formatDateRange } from '@/lib/dates';
import { formatRelative } from '@/lib/relative-time';
import { ConferenceForm } from './forms';

export const metadata: Metadata = { title: 'Conferences', robots: { index: false } };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Conferences are recorded once, then every recap and rating refers to them. Any author can edit them. */
export default async function WriteConferencesPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser('/write/conferences', 'author');
  void user;
  const conferences = getConferences();
  const { deleted } = await searchParams;
  const now = Date.now();
  return (
    <>
      <WriteNav current="conferences" />
      <h1 className="text-3xl font-bold tracking-tight text-stone-900 dark:text-white">Conferences</h1>
      <p className="mt-1 max-w-2xl text-stone-600 dark:text-stone-400">
        Record a conference once (its days, tracks, talks and speakers) and every recap and rating refers to it. Every change is kept in its history.{' '}
        <Link href="/write/conferences/import" className="font-medium text-accent-700 underline dark:text-accent-400">Import a published programme</Link> instead of typing it.
      </p>
      {deleted === '1' && (
        <p role="status" className="mt-4 rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100">
          Conference deleted.
        </p>
      )}

      <div className="mt-8 grid gap-10 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <section aria-labelledby="list-heading">
          <h2 id="list-heading" className="sr-only">
            All conferences
          </h2>
          {conferences.length === 0 ? (
            <p className="rounded-xl border border-dashed border-stone-300 px-6 py-12 text-center text-stone-600 dark:border-stone-700 dark:text-stone-400">No conferences yet: add the first one.</p>
          ) : (
            <ul className="divide-y divide-stone-200 rounded-xl border border-stone-200 dark:divide-stone-800 dark:border-stone-800" aria-label="Conferences">
              {conferences.map((c) => (
                <li key={c.id} className="flex flex-col gap-2 p-4 sm:flex-row sm:items-center sm:justify-between">
                  <div className="min-w-0">
                    <Link href={`/write/conferences/${c.id}`} className="text-lg font-semibold text-stone-900 hover:text-accent-700 dark:text-white dark:hover:text-accent-400">
                      {c.name}
                    </Link>
                    <p className="text-sm text-stone-600 dark:text-stone-400">
                      {formatDateRange(c.startDate, c.endDate)}
                      {c.location && <> · {c.location}</>}
                    </p>
                    <p className="text-xs text-stone-500">
                      {c.dayCount} day{c.dayCount === 1 ? '' : 's'} · {c.talkCount} talk{c.talkCount === 1 ? '' : 's'} · edited {formatRelative(c.updatedAt, now)}
                    </p>
                  </div>
                  <div className="flex shrink-0 gap-2 text-sm font-medium">
                    <Link href={`/write/conferences/${c.id}`} className="rounded-md border border-stone-300 px-3 py-1.5 text-stone-800 hover:bg-stone-100 dark:border-stone-700 dark:text-stone-100 dark:hover:bg-stone-800" aria-label={`Edit ${c.name}`}>
                      Edit
                    </Link>
                    <Link href={`/conferences/${c.slug}`} className="rounded-md px-3 py-1.5 text-accent-700 hover:bg-accent-50 dark:text-accent-400 dark:hover:bg-accent-950" aria-label={`View ${c.name} on Hallway`}>
                      View
                    </Link>
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="new-heading" className="h-fit rounded-xl border border-stone-200 p-5 dark:border-stone-800">
          <h2 id="new-heading" className="mb-4 text-lg font-semibold text-stone-900 dark:text-white">
            New conference
          </h2>
          <ConferenceForm zones={Intl.supportedValuesOf('timeZone')} narrow />
        </section>
      </div>
    </>
  );
}
