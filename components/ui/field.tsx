'use client';

import { useId, useState } from 'react';
import { SITE_LOCALE, spellCalendarDate } from '@/lib/dates';

export const inputClass =
  'block w-full rounded-md border bg-white px-3 py-2 text-base text-stone-900 shadow-sm placeholder:text-stone-400 sm:text-sm dark:bg-stone-900 dark:text-white dark:placeholder:text-stone-500 ' +
  'border-stone-300 hover:border-stone-400 focus:border-accent-600 dark:border-stone-700 dark:hover:border-stone-600 dark:focus:border-accent-500 ' +
  'aria-[invalid=true]:border-red-600 dark:aria-[invalid=true]:border-red-500 disabled:opacity-60';

type InputProps = Omit<React.InputHTMLAttributes<HTMLInputElement>, 'name' | 'id' | 'children'>;

type Described = { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string };

/**
 * Label, control, hint and errors, tied together: the control gets the id, is marked aria-invalid
 * when there are errors, and is described by the errors and the hint.
 */
function FieldShell({
  label,
  errors,
  hint,
  className,
  control,
}: {
  label: React.ReactNode;
  errors?: string[];
  hint?: React.ReactNode;
  className?: string;
  control: (props: Described) => React.ReactNode;
}) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-stone-800 dark:text-stone-200">
        {label}
      </label>
      {control({ id, 'aria-invalid': errorId ? true : undefined, 'aria-describedby': [errorId, hintId].filter(Boolean).join(' ') || undefined })}
      {hint && (
        <p id={hintId} className="mt-1 text-sm text-stone-500 dark:text-stone-400">
          {hint}
        </p>
      )}
      <FieldErrors id={errorId} errors={errors} />
    </div>
  );
}

type Shell = { label: React.ReactNode; name: string; errors?: string[]; hint?: React.ReactNode };

/** A labelled input. Pass `defaultValue` from the action state to keep what was typed. */
export function Field({ label, name, errors, hint, className = '', ...input }: InputProps & Shell) {
  return (
    <FieldShell label={label} errors={errors} hint={hint} className={className} control={(p) => <input name={name} className={inputClass} {...p} {...input} />} />
  );
}

/**
 * A labelled date input that also says the chosen date in the site's words. Browsers draw
 * `<input type="date">` in their own locale whatever the page's `lang` (a US browser shows
 * 10/06/2025 for 6 October, which a British reader takes for 10 June), so the date is spelled
 * out under it: "Monday, 6 October 2025". The value sent stays ISO (2025-10-06), with or without
 * JavaScript.
 */
export function DateField({ label, name, errors, defaultValue, onChange, className = '', ...input }: Omit<InputProps, 'type'> & Omit<Shell, 'hint'>) {
  const [value, setValue] = useState(typeof defaultValue === 'string' ? defaultValue : '');
  return (
    <FieldShell
      label={label}
      errors={errors}
      hint={spellCalendarDate(value) ?? 'No date chosen yet.'}
      className={className}
      control={(p) => (
        <input
          name={name}
          type="date"
          lang={SITE_LOCALE}
          className={inputClass}
          defaultValue={defaultValue}
          onChange={(e) => {
            setValue(e.target.value);
            onChange?.(e);
          }}
          {...p}
          {...input}
        />
      )}
    />
  );
}

/** A labelled select; the options are its children. */
export function SelectField({ label, name, errors, hint, children, ...select }: Omit<React.SelectHTMLAttributes<HTMLSelectElement>, 'name' | 'id'> & Shell) {
  return (
    <FieldShell
      label={label}
      errors={errors}
      hint={hint}
      control={(p) => (
        <select name={name} className={inputClass} {...p} {...select}>
          {children}
        </select>
      )}
    />
  );
}

/** A labelled textarea. */
export function TextAreaField({ label, name, errors, hint, rows = 4, ...area }: Omit<React.TextareaHTMLAttributes<HTMLTextAreaElement>, 'name' | 'id'> & Shell) {
  return <FieldShell label={label} errors={errors} hint={hint} control={(p) => <textarea name={name} rows={rows} className={inputClass} {...p} {...area} />} />;
}

export function FieldErrors({ id, errors }: { id?: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <ul id={id} className="mt-1 space-y-0.5 text-sm font-medium text-red-700 dark:text-red-400">
      {[...new Set(errors)].map((e) => (
        <li key={e} className="flex gap-1.5">
          <svg aria-hidden="true" viewBox="0 0 20 20" className="mt-0.5 size-4 shrink-0" fill="currentColor">
            <path fillRule="evenodd" d="M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16Zm-.75-11.5a.75.75 0 0 1 1.5 0v4a.75.75 0 0 1-1.5 0v-4ZM10 14.25a1 1 0 1 0 0-2 1 1 0 0 0 0 2Z" clipRule="evenodd" />
          </svg>
          {e}
        </li>
      ))}
    </ul>
  );
}

/** A labelled checkbox with an optional description under the label. */
export function CheckboxField({
  label,
  name,
  description,
  errors,
  ...input
}: InputProps & { label: React.ReactNode; name: string; description?: React.ReactNode; errors?: string[] }) {
  const id = useId();
  const descId = description ? `${id}-desc` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  return (
    <div>
      <div className="flex items-start gap-3">
        <input
          id={id}
          type="checkbox"
          name={name}
          aria-describedby={[errorId, descId].filter(Boolean).join(' ') || undefined}
          aria-invalid={errorId ? true : undefined}
          className="mt-0.5 size-4 shrink-0 rounded border-stone-300 accent-accent-700 dark:border-stone-600"
          {...input}
        />
        <div>
          <label htmlFor={id} className="text-sm font-medium text-stone-800 dark:text-stone-200">
            {label}
          </label>
          {description && (
            <p id={descId} className="text-sm text-stone-500 dark:text-stone-400">
              {description}
            </p>
          )}
        </div>
      </div>
      <FieldErrors id={errorId} errors={errors} />
    </div>
  );
}
