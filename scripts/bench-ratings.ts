/**
 * `npm run bench:ratings`: N signed-in people rating talks at once, through the page's endpoint
 * (`POST /api/ratings`) and, for comparison in the same run, through the server action that a
 * form posts without JavaScript.
 *
 * Starts the production server on a scratch copy of the demo journal (its own build, `.next-bench-ratings`),
 * creates N users directly in the database with session cookies minted the way the server's own
 * Auth.js would (`encode` from next-auth/jwt, with the server's AUTH_SECRET), then:
 *
 * 1. baseline: every user posts the rating action with an invalid talk id, so the request goes through
 *    Next's action handling and the whole wrapper (Origin, session, user re-read, zod) and is refused
 *    before any write: the cost of an empty server action, measured in the same run;
 * 2. ratings through the server action: every user, as fast as the server answers, posts "I saw
 *    it" + random stars + a review for one of eight demo talks (a real write, aggregates updated in
 *    the same transaction, pages revalidated, and the action's answer re-renders the talk page);
 * 3. the same through `POST /api/ratings` on eight other talks: the answer is data, no render.
 *
 * Each save carries a review, so the talks gather reviews while the phase runs; the median latency
 * of the first and the last third of each phase shows whether a save gets slower as they do.
 *
 * Prints writes/s, p50/p99 latency, errors (HTTP errors, refusals, and any "database is locked" in
 * responses or the server's log), and whether every talk's aggregates equal a recompute from the rows
 * (`npm run db:check`) afterwards.
 *
 * BENCH_USERS (default 200) concurrent users; BENCH_SECONDS (default 15) per phase;
 * BENCH_REUSE_BUILD=1 skips the build when `.next-bench-ratings` exists.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { actionBody, actionId, actionState, buildOnce, percentile, postRating, runScript, sessionCookie, startApp } from './bench-kit';

const users = Number(process.env.BENCH_USERS || 200);
const seconds = Number(process.env.BENCH_SECONDS || 15);
const port = Number(process.env.BENCH_PORT || 3610);
const distDir = '.next-bench-ratings';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'hallway-bench-ratings-'));
const dbFile = path.join(scratch, 'hallway.db');
Object.assign(process.env, {
  DATABASE_PATH: dbFile,
  NEXT_DIST_DIR: distDir,
  SITE_URL: `http://localhost:${port}`,
  SEED_DEMO: 'true',
  NEXT_TELEMETRY_DISABLED: '1',
});
const { prepareDataFolder } = await import('./prepare');
await prepareDataFolder(); // also puts the scratch folder's generated AUTH_SECRET into process.env
const secret = process.env.AUTH_SECRET;
if (!secret) throw new Error('No AUTH_SECRET after preparing the data folder');

buildOnce(distDir, process.env);

// ------------------------------------------------------------ users and their sessions

const db = new Database(dbFile);
db.pragma('busy_timeout = 5000');
const now = Date.now();
const insertUser = db.prepare(
  `INSERT INTO users (email, name, handle, role, session_version, created_at, updated_at) VALUES (?, ?, ?, 'reader', 1, ?, ?)`,
);
const userIds = db.transaction(() =>
  Array.from({ length: users }, (_, i) => Number(insertUser.run(`bench-${i}@example.com`, `Bench Rater ${i}`, `bench-rater-${i}`, now, now).lastInsertRowid)),
)();
const talks = db
  .prepare(
    `SELECT t.id, t.slug, c.slug AS conference FROM talks t JOIN conferences c ON c.id = t.conference_id
     WHERE t.starts_at IS NULL OR t.starts_at <= ? ORDER BY t.id LIMIT 16`,
  )
  .all(now) as { id: number; slug: string; conference: string }[];
db.close();

const cookies = await Promise.all(
  userIds.map((id, i) => sessionCookie({ secret, user: { id, name: `Bench Rater ${i}`, email: `bench-${i}@example.com`, role: 'reader', sessionVersion: 1 } })),
);

// ------------------------------------------------------------ the server

const app = await startApp({ port, env: process.env });
const base = app.base;
const id = actionId(distDir, 'app/journal/actions.ts', 'saveRatingAction');

// Eight talks for each way of saving, so neither starts with the other's reviews.
const byAction = talks.slice(0, 8);
const byEndpoint = talks.slice(8, 16);

// Warm the pages the actions post to (and re-render after a write).
for (const t of talks) await fetch(`${base}/conferences/${t.conference}/talks/${t.slug}`).then((r) => r.text());

// ------------------------------------------------------------ load

// Node's fetch keeps connections alive and opens as many per origin as there are requests in flight.
type Phase = {
  name: string;
  requests: number;
  ok: number;
  refused: number;
  httpErrors: number;
  locked: number;
  latencies: number[];
  /** [time since the phase started, latency], to compare its start with its end. */
  timeline: [number, number][];
  seconds: number;
  samples: string[];
};

