import 'server-only';

import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { hasRole } from '@/lib/auth/roles';
import { COMMENT_RATE, type HiddenComment, type ThreadComment } from '@/lib/comments';
import { db } from './index';
import { isPublicPostRow } from './post-visibility';
import { auditLog, commentReports, comments, posts, users, type Role } from './schema';

/**
 * Comments on published recaps: one level of replies, soft deletes, moderation by the post's
 * author and admins, reports for admins.
 *
 * Ownership is part of every WHERE clause: editing or deleting someone else's comment matches no
 * row, which is the same answer as "no such comment". Writes that depend on the thread's state
 * (published, comments on, not locked, the rate limit) check it in the same `BEGIN IMMEDIATE`
 * transaction as the insert, so two requests cannot both slip past a limit.
 *
 * User ids always come from the caller's session, never from a form: these functions trust them.
 */

type Actor = { id: number; role: Role };

/** A post takes comments when it is public (published, its time has come) with comments on and the thread open. */
type ThreadState = { id: number; slug: string; authorId: number | null; commentsEnabled: boolean; commentsLocked: boolean; isPublic: boolean };

const threadColumns = {
  id: posts.id,
  slug: posts.slug,
  authorId: posts.authorId,
  commentsEnabled: posts.commentsEnabled,
  commentsLocked: posts.commentsLocked,
  status: posts.status,
  publishedAt: posts.publishedAt,
};

function readThread(tx: Pick<typeof db, 'select'>, postId: number, now: number): ThreadState | null {
  const row = tx.select(threadColumns).from(posts).where(eq(posts.id, postId)).get();
  if (!row) return null;
  const isPublic = isPublicPostRow(row, now);
  return { id: row.id, slug: row.slug, authorId: row.authorId, commentsEnabled: row.commentsEnabled, commentsLocked: row.commentsLocked, isPublic };
}

export type ClosedReason = 'not-found' | 'off' | 'locked';

/** Why a thread takes no new words: drafts and unknown posts look the same ("not-found"). */
function closedReason(thread: ThreadState | null): ClosedReason | null {
  if (!thread || !thread.isPublic) return 'not-found';
  if (!thread.commentsEnabled) return 'off';
  if (thread.commentsLocked) return 'locked';
  return null;
}

const canModerate = (actor: Actor, thread: Pick<ThreadState, 'authorId'>) => hasRole(actor, 'admin') || thread.authorId === actor.id;

// ------------------------------------------------------------------ writing

export type CreateResult =
  | { ok: true; id: number; slug: string }
  | { ok: false; reason: ClosedReason | 'parent-gone' }
  | { ok: false; reason: 'rate-limited'; retryAt: number };

/**
 * A new comment, or a reply. A reply to a reply joins its parent's thread (one level deep, as the
 * thread shows it). A hidden comment still holds its thread together: hiding takes its words away
 * from readers, not the conversation under it (locking a thread is how replies are stopped).
 * `bodyHtml` is rendered by the caller, before the write lock is taken.
 */
export function createComment(
  { userId, postId, parentId, bodyMarkdown, bodyHtml }: { userId: number; postId: number; parentId: number | null; bodyMarkdown: string; bodyHtml: string },
  now = Date.now(),
): CreateResult {
  return db.transaction(
    (tx) => {
      const thread = readThread(tx, postId, now);
      const closed = closedReason(thread);
      if (closed) return { ok: false as const, reason: closed };

      let parent: number | null = null;
      if (parentId !== null) {
        const row = tx
          .select({ id: comments.id, parentId: comments.parentId, deletedAt: comments.deletedAt })
          .from(comments)
          .where(and(eq(comments.id, parentId), eq(comments.postId, postId)))
          .get();
        if (!row || row.deletedAt !== null) return { ok: false as const, reason: 'parent-gone' as const };
        parent = row.parentId ?? row.id;
      }

      const recent = tx
        .select({ at: comments.createdAt })
        .from(comments)
        .where(and(eq(comments.authorId, userId), gt(comments.createdAt, now - COMMENT_RATE.windowMs)))
        .orderBy(desc(comments.createdAt))
        .limit(COMMENT_RATE.max)
        .all();
      if (recent.length >= COMMENT_RATE.max) {
        // The oldest of the last `max` leaves the window first.
        return { ok: false as const, reason: 'rate-limited' as const, retryAt: recent[recent.length - 1].at + COMMENT_RATE.windowMs };
      }

      const [row] = tx
        .insert(comments)
        .values({ postId, parentId: parent, authorId: userId, bodyMarkdown, bodyHtml, createdAt: now })
        .returning({ id: comments.id })
        .all();
      return { ok: true as const, id: row.id, slug: thread!.slug };
    },
    { behavior: 'immediate' },
  );
}

