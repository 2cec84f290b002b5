import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { baseURL } from './playwright.config';

/** Discovery on the demo journal: site search, feeds, sitemap, link previews and calendars. */

/** The header's search form and the results page, by their labels. */
class SearchPage {
  constructor(readonly page: Page) {}
  headerBox = () => this.page.getByRole('search', { name: 'Site' }).getByRole('searchbox', { name: 'Search Hallway' });
  headerButton = () => this.page.getByRole('search', { name: 'Site' }).getByRole('button', { name: 'Search' });
  pageBox = () => this.page.getByRole('searchbox', { name: 'Search recaps, talks, speakers and conferences' });
  group = (name: 'Recaps' | 'Talks' | 'Speakers' | 'Conferences') => this.page.getByRole('region', { name });
  async searchFromHeader(query: string, { submit = 'enter' }: { submit?: 'enter' | 'button' } = {}) {
    await this.headerBox().fill(query);
    if (submit === 'enter') await this.headerBox().press('Enter');
    else await this.headerButton().click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Search' })).toBeVisible();
  }
}

test('search from the header box: prefix match, grouped results, marked snippets, query kept', async ({ page }) => {
  const search = new SearchPage(page);
  await page.goto('/');
  await search.searchFromHeader('kafk');
  await expect(page).toHaveURL(/\/search\?q=kafk$/);
  await expect(search.pageBox()).toHaveValue('kafk');

  const talks = search.group('Talks');
  const kafkaTalk = talks.getByRole('link', { name: 'Cloud-Native and Scalable Kafka Architecture' });
  await expect(kafkaTalk).toHaveAttribute('href', '/conferences/qcon-london-2018/talks/cloud-native-and-scalable-kafka-architecture');
  await expect(kafkaTalk.locator('mark')).toHaveText('Kafka');

  // A word only in a recap's body, marked in its snippet.
  await search.pageBox().fill('playlist');
  await search.pageBox().press('Enter');
  const recaps = search.group('Recaps');
  await expect(recaps.getByRole('link', { name: /QCon London 2018: streams/ })).toBeVisible();
  await expect(recaps.locator('mark').first()).toHaveText(/playlist/i);

  // Speakers by name, conferences by track name, each in its own group.
  await search.pageBox().fill('akidau');
  await search.pageBox().press('Enter');
  await expect(search.group('Speakers').getByRole('link', { name: 'Tyler Akidau' })).toBeVisible();
  await search.pageBox().fill('running production');
  await search.pageBox().press('Enter');
  await expect(search.group('Conferences').getByRole('link', { name: 'Fjord Dev Days 2019' })).toBeVisible();
});

test('drafts are never found, and nothing found says so', async ({ page }) => {
  const search = new SearchPage(page);
  await page.goto('/search?q=unfinished');
  await expect(page.getByText('Nothing found for “unfinished”')).toBeVisible();
  await expect(page.getByRole('main')).not.toContainText('Notes from the meetup');
  await search.pageBox().fill('half-written thoughts');
  await search.pageBox().press('Enter');
  await expect(page.getByText(/Nothing found for/)).toBeVisible();
});

test('hostile queries give a results page, never an error, and are shown as text', async ({ page }) => {
  test.slow(); // ten page loads
  page.on('dialog', () => {
    throw new Error('a script from the query ran');
  });
  const queries = [
    '"',
    'kafka AND',
    'NOT OR NEAR(',
    '*',
    '-kafka',
    '((kafka',
    '🎉 kafka',
    "'; DROP TABLE posts; --",
    '"><img src=x onerror=alert(1)><script>alert(2)</script>',
    'x'.repeat(10_000),
  ];
  for (const q of queries) {
    const response = await page.goto(`/search?q=${encodeURIComponent(q)}`);
    expect(response?.status(), q.slice(0, 30)).toBe(200);
    await expect(page.getByRole('heading', { level: 1, name: 'Search' })).toBeVisible();
  }
  await page.goto(`/search?q=${encodeURIComponent('<script>alert(2)</script> kafka')}`);
  await expect(new SearchPage(page).pageBox()).toHaveValue('<script>alert(2)</script> kafka');
  await expect(page.getByText('Nothing found for “<script>alert(2)</script> kafka”')).toBeVisible();
});

