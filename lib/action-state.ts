/**
 * What every server action returns to `useActionState` (see lib/action.ts). Kept apart from the
 * wrapper so client components can import it without pulling in server code.
 */
export type ActionState = {
  ok: boolean;
  /** A sentence for the whole form: success, or why it failed when no single field is to blame. */
  message?: string;
  /** Messages per field name, shown next to the field. */
  fieldErrors?: Record<string, string[]>;
  /** What the user typed, to refill the form; never a field whose name contains "password". */
  values?: Record<string, string>;
};

export const initialActionState: ActionState = { ok: false };
