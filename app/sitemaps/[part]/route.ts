import { getSitemapEntries } from '@/db/queries';
import { parsePartName, urlSetXml, xmlResponse } from '@/lib/sitemap';

export const dynamic = 'force-static';
export const revalidate = 60;
export function generateStaticParams() {
  return [];
}

/** One sitemap file, e.g. `/sitemaps/talks-2.xml`: its part of every public page with its last change. */
export async function GET(_request: Request, { params }: { params: Promise<{ part: string }> }) {
  const part = parsePartName((await params).part);
  const entries = part && getSitemapEntries(part);
  if (!entries) return new Response('No such sitemap.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  return xmlResponse(urlSetXml(entries));
}
