import 'server-only';

import crypto from 'node:crypto';
import NextAuth from 'next-auth';
import type { Provider } from 'next-auth/providers';
import Credentials from 'next-auth/providers/credentials';
import GitHub from 'next-auth/providers/github';
import { z } from 'zod';
import { db } from '@/db/index';
import { createUserWithAccount, getUserByAccount, getUserById, getUserCredentialsByEmail, getUserCredentialsById } from '@/db/users';
import { CLIENT_ADDRESS_HEADER } from '@/lib/client-address-header';
import { env } from '@/lib/env';
import { hashPassword, verifyPassword } from '@/lib/password';
import { authConfig } from './config';
import { AccountDisabled, InvalidCredentials, isExpectedSignInError, RateLimited } from './errors';
import { createRateLimiter, networkOf, SIGN_UP_EMAIL_POLICY, SIGN_UP_NETWORK_POLICY, type Verdict } from './rate-limit';
import { currentPasswordSchema, emailSchema, nameSchema, normalizeEmail } from './validation';

const limiter = createRateLimiter({ db });
const signUpLimiter = createRateLimiter({ db, kind: 'sign-up', account: SIGN_UP_EMAIL_POLICY, ip: SIGN_UP_NETWORK_POLICY });

// Unknown emails are checked against this hash so they take as long as a wrong password.
const dummyHash = hashPassword(crypto.randomBytes(24).toString('base64url'));

const credentialsSchema = z.object({ email: emailSchema, password: currentPasswordSchema });

/**
 * The client's address for the per-IP limit, as the front server (lib/server/front-server.ts) found
 * it: the socket's peer, or behind TRUSTED_PROXIES the hop they vouch for. Null when no front server
 * stands in front (`next dev`): then only the per-account limit applies.
 */
export function clientIp(headers: Headers): string | null {
  return headers.get(CLIENT_ADDRESS_HEADER)?.slice(0, 64) || null;
}

/** OAuth buttons on /signin: only the providers whose settings are present. */
export const oauthProviders: { id: string; name: string }[] = [];
const providers: Provider[] = [
  Credentials({
    credentials: { email: { label: 'Email' }, password: { label: 'Password', type: 'password' } },
    async authorize(raw, request) {
      const parsed = credentialsSchema.safeParse(raw);
      if (!parsed.success) throw new InvalidCredentials();
      const { email, password } = parsed.data;

      const verdict = limiter.attempt({ email, ip: clientIp(request.headers) });
      if (!verdict.ok) throw new RateLimited(verdict.reason, verdict.retryAt);

      const user = getUserCredentialsByEmail({ email });
      const matches = await verifyPassword(user?.passwordHash ?? (await dummyHash), password);
      if (!user?.passwordHash || !matches) throw new InvalidCredentials();

      limiter.succeeded({ email, attemptIds: verdict.attemptIds });
      if (user.disabledAt) throw new AccountDisabled();
      return { id: String(user.id), sessionVersion: user.sessionVersion };
    },
  }),
];
if (env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET) {
  providers.push(GitHub({ clientId: env.AUTH_GITHUB_ID, clientSecret: env.AUTH_GITHUB_SECRET }));
  oauthProviders.push({ id: 'github', name: 'GitHub' });
}
if (env.AUTH_OIDC_ISSUER && env.AUTH_OIDC_ID && env.AUTH_OIDC_SECRET) {
  const name = env.AUTH_OIDC_NAME ?? 'single sign-on';
  providers.push({
    id: 'oidc',
    name,
    type: 'oidc',
    issuer: env.AUTH_OIDC_ISSUER,
    clientId: env.AUTH_OIDC_ID,
    clientSecret: env.AUTH_OIDC_SECRET,
    checks: ['pkce', 'state', 'nonce'],
  });
  oauthProviders.push({ id: 'oidc', name });
}

// ------------------------------------------------------ session re-issue

/**
 * After a password change the session version goes up, which voids every session, including the
 * current one. `reissueSession` (lib/auth/session.ts) asks Auth.js to rewrite the current cookie
 * with the new version; the request carries this short-lived proof, because the same `update`
 * endpoint is open to browsers (POST /api/auth/session) and a stolen old cookie must not be able
 * to bump itself to the current version.
 */
export function sessionProof(uid: number, sv: number): string {
  const expires = Date.now() + 60_000;
  const mac = crypto.createHmac('sha256', env.AUTH_SECRET ?? '').update(`reissue.${uid}.${sv}.${expires}`).digest('base64url');
  return `${uid}.${sv}.${expires}.${mac}`;
}

