'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { initialActionState } from '@/lib/action-state';
import { resolveReportsAction } from './actions';

/** Close a comment's reports: hide it, or keep it as it is. */
export function ResolveControls({ commentId, hidden }: { commentId: number; hidden: boolean }) {
  const [state, formAction] = useActionState(resolveReportsAction, initialActionState);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="commentId" value={commentId} />
      {!hidden && (
        <SubmitButton name="op" value="hide" variant="danger" pendingLabel="Hiding…">
          Hide and resolve
        </SubmitButton>
      )}
      <SubmitButton name="op" value="keep" variant="secondary" pendingLabel="Resolving…">
        {hidden ? 'Resolve' : 'Keep and resolve'}
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
