import { notFound } from 'next/navigation';
import { FeedLink } from '@/components/feed-link';
import { getPublishedPosts } from '@/db/queries';
import { Pagination } from './pagination';
import { PostCard } from './post-card';

/** The home page and its numbered pages (`/?page=N` is served by `/page/N`). */
export function PostListPage({ page }: { page: number }) {
  const { posts, pageCount } = getPublishedPosts({ page });
  if (page > 1 && posts.length === 0) notFound();
  return (
    <>
      <header className="mb-10">
        <h1 className="text-3xl font-bold tracking-tight text-stone-900 sm:text-4xl dark:text-white">
          {page === 1 ? 'Conference recaps' : `Conference recaps, page ${page}`}
        </h1>
        <p className="mt-2 max-w-prose text-stone-600 dark:text-stone-400">
          Notes from the talks, tracks and hallways of tech conferences, and what attendees thought of each session.
        </p>
        <p className="mt-3">
          <FeedLink href="/feed.xml" label="Subscribe to every recap" />
        </p>
      </header>
      {posts.length === 0 ? (
        <p className="text-stone-600 dark:text-stone-400">Nothing published yet.</p>
      ) : (
        posts.map((post) => <PostCard key={post.id} post={post} />)
      )}
      <Pagination page={page} pageCount={pageCount} />
    </>
  );
}
