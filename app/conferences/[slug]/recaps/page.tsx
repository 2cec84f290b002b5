import type { Metadata } from 'next';
import { ConferenceRecapsPage } from '@/components/conference-recaps-page';
import { getRecapsByConference } from '@/db/queries';
import { pageMetadata } from '@/lib/seo';
import { slugParam } from '@/lib/slug';

export const revalidate = 60;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const data = getRecapsByConference({ slug: slugParam((await params).slug) });
  if (!data) return {};
  return pageMetadata({
    title: `Recaps of ${data.conference.name}`,
    description: `${data.total} ${data.total === 1 ? 'recap' : 'recaps'} of ${data.conference.name}.`,
    path: `/conferences/${data.conference.slug}/recaps`,
    feeds: [{ url: `/conferences/${data.conference.slug}/feed.xml`, title: `Hallway: recaps of ${data.conference.name} (Atom)` }],
  });
}

export default async function ConferenceRecapsFirstPage({ params }: Props) {
  return <ConferenceRecapsPage slug={slugParam((await params).slug)} page={1} />;
}
