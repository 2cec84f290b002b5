'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { buttonClass } from '@/components/ui/button';
import { FieldErrors, inputClass } from '@/components/ui/field';
import { formatOffset, SITE_LOCALE, spellCalendarDate } from '@/lib/dates';
import { browserOffsetMinutes, parseLocalDateTime, parseUtcOffset, toLocalDateTime } from '@/lib/post-rules';

export type PublishChoice = { mode: 'now' | 'at'; at: string; utcOffset: string };

/**
 * Publish now, schedule for later, back-date, or (for a published post) change the date or
 * unpublish. A modal <dialog>: focus moves in, Escape closes, focus returns to the opener.
 */
export function PublishDialog({
  open,
  onClose,
  state,
  publishedAt,
  utcOffsetMinutes,
  onPublish,
  onUnpublish,
  busy,
  fieldErrors,
  message,
}: {
  open: boolean;
  onClose: () => void;
  state: 'draft' | 'scheduled' | 'published';
  publishedAt: number | null;
  utcOffsetMinutes: number;
  onPublish: (choice: PublishChoice) => void;
  onUnpublish: () => void;
  busy: boolean;
  fieldErrors: Record<string, string[]>;
  message: string | null;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [mode, setMode] = useState<'now' | 'at'>('now');
  const [at, setAt] = useState('');
  const [offset, setOffset] = useState('+00:00');
  const [browserOffset, setBrowserOffset] = useState('+00:00');

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      // Defaults are computed on opening: the browser's offset, and either the post's own date
      // or an hour from now, so nothing here depends on the server's clock or zone.
      const mine = browserOffsetMinutes();
      const useOffset = publishedAt !== null ? utcOffsetMinutes : mine;
      setBrowserOffset(formatOffset(mine));
      setOffset(formatOffset(useOffset));
      setAt(toLocalDateTime(publishedAt ?? Math.ceil((Date.now() + 3_600_000) / 900_000) * 900_000, useOffset));
      setMode(state === 'draft' ? 'now' : 'at');
      dialog.showModal();
    } else if (!open && dialog.open) dialog.close();
  }, [open, publishedAt, utcOffsetMinutes, state]);

  const offsetMinutes = parseUtcOffset(offset);
  const when = offsetMinutes === null ? null : parseLocalDateTime(at, offsetMinutes);
  const future = when !== null && when > Date.now();
  const confirmLabel = mode === 'now' ? (state === 'draft' ? 'Publish now' : 'Publish now instead') : future ? (state === 'draft' ? 'Schedule' : 'Reschedule') : state === 'draft' ? 'Publish with this date' : 'Change the date';
  const heading = state === 'draft' ? 'Publish this recap' : state === 'scheduled' ? 'Scheduled recap' : 'Published recap';

  return (
    <dialog
      ref={ref}
      aria-labelledby={`${id}-title`}
      onClose={onClose}
      onCancel={onClose}
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-xl border border-stone-200 bg-white p-0 text-stone-800 shadow-xl backdrop:bg-stone-950/50 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-200"
    >
      <form
        method="dialog"
        className="p-6"
        onSubmit={(e) => {
          e.preventDefault();
          onPublish({ mode, at, utcOffset: offset });
        }}
      >
        <h2 id={`${id}-title`} className="text-xl font-bold text-stone-900 dark:text-white">
          {heading}
        </h2>
        {state !== 'draft' && publishedAt !== null && (
          <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
            {state === 'scheduled' ? 'Goes out' : 'Published'} {toLocalDateTime(publishedAt, utcOffsetMinutes).replace('T', ' at ')} (UTC{formatOffset(utcOffsetMinutes)}).
          </p>
        )}

        <fieldset className="mt-5 space-y-3">
          <legend className="sr-only">When</legend>
          <label className="flex items-start gap-3 rounded-lg border border-stone-200 p-3 has-[:checked]:border-accent-600 has-[:checked]:bg-accent-50/60 dark:border-stone-700 dark:has-[:checked]:border-accent-500 dark:has-[:checked]:bg-accent-950/40">
            <input type="radio" name="mode" value="now" checked={mode === 'now'} onChange={() => setMode('now')} className="mt-1 accent-accent-700" />
            <span>
              <span className="block font-medium text-stone-900 dark:text-white">Right now</span>
              <span className="block text-sm text-stone-600 dark:text-stone-400">Readers see it on the home page straight away.</span>
            </span>
          </label>
          <label className="flex items-start gap-3 rounded-lg border border-stone-200 p-3 has-[:checked]:border-accent-600 has-[:checked]:bg-accent-50/60 dark:border-stone-700 dark:has-[:checked]:border-accent-500 dark:has-[:checked]:bg-accent-950/40">
            <input type="radio" name="mode" value="at" checked={mode === 'at'} onChange={() => setMode('at')} className="mt-1 accent-accent-700" />
            <span>
              <span className="block font-medium text-stone-900 dark:text-white">At a date and time</span>
              <span className="block text-sm text-stone-600 dark:text-stone-400">A future time schedules it; a past one back-dates it.</span>
            </span>
          </label>
        </fieldset>

        <div className="mt-4 grid gap-3 sm:grid-cols-[1fr_8rem]" hidden={mode !== 'at'}>
          <div>
            <label htmlFor={`${id}-at`} className="mb-1 block text-sm font-medium text-stone-800 dark:text-stone-200">
              Date and time
            </label>
            <input
              id={`${id}-at`}
              type="datetime-local"
              lang={SITE_LOCALE}
              value={at}
              onChange={(e) => setAt(e.target.value)}
              aria-invalid={fieldErrors.publishAt ? true : undefined}
              aria-describedby={`${id}-at-words`}
              className={inputClass}
            />
            {/* The browser draws the field in its own locale: say the moment in the site's. */}
            <p id={`${id}-at-words`} className="mt-1 text-sm text-stone-500 dark:text-stone-400">
              {spellCalendarDate(at.slice(0, 10)) ? `${spellCalendarDate(at.slice(0, 10))}, ${at.slice(11, 16)}` : 'No date chosen yet.'}
            </p>
            <FieldErrors errors={fieldErrors.publishAt} />
          </div>
          <div>
            <label htmlFor={`${id}-offset`} className="mb-1 block text-sm font-medium text-stone-800 dark:text-stone-200">
              UTC offset
            </label>
            <input
              id={`${id}-offset`}
              value={offset}
              onChange={(e) => setOffset(e.target.value)}
              inputMode="text"
              placeholder="+01:00"
              aria-describedby={`${id}-offset-hint`}
              aria-invalid={fieldErrors.utcOffset || offsetMinutes === null ? true : undefined}
              className={`${inputClass} font-mono`}
            />
            <FieldErrors errors={fieldErrors.utcOffset ?? (offsetMinutes === null ? ['Like +01:00 or -07:00.'] : undefined)} />
          </div>
          <p id={`${id}-offset-hint`} className="text-sm text-stone-500 sm:col-span-2 dark:text-stone-400">
            The offset of the time above; your browser is at UTC{browserOffset}. The post shows this date as you wrote it.
          </p>
        </div>

        {fieldErrors.title && <FieldErrors errors={fieldErrors.title} />}
        <div aria-live="polite" className="mt-3 min-h-5 text-sm">
          {message && <p className="font-medium text-red-700 dark:text-red-400">{message}</p>}
        </div>

        <div className="mt-4 flex flex-wrap items-center justify-between gap-3">
          {state !== 'draft' ? (
            <button type="button" onClick={onUnpublish} disabled={busy} className={buttonClass('secondary')}>
              Unpublish
            </button>
          ) : (
            <span />
          )}
          <div className="flex gap-2">
            <button type="button" onClick={onClose} className={buttonClass('ghost')}>
              Cancel
            </button>
            <button type="submit" disabled={busy || (mode === 'at' && when === null)} className={buttonClass('primary')}>
              {busy ? 'Working…' : confirmLabel}
            </button>
          </div>
        </div>
      </form>
    </dialog>
  );
}
