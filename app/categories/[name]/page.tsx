import type { Metadata } from 'next';
import { CategoryPage } from '@/components/category-page';
import { getPostsByCategory } from '@/db/queries';
import { pageMetadata } from '@/lib/seo';
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
    description: `${data.total} ${data.total === 1 ? 'recap' : 'recaps'} filed under ${data.category.name}.`,
    path: `/categories/${data.category.slug}`,
    feeds: [{ url: `/categories/${data.category.slug}/feed.xml`, title: `Hallway: ${data.category.name} recaps (Atom)` }],
  });
}

export default async function CategoryFirstPage({ params }: Props) {
  return <CategoryPage slug={slugParam((await params).name)} page={1} />;
}
