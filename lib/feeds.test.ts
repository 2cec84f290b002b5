import '@/lib/testing/fresh-db';

import { parseFeed } from '@rowanmanning/feed-parser';
import { DOMParser } from '@xmldom/xmldom';
import { eq } from 'drizzle-orm';
import { XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as categoryFeed } from '@/app/categories/[name]/feed.xml/route';
import { GET as conferenceFeed } from '@/app/conferences/[slug]/feed.xml/route';
import { GET as jsonFeed } from '@/app/feed.json/route';
import { GET as atomFeed } from '@/app/feed.xml/route';
import { db } from '@/db/index';
import { categories, conferences, postCategories, posts, users } from '@/db/schema';
import { seedDemoJournal } from '@/db/seed';
import { absolutizeHtml } from '@/lib/feeds';
import { renderPostColumns } from '@/lib/render-post';

const SITE = 'http://localhost:3000';
const params = <T,>(p: T) => ({ params: Promise.resolve(p) });

async function readAtom(response: Response) {
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
  const xml = await response.text();
  // Strictly well-formed XML first (the feed parser below is lenient on purpose).
  expect(XMLValidator.validate(xml)).toBe(true);
  parseStrictXml(xml);
  return { xml, feed: parseFeed(xml) };
}

/** A feed reader's view: any warning or error of an XML parser fails the test. */
function parseStrictXml(xml: string) {
  return new DOMParser({
    onError(level, message) {
      throw new Error(`XML ${level}: ${message}`);
    },
  }).parseFromString(xml, 'application/xml');
}

let authorId: number;
let n = 0;
function insertPost(values: {
  title: string;
  body: string;
  status?: 'draft' | 'published' | 'deleted';
  publishedAt?: number | null;
  category?: string;
  conferenceId?: number;
}) {
  const status = values.status ?? 'published';
  const [row] = db
    .insert(posts)
    .values({
      slug: `feed-test-${++n}`,
      authorId,
      conferenceId: values.conferenceId,
      title: values.title,
      bodyMarkdown: values.body,
      ...renderPostColumns(values.body),
      status,
      publishedAt: values.publishedAt === undefined ? (status === 'published' ? Date.now() - n * 1000 : null) : values.publishedAt,
    })
    .returning({ id: posts.id, slug: posts.slug })
    .all();
  if (values.category) {
    const cat = db.select().from(categories).where(eq(categories.slug, values.category)).get()!;
    db.insert(postCategories).values({ postId: row.id, categoryId: cat.id }).run();
  }
  return row;
}

/** Titles of the posts readers can see now (published, and their time has come). */
const publicTitles = () =>
  db
    .select({ title: posts.title, status: posts.status, publishedAt: posts.publishedAt })
    .from(posts)
    .all()
    .filter((p) => p.status === 'published' && p.publishedAt !== null && p.publishedAt <= Date.now())
    .map((p) => p.title);

beforeAll(async () => {
  await seedDemoJournal(db);
  authorId = db.select({ id: users.id }).from(users).where(eq(users.handle, 'ben')).get()!.id;
  // Never in a feed: a draft, a scheduled post, a deleted one (on top of the demo journal's draft).
  insertPost({ title: 'Secret draft in streaming', body: 'draft', status: 'draft', category: 'streaming' });
  insertPost({ title: 'Scheduled for next week', body: 'later', publishedAt: Date.now() + 7 * 86_400_000, category: 'streaming' });
  insertPost({ title: 'Deleted recap', body: 'gone', status: 'deleted' });
});

