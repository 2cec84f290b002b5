'use client';

import { useId, useState } from 'react';
import { inputClass } from '@/components/ui/field';

const MAX = 10;

/** Categories as removable chips; type a name (existing ones are suggested) and press Enter. */
export function CategoryInput({
  value,
  onChange,
  suggestions,
  errors,
}: {
  value: string[];
  onChange: (names: string[]) => void;
  suggestions: string[];
  errors?: string[];
}) {
  const id = useId();
  const [draft, setDraft] = useState('');
  const [note, setNote] = useState('');
  const lower = value.map((v) => v.toLowerCase());

  function add(raw: string) {
    const name = raw.trim().replace(/\s+/g, ' ').slice(0, 40);
    if (!name) return;
    if (lower.includes(name.toLowerCase())) {
      setNote(`“${name}” is already there.`);
    } else if (value.length >= MAX) {
      setNote(`At most ${MAX} categories.`);
    } else {
      // An existing category keeps its spelling ("Streaming", not "streaming").
      const known = suggestions.find((s) => s.toLowerCase() === name.toLowerCase());
      onChange([...value, known ?? name]);
      setNote(`Added ${known ?? name}.`);
    }
    setDraft('');
  }

  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-stone-800 dark:text-stone-200">
        Categories
      </label>
      {value.length > 0 && (
        <ul className="mb-2 flex flex-wrap gap-1.5" aria-label="Chosen categories">
          {value.map((name) => (
            <li key={name} className="inline-flex items-center gap-1 rounded-full bg-stone-100 py-0.5 pl-2.5 pr-1 text-sm text-stone-800 dark:bg-stone-800 dark:text-stone-200">
              {name}
              <button
                type="button"
                onClick={() => {
                  onChange(value.filter((v) => v !== name));
                  setNote(`Removed ${name}.`);
                }}
                aria-label={`Remove category ${name}`}
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
              const last = value[value.length - 1];
              onChange(value.slice(0, -1));
              setNote(`Removed ${last}.`);
            }
          }}
          placeholder={value.length ? 'Add another…' : 'e.g. Streaming'}
          aria-describedby={`${id}-hint`}
          aria-invalid={errors?.length ? true : undefined}
          className={inputClass}
          maxLength={40}
        />
        <button
          type="button"
          onClick={() => add(draft)}
          className="shrink-0 rounded-md border border-stone-300 px-3 text-sm font-medium text-stone-800 hover:bg-stone-100 dark:border-stone-700 dark:text-stone-100 dark:hover:bg-stone-800"
        >
          Add
        </button>
      </div>
      <datalist id={`${id}-list`}>
        {suggestions.filter((s) => !lower.includes(s.toLowerCase())).map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
      <p id={`${id}-hint`} className="mt-1 text-sm text-stone-500 dark:text-stone-400">
        Pick existing ones or type a new name and press Enter.
      </p>
      {errors?.map((e) => (
        <p key={e} className="mt-1 text-sm font-medium text-red-700 dark:text-red-400">
          {e}
        </p>
      ))}
      <p className="sr-only" aria-live="polite">
        {note}
      </p>
    </div>
  );
}