function verifySessionProof(proof: unknown, uid: number | undefined): number | null {
  if (typeof proof !== 'string' || uid === undefined) return null;
  const [u, sv, expires, mac] = proof.split('.');
  if (Number(u) !== uid || !(Number(expires) > Date.now())) return null;
  const expected = crypto.createHmac('sha256', env.AUTH_SECRET ?? '').update(`reissue.${u}.${sv}.${expires}`).digest();
  const given = Buffer.from(mac ?? '', 'base64url');
  return given.length === expected.length && crypto.timingSafeEqual(given, expected) ? Number(sv) : null;
}

export const { handlers, auth, signIn, signOut, unstable_update } = NextAuth({
  ...authConfig,
  secret: env.AUTH_SECRET,
  // HttpOnly and SameSite=Lax are Auth.js defaults; Secure (and the __Secure- prefix) follows the
  // configured public URL, so a proxy that forgets X-Forwarded-Proto cannot downgrade them.
  useSecureCookies: env.SITE_URL.startsWith('https://'),
  providers,
  logger: {
    error(error) {
      if (isExpectedSignInError(error)) return;
      console.error('[auth]', error);
    },
  },
  callbacks: {
    ...authConfig.callbacks,
    /** OAuth: sign in the linked account, or create a reader account on first visit. */
    async signIn({ account, profile, user }) {
      if (!account || account.type === 'credentials') return true;
      const link = { provider: account.provider, providerAccountId: String(account.providerAccountId) };
      const linked = getUserByAccount(link);
      if (linked) return !linked.disabledAt;
      // Only an address the provider has verified may name a new account.
      const verified = account.provider === 'github' || profile?.email_verified === true;
      const email = emailSchema.safeParse(profile?.email ?? user.email ?? '');
      if (!verified || !email.success) return '/signin?error=OAuthNoEmail';
      const name = nameSchema.safeParse(profile?.name ?? user.name ?? email.data.split('@')[0]);
      const created = createUserWithAccount({ ...link, email: email.data, name: name.success ? name.data : 'Member' });
      return created.ok ? true : '/signin?error=OAuthAccountNotLinked';
    },
    /**
     * Runs whenever a session is read (auth(), /api/auth/session): the role, name and status come
     * from the database every time, so a demotion or a disabled account takes effect on the next
     * request. Returning null clears the cookie.
     */
    async jwt(params) {
      const token = await authConfig.callbacks.jwt(params);
      const { account, trigger, session } = params;
      if (account && account.type !== 'credentials') {
        const local = getUserByAccount({ provider: account.provider, providerAccountId: String(account.providerAccountId) });
        if (!local) return null;
        token.uid = local.id;
        token.sv = local.sessionVersion;
      }
      if (trigger === 'update') {
        const sv = verifySessionProof((session as { reissue?: unknown } | undefined)?.reissue, token.uid);
        if (sv !== null) token.sv = sv;
      }
      if (token.uid === undefined) return null;
      const user = getUserById({ id: token.uid });
      if (!user || user.disabledAt || user.sessionVersion !== token.sv) return null;
      token.sub = String(user.id);
      token.role = user.role;
      token.name = user.name;
      token.email = normalizeEmail(user.email);
      return token;
    },
  },
});

// ------------------------------------------------ helpers for the account page

/**
 * Checks the signed-in user's current password (email or password change), under the same rate
 * limit as sign-in: a borrowed session must not become a way to guess the password.
 */
export async function checkCurrentPassword(
  { userId, email, password }: { userId: number; email: string; password: string },
  headers: Headers,
): Promise<{ ok: true } | { ok: false; retryAt?: number }> {
  const verdict = limiter.attempt({ email, ip: clientIp(headers) });
  if (!verdict.ok) return { ok: false, retryAt: verdict.retryAt };
  const user = getUserCredentialsById({ id: userId });
  const matches = await verifyPassword(user?.passwordHash ?? (await dummyHash), password);
  if (!user?.passwordHash || !matches) return { ok: false };
  limiter.succeeded({ email, attemptIds: verdict.attemptIds });
  return { ok: true };
}

// ------------------------------------------------------------ sign-up

/**
 * Counts a sign-up try against the address tried and the client's network, before any work is
 * done. Every try counts, a taken address included, so asking "does this address have an
 * account?" costs as much as creating one.
 */
export function attemptSignUp(email: string, headers: Headers): Verdict {
  return signUpLimiter.attempt({ email, ip: networkOf(clientIp(headers)) });
}

/**
 * The password check a new account's first sign-in does, against no account: "this address is
 * taken" then takes as long as a sign-up that went through.
 */
export async function spendSignInTime(password: string): Promise<void> {
  await verifyPassword(await dummyHash, password);
}

/** Rewrites the current session cookie for the session version set by a password change. */
export async function reissueSession(uid: number, sv: number): Promise<void> {
  await unstable_update({ reissue: sessionProof(uid, sv) } as Parameters<typeof unstable_update>[0]);
}
