'use client';

import { useActionState, useEffect, useId, useRef, useState } from 'react';
import { deleteCommentAction, moderateCommentAction, reportCommentAction } from '@/app/posts/[slug]/actions';
import { buttonClass } from '@/components/ui/button';
import { FieldErrors, inputClass } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { initialActionState } from '@/lib/action-state';
import { REPORT_REASON_MAX_LENGTH } from '@/lib/comments';
import { ActionButton } from './action-button';
import { CommentForm } from './comment-form';
import { useCommentViewer } from './comment-viewer';

/**
 * The row of controls under one comment, for the person reading it: reply (open threads; a reply
 * to a reply joins the thread), edit and delete (their own), report and, for the post's author and
 * admins, hide (someone else's). A hidden comment's placeholder offers the reply alone. Nothing
 * renders until the viewer is known, and nothing for visitors signed out.
 */

type Open = 'reply' | 'edit' | 'delete' | 'report' | null;

const linkButton = 'rounded px-1 text-sm font-medium text-stone-600 hover:text-accent-700 hover:underline dark:text-stone-400 dark:hover:text-accent-400';

export function CommentControls({
  postId,
  commentId,
  authorId,
  authorName,
  open: threadOpen,
  placeholder = false,
}: {
  postId: number;
  commentId: number;
  authorId: number | null;
  authorName: string;
  /** The thread takes new words (not locked). */
  open: boolean;
  /** The placeholder of a hidden comment: nothing of it left to edit, report or hide. */
  placeholder?: boolean;
}) {
  const { viewer, reload, focusIfAsked } = useCommentViewer();
  const [open, setOpen] = useState<Open>(null);
  const row = useRef<HTMLDivElement>(null);
  useEffect(() => focusIfAsked(commentId, row.current?.closest('article') ?? null), [commentId, focusIfAsked, viewer]);
  if (!viewer?.signedIn) return null;
  const mine = authorId !== null && authorId === viewer.userId;
  const others = !mine && !placeholder;
  const markdown = viewer.own?.[commentId];
  const toggle = (what: Exclude<Open, null>) => setOpen((o) => (o === what ? null : what));
  const about = placeholder ? authorName : `the comment by ${authorName}`;

  return (
    <div className="mt-2" ref={row}>
      <div className="flex flex-wrap items-center gap-x-2" role="group" aria-label={`Actions on ${about}`}>
        {threadOpen && (
          <button type="button" className={linkButton} aria-expanded={open === 'reply'} onClick={() => toggle('reply')}>
            Reply
          </button>
        )}
        {mine && threadOpen && markdown !== undefined && (
          <button type="button" className={linkButton} aria-expanded={open === 'edit'} onClick={() => toggle('edit')}>
            Edit
          </button>
        )}
        {mine && (
          <button type="button" className={linkButton} aria-expanded={open === 'delete'} onClick={() => toggle('delete')}>
            Delete
          </button>
        )}
        {others && (
          <button type="button" className={linkButton} aria-expanded={open === 'report'} onClick={() => toggle('report')}>
            Report
          </button>
        )}
        {viewer.canModerate && others && (
          <ActionButton action={moderateCommentAction} fields={{ commentId, op: 'hide' }} pendingLabel="Hiding…" onDone={reload}>
            Hide
          </ActionButton>
        )}
      </div>

      {open === 'reply' && (
        <div className="mt-3">
          <CommentForm mode={{ kind: 'new', postId, parentId: commentId, replyTo: authorName }} onDone={() => setOpen(null)} onCancel={() => setOpen(null)} />
        </div>
      )}
      {open === 'edit' && markdown !== undefined && (
        <div className="mt-3" data-editing>
          <CommentForm
            mode={{ kind: 'edit', commentId, markdown }}
            onDone={() => {
              setOpen(null);
              reload();
            }}
            onCancel={() => setOpen(null)}
          />
        </div>
      )}
      {open === 'delete' && (
        <div className="mt-3 flex flex-wrap items-center gap-2 rounded-lg bg-red-50 p-3 text-sm dark:bg-red-950/40" role="group" aria-label="Confirm deletion">
          <span className="text-red-900 dark:text-red-100">Delete your comment? Replies to it stay.</span>
          <ActionButton action={deleteCommentAction} fields={{ commentId }} variant="danger" pendingLabel="Deleting…" onDone={reload}>
            Delete comment
          </ActionButton>
          <button type="button" className={buttonClass('ghost', 'px-2.5! py-1! text-xs!')} onClick={() => setOpen(null)}>
            Keep it
          </button>
        </div>
      )}
      {open === 'report' && <ReportForm commentId={commentId} onCancel={() => setOpen(null)} />}
    </div>
  );
}

function ReportForm({ commentId, onCancel }: { commentId: number; onCancel: () => void }) {
  const id = useId();
  const [state, formAction] = useActionState(reportCommentAction, initialActionState);
  if (state.ok) return <div className="mt-3"><FormMessage state={state} /></div>;
  const errors = state.fieldErrors?.reason;
  return (
    <form action={formAction} className="mt-3 space-y-2 rounded-lg border border-stone-200 p-3 dark:border-stone-800">
      <input type="hidden" name="commentId" value={commentId} />
      <label htmlFor={`${id}-reason`} className="block text-sm font-medium text-stone-800 dark:text-stone-200">
        What is wrong with this comment?
      </label>
      <input
        id={`${id}-reason`}
        name="reason"
        required
        maxLength={REPORT_REASON_MAX_LENGTH}
        defaultValue={state.values?.reason ?? ''}
        placeholder="Spam, abuse, off-topic…"
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? `${id}-error` : undefined}
        className={inputClass}
        autoFocus
      />
      <FieldErrors id={`${id}-error`} errors={errors} />
      <div className="flex gap-2">
        <SubmitButton pendingLabel="Sending…" className="px-3! py-1.5!">
          Report to the admins
        </SubmitButton>
        <button type="button" className={buttonClass('ghost', 'px-3! py-1.5!')} onClick={onCancel}>
          Cancel
        </button>
      </div>
      {!errors?.length && <FormMessage state={state} />}
    </form>
  );
}
