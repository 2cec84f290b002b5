'use client';

import { useId, useState } from 'react';
import { Field, inputClass } from '@/components/ui/field';
import { formatCalendarDate } from '@/lib/dates';
import type { ImportFileReport, ReviewTalk } from './types';

export type ConferenceOption = { slug: string; name: string };

const DESCRIBE_MATCH: Record<string, string> = {
  page: 'same talk page',
  link: 'same slides or video',
  slug: 'same talk, from an export',
  title: 'same title',
  'title and speaker': 'same title and speaker',
  'similar title': 'similar title, same speaker',
};

/** One uploaded file in the review: where it goes, what it updates, and its talks by day. */
export function FileReview({
  file,
  entry,
  conferences,
  errors,
  onConferenceChange,
  disabled,
}: {
  file: number;
  entry: ImportFileReport;
  conferences: ConferenceOption[];
  errors: Record<string, string[]> | undefined;
  onConferenceChange: () => void;
  disabled: boolean;
}) {
  const selectId = useId();
  const suggested =
    entry.conference.kind === 'existing' ? `existing:${entry.conference.slug}` : entry.conference.kind === 'new' ? 'new' : entry.talkCount ? 'new' : 'none';
  const [choice, setChoice] = useState(suggested);
  const [ticked, setTicked] = useState(() => new Set(entry.days.flatMap((d) => d.talks.filter((t) => t.ticked).map((t) => t.index))));
  // A conference created after this page loaded is not in the list yet.
  const listed = (value: string) => conferences.some((c) => `existing:${c.slug}` === value);
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

  const all = entry.days.flatMap((d) => d.talks);
  const toggle = (index: number, on: boolean) =>
    setTicked((prev) => {
      const next = new Set(prev);
      if (on) next.add(index);
      else next.delete(index);
      return next;
    });

  return (
    <article aria-label={heading} className="rounded-xl border border-stone-200 p-4 sm:p-5 dark:border-stone-800">
      <h3 className="text-lg font-semibold text-stone-900 dark:text-white">{heading}</h3>
      <p className="text-sm text-stone-600 dark:text-stone-400">
        {entry.name} · {entry.date?.slice(0, 10)} · {entry.published ? 'published' : 'draft'}
        {entry.categories.length > 0 && <> · {entry.categories.join(', ')}</>}
        {entry.plan && <> · written before the conference</>}
      </p>

      <Existing file={file} existing={entry.existing} />
      {entry.problems.length > 0 && (
        <div role="group" aria-label="Problems" className="mt-4 rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-900 dark:border-red-900 dark:bg-red-950/40 dark:text-red-100">
          <p className="font-medium">This file can’t be imported as it is:</p>
          <ul className="mt-1 list-disc pl-5">
            {entry.problems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        </div>
      )}

      <div className="mt-4 grid gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor={selectId} className="mb-1 block text-sm font-medium text-stone-800 dark:text-stone-200">
            Conference
          </label>
          <select
            id={selectId}
            name="conference"
            value={choice}
            disabled={disabled}
            onChange={(e) => {
              setChoice(e.target.value);
              onConferenceChange();
            }}
            className={inputClass}
          >
            {entry.conference.kind === 'new' ? <option value="new">New: {entry.conference.name}</option> : <option value="new">New conference…</option>}
            {!entry.talkCount && <option value="none">No conference</option>}
            {entry.conference.kind === 'existing' && !listed(suggested) && <option value={suggested}>{entry.conference.name}</option>}
            {conferences.map((c) => (
              <option key={c.slug} value={`existing:${c.slug}`}>
                {c.name}
              </option>
            ))}
          </select>
          <p className="mt-1 text-sm text-stone-500 dark:text-stone-400">
            Suggested: {entry.conference.kind === 'none' ? 'none' : entry.conference.name} ({entry.conference.reason}).
          </p>
        </div>
        <div hidden={choice !== 'new'}>
          <Field
            label="New conference name"
            name="newConferenceName"
            defaultValue={entry.conference.kind === 'new' ? entry.conference.name : ''}
            maxLength={120}
          />
        </div>
      </div>

      {all.length > 0 ? (
        <div className="mt-5 space-y-5">
          <p className="text-sm font-medium text-stone-800 dark:text-stone-200" aria-live="polite">
            {all.length} {all.length === 1 ? 'talk' : 'talks'} found · {ticked.size} to import
          </p>
          {entry.days.map((day, d) => (
            <section key={d} aria-label={day.label ?? 'Talks without a day'}>
              <h4 className="border-b border-stone-200 pb-1 font-semibold text-stone-900 dark:border-stone-800 dark:text-white">
                {day.label ?? 'Without a day'}
                <span className="font-normal text-stone-600 dark:text-stone-400">
                  {[
                    day.heading && !/^day\b/i.test(day.heading) ? day.heading : null,
                    // "Monday" gets its date; "Thursday (2/28)" already says it.
                    day.date && !/\d/.test(day.heading ?? '') ? formatCalendarDate(day.date, { weekday: true }) : null,
                    day.track,
                    day.host ? `hosted by ${day.host}` : null,
                  ]
                    .filter(Boolean)
                    .map((part) => ` · ${part}`)
                    .join('')}
                </span>
              </h4>
              <ul className="mt-2 divide-y divide-stone-100 dark:divide-stone-800/70">
                {day.talks.map((talk) => (
                  <TalkRow key={talk.index} file={file} talk={talk} ticked={ticked.has(talk.index)} onToggle={toggle} errors={errors} />
                ))}
              </ul>
            </section>
          ))}
        </div>
      ) : (
        <p className="mt-4 text-sm text-stone-600 dark:text-stone-400">No talks found: the post is imported as it is.</p>
      )}

      {(entry.images.length > 0 || entry.embeds.length > 0) && (
        <p className="mt-4 text-sm text-stone-600 dark:text-stone-400">
          {entry.images.length > 0 &&
            `${entry.images.length} ${entry.images.length === 1 ? 'image' : 'images'}${entry.images[0].found === null ? '' : `, ${entry.images.filter((i) => i.found).length} found in the zip`}. `}
          {entry.embeds.length > 0 && `Embeds: ${entry.embeds.map((e) => e.kind).join(', ')}.`}
        </p>
      )}
      <Warnings warnings={entry.warnings} />
    </article>
  );
}

function Existing({ file, existing }: { file: number; existing: ImportFileReport['existing'] }) {
  if (!existing) return null;
  const box = 'mt-4 rounded-lg border p-3 text-sm';
  if (existing.kind === 'update') {
    return (
      <p className={`${box} border-sky-200 bg-sky-50 text-sky-900 dark:border-sky-900 dark:bg-sky-950/40 dark:text-sky-100`}>
        {existing.by === 'export' ? 'This is Hallway’s export of your recap' : 'You imported this file before: importing it again updates'} “{existing.title}” (
        <a href={`/posts/${existing.slug}`} className="underline">
          /posts/{existing.slug}
        </a>
        ){existing.by === 'export' ? ': importing it updates that recap, no second copy.' : '.'}
      </p>
    );
  }
  if (existing.kind === 'deleted') {
    return (
      <div className={`${box} border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100`}>
        <p>You deleted “{existing.title}”. It stays deleted unless you restore it.</p>
        <label className="mt-2 flex items-center gap-2 font-medium">
          <input type="checkbox" name={`restore.${file}`} className="size-4 rounded border-stone-400 accent-accent-700" />
          Restore it from this file
        </label>
      </div>
    );
  }
  return (
    <p className={`${box} border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100`}>
      A recap already lives at /posts/{existing.slug} (“{existing.title}”): this one will be saved at /posts/{existing.newSlug}.
    </p>
  );
}

function TalkRow({
  file,
  talk,
  ticked,
  onToggle,
  errors,
}: {
  file: number;
  talk: ReviewTalk;
  ticked: boolean;
  onToggle: (index: number, on: boolean) => void;
  errors: Record<string, string[]> | undefined;
}) {
  const name = (field: string) => `talk.${file}.${talk.index}.${field}`;
  const matchId = useId();
  return (
    <li aria-label={talk.title} className={`grid grid-cols-[auto_1fr] gap-x-3 py-3 ${ticked ? '' : 'opacity-75'}`}>
      <input
        type="checkbox"
        name={name('include')}
        checked={ticked}
        onChange={(e) => onToggle(talk.index, e.target.checked)}
        aria-label={`Import “${talk.title}”`}
        className="mt-8 size-5 rounded border-stone-400 accent-accent-700"
      />
      <div className="min-w-0 space-y-2">
        <div className="grid gap-2 sm:grid-cols-[3fr_2fr]">
          <Field label="Title" name={name('title')} defaultValue={talk.title} maxLength={200} errors={errors?.[name('title')]} />
          <Field
            label="Speakers"
            name={name('speakers')}
            defaultValue={talk.speakers.join(', ')}
            placeholder="Names, separated by commas"
            errors={errors?.[name('speakers')]}
          />
        </div>
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
          <span
            className={`rounded-full px-2 py-0.5 text-xs font-semibold ${talk.confident ? 'bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200' : 'bg-amber-100 text-amber-950 dark:bg-amber-950 dark:text-amber-200'}`}
          >
            {talk.confident ? 'Sure' : 'Unsure'} · {Math.round(talk.confidence * 100)} %
          </span>
          {talk.match === null ? (
            <span className="text-stone-600 dark:text-stone-400">New talk (once the conference is chosen)</span>
          ) : talk.match.kind === 'new' && !talk.choices.length ? (
            <span className="text-stone-600 dark:text-stone-400">
              <input type="hidden" name={name('match')} value="new" />
              New talk
            </span>
          ) : (
            <label htmlFor={matchId} className="flex min-w-0 items-center gap-2 text-stone-700 dark:text-stone-300">
              <span className="sr-only">Links to</span>
              <select id={matchId} name={name('match')} defaultValue={talk.match.kind === 'existing' ? String(talk.match.talkId) : 'new'} className={`${inputClass} !w-auto max-w-full !py-1`}>
                {talk.match.kind === 'existing' && (
                  <option value={talk.match.talkId}>
                    Links to “{talk.match.title}” ({DESCRIBE_MATCH[talk.match.by] ?? talk.match.by})
                  </option>
                )}
                <option value="new">New talk</option>
                {talk.choices.map((c) => (
                  <option key={c.talkId} value={c.talkId}>
                    Links to “{c.title}”
                  </option>
                ))}
              </select>
            </label>
          )}
          {talk.links.length > 0 && (
            <span className="text-stone-500 dark:text-stone-400">{talk.links.map((l) => (l.url ? l.kind : `${l.kind} (not yet available)`)).join(', ')}</span>
          )}
        </div>
        {talk.note && <p className="text-sm text-amber-800 dark:text-amber-300">{talk.note}</p>}
        <details className="text-sm">
          <summary className="cursor-pointer text-stone-600 hover:text-stone-900 dark:text-stone-400 dark:hover:text-white">
            Why and where (line{talk.lines.from === talk.lines.to ? ` ${talk.lines.from}` : `s ${talk.lines.from}–${talk.lines.to}`})
          </summary>
          <ul className="mt-2 list-disc space-y-0.5 pl-5 text-stone-700 dark:text-stone-300">
            {talk.reasons.map((r, i) => (
              <li key={i}>{r}</li>
            ))}
          </ul>
          <pre className="mt-2 max-h-40 overflow-auto whitespace-pre-wrap break-words rounded-md bg-stone-100 p-2 font-mono text-xs text-stone-800 dark:bg-stone-900 dark:text-stone-200">
            {talk.lines.excerpt}
          </pre>
        </details>
      </div>
    </li>
  );
}

export function Warnings({ warnings }: { warnings: string[] }) {
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