export type ChangeResult = { ok: true; slug: string } | { ok: false; reason: ClosedReason | 'not-yours' };

/** The writer's own comment, in a thread that still takes words; marks it edited. */
export function updateComment(
  { userId, commentId, bodyMarkdown, bodyHtml }: { userId: number; commentId: number; bodyMarkdown: string; bodyHtml: string },
  now = Date.now(),
): ChangeResult {
  return db.transaction(
    (tx) => {
      const own = tx
        .select({ postId: comments.postId, bodyMarkdown: comments.bodyMarkdown })
        .from(comments)
        .where(and(eq(comments.id, commentId), eq(comments.authorId, userId), isNull(comments.deletedAt)))
        .get();
      if (!own) return { ok: false as const, reason: 'not-yours' as const };
      const thread = readThread(tx, own.postId, now);
      const closed = closedReason(thread);
      if (closed) return { ok: false as const, reason: closed };
      if (own.bodyMarkdown !== bodyMarkdown) {
        tx.update(comments)
          .set({ bodyMarkdown, bodyHtml, editedAt: now })
          .where(and(eq(comments.id, commentId), eq(comments.authorId, userId)))
          .run();
      }
      return { ok: true as const, slug: thread!.slug };
    },
    { behavior: 'immediate' },
  );
}

/**
 * The writer deletes their own comment: its words go at once; the row stays (as "deleted") so
 * replies keep their place. Allowed in a locked thread too: taking your words back is always possible.
 */
export function deleteComment({ userId, commentId }: { userId: number; commentId: number }, now = Date.now()): ChangeResult {
  const row = db
    .update(comments)
    .set({ deletedAt: now, bodyMarkdown: '', bodyHtml: '' })
    .where(and(eq(comments.id, commentId), eq(comments.authorId, userId), isNull(comments.deletedAt)))
    .returning({ postId: comments.postId })
    .get();
  if (!row) return { ok: false, reason: 'not-yours' };
  const post = db.select({ slug: posts.slug }).from(posts).where(eq(posts.id, row.postId)).get();
  return { ok: true, slug: post?.slug ?? '' };
}

// ------------------------------------------------------------------ moderation

export type ModerateResult = { ok: true; changed: boolean; slug: string; postId: number } | { ok: false; reason: 'not-found' | 'forbidden' };

function audit(tx: Pick<typeof db, 'insert'>, actorId: number, action: string, entity: string, entityId: number, detail: object, at: number) {
  tx.insert(auditLog).values({ actorId, action, entity, entityId, detail: JSON.stringify(detail), at }).run();
}

/** Hide or show a comment: the post's author or an admin. Audited as `comment.hide` / `comment.unhide`. */
export function setCommentHidden({ actor, commentId, hidden }: { actor: Actor; commentId: number; hidden: boolean }, now = Date.now()): ModerateResult {
  return db.transaction(
    (tx) => {
      const row = tx
        .select({ postId: comments.postId, hiddenAt: comments.hiddenAt, authorId: posts.authorId, slug: posts.slug })
        .from(comments)
        .innerJoin(posts, eq(posts.id, comments.postId))
        .where(and(eq(comments.id, commentId), isNull(comments.deletedAt)))
        .get();
      if (!row) return { ok: false as const, reason: 'not-found' as const };
      if (!canModerate(actor, row)) return { ok: false as const, reason: 'forbidden' as const };
      if ((row.hiddenAt !== null) === hidden) return { ok: true as const, changed: false, slug: row.slug, postId: row.postId };
      tx.update(comments).set({ hiddenAt: hidden ? now : null }).where(eq(comments.id, commentId)).run();
      audit(tx, actor.id, hidden ? 'comment.hide' : 'comment.unhide', 'comment', commentId, { postId: row.postId }, now);
      return { ok: true as const, changed: true, slug: row.slug, postId: row.postId };
    },
    { behavior: 'immediate' },
  );
}

