import crypto from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import type { Statement } from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The hot queries stay on a good plan however large the journal grows: each reader page's queries
 * are run for real on a journal of the grown shape (db/grow.ts, at a fifth of the rows), every
 * statement they issue is explained, and a plan that scans a large table, or that walks every
 * published post to probe a table keyed by post, fails. Checked twice: with the statistics the app
 * keeps (taken when the journal was small, then refreshed as the app does), and after a full ANALYZE.
 */
process.env.DATABASE_PATH = path.join(os.tmpdir(), `hallway-plans-${crypto.randomUUID()}.db`);
const { db, refreshQueryStatistics } = await import('./index');
const { seedDemoJournal } = await import('./seed');
const { growDatabase, scaledSize, GROWN, HEAVY_READER_EMAIL } = await import('./grow');
const q = await import('./queries');
const { searchSite } = await import('./search');
const r = await import('./ratings');
const plans = await import('./plans');
const j = await import('./journal');

const sqlite = db.$client;
const LARGE_TABLES = ['talks', 'ratings', 'plans', 'posts', 'post_talks', 'post_categories', 'talk_speakers', 'speakers', 'users', 'comments'];
// Tables whose rows belong to one post: probing them once per published post is a walk of the whole journal.
const KEYED_BY_POST = /^(SEARCH|SCAN) (post_talks|post_categories|posts_fts|comments)\b/;
// Search indexes whose matches for a common word run to tens of thousands of rows.
const LARGE_MATCH_SETS = /^SCAN (posts_fts|talks_fts) VIRTUAL TABLE/;

type Recorded = { source: string; params: unknown[] };
let recorded: Recorded[] = [];

/** Records every statement the query modules run (drizzle prepares each one on the connection). */
function recordStatements() {
  const prepare = sqlite.prepare.bind(sqlite);
  sqlite.prepare = ((source: string) => {
    const statement = prepare(source) as Statement;
    for (const method of ['all', 'get', 'run', 'iterate'] as const) {
      const original = statement[method].bind(statement) as (...p: unknown[]) => unknown;
      (statement as unknown as Record<string, unknown>)[method] = (...params: unknown[]) => {
        if (!source.startsWith('EXPLAIN')) recorded.push({ source, params });
        return original(...params);
      };
    }
    return statement;
  }) as typeof sqlite.prepare;
}

function planOf({ source, params }: Recorded): string[] {
  const rows = sqlite.prepare(`EXPLAIN QUERY PLAN ${source}`).all(...(params as never[])) as { detail: string }[];
  return rows.map((row) => row.detail);
}

/** What is wrong with a statement's plan, if anything. */
function problems(plan: string[]): string[] {
  const found: string[] = [];
  plan.forEach((step, i) => {
    const scan = /^SCAN (\w+)/.exec(step);
    if (scan && LARGE_TABLES.includes(scan[1])) found.push(`scans ${scan[1]}: "${step}"`);
    if (/^SEARCH posts USING (COVERING )?INDEX posts_status_published_at_idx/.test(step)) {
      const probe = plan.slice(i + 1).find((later) => KEYED_BY_POST.test(later));
      if (probe) found.push(`walks every published post, probing "${probe}" for each`);
    }
    // Ranking every match is the index's work; reading each match's whole row (a post's body) to
    // filter or order it is not: that belongs to a covering index, and the rows to the page's few.
    if (LARGE_MATCH_SETS.test(step) && /^SEARCH \w+ USING INTEGER PRIMARY KEY/.test(plan[i + 1] ?? '')) {
      found.push(`reads the whole row of every match: "${step}" then "${plan[i + 1]}"`);
    }
  });
  return found;
}

let ids: { heavyReader: number; talk: number; conference: string; speaker: string; recap: string };

