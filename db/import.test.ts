import { testDatabasePath } from '@/lib/testing/fresh-db';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { asc, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParsedPost } from '@/lib/jekyll/types';

// A fresh, migrated SQLite file for this test file (lib/testing/fresh-db.ts), set before db/index loads.
const { db, openDatabase } = await import('./index');
const t = await import('./schema');
const { importPost, importKeyFor, ImportError, planConference } = await import('./import');
const { buildExport } = await import('./export');
const { parsePost } = await import('@/lib/jekyll/parse');
const { folderImageSource } = await import('@/lib/jekyll/source');
const { uploadsDir } = await import('@/lib/render-post');
const { seedDemoJournal } = await import('./seed');

type DB = typeof db;
const FIXTURES = path.join(process.cwd(), 'lib', 'jekyll', 'fixtures');
const source = folderImageSource(path.join(FIXTURES, 'source'));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hallway-import-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function parseFile(file: string, options: { repairEncoding?: boolean; name?: string } = {}): ParsedPost {
  const result = parsePost(options.name ?? path.basename(file), fs.readFileSync(file), options);
  if (!result.ok) throw new Error(result.error);
  return result.post;
}
const fixture = (name: string, options: { repairEncoding?: boolean } = {}) => parseFile(path.join(FIXTURES, name), options);

function addUser(target: DB, email: string, role: 'author' | 'admin' = 'author') {
  const handle = email.split('@')[0].replace(/[^a-z0-9]/g, '');
  return target.insert(t.users).values({ email, name: handle, handle, role }).returning().get();
}

const countOf = (target: DB, table: typeof t.posts | typeof t.talks | typeof t.conferences | typeof t.speakers | typeof t.tracks | typeof t.days | typeof t.postTalks | typeof t.categories) =>
  target.select({ n: count() }).from(table).get()!.n;

let author: { id: number };
beforeAll(() => {
  author = addUser(db, 'writer@example.com');
});

const HARBOUR = '2021-10-04-harbour-data-summit-2021.markdown';