export type ThreadOp = 'lock' | 'unlock' | 'off' | 'on';

/**
 * Lock/unlock the thread or turn comments off/on: the post's author or an admin. Turning comments
 * off or on changes the post the editor holds, so it takes a new version: an editor open elsewhere
 * gets a conflict instead of silently turning them back.
 */
export function setThreadState({ actor, postId, op }: { actor: Actor; postId: number; op: ThreadOp }, now = Date.now()): ModerateResult {
  return db.transaction(
    (tx) => {
      const thread = tx.select(threadColumns).from(posts).where(eq(posts.id, postId)).get();
      if (!thread || thread.status === 'deleted') return { ok: false as const, reason: 'not-found' as const };
      if (!canModerate(actor, thread)) return { ok: false as const, reason: 'forbidden' as const };
      const same = op === 'lock' || op === 'unlock' ? thread.commentsLocked === (op === 'lock') : thread.commentsEnabled === (op === 'on');
      if (same) return { ok: true as const, changed: false, slug: thread.slug, postId };
      tx.update(posts)
        .set(
          op === 'lock' || op === 'unlock'
            ? { commentsLocked: op === 'lock', updatedAt: sql`${posts.updatedAt}` }
            : { commentsEnabled: op === 'on', version: sql`${posts.version} + 1`, updatedAt: now },
        )
        .where(eq(posts.id, postId))
        .run();
      audit(tx, actor.id, `comments.${op}`, 'post', postId, {}, now);
      return { ok: true as const, changed: true, slug: thread.slug, postId };
    },
    { behavior: 'immediate' },
  );
}

export type ReportResult = { ok: true; slug: string } | { ok: false; reason: 'not-found' | 'own' };

/** Anyone signed in reports a visible comment that is not their own; a second report updates their reason. */
export function reportComment({ userId, commentId, reason }: { userId: number; commentId: number; reason: string }, now = Date.now()): ReportResult {
  return db.transaction(
    (tx) => {
      const row = tx
        .select({ authorId: comments.authorId, slug: posts.slug, status: posts.status, publishedAt: posts.publishedAt })
        .from(comments)
        .innerJoin(posts, eq(posts.id, comments.postId))
        .where(and(eq(comments.id, commentId), isNull(comments.deletedAt), isNull(comments.hiddenAt)))
        .get();
      if (!row || !isPublicPostRow(row, now)) return { ok: false as const, reason: 'not-found' as const };
      if (row.authorId === userId) return { ok: false as const, reason: 'own' as const };
      const open = and(eq(commentReports.commentId, commentId), eq(commentReports.reporterId, userId), isNull(commentReports.resolvedAt));
      const existing = tx.select({ id: commentReports.id }).from(commentReports).where(open).get();
      if (existing) tx.update(commentReports).set({ reason, createdAt: now }).where(eq(commentReports.id, existing.id)).run();
      else tx.insert(commentReports).values({ commentId, reporterId: userId, reason, createdAt: now }).run();
      return { ok: true as const, slug: row.slug };
    },
    { behavior: 'immediate' },
  );
}

