'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import {
  createComment,
  deleteComment,
  reportComment,
  setCommentHidden,
  setThreadState,
  updateComment,
  type ClosedReason,
} from '@/db/comments';
import { action, ActionError, MESSAGES } from '@/lib/action';
import { formatWait } from '@/lib/auth/rate-limit';
import { COMMENT_MAX_LENGTH, COMMENT_RATE, commentLength, normalizeCommentBody, REPORT_REASON_MAX_LENGTH } from '@/lib/comments';
import { renderCommentMarkdown } from '@/lib/markdown';

/**
 * Comments under a recap. Every action goes through `action()` (lib/action.ts): Origin, session,
 * role and zod first; the writer is always the session's user, and ownership or moderation rights
 * are checked by the queries themselves. A change re-renders that post's page only: the home
 * page's comment counts follow within its regular revalidation window.
 */

const id = (what: string) => z.coerce.number({ error: `Unknown ${what}.` }).int(`Unknown ${what}.`).positive(`Unknown ${what}.`);

const body = z
  .string({ error: 'Write something first.' })
  .transform((v) => normalizeCommentBody(v))
  .refine((v) => v.length > 0, 'Write something first.')
  .refine((v) => commentLength(v) <= COMMENT_MAX_LENGTH, `A comment can be at most ${COMMENT_MAX_LENGTH.toLocaleString('en-GB')} characters.`);

const CLOSED: Record<ClosedReason, string> = {
  'not-found': 'This recap does not take comments.',
  off: 'Comments are turned off for this recap.',
  locked: 'This thread is locked: no new comments, replies or edits.',
};

const refresh = (slug: string) => revalidatePath(`/posts/${slug}`);

const createSchema = z.object({
  postId: id('recap'),
  parentId: z.preprocess((v) => (v === '' ? undefined : v), id('comment').optional()),
  body,
});

/** A new comment or a reply. Refused on drafts, with comments off, in a locked thread, and past the rate limit. */
export const createCommentAction = action({ schema: createSchema }, async (data, user) => {
  const result = createComment({
    userId: user.id,
    postId: data.postId,
    parentId: data.parentId ?? null,
    bodyMarkdown: data.body,
    bodyHtml: renderCommentMarkdown(data.body),
  });
  if (!result.ok) {
    if (result.reason === 'rate-limited') {
      const wait = `You can post ${COMMENT_RATE.max} comments every ${COMMENT_RATE.windowMs / 60_000} minutes. Please wait ${formatWait(result.retryAt)} before posting again.`;
      throw new ActionError(wait, { body: [wait] });
    }
    if (result.reason === 'parent-gone') throw new ActionError('The comment you replied to is no longer there.');
    throw new ActionError(CLOSED[result.reason]);
  }
  refresh(result.slug);
  return { ok: true, message: data.parentId ? 'Your reply is posted.' : 'Your comment is posted.', values: { body: '', commentId: String(result.id) } };
});

const editSchema = z.object({ commentId: id('comment'), body });

/** The writer edits their own comment; anyone else's matches nothing. */
export const editCommentAction = action({ schema: editSchema }, async (data, user) => {
  const result = updateComment({ userId: user.id, commentId: data.commentId, bodyMarkdown: data.body, bodyHtml: renderCommentMarkdown(data.body) });
  if (!result.ok) throw new ActionError(result.reason === 'not-yours' ? 'You can only edit your own comments.' : CLOSED[result.reason]);
  refresh(result.slug);
  return { ok: true, message: 'Your comment is updated.' };
});

const deleteSchema = z.object({ commentId: id('comment') });

/** The writer deletes their own comment; replies stay under a "deleted" stub. */
export const deleteCommentAction = action({ schema: deleteSchema }, async (data, user) => {
  const result = deleteComment({ userId: user.id, commentId: data.commentId });
  if (!result.ok) throw new ActionError('You can only delete your own comments.');
  refresh(result.slug);
  return { ok: true, message: 'Your comment is deleted.' };
});

const reportSchema = z.object({
  commentId: id('comment'),
  reason: z
    .string({ error: 'Say briefly what is wrong with it.' })
    .transform((v) => normalizeCommentBody(v))
    .refine((v) => v.length > 0, 'Say briefly what is wrong with it.')
    .refine((v) => commentLength(v) <= REPORT_REASON_MAX_LENGTH, `At most ${REPORT_REASON_MAX_LENGTH} characters.`),
});

/** Any signed-in reader reports someone else's comment to the admins. */
export const reportCommentAction = action({ schema: reportSchema }, async (data, user) => {
  const result = reportComment({ userId: user.id, commentId: data.commentId, reason: data.reason });
  if (!result.ok) throw new ActionError(result.reason === 'own' ? 'You cannot report your own comment: edit or delete it instead.' : 'That comment is no longer there.');
  return { ok: true, message: 'Thank you: an admin will look at it.' };
});

const hideSchema = z.object({ commentId: id('comment'), op: z.enum(['hide', 'unhide'], { error: 'Unknown moderation action.' }) });

/** The post's author or an admin hides a comment from readers (its writer still sees it, marked hidden), or shows it again. */
export const moderateCommentAction = action({ schema: hideSchema }, async (data, user) => {
  const result = setCommentHidden({ actor: user, commentId: data.commentId, hidden: data.op === 'hide' });
  if (!result.ok) {
    if (result.reason === 'forbidden') return { ok: false, message: MESSAGES.forbidden };
    throw new ActionError('That comment is no longer there.');
  }
  if (result.changed) refresh(result.slug);
  return { ok: true, message: data.op === 'hide' ? 'Comment hidden from readers.' : 'Comment shown again.' };
});

const threadSchema = z.object({ postId: id('recap'), op: z.enum(['lock', 'unlock', 'off', 'on'], { error: 'Unknown thread action.' }) });

const THREAD_DONE = {
  lock: 'Thread locked: nobody can add or edit comments.',
  unlock: 'Thread open again.',
  off: 'Comments turned off: the thread is no longer shown.',
  on: 'Comments turned on.',
} as const;

/** The post's author or an admin locks the thread or turns comments off (and back). */
export const setThreadAction = action({ schema: threadSchema }, async (data, user) => {
  const result = setThreadState({ actor: user, postId: data.postId, op: data.op });
  if (!result.ok) {
    if (result.reason === 'forbidden') return { ok: false, message: MESSAGES.forbidden };
    throw new ActionError('That recap is no longer there.');
  }
  if (result.changed) refresh(result.slug);
  return { ok: true, message: THREAD_DONE[data.op] };
});
