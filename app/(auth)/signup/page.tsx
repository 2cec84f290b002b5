import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { AuthCard, linkClass } from '@/components/auth-card';
import { oauthProviders } from '@/lib/auth';
import { getCurrentUser } from '@/lib/auth/current-user';
import { safeCallbackPath } from '@/lib/auth/validation';
import { NewAccountForm } from '../new-account-form';
import { OAuthButtons } from '../oauth-buttons';

export const metadata: Metadata = { title: 'Create an account', robots: { index: false } };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SignUpPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  const withCallback = callbackUrl === '/' ? '' : `?callbackUrl=${encodeURIComponent(callbackUrl)}`;

  return (
    <AuthCard
      title="Create an account"
      intro="Free, and only what we need: a name to show next to your ratings, an email to sign in with."
      footer={
        <p>
          Already have an account?{' '}
          <Link href={`/signin${withCallback}`} className={linkClass}>
            Sign in
          </Link>
        </p>
      }
    >
      <NewAccountForm mode="signup" callbackUrl={callbackUrl} />
      <OAuthButtons providers={oauthProviders} callbackUrl={callbackUrl} />
    </AuthCard>
  );
}
