'use client';

import { moderateCommentAction, setThreadAction } from '@/app/posts/[slug]/actions';
import { commentAnchor } from '@/lib/comments';
import { RelativeTime } from '../relative-time';
import { ActionButton } from './action-button';
import { useCommentViewer } from './comment-viewer';

/** For the post's author and admins: lock the thread, turn comments off, and back. */
export function ThreadModeration({ postId, enabled, locked }: { postId: number; enabled: boolean; locked: boolean }) {
  const { viewer, reload } = useCommentViewer();
  if (!viewer?.canModerate) return null;
  return (
    <div className="flex flex-wrap gap-2" role="group" aria-label="Moderate the thread">
      {enabled && (
        <ActionButton action={setThreadAction} fields={{ postId, op: locked ? 'unlock' : 'lock' }} pendingLabel="Working…" onDone={reload}>
          {locked ? 'Unlock thread' : 'Lock thread'}
        </ActionButton>
      )}
      <ActionButton action={setThreadAction} fields={{ postId, op: enabled ? 'off' : 'on' }} pendingLabel="Working…" onDone={reload}>
        {enabled ? 'Turn comments off' : 'Turn comments on'}
      </ActionButton>
    </div>
  );
}

/**
 * Hidden comments are off the public thread. Their writers still see their own, marked hidden;
 * moderators see them all, with the way back.
 */
export function HiddenComments() {
  const { viewer, reload } = useCommentViewer();
  const hidden = viewer?.hidden ?? [];
  if (hidden.length === 0) return null;
  const moderator = !!viewer?.canModerate;
  return (
    <section aria-labelledby="hidden-comments" className="mt-6 rounded-xl border border-dashed border-amber-400 p-4 dark:border-amber-700">
      <h3 id="hidden-comments" className="text-sm font-semibold text-stone-900 dark:text-white">
        {moderator ? 'Hidden from readers (only moderators and their writers see these)' : 'Your hidden comments (only you see these)'}
      </h3>
      <ul className="mt-3 space-y-4">
        {hidden.map((c) => (
          <li key={c.id} id={commentAnchor(c.id)} className="text-sm">
            <p className="text-stone-600 dark:text-stone-400">
              <span className="font-semibold text-stone-900 dark:text-white">{c.authorName ?? 'A former member'}</span>
              {' · '}
              <RelativeTime at={c.createdAt} />
              {' · '}
              <span className="rounded bg-amber-100 px-1.5 text-xs font-semibold text-amber-900 dark:bg-amber-950 dark:text-amber-200">hidden</span>
              {c.parentId !== null && <span> · a reply</span>}
            </p>
            <div className="prose prose-sm prose-stone mt-1 max-w-none dark:prose-invert" dangerouslySetInnerHTML={{ __html: c.bodyHtml }} />
            {moderator && (
              <div className="mt-2">
                <ActionButton action={moderateCommentAction} fields={{ commentId: c.id, op: 'unhide' }} pendingLabel="Working…" onDone={reload}>
                  Show again
                </ActionButton>
              </div>
            )}
          </li>
        ))}
      </ul>
      {!moderator && <p className="mt-3 text-xs text-stone-500 dark:text-stone-400">A moderator hid these from the thread. Readers do not see them.</p>}
    </section>
  );
}