test('every search result kind links to a real page', async ({ page, request }) => {
  await page.goto('/search?q=stream');
  const links = page.getByRole('main').getByRole('listitem').getByRole('heading').getByRole('link');
  const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  expect(hrefs.length).toBeGreaterThan(3);
  for (const href of hrefs) expect((await request.get(href)).status(), href).toBe(200);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the header search box is a plain form that works', async ({ page }) => {
    const search = new SearchPage(page);
    await page.goto('/conferences');
    await search.searchFromHeader('flink', { submit: 'button' });
    await expect(page).toHaveURL(/\/search\?q=flink$/);
    await expect(search.group('Talks').getByRole('link', { name: /Stateful Streaming with Apache Flink/ })).toBeVisible();
    await expect(search.pageBox()).toHaveValue('flink');
  });
});

// ------------------------------------------------------------------ head

type Head = {
  title: string;
  description: string | null;
  canonical: string | null;
  og: Record<string, string[]>;
  twitter: Record<string, string>;
  feeds: { type: string; href: string; title: string }[];
  jsonLd: Record<string, unknown>[];
};

/** Everything a crawler or a link preview reads from a page, straight from the DOM. */
async function readHead(page: Page): Promise<Head> {
  return page.evaluate(() => {
    const og: Record<string, string[]> = {};
    for (const m of document.head.querySelectorAll('meta[property^="og:"], meta[property^="article:"]')) {
      const key = m.getAttribute('property')!;
      (og[key] ??= []).push(m.getAttribute('content') ?? '');
    }
    const twitter: Record<string, string> = {};
    for (const m of document.head.querySelectorAll('meta[name^="twitter:"]')) twitter[m.getAttribute('name')!] = m.getAttribute('content') ?? '';
    return {
      title: document.title,
      description: document.head.querySelector('meta[name="description"]')?.getAttribute('content') ?? null,
      canonical: document.head.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null,
      og,
      twitter,
      feeds: [...document.head.querySelectorAll('link[rel="alternate"][type]')].map((l) => ({
        type: l.getAttribute('type')!,
        href: l.getAttribute('href')!,
        title: l.getAttribute('title') ?? '',
      })),
      jsonLd: [...document.querySelectorAll('script[type="application/ld+json"]')].map((s) => JSON.parse(s.textContent ?? 'null')),
    };
  });
}

const pageTypes: { name: string; path: string; ldType: string; ogType: string }[] = [
  { name: 'home', path: '/', ldType: 'WebSite', ogType: 'website' },
  { name: 'post', path: '/posts/qcon-london-2018', ldType: 'BlogPosting', ogType: 'article' },
  { name: 'conferences', path: '/conferences', ldType: 'CollectionPage', ogType: 'website' },
  { name: 'conference', path: '/conferences/qcon-london-2018', ldType: 'Event', ogType: 'website' },
  { name: 'day', path: '/conferences/qcon-london-2018/days/2', ldType: 'Event', ogType: 'website' },
  { name: 'talk', path: '/conferences/qcon-london-2018/talks/inside-self-driving-uber', ldType: 'Event', ogType: 'website' },
  { name: 'speakers', path: '/speakers', ldType: 'CollectionPage', ogType: 'website' },
  { name: 'speaker', path: '/speakers/tyler-akidau', ldType: 'ProfilePage', ogType: 'profile' },
  { name: 'category', path: '/categories/streaming', ldType: 'CollectionPage', ogType: 'website' },
];

for (const { name, path, ldType, ogType } of pageTypes) {
  test(`${name} page has its title, description, canonical URL, OpenGraph, Twitter card and JSON-LD`, async ({ page }) => {
    await page.goto(path);
    const head = await readHead(page);
    expect(head.title).toMatch(/Hallway/);
    expect(head.description?.length).toBeGreaterThan(20);
    // Next prints the home page's canonical URL without its trailing slash.
    expect(head.canonical).toBe(path === '/' ? baseURL : `${baseURL}${path}`);
    expect(head.og['og:type']).toEqual([ogType]);
    expect(head.og['og:title']?.[0]).toBeTruthy();
    expect(head.og['og:description']?.[0]).toBeTruthy();
    expect(head.og['og:url']).toEqual([head.canonical]);
    expect(head.og['og:site_name']).toEqual(['Hallway']);
    expect(head.twitter['twitter:card']).toMatch(/^summary/);
    // The site feeds are advertised everywhere.
    expect(head.feeds).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'application/atom+xml', href: `${baseURL}/feed.xml` }),
        expect.objectContaining({ type: 'application/feed+json', href: `${baseURL}/feed.json` }),
      ]),
    );
    expect(head.jsonLd).toHaveLength(1);
    expect(head.jsonLd[0]['@context']).toBe('https://schema.org');
    expect(head.jsonLd[0]['@type']).toBe(ldType);
  });
}

