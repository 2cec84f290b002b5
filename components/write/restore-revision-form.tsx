'use client';

import { useActionState } from 'react';
import { restoreRevisionAction } from '@/app/write/actions';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { initialActionState } from '@/lib/action-state';

export function RestoreRevisionForm({ postId, revisionId, published }: { postId: number; revisionId: number; published: boolean }) {
  const [state, formAction] = useActionState(restoreRevisionAction, initialActionState);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="id" value={postId} />
      <input type="hidden" name="revisionId" value={revisionId} />
      <SubmitButton pendingLabel="Restoring the revision…">{published ? 'Load this revision into the editor' : 'Restore this revision'}</SubmitButton>
      <p className="text-sm text-stone-500 dark:text-stone-400">
        {published
          ? 'Nothing changes for readers: the text opens in the editor, and goes live only when you click Update.'
          : 'The draft gets this text as a new version; its current text is kept as a revision. Nothing is published.'}
      </p>
      <FormMessage state={state} />
    </form>
  );
}
