import '@/lib/testing/fresh-db';
import { and, asc, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ParsedPost } from '@/lib/jekyll/types';

/**
 * The rules an import shares with the forms (links, time zones, lengths, the audit log), which
 * post a file is (an export's identity, the file it came from, a deleted recap), and the
 * author's choices in the review.
 */
const { db } = await import('./index');
const t = await import('./schema');
const { importPost, importKeyFor, ImportError } = await import('./import');
const { planConference, planImport } = await import('./import-plan');
const { buildExport } = await import('./export');
const { parsePost } = await import('@/lib/jekyll/parse');

type DB = typeof db;
const users: Record<string, { id: number }> = {};
beforeAll(() => {
  for (const [handle, role] of [['writer', 'author'], ['other', 'author'], ['boss', 'admin']] as const) {
    users[handle] = db.insert(t.users).values({ email: `${handle}@example.com`, name: handle, handle, role }).returning().get();
  }
});

function parse(file: string, text: string): ParsedPost {
  const r = parsePost(file, text);
  if (!r.ok) throw new Error(r.error);
  return r.post;
}
const recap = (frontMatter: string, body: string) => `---\n${frontMatter}\n---\n\n${body}\n`;
const as = (user: keyof typeof users, file: string) => ({ authorId: users[user].id, importKey: importKeyFor(users[user].id, file), isAdmin: user === 'boss' });
const posts = (target: DB) => target.select({ n: count() }).from(t.posts).get()!.n;
const talkBy = (conferenceSlug: string, title: string) =>
  db.select({ talk: t.talks }).from(t.talks).innerJoin(t.conferences, eq(t.conferences.id, t.talks.conferenceId)).where(and(eq(t.conferences.slug, conferenceSlug), eq(t.talks.title, title))).get()?.talk;

describe('the forms’ rules', () => {
  it('leaves out links that are no web address (javascript:, data:) and says so', () => {
    const post = parse('2020-03-01-links.md', recap('title: "Links Conf 2020"\ndate: 2020-03-01', [
      '## Day 1: Safety', '', '**[Innocent Talk](javascript:alert(document.cookie))** by Ann Lee', '',
      '[Slides](data:text/html,<script>alert(1)</script>) | [Video](https://vimeo.com/123456)', '', 'A note.',
    ].join('\n')));
    const outcome = importPost(db, post, as('writer', post.file));
    const talk = talkBy('links-conf-2020', 'Innocent Talk')!;
    expect([talk.talkUrl, talk.slidesUrl, talk.videoUrl]).toEqual([null, null, 'https://vimeo.com/123456']);
    expect(outcome.warnings.join('\n')).toMatch(/page: “javascript:alert\(document\.cookie\)” is not a web address \(http:\/\/ or https:\/\/\): left out/);
    expect(outcome.warnings.join('\n')).toMatch(/Slides link: “data:text\/html,.*” is not a web address/);
  });

  it('refuses a time zone that is none, as the conference form does, writing nothing', () => {
    const text = recap('title: "Zone Conf"\ndate: 2020-04-01\nconference:\n  name: Zone Conf 2020\n  timezone: Not/AZone', '## Day 1\n\n**[A Timed Talk](https://zone.example/talks/timed)**\n\n[Slides](https://zone.example/t.pdf)\n');
    const post = parse('2020-04-01-zone.md', text);
    const before = posts(db);
    expect(() => importPost(db, post, as('writer', post.file))).toThrow(ImportError);
    expect(() => importPost(db, post, as('writer', post.file))).toThrow(/Conference time zone “Not\/AZone”: Use a time zone name such as Europe\/London/);
    expect(posts(db)).toBe(before);
    expect(db.select().from(t.conferences).where(eq(t.conferences.name, 'Zone Conf 2020')).get()).toBeUndefined();
    expect(planImport(db, post, as('writer', post.file)).problems.join()).toMatch(/Not\/AZone/);
  });

  it('refuses what the editor refuses: a title over 200 characters, a note over 20,000', () => {
    const long = parse('2020-05-01-long.md', recap(`title: "${'T'.repeat(201)}"\ndate: 2020-05-01`, 'Text.'));
    expect(() => importPost(db, long, as('writer', long.file))).toThrow(/Title: At most 200 characters/);
    const note = parse('2020-05-02-note.md', recap('title: Note\ndate: 2020-05-02', `## Day 1\n\n**[Wordy](https://w.example/talks/wordy)**\n\n[Slides](https://w.example/w.pdf)\n\n${'blah '.repeat(4_100)}`));
    expect(() => importPost(db, note, as('writer', note.file))).toThrow(/note: A note is at most 20,000 characters/);
  });

  it('writes the audit rows an edit in the forms writes, for every conference row it creates or changes', () => {
    const post = parse('2020-06-01-audit.md', recap('title: "Audit Days 2020"\ndate: 2020-06-03', [
      '### Day 1: Ledgers', '', 'Hosted by Ann Lee.', '', '**[Double Entry](https://audit.example/talks/double)** by Bo Chen', '', '[Slides](https://audit.example/d.pdf)',
    ].join('\n')));
    const outcome = importPost(db, post, as('writer', post.file));
    const conference = db.select().from(t.conferences).where(eq(t.conferences.slug, 'audit-days-2020')).get()!;
    const rows = db.select().from(t.auditLog).where(eq(t.auditLog.actorId, users.writer.id)).orderBy(asc(t.auditLog.id)).all();
    const mine = rows.filter((r) => JSON.parse(r.detail).conferenceId === conference.id || (r.entity === 'post' && r.entityId === outcome.postId));
    expect(mine.map((r) => r.action)).toEqual(['conference.create', 'day.create', 'track.create', 'talk.create', 'speaker.create', 'post.import']);
    expect(JSON.parse(mine[3].detail)).toMatchObject({ conferenceId: conference.id, title: 'Double Entry', speakers: ['Bo Chen'], source: 'import' });
  });
});

