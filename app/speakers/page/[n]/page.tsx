import type { Metadata } from 'next';
import { SpeakerListPage } from '@/components/speaker-list-page';
import { laterPageNumber } from '@/lib/numbered-page';
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
  const page = laterPageNumber((await params).n, '/speakers');
  return <SpeakerListPage page={page} />;
}
