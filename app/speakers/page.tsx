import type { Metadata } from 'next';
import { SpeakerListPage } from '@/components/speaker-list-page';
import { pageMetadata } from '@/lib/seo';

export const revalidate = 60;
export const metadata: Metadata = pageMetadata({
  title: 'Speakers',
  description: 'Everyone who spoke at a conference in the journal, with their talks, recaps and ratings.',
  path: '/speakers',
});

export default function SpeakersPage() {
  return <SpeakerListPage page={1} />;
}
