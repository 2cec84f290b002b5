import type { MetadataRoute } from 'next';
import { absoluteUrl } from '@/lib/seo';

/** Private areas stay out of search engines (they need a session anyway); search results too. */
export default function robots(): MetadataRoute.Robots {
  return {
    rules: [{ userAgent: '*', allow: '/', disallow: ['/write', '/admin', '/account', '/journal', '/search', '/api/'] }],
    sitemap: absoluteUrl('/sitemap.xml'),
  };
}