describe('which post a file is', () => {
  const text = recap('title: "Mirror Conf 2021"\ndate: 2021-02-02', '## Day 1\n\n**[Reflections](https://mirror.example/talks/reflections)**\n\n[Slides](https://mirror.example/r.pdf)\n\nShiny.');

  it('importing Hallway’s export of a recap updates it, whatever the file is called', () => {
    const original = importPost(db, parse('2021-02-02-mirror-conf-2021.md', text), as('writer', '2021-02-02-mirror-conf-2021.md'));
    const exported = buildExport(db, { authorId: users.writer.id }).files.find((f) => f.path.includes('mirror-conf-2021'))!;
    const copy = parse('renamed-by-hand.markdown', new TextDecoder().decode(exported.data));
    expect(copy.hallway).toEqual({ id: original.postId, url: 'http://localhost:3000/posts/mirror-conf-2021' });
    expect(planImport(db, copy, as('writer', copy.file)).existing).toMatchObject({ kind: 'update', by: 'export', slug: 'mirror-conf-2021' });
    const before = posts(db);
    const again = importPost(db, copy, as('writer', copy.file));
    expect(again).toMatchObject({ status: 'updated', postId: original.postId, slug: 'mirror-conf-2021', talks: { created: 0, matched: 1 } });
    expect(posts(db)).toBe(before);

    // Someone else cannot update it through its export: their import is a recap of their own, and the dry run says the address is taken.
    const theirs = planImport(db, copy, as('other', copy.file));
    expect(theirs.existing).toEqual({ kind: 'slug-taken', slug: 'mirror-conf-2021', title: 'Mirror Conf 2021', newSlug: 'mirror-conf-2021-2', mine: false });
    const other = importPost(db, copy, as('other', copy.file));
    expect(other).toMatchObject({ status: 'imported', slug: 'mirror-conf-2021-2' });
    expect(other.warnings).toContain('A recap already lives at /posts/mirror-conf-2021: this one was saved at /posts/mirror-conf-2021-2.');
    // An admin may update it (and it keeps its author).
    expect(importPost(db, copy, as('boss', copy.file))).toMatchObject({ status: 'updated', postId: original.postId });
    expect(db.select().from(t.posts).where(eq(t.posts.id, original.postId)).get()!.authorId).toBe(users.writer.id);
  });

  it('a deleted recap stays deleted on re-import, unless the author chooses to restore it', () => {
    const file = '2021-03-03-gone-conf-2021.md';
    const post = parse(file, text.replace('Mirror Conf 2021', 'Gone Conf 2021'));
    const first = importPost(db, post, as('writer', file));
    db.update(t.posts).set({ status: 'deleted', deletedAt: Date.now() }).where(eq(t.posts.id, first.postId)).run();
    expect(planImport(db, post, as('writer', file)).existing).toMatchObject({ kind: 'deleted', slug: 'gone-conf-2021' });

    const kept = importPost(db, post, as('writer', file));
    expect(kept).toMatchObject({ status: 'skipped', postId: first.postId });
    expect(kept.warnings.join()).toMatch(/You deleted “Gone Conf 2021”: it stays deleted/);
    expect(db.select().from(t.posts).where(eq(t.posts.id, first.postId)).get()!.status).toBe('deleted');

    expect(importPost(db, post, { ...as('writer', file), restoreDeleted: true })).toMatchObject({ status: 'restored', postId: first.postId });
    expect(db.select().from(t.posts).where(eq(t.posts.id, first.postId)).get()).toMatchObject({ status: 'published', deletedAt: null });
  });
});

