import type { ActionState } from '@/lib/action-state';

/**
 * The form-level outcome of an action. The live region is always in the page so the message is
 * announced when it appears; errors are `role="alert"`, successes `role="status"`.
 */
export function FormMessage({ state, id }: { state: ActionState; id?: string }) {
  const message = state.message;
  return (
    <div aria-live="polite" aria-atomic="true" id={id}>
      {message &&
        (state.ok ? (
          <p role="status" className="rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100">
            {message}
          </p>
        ) : (
          <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-100">
            {message}
          </p>
        ))}
    </div>
  );
}
