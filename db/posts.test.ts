import '@/lib/testing/fresh-db';
import { and, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

const { db } = await import('./index');
const { seedDemoJournal } = await import('./seed');
const p = await import('./posts');
const q = await import('./queries');
const { categories, postRevisions, posts, postSlugs, talks, users } = await import('./schema');

let ada: number;
let ben: number;
let admin: number;
let qconTalks: number[];
let qconId: number;

const doc = (over: Partial<import('./posts').PostDocument> = {}): import('./posts').PostDocument => ({
  title: '',
  slug: '',
  slugAuto: true,
  bodyMarkdown: '',
  commentsEnabled: true,
  conferenceId: null,
  categories: [],
  talks: [],
  ...over,
});

const idOf = (email: string) => db.select({ id: users.id }).from(users).where(eq(users.email, email)).get()!.id;

beforeAll(async () => {
  expect(await seedDemoJournal(db)).toBe(true);
  ada = idOf('ada@hallway.test');
  ben = idOf('ben@hallway.test');
  admin = idOf('admin@hallway.test');
  const conf = q.getConferenceBySlug({ slug: 'qcon-london-2018' })!;
  qconId = conf.conference.id;
  qconTalks = db.select({ id: talks.id }).from(talks).where(eq(talks.conferenceId, qconId)).all().map((t) => t.id);
});

function newDraft(userId = ada) {
  return p.createPost({ userId, utcOffsetMinutes: 60 }).id;
}

function save(id: number, version: number, d: Partial<import('./posts').PostDocument>, intent?: import('./posts').SaveIntent, userId = ada, isAdmin = false) {
  return p.savePost({ id, version, userId, isAdmin }, doc(d), intent);
}

describe('ownership', () => {
  it('another author gets null, an admin gets the post', () => {
    const id = newDraft(ada);
    expect(p.getPostForEditor({ id, userId: ada, isAdmin: false })).not.toBeNull();
    expect(p.getPostForEditor({ id, userId: ben, isAdmin: false })).toBeNull();
    expect(p.getPostForEditor({ id, userId: admin, isAdmin: true })?.id).toBe(id);
    expect(p.getPostPreview({ id, userId: ben, isAdmin: false })).toBeNull();
    expect(p.getPostRevisions({ id, userId: ben, isAdmin: false })).toBeNull();
  });

  it('another author can neither save, delete nor restore it, and nothing changes', () => {
    const id = newDraft(ada);
    const before = db.select().from(posts).where(eq(posts.id, id)).get();
    expect(save(id, 1, { title: 'Hijacked', bodyMarkdown: 'mine now' }, undefined, ben)).toEqual({ ok: false, reason: 'not-found' });
    expect(p.deletePost({ id, userId: ben, isAdmin: false })).toEqual({ ok: false });
    expect(p.restorePostRevision({ id, revisionId: 1, userId: ben, isAdmin: false })).toEqual({ ok: false, reason: 'not-found' });
    expect(db.select().from(posts).where(eq(posts.id, id)).get()).toEqual(before);
  });

  it('the dashboard lists my posts only, or everyone’s for an admin', () => {
    const mine = p.getPostsForDashboard({ userId: ben, isAdmin: false });
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((r) => r.authorId === ben)).toBe(true);
    const all = p.getPostsForDashboard({ userId: admin, isAdmin: true });
    expect(new Set(all.map((r) => r.authorId))).toEqual(new Set([ada, ben]));
    const times = all.map((r) => r.updatedAt);
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });
});

describe('abandoned “New recap” clicks', () => {
  it('leave no draft on the dashboard, and are cleared away after a week', () => {
    const listed = () => p.getPostsForDashboard({ userId: ada, isAdmin: false }).map((r) => r.id);
    const weekAgo = Date.now() - 8 * 24 * 60 * 60 * 1000;
    const abandoned = p.createPost({ userId: ada, now: weekAgo }).id;
    db.update(posts).set({ createdAt: weekAgo }).where(eq(posts.id, abandoned)).run();
    const fresh = newDraft();
    expect(fresh).not.toBe(abandoned);
    expect(listed()).not.toContain(fresh);
    // The week-old one went when the new one was made; the fresh one stays for its open editor.
    expect(db.select().from(posts).where(eq(posts.id, abandoned)).get()).toBeUndefined();
    expect(p.getPostForEditor({ id: fresh, userId: ada, isAdmin: false })).not.toBeNull();
    // One save, even of a title alone, makes it a draft like any other.
    expect(save(fresh, 1, { title: 'Kept' }).ok).toBe(true);
    expect(listed()).toContain(fresh);
    const old = newDraft();
    db.update(posts).set({ createdAt: weekAgo }).where(eq(posts.id, fresh)).run();
    newDraft();
    expect(db.select().from(posts).where(eq(posts.id, fresh)).get()).toBeDefined();
    expect(old).not.toBe(fresh);
  });
});

