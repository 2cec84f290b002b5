import { getFeedPostsByConference } from '@/db/queries';
import { atomResponse, buildFeed } from '@/lib/feeds';
import { slugParam } from '@/lib/slug';

export const dynamic = 'force-static';
export const revalidate = 60;
export function generateStaticParams() {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const slug = slugParam((await params).slug);
  const data = getFeedPostsByConference({ slug });
  if (!data) return new Response('No such conference.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  const path = `/conferences/${data.conference.slug}`;
  return atomResponse(
    buildFeed({
      title: `Hallway: recaps of ${data.conference.name}`,
      description: `Recaps of ${data.conference.name}.`,
      homePath: path,
      atomPath: `${path}/feed.xml`,
      posts: data.posts,
    }),
  );
}
