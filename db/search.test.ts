import '@/lib/testing/fresh-db';

import { and, eq } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '@/db/index';
import { conferences, days, posts, postTalks, speakers, talks, tracks, users } from '@/db/schema';
import { searchSite } from '@/db/search';
import { seedDemoJournal } from '@/db/seed';
import { renderPostColumns } from '@/lib/render-post';
import { splitHighlights } from '@/lib/search-query';

const recapSlugs = (q: string) => searchSite({ query: q }).recaps.map((r) => r.slug);

let authorId: number;
let n = 0;
/** A post written straight into the table, as any writer (authoring, importer) would. */
function insertPost(values: { title: string; body: string; status?: 'draft' | 'published' | 'deleted'; publishedAt?: number | null }) {
  const slug = `test-post-${++n}`;
  const status = values.status ?? 'published';
  const [row] = db
    .insert(posts)
    .values({
      slug,
      authorId,
      title: values.title,
      bodyMarkdown: values.body,
      ...renderPostColumns(values.body),
      status,
      publishedAt: values.publishedAt === undefined ? (status === 'published' ? Date.now() - 60_000 : null) : values.publishedAt,
    })
    .returning({ id: posts.id, slug: posts.slug })
    .all();
  return row;
}

afterEach(() => vi.restoreAllMocks());

beforeAll(async () => {
  await seedDemoJournal(db);
  authorId = db.select({ id: users.id }).from(users).where(eq(users.handle, 'ada')).get()!.id;
});

