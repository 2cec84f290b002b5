import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { AuthCard, linkClass } from '@/components/auth-card';
import { hasAdmin } from '@/db/users';
import { oauthProviders } from '@/lib/auth';
import { getCurrentUser } from '@/lib/auth/current-user';
import { safeCallbackPath } from '@/lib/auth/validation';
import { OAuthButtons } from '../oauth-buttons';
import { SignInForm } from './sign-in-form';

export const metadata: Metadata = { title: 'Sign in', robots: { index: false } };

// Auth.js sends OAuth failures here as `?error=<type>`. A Map, so `?error=constructor` or
// `?error=toString` find nothing rather than Object.prototype's members.
const OAUTH_ERRORS = new Map([
  ['OAuthAccountNotLinked', 'An account with that email address already exists. Sign in with your password.'],
  ['OAuthNoEmail', 'The provider did not share a verified email address, so no account could be created.'],
  ['AccessDenied', 'That account cannot sign in. It may have been disabled.'],
]);

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);

  const error = typeof params.error === 'string' ? (OAUTH_ERRORS.get(params.error) ?? 'Signing in did not work. Please try again.') : null;
  const notice = params.notice === 'deleted' ? 'Your account has been deleted. Thank you for being part of Hallway.' : null;
  const withCallback = callbackUrl === '/' ? '' : `?callbackUrl=${encodeURIComponent(callbackUrl)}`;

  return (
    <AuthCard
      title="Sign in"
      intro="Mark the talks you saw, rate them, and keep your conference journal."
      footer={
        <>
          <p>
            New to Hallway?{' '}
            <Link href={`/signup${withCallback}`} className={linkClass}>
              Create an account
            </Link>
          </p>
          {!hasAdmin() && (
            <p className="mt-2">
              No administrator yet?{' '}
              <Link href="/setup" className={linkClass}>
                Set up Hallway
              </Link>
            </p>
          )}
        </>
      }
    >
      {(error || notice) && (
        <p
          role={error ? 'alert' : 'status'}
          className={`mb-5 rounded-md border px-3 py-2 text-sm ${
            error
              ? 'border-red-300 bg-red-50 text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-100'
              : 'border-emerald-300 bg-emerald-50 text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100'
          }`}
        >
          {error ?? notice}
        </p>
      )}
      <SignInForm callbackUrl={callbackUrl} />
      <OAuthButtons providers={oauthProviders} callbackUrl={callbackUrl} />
    </AuthCard>
  );
}
