import { useState } from 'react';
import { FieldErrors, inputClass } from '@/components/ui/field';
import type { SeenHow } from '@/db/schema';
import { REVIEW_MAX_LENGTH, SEEN_HOW_OPTIONS } from '@/lib/ratings';

/**
 * The optional parts of an entry, after the stars: how it was seen, the date (the talk's day
 * unless a recording was watched later) and a review. Uncontrolled fields, so what was typed
 * stays when a save is refused; the owner remounts them (a `key`) to show a stored entry.
 */
type Props = {
  id: string;
  defaults: { seenHow: SeenHow; seenOn: string | null; review: string };
  /** The talk's day, the date field's default and its earliest value. */
  dayDate: string | null;
  errors: Record<string, string[] | undefined>;
  /** A moderator hid the review from public pages. */
  hidden: boolean;
};

export function RatingFields({ id, defaults, dayDate, errors, hidden }: Props) {
  return (
    <>
      <fieldset>
        <legend className="text-sm font-medium text-stone-800 dark:text-stone-200">How you saw it</legend>
        <div className="mt-1 flex flex-wrap gap-2">
          {(Object.keys(SEEN_HOW_OPTIONS) as SeenHow[]).map((how) => (
            <label key={how} className={pillClass}>
              <input type="radio" name="seenHow" value={how} defaultChecked={defaults.seenHow === how} className="accent-accent-700" />
              {SEEN_HOW_OPTIONS[how]}
            </label>
          ))}
        </div>
        <FieldErrors errors={errors.seenHow} />
      </fieldset>
      <div>
        <label htmlFor={`${id}-seen-on`} className="block text-sm font-medium text-stone-800 dark:text-stone-200">
          Date seen
        </label>
        <input
          id={`${id}-seen-on`}
          type="date"
          name="seenOn"
          defaultValue={defaults.seenOn ?? dayDate ?? ''}
          min={dayDate ?? undefined}
          aria-describedby={`${id}-seen-on-hint${errors.seenOn?.length ? ` ${id}-seen-on-error` : ''}`}
          aria-invalid={errors.seenOn?.length ? true : undefined}
          className={`${inputClass} mt-1 sm:w-48`}
        />
        <p id={`${id}-seen-on-hint`} className="mt-1 text-xs text-stone-500 dark:text-stone-400">
          The talk’s day, unless you watched it later.
        </p>
        <FieldErrors id={`${id}-seen-on-error`} errors={errors.seenOn} />
      </div>
      <ReviewField id={`${id}-review`} defaultValue={defaults.review} errors={errors.review} hidden={hidden} />
    </>
  );
}

const pillClass =
  'inline-flex cursor-pointer items-center gap-1.5 rounded-full border border-stone-300 bg-white px-3 py-1 text-sm text-stone-800 has-[:checked]:border-accent-600 has-[:checked]:bg-accent-50 has-[:checked]:font-semibold has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-accent-500 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-100 dark:has-[:checked]:border-accent-500 dark:has-[:checked]:bg-accent-950';

function ReviewField({ id, defaultValue, errors, hidden }: { id: string; defaultValue: string; errors?: string[]; hidden: boolean }) {
  const [length, setLength] = useState(defaultValue.length);
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-stone-800 dark:text-stone-200">
        Review <span className="font-normal text-stone-500 dark:text-stone-400">(optional)</span>
      </label>
      <textarea
        id={id}
        name="review"
        rows={3}
        maxLength={REVIEW_MAX_LENGTH}
        defaultValue={defaultValue}
        onInput={(e) => setLength(e.currentTarget.value.length)}
        aria-describedby={`${id}-hint${errors?.length ? ` ${id}-error` : ''}`}
        aria-invalid={errors?.length ? true : undefined}
        className={`${inputClass} mt-1`}
      />
      <p id={`${id}-hint`} className="mt-1 flex justify-between gap-4 text-xs text-stone-500 dark:text-stone-400">
        <span>{hidden ? 'A moderator hid your review from public pages; you still see it here.' : 'Plain text; line breaks are kept. Shown on the talk page with your name.'}</span>
        <span className="shrink-0 tabular-nums">
          {length.toLocaleString('en-GB')} / {REVIEW_MAX_LENGTH.toLocaleString('en-GB')}
        </span>
      </p>
      <FieldErrors id={`${id}-error`} errors={errors} />
    </div>
  );
}