type Send = (cookie: string, path: string, fields: Record<string, string>) => Promise<{ status: number; text: string; ok: boolean | null }>;

/** A server action posted as React posts a useActionState form; `ok` from the state it returns. */
const sendAction: Send = async (cookie, p, fields) => {
  const res = await fetch(`${base}${p}`, {
    method: 'POST',
    headers: { 'Next-Action': id, Accept: 'text/x-component', Origin: base, Referer: `${base}${p}`, Cookie: cookie },
    body: actionBody(fields),
    redirect: 'manual',
  });
  const text = await res.text();
  const state = res.ok ? actionState(text) : null;
  return { status: res.status, text, ok: state ? state.ok : null };
};

const sendEndpoint: Send = async (cookie, _p, fields) => {
  const res = await postRating(base, cookie, fields);
  return { status: res.status, text: res.text, ok: res.status === 200 || res.status === 400 || res.status === 409 ? res.ok : null };
};

async function run(name: string, send: Send, fieldsFor: (user: number, n: number) => { path: string; fields: Record<string, string> }, expectOk: boolean): Promise<Phase> {
  const phase: Phase = { name, requests: 0, ok: 0, refused: 0, httpErrors: 0, locked: 0, latencies: [], timeline: [], seconds, samples: [] };
  const end = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    cookies.map(async (cookie, user) => {
      for (let n = 0; performance.now() < end; n++) {
        const { path: p, fields } = fieldsFor(user, n);
        const t0 = performance.now();
        try {
          const res = await send(cookie, p, fields);
          const took = performance.now() - t0;
          phase.latencies.push(took);
          phase.timeline.push([t0 - started, took]);
          phase.requests++;
          if (/database is locked|SQLITE_BUSY/i.test(res.text)) phase.locked++;
          if (res.ok === null) {
            phase.httpErrors++;
            if (phase.samples.length < 3) phase.samples.push(`${res.status} ${res.text.slice(0, 160)}`);
          } else if (res.ok === expectOk) phase.ok++;
          else {
            phase.refused++;
            if (phase.samples.length < 3) phase.samples.push(res.text.slice(0, 160));
          }
        } catch (error) {
          phase.requests++;
          phase.httpErrors++;
          if (phase.samples.length < 3) phase.samples.push(String(error));
        }
      }
    }),
  );
  phase.seconds = (performance.now() - started) / 1000;
  return phase;
}

const pathOf = (t: (typeof talks)[number]) => `/conferences/${t.conference}/talks/${t.slug}`;

/** "I saw it" with stars that vary (so most posts change something) and a review, on one of `set`. */
const rating = (set: typeof talks) => (u: number, n: number) => {
  const t = set[(u + n) % set.length];
  return {
    path: pathOf(t),
    fields: { talkId: String(t.id), seen: 'on', seenHow: 'room', stars: String(1 + ((u * 7 + n * 3) % 5)), review: `Bench review ${u}: what I took home from this talk, round ${n}.` },
  };
};

console.log(`${users} users, ${talks.length} talks, ${seconds} s per phase…`);
// A short warm-up of the action path itself (compiles nothing in production, but fills caches).
await run('warm-up', sendAction, (u) => ({ path: pathOf(talks[u % talks.length]), fields: { talkId: '0' } }), false).catch(() => {});

