import type { Metadata } from 'next';
import Link from 'next/link';
import { JsonLd } from '@/components/json-ld';
import { getSpeakers } from '@/db/queries';
import { pageMetadata } from '@/lib/seo';
import { collectionJsonLd } from '@/lib/structured-data';

export const revalidate = 60;
export const metadata: Metadata = pageMetadata({
  title: 'Speakers',
  description: 'Everyone who spoke at a conference in the journal, with their talks, recaps and ratings.',
  path: '/speakers',
});

export default function SpeakersPage() {
  const speakers = getSpeakers();
  return (
    <>
      <JsonLd
        data={collectionJsonLd({
          name: 'Speakers',
          path: '/speakers',
          items: speakers.map((s) => ({ name: s.name, path: `/speakers/${s.slug}` })),
        })}
      />
      <h1 className="mb-8 text-3xl font-bold tracking-tight text-stone-900 dark:text-white">Speakers</h1>
      <ul className="grid gap-x-6 gap-y-2 sm:grid-cols-2 lg:grid-cols-3">
        {speakers.map((s) => (
          <li key={s.slug}>
            <Link href={`/speakers/${s.slug}`} className="font-medium text-stone-900 hover:text-accent-700 hover:underline dark:text-white dark:hover:text-accent-400">{s.name}</Link>{' '}
            <span className="text-sm text-stone-500 dark:text-stone-400">({s.talkCount})</span>
          </li>
        ))}
      </ul>
    </>
  );
}
