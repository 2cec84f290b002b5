import crypto from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

// A fresh, migrated, seeded SQLite file for this test file alone; set before db/index loads.
process.env.DATABASE_PATH = path.join(os.tmpdir(), `hallway-queries-${crypto.randomUUID()}.db`);
const { db } = await import('./index');
const { seedDemoJournal } = await import('./seed');
const q = await import('./queries');
const { posts, talks } = await import('./schema');

beforeAll(async () => {
  expect(await seedDemoJournal(db)).toBe(true);
});

describe('demo seed', () => {
  it('loads once and never twice', async () => {
    expect(await seedDemoJournal(db)).toBe(false);
    expect(q.getConferences()).toHaveLength(2);
  });

  it('has the recap’s three days, tracks and hosts', () => {
    const conf = q.getConferenceBySlug({ slug: 'qcon-london-2018' })!;
    expect(conf.days.map((d) => [d.number, d.date, d.theme])).toEqual([
      [1, '2018-03-05', null],
      [2, '2018-03-06', null],
      [3, '2018-03-07', 'A bit of everything'],
    ]);
    expect(conf.days[0].tracks.map((t) => [t.name, t.host])).toEqual([['Stream Processing in the Modern Age', 'Tyler Akidau']]);
    expect(conf.days[1].tracks.map((t) => [t.name, t.host])).toEqual([["Architectures You've Always Wondered About", 'Wesley Reisz']]);
  });
});

describe('getPublishedPosts', () => {
  it('pages public posts newest first, ten per page', () => {
    const first = q.getPublishedPosts({ page: 1 });
    expect(first.total).toBe(12);
    expect(first.pageCount).toBe(2);
    expect(first.posts).toHaveLength(10);
    const times = first.posts.map((p) => p.publishedAt);
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(q.getPublishedPosts({ page: 2 }).posts.map((p) => p.slug)).toEqual([
      'how-i-take-notes-at-a-conference',
      'picking-talks-a-track-first-strategy',
    ]);
  });

  it('never lists drafts or posts scheduled for later', () => {
    const future = Date.now() + 3_600_000;
    db.update(posts).set({ publishedAt: future }).where(eq(posts.slug, 'packing-for-a-three-day-conference')).run();
    try {
      const slugs = [1, 2].flatMap((page) => q.getPublishedPosts({ page }).posts.map((p) => p.slug));
      expect(slugs).not.toContain('notes-from-the-meetup');
      expect(slugs).not.toContain('packing-for-a-three-day-conference');
      expect(q.getPostBySlug({ slug: 'packing-for-a-three-day-conference' })).toBeNull();
      expect(q.getPostBySlug({ slug: 'notes-from-the-meetup' })).toBeNull();
    } finally {
      db.update(posts).set({ publishedAt: Date.UTC(2019, 1, 11, 9) }).where(eq(posts.slug, 'packing-for-a-three-day-conference')).run();
    }
  });

  it('attaches categories and the conference', () => {
    const post = q.getPostBySlug({ slug: 'qcon-london-2018' });
    expect(post?.categories.map((c) => c.name)).toEqual(['Conferences', 'Streaming', 'Talk']);
    expect(post?.conferenceName).toBe('QCon London 2018');
    expect(post?.utcOffsetMinutes).toBe(-420);
  });
});

describe('getPostBySlug', () => {
  it('returns the covered talks in the author’s order with notes and links', () => {
    const post = q.getPostBySlug({ slug: 'qcon-london-2018' })!;
    expect(post.talks).toHaveLength(10);
    expect(post.talks[0]).toMatchObject({
      title: 'Drivetribe: A Social Network on Streams',
      dayNumber: 1,
      trackName: 'Stream Processing in the Modern Age',
      trackHost: 'Tyler Akidau',
      presentationUrl: 'https://www.infoq.com/presentations/drivetribe',
    });
    expect(post.talks[0].noteHtml).toContain('<p>');
    expect(post.talks.find((t) => t.slug === 'cluster-consensus-when-aeron-met-raft')).toMatchObject({
      videoPending: true,
      slidesUrl: 'https://qconlondon.com/system/files/presentation-slides/clusterconsensus-aeron-raft.pdf',
    });
    expect(post.toc.map((e) => e.text)).toContain('Takeaways');
  });
});