describe('saving drafts', () => {
  it('renders on save, bumps the version, and refuses a stale version without writing', () => {
    const id = newDraft();
    const first = save(id, 1, { title: 'My QCon recap', bodyMarkdown: 'Hello **world**' });
    expect(first).toMatchObject({ ok: true, version: 2, slug: 'my-qcon-recap', state: 'draft' });
    const row = db.select().from(posts).where(eq(posts.id, id)).get()!;
    expect(row.bodyHtml).toContain('<strong>world</strong>');

    const stale = save(id, 1, { title: 'Other tab', bodyMarkdown: 'overwrite?' });
    expect(stale).toMatchObject({ ok: false, reason: 'conflict', current: { version: 2, title: 'My QCon recap', bodyMarkdown: 'Hello **world**' } });
    expect(db.select({ title: posts.title }).from(posts).where(eq(posts.id, id)).get()!.title).toBe('My QCon recap');
  });

  it('creates categories by name and keeps an existing one’s spelling', () => {
    const id = newDraft();
    expect(save(id, 1, { title: 'Cats', categories: ['streaming', 'Brand New Topic'] }).ok).toBe(true);
    expect(p.getPostForEditor({ id, userId: ada, isAdmin: false })!.categories).toEqual(['Brand New Topic', 'Streaming']);
  });

  it('keeps categories in every script, and two names that share a slug, apart', () => {
    const id = newDraft();
    expect(save(id, 1, { title: 'Scripts', categories: ['日本', '中国', 'C++', 'C#', 'c++'] }).ok).toBe(true);
    expect(p.getPostForEditor({ id, userId: ada, isAdmin: false })!.categories.sort()).toEqual(['C#', 'C++', '中国', '日本']);
    const slugs = db.select({ slug: categories.slug, name: categories.name }).from(categories).where(inArray(categories.name, ['日本', '中国', 'C++', 'C#'])).all();
    expect(Object.fromEntries(slugs.map((r) => [r.name, r.slug]))).toEqual({ 日本: '日本', 中国: '中国', 'C++': 'c', 'C#': 'c-2' });
  });

  it('accepts only talks of the chosen conference, in order, with rendered notes', () => {
    const id = newDraft();
    const [a, b] = qconTalks;
    expect(save(id, 1, { title: 'T', talks: [{ talkId: a, note: '' }] })).toEqual({ ok: false, reason: 'unknown-talks' });
    const ok = save(id, 1, { title: 'T', conferenceId: qconId, talks: [{ talkId: b, note: 'Loved *it*' }, { talkId: a, note: '' }] });
    expect(ok.ok).toBe(true);
    expect(p.getPostForEditor({ id, userId: ada, isAdmin: false })!.talks).toEqual([
      { talkId: b, note: 'Loved *it*' },
      { talkId: a, note: '' },
    ]);
    expect(p.getPostPreview({ id, userId: ada, isAdmin: false })!.talks[0].noteHtml).toContain('<em>it</em>');
  });

  it('refuses a hand-typed slug another recap uses, and suffixes a derived one', () => {
    const id = newDraft();
    expect(save(id, 1, { title: 'x', slug: 'qcon-london-2018', slugAuto: false })).toEqual({ ok: false, reason: 'slug-taken', slug: 'qcon-london-2018' });
    expect(save(id, 1, { title: 'QCon London 2018' })).toMatchObject({ ok: true, slug: 'qcon-london-2018-2' });
  });
});

