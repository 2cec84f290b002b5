'use client';

import Link from 'next/link';
import { startTransition, useActionState, useRef, useState } from 'react';
import { buttonClass } from '@/components/ui/button';
import { Field, FieldErrors, inputClass, SelectField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { initialActionState } from '@/lib/action-state';
import { formatCalendarDate, formatDateRange } from '@/lib/dates';
import { importScheduleAction } from './actions';
import type { CheckResponse, ImportResultState } from './types';

type ConferenceOption = { slug: string; name: string };
type Checked = Extract<CheckResponse, { ok: true }>;

const FORMAT_NAMES: Record<string, string> = {
  'frab-xml': 'frab / pretalx schedule XML',
  'frab-json': 'frab / pretalx schedule JSON',
  'schedule-v2': 'C3VOC schedule v2 JSON',
  sessionize: 'Sessionize “All Data” JSON',
  ical: 'iCalendar',
};

const CHANGE_NAMES: Record<string, string> = { title: 'title', time: 'time', day: 'day', duration: 'duration', room: 'room', track: 'track', kind: 'kind', abstract: 'abstract', links: 'links', speakers: 'speakers' };

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Sends the form to the check endpoint with upload progress (a server action cannot report it). */
function postWithProgress(data: FormData, onProgress: (fraction: number) => void): Promise<CheckResponse> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/write/conferences/import/check');
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => resolve((xhr.response as CheckResponse | null) ?? { ok: false, message: `The check failed (${xhr.status}). Please try again.` });
    xhr.onerror = () => resolve({ ok: false, message: 'The connection failed. Please try again.' });
    xhr.send(data);
  });
}

/**
 * Choose a file or URL → check (dry run, nothing written) → read the report, tick talks to remove →
 * import. The file stays in its input between the two steps, and the import sends it again with
 * the hash of the checked one; any change to the form after a check asks for a new check.
 */
export function ScheduleImportForm({ conferences, zones }: { conferences: ConferenceOption[]; zones: string[] }) {
  const form = useRef<HTMLFormElement>(null);
  const [check, setCheck] = useState<CheckResponse | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [state, run, importing] = useActionState<ImportResultState, FormData>(importScheduleAction, initialActionState);
  const [submitted, setSubmitted] = useState(false);
  const checking = progress !== null;
  const checked = check?.ok ? check : null;
  const errors = check && !check.ok ? check.fieldErrors : submitted ? state.fieldErrors : undefined;

  async function onCheck() {
    if (!form.current) return;
    const data = new FormData(form.current);
    data.delete('remove');
    setSubmitted(false);
    setCheck(null);
    setProgress(0);
    const answer = await postWithProgress(data, setProgress);
    setProgress(null);
    setCheck(answer);
  }

  function onImport(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!checked) {
      void onCheck();
      return;
    }
    const data = new FormData(event.currentTarget);
    data.set('hash', checked.hash);
    setSubmitted(true);
    startTransition(() => run(data));
  }

  const done = submitted && state.ok && state.result;
  return (
    <form ref={form} onSubmit={onImport} onChange={(e) => (e.target as HTMLElement).getAttribute('name') !== 'remove' && check && setCheck(null)} className="space-y-6" noValidate aria-busy={checking || importing}>
      <fieldset className="space-y-4 rounded-xl border border-stone-200 p-5 dark:border-stone-800">
        <legend className="px-1 text-sm font-semibold text-stone-900 dark:text-white">Schedule</legend>
        <FileField errors={errors?.file} />
        <Field
          label="Or its web address"
          name="url"
          type="url"
          inputMode="url"
          placeholder="https://pretalx.example.org/event/schedule/export/schedule.json"
          hint="Fetched once, now; only public http:// and https:// addresses."
          errors={errors?.url}
        />
      </fieldset>

      <fieldset className="grid gap-4 rounded-xl border border-stone-200 p-5 sm:grid-cols-2 dark:border-stone-800">
        <legend className="px-1 text-sm font-semibold text-stone-900 dark:text-white">Conference</legend>
        <SelectField label="Import into" name="conference" defaultValue="auto" errors={errors?.conference} hint="The conference of the same name is updated; otherwise a new one is made.">
          <option value="auto">The conference the file names</option>
          <option value="new">A new conference</option>
          {conferences.length > 0 && (
            <optgroup label="Update an existing conference">
              {conferences.map((c) => (
                <option key={c.slug} value={`existing:${c.slug}`}>
                  {c.name}
                </option>
              ))}
            </optgroup>
          )}
        </SelectField>
        <Field label="Name (optional)" name="name" maxLength={120} hint="For files that do not name the conference, such as Sessionize’s." errors={errors?.name} />
        <div className="sm:col-span-2">
          <SelectField label="Time zone" name="timeZone" defaultValue="" errors={errors?.timeZone} hint="Where the conference took place: the times are read in it.">
            <option value="">As the file says (UTC when it says nothing)</option>
            {zones.map((z) => (
              <option key={z} value={z}>
                {z.replace(/_/g, ' ')}
              </option>
            ))}
          </SelectField>
        </div>
      </fieldset>

      <div className="flex flex-wrap items-center gap-3">
        <button type="button" onClick={() => void onCheck()} disabled={checking || importing} className={buttonClass(checked ? 'secondary' : 'primary')}>
          {checked ? 'Check again' : 'Check the schedule'}
        </button>
        {checking && (
          <div className="flex min-w-48 flex-1 items-center gap-2 text-sm text-stone-600 dark:text-stone-400">
            <progress value={progress ?? 0} max={1} aria-label="Upload" className="h-2 w-40 accent-accent-700" />
            <span>{progress !== null && progress < 1 ? `Uploading… ${Math.round(progress * 100)} %` : 'Reading the schedule…'}</span>
          </div>
        )}
      </div>
      <div aria-live="polite" className="sr-only">
        {checking ? 'Checking the schedule…' : importing ? 'Importing…' : ''}
      </div>

      {check && !check.ok && <FormMessage state={{ ok: false, message: check.message }} />}
      {checked && !done && <Report check={checked} importing={importing} />}
      {submitted && !importing && <FormMessage state={state} />}
      {done && state.result && (
        <p className="flex flex-wrap gap-4 text-sm font-medium">
          <Link href={`/conferences/${state.result.slug}`} className="text-accent-700 underline dark:text-accent-400">
            Open {state.result.name}
          </Link>
          <Link href={`/conferences/${state.result.slug}/days/1`} className="text-accent-700 underline dark:text-accent-400">
            Day 1
          </Link>
        </p>
      )}
    </form>
  );
}