describe('importPost', () => {
  it('writes the post, its new conference, days, tracks with hosts, talks with links and speakers, notes, categories and images', () => {
    const outcome = importPost(db, fixture(HARBOUR), { authorId: author.id, importKey: importKeyFor(author.id, HARBOUR), images: source });
    expect(outcome).toMatchObject({
      status: 'imported',
      slug: 'harbour-data-summit-2021',
      conference: { slug: 'harbour-data-summit-2021', name: 'Harbour Data Summit 2021', created: true },
      talks: { created: 4, matched: 0 },
      images: { copied: 1 },
    });
    expect(outcome.warnings.join()).toMatch(/dates are a guess \(2021-10-02 to 2021-10-03\)/);

    const conf = db.select().from(t.conferences).where(eq(t.conferences.slug, 'harbour-data-summit-2021')).get()!;
    expect([conf.startDate, conf.endDate, conf.createdBy]).toEqual(['2021-10-02', '2021-10-03', author.id]);
    const days = db.select().from(t.days).where(eq(t.days.conferenceId, conf.id)).orderBy(asc(t.days.number)).all();
    expect(days.map((d) => [d.number, d.date])).toEqual([[1, '2021-10-02'], [2, '2021-10-03']]);
    const tracks = db.select().from(t.tracks).orderBy(asc(t.tracks.id)).all();
    expect(tracks.map((x) => [x.name, x.host])).toEqual([['Queues and Logs', 'Marit Lund'], ['Lakes and Warehouses', 'Priya Natarajan']]);

    const talks = db.select().from(t.talks).where(eq(t.talks.conferenceId, conf.id)).orderBy(asc(t.talks.id)).all();
    expect(talks.map((x) => [x.slug, x.presentationUrl, x.slidesUrl, x.videoUrl, x.videoPending])).toEqual([
      ['backpressure-in-practice', 'https://videos.example/harbour21/backpressure', 'https://harbourdata.example/slides/backpressure.pdf', null, false],
      ['the-log-is-the-database', null, 'https://harbourdata.example/slides/log-db.pdf', null, true],
      ['lakehouse-without-the-hype', null, null, 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', false],
      ['hallway-track-live', null, null, null, false],
    ]);
    expect(talks.map((x) => [x.dayId, x.trackId])).toEqual([
      [days[0].id, tracks[0].id], [days[0].id, tracks[0].id], [days[1].id, tracks[1].id], [days[1].id, tracks[1].id],
    ]);
    const speakers = db
      .select({ name: t.speakers.name })
      .from(t.talkSpeakers)
      .innerJoin(t.speakers, eq(t.speakers.id, t.talkSpeakers.speakerId))
      .where(eq(t.talkSpeakers.talkId, talks[1].id))
      .orderBy(asc(t.talkSpeakers.position))
      .all();
    expect(speakers.map((s) => s.name)).toEqual(['Jonas Berg', 'Ana Costa']);

    const post = db.select().from(t.posts).where(eq(t.posts.id, outcome.postId)).get()!;
    expect(post).toMatchObject({
      authorId: author.id, conferenceId: conf.id, status: 'published', publishedAt: Date.UTC(2021, 9, 4, 16, 30),
      utcOffsetMinutes: 120, commentsEnabled: true, version: 1, importKey: `jekyll:${author.id}:${HARBOUR}`,
    });
    expect(post.bodyMarkdown).toContain('<<talk backpressure-in-practice>>');
    expect(post.bodyHtml).toContain('What I would do differently');
    expect(post.bodyHtml).not.toMatch(/hallway:talks|Marit Lund|Backpressure/);
    expect(post.excerptHtml).toContain('Two foggy days');

    const notes = db.select().from(t.postTalks).where(eq(t.postTalks.postId, post.id)).orderBy(asc(t.postTalks.position)).all();
    expect(notes.map((n) => n.talkId)).toEqual(talks.map((x) => x.id));
    const image = /<img src="\/uploads\/([0-9a-f]{64}\.png)" width="640" height="400" alt="Buffers drawn as harbour basins" title="Basins">/.exec(notes[0].noteMarkdown);
    expect(image).not.toBeNull();
    expect(notes[0].noteHtml).toContain(`src="/uploads/${image![1]}"`);
    expect(fs.existsSync(path.join(uploadsDir, image![1]))).toBe(true);
    expect(db.select().from(t.uploads).where(eq(t.uploads.fileName, image![1])).get()).toMatchObject({ mimeType: 'image/png', width: 320, height: 200, ownerId: author.id });
    expect(notes[2].noteMarkdown).toMatch(/^\[Blog post\]\(https:\/\/blog\.example\/lakehouse\)\n\nThe most honest talk/);

    const categories = db
      .select({ name: t.categories.name })
      .from(t.postCategories)
      .innerJoin(t.categories, eq(t.categories.id, t.postCategories.categoryId))
      .where(eq(t.postCategories.postId, post.id))
      .all()
      .map((c) => c.name)
      .sort();
    expect(categories).toEqual(['Conferences', 'Kafka', 'Streaming', 'data lakes']);
    expect(db.select().from(t.postRevisions).where(eq(t.postRevisions.postId, post.id)).all()).toHaveLength(1);
  });

  it('updates what it created when the same file is imported again, duplicating nothing', () => {
    const before = { posts: countOf(db, t.posts), talks: countOf(db, t.talks), conferences: countOf(db, t.conferences), tracks: countOf(db, t.tracks), speakers: countOf(db, t.speakers), categories: countOf(db, t.categories) };
    const edited = fs.readFileSync(path.join(FIXTURES, HARBOUR), 'utf8').replace('Short, dense and convincing.', 'Short, dense and, on reflection, convincing.');
    const parsed = parsePost(HARBOUR, edited);
    if (!parsed.ok) throw new Error(parsed.error);
    const outcome = importPost(db, parsed.post, { authorId: author.id, importKey: importKeyFor(author.id, HARBOUR), images: source });
    expect(outcome).toMatchObject({ status: 'updated', slug: 'harbour-data-summit-2021', talks: { created: 0, matched: 4 }, conference: { created: false } });
    expect({ posts: countOf(db, t.posts), talks: countOf(db, t.talks), conferences: countOf(db, t.conferences), tracks: countOf(db, t.tracks), speakers: countOf(db, t.speakers), categories: countOf(db, t.categories) }).toEqual(before);
    const post = db.select().from(t.posts).where(eq(t.posts.id, outcome.postId)).get()!;
    expect(post.version).toBe(2);
    const notes = db.select().from(t.postTalks).where(eq(t.postTalks.postId, post.id)).all();
    expect(notes).toHaveLength(4);
    expect(notes.some((n) => n.noteHtml.includes('on reflection'))).toBe(true);
  });

  it('imports a post without talks without a conference, and a draft without a publication time', () => {
    const outcome = importPost(db, fixture('2020-02-03-no-talks-draft.markdown'), { authorId: author.id, importKey: 'test:no-talks' });
    expect(outcome.conference).toBeNull();
    const post = db.select().from(t.posts).where(eq(t.posts.id, outcome.postId)).get()!;
    expect(post).toMatchObject({ status: 'draft', publishedAt: null, conferenceId: null, commentsEnabled: false, createdAt: Date.UTC(2020, 1, 3) });
    expect(post.excerptHtml).toContain('A laptop invites email');
    expect(db.select().from(t.postTalks).where(eq(t.postTalks.postId, post.id)).all()).toEqual([]);
  });

  it('puts talks listed without Day headings on no day, and matches a conference named in the title', () => {
    const outcome = importPost(db, fixture('2019-09-09-talks-without-days.markdown'), { authorId: author.id, importKey: 'test:meetup', conference: { kind: 'new', name: 'Meetup Night' } });
    expect(outcome.conference).toMatchObject({ name: 'Meetup Night', created: true });
    const talks = db.select().from(t.talks).where(eq(t.talks.slug, 'retries')).all();
    expect(talks).toHaveLength(1);
    expect(talks[0]).toMatchObject({ dayId: null, trackId: null, slidesUrl: 'https://meetup.example/2019-09/retries.pdf' });
    // Auto mapping now finds the conference through the talks' URLs.
    const plan = planConference(db, fixture('2019-09-09-talks-without-days.markdown'));
    expect(plan).toMatchObject({ kind: 'existing', name: 'Meetup Night', reason: '2 of its talks are already listed there' });
  });

  it('refuses talks without a conference, and an unknown conference, writing nothing', () => {
    const before = countOf(db, t.posts);
    expect(() => importPost(db, fixture('2016-07-01-crlf-bom.markdown'), { authorId: author.id, importKey: 'test:x', conference: { kind: 'none' } })).toThrow(ImportError);
    expect(() => importPost(db, fixture('2016-07-01-crlf-bom.markdown'), { authorId: author.id, importKey: 'test:x', conference: { kind: 'existing', slug: 'nope' } })).toThrow(/no conference "nope"/);
    expect(countOf(db, t.posts)).toBe(before);
  });

  it('writes nothing for a file that fails mid-import, not even its images, while the others in the batch import', () => {
    // The post row is written last; make exactly that insert fail, after the conference and talks.
    db.$client.exec(`CREATE TEMP TRIGGER fail_boom BEFORE INSERT ON posts WHEN NEW.title = 'Boom' BEGIN SELECT RAISE(ABORT, 'boom'); END;`);
    const other = path.join(tmp, 'other-source');
    fs.mkdirSync(path.join(other, 'images'), { recursive: true });
    // A different image than any before, so this import is the one that creates its file.
    const png = fs.readFileSync(path.join(FIXTURES, 'source', 'images', 'posts', 'harbour-2021', 'basins.png'));
    fs.writeFileSync(path.join(other, 'images', 'boom.png'), Buffer.concat([png, Buffer.from('trailing bytes make another file')]));
    const boom = parsePost('boom.md', '---\ntitle: Boom\ndate: 2022-01-01\n---\n\n## Day 1: Fails\n\n**[Doomed Talk](https://boom.example/doomed)**\n\n![art](/images/boom.png)\n');
    const fine = parsePost('fine.md', '---\ntitle: Fine\ndate: 2022-01-02\n---\n\nNothing special.\n');
    if (!boom.ok || !fine.ok) throw new Error('fixtures must parse');

    const before = { posts: countOf(db, t.posts), talks: countOf(db, t.talks), conferences: countOf(db, t.conferences), days: countOf(db, t.days) };
    const uploadsBefore = fs.existsSync(uploadsDir) ? fs.readdirSync(uploadsDir).sort() : [];
    const results = [boom.post, fine.post].map((post) => {
      try {
        return importPost(db, post, { authorId: author.id, importKey: `test:${post.file}`, images: folderImageSource(other) }).status;
      } catch (error) {
        return (error as Error).message;
      }
    });
    db.$client.exec('DROP TRIGGER fail_boom;');
    expect(results).toEqual(['boom', 'imported']);
    expect({ posts: countOf(db, t.posts), talks: countOf(db, t.talks), conferences: countOf(db, t.conferences), days: countOf(db, t.days) }).toEqual({ ...before, posts: before.posts + 1 });
    expect(db.select().from(t.talks).where(eq(t.talks.title, 'Doomed Talk')).all()).toEqual([]);
    expect(fs.readdirSync(uploadsDir).sort()).toEqual(uploadsBefore);
  });
});

describe('the seed post into the demo journal', () => {
  const SEED = path.resolve(process.cwd(), '..', 'shared', 'seeds', '000_91742472de6551c9.txt');
  it.skipIf(!fs.existsSync(SEED))('matches QCon London 2018 and its ten talks, duplicating nothing', async () => {
    const demo = openDatabase(path.join(tmp, 'demo.db'));
    expect(await seedDemoJournal(demo)).toBe(true);
    const before = { talks: countOf(demo, t.talks), tracks: countOf(demo, t.tracks), speakers: countOf(demo, t.speakers), days: countOf(demo, t.days), conferences: countOf(demo, t.conferences) };
    const ada = demo.select().from(t.users).where(eq(t.users.email, 'ada@hallway.test')).get()!;
    const outcome = importPost(demo, parseFile(SEED, { repairEncoding: true }), { authorId: ada.id, importKey: importKeyFor(ada.id, SEED) });
    expect(outcome).toMatchObject({ status: 'imported', conference: { slug: 'qcon-london-2018', created: false }, talks: { created: 0, matched: 10 } });
    expect({ talks: countOf(demo, t.talks), tracks: countOf(demo, t.tracks), speakers: countOf(demo, t.speakers), days: countOf(demo, t.days), conferences: countOf(demo, t.conferences) }).toEqual(before);
    const covered = demo
      .select({ slug: t.talks.slug })
      .from(t.postTalks)
      .innerJoin(t.talks, eq(t.talks.id, t.postTalks.talkId))
      .where(eq(t.postTalks.postId, outcome.postId))
      .orderBy(asc(t.postTalks.position))
      .all();
    expect(covered.map((c) => c.slug)).toEqual([
      'drivetribe-social-network-streams', 'next-steps-stateful-streaming-apache-flink', 'streaming-sql-foundations-why-i-streamstables',
      'inside-self-driving-uber', 'logistics-service-building-ocado-smart-platform', 'lambda-architectures-snapshot-stream-bunch-deltas',
      'high-performance-actors', 'cloud-native-and-scalable-kafka-architecture', 'tasty-topics', 'cluster-consensus-when-aeron-met-raft',
    ]);
    // The demo already has a post with this slug: the import gets its own.
    expect(outcome.slug).toBe('qcon-london-2018-2');
    demo.$client.close();
  });
});

// ------------------------------------------------------------------ round trip

/** Everything an import produces, without ids, import keys and timestamps of the write itself. */
function snapshot(target: DB, authorId: number) {
  const conferences = target.select().from(t.conferences).orderBy(asc(t.conferences.slug)).all();
  const days = target.select().from(t.days).all();
  const tracks = target.select().from(t.tracks).all();
  const talks = target.select().from(t.talks).orderBy(asc(t.talks.slug)).all();
  const speakerRows = target
    .select({ talkId: t.talkSpeakers.talkId, name: t.speakers.name, slug: t.speakers.slug })
    .from(t.talkSpeakers)
    .innerJoin(t.speakers, eq(t.speakers.id, t.talkSpeakers.speakerId))
    .orderBy(asc(t.talkSpeakers.position))
    .all();
  const posts = target.select().from(t.posts).where(eq(t.posts.authorId, authorId)).orderBy(asc(t.posts.slug)).all();
  const postTalks = target.select().from(t.postTalks).orderBy(asc(t.postTalks.position)).all();
  const categories = target
    .select({ postId: t.postCategories.postId, name: t.categories.name })
    .from(t.postCategories)
    .innerJoin(t.categories, eq(t.categories.id, t.postCategories.categoryId))
    .all();
  const dayNumber = (id: number | null) => days.find((d) => d.id === id)?.number ?? null;
  const trackName = (id: number | null) => tracks.find((x) => x.id === id)?.name ?? null;
  const confSlug = (id: number | null) => conferences.find((c) => c.id === id)?.slug ?? null;
  return {
    conferences: conferences.map((c) => ({
      slug: c.slug, name: c.name, city: c.city, location: c.location, startDate: c.startDate, endDate: c.endDate, website: c.website, timeZone: c.timeZone,
      days: days.filter((d) => d.conferenceId === c.id).sort((a, b) => a.number - b.number).map((d) => ({
        number: d.number, date: d.date, theme: d.theme,
        tracks: tracks.filter((x) => x.dayId === d.id).map((x) => ({ name: x.name, host: x.host, position: x.position })),
      })),
    })),
    talks: talks.map((x) => ({
      conference: confSlug(x.conferenceId), slug: x.slug, title: x.title, kind: x.kind, talkUrl: x.talkUrl, presentationUrl: x.presentationUrl,
      slidesUrl: x.slidesUrl, videoUrl: x.videoUrl, videoPending: x.videoPending, day: dayNumber(x.dayId), track: trackName(x.trackId), position: x.position,
      speakers: speakerRows.filter((s) => s.talkId === x.id).map((s) => `${s.slug}:${s.name}`),
    })),
    posts: posts.map((p) => ({
      slug: p.slug, title: p.title, conference: confSlug(p.conferenceId), bodyMarkdown: p.bodyMarkdown, bodyHtml: p.bodyHtml, excerptHtml: p.excerptHtml,
      summary: p.summary, tocJson: p.tocJson, readingMinutes: p.readingMinutes, status: p.status, publishedAt: p.publishedAt, createdAt: p.createdAt,
      utcOffsetMinutes: p.utcOffsetMinutes, commentsEnabled: p.commentsEnabled,
      categories: categories.filter((c) => c.postId === p.id).map((c) => c.name).sort(),
      talks: postTalks.filter((pt) => pt.postId === p.id).map((pt) => ({
        talk: talks.find((x) => x.id === pt.talkId)!.slug, position: pt.position, noteMarkdown: pt.noteMarkdown, noteHtml: pt.noteHtml,
      })),
    })),
  };
}

describe('round trip', () => {
  it('import → export → import reproduces the same posts, conferences and talks', () => {
    const first = openDatabase(path.join(tmp, 'first.db'));
    const second = openDatabase(path.join(tmp, 'second.db'));
    const a = addUser(first, 'roundtrip@example.com');
    const b = addUser(second, 'roundtrip@example.com');
    const files = [
      HARBOUR,
      '2019-09-09-talks-without-days.markdown',
      '2020-02-03-no-talks-draft.markdown',
      '2016-07-01-crlf-bom.markdown',
      '2018-11-20-liquid-tags.markdown',
      '2018-03-20-embeds.markdown',
      '2017-04-02-mojibake.markdown',
    ];
    for (const name of files) {
      const conference = name.includes('talks-without-days') ? { kind: 'new' as const, name: 'Meetup Night' } : undefined;
      importPost(first, fixture(name, { repairEncoding: true }), { authorId: a.id, importKey: importKeyFor(a.id, name), images: source, conference });
    }

    const out = path.join(tmp, 'export');
    const exported = buildExport(first, { authorId: a.id });
    expect(exported.posts).toBe(files.length);
    expect(exported.images).toBe(1);
    for (const file of exported.files) {
      fs.mkdirSync(path.dirname(path.join(out, file.path)), { recursive: true });
      fs.writeFileSync(path.join(out, file.path), file.data);
    }
    expect(fs.readdirSync(path.join(out, 'images'))).toHaveLength(1);
    for (const name of fs.readdirSync(path.join(out, '_posts'))) {
      const parsed = parseFile(path.join(out, '_posts', name));
      // Nothing left to convert or repair; only the embeds post still reports what the sanitizer drops.
      expect(parsed.warnings.filter((w) => !/Facebook|Embedded frame|<script>/.test(w))).toEqual([]);
      importPost(second, parsed, { authorId: b.id, importKey: importKeyFor(b.id, name), images: folderImageSource(out) });
    }

    const before = snapshot(first, a.id);
    const after = snapshot(second, b.id);
    expect(after.conferences).toEqual(before.conferences);
    expect(after.talks).toEqual(before.talks);
    expect(after.posts).toEqual(before.posts);
    expect(before.posts).toHaveLength(files.length);
    expect(before.talks.length).toBeGreaterThanOrEqual(7);
    first.$client.close();
    second.$client.close();
  });

  it('exports an author’s own posts, or every post for an admin, never deleted ones', () => {
    const other = addUser(db, 'other@example.com');
    importPost(db, fixture('2020-02-03-no-talks-draft.markdown'), { authorId: other.id, importKey: 'test:other' });
    const gone = importPost(db, fixture('2018-03-20-embeds.markdown'), { authorId: other.id, importKey: 'test:gone' });
    db.update(t.posts).set({ status: 'deleted' }).where(eq(t.posts.id, gone.postId)).run();
    const mine = buildExport(db, { authorId: other.id });
    expect(mine.posts).toBe(1);
    expect(mine.files.map((f) => f.path)).toEqual(['_posts/2020-02-03-no-talks-draft-2.markdown']);
    const everyone = buildExport(db);
    expect(everyone.posts).toBe(countOf(db, t.posts) - 1);
    expect(testDatabasePath).toContain('hallway-test-');
  });
});
