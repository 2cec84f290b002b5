import { getFeedPosts } from '@/db/queries';
import { atomResponse, buildFeed } from '@/lib/feeds';

// Built once, then served from the route cache and refreshed at most once a minute (like the pages).
export const dynamic = 'force-static';
export const revalidate = 60;

export function GET() {
  const feed = buildFeed({ title: 'Hallway: conference recaps', homePath: '/', atomPath: '/feed.xml', jsonPath: '/feed.json', posts: getFeedPosts() });
  return atomResponse(feed);
}
