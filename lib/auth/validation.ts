/**
 * Input rules for accounts, shared by the server actions, the sign-in provider and
 * `npm run user:create`. Free of server-only imports so the script can use it too.
 */
import { z } from 'zod';
import { PASSWORD_MAX, PASSWORD_MIN } from '@/lib/password';
import { ROLES } from '@/db/schema';

/**
 * Trimmed, Unicode NFC, lower case: "Ada@Example.com " and "ada@example.com", or an "é" typed as one
 * code point and as e + combining accent, are the same account. Stored emails are always in this form.
 */
export function normalizeEmail(email: string): string {
  return email.trim().normalize('NFC').toLowerCase();
}

// Invisible (format) and control characters are how look-alike addresses are built; nobody types them.
const INVISIBLE = /[\p{Cc}\p{Cf}]/u;
const EMAIL = /^[^\s@"<>()[\]\\,;:]{1,64}@[^\s@"<>()[\]\\,;:]+\.[^\s@"<>()[\]\\,;:.]{2,}$/u;

export const emailSchema = z
  .string({ error: 'Enter your email address.' })
  .transform(normalizeEmail)
  .pipe(
    z
      .string()
      .min(1, 'Enter your email address.')
      .max(254, 'That email address is too long.')
      .refine((v) => !INVISIBLE.test(v) && EMAIL.test(v), 'Enter an email address like name@example.com.'),
  );

// A few of the most used passwords that pass the length rule; the length rule does the heavy lifting.
const COMMON = new Set([
  '1234567890', '12345678910', '0123456789', '0987654321', '1111111111', '123456789a', 'a123456789',
  'password12', 'password123', 'password1234', 'passw0rd123', 'qwertyuiop', 'qwerty1234', 'qwerty12345',
  '1q2w3e4r5t', '1qaz2wsx3edc', 'iloveyou12', 'abcdefghij', 'abc1234567', 'letmein123', 'welcome123',
  'changeme123', 'administrator', 'hallway123', 'hallwayhallway',
]);

/** Why a new password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, email?: string): string | null {
  if (password.length < PASSWORD_MIN) return `Use at least ${PASSWORD_MIN} characters.`;
  if (password.length > PASSWORD_MAX) return `Use at most ${PASSWORD_MAX} characters.`;
  const lower = password.toLowerCase();
  if (new Set(lower).size < 4 || COMMON.has(lower)) return 'That password is too easy to guess. Try a few unrelated words.';
  if (email && (lower === email || lower === email.split('@')[0])) return 'Don’t use your email address as your password.';
  return null;
}

/** A password being set (sign-up, change, setup): NFC so it matches however the keyboard composes it. */
export const newPasswordSchema = z
  .string({ error: 'Choose a password.' })
  .transform((v) => v.normalize('NFC'))
  .superRefine((v, ctx) => {
    const problem = passwordProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** A password being checked: any length up to the maximum, so the answer is always "wrong email or password". */
export const currentPasswordSchema = z
  .string({ error: 'Enter your password.' })
  .min(1, 'Enter your password.')
  .max(PASSWORD_MAX, 'Enter your password.')
  .transform((v) => v.normalize('NFC'));

export const nameSchema = z
  .string({ error: 'Enter a display name.' })
  .transform((v) => v.normalize('NFC').replace(/\s+/g, ' ').trim())
  .pipe(
    z
      .string()
      .min(1, 'Enter a display name.')
      .max(80, 'Keep it under 80 characters.')
      .refine((v) => !INVISIBLE.test(v), 'Remove the invisible characters.'),
  );

export const roleSchema = z.enum(ROLES, { error: 'Pick a role.' });

/**
 * Where to go after signing in: only a path on this site. `//evil.example`, `/\evil.example`,
 * `https://…` and anything odd fall back to `fallback`. The check is on the normalised result, not
 * the input: dot segments collapse, so `/.//evil.example` becomes `//evil.example`, which a browser
 * reads as another host.
 */
export function safeCallbackPath(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || !value.startsWith('/')) return fallback;
  try {
    const base = 'http://hallway.invalid';
    const url = new URL(value, base);
    if (url.origin !== base) return fallback;
    const path = url.pathname + url.search + url.hash;
    // Browsers treat `\` as `/` in a Location, so none at all rather than only a leading one.
    if (path.startsWith('//') || path.includes('\\')) return fallback;
    // Never bounce back to the auth pages themselves.
    if (/^\/(signin|signup|setup)(\/|$)/.test(url.pathname)) return fallback;
    return path;
  } catch {
    return fallback;
  }
}

export const callbackUrlSchema = z
  .unknown()
  .optional()
  .transform((v) => safeCallbackPath(v));