const hotQueries: [string, () => unknown][] = [
  ['home page', () => q.getPublishedPosts({ page: 1 })],
  ['home page, a late page', () => q.getPublishedPosts({ page: 40 })],
  ['post page', () => q.getPostBySlug({ slug: ids.recap })],
  ['conference page', () => q.getConferenceBySlug({ slug: ids.conference })],
  ['day page', () => q.getDayProgramme({ conferenceSlug: ids.conference, number: 2 })],
  ['talk page', () => q.getTalkBySlug({ conferenceSlug: ids.conference, talkSlug: 'talk-2-17' })],
  ['talk page reviews', () => r.getReviewsByTalk({ talkId: ids.talk })],
  ['talk page rating spread', () => r.getRatingDistributionByTalk({ talkId: ids.talk })],
  ['speaker page', () => q.getSpeakerBySlug({ slug: ids.speaker })],
  ['category page', () => q.getPostsByCategory({ slug: 'stream-processing' })],
  ['search', () => searchSite({ query: 'stream' })],
  ['journal of a heavy reader', () => r.getJournalByUser({ userId: ids.heavyReader })],
  ['journal page of a heavy reader', () => j.getJournalPageByUser({ userId: ids.heavyReader, page: 3, perPage: 50 })],
  ['journal diary of a heavy reader', () => j.getJournalPageByUser({ userId: ids.heavyReader, page: 3, perPage: 50, order: 'diary' })],
  ['journal totals of a heavy reader', () => j.getJournalTotalsByUser({ userId: ids.heavyReader })],
  ['year in review of a heavy reader', () => j.getYearInReviewByUser({ userId: ids.heavyReader, year: j.getJournalYearsByUser({ userId: ids.heavyReader })[0] })],
  ['site feed', () => q.getFeedPosts()],
  ['conference feed', () => q.getFeedPostsByConference({ slug: ids.conference })],
  ['category feed', () => q.getFeedPostsByCategory({ slug: 'stream-processing' })],
  ['rating write', () => r.upsertRating({ userId: ids.heavyReader, talkId: ids.talk, stars: 4, review: null, seenHow: 'room' })],
  ['agenda', () => plans.getAgendaByUser({ userId: ids.heavyReader })],
  ['agenda of a page (per-user request)', () => plans.getPlannedTalkIdsByUser({ userId: ids.heavyReader, talkIds: [ids.talk, ids.talk + 1, ids.talk + 2] })],
  ['plan write', () => plans.setPlan({ userId: ids.heavyReader, talkId: ids.talk, going: true, now: 0 })],
];

beforeAll(async () => {
  await seedDemoJournal(db);
  sqlite.exec('ANALYZE');
  growDatabase(sqlite, scaledSize(0.2));
  const one = <T>(source: string) => sqlite.prepare(source).get() as T;
  ids = {
    heavyReader: one<{ id: number }>(`SELECT id FROM users WHERE email = '${HEAVY_READER_EMAIL}'`).id,
    conference: `${GROWN}-conf-3`,
    talk: one<{ id: number }>(`SELECT t.id FROM talks t JOIN conferences c ON c.id = t.conference_id WHERE c.slug = '${GROWN}-conf-3' AND t.slug = 'talk-2-17'`).id,
    speaker: one<{ slug: string }>(`SELECT s.slug FROM speakers s JOIN talk_speakers ts ON ts.speaker_id = s.id WHERE s.slug LIKE '${GROWN}-%' LIMIT 1`).slug,
    recap: `${GROWN}-recap-7`,
  };
  recordStatements();
}, 60_000);

describe.each([
  ['as the app leaves the statistics of a journal that grew since they were taken', () => refreshQueryStatistics(sqlite)],
  ['after ANALYZE', () => sqlite.exec('ANALYZE')],
])('hot query plans on a grown journal, %s', (_label, prepareStatistics) => {
  beforeAll(() => prepareStatistics());

  it.each(hotQueries)('%s', (_name, run) => {
    recorded = [];
    run();
    expect(recorded.length).toBeGreaterThan(0);
    const report = recorded
      .map((statement) => ({ sql: statement.source.replace(/\?(, \?)+/g, '?, …'), plan: planOf(statement) }))
      .map((s) => ({ ...s, problems: problems(s.plan) }))
      .filter((s) => s.problems.length > 0);
    expect(report).toEqual([]);
  });
});
