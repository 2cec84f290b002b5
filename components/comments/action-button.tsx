'use client';

import { useActionState, useEffect } from 'react';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ButtonVariant } from '@/components/ui/button';
import { initialActionState, type ActionState } from '@/lib/action-state';

/**
 * One button posting a few fixed fields to a server action (delete, hide, lock…), with the
 * refusal beside it. `onDone` runs after a success (the page itself re-renders from the action).
 */
export function ActionButton({
  action,
  fields,
  children,
  pendingLabel,
  variant = 'secondary',
  onDone,
}: {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  fields: Record<string, string | number>;
  children: React.ReactNode;
  pendingLabel: string;
  variant?: ButtonVariant;
  onDone?: (state: ActionState) => void;
}) {
  const [state, formAction] = useActionState(action, initialActionState);
  useEffect(() => {
    if (state.ok) onDone?.(state);
    // Only a new answer from the server calls back.
  }, [state]);
  return (
    <form action={formAction} className="inline-flex flex-wrap items-center gap-2">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SubmitButton variant={variant} className="px-2.5! py-1! text-xs!" pendingLabel={pendingLabel}>
        {children}
      </SubmitButton>
      {!state.ok && state.message && (
        <span role="alert" className="text-xs font-medium text-red-700 dark:text-red-400">
          {state.message}
        </span>
      )}
    </form>
  );
}