test('a post previews as an article with its published time and a generated image', async ({ page, request }) => {
  await page.goto('/posts/qcon-london-2018');
  const head = await readHead(page);
  expect(head.og['article:published_time']).toEqual(['2018-03-12T13:08:46-07:00']);
  expect(head.og['article:author']).toEqual(['Ada Okafor']);
  expect(head.twitter['twitter:card']).toBe('summary_large_image');
  const [image] = head.og['og:image'];
  expect(image).toMatch(new RegExp(`^${baseURL}/posts/qcon-london-2018/opengraph-image`));
  expect(head.twitter['twitter:image']).toBe(image);
  const png = await request.get(image);
  expect(png.status()).toBe(200);
  expect(png.headers()['content-type']).toBe('image/png');
  expect((await png.body()).subarray(1, 4).toString()).toBe('PNG');

  const ld = head.jsonLd[0] as { headline: string; datePublished: string; author: { name: string } };
  expect(ld.headline).toBe('QCon London 2018: streams, actors and a self-driving car');
  expect(ld.datePublished).toBe('2018-03-12T13:08:46-07:00');
  expect(ld.author.name).toBe('Ada Okafor');
});

test('a conference is an Event with dates, place and attendance mode, and offers its own feed', async ({ page }) => {
  await page.goto('/conferences/fjord-dev-days-2019');
  const head = await readHead(page);
  expect(head.jsonLd[0]).toMatchObject({
    '@type': 'Event',
    name: 'Fjord Dev Days 2019',
    startDate: '2019-05-22',
    endDate: '2019-05-23',
    eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
    location: { '@type': 'Place' },
  });
  expect(head.feeds[0]).toMatchObject({ type: 'application/atom+xml', href: `${baseURL}/conferences/fjord-dev-days-2019/feed.xml` });
});

// ----------------------------------------------------------- feeds & co

test('readers can subscribe from the page: visible feed links on the home, conference and category pages', async ({ page, request }) => {
  for (const [path, name, feed] of [
    ['/', 'Subscribe to every recap', '/feed.xml'],
    ['/conferences/qcon-london-2018', 'Subscribe to recaps of QCon London 2018', '/conferences/qcon-london-2018/feed.xml'],
    ['/categories/notes', 'Subscribe to Notes recaps', '/categories/notes/feed.xml'],
  ]) {
    await page.goto(path);
    const link = page.getByRole('main').getByRole('link', { name });
    await expect(link).toHaveAttribute('href', feed);
    const res = await request.get(feed);
    expect(res.status(), feed).toBe(200);
    expect(await res.text()).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
  }
});

