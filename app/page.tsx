import { PostListPage } from '@/components/post-list-page';

// Served from the route cache; writes revalidate it, and the minute timer lets scheduled posts appear.
export const revalidate = 60;

export default function HomePage() {
  return <PostListPage page={1} />;
}
