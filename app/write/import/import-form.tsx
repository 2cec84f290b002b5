'use client';

import { startTransition, useActionState, useId, useRef, useState } from 'react';
import { buttonClass } from '@/components/ui/button';
import { CheckboxField, FieldErrors } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { initialActionState } from '@/lib/action-state';
import { previewImportAction, runImportAction } from './actions';
import { FileReview, type ConferenceOption } from './file-review';
import { ImportResults } from './import-results';
import type { ImportState } from './types';

/**
 * Upload → review (what was found, ticked and editable) → import. The files stay in the file
 * inputs between the steps, so the form is submitted by hand (React would reset a form action's
 * form) and each step sends them again. The review stays on screen, with everything typed in it,
 * until an import succeeds; changing a file's conference checks the files again for its matches.
 */
export function ImportForm({ conferences }: { conferences: ConferenceOption[] }) {
  const [previewState, preview, previewing] = useActionState(previewImportAction, initialActionState);
  const [runState, run, running] = useActionState(runImportAction, initialActionState);
  const [last, setLast] = useState<'preview' | 'run' | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const checkRef = useRef<HTMLButtonElement>(null);
  const report = (previewState as ImportState).report;
  const results = (runState as ImportState).results;
  const pending = previewing || running;
  const state = last === 'run' ? runState : previewState;
  const imported = last === 'run' && !!results && !running;

  function submit(intent: 'preview' | 'run', data: FormData) {
    setLast(intent);
    startTransition(() => (intent === 'run' ? run(data) : preview(data)));
  }

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    submit(submitter?.value === 'run' ? 'run' : 'preview', new FormData(event.currentTarget, submitter));
  }

  /** A file's conference changed: its matches are different now, so check again. */
  function recheck() {
    if (formRef.current && checkRef.current) submit('preview', new FormData(formRef.current, checkRef.current));
  }

  const ready = report?.filter((r) => !r.error && !r.problems.length).length ?? 0;
  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-6" noValidate aria-busy={pending}>
      <fieldset className="space-y-4 rounded-xl border border-stone-200 p-5 dark:border-stone-800">
        <legend className="px-1 text-sm font-semibold text-stone-900 dark:text-white">Files</legend>
        <FileField
          label="Markdown files"
          name="files"
          multiple
          accept=".md,.markdown,.mdown,.mkd,.txt,text/markdown,text/plain"
          hint="Posts from your blog's source/_posts folder, or a Hallway export. Importing a file again updates the recap it created."
          errors={state.fieldErrors?.files}
        />
        <FileField
          label="Images (optional zip)"
          name="images"
          accept=".zip,application/zip"
          hint="A zip of your blog's source/images folder (or the whole source folder): images the posts show are copied."
          errors={state.fieldErrors?.images}
        />
        <CheckboxField
          label="Repair encoding"
          name="repairEncoding"
          description="Fix text garbled by an old encoding round trip, such as “üòâ” for 😉 or “â€™” for ’."
        />
        <button ref={checkRef} type="submit" name="intent" value="preview" disabled={pending} className={buttonClass('secondary')}>
          {report ? 'Check files again' : 'Check files'}
        </button>
      </fieldset>

      <div aria-live="polite" className="sr-only">
        {previewing ? 'Checking the files…' : running ? 'Importing…' : ''}
      </div>
      <FormMessage state={state} />

      {report && !imported && (
        <section aria-labelledby="review-heading" className="space-y-6">
          <div>
            <h2 id="review-heading" className="text-xl font-semibold text-stone-900 dark:text-white">
              Review
            </h2>
            <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
              Tick the talks to import, correct titles and speakers, and choose what each links to. Nothing is saved until you import.
            </p>
          </div>
          {report.map((entry, i) => (
            <FileReview
              key={`${entry.name}-${i}`}
              file={i}
              entry={entry}
              conferences={conferences}
              errors={last === 'run' ? runState.fieldErrors : undefined}
              onConferenceChange={recheck}
              disabled={pending}
            />
          ))}
          {ready > 0 && (
            <div className="sticky bottom-0 -mx-2 flex flex-wrap items-center gap-3 border-t border-stone-200 bg-white/95 px-2 py-3 backdrop-blur dark:border-stone-800 dark:bg-stone-950/95">
              <button type="submit" name="intent" value="run" disabled={pending} className={buttonClass('primary')}>
                {running ? 'Importing…' : `Import ${ready} ${ready === 1 ? 'post' : 'posts'}`}
              </button>
              <p className="text-sm text-stone-600 dark:text-stone-400">Only the ticked talks become talks of the conference.</p>
            </div>
          )}
        </section>
      )}

      {imported && <ImportResults results={results} />}
    </form>
  );
}

function FileField({ label, name, hint, errors, ...input }: React.InputHTMLAttributes<HTMLInputElement> & { label: string; name: string; hint: string; errors?: string[] }) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-stone-800 dark:text-stone-200">
        {label}
      </label>
      <input
        id={id}
        name={name}
        type="file"
        aria-describedby={`${id}-hint${errors?.length ? ` ${id}-error` : ''}`}
        aria-invalid={errors?.length ? true : undefined}
        className="block w-full text-sm text-stone-700 file:mr-3 file:rounded-md file:border-0 file:bg-stone-100 file:px-3 file:py-2 file:text-sm file:font-medium file:text-stone-800 hover:file:bg-stone-200 dark:text-stone-300 dark:file:bg-stone-800 dark:file:text-stone-100"
        {...input}
      />
      <p id={`${id}-hint`} className="mt-1 text-sm text-stone-500 dark:text-stone-400">
        {hint}
      </p>
      <FieldErrors id={`${id}-error`} errors={errors} />
    </div>
  );
}