describe('search', () => {
  it('finds a word that only occurs in a post body, with a marked snippet', () => {
    // "playlist" is in the QCon recap's body, not in any title, talk or speaker.
    const { recaps } = searchSite({ query: 'playlist' });
    expect(recaps.map((r) => r.slug)).toEqual(['qcon-london-2018']);
    const marked = splitHighlights(recaps[0].snippet).filter((p) => p.mark).map((p) => p.text.toLowerCase());
    expect(marked).toContain('playlist');
    // Markdown syntax and the excerpt marker are not shown.
    expect(recaps[0].snippet).not.toMatch(/<!--|\]\(|##/);
  });

  it("finds words in a recap's notes on the talks it covers", () => {
    // "monoid" is only in the QCon recap's note on the Drivetribe talk.
    const recaps = searchSite({ query: 'monoid' }).recaps;
    expect(recaps.map((r) => r.slug)).toEqual(['qcon-london-2018']);
    expect(recaps[0].snippet).toContain('\uE000monoids\uE001');
  });

  it('matches prefixes: "kafk" finds Kafka, "clou nat" finds Cloud-Native', () => {
    const results = searchSite({ query: 'kafk' });
    expect(results.talks.map((t) => t.slug)).toContain('cloud-native-and-scalable-kafka-architecture');
    expect(results.talks[0].titleMarked).toContain('\uE000Kafka\uE001');
    // Every word is a prefix: "clou nat" finds "Cloud-Native".
    expect(searchSite({ query: 'clou nat' }).talks.map((t) => t.slug)).toContain('cloud-native-and-scalable-kafka-architecture');
  });

  it('finds speakers by name and conferences by track name', () => {
    expect(searchSite({ query: 'akidau' }).speakers.map((s) => s.slug)).toEqual(['tyler-akidau']);
    const conf = searchSite({ query: 'wondered' }).conferences;
    expect(conf.map((c) => c.slug)).toEqual(['qcon-london-2018']);
    expect(conf[0].snippet).toContain('\uE000Wondered\uE001');
  });

  it('ranks a title match above a body match', () => {
    const inBody = insertPost({
      title: 'Notes from a long day',
      body: 'We talked about zeppelinology at lunch. More zeppelinology after the break, and zeppelinology again at dinner.',
    });
    const inTitle = insertPost({ title: 'Zeppelinology for beginners', body: 'An introduction to airships and their history.' });
    expect(recapSlugs('zeppelinology')).toEqual([inTitle.slug, inBody.slug]);
  });

  it('never finds drafts, scheduled or deleted posts', () => {
    insertPost({ title: 'Quasarwave draft', body: 'quasarwave', status: 'draft' });
    insertPost({ title: 'Quasarwave scheduled', body: 'quasarwave', publishedAt: Date.now() + 86_400_000 });
    insertPost({ title: 'Quasarwave deleted', body: 'quasarwave', status: 'deleted' });
    expect(recapSlugs('quasarwave')).toEqual([]);
    // The demo journal's own draft.
    expect(recapSlugs('unfinished')).toEqual([]);
    expect(recapSlugs('half written thoughts')).toEqual([]);
  });

  it('stays correct after a post is edited, unpublished, republished and deleted', () => {
    const post = insertPost({ title: 'Brontosaurus patterns', body: 'About brontosaurus-sized services.' });
    expect(recapSlugs('brontosaurus')).toEqual([post.slug]);

    const edited = 'About stegosaurus-sized services.';
    db.update(posts).set({ title: 'Stegosaurus patterns', bodyMarkdown: edited, ...renderPostColumns(edited) }).where(eq(posts.id, post.id)).run();
    expect(recapSlugs('brontosaurus')).toEqual([]);
    expect(recapSlugs('stegosaurus')).toEqual([post.slug]);

    db.update(posts).set({ status: 'draft' }).where(eq(posts.id, post.id)).run();
    expect(recapSlugs('stegosaurus')).toEqual([]);

    db.update(posts).set({ status: 'published' }).where(eq(posts.id, post.id)).run();
    expect(recapSlugs('stegosaurus')).toEqual([post.slug]);

    db.update(posts).set({ status: 'deleted', deletedAt: Date.now() }).where(eq(posts.id, post.id)).run();
    expect(recapSlugs('stegosaurus')).toEqual([]);

    const gone = insertPost({ title: 'Pterodactyl notes', body: 'pterodactyl' });
    db.delete(posts).where(eq(posts.id, gone.id)).run();
    expect(recapSlugs('pterodactyl')).toEqual([]);
  });

  it('follows edits to the talk notes of a recap', () => {
    const post = insertPost({ title: 'A recap with notes', body: 'Nothing special in the body.' });
    const talk = db.select().from(talks).where(eq(talks.slug, 'high-performance-actors')).get()!;
    db.insert(postTalks).values({ postId: post.id, talkId: talk.id, noteMarkdown: 'Mentions **supervisors** often.' }).run();
    const hit = searchSite({ query: 'supervisors' }).recaps;
    expect(hit.map((r) => r.slug)).toEqual([post.slug]);
    expect(hit[0].snippet).toBe('Mentions \uE000supervisors\uE001 often.');
    db.update(postTalks).set({ noteMarkdown: 'Mentions mailboxes.' }).where(eq(postTalks.postId, post.id)).run();
    expect(recapSlugs('supervisors')).toEqual([]);
    expect(recapSlugs('mailboxes')).toEqual([post.slug]);
    db.delete(postTalks).where(eq(postTalks.postId, post.id)).run();
    expect(recapSlugs('mailboxes')).toEqual([]);
    // A draft's notes are not searchable either.
    const draft = insertPost({ title: 'Draft with notes', body: 'x', status: 'draft' });
    db.insert(postTalks).values({ postId: draft.id, talkId: talk.id, noteMarkdown: 'ultraviolet' }).run();
    expect(recapSlugs('ultraviolet')).toEqual([]);
  });

  it('follows edits to talks, speakers and tracks', () => {
    const talk = db.select().from(talks).where(eq(talks.slug, 'tasty-topics')).get()!;
    db.update(talks).set({ abstract: 'Everything about hyperloops.' }).where(eq(talks.id, talk.id)).run();
    expect(searchSite({ query: 'hyperloop' }).talks.map((t) => t.slug)).toEqual(['tasty-topics']);

    const speaker = db.select().from(speakers).where(eq(speakers.slug, 'tyler-akidau')).get()!;
    db.update(speakers).set({ bio: 'Writes about watermarks.' }).where(eq(speakers.id, speaker.id)).run();
    expect(searchSite({ query: 'watermark' }).speakers.map((s) => s.slug)).toEqual(['tyler-akidau']);

    const track = db.select().from(tracks).where(eq(tracks.name, 'Stream Processing in the Modern Age')).get()!;
    db.update(tracks).set({ name: 'Rivers of Events' }).where(eq(tracks.id, track.id)).run();
    expect(searchSite({ query: 'rivers events' }).conferences.map((c) => c.slug)).toEqual(['qcon-london-2018']);
    db.delete(tracks).where(eq(tracks.id, track.id)).run();
    expect(searchSite({ query: 'rivers events' }).conferences).toEqual([]);

    // Deleting a day cascades to its tracks: the conference no longer matches their names.
    const fjord = db.select().from(conferences).where(eq(conferences.slug, 'fjord-dev-days-2019')).get()!;
    const indexedTracks = () =>
      (db.$client.prepare('SELECT tracks FROM conferences_fts WHERE rowid = ?').get(fjord.id) as { tracks: string }).tracks;
    expect(indexedTracks()).toBe('Data in Motion · Running Production');
    db.delete(days).where(and(eq(days.conferenceId, fjord.id), eq(days.number, 2))).run();
    expect(indexedTracks()).toBe('Data in Motion');
    expect(searchSite({ query: 'data motion' }).conferences[0].snippet).toBe('Tracks: \uE000Data\uE001 in \uE000Motion\uE001');

    // And a deleted conference leaves the index.
    db.delete(conferences).where(eq(conferences.id, fjord.id)).run();
    expect(searchSite({ query: 'fjord' }).conferences).toEqual([]);
  });

  const hostile = [
    '"',
    '""',
    '"kafka',
    'kafka"',
    'AND',
    'OR',
    'NOT',
    'kafka AND',
    'AND kafka OR NOT',
    'NEAR(kafka streams)',
    '*',
    '**',
    'kafka*',
    '*kafka',
    '-',
    '-kafka',
    'kafka -streams',
    '+kafka',
    '^kafka',
    'title:kafka',
    '{title body}: kafka',
    '(',
    ')',
    '((kafka',
    'kafka))',
    '(kafka OR',
    "'; DROP TABLE posts; --",
    'kafka\u0000streams',
    '\\',
    '.',
    '...',
    ':',
    '🎉',
    '🎉🎉 kafka 🎉',
    '👩‍💻',
    'ＫＡＦＫＡ',
    'Malmö',
    'x'.repeat(10_000),
    'kafka '.repeat(2_000),
    '"a" '.repeat(3_000),
    '   ',
    '',
  ];

  it.each(hostile.map((q) => [q.length > 40 ? `${q.slice(0, 20)}… (${q.length} chars)` : JSON.stringify(q), q]))(
    'hostile input %s gives results or nothing, never an error',
    (_label, q) => {
      // The fallback in searchSite() would hide an FTS5 syntax error: none may happen.
      const logged = vi.spyOn(console, 'error');
      const results = searchSite({ query: q });
      expect(logged).not.toHaveBeenCalled();
      expect(results.total).toBeGreaterThanOrEqual(0);
      expect(Array.isArray(results.recaps)).toBe(true);
    },
  );

  it('treats operators as words and still finds what follows them', () => {
    // "AND" is the word "and*", which the talk's title has too.
    expect(searchSite({ query: 'kafka AND' }).talks.map((t) => t.slug)).toEqual(['cloud-native-and-scalable-kafka-architecture']);
    expect(searchSite({ query: '((kafka' }).talks.length).toBeGreaterThan(0);
    expect(searchSite({ query: '🎉🎉 kafka 🎉' }).talks.length).toBeGreaterThan(0);
    expect(searchSite({ query: 'ＫＡＦＫＡ' }).talks.length).toBeGreaterThan(0);
  });

  it('ignores non-string input', () => {
    expect(searchSite({ query: ['kafka', 'streams'] }).total).toBe(0);
    expect(searchSite({ query: undefined }).total).toBe(0);
  });
});
