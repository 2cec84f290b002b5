import Link from 'next/link';
import { notFound } from 'next/navigation';
import { JsonLd } from '@/components/json-ld';
import { getSpeakers } from '@/db/queries';
import { collectionJsonLd } from '@/lib/structured-data';
import { Pagination } from './pagination';

/** `/speakers` and its numbered pages (`/speakers?page=N` is served by `/speakers/page/N`). */
export function SpeakerListPage({ page }: { page: number }) {
  const { speakers, total, pageCount } = getSpeakers({ page });
  if (page > pageCount) notFound();
  const path = page === 1 ? '/speakers' : `/speakers?page=${page}`;
  return (
    <>
      <JsonLd data={collectionJsonLd({ name: 'Speakers', path, items: speakers.map((s) => ({ name: s.name, path: `/speakers/${s.slug}` })) })} />
      <header className="mb-8">
        <h1 className="text-3xl font-bold tracking-tight text-stone-900 dark:text-white">{page === 1 ? 'Speakers' : `Speakers, page ${page}`}</h1>
        <p className="mt-2 text-stone-600 dark:text-stone-400">
          {total.toLocaleString('en-GB')} {total === 1 ? 'speaker' : 'speakers'}, by name.
        </p>
      </header>
      <ul className="grid gap-x-6 gap-y-2 sm:grid-cols-2 lg:grid-cols-3">
        {speakers.map((s) => (
          <li key={s.slug}>
            <Link href={`/speakers/${s.slug}`} className="font-medium text-stone-900 hover:text-accent-700 hover:underline dark:text-white dark:hover:text-accent-400">{s.name}</Link>{' '}
            <span className="text-sm text-stone-500 dark:text-stone-400">({s.talkCount})</span>
          </li>
        ))}
      </ul>
      <Pagination
        page={page}
        pageCount={pageCount}
        href={(n) => (n === 1 ? '/speakers' : `/speakers?page=${n}`)}
        labels={{ previous: '← Previous', next: 'Next →' }}
      />
    </>
  );
}
