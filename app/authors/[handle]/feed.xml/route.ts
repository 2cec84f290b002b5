import { getFeedPostsByAuthor } from '@/db/queries';
import { atomResponse, buildFeed } from '@/lib/feeds';
import { slugParam } from '@/lib/slug';

// Rendered on first request per author, then cached and refreshed like the author page.
export const dynamic = 'force-static';
export const revalidate = 60;
export function generateStaticParams() {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ handle: string }> }) {
  const data = getFeedPostsByAuthor({ handle: slugParam((await params).handle) });
  if (!data) return new Response('No such author.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  const path = `/authors/${data.author.handle}`;
  return atomResponse(
    buildFeed({
      title: `Hallway: recaps by ${data.author.name}`,
      description: `Recaps written by ${data.author.name}.`,
      homePath: path,
      atomPath: `${path}/feed.xml`,
      posts: data.posts,
    }),
  );
}
