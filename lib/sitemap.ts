import { escapeUTF8 } from 'entities';
import type { SitemapEntry, SitemapSection } from '@/db/queries';
import { absoluteUrl } from '@/lib/seo';

/**
 * The sitemap protocol's two documents: an index of sitemap files (`/sitemap.xml`), and each file's
 * URLs (`/sitemaps/<section>-<n>.xml`), at most 50,000 per file as the protocol requires.
 */
export type SitemapPart = { section: SitemapSection; part: number };

export const partName = ({ section, part }: SitemapPart) => `${section}-${part + 1}.xml`;

/** `posts-3.xml` → { section: 'posts', part: 2 }; anything else → null. */
export function parsePartName(name: string): SitemapPart | null {
  const m = /^(pages|posts|talks|speakers)-([1-9]\d{0,5})\.xml$/.exec(name);
  return m ? { section: m[1] as SitemapSection, part: Number(m[2]) - 1 } : null;
}

const lastmod = (ms: number) => (ms > 0 ? `<lastmod>${new Date(ms).toISOString()}</lastmod>` : '');

export function sitemapIndexXml(parts: SitemapPart[], updatedAt: number): string {
  const items = parts.map((p) => `<sitemap><loc>${escapeUTF8(absoluteUrl(`/sitemaps/${partName(p)}`))}</loc>${lastmod(updatedAt)}</sitemap>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${items.join('\n')}\n</sitemapindex>\n`;
}

export function urlSetXml(entries: SitemapEntry[]): string {
  const items = entries.map((e) => `<url><loc>${escapeUTF8(absoluteUrl(encodeURI(e.path)))}</loc>${lastmod(e.updatedAt)}</url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${items.join('\n')}\n</urlset>\n`;
}

export function xmlResponse(xml: string): Response {
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
}
