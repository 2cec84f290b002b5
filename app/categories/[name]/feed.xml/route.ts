import { getFeedPostsByCategory } from '@/db/queries';
import { atomResponse, buildFeed } from '@/lib/feeds';
import { slugParam } from '@/lib/slug';

// Rendered on first request per category, then cached and refreshed like the category page.
export const dynamic = 'force-static';
export const revalidate = 60;
export function generateStaticParams() {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ name: string }> }) {
  const name = slugParam((await params).name);
  const data = getFeedPostsByCategory({ slug: name });
  if (!data) return new Response('No such category.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  const path = `/categories/${data.category.slug}`;
  return atomResponse(
    buildFeed({
      title: `Hallway: ${data.category.name} recaps`,
      description: `Recaps filed under ${data.category.name}.`,
      homePath: path,
      atomPath: `${path}/feed.xml`,
      posts: data.posts,
    }),
  );
}
