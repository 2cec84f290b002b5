'use client';

import { useActionState } from 'react';
import { useFormStatus } from 'react-dom';
import { buttonClass } from '@/components/ui/button';
import { initialActionState } from '@/lib/action-state';
import { setPlanAction } from './actions';

/** Takes one talk off the agenda; a plain form post, so it works without JavaScript too. */
export function RemoveButton({ talkId, talkTitle }: { talkId: number; talkTitle: string }) {
  const [state, formAction] = useActionState(setPlanAction, initialActionState);
  return (
    <form action={formAction}>
      <input type="hidden" name="talkId" value={talkId} />
      <input type="hidden" name="going" value="off" />
      <Submit talkTitle={talkTitle} />
      {!state.ok && state.message && (
        <p role="alert" className="mt-1 text-sm text-red-700 dark:text-red-400">
          {state.message}
        </p>
      )}
    </form>
  );
}

function Submit({ talkTitle }: { talkTitle: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} className={buttonClass('secondary', 'px-3 py-1 text-sm')}>
      {pending ? 'Removing…' : 'Remove'}
      <span className="sr-only"> “{talkTitle}” from your agenda</span>
    </button>
  );
}
