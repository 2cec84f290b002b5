import type { Metadata } from 'next';
import { AuthorPage } from '@/components/author-page';
import { getPostsByAuthor } from '@/db/queries';
import { laterPageNumber } from '@/lib/numbered-page';
import { pageMetadata } from '@/lib/seo';
import { slugParam } from '@/lib/slug';

export const revalidate = 60;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ handle: string; n: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { n, handle } = await params;
  const data = getPostsByAuthor({ handle: slugParam(handle) });
  if (!data) return {};
  return pageMetadata({
    title: `Recaps by ${data.author.name}, page ${n}`,
    description: `${data.total} ${data.total === 1 ? 'recap' : 'recaps'} written by ${data.author.name}.`,
    path: `/authors/${data.author.handle}?page=${n}`,
  });
}

/** Reached through the `/authors/[handle]?page=N` rewrite in next.config.ts. */
export default async function NumberedAuthorPage({ params }: Props) {
  const { n } = await params;
  const handle = slugParam((await params).handle);
  const page = laterPageNumber(n, `/authors/${handle}`);
  return <AuthorPage handle={handle} page={page} />;
}
