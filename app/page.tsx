import { JsonLd } from '@/components/json-ld';
import { PostListPage } from '@/components/post-list-page';
import { pageMetadata, SITE_DESCRIPTION } from '@/lib/seo';
import { websiteJsonLd } from '@/lib/structured-data';

// Served from the route cache; writes revalidate it, and the minute timer lets scheduled posts appear.
export const revalidate = 60;

export const metadata = pageMetadata({
  title: { absolute: 'Hallway — conference recaps' },
  description: SITE_DESCRIPTION,
  path: '/',
});

export default function HomePage() {
  return (
    <>
      <JsonLd data={websiteJsonLd()} />
      <PostListPage page={1} />
    </>
  );
}
