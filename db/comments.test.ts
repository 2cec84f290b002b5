import '@/lib/testing/fresh-db';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { COMMENT_RATE } from '@/lib/comments';
import { renderCommentMarkdown } from '@/lib/markdown';

// Dynamic imports, after fresh-db has pointed DATABASE_PATH at a new file.
const { db } = await import('./index');
const { auditLog, commentReports, comments, posts, users } = await import('./schema');
const c = await import('./comments');
const { getPublishedPosts } = await import('./queries');

const MINUTE = 60_000;
let seq = 0;

function newUser(role: 'reader' | 'author' | 'admin' = 'reader') {
  const n = ++seq;
  const [u] = db.insert(users).values({ email: `commenter${n}@example.com`, name: `Commenter ${n}`, handle: `commenter-${n}`, role }).returning().all();
  return u;
}

function newPost({ authorId, status = 'published', publishedAt = Date.now() - 60 * MINUTE, commentsEnabled = true, commentsLocked = false }: {
  authorId: number;
  status?: 'draft' | 'published';
  publishedAt?: number | null;
  commentsEnabled?: boolean;
  commentsLocked?: boolean;
}) {
  const n = ++seq;
  const [p] = db
    .insert(posts)
    .values({ slug: `post-${n}`, title: `Post ${n}`, authorId, status, publishedAt: status === 'published' ? publishedAt : null, commentsEnabled, commentsLocked })
    .returning()
    .all();
  return p;
}

function post(userId: number, postId: number, text: string, { parentId = null as number | null, now = Date.now() } = {}) {
  return c.createComment({ userId, postId, parentId, bodyMarkdown: text, bodyHtml: renderCommentMarkdown(text) }, now);
}

const row = (id: number) => db.select().from(comments).where(eq(comments.id, id)).get()!;

