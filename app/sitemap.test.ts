import '@/lib/testing/fresh-db';

import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import robots from '@/app/robots';
import sitemap from '@/app/sitemap';
import { db } from '@/db/index';
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

describe('sitemap.xml', () => {
  it('lists every public post, and nothing private, each with a last-modified date', () => {
    const entries = sitemap();
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
      expect(e.lastModified, e.url).toBeInstanceOf(Date);
    }
  });

  it('lists conferences, their days, talks, speakers and categories with public posts', () => {
    const urls = new Set(sitemap().map((e) => e.url));
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

describe('robots.txt', () => {
  it('keeps crawlers out of the private areas and points at the sitemap', () => {
    const r = robots();
    const rules = Array.isArray(r.rules) ? r.rules[0] : r.rules;
    expect(rules.disallow).toEqual(expect.arrayContaining(['/write', '/admin', '/account', '/journal']));
    expect(r.sitemap).toBe(`${SITE}/sitemap.xml`);
  });
});
