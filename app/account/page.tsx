import type { Metadata } from 'next';
import { requireUser } from '@/lib/auth/current-user';
import { DeleteAccountForm, EmailForm, JournalForm, NameForm, PasswordForm, SignOutEverywhereForm } from './account-forms';

export const metadata: Metadata = { title: 'Your account', robots: { index: false } };

function Section({ id, title, description, children, tone = 'default' }: { id: string; title: string; description?: React.ReactNode; children: React.ReactNode; tone?: 'default' | 'danger' }) {
  return (
    <section
      aria-labelledby={id}
      className={`rounded-xl border p-5 sm:p-6 ${
        tone === 'danger' ? 'border-red-200 dark:border-red-900/70' : 'border-stone-200 dark:border-stone-800'
      }`}
    >
      <h2 id={id} className={`text-lg font-semibold ${tone === 'danger' ? 'text-red-800 dark:text-red-300' : 'text-stone-900 dark:text-white'}`}>
        {title}
      </h2>
      {description && <div className="mt-1 text-sm text-stone-600 dark:text-stone-400">{description}</div>}
      <div className="mt-5">{children}</div>
    </section>
  );
}

/** What the last change did, after the redirect that follows it. */
function Notice({ children }: { children: React.ReactNode }) {
  return (
    <p role="status" className="mb-5 rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100">
      {children}
    </p>
  );
}

const ROLE_TEXT = {
  reader: 'Reader: you can mark the talks you saw and rate them.',
  author: 'Author: you can also write recaps and record conferences and talks.',
  admin: 'Admin: you can do everything, including managing users.',
} as const;

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AccountPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser('/account');
  const { notice } = await searchParams;
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-3xl font-bold tracking-tight text-stone-900 dark:text-white">Your account</h1>
      <p className="mt-2 text-stone-600 dark:text-stone-400">{ROLE_TEXT[user.role]}</p>

      <div className="mt-8 space-y-6">
        <Section id="profile" title="Profile">
          <NameForm name={user.name} />
        </Section>
        <Section id="email" title="Email address" description="Changing it signs you out everywhere else.">
          {notice === 'email-changed' && <Notice>Email changed. Sign in with {user.email} from now on.</Notice>}
          <EmailForm email={user.email} hasPassword={user.hasPassword} />
        </Section>
        <Section
          id="password"
          title="Password"
          description={
            user.hasPassword
              ? 'Changing it signs you out everywhere else.'
              : 'You sign in through another service. Set a password to sign in with your email too.'
          }
        >
          {notice === 'password-changed' && <Notice>Password changed. You stay signed in here; other devices have been signed out.</Notice>}
          <PasswordForm hasPassword={user.hasPassword} />
        </Section>
        <Section
          id="sessions"
          title="Sessions"
          description="Signing out, here or on any other device, ends your sessions everywhere. Use this if you signed in on a device you no longer have."
        >
          <SignOutEverywhereForm />
        </Section>
        <Section id="journal" title="Journal visibility">
          <JournalForm journalPublic={user.journalPublic} handle={user.handle} />
        </Section>
        <Section
          id="delete"
          title="Delete my account"
          tone="danger"
          description={
            <ul className="list-disc space-y-1 pl-5">
              <li>Your account, your talk marks and your ratings are deleted for good; the talks’ averages are updated.</li>
              <li>
                Recaps you published stay on Hallway, credited to <strong>“A former member”</strong>. Your drafts are
                deleted.
              </li>
              <li>Your comments stay too, under the same name, so replies keep their context. Delete any you want gone first.</li>
              <li>This cannot be undone.</li>
            </ul>
          }
        >
          <DeleteAccountForm email={user.email} />
        </Section>
      </div>
    </div>
  );
}
