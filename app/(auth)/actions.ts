'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { AuthError } from 'next-auth';
import { z } from 'zod';
import { bumpUserSessionVersion, createUser } from '@/db/users';
import { action, type ActionState } from '@/lib/action';
import { attemptSignUp, oauthProviders, signIn, signOut, spendSignInTime } from '@/lib/auth';
import { AccountDisabled, RateLimited } from '@/lib/auth/errors';
import { formatWait } from '@/lib/auth/rate-limit';
import { callbackUrlSchema, emailSchema, nameSchema, newPasswordSchema, passwordProblem } from '@/lib/auth/validation';
import { hashPassword, PASSWORD_MAX } from '@/lib/password';

/**
 * Sign-in, sign-up, first-admin setup and sign-out. All public (a visitor has no session yet), all
 * through the action wrapper, so the Origin check and input validation still apply.
 */

const WRONG_CREDENTIALS = 'Wrong email or password.';

/**
 * Signs in through the Credentials provider (lib/auth/index.ts: rate limit, argon2id, dummy hash).
 * On success Auth.js sets the cookie and `signIn` throws the redirect to `callbackUrl`.
 */
async function passwordSignIn(email: string, password: string, callbackUrl: string): Promise<ActionState> {
  try {
    await signIn('credentials', { email, password, redirectTo: callbackUrl });
    return { ok: true };
  } catch (error) {
    if (error instanceof RateLimited || (error as { code?: string })?.code === 'rate_limited') {
      const { reason, retryAt } = error as RateLimited;
      const who = reason === 'ip' ? 'from your network' : 'for this account';
      return { ok: false, message: `Too many failed sign-in attempts ${who}. Try again in ${formatWait(retryAt)}.` };
    }
    if (error instanceof AccountDisabled || (error as { code?: string })?.code === 'disabled') {
      return { ok: false, message: 'This account has been disabled. Ask an administrator if you think this is a mistake.' };
    }
    if (error instanceof AuthError) return { ok: false, message: WRONG_CREDENTIALS };
    throw error; // the redirect on success
  }
}

const signInSchema = z.object({
  // Not the full email rules: a malformed address is simply a wrong one, same message, same delay.
  email: z.string().trim().min(1, 'Enter your email address.').max(320, WRONG_CREDENTIALS),
  password: z.string().min(1, 'Enter your password.').max(PASSWORD_MAX, WRONG_CREDENTIALS),
  callbackUrl: callbackUrlSchema,
});

export const signInAction = action({ role: 'public', schema: signInSchema }, async ({ email, password, callbackUrl }) =>
  passwordSignIn(email, password, callbackUrl),
);

const accountSchema = z
  .object({
    name: nameSchema,
    email: emailSchema,
    password: newPasswordSchema,
    callbackUrl: callbackUrlSchema,
  })
  .superRefine(({ email, password }, ctx) => {
    // Only what the password field's own rules could not know: that it matches the email.
    if (typeof password !== 'string' || typeof email !== 'string' || passwordProblem(password)) return;
    const problem = passwordProblem(password, email);
    if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem });
  });

const EMAIL_TAKEN = 'An account with this email address already exists. Sign in instead?';

/**
 * Rate-limited per address tried and per network (lib/auth/rate-limit.ts), counting every try; a
 * taken address costs the same try and, with the same argon2id hash and check, the same time.
 */
export const signUpAction = action({ role: 'public', schema: accountSchema }, async ({ name, email, password, callbackUrl }) => {
  const verdict = attemptSignUp(email, await headers());
  if (!verdict.ok) {
    const who = verdict.reason === 'ip' ? 'from your network' : 'with this email address';
    return { ok: false, message: `Too many sign-ups ${who}. Try again in ${formatWait(verdict.retryAt)}.` };
  }
  const created = createUser({ name, email, passwordHash: await hashPassword(password), role: 'reader' });
  if (!created.ok) {
    await spendSignInTime(password);
    return { ok: false, fieldErrors: { email: [EMAIL_TAKEN] } };
  }
  return passwordSignIn(email, password, callbackUrl === '/' ? '/journal' : callbackUrl);
});

/** `/setup`: the first admin, only while the database has none (checked in the same transaction). */
export const setupAction = action({ role: 'public', schema: accountSchema }, async ({ name, email, password }) => {
  const created = createUser({ name, email, passwordHash: await hashPassword(password), role: 'admin', onlyIfNoAdmin: true });
  if (!created.ok) {
    return created.reason === 'admin-exists'
      ? { ok: false, message: 'Hallway already has an administrator. Sign in instead.' }
      : { ok: false, fieldErrors: { email: [EMAIL_TAKEN] } };
  }
  return passwordSignIn(email, password, '/admin/users');
});

const oauthSchema = z.object({
  provider: z.string().refine((id) => oauthProviders.some((p) => p.id === id), 'Unknown sign-in provider.'),
  callbackUrl: callbackUrlSchema,
});

/** "Continue with GitHub": Auth.js redirects to the provider, which comes back to /api/auth/callback/…. */
export const oauthSignInAction = action({ role: 'public', schema: oauthSchema }, async ({ provider, callbackUrl }) => {
  await signIn(provider, { redirectTo: callbackUrl });
  return { ok: true };
});

const PRIVATE_PAGES = /^\/(account|journal|write|admin)(\/|$)/;

/**
 * Ends the account's sessions on every device (docs/decisions/015-sign-out-ends-every-session.md):
 * a session cookie cannot be revoked on its own, so clearing it here would leave any copy working.
 * Then clears this cookie; harmless when already signed out. From a private page it goes home;
 * elsewhere the reader stays where they were (the page re-renders, the account menu re-reads).
 */
export const signOutAction = action({ role: 'public', schema: z.object({}) }, async (_data, user) => {
  if (user) bumpUserSessionVersion({ id: user.id });
  await signOut({ redirect: false });
  const referer = (await headers()).get('referer');
  let path = '/';
  try {
    if (referer) path = new URL(referer).pathname;
  } catch {}
  if (PRIVATE_PAGES.test(path)) redirect('/');
  return { ok: true, message: 'You are signed out.' };
});
