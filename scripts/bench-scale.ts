/**
 * `npm run bench:scale`: the reader pages, search, the journal, feeds, the sitemap and a rating
 * write on the demo journal and on the same journal grown to the size of a real multi-year one
 * (db/grow.ts: 100 conferences × 5 days × 200 talks, 20k speakers, 10k recaps, 1M ratings), both
 * served by one production build started as `npm start` starts it, measured in the same run.
 *
 * For every page: the time of a fresh render (the median of three renders forced past the route
 * cache), the HTML's size, and requests/s and p99 from wrk once it is cached; then rating writes
 * from 50 signed-in people; then the p99 of a cached page while cold renders run beside it.
 * Printed side by side with the grown ÷ demo ratio. Only ratios are comparable across machines.
 *
 * BENCH_SECONDS (default 5) per wrk run; BENCH_PORT (default 3170) and the next port serve the two
 * journals; BENCH_REUSE_BUILD=1 skips the build; wrk must be installed (Debian: apt-get install -y wrk).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { buildOnce, percentile, postRating, runScript, sessionCookie, startApp, wrk, wrkInBackground, type App } from './bench-kit';

const seconds = Number(process.env.BENCH_SECONDS || 5);
const raters = 50;
const distDir = '.next-bench-scale';
const firstPort = Number(process.env.BENCH_PORT || 3170);
const ports = { demo: firstPort, grown: firstPort + 1 };

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'hallway-bench-scale-'));
const files = { demo: path.join(scratch, 'demo', 'hallway.db'), grown: path.join(scratch, 'grown', 'hallway.db') };
const secret = crypto.randomBytes(32).toString('base64url');
const baseEnv = { ...process.env, AUTH_SECRET: secret, NEXT_TELEMETRY_DISABLED: '1', SEED_DEMO: 'true' };

// ------------------------------------------------------------ the two journals

process.env.DATABASE_PATH = files.demo;
const { db } = await import('@/db/index');
const { seedDemoJournal } = await import('@/db/seed');
const { growDatabase } = await import('@/db/grow');
await seedDemoJournal(db);
db.$client.pragma('wal_checkpoint(TRUNCATE)');
db.$client.close();
fs.mkdirSync(path.dirname(files.grown), { recursive: true });
fs.copyFileSync(files.demo, files.grown);
{
  const grown = new Database(files.grown);
  const started = performance.now();
  growDatabase(grown);
  console.log(`Grew a copy of the demo journal in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  grown.pragma('wal_checkpoint(TRUNCATE)');
  grown.close();
}
const check = runScript('scripts/db-check.ts', ['--json'], { ...baseEnv, DATABASE_PATH: files.grown });
const checked = JSON.parse(check.stdout.trim().split('\n').pop() || '{}') as { talks?: number; mismatches?: unknown[] };
console.log(`db:check on the grown journal: ${checked.mismatches?.length === 0 ? `clean (${checked.talks} talks)` : `NOT clean: ${check.stdout.slice(-300)}${check.stderr.slice(-300)}`}`);

type Journal = keyof typeof files;
type Rater = { id: number; name: string; email: string; role: string; sessionVersion: number };

/** What to measure in one journal: its largest page of each kind, and people to sign in. */
function pick(which: Journal) {
  const d = new Database(files[which]);
  const one = <T>(sql: string) => d.prepare(sql).get() as T;
  const conference = one<{ id: number; slug: string }>(
    `SELECT c.id, c.slug FROM conferences c JOIN talks t ON t.conference_id = c.id GROUP BY c.id ORDER BY count(*) DESC, c.id LIMIT 1`,
  );
  const day = one<{ number: number; talks: number }>(
    `SELECT d.number, count(t.id) AS talks FROM days d JOIN talks t ON t.day_id = d.id WHERE d.conference_id = ${conference.id} GROUP BY d.id ORDER BY talks DESC LIMIT 1`,
  );
  const talk = one<{ slug: string; id: number }>(`SELECT slug, id FROM talks WHERE conference_id = ${conference.id} ORDER BY rating_count DESC, id LIMIT 1`);
  const post = one<{ slug: string }>(
    `SELECT p.slug FROM posts p JOIN post_talks pt ON pt.post_id = p.id WHERE p.status = 'published' GROUP BY p.id ORDER BY count(*) DESC, p.id LIMIT 1`,
  );
  const speaker = one<{ slug: string }>(`SELECT s.slug FROM speakers s JOIN talk_speakers ts ON ts.speaker_id = s.id GROUP BY s.id ORDER BY count(*) DESC, s.id LIMIT 1`);
  const category = one<{ slug: string }>(`SELECT c.slug FROM categories c JOIN post_categories pc ON pc.category_id = c.id GROUP BY c.id ORDER BY count(*) DESC, c.id LIMIT 1`);
  // The person with the most ratings (the demo journal has none: its first reader).
  const reader = one<Rater>(
    `SELECT u.id, u.name, u.email, u.role, u.session_version AS sessionVersion FROM users u LEFT JOIN ratings r ON r.user_id = u.id
     WHERE u.role = 'reader' GROUP BY u.id ORDER BY count(r.talk_id) DESC, u.id LIMIT 1`,
  );
  const readerRatings = one<{ n: number }>(`SELECT count(*) AS n FROM ratings WHERE user_id = ${reader.id}`).n;
  const openTalks = d
    .prepare(`SELECT id, slug FROM talks WHERE conference_id = ${conference.id} AND (starts_at IS NULL OR starts_at <= ?) ORDER BY id LIMIT 8`)
    .all(Date.now()) as { id: number; slug: string }[];
  // People who rate during the write phase.
  const now = Date.now();
  const insert = d.prepare(`INSERT INTO users (email, name, handle, role, session_version, created_at, updated_at) VALUES (?, ?, ?, 'reader', 1, ?, ?)`);
  const ratersOf = d.transaction(() =>
    Array.from({ length: raters }, (_, i): Rater => {
      const email = `bench-scale-${i}@example.com`;
      const id = Number(insert.run(email, `Bench Rater ${i}`, `bench-scale-${i}`, now, now).lastInsertRowid);
      return { id, name: `Bench Rater ${i}`, email, role: 'reader', sessionVersion: 1 };
    }),
  )();
  d.close();
  const c = conference.slug;
  return {
    pages: [
      ['home', '/'],
      ['post', `/posts/${post.slug}`],
      ['conference', `/conferences/${c}`],
      [`day (${day.talks} talks)`, `/conferences/${c}/days/${day.number}`],
      ['talk', `/conferences/${c}/talks/${talk.slug}`],
      ['speaker', `/speakers/${speaker.slug}`],
      ['speakers', '/speakers'],
      ['category', `/categories/${category.slug}`],
      ['search "stream"', '/search?q=stream'],
      [`journal (${readerRatings} ratings)`, '/journal'],
      ['site feed', '/feed.xml'],
      ['conference feed', `/conferences/${c}/feed.xml`],
      ['sitemap', '/sitemap.xml'],
    ] as [string, string][],
    dayTalks: day.talks,
    reader,
    raters: ratersOf,
    talks: openTalks.map((t) => ({ ...t, path: `/conferences/${c}/talks/${t.slug}` })),
    coldPaths: [`/conferences/${c}`, ...Array.from({ length: 5 }, (_, i) => `/conferences/${c}/days/${i + 1}`)],
    cachedPath: `/conferences/${c}/talks/${talk.slug}`,
  };
}

