'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { createPostAction } from '@/app/write/actions';
import { initialActionState } from '@/lib/action-state';
import { formatOffset } from '@/lib/dates';
import { browserOffsetMinutes } from '@/lib/post-rules';

/** Creates an empty draft and opens it; the draft starts in the browser's UTC offset. */
export function NewRecapButton({ label = 'New recap' }: { label?: string }) {
  const [state, formAction] = useActionState(createPostAction, initialActionState);
  return (
    <form
      action={formAction}
      onSubmit={(e) => {
        const input = e.currentTarget.elements.namedItem('utcOffset') as HTMLInputElement | null;
        if (input) input.value = formatOffset(browserOffsetMinutes());
      }}
    >
      <input type="hidden" name="utcOffset" defaultValue="+00:00" />
      <SubmitButton pendingLabel="Creating a draft…">
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="currentColor">
          <path d="M10.75 4.75a.75.75 0 0 0-1.5 0v4.5h-4.5a.75.75 0 0 0 0 1.5h4.5v4.5a.75.75 0 0 0 1.5 0v-4.5h4.5a.75.75 0 0 0 0-1.5h-4.5v-4.5Z" />
        </svg>
        {label}
      </SubmitButton>
      {!state.ok && state.message && (
        <div className="mt-2">
          <FormMessage state={state} />
        </div>
      )}
    </form>
  );
}
