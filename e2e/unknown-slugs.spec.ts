import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { distDir, query } from './e2e-data';
import { expect, test } from './fixtures';

/**
 * Made-up slugs on cached routes must not write route-cache entries: otherwise anyone can fill the
 * disk one 404 at a time. A thousand random ones across every cached dynamic route, then the cache
 * folders must hold no entry for any of them (other tests may add legitimate entries meanwhile, so
 * the check is by path, and the growth is recorded for the report).
 */
test.describe.configure({ timeout: 240_000 });

const CACHE_FOLDERS = [path.join(distDir, 'server', 'route-cache'), path.join(distDir, 'cache')];

function cacheFiles(): { files: string[]; bytes: number } {
  const files: string[] = [];
  let bytes = 0;
  for (const folder of CACHE_FOLDERS) {
    if (!fs.existsSync(folder)) continue;
    for (const entry of fs.readdirSync(folder, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const file = path.join(entry.parentPath, entry.name);
      files.push(file);
      bytes += fs.statSync(file).size;
    }
  }
  return { files, bytes };
}

test('a thousand unknown slugs on cached routes leave the route cache as it was', async ({ request }) => {
  const [conference] = query<{ slug: string }>('SELECT slug FROM conferences ORDER BY id LIMIT 1');
  const routes: ((token: string, n: number) => string)[] = [
    (t) => `/posts/${t}`,
    (t) => `/posts/${t}/opengraph-image`,
    (t) => `/categories/${t}`,
    (t) => `/categories/${t}/feed.xml`,
    (t) => `/speakers/${t}`,
    (t) => `/conferences/${t}`,
    (t) => `/conferences/${t}/feed.xml`,
    (t) => `/conferences/${t}/calendar.ics`,
    (t) => `/conferences/${t}/schedule.json`,
    (t) => `/conferences/${t}/schedule.xml`,
    (t) => `/conferences/${conference.slug}/talks/${t}`,
    (t, n) => `/conferences/${conference.slug}/days/${n}`,
    (t, n) => `/page/${n}`,
    (t, n) => `/speakers/page/${n}`,
    (t, n) => `/categories/notes/page/${n}`,
    (t) => `/conferences/${t}/recaps`,
    (t, n) => `/conferences/${conference.slug}/recaps/page/${n}`,
    (t, n) => `/sitemaps/talks-${n}.xml`,
    (t) => `/sitemaps/${t}.xml`,
    (t) => `/authors/${t}`,
    (t) => `/authors/${t}/feed.xml`,
    (t, n) => `/authors/ada/page/${n}`,
  ];
  // `?page=N` is rewritten to the numbered route inside Next: the guard must judge it the same way.
  const rewritten: [string, string][] = [
    ['/?page=', '/page/'],
    ['/speakers?page=', '/speakers/page/'],
    ['/categories/notes?page=', '/categories/notes/page/'],
    ['/authors/ada?page=', '/authors/ada/page/'],
  ];
  const paths = Array.from({ length: 1000 }, (_, i) =>
    routes[i % routes.length](`x${crypto.randomBytes(6).toString('hex')}`, 100_000 + crypto.randomInt(899_999)),
  );
  const queried = Array.from({ length: 60 }, (_, i) => {
    const [from, to] = rewritten[i % rewritten.length];
    const n = 100_000 + crypto.randomInt(899_999);
    return { url: `${from}${n}`, cached: `${to}${n}` };
  });
  const before = cacheFiles();

  const statuses = new Map<string, number>();
  const requested = [...paths, ...queried.map((q) => q.url)];
  for (let i = 0; i < requested.length; i += 8) {
    await Promise.all(
      requested.slice(i, i + 8).map(async (p) => {
        const response = await request.get(p, { maxRedirects: 0 });
        statuses.set(p, response.status());
      }),
    );
  }
  expect([...statuses].filter(([, status]) => status !== 404)).toEqual([]);

  const after = cacheFiles();
  const cachedAs = [...paths, ...queried.map((q) => q.cached)];
  const written = after.files.filter((file) => cachedAs.some((p) => file.includes(`$${p}.`) || file.includes(`$${p}/`)));
  const description = `${before.files.length} files / ${before.bytes} bytes before, ${after.files.length} files / ${after.bytes} bytes after; ${written.length} files for the unknown slugs`;
  test.info().annotations.push({ type: 'route cache', description });
  console.log(`route cache: ${description}`);
  expect(written).toEqual([]);
});
