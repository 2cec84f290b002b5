import type { Metadata } from 'next';
import { ConferenceRecapsPage } from '@/components/conference-recaps-page';
import { getRecapsByConference } from '@/db/queries';
import { laterPageNumber } from '@/lib/numbered-page';
import { slugParam } from '@/lib/slug';
import { pageMetadata } from '@/lib/seo';

export const revalidate = 60;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ slug: string; n: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { n } = await params;
  const slug = slugParam((await params).slug);
  const data = getRecapsByConference({ slug });
  if (!data) return {};
  return pageMetadata({ title: `Recaps of ${data.conference.name}, page ${n}`, description: `Recaps of ${data.conference.name}.`, path: `/conferences/${data.conference.slug}/recaps?page=${n}` });
}

/** Reached through the `/conferences/[slug]/recaps?page=N` rewrite in next.config.ts. */
export default async function NumberedConferenceRecapsPage({ params }: Props) {
  const { n } = await params;
  const slug = slugParam((await params).slug);
  const page = laterPageNumber(n, `/conferences/${slug}/recaps`);
  return <ConferenceRecapsPage slug={slug} page={page} />;
}