test("an author's name leads to their page: their public recaps, a feed to follow, nobody else's", async ({ page, request }) => {
  await page.goto('/posts/qcon-london-2018');
  await page.getByRole('main').getByRole('link', { name: 'Ada Okafor', exact: true }).first().click();
  await expect(page).toHaveURL(/\/authors\/ada$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ada Okafor');
  await expect(page.getByRole('main')).toContainText('6 recaps');
  const titles = page.getByRole('main').getByRole('article').getByRole('heading', { level: 2 });
  await expect(titles).toHaveCount(6);
  await expect(titles.first()).toHaveText('Questions worth asking at an AMA');
  await expect(titles.filter({ hasText: 'Why recaps beat slides' })).toHaveCount(0); // Ben's
  await expect(titles.filter({ hasText: 'unfinished' })).toHaveCount(0); // her draft

  // Every card's author links back here, and the feed the page offers holds her recaps only.
  await expect(page.getByRole('main').getByRole('article').getByRole('link', { name: 'Ada Okafor' })).toHaveCount(6);
  const feedLink = page.getByRole('main').getByRole('link', { name: 'Subscribe to recaps by Ada Okafor' });
  await expect(feedLink).toHaveAttribute('href', '/authors/ada/feed.xml');
  const feed = await request.get('/authors/ada/feed.xml');
  expect(feed.headers()['content-type']).toBe('application/atom+xml; charset=utf-8');
  const xml = await feed.text();
  expect(xml.match(/<entry>/g)).toHaveLength(6);
  expect(xml).not.toContain('Why recaps beat slides');

  // From a post card on the home page too.
  await page.goto('/');
  await page.getByRole('article').filter({ hasText: 'Why recaps beat slides' }).getByRole('link', { name: 'Ben Lindqvist' }).click();
  await expect(page).toHaveURL(/\/authors\/ben$/);

  // Someone without a public recap has no author page, nor feed.
  for (const path of ['/authors/sam', '/authors/sam/feed.xml', '/authors/nobody-at-all', '/authors/ada?page=2']) {
    expect((await request.get(path)).status(), path).toBe(404);
  }
});

test('feeds, sitemap and robots.txt are reachable', async ({ request, page }) => {
  const atom = await request.get('/feed.xml');
  expect(atom.headers()['content-type']).toBe('application/atom+xml; charset=utf-8');
  const xml = await atom.text();
  expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
  expect(xml).toContain(`<link href="${baseURL}/posts/qcon-london-2018"/>`);
  expect(xml).not.toContain('Notes from the meetup');

  const json = await (await request.get('/feed.json')).json();
  expect(json.version).toBe('https://jsonfeed.org/version/1.1');
  expect(json.items.length).toBe(12);

  // A category page advertises its own feed; following the link gives that category's posts.
  await page.goto('/categories/travel');
  const feed = (await readHead(page)).feeds[0];
  expect(feed.href).toBe(`${baseURL}/categories/travel/feed.xml`);
  const travel = await (await request.get(feed.href)).text();
  expect(travel.match(/<entry>/g)).toHaveLength(1);
  expect(travel).toContain('Packing for a three-day conference');

  // An index of sitemap files, each fetched as a crawler would.
  const index = await (await request.get('/sitemap.xml')).text();
  expect(index).toContain('<sitemapindex');
  const files = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
  expect(files).toContain(`${baseURL}/sitemaps/posts-1.xml`);
  let sitemap = '';
  for (const file of files) {
    const res = await request.get(file);
    expect(res.status(), file).toBe(200);
    expect(res.headers()['content-type']).toContain('xml');
    sitemap += await res.text();
  }
  expect(sitemap).toContain(`<loc>${baseURL}/posts/qcon-london-2018</loc>`);
  expect(sitemap).toContain(`<loc>${baseURL}/conferences/qcon-london-2018/days/1</loc>`);
  expect(sitemap).not.toContain('notes-from-the-meetup');

  const robots = await (await request.get('/robots.txt')).text();
  for (const area of ['/write', '/admin', '/account', '/journal']) expect(robots).toContain(`Disallow: ${area}`);
  expect(robots).toContain(`Sitemap: ${baseURL}/sitemap.xml`);
});

test('calendars: a conference programme is public, a personal one needs its token', async ({ request }) => {
  const ics = await request.get('/conferences/fjord-dev-days-2019/calendar.ics');
  expect(ics.status()).toBe(200);
  expect(ics.headers()['content-type']).toBe('text/calendar; charset=utf-8');
  const text = await ics.text();
  expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(7);
  expect(text).toContain('DTSTART;TZID=Europe/Oslo:20190522T093000');

  for (const url of ['/journal/calendar.ics', '/journal/calendar.ics?token=not-a-real-token-not-a-real-tok']) {
    const denied = await request.get(url);
    expect(denied.status()).toBe(404);
    expect(denied.headers()['cache-control']).toBe('private, no-store');
  }
});

for (const scheme of ['light', 'dark'] as const) {
  test(`search results page has no serious accessibility violations (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('/search?q=stream');
    // This feature's parts: the results and the header's search form (the rest of the header is tested elsewhere).
    const { violations } = await new AxeBuilder({ page }).include('main').include('form[role="search"]').analyze();
    const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
  });
}
