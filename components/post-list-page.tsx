import { notFound } from 'next/navigation';
import { getPublishedPosts } from '@/db/queries';
import { PostListSection } from './post-list-section';

/** The home page and its numbered pages (`/?page=N` is served by `/page/N`). */
export function PostListPage({ page }: { page: number }) {
  const { posts, pageCount } = getPublishedPosts({ page });
  if (page > 1 && posts.length === 0) notFound();
  return (
    <PostListSection
      title="Conference recaps"
      intro="Notes from the talks, tracks and hallways of tech conferences, and what attendees thought of each session."
      feed={{ href: '/feed.xml', label: 'Subscribe to every recap' }}
      posts={posts}
      empty="Nothing published yet."
      base="/"
      page={page}
      pageCount={pageCount}
    />
  );
}
