import type { Metadata } from 'next';
import Link from 'next/link';
import { getSpeakers } from '@/db/queries';

export const revalidate = 60;
export const metadata: Metadata = { title: 'Speakers', alternates: { canonical: '/speakers' } };

export default function SpeakersPage() {
  const speakers = getSpeakers();
  return (
    <>
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
