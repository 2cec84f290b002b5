'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { initialActionState } from '@/lib/action-state';
import { setJournalPublicAction } from './visibility-actions';

/** "Make it public" / "Make it private" where the journal says who can see it. */
export function JournalVisibilityToggle({ journalPublic }: { journalPublic: boolean }) {
  const [state, formAction] = useActionState(setJournalPublicAction, initialActionState);
  return (
    <form action={formAction} className="mt-3 flex flex-wrap items-center gap-3">
      <input type="hidden" name="journalPublic" value={journalPublic ? 'false' : 'true'} />
      <SubmitButton variant="secondary" pendingLabel="Saving…">
        {journalPublic ? 'Make it private' : 'Make it public'}
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
