import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getRecapsByConference } from '@/db/queries';
import { PostListSection, recapCount } from './post-list-section';

/** Every recap of a conference and the numbered pages (`…/recaps?page=N` is served by `…/recaps/page/N`). */
export function ConferenceRecapsPage({ slug, page }: { slug: string; page: number }) {
  const data = getRecapsByConference({ slug, page });
  if (!data || page > data.pageCount) notFound();
  const { conference } = data;
  return (
    <PostListSection
      eyebrow={<Link href={`/conferences/${conference.slug}`} className="hover:underline">{conference.name}</Link>}
      title="Recaps"
      intro={`${recapCount(data.total)} of ${conference.name}, newest first`}
      feed={{ href: `/conferences/${conference.slug}/feed.xml`, label: `Subscribe to recaps of ${conference.name}` }}
      posts={data.posts}
      empty="No recaps of this conference yet."
      base={`/conferences/${conference.slug}/recaps`}
      page={page}
      pageCount={data.pageCount}
    />
  );
}
