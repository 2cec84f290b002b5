import type { MetadataRoute } from 'next';
import { getSitemapEntries } from '@/db/queries';
import { absoluteUrl } from '@/lib/seo';

// Cached like the reader pages: rebuilt at most once a minute, never per request.
export const revalidate = 60;

/** Every public page with its last change: recaps, conferences and their days, talks, speakers, categories. */
export default function sitemap(): MetadataRoute.Sitemap {
  const e = getSitemapEntries();
  const latest = Math.max(0, ...e.posts.map((p) => Math.max(p.updatedAt, p.publishedAt ?? 0)));
  const at = (ms: number) => new Date(ms);
  return [
    { url: absoluteUrl('/'), lastModified: latest ? at(latest) : undefined, changeFrequency: 'daily', priority: 1 },
    { url: absoluteUrl('/conferences'), lastModified: at(Math.max(0, ...e.conferences.map((c) => c.updatedAt))) },
    { url: absoluteUrl('/speakers'), lastModified: at(Math.max(0, ...e.speakers.map((s) => s.updatedAt))) },
    ...e.posts.map((p) => ({
      url: absoluteUrl(`/posts/${p.slug}`),
      lastModified: at(Math.max(p.updatedAt, p.publishedAt ?? 0)),
      priority: 0.8,
    })),
    ...e.conferences.map((c) => ({ url: absoluteUrl(`/conferences/${c.slug}`), lastModified: at(c.updatedAt), priority: 0.7 })),
    ...e.days.map((d) => ({ url: absoluteUrl(`/conferences/${d.conferenceSlug}/days/${d.number}`), lastModified: at(d.updatedAt) })),
    ...e.talks.map((t) => ({ url: absoluteUrl(`/conferences/${t.conferenceSlug}/talks/${t.slug}`), lastModified: at(t.updatedAt) })),
    ...e.speakers.map((s) => ({ url: absoluteUrl(`/speakers/${s.slug}`), lastModified: at(s.updatedAt) })),
    ...e.categories.map((c) => ({ url: absoluteUrl(`/categories/${c.slug}`), lastModified: at(c.updatedAt) })),
  ];
}
