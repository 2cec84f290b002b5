'use client';

import { useId, useMemo, useRef, useState } from 'react';
import { inputClass } from '@/components/ui/field';
import type { TalkOption } from '@/db/conferences';

type Covered = { talkId: number; note: string };

/** Day → track → talks, in programme order. */
function groupOptions(options: TalkOption[]) {
  const days = new Map<string, { label: string; tracks: Map<string, { label: string | null; talks: TalkOption[] }> }>();
  for (const t of options) {
    const dayKey = String(t.dayId ?? 'none');
    if (!days.has(dayKey)) {
      days.set(dayKey, {
        label: t.dayNumber ? `Day ${t.dayNumber}${t.dayDate ? ` · ${t.dayDate}` : ''}${t.dayTheme ? ` · ${t.dayTheme}` : ''}` : 'Not on a day yet',
        tracks: new Map(),
      });
    }
    const day = days.get(dayKey)!;
    const trackKey = String(t.trackId ?? 'none');
    if (!day.tracks.has(trackKey)) {
      day.tracks.set(trackKey, { label: t.trackName ? `${t.trackName}${t.trackHost ? ` (host: ${t.trackHost})` : ''}` : t.dayId ? 'Outside any track' : null, talks: [] });
    }
    day.tracks.get(trackKey)!.talks.push(t);
  }
  return [...days.values()].map((d) => ({ ...d, tracks: [...d.tracks.values()] }));
}

/**
 * "Talks in this recap": pick talks of the chosen conference (grouped by day and track), put
 * them in the order the post should show them (Move up / Move down buttons, so it works with a
 * keyboard and a screen reader), and write a note on each (markdown).
 */
