import { notFound } from 'next/navigation';
import { getPostsByAuthor } from '@/db/queries';
import { PostListSection, recapCount } from './post-list-section';

/** An author's public recaps and their numbered pages (`/authors/x?page=N` is served by `/authors/x/page/N`). */
export function AuthorPage({ handle, page }: { handle: string; page: number }) {
  const data = getPostsByAuthor({ handle, page });
  if (!data || page > data.pageCount) notFound();
  const base = `/authors/${data.author.handle}`;
  return (
    <PostListSection
      eyebrow="Author"
      title={data.author.name}
      intro={recapCount(data.total)}
      feed={{ href: `${base}/feed.xml`, label: `Subscribe to recaps by ${data.author.name}` }}
      posts={data.posts}
      empty="No published recaps yet."
      base={base}
      page={page}
      pageCount={data.pageCount}
      collectionName={`Recaps by ${data.author.name}`}
    />
  );
}
