import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { PostListPage } from '@/components/post-list-page';
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
  const { n } = await params;
  const page = Number(n);
  if (!Number.isInteger(page) || page < 1 || String(page) !== n) notFound();
  if (page === 1) permanentRedirect('/');
  return <PostListPage page={page} />;
}