describe('publishing and scheduling', () => {
  it('publishes now: public, with a revision; further updates add revisions', () => {
    const id = newDraft();
    const now = Date.now();
    const r = save(id, 1, { title: 'Published now', bodyMarkdown: 'v1' }, { kind: 'publish', publishedAt: now - 1000, utcOffsetMinutes: 60 });
    expect(r).toMatchObject({ ok: true, state: 'published', status: 'published' });
    expect(q.getPostBySlug({ slug: 'published-now' })?.title).toBe('Published now');
    expect(db.select().from(postRevisions).where(eq(postRevisions.postId, id)).all()).toHaveLength(1);
    // An update of a published post with new text keeps another revision; an unchanged save does not.
    save(id, 2, { title: 'Published now', bodyMarkdown: 'v2' });
    save(id, 3, { title: 'Published now', bodyMarkdown: 'v2', categories: ['Streaming'] });
    expect(db.select().from(postRevisions).where(eq(postRevisions.postId, id)).all().map((x) => x.bodyMarkdown)).toEqual(['v1', 'v2']);
  });

  it('schedules: invisible to readers until its time, listed as scheduled', () => {
    const id = newDraft();
    const later = Date.now() + 3_600_000;
    const r = save(id, 1, { title: 'Later', bodyMarkdown: 'soon' }, { kind: 'publish', publishedAt: later, utcOffsetMinutes: -420 });
    expect(r).toMatchObject({ ok: true, state: 'scheduled', publishedAt: later, utcOffsetMinutes: -420 });
    expect(q.getPostBySlug({ slug: 'later' })).toBeNull();
    expect(q.getPublishedPosts({ perPage: 100 }).posts.map((x) => x.id)).not.toContain(id);
    expect(p.getPostsForDashboard({ userId: ada, isAdmin: false }).find((x) => x.id === id)?.state).toBe('scheduled');
    // Its time comes: the same row is public, no write needed.
    db.update(posts).set({ publishedAt: Date.now() - 1 }).where(eq(posts.id, id)).run();
    expect(q.getPostBySlug({ slug: 'later' })?.id).toBe(id);
  });

  it('requires a title to publish', () => {
    const id = newDraft();
    expect(save(id, 1, { bodyMarkdown: 'no title' }, { kind: 'publish', publishedAt: Date.now(), utcOffsetMinutes: 0 })).toEqual({ ok: false, reason: 'title-required' });
  });

  it('keeps the slug after publishing, and the old one redirects when changed on purpose', () => {
    const id = newDraft();
    save(id, 1, { title: 'Stable address', bodyMarkdown: 'x' }, { kind: 'publish', publishedAt: Date.now() - 1, utcOffsetMinutes: 0 });
    expect(save(id, 2, { title: 'A better title', bodyMarkdown: 'x' })).toMatchObject({ ok: true, slug: 'stable-address' });
    expect(save(id, 3, { title: 'A better title', slug: 'a-better-title', slugAuto: false, bodyMarkdown: 'x' })).toMatchObject({ ok: true, slug: 'a-better-title' });
    expect(q.getCurrentSlugByOldSlug({ slug: 'stable-address' })).toBe('a-better-title');
    // Nobody else may take the old address.
    const other = newDraft(ben);
    expect(save(other, 1, { title: 'x', slug: 'stable-address', slugAuto: false }, undefined, ben)).toMatchObject({ ok: false, reason: 'slug-taken' });
    // Going back to it makes it current again, not a redirect to itself.
    save(id, 4, { title: 'A better title', slug: 'stable-address', slugAuto: false, bodyMarkdown: 'x' });
    expect(db.select().from(postSlugs).where(and(eq(postSlugs.postId, id), eq(postSlugs.slug, 'stable-address'))).all()).toEqual([]);
  });

  it('unpublishes back to a draft that readers no longer see', () => {
    const id = newDraft();
    save(id, 1, { title: 'Here then gone', bodyMarkdown: 'x' }, { kind: 'publish', publishedAt: Date.now() - 1, utcOffsetMinutes: 0 });
    expect(save(id, 2, { title: 'Here then gone', bodyMarkdown: 'x' }, { kind: 'unpublish' })).toMatchObject({ ok: true, state: 'draft' });
    expect(q.getPostBySlug({ slug: 'here-then-gone' })).toBeNull();
  });

  it('deletes softly: gone for everyone, slug reserved', () => {
    const id = newDraft();
    save(id, 1, { title: 'Doomed', bodyMarkdown: 'x' }, { kind: 'publish', publishedAt: Date.now() - 1, utcOffsetMinutes: 0 });
    expect(p.deletePost({ id, userId: ada, isAdmin: false })).toEqual({ ok: true });
    expect(db.select({ status: posts.status }).from(posts).where(eq(posts.id, id)).get()!.status).toBe('deleted');
    expect(q.getPostBySlug({ slug: 'doomed' })).toBeNull();
    expect(p.getPostForEditor({ id, userId: ada, isAdmin: false })).toBeNull();
    expect(p.getPostsForDashboard({ userId: ada, isAdmin: false }).some((x) => x.id === id)).toBe(false);
  });
});