const baseline = await run('empty action (refused by validation, no write)', sendAction, (u) => ({ path: pathOf(talks[u % talks.length]), fields: { talkId: '0', seen: 'on' } }), false);
const viaAction = await run('rating via the server action (re-renders the page)', sendAction, rating(byAction), true);
const ratings = await run('rating via POST /api/ratings (answers data)', sendEndpoint, rating(byEndpoint), true);
// Let the server finish anything in flight before counting.
await new Promise((r) => setTimeout(r, 500));
const serverLog = app.log();
await app.stop();

const check = runScript('scripts/db-check.ts', ['--json'], process.env);
const checked = JSON.parse(check.stdout.trim().split('\n').pop() || '{}') as { talks?: number; mismatches?: unknown[] };
const verify = new Database(dbFile, { readonly: true });
const rows = verify.prepare('SELECT count(*) AS n, count(stars) AS rated FROM ratings').get() as { n: number; rated: number };
const lockedInLog = (serverLog.match(/database is locked|SQLITE_BUSY/gi) ?? []).length;

// ------------------------------------------------------------ report

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
console.log(`\n${users} concurrent signed-in users, ${seconds} s per phase, ${os.cpus().length} cores, Node ${process.version}\n`);
console.log('| phase | requests | done/s | p50 ms | p99 ms | HTTP errors | refused | "database is locked" |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
for (const p of [baseline, viaAction, ratings]) {
  console.log(
    `| ${p.name} | ${fmt(p.requests)} | ${fmt(p.ok / p.seconds)} | ${fmt(percentile(p.latencies, 50))} | ${fmt(percentile(p.latencies, 99))} | ${p.httpErrors} | ${p.refused} | ${p.locked} |`,
  );
}
const rate = (p: Phase) => p.ok / p.seconds;
/** Median latency of the first and the last third of a phase. */
const thirds = (p: Phase) => {
  const span = p.seconds * 1000;
  const of = (from: number, to: number) => {
    const slice = p.timeline.filter(([t]) => t >= from * span && t < to * span).map(([, l]) => l);
    // A save slower than a third of the phase leaves that third without any save started in it.
    return slice.length ? `${fmt(percentile(slice, 50))} ms` : 'none started';
  };
  return `${of(0, 1 / 3)} → ${of(2 / 3, 1)}`;
};
const reviews = (set: typeof talks) => {
  const ids = set.map((t) => t.id).join(',');
  return (verify.prepare(`SELECT count(*) AS n FROM ratings WHERE review IS NOT NULL AND talk_id IN (${ids})`).get() as { n: number }).n / set.length;
};
console.log(`\nWrites: ${fmt(ratings.ok)} saved ratings (${fmt(rate(ratings))} writes/s) through POST /api/ratings: ${((rate(ratings) / rate(viaAction)) * 100).toFixed(0)}% of the server action's ${fmt(rate(viaAction))}/s, ${((rate(ratings) / rate(baseline)) * 100).toFixed(0)}% of the empty action's rate.`);
console.log(`Median save, first third → last third of the phase: server action ${thirds(viaAction)}; POST /api/ratings ${thirds(ratings)} (talks end with about ${fmt(reviews(byAction))} and ${fmt(reviews(byEndpoint))} reviews each).`);
console.log(`Rows afterwards: ${rows.n} ratings (${rows.rated} with stars) from ${users} users on ${talks.length} talks.`);
console.log(`"database is locked" / SQLITE_BUSY in the server log: ${lockedInLog}.`);
console.log(
  checked.mismatches
    ? `Aggregates vs a recompute from the rows (db:check): ${checked.mismatches.length === 0 ? `all ${checked.talks} talks match` : `${checked.mismatches.length} MISMATCHES`}.`
    : `db:check failed: ${check.stderr.slice(0, 500)}`,
);
verify.close();
for (const p of [baseline, viaAction, ratings]) if (p.samples.length) console.log(`Sample problems (${p.name}):\n  ${p.samples.join('\n  ')}`);

fs.rmSync(scratch, { recursive: true, force: true });
const failed = [viaAction, ratings].some((p) => p.httpErrors + p.refused + p.locked > 0) || lockedInLog > 0 || !checked.mismatches || checked.mismatches.length > 0;
process.exit(failed ? 1 : 0);