describe('posting', () => {
  it('adds comments and one level of replies: a reply to a reply joins its top-level comment', () => {
    const author = newUser('author');
    const reader = newUser();
    const p = newPost({ authorId: author.id });
    const first = post(reader.id, p.id, 'A *question*');
    expect(first).toMatchObject({ ok: true, slug: p.slug });
    if (!first.ok) throw new Error('unreachable');
    const reply = post(author.id, p.id, 'An answer', { parentId: first.id });
    if (!reply.ok) throw new Error('unreachable');
    const replyToReply = post(reader.id, p.id, 'Thanks', { parentId: reply.id });
    if (!replyToReply.ok) throw new Error('unreachable');
    expect(row(reply.id).parentId).toBe(first.id);
    expect(row(replyToReply.id).parentId).toBe(first.id);

    const thread = c.getThreadByPost({ postId: p.id });
    expect(thread.count).toBe(3);
    expect(thread.comments).toHaveLength(1);
    expect(thread.comments[0]).toMatchObject({ id: first.id, authorName: reader.name, state: 'visible' });
    expect(thread.comments[0].bodyHtml).toBe('<p>A <em>question</em></p>');
    expect(thread.comments[0].replies.map((r) => r.id)).toEqual([reply.id, replyToReply.id]);
  });

  it('refuses drafts, scheduled posts, comments off and locked threads, writing nothing', () => {
    const author = newUser('author');
    const reader = newUser();
    const cases = [
      [newPost({ authorId: author.id, status: 'draft' }), 'not-found'],
      [newPost({ authorId: author.id, publishedAt: Date.now() + 60 * MINUTE }), 'not-found'],
      [newPost({ authorId: author.id, commentsEnabled: false }), 'off'],
      [newPost({ authorId: author.id, commentsLocked: true }), 'locked'],
    ] as const;
    for (const [p, reason] of cases) {
      expect(post(reader.id, p.id, 'hello')).toEqual({ ok: false, reason });
      expect(db.select().from(comments).where(eq(comments.postId, p.id)).all()).toEqual([]);
    }
    expect(post(reader.id, 2_147_483_647, 'hello')).toEqual({ ok: false, reason: 'not-found' });
  });

  it('refuses a reply to a comment of another post, or to a deleted one', () => {
    const author = newUser('author');
    const reader = newUser();
    const a = newPost({ authorId: author.id });
    const b = newPost({ authorId: author.id });
    const onA = post(reader.id, a.id, 'on a');
    if (!onA.ok) throw new Error('unreachable');
    expect(post(reader.id, b.id, 'cross-post reply', { parentId: onA.id })).toEqual({ ok: false, reason: 'parent-gone' });
    c.deleteComment({ userId: reader.id, commentId: onA.id });
    expect(post(author.id, a.id, 'too late', { parentId: onA.id })).toEqual({ ok: false, reason: 'parent-gone' });
  });

  it('takes replies in the thread of a hidden comment, which readers see as a placeholder', () => {
    const author = newUser('author');
    const reader = newUser();
    const other = newUser();
    const p = newPost({ authorId: author.id });
    const top = post(reader.id, p.id, 'Buy tickets here');
    if (!top.ok) throw new Error('unreachable');
    const answer = post(author.id, p.id, 'An answer', { parentId: top.id });
    if (!answer.ok) throw new Error('unreachable');
    expect(c.setCommentHidden({ actor: { id: author.id, role: 'author' }, commentId: top.id, hidden: true })).toMatchObject({ ok: true, changed: true });

    const toThread = post(other.id, p.id, 'To the thread', { parentId: top.id });
    const toReply = post(other.id, p.id, 'To the answer', { parentId: answer.id });
    expect(toThread).toMatchObject({ ok: true });
    expect(toReply).toMatchObject({ ok: true });
    if (!toThread.ok || !toReply.ok) throw new Error('unreachable');
    expect([row(toThread.id).parentId, row(toReply.id).parentId]).toEqual([top.id, top.id]);

    const [shown] = c.getThreadByPost({ postId: p.id }).comments;
    expect(shown).toMatchObject({ id: top.id, state: 'hidden', bodyHtml: '', authorName: null });
    expect(shown.replies.map((r) => r.id)).toEqual([answer.id, toThread.id, toReply.id]);
  });

  it(`allows ${COMMENT_RATE.max} comments per ${COMMENT_RATE.windowMs / MINUTE} minutes, then says when the next one is allowed`, () => {
    const author = newUser('author');
    const reader = newUser();
    const p = newPost({ authorId: author.id });
    const start = Date.now();
    for (let i = 0; i < COMMENT_RATE.max; i++) expect(post(reader.id, p.id, `note ${i}`, { now: start + i * MINUTE }).ok).toBe(true);
    // Deleting does not give the allowance back.
    const last = db.select().from(comments).where(eq(comments.authorId, reader.id)).all().at(-1)!;
    c.deleteComment({ userId: reader.id, commentId: last.id });

    const refused = post(reader.id, p.id, 'one too many', { now: start + 9.5 * MINUTE });
    expect(refused).toEqual({ ok: false, reason: 'rate-limited', retryAt: start + COMMENT_RATE.windowMs });
    // Someone else is not affected.
    expect(post(author.id, p.id, 'mine', { now: start + 9.5 * MINUTE }).ok).toBe(true);
    // Once the first leaves the window, one more is allowed.
    expect(post(reader.id, p.id, 'later', { now: start + COMMENT_RATE.windowMs + 1 }).ok).toBe(true);
    expect(post(reader.id, p.id, 'again too soon', { now: start + COMMENT_RATE.windowMs + 2 })).toMatchObject({ ok: false, reason: 'rate-limited' });
  });
});

