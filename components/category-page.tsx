import { notFound } from 'next/navigation';
import { FeedLink } from '@/components/feed-link';
import { JsonLd } from '@/components/json-ld';
import { PostCard } from '@/components/post-card';
import { getPostsByCategory } from '@/db/queries';
import { collectionJsonLd } from '@/lib/structured-data';
import { Pagination } from './pagination';

/** A category's recaps and their numbered pages (`/categories/x?page=N` is served by `/categories/x/page/N`). */
export function CategoryPage({ slug, page }: { slug: string; page: number }) {
  const data = getPostsByCategory({ slug, page });
  if (!data || page > data.pageCount) notFound();
  const base = `/categories/${data.category.slug}`;
  const href = (n: number) => (n === 1 ? base : `${base}?page=${n}`);
  return (
    <>
      <JsonLd
        data={collectionJsonLd({
          name: `${data.category.name} recaps`,
          path: href(page),
          items: data.posts.map((p) => ({ name: p.title, path: `/posts/${p.slug}` })),
        })}
      />
      <header className="mb-10">
        <p className="text-sm font-semibold uppercase tracking-wide text-accent-700 dark:text-accent-400">Category</p>
        <h1 className="mt-1 text-3xl font-bold tracking-tight text-stone-900 sm:text-4xl dark:text-white">
          {data.category.name}
          {page > 1 ? <span className="text-stone-500 dark:text-stone-400">, page {page}</span> : null}
        </h1>
        <p className="mt-2 text-stone-600 dark:text-stone-400">
          {data.total.toLocaleString('en-GB')} {data.total === 1 ? 'recap' : 'recaps'}
        </p>
        <p className="mt-3">
          <FeedLink href={`${base}/feed.xml`} label={`Subscribe to ${data.category.name} recaps`} />
        </p>
      </header>
      {data.posts.length === 0 ? <p>No published recaps in this category.</p> : data.posts.map((p) => <PostCard key={p.id} post={p} />)}
      <Pagination page={page} pageCount={data.pageCount} href={href} />
    </>
  );
}