describe('getDayProgramme', () => {
  it('groups a day by track and keeps sessions outside tracks apart', () => {
    const day1 = q.getDayProgramme({ conferenceSlug: 'qcon-london-2018', number: 1 })!;
    expect(day1.tracks).toHaveLength(1);
    expect(day1.tracks[0].talks.map((t) => t.title)).toEqual([
      'Drivetribe: A Social Network on Streams',
      'Next Steps in Stateful Streaming with Apache Flink',
      'Streaming SQL Foundations: Why I ❤ Streams+Tables',
    ]);
    const day3 = q.getDayProgramme({ conferenceSlug: 'qcon-london-2018', number: 3 })!;
    expect(day3.tracks).toHaveLength(0);
    expect(day3.sessions).toHaveLength(5);
    expect(day3.sessions.find((t) => t.kind === 'ama')?.speakers.map((s) => s.name)).toEqual([
      'Yaroslav Tkachenko',
      'Jonas Bonér',
      'Kiki Carter',
    ]);
  });

  it('orders timed talks by start time', () => {
    const day1 = q.getDayProgramme({ conferenceSlug: 'fjord-dev-days-2019', number: 1 })!;
    const starts = day1.tracks[0].talks.map((t) => t.startsAt!);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
  });

  it('lists only published recaps that cover a talk', () => {
    const day = q.getDayProgramme({ conferenceSlug: 'qcon-london-2018', number: 1 })!;
    expect(day.tracks[0].talks[0].recaps.map((r) => r.slug)).toEqual(['qcon-london-2018']);
    db.update(posts).set({ status: 'draft' }).where(eq(posts.slug, 'qcon-london-2018')).run();
    try {
      const again = q.getDayProgramme({ conferenceSlug: 'qcon-london-2018', number: 1 })!;
      expect(again.tracks[0].talks[0].recaps).toEqual([]);
    } finally {
      db.update(posts).set({ status: 'published' }).where(eq(posts.slug, 'qcon-london-2018')).run();
    }
  });

  it('returns null for unknown conferences and days', () => {
    expect(q.getDayProgramme({ conferenceSlug: 'nope', number: 1 })).toBeNull();
    expect(q.getDayProgramme({ conferenceSlug: 'qcon-london-2018', number: 4 })).toBeNull();
  });
});

describe('speakers and categories', () => {
  it('shares one speaker across talks', () => {
    const kiki = q.getSpeakerBySlug({ slug: 'kiki-carter' })!;
    expect(kiki.talks.map((t) => t.title).sort()).toEqual(['AMA: Actor-Based Architectures', 'High Performance Actors']);
  });

  it('shows the rating aggregates stored on the talk', () => {
    db.update(talks).set({ ratingCount: 2, ratingSum: 9, attendanceCount: 3 }).where(eq(talks.slug, 'tasty-topics')).run();
    const talk = q.getTalkBySlug({ conferenceSlug: 'qcon-london-2018', talkSlug: 'tasty-topics' })!;
    expect([talk.ratingCount, talk.ratingSum, talk.attendanceCount]).toEqual([2, 9, 3]);
  });

  it('archives a category’s public posts only', () => {
    const notes = q.getPostsByCategory({ slug: 'notes' })!;
    expect(notes.posts.map((p) => p.slug)).not.toContain('notes-from-the-meetup');
    expect(notes.posts.length).toBeGreaterThan(3);
    expect(q.getPostsByCategory({ slug: 'nothing' })).toBeNull();
  });
});