/** Admins close every open report of a comment, optionally hiding it in the same transaction. */
export function resolveReports({ actor, commentId, hide }: { actor: Actor; commentId: number; hide: boolean }, now = Date.now()): ModerateResult {
  if (!hasRole(actor, 'admin')) return { ok: false, reason: 'forbidden' };
  return db.transaction(
    (tx) => {
      const row = tx
        .select({ postId: comments.postId, hiddenAt: comments.hiddenAt, slug: posts.slug })
        .from(comments)
        .innerJoin(posts, eq(posts.id, comments.postId))
        .where(eq(comments.id, commentId))
        .get();
      if (!row) return { ok: false as const, reason: 'not-found' as const };
      const closed = tx
        .update(commentReports)
        .set({ resolvedAt: now, resolvedBy: actor.id })
        .where(and(eq(commentReports.commentId, commentId), isNull(commentReports.resolvedAt)))
        .run().changes;
      const hiding = hide && row.hiddenAt === null;
      if (hiding) tx.update(comments).set({ hiddenAt: now }).where(eq(comments.id, commentId)).run();
      if (closed || hiding) audit(tx, actor.id, hide ? 'comment.hide' : 'comment.resolve', 'comment', commentId, { postId: row.postId, reports: closed }, now);
      return { ok: true as const, changed: closed > 0 || hiding, slug: row.slug, postId: row.postId };
    },
    { behavior: 'immediate' },
  );
}

// ------------------------------------------------------------------ reading

const threadRowColumns = {
  id: comments.id,
  parentId: comments.parentId,
  authorId: comments.authorId,
  authorName: users.name,
  bodyHtml: comments.bodyHtml,
  createdAt: comments.createdAt,
  editedAt: comments.editedAt,
  deletedAt: comments.deletedAt,
  hiddenAt: comments.hiddenAt,
};

/**
 * The public thread of a post, oldest first, replies under their comment. Hidden and deleted
 * comments are left out, except a top-level one with visible replies, which stays as a stub
 * without name or words. `count` is what readers can read.
 */
export function getThreadByPost({ postId }: { postId: number }): { comments: ThreadComment[]; count: number } {
  const rows = db
    .select(threadRowColumns)
    .from(comments)
    .leftJoin(users, eq(users.id, comments.authorId))
    .where(eq(comments.postId, postId))
    .orderBy(asc(comments.createdAt), asc(comments.id))
    .all();
  const visible = (r: (typeof rows)[number]) => r.deletedAt === null && r.hiddenAt === null;
  const toView = (r: (typeof rows)[number]): ThreadComment =>
    visible(r)
      ? { id: r.id, parentId: r.parentId, authorId: r.authorId, authorName: r.authorName, bodyHtml: r.bodyHtml, createdAt: r.createdAt, editedAt: r.editedAt, state: 'visible', replies: [] }
      : { id: r.id, parentId: r.parentId, authorId: null, authorName: null, bodyHtml: '', createdAt: r.createdAt, editedAt: null, state: r.deletedAt !== null ? 'deleted' : 'hidden', replies: [] };

  const replies = new Map<number, ThreadComment[]>();
  for (const r of rows) {
    if (r.parentId !== null && visible(r)) replies.set(r.parentId, [...(replies.get(r.parentId) ?? []), toView(r)]);
  }
  const thread: ThreadComment[] = [];
  let count = 0;
  for (const r of rows) {
    if (r.parentId !== null) continue;
    const under = replies.get(r.id) ?? [];
    count += under.length + (visible(r) ? 1 : 0);
    if (visible(r) || under.length > 0) thread.push({ ...toView(r), replies: under });
  }
  return { comments: thread, count };
}

/**
 * Readable comments per post, for the post lists: every comment neither hidden nor deleted (a
 * reply under a deleted comment is still read, under its stub), as `getThreadByPost` counts them.
 */
export function getCommentCountsByPosts(postIds: number[]): Map<number, number> {
  if (postIds.length === 0) return new Map();
  const rows = db
    .select({ postId: comments.postId, n: sql<number>`count(*)` })
    .from(comments)
    .where(and(inArray(comments.postId, postIds), isNull(comments.deletedAt), isNull(comments.hiddenAt)))
    .groupBy(comments.postId)
    .all();
  return new Map(rows.map((r) => [r.postId, r.n]));
}

