'use client';

import { useActionState, useEffect, useId, useRef, useState } from 'react';
import { deletePostAction } from '@/app/write/actions';
import { buttonClass } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { initialActionState } from '@/lib/action-state';

/** "Delete recap", behind a confirmation dialog that says what happens to the address. */
export function DeleteRecap({ postId, title, published }: { postId: number; title: string; published: boolean }) {
  const [open, setOpen] = useState(false);
  const [state, formAction] = useActionState(deletePostAction, initialActionState);
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);

  return (
    <>
      <button type="button" onClick={() => setOpen(true)} className={buttonClass('secondary', 'text-red-700 dark:text-red-400')}>
        Delete recap…
      </button>
      <dialog
        ref={ref}
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
        onClose={() => setOpen(false)}
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-xl border border-stone-200 bg-white p-6 text-stone-800 shadow-xl backdrop:bg-stone-950/50 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-200"
      >
        <form action={formAction}>
          <input type="hidden" name="id" value={postId} />
          <input type="hidden" name="confirm" value="delete" />
          <h2 id={`${id}-title`} className="text-xl font-bold text-stone-900 dark:text-white">
            Delete “{title || 'Untitled draft'}”?
          </h2>
          <p id={`${id}-desc`} className="mt-2 text-sm text-stone-600 dark:text-stone-400">
            {published
              ? 'It disappears from the home page, its categories, its conference and feeds. Its address will tell visitors the recap was deleted (410 Gone). This cannot be undone.'
              : 'The draft and its revisions go away for good. This cannot be undone.'}
          </p>
          <div className="mt-3">
            <FormMessage state={state} />
          </div>
          <div className="mt-5 flex justify-end gap-2">
            <button type="button" onClick={() => setOpen(false)} className={buttonClass('ghost')} autoFocus>
              Keep it
            </button>
            <SubmitButton variant="danger" pendingLabel="Deleting the recap…">
              Delete recap
            </SubmitButton>
          </div>
        </form>
      </dialog>
    </>
  );
}
