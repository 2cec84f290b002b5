'use client';

import { usePathname } from 'next/navigation';
import { useActionState, useId, useOptimistic, useRef, useState, useTransition } from 'react';
import { createCommentAction, editCommentAction } from '@/app/posts/[slug]/actions';
import { buttonClass } from '@/components/ui/button';
import { FieldErrors, inputClass } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { initialActionState, type ActionState } from '@/lib/action-state';
import { signInUrl } from '@/lib/auth/roles';
import { COMMENT_MAX_LENGTH, commentLength } from '@/lib/comments';
import { useCommentViewer } from './comment-viewer';

/**
 * Writing a comment, a reply, or an edit of one's own comment.
 *
 * - A real `<form>` posting to the server action: without JavaScript the browser posts it and the
 *   page comes back with the comment in the thread (the action re-renders the post).
 * - With JavaScript the submit is taken over: the words appear at once as "posting…"
 *   (useOptimistic) and give way to the saved comment when the re-rendered page arrives; on a
 *   refusal they stay in the box with the reason next to it.
 */

const UNREACHABLE = 'Hallway could not be reached, so nothing was posted. Your text is still here: try again.';

type Mode = { kind: 'new'; postId: number; parentId?: number; replyTo?: string } | { kind: 'edit'; commentId: number; markdown: string };

export function CommentForm({ mode, onDone, onCancel }: { mode: Mode; onDone?: () => void; onCancel?: () => void }) {
  const id = useId();
  const pathname = usePathname();
  const { viewer, focusComment } = useCommentViewer();
  const serverAction = mode.kind === 'edit' ? editCommentAction : createCommentAction;
  const [formState, formAction] = useActionState(serverAction, initialActionState);
  const [clientState, setClientState] = useState<ActionState | null>(null);
  const [sending, startTransition] = useTransition();
  const [pending, addPending] = useOptimistic<string | null, string>(null, (_, text) => text);
  const [text, setText] = useState(() => {
    // After a failed no-JavaScript post the page comes back with what was typed.
    if (mode.kind === 'edit') return mode.markdown;
    return !formState.ok && formState.values?.body ? formState.values.body : '';
  });
  const area = useRef<HTMLTextAreaElement>(null);
  const state = clientState ?? formState;
  const errors = state.fieldErrors?.body;
  const length = commentLength(text);

  if (viewer && !viewer.signedIn) {
    return (
      <p className="flex min-h-24 items-center justify-center rounded-xl border border-dashed border-stone-300 p-4 text-center dark:border-stone-700">
        <a href={signInUrl(`${pathname}#comments`)} className="font-semibold text-accent-700 hover:underline dark:text-accent-400">
          Sign in to comment
        </a>
      </p>
    );
  }

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const typed = String(form.get('body') ?? '').trim();
    startTransition(async () => {
      if (typed && mode.kind === 'new') addPending(typed);
      let result: ActionState;
      try {
        result = await serverAction(initialActionState, form);
      } catch {
        result = { ok: false, message: UNREACHABLE };
      }
      setClientState(result);
      if (!result.ok) {
        area.current?.focus();
        return;
      }
      if (mode.kind === 'new') setText('');
      onDone?.();
      const newId = Number(result.values?.commentId);
      // A reply's form closes: keyboard focus moves to the reply itself instead of being lost.
      if (newId && mode.kind === 'new' && mode.parentId) focusComment(newId);
    });
  }

  const label = mode.kind === 'edit' ? 'Edit your comment' : mode.parentId ? `Reply to ${mode.replyTo ?? 'this comment'}` : 'Add a comment';
  const errorId = errors?.length ? `${id}-error` : undefined;
  return (
    <div>
      {pending && (
        <div aria-hidden="true" className="mb-3 rounded-xl border border-stone-200 p-4 opacity-70 dark:border-stone-800">
          <p className="text-xs font-medium text-stone-500 dark:text-stone-400">Posting…</p>
          <p className="mt-1 whitespace-pre-line break-words text-stone-800 dark:text-stone-200">{pending}</p>
        </div>
      )}
      <form action={formAction} onSubmit={onSubmit} className="space-y-2">
        {mode.kind === 'new' ? (
          <>
            <input type="hidden" name="postId" value={mode.postId} />
            {mode.parentId && <input type="hidden" name="parentId" value={mode.parentId} />}
          </>
        ) : (
          <input type="hidden" name="commentId" value={mode.commentId} />
        )}
        <label htmlFor={`${id}-body`} className={mode.kind === 'new' && !mode.parentId ? 'block text-sm font-medium text-stone-800 dark:text-stone-200' : 'sr-only'}>
          {label}
        </label>
        <textarea
          ref={area}
          id={`${id}-body`}
          name="body"
          rows={mode.kind === 'new' && !mode.parentId ? 4 : 3}
          required
          maxLength={COMMENT_MAX_LENGTH * 2}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-invalid={errorId ? true : undefined}
          aria-describedby={[errorId, `${id}-hint`].filter(Boolean).join(' ')}
          className={inputClass}
          autoFocus={mode.kind === 'edit' || !!mode.parentId}
        />
        <FieldErrors id={errorId} errors={errors} />
        <div className="flex flex-wrap items-center justify-between gap-2">
          <p id={`${id}-hint`} className={`text-xs ${length > COMMENT_MAX_LENGTH ? 'font-semibold text-red-700 dark:text-red-400' : 'text-stone-500 dark:text-stone-400'}`}>
            Markdown: *emphasis*, `code`, [links](https://…), &gt; quotes. {length.toLocaleString('en-GB')}/{COMMENT_MAX_LENGTH.toLocaleString('en-GB')}
          </p>
          <div className="flex gap-2">
            {onCancel && (
              <button type="button" onClick={onCancel} className={buttonClass('ghost')}>
                Cancel
              </button>
            )}
            <button type="submit" disabled={sending} className={buttonClass('primary')}>
              {sending ? (mode.kind === 'edit' ? 'Saving…' : 'Posting…') : mode.kind === 'edit' ? 'Save' : mode.parentId ? 'Post reply' : 'Post comment'}
            </button>
          </div>
        </div>
        {!errors?.length && <FormMessage state={state} />}
      </form>
    </div>
  );
}