/** What the person reading a post may do there, and the hidden comments they may see. */
export function getCommentViewer({ user, postId }: { user: Actor; postId: number }): { canModerate: boolean; hidden: HiddenComment[]; own: Record<number, string> } {
  const thread = db.select({ authorId: posts.authorId }).from(posts).where(eq(posts.id, postId)).get();
  if (!thread) return { canModerate: false, hidden: [], own: {} };
  // The markdown of the viewer's own comments, for their edit forms.
  const own = db
    .select({ id: comments.id, bodyMarkdown: comments.bodyMarkdown })
    .from(comments)
    .where(and(eq(comments.postId, postId), eq(comments.authorId, user.id), isNull(comments.deletedAt)))
    .limit(500)
    .all();
  const moderator = canModerate(user, thread);
  const hidden = db
    .select({
      id: comments.id,
      parentId: comments.parentId,
      authorId: comments.authorId,
      authorName: users.name,
      bodyHtml: comments.bodyHtml,
      createdAt: comments.createdAt,
      hiddenAt: comments.hiddenAt,
    })
    .from(comments)
    .leftJoin(users, eq(users.id, comments.authorId))
    .where(and(eq(comments.postId, postId), isNotNull(comments.hiddenAt), isNull(comments.deletedAt), moderator ? undefined : eq(comments.authorId, user.id)))
    .orderBy(asc(comments.createdAt), asc(comments.id))
    .limit(200)
    .all();
  return { canModerate: moderator, hidden: hidden as HiddenComment[], own: Object.fromEntries(own.map((c) => [c.id, c.bodyMarkdown])) };
}

export type ReportedComment = {
  commentId: number;
  postSlug: string;
  postTitle: string;
  authorName: string | null;
  bodyHtml: string;
  createdAt: number;
  hidden: boolean;
  deleted: boolean;
  reports: { reporterName: string | null; reason: string; createdAt: number; resolvedAt: number | null }[];
};

/** For /admin/comments: comments with open reports (or, `resolved`, the latest resolved ones), newest report first. */
export function getReportedComments({ resolved = false, limit = 100 }: { resolved?: boolean; limit?: number } = {}): ReportedComment[] {
  const reporter = sql<string | null>`(select name from users where users.id = ${commentReports.reporterId})`;
  const rows = db
    .select({
      commentId: comments.id,
      postSlug: posts.slug,
      postTitle: posts.title,
      authorName: users.name,
      bodyHtml: comments.bodyHtml,
      createdAt: comments.createdAt,
      hiddenAt: comments.hiddenAt,
      deletedAt: comments.deletedAt,
      reporterName: reporter,
      reason: commentReports.reason,
      reportedAt: commentReports.createdAt,
      resolvedAt: commentReports.resolvedAt,
    })
    .from(commentReports)
    .innerJoin(comments, eq(comments.id, commentReports.commentId))
    .innerJoin(posts, eq(posts.id, comments.postId))
    .leftJoin(users, eq(users.id, comments.authorId))
    .where(resolved ? isNotNull(commentReports.resolvedAt) : isNull(commentReports.resolvedAt))
    .orderBy(desc(resolved ? commentReports.resolvedAt : commentReports.createdAt), desc(commentReports.id))
    .limit(limit * 5)
    .all();
  const byComment = new Map<number, ReportedComment>();
  for (const r of rows) {
    let entry = byComment.get(r.commentId);
    if (!entry) {
      if (byComment.size >= limit) continue;
      entry = {
        commentId: r.commentId,
        postSlug: r.postSlug,
        postTitle: r.postTitle,
        authorName: r.authorName,
        bodyHtml: r.bodyHtml,
        createdAt: r.createdAt,
        hidden: r.hiddenAt !== null,
        deleted: r.deletedAt !== null,
        reports: [],
      };
      byComment.set(r.commentId, entry);
    }
    entry.reports.push({ reporterName: r.reporterName, reason: r.reason, createdAt: r.reportedAt, resolvedAt: r.resolvedAt });
  }
  return [...byComment.values()];
}

/** How many comments wait for an admin, for the admin navigation. */
export function countOpenReports(): number {
  const row = db
    .select({ n: sql<number>`count(distinct ${commentReports.commentId})` })
    .from(commentReports)
    .where(isNull(commentReports.resolvedAt))
    .get();
  return row?.n ?? 0;
}