describe('editing and deleting', () => {
  it("changes only the writer's own comment; someone else's matches nothing", () => {
    const author = newUser('author');
    const writer = newUser();
    const other = newUser();
    const admin = newUser('admin');
    const p = newPost({ authorId: author.id });
    const made = post(writer.id, p.id, 'original');
    if (!made.ok) throw new Error('unreachable');
    const before = row(made.id);

    for (const intruder of [other, author, admin]) {
      expect(c.updateComment({ userId: intruder.id, commentId: made.id, bodyMarkdown: 'defaced', bodyHtml: '<p>defaced</p>' })).toEqual({ ok: false, reason: 'not-yours' });
      expect(c.deleteComment({ userId: intruder.id, commentId: made.id })).toEqual({ ok: false, reason: 'not-yours' });
    }
    expect(row(made.id)).toEqual(before);

    const at = Date.now() + 1000;
    expect(c.updateComment({ userId: writer.id, commentId: made.id, bodyMarkdown: 'fixed **typo**', bodyHtml: renderCommentMarkdown('fixed **typo**') }, at)).toEqual({ ok: true, slug: p.slug });
    expect(row(made.id)).toMatchObject({ bodyMarkdown: 'fixed **typo**', bodyHtml: '<p>fixed <strong>typo</strong></p>', editedAt: at });
  });

  it('refuses edits in a locked thread but still lets the writer delete', () => {
    const author = newUser('author');
    const writer = newUser();
    const p = newPost({ authorId: author.id });
    const made = post(writer.id, p.id, 'before the lock');
    if (!made.ok) throw new Error('unreachable');
    expect(c.setThreadState({ actor: author, postId: p.id, op: 'lock' })).toMatchObject({ ok: true, changed: true });
    expect(c.updateComment({ userId: writer.id, commentId: made.id, bodyMarkdown: 'x', bodyHtml: '<p>x</p>' })).toEqual({ ok: false, reason: 'locked' });
    expect(c.deleteComment({ userId: writer.id, commentId: made.id })).toEqual({ ok: true, slug: p.slug });
  });

  it('keeps a deleted comment with replies as a nameless stub, and drops one without', () => {
    const author = newUser('author');
    const writer = newUser();
    const p = newPost({ authorId: author.id });
    const asked = post(writer.id, p.id, 'question');
    const lonely = post(writer.id, p.id, 'nobody answers this');
    if (!asked.ok || !lonely.ok) throw new Error('unreachable');
    post(author.id, p.id, 'answer', { parentId: asked.id });
    c.deleteComment({ userId: writer.id, commentId: asked.id });
    c.deleteComment({ userId: writer.id, commentId: lonely.id });

    expect(row(asked.id)).toMatchObject({ bodyMarkdown: '', bodyHtml: '' });
    const thread = c.getThreadByPost({ postId: p.id });
    expect(thread.count).toBe(1);
    expect(thread.comments).toHaveLength(1);
    expect(thread.comments[0]).toMatchObject({ id: asked.id, state: 'deleted', authorName: null, bodyHtml: '' });
    expect(thread.comments[0].replies).toHaveLength(1);
    expect(getPublishedPosts({ perPage: 100 }).posts.find((x) => x.id === p.id)?.commentCount).toBe(1);
  });
});

