import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { SpeakerListPage } from '@/components/speaker-list-page';
import { pageNumber } from '@/lib/pagination';
import { pageMetadata } from '@/lib/seo';

export const revalidate = 60;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ n: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { n } = await params;
  return pageMetadata({ title: `Speakers, page ${n}`, description: 'Everyone who spoke at a conference in the journal.', path: `/speakers?page=${n}` });
}

/** Reached through the `/speakers?page=N` rewrite in next.config.ts. */
export default async function NumberedSpeakersPage({ params }: Props) {
  const page = pageNumber((await params).n);
  if (page === null) notFound();
  if (page === 1) permanentRedirect('/speakers');
  return <SpeakerListPage page={page} />;
}
