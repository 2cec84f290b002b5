'use client';

import { useActionState, useEffect } from 'react';
import { SESSION_CHANGED_EVENT } from '@/components/account-menu';
import { CheckboxField, Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { initialActionState, type ActionState } from '@/lib/action-state';
import {
  deleteAccountAction,
  signOutEverywhereAction,
  updateEmailAction,
  updateJournalVisibilityAction,
  updatePasswordAction,
  updateNameAction,
} from './actions';

/** Tells the header's account menu to re-read the session (the name or email it shows changed). */
function useSessionChanged(state: ActionState) {
  useEffect(() => {
    if (state.ok) window.dispatchEvent(new Event(SESSION_CHANGED_EVENT));
  }, [state]);
}

export function NameForm({ name }: { name: string }) {
  const [state, formAction] = useActionState(updateNameAction, initialActionState);
  useSessionChanged(state);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <Field
        label="Display name"
        name="name"
        autoComplete="name"
        required
        maxLength={80}
        defaultValue={state.values?.name ?? name}
        errors={state.fieldErrors?.name}
        hint="Shown on your ratings, your journal and your recaps."
      />
      <FormMessage state={state} />
      <SubmitButton pendingLabel="Saving your name…">Save name</SubmitButton>
    </form>
  );
}

export function EmailForm({ email, hasPassword }: { email: string; hasPassword: boolean }) {
  const [state, formAction] = useActionState(updateEmailAction, initialActionState);
  useSessionChanged(state);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <Field
        label="Email"
        name="email"
        type="email"
        inputMode="email"
        autoComplete="email"
        required
        defaultValue={state.values?.email ?? email}
        errors={state.fieldErrors?.email}
        hint="You sign in with this address."
      />
      {hasPassword && (
        <Field
          label="Current password"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
          errors={state.fieldErrors?.currentPassword}
          hint="Needed to change your email address."
        />
      )}
      <FormMessage state={state} />
      <SubmitButton pendingLabel="Saving your email…">Save email</SubmitButton>
    </form>
  );
}

export function PasswordForm({ hasPassword }: { hasPassword: boolean }) {
  const [state, formAction] = useActionState(updatePasswordAction, initialActionState);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {/* Lets password managers file the new password under the right account. */}
      {hasPassword && (
        <Field
          label="Current password"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
          errors={state.fieldErrors?.currentPassword}
        />
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label="New password"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          required
          minLength={10}
          maxLength={256}
          errors={state.fieldErrors?.newPassword}
          hint="At least 10 characters."
        />
        <Field
          label="Repeat the new password"
          name="confirmPassword"
          type="password"
          autoComplete="new-password"
          required
          errors={state.fieldErrors?.confirmPassword}
        />
      </div>
      <FormMessage state={state} />
      <SubmitButton pendingLabel="Changing your password…">{hasPassword ? 'Change password' : 'Set a password'}</SubmitButton>
    </form>
  );
}

export function SignOutEverywhereForm() {
  const [state, formAction] = useActionState(signOutEverywhereAction, initialActionState);
  return (
    <form action={formAction} className="space-y-4">
      <FormMessage state={state} />
      <SubmitButton variant="secondary" pendingLabel="Signing out everywhere…">
        Sign out everywhere
      </SubmitButton>
    </form>
  );
}

export function JournalForm({ journalPublic, handle }: { journalPublic: boolean; handle: string }) {
  const [state, formAction] = useActionState(updateJournalVisibilityAction, initialActionState);
  const checked = state.ok && state.values ? state.values.journalPublic === 'on' : journalPublic;
  return (
    <form action={formAction} className="space-y-4">
      <CheckboxField
        key={String(checked)}
        label="Make my journal public"
        name="journalPublic"
        defaultChecked={checked}
        description={
          <>
            Anyone can then see the talks you marked and your ratings at <code className="text-stone-700 dark:text-stone-300">/u/{handle}</code>.
            Your ratings always count in the talks’ averages, public or not.
          </>
        }
      />
      <FormMessage state={state} />
      <SubmitButton variant="secondary" pendingLabel="Saving…">
        Save visibility
      </SubmitButton>
    </form>
  );
}

export function DeleteAccountForm({ email }: { email: string }) {
  const [state, formAction] = useActionState(deleteAccountAction, initialActionState);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <Field
        label={
          <>
            Type <span className="font-mono">{email}</span> to confirm
          </>
        }
        name="confirmation"
        autoComplete="off"
        spellCheck={false}
        required
        defaultValue={state.values?.confirmation}
        errors={state.fieldErrors?.confirmation}
      />
      <FormMessage state={state} />
      <SubmitButton variant="danger" pendingLabel="Deleting your account…">
        Delete my account
      </SubmitButton>
    </form>
  );
}
