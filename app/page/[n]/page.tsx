import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { PostListPage } from '@/components/post-list-page';
import { pageNumber } from '@/lib/pagination';
import { pageMetadata, SITE_DESCRIPTION } from '@/lib/seo';

export const revalidate = 60;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ n: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { n } = await params;
  return pageMetadata({ title: `Recaps, page ${n}`, description: SITE_DESCRIPTION, path: `/?page=${n}` });
}

/** Reached through the `/?page=N` rewrite in next.config.ts. */
export default async function NumberedPage({ params }: Props) {
  const page = pageNumber((await params).n);
  if (page === null) notFound();
  if (page === 1) permanentRedirect('/');
  return <PostListPage page={page} />;
}
