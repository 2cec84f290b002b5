import type { Metadata } from 'next';
import { AuthorPage } from '@/components/author-page';
import { getPostsByAuthor } from '@/db/queries';
import { pageMetadata } from '@/lib/seo';
import { slugParam } from '@/lib/slug';

export const revalidate = 60;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ handle: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const data = getPostsByAuthor({ handle: slugParam((await params).handle) });
  if (!data) return {};
  return pageMetadata({
    title: `Recaps by ${data.author.name}`,
    description: `${data.total} ${data.total === 1 ? 'recap' : 'recaps'} written by ${data.author.name}.`,
    path: `/authors/${data.author.handle}`,
    feeds: [{ url: `/authors/${data.author.handle}/feed.xml`, title: `Hallway: recaps by ${data.author.name} (Atom)` }],
  });
}

export default async function AuthorFirstPage({ params }: Props) {
  return <AuthorPage handle={slugParam((await params).handle)} page={1} />;
}
