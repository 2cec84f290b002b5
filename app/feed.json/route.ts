import { getFeedPosts } from '@/db/queries';
import { buildFeed, jsonFeedResponse, type FeedSpec } from '@/lib/feeds';

export const dynamic = 'force-static';
export const revalidate = 60;

export function GET() {
  const spec: FeedSpec = { title: 'Hallway: conference recaps', homePath: '/', atomPath: '/feed.xml', jsonPath: '/feed.json', posts: getFeedPosts() };
  return jsonFeedResponse(buildFeed(spec), spec);
}
