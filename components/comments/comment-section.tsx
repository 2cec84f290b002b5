import { commentAnchor, type ThreadComment } from '@/lib/comments';
import { formatExactTime } from '@/lib/dates';
import { RelativeTime } from '../relative-time';
import { CommentControls } from './comment-controls';
import { CommentForm } from './comment-form';
import { CommentViewerProvider } from './comment-viewer';
import { HiddenComments, ThreadModeration } from './thread-moderation';

/**
 * The comment thread under a recap, part of the cached post page: the same HTML for everyone,
 * oldest first, one level of replies. What depends on the reader (sign in, reply, edit, moderate)
 * lives in small client islands that ask `/api/me/comments` once.
 */
export function CommentSection({
  postId,
  enabled,
  locked,
  comments,
  count,
}: {
  postId: number;
  enabled: boolean;
  locked: boolean;
  comments: ThreadComment[];
  count: number;
}) {
  const version = [enabled, locked, ...comments.flatMap((c) => [c, ...c.replies]).map((c) => `${c.id}:${c.state}:${c.editedAt ?? ''}`)].join(',');
  return (
    <CommentViewerProvider postId={postId} version={version}>
      <section id="comments" aria-labelledby="comments-heading" className="mt-16 scroll-mt-20 border-t border-stone-200 pt-8 dark:border-stone-800">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="comments-heading" className="text-2xl font-bold tracking-tight text-stone-900 dark:text-white">
            Comments{enabled && count > 0 && ' '}
            {enabled && count > 0 && <span className="text-lg font-medium text-stone-500 dark:text-stone-400">{count}</span>}
          </h2>
          <ThreadModeration postId={postId} enabled={enabled} locked={locked} />
        </div>
        {!enabled ? (
          <p className="mt-3 text-stone-600 dark:text-stone-400">Comments are turned off for this recap.</p>
        ) : (
          <>
            {locked && (
              <p className="mt-3 rounded-lg bg-stone-100 px-3 py-2 text-sm text-stone-700 dark:bg-stone-900 dark:text-stone-300">
                <span aria-hidden="true">🔒 </span>This thread is locked: it can be read, but takes no new comments or replies.
              </p>
            )}
            {comments.length === 0 ? (
              <p className="mt-3 text-stone-600 dark:text-stone-400">{locked ? 'No comments.' : 'No comments yet. Questions about a talk are welcome.'}</p>
            ) : (
              <ol className="mt-6 space-y-6" aria-label="Comments">
                {comments.map((c) => (
                  <li key={c.id}>
                    <Comment postId={postId} comment={c} open={!locked} />
                    {c.replies.length > 0 && (
                      <ol className="mt-4 ml-4 space-y-4 border-l-2 border-stone-200 pl-4 sm:ml-8 sm:pl-6 dark:border-stone-800" aria-label={`Replies to ${c.state === 'hidden' ? 'the hidden comment' : (c.authorName ?? 'this comment')}`}>
                        {c.replies.map((r) => (
                          <li key={r.id}>
                            <Comment postId={postId} comment={r} open={!locked} />
                          </li>
                        ))}
                      </ol>
                    )}
                  </li>
                ))}
              </ol>
            )}
            <HiddenComments />
            {!locked && (
              <div className="mt-8">
                <CommentForm mode={{ kind: 'new', postId }} />
              </div>
            )}
          </>
        )}
      </section>
    </CommentViewerProvider>
  );
}

function Comment({ postId, comment: c, open }: { postId: number; comment: ThreadComment; open: boolean }) {
  const headingId = `${commentAnchor(c.id)}-by`;
  if (c.state === 'deleted') {
    return (
      <article id={commentAnchor(c.id)} className="scroll-mt-20 rounded-lg bg-stone-50 px-4 py-3 text-sm italic text-stone-500 dark:bg-stone-900 dark:text-stone-400">
        This comment was deleted.
      </article>
    );
  }
  if (c.state === 'hidden') {
    // The thread goes on under it: readers can still reply here, to the thread.
    return (
      <article id={commentAnchor(c.id)} aria-label="Hidden comment" className="scroll-mt-20 rounded-lg bg-stone-50 px-4 py-3 text-sm text-stone-500 dark:bg-stone-900 dark:text-stone-400">
        <p className="italic">Hidden comment: a moderator took its words off the thread.</p>
        <CommentControls postId={postId} commentId={c.id} authorId={null} authorName="the hidden comment" open={open} placeholder />
      </article>
    );
  }
  const name = c.authorName ?? 'A former member';
  return (
    // While its writer edits it, the form takes the body's place (`data-editing` on the form's box).
    <article id={commentAnchor(c.id)} aria-labelledby={headingId} tabIndex={-1} className="group/comment scroll-mt-20 rounded-md focus:outline-none focus-visible:ring-2 focus-visible:ring-accent-600">
      <header className="flex flex-wrap items-baseline gap-x-2 text-sm">
        <h3 id={headingId} className="font-semibold text-stone-900 dark:text-white">
          {name}
        </h3>
        <a href={`#${commentAnchor(c.id)}`} className="text-stone-500 hover:underline dark:text-stone-400">
          <RelativeTime at={c.createdAt} />
        </a>
        {c.editedAt !== null && (
          <span className="text-xs text-stone-500 dark:text-stone-400" title={`Edited ${formatExactTime(c.editedAt)}`}>
            (edited)
          </span>
        )}
      </header>
      <div
        className="prose prose-stone mt-1 max-w-none break-words group-has-[[data-editing]]/comment:hidden dark:prose-invert prose-p:my-2 prose-code:before:content-none prose-code:after:content-none prose-pre:bg-stone-100 prose-pre:text-stone-800 dark:prose-pre:bg-stone-900 dark:prose-pre:text-stone-200"
        dangerouslySetInnerHTML={{ __html: c.bodyHtml }}
      />
      <CommentControls postId={postId} commentId={c.id} authorId={c.authorId} authorName={name} open={open} />
    </article>
  );
}
