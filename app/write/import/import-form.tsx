'use client';

import Link from 'next/link';
import { startTransition, useActionState, useId, useState } from 'react';
import { buttonClass } from '@/components/ui/button';
import { CheckboxField, FieldErrors, inputClass } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { initialActionState } from '@/lib/action-state';
import { previewImportAction, runImportAction } from './actions';
import type { ImportFileReport, ImportFileResult, ImportState } from './types';

type ConferenceOption = { slug: string; name: string };

/**
 * Upload → dry-run report → adjust the conference of each post → import. The files stay in the
 * file inputs between the two steps, so the form is submitted by hand (React would reset it after
 * a form action) and each step sends them again.
 */
export function ImportForm({ conferences }: { conferences: ConferenceOption[] }) {
  const [previewState, preview, previewing] = useActionState(previewImportAction, initialActionState);
  const [runState, run, running] = useActionState(runImportAction, initialActionState);
  const [last, setLast] = useState<'preview' | 'run' | null>(null);
  const report = (previewState as ImportState).report;
  const results = (runState as ImportState).results;
  const pending = previewing || running;
  const state = last === 'run' ? runState : previewState;

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const data = new FormData(event.currentTarget, submitter);
    const intent = submitter?.value === 'run' ? 'run' : 'preview';
    setLast(intent);
    startTransition(() => (intent === 'run' ? run(data) : preview(data)));
  }

  const ready = report?.filter((r) => !r.error).length ?? 0;
  return (
    <form onSubmit={onSubmit} className="space-y-6" noValidate aria-busy={pending}>
      <fieldset className="space-y-4 rounded-xl border border-stone-200 p-5 dark:border-stone-800">
        <legend className="px-1 text-sm font-semibold text-stone-900 dark:text-white">Files</legend>
        <FileField
          label="Markdown files"
          name="files"
          multiple
          accept=".md,.markdown,.mdown,.mkd,.txt,text/markdown,text/plain"
          hint="Posts from your blog's source/_posts folder. Importing a file again updates the post it created."
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
        <button type="submit" name="intent" value="preview" disabled={pending} className={buttonClass('secondary')}>
          Check files
        </button>
      </fieldset>

      <div aria-live="polite" className="sr-only">
        {previewing ? 'Checking the files…' : running ? 'Importing…' : ''}
      </div>
      <FormMessage state={state} />

      {report && last !== 'run' && (
        <section aria-labelledby="dry-run-heading" className="space-y-4">
          <h2 id="dry-run-heading" className="text-xl font-semibold text-stone-900 dark:text-white">
            Dry run
          </h2>
          {report.map((entry, i) => (
            <FileReport key={`${entry.name}-${i}`} entry={entry} conferences={conferences} />
          ))}
          {ready > 0 && (
            <button type="submit" name="intent" value="run" disabled={pending} className={buttonClass('primary')}>
              Import {ready} {ready === 1 ? 'post' : 'posts'}
            </button>
          )}
        </section>
      )}

      {results && last === 'run' && <Results results={results} />}
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

function FileReport({ entry, conferences }: { entry: ImportFileReport; conferences: ConferenceOption[] }) {
  const selectId = useId();
  const nameId = useId();
  const suggested =
    entry.conference.kind === 'existing' ? `existing:${entry.conference.slug}` : entry.conference.kind === 'new' ? 'new' : entry.talkCount ? 'new' : 'none';
  const [choice, setChoice] = useState(suggested);
  // A conference created after this page loaded is not in the list yet.
  const suggestedMissing = suggested.startsWith('existing:') && !conferences.some((c) => `existing:${c.slug}` === suggested);
  const heading = entry.title ?? entry.name;

  if (entry.error) {
    return (
      <article aria-label={entry.name} className="rounded-xl border border-red-200 bg-red-50 p-5 dark:border-red-900 dark:bg-red-950/40">
        {/* Keeps the per-file fields in step with the files when importing. */}
        <input type="hidden" name="conference" value="auto" />
        <input type="hidden" name="newConferenceName" value="" />
        <h3 className="font-semibold text-stone-900 dark:text-white">{entry.name}</h3>
        <p className="mt-1 text-sm text-red-800 dark:text-red-300">{entry.error}</p>
        <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">This file will be skipped; nothing of it is saved.</p>
      </article>
    );
  }

  return (
    <article aria-label={heading} className="rounded-xl border border-stone-200 p-5 dark:border-stone-800">
      <h3 className="font-semibold text-stone-900 dark:text-white">{heading}</h3>
      <p className="text-sm text-stone-600 dark:text-stone-400">
        {entry.name} · {entry.date?.slice(0, 10)} · {entry.published ? 'published' : 'draft'}
        {entry.categories.length > 0 && <> · {entry.categories.join(', ')}</>}
      </p>

      <div className="mt-4 grid gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor={selectId} className="mb-1 block text-sm font-medium text-stone-800 dark:text-stone-200">
            Conference
          </label>
          <select id={selectId} name="conference" value={choice} onChange={(e) => setChoice(e.target.value)} className={inputClass}>
            {entry.conference.kind === 'new' && <option value="new">New: {entry.conference.name}</option>}
            {entry.conference.kind !== 'new' && <option value="new">New conference…</option>}
            {!entry.talkCount && <option value="none">No conference</option>}
            {suggestedMissing && <option value={suggested}>{entry.conference.kind === 'existing' && entry.conference.name}</option>}
            {conferences.map((c) => (
              <option key={c.slug} value={`existing:${c.slug}`}>
                {c.name}
              </option>
            ))}
          </select>
          <p className="mt-1 text-sm text-stone-500 dark:text-stone-400">Suggested: {entry.conference.kind === 'none' ? 'none' : entry.conference.name} ({entry.conference.reason}).</p>
        </div>
        <div hidden={choice !== 'new'}>
          <label htmlFor={nameId} className="mb-1 block text-sm font-medium text-stone-800 dark:text-stone-200">
            New conference name
          </label>
          <input id={nameId} name="newConferenceName" defaultValue={entry.conference.kind === 'new' ? entry.conference.name : ''} maxLength={120} className={inputClass} />
        </div>
      </div>

      {entry.days.length > 0 ? (
        <div className="mt-4 space-y-3">
          <p className="text-sm font-medium text-stone-800 dark:text-stone-200">
            {entry.talkCount} {entry.talkCount === 1 ? 'talk' : 'talks'} found
          </p>
          {entry.days.map((day, d) => (
            <section key={d} aria-label={day.label ?? 'Talks without a day'} className="text-sm">
              <h4 className="font-medium text-stone-900 dark:text-white">
                {day.label ?? 'Without a day'}
                {day.track && <>: {day.track}</>}
                {day.host && <span className="font-normal text-stone-600 dark:text-stone-400"> · hosted by {day.host}</span>}
              </h4>
              <ul className="mt-1 list-disc space-y-0.5 pl-5 text-stone-700 dark:text-stone-300">
                {day.talks.map((talk, k) => (
                  <li key={k}>
                    {talk.title}
                    {talk.links.length > 0 && (
                      <span className="text-stone-500 dark:text-stone-400"> — {talk.links.map((l) => (l.url ? l.kind : `${l.kind} (not yet available)`)).join(', ')}</span>
                    )}
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      ) : (
        <p className="mt-4 text-sm text-stone-600 dark:text-stone-400">No talks found: the post is imported as it is.</p>
      )}

      {(entry.images.length > 0 || entry.embeds.length > 0) && (
        <p className="mt-3 text-sm text-stone-600 dark:text-stone-400">
          {entry.images.length > 0 &&
            `${entry.images.length} ${entry.images.length === 1 ? 'image' : 'images'}${entry.images[0].found === null ? '' : `, ${entry.images.filter((i) => i.found).length} found in the zip`}. `}
          {entry.embeds.length > 0 && `Embeds: ${entry.embeds.map((e) => e.kind).join(', ')}.`}
        </p>
      )}
      <Warnings warnings={entry.warnings} />
    </article>
  );
}

function Warnings({ warnings }: { warnings: string[] }) {
  if (!warnings.length) return null;
  return (
    <details className="mt-3 text-sm">
      <summary className="cursor-pointer font-medium text-amber-800 dark:text-amber-300">
        {warnings.length} {warnings.length === 1 ? 'warning' : 'warnings'}
      </summary>
      <ul className="mt-2 list-disc space-y-1 pl-5 text-stone-700 dark:text-stone-300">
        {warnings.map((w, i) => (
          <li key={i}>{w}</li>
        ))}
      </ul>
    </details>
  );
}

function Results({ results }: { results: ImportFileResult[] }) {
  return (
    <section aria-labelledby="results-heading" className="space-y-3">
      <h2 id="results-heading" className="text-xl font-semibold text-stone-900 dark:text-white">
        Import results
      </h2>
      <ul className="space-y-3">
        {results.map((r, i) => (
          <li key={i} className="rounded-xl border border-stone-200 p-4 dark:border-stone-800">
            <p className="font-medium text-stone-900 dark:text-white">
              {r.status === 'failed' ? 'Failed' : r.status === 'imported' ? 'Imported' : 'Updated'}: {r.title ?? r.name}
            </p>
            {r.error && <p className="text-sm text-red-800 dark:text-red-300">{r.error}</p>}
            {r.status !== 'failed' && !r.url && <p className="text-sm text-stone-600 dark:text-stone-400">Saved as a draft.</p>}
            {r.url && (
              <p className="text-sm text-stone-600 dark:text-stone-400">
                {r.conference && (
                  <>
                    {r.conference.name}
                    {r.conference.created && ' (new conference)'} · {r.talks.matched + r.talks.created} talks, {r.talks.created} new ·{' '}
                  </>
                )}
                <Link href={r.url} className="font-medium text-accent-700 underline dark:text-accent-400">
                  View the post
                </Link>
              </p>
            )}
            <Warnings warnings={r.warnings} />
          </li>
        ))}
      </ul>
    </section>
  );
}
