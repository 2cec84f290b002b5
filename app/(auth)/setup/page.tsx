import type { Metadata } from 'next';
import Link from 'next/link';
import { AuthCard, linkClass } from '@/components/auth-card';
import { hasAdmin } from '@/db/users';
import { NewAccountForm } from '../new-account-form';

export const metadata: Metadata = { title: 'Set up Hallway', robots: { index: false } };
// Open only while no admin exists: decided per request, never cached.
export const dynamic = 'force-dynamic';

export default function SetupPage() {
  if (hasAdmin()) {
    return (
      <AuthCard title="Hallway is set up">
        <p className="text-stone-700 dark:text-stone-300">
          This journal already has an administrator, so this page is closed.{' '}
          <Link href="/signin" className={linkClass}>
            Sign in
          </Link>{' '}
          instead.
        </p>
      </AuthCard>
    );
  }
  return (
    <AuthCard
      title="Set up Hallway"
      intro={
        <>
          Nobody administers this journal yet. The account you create here becomes its first <strong>admin</strong>: it
          can manage users and roles at <code>/admin/users</code>. This page closes as soon as an admin exists.
        </>
      }
    >
      <NewAccountForm mode="setup" />
    </AuthCard>
  );
}