describe('Atom feed (/feed.xml)', () => {
  it('parses, lists every public post newest first, and no draft, scheduled or deleted post', async () => {
    const { feed } = await readAtom(atomFeed());
    expect(feed.meta.type).toBe('atom');
    expect(feed.title).toBe('Hallway: conference recaps');
    expect(feed.self).toBe(`${SITE}/feed.xml`);
    const titles = feed.items.map((i) => i.title);
    expect(new Set(titles)).toEqual(new Set(publicTitles()));
    expect(titles).toHaveLength(12);
    for (const hidden of ['Notes from the meetup (unfinished)', 'Secret draft in streaming', 'Scheduled for next week', 'Deleted recap']) {
      expect(titles).not.toContain(hidden);
    }
    const published = feed.items.map((i) => i.published!.getTime());
    expect(published).toEqual([...published].sort((a, b) => b - a));
  });

  it('carries full content with absolute URLs, dates, authors and stable ids', async () => {
    const { feed } = await readAtom(atomFeed());
    const qcon = feed.items.find((i) => i.url === `${SITE}/posts/qcon-london-2018`)!;
    expect(qcon).toBeDefined();
    expect(qcon.content).toContain(`src="${SITE}/images/posts/qcon-2018/pipeline-sketch.svg"`);
    // The part after <!-- more --> is there: full content, not the excerpt.
    expect(qcon.content).toContain('Why this conference works');
    // Nothing relative is left: no root-relative or fragment-only links and images.
    for (const item of feed.items) {
      expect(item.content).not.toMatch(/(?:href|src)="(?!https?:|mailto:)/);
    }
    expect(qcon.content).toMatch(new RegExp(`href="${SITE}/posts/qcon-london-2018#user-content-`));
    // Written 2018-03-12 13:08:46 -0700.
    expect(qcon.published!.toISOString()).toBe('2018-03-12T20:08:46.000Z');
    expect(qcon.updated!.getTime()).toBeGreaterThanOrEqual(qcon.published!.getTime());
    expect(qcon.authors.map((a) => a.name)).toEqual(['Ada Okafor']);
    expect(qcon.categories.map((c) => c.term).sort()).toEqual(['conferences', 'streaming', 'talk']);
    expect(qcon.id).toMatch(/^tag:localhost,2018:post-\d+$/);
  });

  it('keeps at most the latest 20 posts', async () => {
    for (let i = 0; i < 12; i++) insertPost({ title: `Filler recap ${i}`, body: `Filler ${i}` });
    const { feed } = await readAtom(atomFeed());
    expect(feed.items).toHaveLength(20);
    expect(feed.items[0].title).toBe('Filler recap 0');
  });

  it('keeps hostile titles and bodies as text and stays well-formed', async () => {
    const title = 'Q&A: <script>alert(1)</script> ]]> "quoted"';
    const body = 'Control \u0001 characters, a CDATA end ]]> and <b>bold</b> & more.';
    insertPost({ title, body });
    const { feed, xml } = await readAtom(atomFeed());
    expect(xml).not.toContain('<script>');
    const item = feed.items.find((i) => i.title?.startsWith('Q&A'))!;
    expect(item.title).toBe(title);
    // The parser hands back the HTML decoded; what matters is that it got through the CDATA intact.
    expect(item.content).toContain('a CDATA end ]]> and <b>bold</b>');
    expect(item.content).not.toContain('\u0001');
  });
});

describe('category and conference feeds', () => {
  it('lists only public posts of the category', async () => {
    const { feed } = await readAtom(await categoryFeed(new Request(`${SITE}/categories/streaming/feed.xml`), params({ name: 'streaming' })));
    expect(feed.title).toBe('Hallway: Streaming recaps');
    expect(feed.items.map((i) => i.url).sort()).toEqual(
      [`${SITE}/posts/fjord-dev-days-2019`, `${SITE}/posts/qcon-london-2018`, `${SITE}/posts/reading-list-after-fjord-dev-days`].sort(),
    );
  });

  it('lists only public posts of the conference', async () => {
    const { feed } = await readAtom(
      await conferenceFeed(new Request(`${SITE}/conferences/fjord-dev-days-2019/feed.xml`), params({ slug: 'fjord-dev-days-2019' })),
    );
    expect(feed.items.map((i) => i.url).sort()).toEqual(
      [`${SITE}/posts/fjord-dev-days-2019`, `${SITE}/posts/reading-list-after-fjord-dev-days`].sort(),
    );
  });

  it('answers 404 for an unknown category or conference', async () => {
    expect((await categoryFeed(new Request(`${SITE}/x`), params({ name: 'nope' }))).status).toBe(404);
    expect((await conferenceFeed(new Request(`${SITE}/x`), params({ slug: 'nope' }))).status).toBe(404);
  });
});

describe('JSON Feed (/feed.json)', () => {
  it('is JSON Feed 1.1 with plain-text titles and absolute URLs', async () => {
    const response = jsonFeed();
    expect(response.headers.get('content-type')).toBe('application/feed+json; charset=utf-8');
    const feed = (await response.json()) as {
      version: string;
      title: string;
      feed_url: string;
      home_page_url: string;
      items: { id: string; url: string; title: string; content_html: string; date_published: string; authors: { name: string }[] }[];
    };
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.feed_url).toBe(`${SITE}/feed.json`);
    expect(feed.home_page_url).toBe(`${SITE}/`);
    expect(feed.items).toHaveLength(20);
    const titles = feed.items.map((i) => i.title);
    expect(titles).not.toContain('Secret draft in streaming');
    expect(titles).toContain('Q&A: <script>alert(1)</script> ]]> "quoted"');
    for (const item of feed.items) {
      expect(item.url.startsWith(`${SITE}/posts/`)).toBe(true);
      expect(item.authors[0].name).toBeTruthy();
      expect(Number.isNaN(Date.parse(item.date_published))).toBe(false);
    }
  });
});

describe('a category named with markup characters', () => {
  it('leaves every Atom feed well-formed: site, conference and category', async () => {
    const name = 'C++ <templates> & "more"';
    db.insert(categories).values({ slug: 'cpp-templates', name }).run();
    const conference = db.select({ id: conferences.id }).from(conferences).where(eq(conferences.slug, 'fjord-dev-days-2019')).get()!;
    insertPost({ title: 'Templates recap', body: 'On templates.', category: 'cpp-templates', conferenceId: conference.id });

    const feeds = [
      atomFeed(),
      await conferenceFeed(new Request(`${SITE}/x`), params({ slug: 'fjord-dev-days-2019' })),
      await categoryFeed(new Request(`${SITE}/x`), params({ name: 'cpp-templates' })),
    ];
    for (const response of feeds) {
      const { feed } = await readAtom(response);
      const item = feed.items.find((i) => i.title === 'Templates recap')!;
      expect(item.categories.map((c) => c.label)).toContain(name);
    }
  });
});

describe('absolutizeHtml', () => {
  it('resolves relative links and images against the post URL, leaving absolute ones alone', () => {
    const html = absolutizeHtml(
      '<p><a href="/posts/other">a</a> <a href="#user-content-x">b</a> <a href="https://example.org/y">c</a> <a href="mailto:a@b.c">d</a> <img src="/images/x.svg" alt=""> <a href="//cdn.example/z">e</a></p>',
      `${SITE}/posts/this-one`,
    );
    expect(html).toContain(`href="${SITE}/posts/other"`);
    expect(html).toContain(`href="${SITE}/posts/this-one#user-content-x"`);
    expect(html).toContain('href="https://example.org/y"');
    expect(html).toContain('href="mailto:a@b.c"');
    expect(html).toContain(`src="${SITE}/images/x.svg"`);
    expect(html).toContain('href="http://cdn.example/z"');
  });
});
