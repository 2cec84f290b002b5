/**
 * Comment rules shared by the server (actions, queries) and the browser (the forms): limits, the
 * body's normal form and the shapes the thread is drawn from. No server imports here.
 */

export const COMMENT_MAX_LENGTH = 5000;
export const REPORT_REASON_MAX_LENGTH = 500;

/** At most this many comments per person within the window (deleted ones count too). */
export const COMMENT_RATE = { max: 10, windowMs: 10 * 60_000 } as const;

/** Line breaks as LF, no NUL, trimmed; empty means nothing was written. */
export function normalizeCommentBody(text: string | null | undefined): string {
  return (text ?? '').replace(/\r\n?/g, '\n').replace(/\u0000/g, '').trim();
}

/** Length as the limit counts it: code points, so an emoji counts as one character. */
export function commentLength(text: string): number {
  return [...text].length;
}

/**
 * One comment as the thread shows it. `state` is 'visible' for a normal comment; a deleted or
 * hidden top-level comment stays in the public thread as a stub (no body, no name) only while it
 * has visible replies, so those keep their context.
 */
export type ThreadComment = {
  id: number;
  parentId: number | null;
  authorId: number | null;
  authorName: string | null;
  bodyHtml: string;
  createdAt: number;
  editedAt: number | null;
  state: 'visible' | 'deleted' | 'hidden';
  replies: ThreadComment[];
};

/** A hidden comment, for its writer and for moderators. */
export type HiddenComment = Pick<ThreadComment, 'id' | 'parentId' | 'authorId' | 'authorName' | 'bodyHtml' | 'createdAt'> & { hiddenAt: number };

/** What `/api/me/comments` tells the thread about the person reading it. */
export type CommentViewer = {
  signedIn: boolean;
  userId?: number;
  /** The post's author or an admin: may hide comments, lock the thread or turn comments off. */
  canModerate?: boolean;
  /** The viewer's own hidden comments; for moderators every hidden comment of the post. */
  hidden?: HiddenComment[];
  /** The markdown of the viewer's own comments on the post, by id, for their edit forms. */
  own?: Record<number, string>;
};

/** The `#comment-12` anchor of a comment on its post page. */
export const commentAnchor = (id: number) => `comment-${id}`;
