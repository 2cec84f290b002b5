import type { Metadata } from 'next';
import { CategoryPage } from '@/components/category-page';
import { getPostsByCategory } from '@/db/queries';
import { laterPageNumber } from '@/lib/numbered-page';
import { slugParam } from '@/lib/slug';
import { pageMetadata } from '@/lib/seo';

export const revalidate = 60;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ name: string; n: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { n } = await params;
  const name = slugParam((await params).name);
  const data = getPostsByCategory({ slug: name });
  if (!data) return {};
  return pageMetadata({
    title: `${data.category.name} recaps, page ${n}`,
    description: `${data.total} ${data.total === 1 ? 'recap' : 'recaps'} filed under ${data.category.name}.`,
    path: `/categories/${data.category.slug}?page=${n}`,
  });
}

/** Reached through the `/categories/[name]?page=N` rewrite in next.config.ts. */
export default async function NumberedCategoryPage({ params }: Props) {
  const { n } = await params;
  const name = slugParam((await params).name);
  const page = laterPageNumber(n, `/categories/${name}`);
  return <CategoryPage slug={name} page={page} />;
}