// ------------------------------------------------------------ measuring one journal

type PageFigures = { label: string; path: string; firstMs: number; bytes: number; status: number; cache: string; rps: number; p99: number; errors: number };
type Figures = { pages: PageFigures[]; writes: { perSecond: number; p50: number; p99: number; failed: number }; coldLoad: { idleP99: number; loadedP99: number; coldRenders: number } };

const previewModeId = () =>
  (JSON.parse(fs.readFileSync(path.join(distDir, 'prerender-manifest.json'), 'utf8')) as { preview: { previewModeId: string } }).preview.previewModeId;

/**
 * fetch, once more on a connection reset: a pooled keep-alive connection the server closed on its
 * idle timeout while wrk held it busy is a fault of the measuring, not of the server.
 */
async function get(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    if ((error as { cause?: { code?: string } }).cause?.code !== 'ECONNRESET') throw error;
    return fetch(url, init);
  }
}

/**
 * Waits until the server has worked off what an earlier wrk run left queued (wrk stops sending, but
 * the renders it asked for still run): otherwise the next measurement would time that backlog.
 * Idle means a small cached page answers quickly three times in a row.
 */
async function settle(app: App) {
  let quick = 0;
  for (let i = 0; i < 600 && quick < 3; i++) {
    const t0 = performance.now();
    await (await get(app.base + '/robots.txt', {})).arrayBuffer();
    quick = performance.now() - t0 < 20 ? quick + 1 : 0;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** One render past the route cache: the on-demand revalidation request Next itself sends. */
async function freshRender(app: App, url: string, headers: Record<string, string>) {
  const t0 = performance.now();
  const res = await get(app.base + url, { headers: { ...headers, 'x-prerender-revalidate': previewModeId() }, redirect: 'manual' });
  await res.arrayBuffer();
  return performance.now() - t0;
}

async function measure(which: Journal): Promise<Figures> {
  const plan = pick(which);
  const app = await startApp({ port: ports[which], env: { ...baseEnv, DATABASE_PATH: files[which], NEXT_DIST_DIR: distDir, SITE_URL: `http://localhost:${ports[which]}` } });
  try {
    const readerCookie = await sessionCookie({ secret, user: plan.reader });
    const pages: PageFigures[] = [];
    for (const [label, url] of plan.pages) {
      const headers: Record<string, string> = url === '/journal' ? { Cookie: readerCookie } : {};
      await settle(app);
      const renders = [];
      for (let i = 0; i < 3; i++) renders.push(await freshRender(app, url, headers));
      const res = await get(app.base + url, { headers, redirect: 'manual' });
      const bytes = (await res.arrayBuffer()).byteLength;
      const load = wrk(app.base + url, { seconds, headers });
      pages.push({ label, path: url, firstMs: percentile(renders, 50), bytes, status: res.status, cache: res.headers.get('x-nextjs-cache') ?? '', ...load });
      process.stdout.write('.');
    }

    await settle(app);
    // Rating writes: every rater saves "I saw it" with stars (POST /api/ratings), as fast as the server answers.
    const cookies = await Promise.all(plan.raters.map((user) => sessionCookie({ secret, user })));
    const latencies: number[] = [];
    let ok = 0;
    let failed = 0;
    const end = performance.now() + seconds * 2000;
    const started = performance.now();
    await Promise.all(
      cookies.map(async (cookie, u) => {
        for (let n = 0; performance.now() < end; n++) {
          const talk = plan.talks[(u + n) % plan.talks.length];
          const t0 = performance.now();
          const res = await postRating(app.base, cookie, { talkId: String(talk.id), seen: 'on', seenHow: 'room', stars: String(1 + ((u * 7 + n * 3) % 5)) }).catch(() => null);
          latencies.push(performance.now() - t0);
          if (res?.ok) ok++;
          else failed++;
        }
      }),
    );
    const writes = { perSecond: ok / ((performance.now() - started) / 1000), p50: percentile(latencies, 50), p99: percentile(latencies, 99), failed };

    await settle(app);
    // A cached page's p99 alone, then while cold renders of the largest pages run beside it.
    const idle = wrk(app.base + plan.cachedPath, { seconds, connections: 10 });
    let coldRenders = 0;
    let loading = true;
    const cold = (async () => {
      for (let i = 0; loading; i++) {
        await freshRender(app, plan.coldPaths[i % plan.coldPaths.length], {});
        coldRenders++;
      }
    })();
    // In the background: a blocking wrk would hold this process up, and with it the cold renders.
    const loaded = await wrkInBackground(app.base + plan.cachedPath, { seconds, connections: 10 });
    loading = false;
    await cold;
    process.stdout.write(' done\n');
    return { pages, writes, coldLoad: { idleP99: idle.p99, loadedP99: loaded.p99, coldRenders } };
  } catch (error) {
    console.error(`\nThe ${which} journal's server said:\n${app.log().slice(-3000)}`);
    throw error;
  } finally {
    await app.stop();
  }
}

// ------------------------------------------------------------ run and report

buildOnce(distDir, { ...baseEnv, DATABASE_PATH: files.demo });
console.log(`Measuring the demo journal (port ${ports.demo})`);
const demo = await measure('demo');
console.log(`Measuring the grown journal (port ${ports.grown})`);
const grown = await measure('grown');

const ms = (n: number) => (Number.isFinite(n) ? `${n < 10 ? n.toFixed(1) : Math.round(n)} ms` : '–');
const kb = (n: number) => `${(n / 1024).toFixed(n < 10240 ? 1 : 0)} KB`;
const ratio = (a: number, b: number) => (a > 0 && Number.isFinite(a) && Number.isFinite(b) ? `${(b / a).toFixed(2)}×` : '–');
const rps = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '–');

console.log(`\n${os.cpus().length} cores, Node ${process.version}, ${seconds} s per wrk run (50 connections); pages measured:`);
demo.pages.forEach((d, i) => console.log(`  ${d.label}: ${d.path} | ${grown.pages[i].path}`));
const timeouts = [...demo.pages, ...grown.pages].filter((p) => p.errors > 0);
if (timeouts.length) console.log(`wrk errors or timeouts (over 2 s): ${timeouts.map((p) => `${p.path} ${p.errors}`).join(', ')}`);
console.log('');
console.log('| page | fresh render demo | grown | ratio | HTML demo | grown | ratio | cached req/s demo | grown | ratio | p99 demo | grown |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
demo.pages.forEach((d, i) => {
  const g = grown.pages[i];
  const flags = [d, g].filter((p) => p.status !== 200).map((p) => ` (${p.path}: HTTP ${p.status})`).join('');
  console.log(
    `| ${g.label}${flags} | ${ms(d.firstMs)} | ${ms(g.firstMs)} | ${ratio(d.firstMs, g.firstMs)} | ${kb(d.bytes)} | ${kb(g.bytes)} | ${ratio(d.bytes, g.bytes)} | ${rps(d.rps)} | ${rps(g.rps)} | ${ratio(d.rps, g.rps)} | ${ms(d.p99)} | ${ms(g.p99)} |`,
  );
});
const dayPage = grown.pages.find((p) => p.label.startsWith('day'))!;
console.log(`\nGrown day page: ${kb(dayPage.bytes / Number(/\d+/.exec(dayPage.label)![0]))} of HTML per talk.`);
console.log(
  `Rating writes (${raters} people): demo ${rps(demo.writes.perSecond)}/s (p50 ${ms(demo.writes.p50)}, p99 ${ms(demo.writes.p99)}, ${demo.writes.failed} failed); ` +
    `grown ${rps(grown.writes.perSecond)}/s (p50 ${ms(grown.writes.p50)}, p99 ${ms(grown.writes.p99)}, ${grown.writes.failed} failed): ${((grown.writes.perSecond / demo.writes.perSecond) * 100).toFixed(0)} % of the demo rate.`,
);
for (const [name, f] of [['demo', demo], ['grown', grown]] as const) {
  console.log(
    `Cached talk page p99 (10 connections), ${name}: ${ms(f.coldLoad.idleP99)} alone, ${ms(f.coldLoad.loadedP99)} while ${f.coldLoad.coldRenders} cold renders of the conference and day pages ran (${ratio(f.coldLoad.idleP99, f.coldLoad.loadedP99)}).`,
  );
}
fs.rmSync(scratch, { recursive: true, force: true });
