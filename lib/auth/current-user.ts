import 'server-only';

import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';
import type { Role } from '@/db/schema';
import { getUserById, type UserRecord } from '@/db/users';
import { auth } from './index';
import { hasRole, signInRedirect, signInUrl } from './roles';

export { hasRole, signInRedirect, signInUrl };

/** The signed-in user as the rest of the app sees them: straight from the database, no hash. */
export type CurrentUser = Pick<UserRecord, 'id' | 'email' | 'name' | 'handle' | 'role' | 'sessionVersion' | 'journalPublic' | 'hasPassword'>;

/**
 * Resolves the session cookie, then re-reads the user: a deleted or disabled account, or a session
 * issued before the last password change (older session version), counts as signed out. The role
 * is always the database's, never the token's. Cached per request.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  const uid = Number(session?.user?.id);
  if (!session || !Number.isInteger(uid) || uid <= 0) return null;
  const user = getUserById({ id: uid });
  // The JWT callback (lib/auth/index.ts) already voids such sessions; checked again here so this
  // function is the one place that decides, whatever the callbacks become.
  if (!user || user.disabledAt || session.sv !== user.sessionVersion) return null;
  const { id, email, name, handle, role, sessionVersion, journalPublic, hasPassword } = user;
  return { id, email, name, handle, role, sessionVersion, journalPublic, hasPassword };
});

/**
 * For pages under /write, /journal, /account and /admin: signed out → the sign-in page (and back to
 * `path`); signed in without `role` → the 403 page (app/forbidden.tsx).
 */
export async function requireUser(path: string, role: Role = 'reader'): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(signInUrl(path));
  if (!hasRole(user, role)) forbidden();
  return user;
}
