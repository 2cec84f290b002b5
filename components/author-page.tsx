import { notFound } from 'next/navigation';
import { FeedLink } from '@/components/feed-link';
import { JsonLd } from '@/components/json-ld';
import { PostCard } from '@/components/post-card';
import { getPostsByAuthor } from '@/db/queries';
import { collectionJsonLd } from '@/lib/structured-data';
import { Pagination } from './pagination';

/** An author's public recaps and their numbered pages (`/authors/x?page=N` is served by `/authors/x/page/N`). */
export function AuthorPage({ handle, page }: { handle: string; page: number }) {
  const data = getPostsByAuthor({ handle, page });
  if (!data || page > data.pageCount) notFound();
  const base = `/authors/${data.author.handle}`;
  const href = (n: number) => (n === 1 ? base : `${base}?page=${n}`);
  return (
    <>
      <JsonLd
        data={collectionJsonLd({
          name: `Recaps by ${data.author.name}`,
          path: href(page),
          items: data.posts.map((p) => ({ name: p.title, path: `/posts/${p.slug}` })),
        })}
      />
      <header className="mb-10">
        <p className="text-sm font-semibold uppercase tracking-wide text-accent-700 dark:text-accent-400">Author</p>
        <h1 className="mt-1 text-3xl font-bold tracking-tight text-stone-900 sm:text-4xl dark:text-white">
          {data.author.name}
          {page > 1 ? <span className="text-stone-500 dark:text-stone-400">, page {page}</span> : null}
        </h1>
        <p className="mt-2 text-stone-600 dark:text-stone-400">
          {data.total.toLocaleString('en-GB')} {data.total === 1 ? 'recap' : 'recaps'}
        </p>
        <p className="mt-3">
          <FeedLink href={`${base}/feed.xml`} label={`Subscribe to recaps by ${data.author.name}`} />
        </p>
      </header>
      {data.posts.map((p) => (
        <PostCard key={p.id} post={p} />
      ))}
      <Pagination page={page} pageCount={data.pageCount} href={href} />
    </>
  );
}
