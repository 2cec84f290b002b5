'use server';

import { headers } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import {
  bumpUserSessionVersion,
  deleteUserById,
  updateUserEmail,
  updateUserJournalPublic,
  updateUserName,
  updateUserPassword,
} from '@/db/users';
import { action, type ActionState } from '@/lib/action';
import { checkCurrentPassword, reissueSession, signOut } from '@/lib/auth';
import type { CurrentUser } from '@/lib/auth/current-user';
import { formatWait } from '@/lib/auth/rate-limit';
import { currentPasswordSchema, emailSchema, nameSchema, newPasswordSchema, normalizeEmail, passwordProblem } from '@/lib/auth/validation';
import { hashPassword } from '@/lib/password';
import { collectUserPaths, revalidateUserPaths } from '@/lib/revalidate';

/** `/account`: every action acts on the signed-in user only; no id ever comes from the form. */

async function confirmPassword(user: CurrentUser, password: string | undefined): Promise<ActionState | null> {
  if (!user.hasPassword) return null; // OAuth-only account: nothing to confirm with
  if (!password) return { ok: false, fieldErrors: { currentPassword: ['Enter your current password.'] } };
  const check = await checkCurrentPassword({ userId: user.id, email: user.email, password }, await headers());
  if (check.ok) return null;
  if (check.retryAt) return { ok: false, message: `Too many wrong passwords. Try again in ${formatWait(check.retryAt)}.` };
  return { ok: false, fieldErrors: { currentPassword: ['That is not your current password.'] } };
}

export const updateNameAction = action({ schema: z.object({ name: nameSchema }) }, async ({ name }, user) => {
  updateUserName({ id: user.id, name });
  // Cached reader pages show the name on recaps, reviews and comments: only those are refreshed.
  revalidateUserPaths(collectUserPaths(user.id));
  revalidatePath('/account');
  return { ok: true, message: 'Display name saved.' };
});

/**
 * A new email ends the sessions on every other device, as a new password does (a session opened
 * under the old address should not outlive it); this browser's cookie is re-issued, and the
 * redirect is rendered with it (see updatePasswordAction).
 */
export const updateEmailAction = action(
  {
    schema: z.object({ email: emailSchema, currentPassword: currentPasswordSchema.optional() }),
    redirectTo: ({ email }, user) => (email === user.email ? null : '/account?notice=email-changed'),
  },
  async ({ email, currentPassword }, user) => {
    if (email === user.email) return { ok: true, message: 'That is already your email address.' };
    const denied = await confirmPassword(user, currentPassword);
    if (denied) return denied;
    const updated = updateUserEmail({ id: user.id, email });
    if (!updated.ok) {
      return { ok: false, fieldErrors: { email: ['Another account uses this email address.'] } };
    }
    await reissueSession(user.id, updated.sessionVersion);
    return { ok: true };
  },
);

const passwordChangeSchema = z
  .object({
    currentPassword: currentPasswordSchema.optional(),
    newPassword: newPasswordSchema,
    confirmPassword: z.string(),
  })
  .refine((d) => d.newPassword === d.confirmPassword.normalize('NFC'), {
    path: ['confirmPassword'],
    message: 'The two new passwords are different.',
  });

/**
 * Bumps the session version, which signs out every other device, then re-issues this browser's
 * cookie so the person changing it stays signed in.
 *
 * Ends with a redirect rather than a returned message: a re-render of the current page in the same
 * response would still see the request's old (now void) cookie and bounce to /signin, whereas
 * the redirect target is rendered with the new one. The page shows the notice.
 */
export const updatePasswordAction = action(
  { schema: passwordChangeSchema, redirectTo: '/account?notice=password-changed' },
  async ({ currentPassword, newPassword }, user) => {
    const weak = passwordProblem(newPassword, user.email);
    if (weak) return { ok: false, fieldErrors: { newPassword: [weak] } };
    const denied = await confirmPassword(user, currentPassword);
    if (denied) return denied;
    const sessionVersion = updateUserPassword({ id: user.id, passwordHash: await hashPassword(newPassword) });
    await reissueSession(user.id, sessionVersion);
    return { ok: true };
  },
);

/** Ends every session of the account, this browser's included, and goes home. */
export const signOutEverywhereAction = action({ schema: z.object({}), redirectTo: '/' }, async (_data, user) => {
  bumpUserSessionVersion({ id: user.id });
  await signOut({ redirect: false });
  return { ok: true };
});

export const updateJournalVisibilityAction = action(
  { schema: z.object({ journalPublic: z.literal('on').optional() }) },
  async ({ journalPublic }, user) => {
    updateUserJournalPublic({ id: user.id, journalPublic: journalPublic === 'on' });
    revalidatePath(`/u/${user.handle}`);
    revalidatePath('/account');
    return { ok: true, message: journalPublic ? `Your journal is public at /u/${user.handle}.` : 'Your journal is private.' };
  },
);

/**
 * Deletes the account after the user types their email address. Ratings go; published recaps stay,
 * credited to "A former member"; drafts go (see deleteUserById).
 */
export const deleteAccountAction = action(
  { schema: z.object({ confirmation: z.string().max(320) }) },
  async ({ confirmation }, user) => {
    if (normalizeEmail(confirmation) !== user.email) {
      return { ok: false, fieldErrors: { confirmation: [`Type ${user.email} to confirm.`] } };
    }
    const pathsBefore = collectUserPaths(user.id);
    const result = deleteUserById({ id: user.id });
    if (!result.ok) {
      return {
        ok: false,
        message:
          result.reason === 'last-admin'
            ? 'You are the only administrator. Make someone else an admin before deleting your account.'
            : 'This account no longer exists.',
      };
    }
    // Their recaps now read "A former member" and their ratings left the averages: refresh those pages.
    revalidateUserPaths(pathsBefore);
    await signOut({ redirectTo: '/signin?notice=deleted' });
    return { ok: true };
  },
);
