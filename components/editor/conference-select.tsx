'use client';

import { useActionState, useEffect, useId, useState } from 'react';
import { createConferenceInlineAction } from '@/app/write/actions';
import { DateField, FieldErrors, inputClass } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { initialActionState } from '@/lib/action-state';

export type ConferenceOption = { id: number; name: string; startDate: string };

/** Pick the conference a recap is about, or create one on the spot (name and dates; the rest later). */
export function ConferenceSelect({
  value,
  options,
  onChange,
  onCreated,
  errors,
}: {
  value: number | null;
  options: ConferenceOption[];
  onChange: (id: number | null) => void;
  onCreated: (option: ConferenceOption) => void;
  errors?: string[];
}) {
  const id = useId();
  const [creating, setCreating] = useState(false);
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-stone-800 dark:text-stone-200">
        Conference
      </label>
      <div className="flex gap-2">
        <select
          id={id}
          value={value ?? ''}
          onChange={(e) => onChange(e.target.value ? Number(e.target.value) : null)}
          aria-invalid={errors?.length ? true : undefined}
          className={inputClass}
        >
          <option value="">None (not about one conference)</option>
          {options.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
        <button
          type="button"
          aria-expanded={creating}
          aria-controls={`${id}-new`}
          onClick={() => setCreating((v) => !v)}
          className="shrink-0 rounded-md border border-stone-300 px-3 text-sm font-medium text-stone-800 hover:bg-stone-100 dark:border-stone-700 dark:text-stone-100 dark:hover:bg-stone-800"
        >
          New…
        </button>
      </div>
      <FieldErrors errors={errors} />
      <div id={`${id}-new`} hidden={!creating}>
        {creating && (
          <NewConferenceForm
            onCreated={(c) => {
              onCreated(c);
              setCreating(false);
            }}
            onCancel={() => setCreating(false)}
          />
        )}
      </div>
    </div>
  );
}

function NewConferenceForm({ onCreated, onCancel }: { onCreated: (c: ConferenceOption) => void; onCancel: () => void }) {
  const [state, formAction] = useActionState(createConferenceInlineAction, initialActionState);
  const [zones] = useState(() => Intl.supportedValuesOf('timeZone'));
  const [zone] = useState(() => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
  const id = useId();

  useEffect(() => {
    if (state.ok && state.values?.conferenceId) {
      onCreated({ id: Number(state.values.conferenceId), name: state.values.name ?? 'New conference', startDate: '' });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state]);

  const v = state.values ?? {};
  const err = state.fieldErrors ?? {};
  const field = (name: string, label: string, props: React.InputHTMLAttributes<HTMLInputElement>) => (
    <div>
      <label htmlFor={`${id}-${name}`} className="mb-1 block text-sm font-medium text-stone-800 dark:text-stone-200">
        {label}
      </label>
      <input id={`${id}-${name}`} name={name} defaultValue={v[name]} aria-invalid={err[name] ? true : undefined} className={inputClass} {...props} />
      <FieldErrors errors={err[name]} />
    </div>
  );

  return (
    <form action={formAction} noValidate className="mt-3 space-y-3 rounded-lg border border-stone-200 bg-stone-50 p-4 dark:border-stone-800 dark:bg-stone-900/60" aria-label="New conference">
      <p className="text-sm font-semibold text-stone-900 dark:text-white">New conference</p>
      {field('name', 'Name', { required: true, maxLength: 120, placeholder: 'e.g. QCon London 2025', autoFocus: true })}
      <div className="grid gap-3 sm:grid-cols-2">
        <DateField label="First day" name="startDate" required defaultValue={v.startDate} errors={err.startDate} />
        <DateField label="Last day" name="endDate" required defaultValue={v.endDate} errors={err.endDate} />
      </div>
      {field('timeZone', 'Time zone', { list: `${id}-zones`, defaultValue: v.timeZone ?? zone, required: true })}
      <datalist id={`${id}-zones`}>
        {zones.map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
      <FormMessage state={state.ok ? { ok: false } : state} />
      <div className="flex gap-2">
        <SubmitButton pendingLabel="Creating the conference…">Create conference</SubmitButton>
        <button type="button" onClick={onCancel} className="rounded-md px-3 py-2 text-sm font-medium text-stone-700 hover:bg-stone-200 dark:text-stone-300 dark:hover:bg-stone-800">
          Cancel
        </button>
      </div>
    </form>
  );
}
