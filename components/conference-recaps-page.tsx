import Link from 'next/link';
import { notFound } from 'next/navigation';
import { FeedLink } from '@/components/feed-link';
import { PostCard } from '@/components/post-card';
import { getRecapsByConference } from '@/db/queries';
import { Pagination } from './pagination';

/** Every recap of a conference and the numbered pages (`…/recaps?page=N` is served by `…/recaps/page/N`). */
export function ConferenceRecapsPage({ slug, page }: { slug: string; page: number }) {
  const data = getRecapsByConference({ slug, page });
  if (!data || page > data.pageCount) notFound();
  const base = `/conferences/${data.conference.slug}/recaps`;
  return (
    <>
      <header className="mb-10">
        <p className="text-sm font-semibold uppercase tracking-wide text-accent-700 dark:text-accent-400">
          <Link href={`/conferences/${data.conference.slug}`} className="hover:underline">{data.conference.name}</Link>
        </p>
        <h1 className="mt-1 text-3xl font-bold tracking-tight text-stone-900 sm:text-4xl dark:text-white">
          Recaps{page > 1 ? <span className="text-stone-500 dark:text-stone-400">, page {page}</span> : null}
        </h1>
        <p className="mt-2 text-stone-600 dark:text-stone-400">
          {data.total.toLocaleString('en-GB')} {data.total === 1 ? 'recap' : 'recaps'} of {data.conference.name}, newest first
        </p>
        <p className="mt-3">
          <FeedLink href={`/conferences/${data.conference.slug}/feed.xml`} label={`Subscribe to recaps of ${data.conference.name}`} />
        </p>
      </header>
      {data.posts.length === 0 ? <p>No recaps of this conference yet.</p> : data.posts.map((p) => <PostCard key={p.id} post={p} />)}
      <Pagination page={page} pageCount={data.pageCount} href={(n) => (n === 1 ? base : `${base}?page=${n}`)} />
    </>
  );
}
