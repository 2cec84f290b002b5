'use client';

import { useActionState, useId } from 'react';
import { FieldErrors } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { initialActionState } from '@/lib/action-state';
import { importJournalAction } from './actions';

/** Upload a journal CSV (the export's format) back; reports what was imported and what was not. */
export function ImportForm() {
  const [state, formAction] = useActionState(importJournalAction, initialActionState);
  const id = useId();
  const problems = state.fieldErrors?.rows ?? [];
  return (
    <form action={formAction} className="space-y-3">
      <div>
        <label htmlFor={`${id}-file`} className="mb-1 block text-sm font-medium text-stone-800 dark:text-stone-200">
          CSV file to import
        </label>
        <input
          id={`${id}-file`}
          type="file"
          name="file"
          accept=".csv,text/csv"
          required
          aria-describedby={`${id}-hint${state.fieldErrors?.file ? ` ${id}-error` : ''}`}
          className="block w-full text-sm text-stone-700 file:mr-3 file:rounded-md file:border file:border-stone-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-semibold file:text-stone-800 hover:file:bg-stone-100 dark:text-stone-300 dark:file:border-stone-700 dark:file:bg-stone-900 dark:file:text-stone-100"
        />
        <p id={`${id}-hint`} className="mt-1 text-sm text-stone-500 dark:text-stone-400">
          Same columns as the export. Talks are matched by their talk URL; each row adds or replaces your entry for that talk, and
          entries missing from the file stay as they are.
        </p>
        <FieldErrors id={`${id}-error`} errors={state.fieldErrors?.file} />
      </div>
      <FormMessage state={state} />
      {problems.length > 0 && (
        <div className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
          <p className="font-medium">Not imported:</p>
          <ul className="mt-1 list-disc space-y-0.5 pl-5">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      <SubmitButton variant="secondary" pendingLabel="Importing…">
        Import CSV
      </SubmitButton>
    </form>
  );
}
