'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { initialActionState } from '@/lib/action-state';
import { oauthSignInAction } from './actions';

/** One button per configured OAuth provider (GitHub, OIDC); nothing at all when none is set up. */
export function OAuthButtons({ providers, callbackUrl }: { providers: { id: string; name: string }[]; callbackUrl: string }) {
  const [state, formAction] = useActionState(oauthSignInAction, initialActionState);
  if (providers.length === 0) return null;
  return (
    <div className="mt-6">
      <div className="flex items-center gap-3 text-xs font-medium uppercase tracking-wide text-stone-500 dark:text-stone-400" aria-hidden="true">
        <span className="h-px flex-1 bg-stone-200 dark:bg-stone-700" />
        or
        <span className="h-px flex-1 bg-stone-200 dark:bg-stone-700" />
      </div>
      <FormMessage state={state} />
      <form action={formAction} className="mt-4 grid gap-2">
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        {providers.map((p) => (
          <SubmitButton key={p.id} name="provider" value={p.id} variant="secondary" className="w-full" pendingLabel={`Opening ${p.name}…`}>
            Continue with {p.name}
          </SubmitButton>
        ))}
      </form>
    </div>
  );
}