function FileField({ errors }: { errors?: string[] }) {
  const hintId = 'schedule-file-hint';
  const errorId = errors?.length ? 'schedule-file-error' : undefined;
  return (
    <div>
      <label htmlFor="schedule-file" className="mb-1 block text-sm font-medium text-stone-800 dark:text-stone-200">
        Schedule file
      </label>
      <input
        id="schedule-file"
        type="file"
        name="file"
        accept=".xml,.json,.ics,.ical,application/xml,text/xml,application/json,text/calendar"
        aria-describedby={[errorId, hintId].filter(Boolean).join(' ')}
        aria-invalid={errorId ? true : undefined}
        className={`${inputClass} file:mr-3 file:rounded file:border-0 file:bg-stone-100 file:px-3 file:py-1 file:text-sm file:font-medium dark:file:bg-stone-800 dark:file:text-stone-100`}
      />
      <p id={hintId} className="mt-1 text-sm text-stone-500 dark:text-stone-400">
        frab/pretalx XML or JSON, C3VOC schedule v2, Sessionize “All Data”, or iCalendar; up to 8 MB. The format is read from the content.
      </p>
      <FieldErrors id={errorId} errors={errors} />
    </div>
  );
}

function Report({ check, importing }: { check: Checked; importing: boolean }) {
  const { plan, conference } = check;
  const talks = check.days.reduce((n, d) => n + d.talks.length, 0) + check.unscheduled;
  return (
    <section aria-labelledby="check-heading" className="space-y-6 rounded-xl border border-stone-200 p-5 dark:border-stone-800">
      <div>
        <h2 id="check-heading" className="text-xl font-semibold text-stone-900 dark:text-white">
          {plan.conference.kind === 'new' ? 'A new conference: ' : 'Updates '}
          {plan.conference.name}
        </h2>
        <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">Nothing has been saved yet.</p>
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-stone-500 dark:text-stone-400">Format</dt>
        <dd>{FORMAT_NAMES[check.format] ?? check.format}</dd>
        {conference.start && conference.end && (
          <>
            <dt className="text-stone-500 dark:text-stone-400">Dates</dt>
            <dd>{formatDateRange(conference.start, conference.end)}</dd>
          </>
        )}
        <dt className="text-stone-500 dark:text-stone-400">Time zone</dt>
        <dd>
          {conference.timeZone}
          {conference.timeZoneSource === 'default' && <span className="text-stone-500 dark:text-stone-400"> (the file names none)</span>}
        </dd>
        <dt className="text-stone-500 dark:text-stone-400">Address</dt>
        <dd className="break-all">/conferences/{plan.conference.slug}</dd>
        <dt className="text-stone-500 dark:text-stone-400">Rooms</dt>
        <dd>{check.rooms.join(', ') || '—'}</dd>
        <dt className="text-stone-500 dark:text-stone-400">Tracks</dt>
        <dd>{check.tracks.join(', ') || '—'}</dd>
        <dt className="text-stone-500 dark:text-stone-400">Speakers</dt>
        <dd>
          {plural(plan.speakers.new.length, 'new speaker')}, {plural(plan.speakers.existing.length, 'already in Hallway', 'already in Hallway')}
        </dd>
      </dl>

      <div>
        <h3 className="font-semibold text-stone-900 dark:text-white">
          {plural(check.days.length, 'day')}, {plural(talks, 'talk')}
        </h3>
        <ul className="mt-2 space-y-1">
          {check.days.map((d) => (
            <li key={d.date}>
              <details className="group rounded-md border border-stone-200 dark:border-stone-800">
                <summary className="flex cursor-pointer justify-between gap-4 px-3 py-2 text-sm">
                  <span className="font-medium">{formatCalendarDate(d.date, { weekday: true })}</span>
                  <span className="text-stone-500 dark:text-stone-400">{plural(d.talks.length, 'talk')}</span>
                </summary>
                <ol className="divide-y divide-stone-100 border-t border-stone-200 text-sm dark:divide-stone-800 dark:border-stone-800">
                  {d.talks.map((t, i) => (
                    <li key={i} className="grid grid-cols-[3.5rem_1fr] gap-2 px-3 py-1.5">
                      <span className="font-mono text-stone-500 dark:text-stone-400">{t.start.slice(11)}</span>
                      <span>
                        {t.title}
                        <span className="text-stone-500 dark:text-stone-400">
                          {t.room && ` · ${t.room}`}
                          {t.speakers.length > 0 && ` · ${t.speakers.join(', ')}`}
                        </span>
                      </span>
                    </li>
                  ))}
                </ol>
              </details>
            </li>
          ))}
        </ul>
      </div>

      <div>
        <h3 className="font-semibold text-stone-900 dark:text-white">Changes</h3>
        <p className="mt-1 text-sm">
          {plural(plan.added.length, 'new talk')}, {plural(plan.updated.length, 'changed talk')}, {plan.unchanged} unchanged.
        </p>
        {plan.updated.length > 0 && (
          <ul className="mt-2 list-disc space-y-0.5 pl-5 text-sm">
            {plan.updated.map((u) => (
              <li key={u.talkId}>
                {u.title} <span className="text-stone-500 dark:text-stone-400">({u.changes.map((c) => CHANGE_NAMES[c]).join(', ')})</span>
              </li>
            ))}
          </ul>
        )}
      </div>

      {plan.missing.length > 0 && (
        <fieldset className="rounded-md border border-amber-300 bg-amber-50 p-4 dark:border-amber-800 dark:bg-amber-950">
          <legend className="px-1 text-sm font-semibold text-amber-900 dark:text-amber-100">No longer in the schedule</legend>
          <p className="text-sm text-amber-900 dark:text-amber-100">
            These talks stay unless you tick them. Removing a talk also removes its ratings and its place in recaps.
          </p>
          <ul className="mt-2 space-y-1">
            {plan.missing.map((m) => (
              <li key={m.talkId} className="flex items-start gap-2 text-sm">
                <input id={`remove-${m.talkId}`} type="checkbox" name="remove" value={m.talkId} className="mt-0.5 size-4 accent-accent-700" />
                <label htmlFor={`remove-${m.talkId}`}>
                  Remove “{m.title}”
                  {(m.ratings > 0 || m.recaps > 0) && (
                    <span className="text-amber-800 dark:text-amber-200">
                      {' '}
                      ({[m.ratings && plural(m.ratings, 'rating'), m.recaps && `in ${plural(m.recaps, 'recap')}`].filter(Boolean).join(', ')})
                    </span>
                  )}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      )}

      {check.warnings.length > 0 && (
        <div>
          <h3 className="font-semibold text-stone-900 dark:text-white">{plural(check.warnings.length, 'warning')}</h3>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-amber-900 dark:text-amber-200">
            {check.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      )}

      <button type="submit" disabled={importing} className={buttonClass('primary')}>
        {importing ? 'Importing…' : plan.conference.kind === 'new' ? `Import ${plural(talks, 'talk')}` : 'Update the programme'}
      </button>
    </section>
  );
}
