import type { Metadata } from 'next';
import Link from 'next/link';
import { JsonLd } from '@/components/json-ld';
import { getConferences } from '@/db/queries';
import { formatDateRange } from '@/lib/dates';
import { pageMetadata } from '@/lib/seo';
import { collectionJsonLd } from '@/lib/structured-data';

export const revalidate = 60;
export const metadata: Metadata = pageMetadata({
  title: 'Conferences',
  description: 'Every conference in the journal, with its days, tracks, talks and recaps.',
  path: '/conferences',
});

export default function ConferencesPage() {
  const conferences = getConferences();
  return (
    <>
      <JsonLd
        data={collectionJsonLd({
          name: 'Conferences',
          path: '/conferences',
          items: conferences.map((c) => ({ name: c.name, path: `/conferences/${c.slug}` })),
        })}
      />
      <h1 className="mb-8 text-3xl font-bold tracking-tight text-stone-900 dark:text-white">Conferences</h1>
      {conferences.length === 0 ? (
        <p>No conferences recorded yet.</p>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2">
          {conferences.map((c) => (
            <li key={c.id} className="rounded-xl border border-stone-200 p-5 dark:border-stone-800">
              <h2 className="text-xl font-semibold">
                <Link href={`/conferences/${c.slug}`} className="text-stone-900 hover:text-accent-700 dark:text-white dark:hover:text-accent-400">{c.name}</Link>
              </h2>
              <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
                {formatDateRange(c.startDate, c.endDate)}
                {c.location && <> · {c.location}</>}
              </p>
              {c.description && <p className="mt-3 text-sm">{c.description}</p>}
              <p className="mt-3 text-sm text-stone-500 dark:text-stone-400">
                {c.dayCount} {c.dayCount === 1 ? 'day' : 'days'} · {c.talkCount} {c.talkCount === 1 ? 'talk' : 'talks'}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