describe('revision restore', () => {
  it('gives a draft the revision’s text as a new version, keeps the replaced text, and never publishes', () => {
    const id = newDraft();
    save(id, 1, { title: 'R', bodyMarkdown: 'first' }, { kind: 'publish', publishedAt: Date.now() - 1, utcOffsetMinutes: 0 });
    save(id, 2, { title: 'R', bodyMarkdown: 'second' });
    save(id, 3, { title: 'R', bodyMarkdown: 'second' }, { kind: 'unpublish' });
    save(id, 4, { title: 'R', bodyMarkdown: 'third, unpublished work' });
    const revs = p.getPostRevisions({ id, userId: ada, isAdmin: false })!.revisions;
    const first = revs.find((r) => r.bodyMarkdown === 'first')!;

    expect(p.restorePostRevision({ id, revisionId: first.id, userId: ada, isAdmin: false })).toEqual({ ok: true, mode: 'saved', version: 6 });
    const row = db.select().from(posts).where(eq(posts.id, id)).get()!;
    expect(row).toMatchObject({ bodyMarkdown: 'first', status: 'draft', version: 6 });
    expect(row.bodyHtml).toContain('first');
    expect(q.getPostBySlug({ slug: 'r' })).toBeNull();
    // The text it replaced is a revision now, so the restore can itself be undone.
    expect(p.getPostRevisions({ id, userId: ada, isAdmin: false })!.revisions.map((r) => r.bodyMarkdown)).toContain('third, unpublished work');
  });

  it('leaves a published post as readers see it and hands the revision to the editor', () => {
    const id = newDraft();
    save(id, 1, { title: 'Live', bodyMarkdown: 'old words' }, { kind: 'publish', publishedAt: Date.now() - 1, utcOffsetMinutes: 0 });
    save(id, 2, { title: 'Live', bodyMarkdown: 'new words' });
    const old = p.getPostRevisions({ id, userId: ada, isAdmin: false })!.revisions.find((r) => r.bodyMarkdown === 'old words')!;
    const before = db.select().from(posts).where(eq(posts.id, id)).get();
    expect(p.restorePostRevision({ id, revisionId: old.id, userId: ada, isAdmin: false })).toEqual({ ok: true, mode: 'editor', title: 'Live', bodyMarkdown: 'old words' });
    expect(db.select().from(posts).where(eq(posts.id, id)).get()).toEqual(before);
    expect(q.getPostBySlug({ slug: 'live' })?.bodyHtml).toContain('new words');
  });

  it('refuses a revision of another post', () => {
    const a = newDraft();
    save(a, 1, { title: 'A', bodyMarkdown: 'a' }, { kind: 'publish', publishedAt: Date.now() - 1, utcOffsetMinutes: 0 });
    const b = newDraft();
    const revA = p.getPostRevisions({ id: a, userId: ada, isAdmin: false })!.revisions[0];
    expect(p.restorePostRevision({ id: b, revisionId: revA.id, userId: ada, isAdmin: false })).toEqual({ ok: false, reason: 'not-found' });
  });
});

