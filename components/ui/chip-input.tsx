'use client';

import { useId, useState } from 'react';
import { buttonClass } from './button';
import { FieldErrors, inputClass } from './field';

/**
 * Names as removable chips (categories of a recap, speakers of a talk): type one and press Enter
 * or comma, or pick a suggestion; Backspace in the empty box removes the last. A name that matches
 * a suggestion takes its spelling ("Streaming", not "streaming"); one that matches none is marked
 * new. Changes are announced to screen readers.
 */
export function ChipInput({
  label,
  noun,
  value,
  onChange,
  suggestions,
  errors,
  hint,
  placeholder,
  max,
  maxLength,
  name,
}: {
  label: string;
  /** "category", "speaker": for the list's and the remove buttons' names. */
  noun: string;
  value: string[];
  onChange: (names: string[]) => void;
  suggestions: string[];
  errors?: string[];
  hint: string;
  placeholder: string;
  max?: number;
  maxLength?: number;
  /** Post the names with the surrounding form under this field name (one input each). */
  name?: string;
}) {
  const id = useId();
  const [draft, setDraft] = useState('');
  const [note, setNote] = useState('');
  const lower = value.map((v) => v.toLowerCase());
  const known = new Map(suggestions.map((s) => [s.toLowerCase(), s]));

  function add(raw: string) {
    const names = raw.split(',').map((s) => s.trim().replace(/\s+/g, ' ').slice(0, maxLength)).filter(Boolean);
    const next = [...value];
    const said: string[] = [];
    for (const name of names) {
      const spelled = known.get(name.toLowerCase()) ?? name;
      if (next.some((v) => v.toLowerCase() === name.toLowerCase())) said.push(`“${spelled}” is already there.`);
      else if (max !== undefined && next.length >= max) said.push(`At most ${max}.`);
      else {
        next.push(spelled);
        said.push(`Added ${spelled}.`);
      }
    }
    if (next.length !== value.length) onChange(next);
    setNote(said.join(' '));
    setDraft('');
  }

  function remove(name: string) {
    onChange(value.filter((v) => v !== name));
    setNote(`Removed ${name}.`);
  }

  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-stone-800 dark:text-stone-200">
        {label}
      </label>
      {name && value.map((v) => <input key={v} type="hidden" name={name} value={v} />)}
      {/* What is still in the box counts too, so "Add" is not a trap. */}
      {name && draft.trim() && <input type="hidden" name={name} value={draft.trim()} />}
      {value.length > 0 && (
        <ul className="mb-2 flex flex-wrap gap-1.5" aria-label={`Chosen ${label.toLowerCase()}`}>
          {value.map((name) => (
            <li key={name} className="inline-flex items-center gap-1 rounded-full bg-stone-100 py-0.5 pl-2.5 pr-1 text-sm text-stone-800 dark:bg-stone-800 dark:text-stone-200">
              {name}
              {!known.has(name.toLowerCase()) && <span className="text-xs text-stone-500 dark:text-stone-400">(new)</span>}
              <button
                type="button"
                onClick={() => remove(name)}
                aria-label={`Remove ${noun} ${name}`}
                className="inline-flex size-5 items-center justify-center rounded-full text-stone-500 hover:bg-stone-300 hover:text-stone-900 dark:hover:bg-stone-600 dark:hover:text-white"
              >
                <svg aria-hidden="true" viewBox="0 0 20 20" className="size-3.5" fill="currentColor">
                  <path d="M6.28 5.22a.75.75 0 0 0-1.06 1.06L8.94 10l-3.72 3.72a.75.75 0 1 0 1.06 1.06L10 11.06l3.72 3.72a.75.75 0 1 0 1.06-1.06L11.06 10l3.72-3.72a.75.75 0 0 0-1.06-1.06L10 8.94 6.28 5.22Z" />
                </svg>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="flex gap-2">
        <input
          id={id}
          list={`${id}-list`}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === ',') {
              e.preventDefault();
              add(draft);
            } else if (e.key === 'Backspace' && !draft && value.length) {
              remove(value[value.length - 1]);
            }
          }}
          onPaste={(e) => {
            // A pasted list ("Ada, Ben") becomes several chips at once.
            const text = e.clipboardData.getData('text');
            if (!text.includes(',')) return;
            e.preventDefault();
            add(draft + text);
          }}
          placeholder={placeholder}
          aria-describedby={`${id}-hint`}
          aria-invalid={errors?.length ? true : undefined}
          className={inputClass}
          maxLength={maxLength}
        />
        <button type="button" onClick={() => add(draft)} className={buttonClass('secondary', 'shrink-0')}>
          Add
        </button>
      </div>
      <datalist id={`${id}-list`}>
        {suggestions.filter((s) => !lower.includes(s.toLowerCase())).map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
      <p id={`${id}-hint`} className="mt-1 text-sm text-stone-500 dark:text-stone-400">
        {hint}
      </p>
      <FieldErrors errors={errors} />
      <p className="sr-only" aria-live="polite">
        {note}
      </p>
    </div>
  );
}