describe('moderation', () => {
  it("lets the post's author and admins hide and show comments, nobody else; audited", () => {
    const author = newUser('author');
    const otherAuthor = newUser('author');
    const admin = newUser('admin');
    const writer = newUser();
    const p = newPost({ authorId: author.id });
    const made = post(writer.id, p.id, 'rude words');
    if (!made.ok) throw new Error('unreachable');

    for (const actor of [otherAuthor, writer]) {
      expect(c.setCommentHidden({ actor, commentId: made.id, hidden: true })).toEqual({ ok: false, reason: 'forbidden' });
    }
    expect(row(made.id).hiddenAt).toBeNull();
    expect(c.setCommentHidden({ actor: author, commentId: made.id, hidden: true }, 555)).toMatchObject({ ok: true, changed: true });
    expect(row(made.id).hiddenAt).toBe(555);
    expect(c.getThreadByPost({ postId: p.id })).toEqual({ comments: [], count: 0 });

    // The writer sees their hidden comment; moderators see it too; someone else does not.
    expect(c.getCommentViewer({ user: writer, postId: p.id })).toMatchObject({ canModerate: false, hidden: [{ id: made.id }] });
    expect(c.getCommentViewer({ user: admin, postId: p.id })).toMatchObject({ canModerate: true, hidden: [{ id: made.id }] });
    expect(c.getCommentViewer({ user: otherAuthor, postId: p.id })).toMatchObject({ canModerate: false, hidden: [] });

    expect(c.setCommentHidden({ actor: admin, commentId: made.id, hidden: false })).toMatchObject({ ok: true, changed: true });
    expect(c.getThreadByPost({ postId: p.id }).count).toBe(1);
    const audited = db.select().from(auditLog).where(eq(auditLog.entityId, made.id)).all().map((a) => [a.action, a.actorId]);
    expect(audited).toEqual([
      ['comment.hide', author.id],
      ['comment.unhide', admin.id],
    ]);
  });

  it('turning comments off takes a new post version, so an open editor cannot silently turn them back', () => {
    const author = newUser('author');
    const p = newPost({ authorId: author.id });
    expect(c.setThreadState({ actor: newUser('author'), postId: p.id, op: 'off' })).toEqual({ ok: false, reason: 'forbidden' });
    expect(c.setThreadState({ actor: author, postId: p.id, op: 'off' })).toMatchObject({ ok: true, changed: true });
    const after = db.select().from(posts).where(eq(posts.id, p.id)).get()!;
    expect(after).toMatchObject({ commentsEnabled: false, version: p.version + 1 });
    expect(c.setThreadState({ actor: author, postId: p.id, op: 'off' })).toMatchObject({ ok: true, changed: false });
  });

  it('takes reports of visible comments by others, once per reporter, and admins resolve them', () => {
    const author = newUser('author');
    const writer = newUser();
    const reporter = newUser();
    const admin = newUser('admin');
    const p = newPost({ authorId: author.id });
    const made = post(writer.id, p.id, 'buy cheap watches');
    if (!made.ok) throw new Error('unreachable');

    expect(c.reportComment({ userId: writer.id, commentId: made.id, reason: 'mine' })).toEqual({ ok: false, reason: 'own' });
    expect(c.reportComment({ userId: reporter.id, commentId: made.id, reason: 'spam' })).toMatchObject({ ok: true });
    expect(c.reportComment({ userId: reporter.id, commentId: made.id, reason: 'spam, really' })).toMatchObject({ ok: true });
    expect(c.reportComment({ userId: author.id, commentId: made.id, reason: 'off-topic' })).toMatchObject({ ok: true });
    expect(db.select().from(commentReports).where(eq(commentReports.commentId, made.id)).all()).toHaveLength(2);

    const open = c.getReportedComments().find((x) => x.commentId === made.id)!;
    expect(open.reports.map((r) => r.reason).sort()).toEqual(['off-topic', 'spam, really']);
    expect(c.countOpenReports()).toBeGreaterThanOrEqual(1);

    expect(c.resolveReports({ actor: author, commentId: made.id, hide: true })).toEqual({ ok: false, reason: 'forbidden' });
    expect(c.resolveReports({ actor: admin, commentId: made.id, hide: true })).toMatchObject({ ok: true, changed: true });
    expect(row(made.id).hiddenAt).not.toBeNull();
    expect(c.getReportedComments().find((x) => x.commentId === made.id)).toBeUndefined();
    expect(c.getReportedComments({ resolved: true }).find((x) => x.commentId === made.id)?.hidden).toBe(true);
    // A hidden comment cannot be reported again.
    expect(c.reportComment({ userId: reporter.id, commentId: made.id, reason: 'still spam' })).toEqual({ ok: false, reason: 'not-found' });
  });
});