describe('reading time', () => {
  it('counts the notes on talks as well as the text, and follows changes to either', () => {
    const words = (n: number, w = 'word') => Array.from({ length: n }, () => w).join(' ');
    const id = newDraft();
    let s = save(id, 1, { title: 'Notes count', bodyMarkdown: words(230), conferenceId: qconId });
    expect(s.ok && db.select({ m: posts.readingMinutes }).from(posts).where(eq(posts.id, id)).get()!.m).toBe(1);
    s = save(id, 2, { title: 'Notes count', bodyMarkdown: words(230), conferenceId: qconId, talks: [{ talkId: qconTalks[0], note: words(460) }] });
    expect(s.ok && db.select({ m: posts.readingMinutes }).from(posts).where(eq(posts.id, id)).get()!.m).toBe(3);
    s = save(id, 3, { title: 'Notes count', bodyMarkdown: words(690), conferenceId: qconId, talks: [{ talkId: qconTalks[0], note: words(460) }] });
    expect(s.ok && db.select({ m: posts.readingMinutes }).from(posts).where(eq(posts.id, id)).get()!.m).toBe(5);
    s = save(id, 4, { title: 'Notes count', bodyMarkdown: words(690), conferenceId: qconId });
    expect(s.ok && db.select({ m: posts.readingMinutes }).from(posts).where(eq(posts.id, id)).get()!.m).toBe(3);
  });

  it('the demo QCon recap, mostly notes, is not a one-minute read', () => {
    const qcon = db.select({ m: posts.readingMinutes }).from(posts).where(eq(posts.slug, 'qcon-london-2018')).get()!;
    // 222 words of text and 324 in its ten notes.
    expect(qcon.m).toBe(2);
  });
});

describe('working copy of a published post', () => {
  const editorDoc = (body: string) => ({ title: 'Copied', slug: '', slugAuto: true, body, commentsEnabled: true, conferenceId: null, categories: [], talks: [] });

  it('is kept apart from the published text, read back, and cleared by the next save', () => {
    const id = newDraft();
    const published = save(id, 1, { title: 'Copied', bodyMarkdown: 'Published text.' }, { kind: 'publish', publishedAt: Date.now() - 1000, utcOffsetMinutes: 0 });
    if (!published.ok) throw new Error('not published');
    const access = { id, userId: ada, isAdmin: false };
    expect(p.saveWorkingCopy({ ...access, version: published.version }, editorDoc('Pending text.')).ok).toBe(true);
    expect(p.getWorkingCopy(access)?.doc.body).toBe('Pending text.');
    expect(p.getPostForEditor(access)?.bodyMarkdown).toBe('Published text.');
    expect(q.getPostBySlug({ slug: published.slug })?.bodyHtml).toContain('Published text.');

    const updated = save(id, published.version, { title: 'Copied', bodyMarkdown: 'Pending text.' });
    expect(updated.ok).toBe(true);
    expect(p.getWorkingCopy(access)).toBeNull();
  });

  it('is refused for a draft, a stale version and another author; only its author or an admin discards it', () => {
    const id = newDraft();
    const access = { id, userId: ada, isAdmin: false };
    expect(p.saveWorkingCopy({ ...access, version: 1 }, editorDoc('x'))).toEqual({ ok: false, reason: 'not-published' });
    const published = save(id, 1, { title: 'Copied', bodyMarkdown: 'Published.' }, { kind: 'publish', publishedAt: Date.now() - 1000, utcOffsetMinutes: 0 });
    if (!published.ok) throw new Error('not published');
    expect(p.saveWorkingCopy({ ...access, version: published.version - 1 }, editorDoc('old')).ok).toBe(false);
    expect(p.saveWorkingCopy({ ...access, version: published.version }, editorDoc('Ada’s')).ok).toBe(true);
    expect(p.saveWorkingCopy({ id, userId: ben, isAdmin: false, version: published.version }, editorDoc('Ben’s'))).toEqual({ ok: false, reason: 'not-found' });
    expect(p.getWorkingCopy({ id, userId: ben, isAdmin: false })).toBeNull();
    expect(p.discardWorkingCopy({ id, userId: ben, isAdmin: false }).ok).toBe(false);
    expect(p.getWorkingCopy(access)?.doc.body).toBe('Ada’s');
    expect(p.discardWorkingCopy({ id, userId: admin, isAdmin: true }).ok).toBe(true);
    expect(p.getWorkingCopy(access)).toBeNull();
  });
});
