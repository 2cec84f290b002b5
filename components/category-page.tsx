import { notFound } from 'next/navigation';
import { getPostsByCategory } from '@/db/queries';
import { PostListSection, recapCount } from './post-list-section';

/** A category's recaps and their numbered pages (`/categories/x?page=N` is served by `/categories/x/page/N`). */
export function CategoryPage({ slug, page }: { slug: string; page: number }) {
  const data = getPostsByCategory({ slug, page });
  if (!data || page > data.pageCount) notFound();
  const base = `/categories/${data.category.slug}`;
  return (
    <PostListSection
      eyebrow="Category"
      title={data.category.name}
      intro={recapCount(data.total)}
      feed={{ href: `${base}/feed.xml`, label: `Subscribe to ${data.category.name} recaps` }}
      posts={data.posts}
      empty="No published recaps in this category."
      base={base}
      page={page}
      pageCount={data.pageCount}
      collectionName={`${data.category.name} recaps`}
    />
  );
}
