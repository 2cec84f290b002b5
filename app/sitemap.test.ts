import '@/lib/testing/fresh-db';

import { count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import robots from '@/app/robots';
import { GET as sitemapIndex } from '@/app/sitemap.xml/route';
import { GET as sitemapPart } from '@/app/sitemaps/[part]/route';
import { growDatabase, scaledSize } from '@/db/grow';
import { db } from '@/db/index';
import { SITEMAP_SIZE } from '@/db/pagination';
import { categories, conferences, days, posts, speakers, talks, users } from '@/db/schema';
import { seedDemoJournal } from '@/db/seed';
import { renderPostColumns } from '@/lib/render-post';

const SITE = 'http://localhost:3000';

beforeAll(async () => {
  await seedDemoJournal(db);
  const author = db.select().from(users).where(eq(users.handle, 'ada')).get()!;
  const post = (slug: string, status: 'draft' | 'published' | 'deleted', publishedAt: number | null) =>
    db.insert(posts).values({ slug, authorId: author.id, title: slug, bodyMarkdown: 'x', ...renderPostColumns('x'), status, publishedAt }).run();
  post('hidden-draft', 'draft', null);
  post('hidden-scheduled', 'published', Date.now() + 86_400_000);
  post('hidden-deleted', 'deleted', Date.now() - 86_400_000);
});

const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]*)<\/loc>(?:<lastmod>([^<]*)<\/lastmod>)?/g)].map((m) => ({ url: m[1], lastModified: m[2] }));

/** Every entry of every sitemap file the index lists, fetched as a crawler would. */
async function sitemap() {
  const index = await (await sitemapIndex()).text();
  expect(index).toContain('<sitemapindex');
  const entries: { url: string; lastModified?: string }[] = [];
  for (const file of locs(index)) {
    const name = file.url.slice(`${SITE}/sitemaps/`.length);
    const res = await sitemapPart(new Request(file.url), { params: Promise.resolve({ part: name }) });
    expect(res.status, file.url).toBe(200);
    const xml = await res.text();
    expect(xml).toContain('<urlset');
    entries.push(...locs(xml));
  }
  return entries;
}

describe('sitemap.xml', () => {
  it('is an index of files within the protocol’s 50,000 URLs each; an unknown file is 404', async () => {
    const index = await (await sitemapIndex()).text();
    expect(locs(index).map((l) => l.url)).toEqual([`${SITE}/sitemaps/pages-1.xml`, `${SITE}/sitemaps/posts-1.xml`, `${SITE}/sitemaps/talks-1.xml`, `${SITE}/sitemaps/speakers-1.xml`]);
    for (const name of ['posts-2.xml', 'talks-0.xml', 'nothing-1.xml', 'posts-1.json']) {
      expect((await sitemapPart(new Request(`${SITE}/sitemaps/${name}`), { params: Promise.resolve({ part: name }) })).status, name).toBe(404);
    }
  });

  it('lists every public post, and nothing private, each with a last-modified date', async () => {
    const entries = await sitemap();
    const urls = entries.map((e) => e.url);
    const publicSlugs = db
      .select()
      .from(posts)
      .all()
      .filter((p) => p.status === 'published' && p.publishedAt !== null && p.publishedAt <= Date.now())
      .map((p) => p.slug);
    expect(publicSlugs.length).toBe(12);
    const postUrls = urls.filter((u) => u.startsWith(`${SITE}/posts/`));
    expect(postUrls.sort()).toEqual(publicSlugs.map((s) => `${SITE}/posts/${s}`).sort());
    for (const hidden of ['notes-from-the-meetup', 'hidden-draft', 'hidden-scheduled', 'hidden-deleted']) {
      expect(urls).not.toContain(`${SITE}/posts/${hidden}`);
    }
    for (const privateArea of ['/write', '/admin', '/account', '/journal', '/search', '/signin']) {
      expect(urls.some((u) => u.startsWith(`${SITE}${privateArea}`))).toBe(false);
    }
    expect(new Set(urls).size).toBe(urls.length);
    for (const e of entries) {
      expect(e.url.startsWith(`${SITE}/`)).toBe(true);
      expect(Number.isNaN(Date.parse(e.lastModified ?? '')), e.url).toBe(false);
    }
  });

  it('lists conferences, their days, talks, speakers and categories with public posts', async () => {
    const urls = new Set((await sitemap()).map((e) => e.url));
    for (const c of db.select().from(conferences).all()) expect(urls).toContain(`${SITE}/conferences/${c.slug}`);
    const dayRows = db.select({ n: days.number, slug: conferences.slug }).from(days).innerJoin(conferences, eq(conferences.id, days.conferenceId)).all();
    expect(dayRows.length).toBeGreaterThan(0);
    for (const d of dayRows) expect(urls).toContain(`${SITE}/conferences/${d.slug}/days/${d.n}`);
    const talkRows = db.select({ t: talks.slug, c: conferences.slug }).from(talks).innerJoin(conferences, eq(conferences.id, talks.conferenceId)).all();
    for (const t of talkRows) expect(urls).toContain(`${SITE}/conferences/${t.c}/talks/${t.t}`);
    for (const s of db.select().from(speakers).all()) expect(urls).toContain(`${SITE}/speakers/${s.slug}`);
    for (const c of db.select().from(categories).all()) expect(urls).toContain(`${SITE}/categories/${c.slug}`);
    expect(urls).toContain(`${SITE}/`);
  });
});

describe('sitemap.xml of a large journal', () => {
  beforeAll(() => growDatabase(db.$client, scaledSize(0.25)), 60_000);

  it('splits into files of at most SITEMAP_SIZE URLs that together list every talk once', async () => {
    const index = locs(await (await sitemapIndex()).text()).map((l) => l.url.slice(`${SITE}/sitemaps/`.length));
    expect(index.filter((n) => n.startsWith('talks-'))).toEqual(['talks-1.xml', 'talks-2.xml']);
    const entries = await sitemap();
    const talkUrls = entries.filter((e) => /\/talks\//.test(e.url)).map((e) => e.url);
    expect(talkUrls.length).toBe(db.select({ n: count() }).from(talks).get()!.n);
    expect(new Set(talkUrls).size).toBe(talkUrls.length);
    for (const name of index) {
      const xml = await (await sitemapPart(new Request(`${SITE}/sitemaps/${name}`), { params: Promise.resolve({ part: name }) })).text();
      expect(locs(xml).length).toBeLessThanOrEqual(SITEMAP_SIZE);
    }
  });
});

describe('robots.txt', () => {
  it('keeps crawlers out of the private areas and points at the sitemap', () => {
    const r = robots();
    const rules = Array.isArray(r.rules) ? r.rules[0] : r.rules;
    expect(rules.disallow).toEqual(expect.arrayContaining(['/write', '/admin', '/account', '/journal']));
    expect(r.sitemap).toBe(`${SITE}/sitemap.xml`);
  });
});