describe('the author’s choices', () => {
  it('imports the ticked talks only, under the titles and speakers typed, linking or creating as chosen', () => {
    const post = parse('2022-07-07-choices.md', recap('title: "Choice Conf 2022"\ndate: 2022-07-09', [
      'The talks:', '', '- Ropes and Knots (Mira Holm): [Slides](https://choice.example/r.pdf)', '- Paper Planes (Teo Vance): [Slides](https://choice.example/p.pdf)', '- Lantern Design (Jo Park): [Slides](https://choice.example/l.pdf)',
    ].join('\n')));
    const outcome = importPost(db, post, {
      ...as('writer', post.file),
      talks: new Map([
        [0, { include: true, title: 'Ropes, Knots and Hitches', speakers: ['Mira Holm', 'Ann Lee'] }],
        [1, { include: false }],
        [2, { include: true }],
      ]),
    });
    expect(outcome.talks).toEqual({ created: 2, matched: 0 });
    const titles = db.select({ title: t.talks.title }).from(t.talks).innerJoin(t.conferences, eq(t.conferences.id, t.talks.conferenceId)).where(eq(t.conferences.slug, 'choice-conf-2022')).all().map((r) => r.title);
    expect(titles.sort()).toEqual(['Lantern Design', 'Ropes, Knots and Hitches']);
    // The talk left out stays in the body as written.
    expect(db.select().from(t.posts).where(eq(t.posts.id, outcome.postId)).get()!.bodyMarkdown).toContain('- Paper Planes (Teo Vance)');
  });

  it('links a recap’s talks to a conference found by name and year, by title and speaker', () => {
    const conference = db.insert(t.conferences).values({ slug: 'harbour-days-2019', name: 'Harbour Days 2019', startDate: '2019-09-10', endDate: '2019-09-11' }).returning().get();
    const talk = db.insert(t.talks).values({ conferenceId: conference.id, slug: 'tidal-data', title: 'Tidal Data: Streams at Sea' }).returning().get();
    const speaker = db.insert(t.speakers).values({ slug: 'ina-berg', name: 'Ina Berg' }).returning().get();
    db.insert(t.talkSpeakers).values({ talkId: talk.id, speakerId: speaker.id }).run();
    const post = parse('2019-09-15-best-of-harbour-days.md', recap('title: "Best of Harbour Days"\ndate: 2019-09-15', 'My picks:\n\n- Tidal Data (Ina Berg): [Slides](https://h.example/t.pdf)\n- Buoys and Queues (Ola Nes): [Slides](https://h.example/b.pdf)\n'));
    expect(planConference(db, post)).toMatchObject({ kind: 'existing', slug: 'harbour-days-2019', reason: 'its name and year (2019) match the post' });
    const plan = planImport(db, post, as('writer', post.file));
    expect([...plan.matches.values()]).toEqual([{ kind: 'existing', talkId: talk.id, slug: 'tidal-data', title: 'Tidal Data: Streams at Sea', by: 'similar title' }, { kind: 'new' }]);
    expect(importPost(db, post, as('writer', post.file)).talks).toEqual({ created: 1, matched: 1 });
  });

  it('creates every day a post names, even one without talks, dated from the post', () => {
    const post = parse('2023-02-03-days.md', recap('title: "Weekday Conf 2023"\ndate: 2023-02-03', '### Wednesday\n\n**[First](https://w.example/talks/first)**\n\n[Slides](https://w.example/1.pdf)\n\n### Thursday\n\nNothing I saw.\n\n### Friday\n\n**[Last](https://w.example/talks/last)**\n\n[Slides](https://w.example/2.pdf)\n'));
    importPost(db, post, as('writer', post.file));
    const conference = db.select().from(t.conferences).where(eq(t.conferences.slug, 'weekday-conf-2023')).get()!;
    expect([conference.startDate, conference.endDate]).toEqual(['2023-02-01', '2023-02-03']);
    const days = db.select({ number: t.days.number, date: t.days.date }).from(t.days).where(eq(t.days.conferenceId, conference.id)).orderBy(asc(t.days.number)).all();
    expect(days).toEqual([{ number: 1, date: '2023-02-01' }, { number: 2, date: '2023-02-02' }, { number: 3, date: '2023-02-03' }]);
  });
});
