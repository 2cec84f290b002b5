'use client';

import { useActionState } from 'react';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { initialActionState } from '@/lib/action-state';
import { setupAction, signUpAction } from './actions';

/** Display name, email, password: for `/signup` (a reader) and `/setup` (the first admin). */
export function NewAccountForm({ mode, callbackUrl = '/' }: { mode: 'signup' | 'setup'; callbackUrl?: string }) {
  const [state, formAction] = useActionState(mode === 'setup' ? setupAction : signUpAction, initialActionState);
  return (
    <form action={formAction} className="space-y-5" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <FormMessage state={state} />
      <Field
        label="Display name"
        name="name"
        autoComplete="name"
        required
        maxLength={80}
        hint="Shown on your ratings and recaps."
        defaultValue={state.values?.name}
        errors={state.fieldErrors?.name}
      />
      <Field
        label="Email"
        name="email"
        type="email"
        inputMode="email"
        autoComplete="email"
        required
        defaultValue={state.values?.email}
        errors={state.fieldErrors?.email}
      />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={10}
        maxLength={256}
        hint="At least 10 characters. A few unrelated words work well."
        errors={state.fieldErrors?.password}
      />
      <SubmitButton pendingLabel="Creating your account…" className="w-full">
        {mode === 'setup' ? 'Create the admin account' : 'Create account'}
      </SubmitButton>
    </form>
  );
}
