import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { JsonLd } from '@/components/json-ld';
import { PostCard } from '@/components/post-card';
import { getPostsByCategory } from '@/db/queries';
import { pageMetadata } from '@/lib/seo';
import { collectionJsonLd } from '@/lib/structured-data';
import { slugParam } from '@/lib/slug';

export const revalidate = 60;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ name: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const name = slugParam((await params).name);
  const data = getPostsByCategory({ slug: name });
  if (!data) return {};
  return pageMetadata({
    title: `${data.category.name} recaps`,
    description: `${data.posts.length} ${data.posts.length === 1 ? 'recap' : 'recaps'} filed under ${data.category.name}.`,
    path: `/categories/${data.category.slug}`,
    feeds: [{ url: `/categories/${data.category.slug}/feed.xml`, title: `Hallway: ${data.category.name} recaps (Atom)` }],
  });
}

export default async function CategoryPage({ params }: Props) {
  const name = slugParam((await params).name);
  const data = getPostsByCategory({ slug: name });
  if (!data) notFound();
  return (
    <>
      <JsonLd
        data={collectionJsonLd({
          name: `${data.category.name} recaps`,
          path: `/categories/${data.category.slug}`,
          items: data.posts.map((p) => ({ name: p.title, path: `/posts/${p.slug}` })),
        })}
      />
      <header className="mb-10">
        <p className="text-sm font-semibold uppercase tracking-wide text-accent-700 dark:text-accent-400">Category</p>
        <h1 className="mt-1 text-3xl font-bold tracking-tight text-stone-900 sm:text-4xl dark:text-white">{data.category.name}</h1>
        <p className="mt-2 text-stone-600 dark:text-stone-400">
          {data.posts.length} {data.posts.length === 1 ? 'recap' : 'recaps'}
        </p>
      </header>
      {data.posts.length === 0 ? <p>No published recaps in this category.</p> : data.posts.map((p) => <PostCard key={p.id} post={p} />)}
    </>
  );
}