export function TalkPicker({
  conferenceName,
  options,
  loading,
  value,
  onChange,
  errors,
}: {
  conferenceName: string | null;
  options: TalkOption[];
  loading: boolean;
  value: Covered[];
  onChange: (next: Covered[]) => void;
  errors?: string[];
}) {
  const id = useId();
  const [filter, setFilter] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const listRef = useRef<HTMLOListElement>(null);
  const byId = useMemo(() => new Map(options.map((o) => [o.id, o])), [options]);
  const chosen = new Set(value.map((v) => v.talkId));
  const needle = filter.trim().toLowerCase();
  const groups = useMemo(
    () =>
      groupOptions(
        needle ? options.filter((o) => o.title.toLowerCase().includes(needle) || o.speakers.some((s) => s.toLowerCase().includes(needle))) : options,
      ),
    [options, needle],
  );

  const titleOf = (talkId: number) => byId.get(talkId)?.title ?? 'A talk no longer in this conference';

  function move(index: number, delta: -1 | 1) {
    const target = index + delta;
    if (target < 0 || target >= value.length) return;
    const next = [...value];
    [next[index], next[target]] = [next[target], next[index]];
    onChange(next);
    setAnnouncement(`Moved “${titleOf(value[index].talkId)}” to position ${target + 1} of ${value.length}.`);
    // Keep the keyboard where it was: on the same button of the moved talk (or its other button at an end).
    requestAnimationFrame(() => {
      const row = listRef.current?.querySelectorAll('li')[target];
      const sameButton = row?.querySelector<HTMLButtonElement>(`button[data-move="${delta}"]:not(:disabled)`);
      (sameButton ?? row?.querySelector<HTMLButtonElement>('button[data-move]:not(:disabled)'))?.focus();
    });
  }

  function toggle(talk: TalkOption, on: boolean) {
    if (on) {
      onChange([...value, { talkId: talk.id, note: '' }]);
      setAnnouncement(`Added “${talk.title}”, number ${value.length + 1} in the recap.`);
    } else {
      onChange(value.filter((v) => v.talkId !== talk.id));
      setAnnouncement(`Removed “${talk.title}”.`);
    }
  }

  if (!conferenceName) {
    return (
      <p className="rounded-lg border border-dashed border-stone-300 px-4 py-6 text-center text-sm text-stone-600 dark:border-stone-700 dark:text-stone-400">
        Pick the conference above: its talks appear here, grouped by day and track.
      </p>
    );
  }

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <div>
        <h3 className="text-sm font-semibold text-stone-900 dark:text-white">
          In this recap <span className="font-normal text-stone-500">({value.length})</span>
        </h3>
        {errors?.map((e) => (
          <p key={e} role="alert" className="mt-1 text-sm font-medium text-red-700 dark:text-red-400">
            {e}
          </p>
        ))}
        {value.length === 0 ? (
          <p className="mt-2 rounded-lg border border-dashed border-stone-300 px-4 py-6 text-sm text-stone-600 dark:border-stone-700 dark:text-stone-400">
            No talks yet. Tick the ones you write about: the post lists them grouped by day, with your note on each.
          </p>
        ) : (
          <ol ref={listRef} className="mt-2 space-y-3" aria-label="Talks in this recap, in order">
            {value.map((item, i) => {
              const talk = byId.get(item.talkId);
              const title = titleOf(item.talkId);
              return (
                <li key={item.talkId} className="rounded-lg border border-stone-200 bg-white p-3 dark:border-stone-800 dark:bg-stone-900/40">
                  <div className="flex items-start gap-3">
                    <span className="mt-0.5 inline-flex size-6 shrink-0 items-center justify-center rounded-full bg-stone-100 text-xs font-semibold tabular-nums text-stone-700 dark:bg-stone-800 dark:text-stone-300" aria-hidden="true">
                      {i + 1}
                    </span>
                    <div className="min-w-0 flex-1">
                      <p className="font-medium text-stone-900 dark:text-white">{title}</p>
                      {talk && (
                        <p className="text-xs text-stone-500 dark:text-stone-400">
                          {[talk.speakers.join(', '), talk.dayNumber ? `Day ${talk.dayNumber}` : null, talk.trackName, talk.time].filter(Boolean).join(' · ')}
                        </p>
                      )}
                    </div>
                    <div className="flex shrink-0 gap-1">
                      <button type="button" data-move="-1" onClick={() => move(i, -1)} disabled={i === 0} aria-label={`Move “${title}” up`} title="Move up" className={iconButton}>
                        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="currentColor"><path fillRule="evenodd" d="M10 17a.75.75 0 0 1-.75-.75V5.612L5.29 9.77a.75.75 0 0 1-1.08-1.04l5.25-5.5a.75.75 0 0 1 1.08 0l5.25 5.5a.75.75 0 1 1-1.08 1.04l-3.96-4.158V16.25A.75.75 0 0 1 10 17Z" clipRule="evenodd" /></svg>
                      </button>
                      <button type="button" data-move="1" onClick={() => move(i, 1)} disabled={i === value.length - 1} aria-label={`Move “${title}” down`} title="Move down" className={iconButton}>
                        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="currentColor"><path fillRule="evenodd" d="M10 3a.75.75 0 0 1 .75.75v10.638l3.96-4.158a.75.75 0 1 1 1.08 1.04l-5.25 5.5a.75.75 0 0 1-1.08 0l-5.25-5.5a.75.75 0 1 1 1.08-1.04l3.96 4.158V3.75A.75.75 0 0 1 10 3Z" clipRule="evenodd" /></svg>
                      </button>
                      <button
                        type="button"
                        onClick={() => {
                          onChange(value.filter((v) => v.talkId !== item.talkId));
                          setAnnouncement(`Removed “${title}”.`);
                        }}
                        aria-label={`Remove “${title}” from the recap`}
                        title="Remove"
                        className={iconButton}
                      >
                        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="currentColor"><path d="M6.28 5.22a.75.75 0 0 0-1.06 1.06L8.94 10l-3.72 3.72a.75.75 0 1 0 1.06 1.06L10 11.06l3.72 3.72a.75.75 0 1 0 1.06-1.06L11.06 10l3.72-3.72a.75.75 0 0 0-1.06-1.06L10 8.94 6.28 5.22Z" /></svg>
                      </button>
                    </div>
                  </div>
                  <label htmlFor={`${id}-note-${item.talkId}`} className="mt-3 block text-xs font-medium text-stone-700 dark:text-stone-300">
                    Your note on “{title}”
                  </label>
                  <textarea
                    id={`${id}-note-${item.talkId}`}
                    value={item.note}
                    onChange={(e) => onChange(value.map((v) => (v.talkId === item.talkId ? { ...v, note: e.target.value } : v)))}
                    rows={3}
                    placeholder="What stayed with you? Markdown works here too."
                    className={`${inputClass} mt-1 font-mono text-sm`}
                  />
                </li>
              );
            })}
          </ol>
        )}
      </div>

      <div>
        <h3 className="text-sm font-semibold text-stone-900 dark:text-white">Talks at {conferenceName}</h3>
        <label htmlFor={`${id}-filter`} className="sr-only">
          Filter talks by title or speaker
        </label>
        <input
          id={`${id}-filter`}
          type="search"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          placeholder="Filter by title or speaker"
          className={`${inputClass} mt-2`}
        />
        <div className="mt-2 max-h-[28rem] overflow-y-auto rounded-lg border border-stone-200 dark:border-stone-800">
          {loading ? (
            <p className="p-4 text-sm text-stone-500">Loading talks…</p>
          ) : options.length === 0 ? (
            <p className="p-4 text-sm text-stone-600 dark:text-stone-400">
              This conference has no talks yet. Add them under <a className="font-medium text-accent-700 underline dark:text-accent-400" href="/write/conferences">Conferences</a>.
            </p>
          ) : groups.length === 0 ? (
            <p className="p-4 text-sm text-stone-500">No talk matches “{filter}”.</p>
          ) : (
            groups.map((day) => (
              <fieldset key={day.label} className="border-b border-stone-200 p-3 last:border-0 dark:border-stone-800">
                <legend className="sr-only">{day.label}</legend>
                <p aria-hidden="true" className="text-xs font-semibold uppercase tracking-wide text-stone-500 dark:text-stone-400">
                  {day.label}
                </p>
                {day.tracks.map((track, ti) => (
                  <div key={ti} className="mt-2">
                    {track.label && <p className="text-xs font-medium text-stone-700 dark:text-stone-300">{track.label}</p>}
                    <ul className="mt-1 space-y-0.5">
                      {track.talks.map((talk) => (
                        <li key={talk.id}>
                          <label className="flex cursor-pointer items-start gap-2 rounded-md px-2 py-1.5 hover:bg-stone-100 dark:hover:bg-stone-800">
                            <input
                              type="checkbox"
                              checked={chosen.has(talk.id)}
                              onChange={(e) => toggle(talk, e.target.checked)}
                              className="mt-1 size-4 shrink-0 accent-accent-700"
                            />
                            <span className="min-w-0 text-sm">
                              <span className="text-stone-900 dark:text-stone-100">{talk.title}</span>
                              {(talk.speakers.length > 0 || talk.time) && (
                                <span className="block text-xs text-stone-500 dark:text-stone-400">
                                  {[talk.time, talk.speakers.join(', ')].filter(Boolean).join(' · ')}
                                </span>
                              )}
                            </span>
                          </label>
                        </li>
                      ))}
                    </ul>
                  </div>
                ))}
              </fieldset>
            ))
          )}
        </div>
      </div>
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}

const iconButton =
  'inline-flex size-8 items-center justify-center rounded-md text-stone-600 hover:bg-stone-100 hover:text-stone-900 disabled:cursor-not-allowed disabled:opacity-30 dark:text-stone-300 dark:hover:bg-stone-800 dark:hover:text-white';
