import type { Metadata } from 'next';
import { PostListPage } from '@/components/post-list-page';
import { laterPageNumber } from '@/lib/numbered-page';
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
  const page = laterPageNumber((await params).n, '/');
  return <PostListPage page={page} />;
}
