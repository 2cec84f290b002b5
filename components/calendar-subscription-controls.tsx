'use client';

import { useActionState, useId, useState } from 'react';
import { resetCalendarTokenAction } from '@/app/journal/calendar-actions';
import { buttonClass } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { initialActionState } from '@/lib/action-state';

/** The client half of <CalendarSubscription>: the link, a copy button, and the reset form. */
export function CalendarSubscriptionControls({ httpsUrl, webcalUrl }: { httpsUrl: string | null; webcalUrl: string | null }) {
  const [state, formAction] = useActionState(resetCalendarTokenAction, initialActionState);
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  const id = useId();

  async function copy() {
    if (!httpsUrl) return;
    try {
      await navigator.clipboard.writeText(httpsUrl);
      setCopied('copied');
    } catch {
      // No clipboard permission (or no secure context): select the text so Ctrl+C works.
      (document.getElementById(`${id}-url`) as HTMLInputElement | null)?.select();
      setCopied('failed');
    }
  }

  return (
    <div className="mt-4 space-y-4">
      {httpsUrl && webcalUrl ? (
        <div>
          <label htmlFor={`${id}-url`} className="mb-1 block text-sm font-medium text-stone-800 dark:text-stone-200">
            Calendar link
          </label>
          <div className="flex flex-col gap-2 sm:flex-row">
            <input
              id={`${id}-url`}
              type="text"
              readOnly
              value={httpsUrl}
              onFocus={(e) => e.currentTarget.select()}
              spellCheck={false}
              autoComplete="off"
              className={`${inputClass} font-mono`}
            />
            <button type="button" onClick={copy} className={buttonClass('secondary', 'shrink-0')}>
              Copy link
            </button>
          </div>
          <p className="mt-1 text-sm text-stone-500 dark:text-stone-400" aria-live="polite">
            {copied === 'copied' ? 'Copied.' : copied === 'failed' ? 'Press Ctrl+C (⌘C) to copy the selected link.' : ''}
          </p>
          <p className="mt-2">
            <a href={webcalUrl} className="text-sm font-medium text-accent-700 hover:underline dark:text-accent-400">
              Open in your calendar app
            </a>
          </p>
        </div>
      ) : (
        <p className="text-sm">You have no calendar link yet.</p>
      )}
      <form action={formAction} className="space-y-3">
        <input type="hidden" name="intent" value="reset-calendar-link" />
        <FormMessage state={state} />
        <SubmitButton variant={httpsUrl ? 'secondary' : 'primary'} pendingLabel="Creating a new calendar link…">
          {httpsUrl ? 'Reset link' : 'Create calendar link'}
        </SubmitButton>
      </form>
    </div>
  );
}
