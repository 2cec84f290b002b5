import { FeedLink } from '@/components/feed-link';
import { JsonLd } from '@/components/json-ld';
import type { PostSummary } from '@/db/queries';
import { collectionJsonLd } from '@/lib/structured-data';
import { Pagination } from './pagination';
import { PostCard } from './post-card';

/**
 * The shape every list of recaps shares (home, category, author, a conference's recaps): a header
 * with a count and a visible feed link, the cards, and windowed page links. Numbered pages are
 * addressed as `base?page=N`; the first page is `base` itself.
 */
export function PostListSection({
  eyebrow,
  title,
  intro,
  feed,
  posts,
  empty,
  base,
  page,
  pageCount,
  collectionName,
}: {
  eyebrow?: React.ReactNode;
  title: string;
  intro: React.ReactNode;
  feed: { href: string; label: string };
  posts: PostSummary[];
  empty: string;
  base: string;
  page: number;
  pageCount: number;
  /** Named as a schema.org collection when given. */
  collectionName?: string;
}) {
  const href = (n: number) => (n === 1 ? base : `${base}?page=${n}`);
  return (
    <>
      {collectionName && (
        <JsonLd
          data={collectionJsonLd({
            name: collectionName,
            path: href(page),
            items: posts.map((p) => ({ name: p.title, path: `/posts/${p.slug}` })),
          })}
        />
      )}
      <header className="mb-10">
        {eyebrow && <p className="text-sm font-semibold uppercase tracking-wide text-accent-700 dark:text-accent-400">{eyebrow}</p>}
        <h1 className={`${eyebrow ? 'mt-1 ' : ''}text-3xl font-bold tracking-tight text-stone-900 sm:text-4xl dark:text-white`}>
          {title}
          {page > 1 ? <span className="text-stone-500 dark:text-stone-400">, page {page}</span> : null}
        </h1>
        <p className="mt-2 max-w-prose text-stone-600 dark:text-stone-400">{intro}</p>
        <p className="mt-3">
          <FeedLink href={feed.href} label={feed.label} />
        </p>
      </header>
      {posts.length === 0 ? <p className="text-stone-600 dark:text-stone-400">{empty}</p> : posts.map((p) => <PostCard key={p.id} post={p} />)}
      <Pagination page={page} pageCount={pageCount} href={href} />
    </>
  );
}

/** "1 recap", "1,204 recaps". */
export function recapCount(total: number): string {
  return `${total.toLocaleString('en-GB')} ${total === 1 ? 'recap' : 'recaps'}`;
}