describe('getPostsByAuthor', () => {
  it("pages an author's public recaps only, and has nothing for someone without one", () => {
    const ada = q.getPostsByAuthor({ handle: 'ada' })!;
    expect(ada.author).toEqual({ name: 'Ada Okafor', handle: 'ada' });
    expect(ada.total).toBe(6);
    expect(ada.posts.every((p) => p.authorHandle === 'ada')).toBe(true);
    expect(ada.posts.map((p) => p.slug)).not.toContain('notes-from-the-meetup');
    expect(q.getPostsByAuthor({ handle: 'ada', page: 2, perPage: 4 })!.posts).toHaveLength(2);
    expect(q.getPostsByAuthor({ handle: 'sam' })).toBeNull();
    expect(q.getFeedPostsByAuthor({ handle: 'sam' })).toBeNull();
    expect(q.getFeedPostsByAuthor({ handle: 'ben' })!.posts.every((p) => p.authorName === 'Ben Lindqvist')).toBe(true);
  });

  it("a recap's pages include its author's page and feed, whatever its state", () => {
    const draft = db.select().from(posts).where(eq(posts.slug, 'notes-from-the-meetup')).get()!;
    expect(q.getPathsShowingPost({ postId: draft.id })).toEqual(expect.arrayContaining(['/authors/ada', '/authors/ada/feed.xml']));
  });
});

describe('getSpeakerBySlug', () => {
  it('lists the tracks a speaker hosted, by the name printed as host', () => {
    expect(q.getSpeakerBySlug({ slug: 'tyler-akidau' })!.hostedTracks.map((t) => [t.conferenceSlug, t.dayNumber, t.name])).toEqual([
      ['qcon-london-2018', 1, 'Stream Processing in the Modern Age'],
    ]);
    expect(q.getSpeakerBySlug({ slug: 'maren-holt' })!.hostedTracks).toEqual([]);
  });
});

describe('getPathsShowingUser', () => {
  it('lists the pages showing what a user made public, and no others', async () => {
    const { users, ratings, comments, categories, postCategories } = await import('./schema');
    const [u] = db.insert(users).values({ email: 'paths@example.com', name: 'Path Finder', handle: 'path-finder', role: 'author' }).returning().all();
    const qcon = q.getPostBySlug({ slug: 'qcon-london-2018' })!;
    const talk = db.select().from(talks).where(eq(talks.id, qcon.talks[0].id)).get()!;
    const conf = q.getConferenceBySlug({ slug: 'qcon-london-2018' })!.conference;
    const other = q.getPublishedPosts({ page: 1 }).posts.find((p) => p.slug !== 'qcon-london-2018')!;
    const [mine] = db
      .insert(posts)
      .values({ slug: 'my-public-recap', title: 'Mine', authorId: u.id, status: 'published', publishedAt: Date.now() - 1000, conferenceId: conf.id })
      .returning()
      .all();
    db.insert(posts).values({ slug: 'my-draft-recap', title: 'Draft', authorId: u.id, status: 'draft' }).run();
    const [cat] = db.insert(categories).values({ slug: 'paths-cat', name: 'Paths' }).returning().all();
    db.insert(postCategories).values({ postId: mine.id, categoryId: cat.id }).run();
    db.insert(ratings).values({ userId: u.id, talkId: talk.id, stars: 4 }).run();
    db.insert(comments).values({ postId: other.id, authorId: u.id, bodyMarkdown: 'Hi', bodyHtml: '<p>Hi</p>' }).run();

    const paths = q.getPathsShowingUser({ userId: u.id });
    expect(paths).toEqual(
      expect.arrayContaining([
        '/u/path-finder',
        '/authors/path-finder',
        '/authors/path-finder/feed.xml',
        '/',
        '/posts/my-public-recap',
        '/posts/my-public-recap/opengraph-image',
        '/categories/paths-cat',
        `/conferences/${conf.slug}`,
        `/conferences/${conf.slug}/talks/${talk.slug}`,
        `/posts/${other.slug}`,
      ]),
    );
    expect(paths).not.toContain('/posts/my-draft-recap');
    // A recap neither written, rated through nor commented on by the user.
    const unrelated = q.getPublishedPosts({ page: 1 }).posts.filter((p) => !paths.includes(`/posts/${p.slug}`));
    expect(unrelated.length).toBeGreaterThan(0);

    // Someone with nothing public: only their (empty) journal page.
    const [quiet] = db.insert(users).values({ email: 'quiet@example.com', name: 'Quiet', handle: 'quiet', role: 'reader' }).returning().all();
    expect(q.getPathsShowingUser({ userId: quiet.id })).toEqual(['/u/quiet']);
  });
});
