import { getSitemapParts } from '@/db/queries';
import { sitemapIndexXml, xmlResponse } from '@/lib/sitemap';

// Cached like the reader pages: rebuilt at most once a minute, never per request.
export const dynamic = 'force-static';
export const revalidate = 60;

/** The sitemap index: one file for the fixed pages, then posts, talks and speakers in parts. */
export function GET() {
  return xmlResponse(sitemapIndexXml(getSitemapParts(), Date.now()));
}
