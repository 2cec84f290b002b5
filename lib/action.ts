import 'server-only';

import { headers } from 'next/headers';
import { redirect, unstable_rethrow } from 'next/navigation';
import { z } from 'zod';
import type { Role } from '@/db/schema';
import { getCurrentUser, type CurrentUser } from '@/lib/auth/current-user';
import { hasRole, signInUrl } from '@/lib/auth/roles';
import { env } from '@/lib/env';
import type { ActionState } from './action-state';

export type { ActionState } from './action-state';

/**
 * THE wrapper every server action goes through. Server actions are public POST endpoints: anyone
 * can call one with any payload, whatever the UI shows. In this order:
 *
 * 1. Origin: a request without an Origin header, or from another site, is refused. (Next.js only
 *    compares the Origin when there is one.)
 * 2. Session: signed out → redirect to /signin, coming back to the page the request came from.
 *    `role: 'public'` skips this (sign-in, sign-up); the body then gets `null` for a visitor.
 * 3. Role: admin ⊇ author ⊇ reader; `'signed-in'` (the default) means any role.
 * 4. Input: the zod schema parses the form; failures come back per field.
 * 5. The body, with the parsed data and the user re-read from the database.
 *
 * Expected failures are returned as state (or thrown as `ActionError`); anything else is logged on
 * the server and answered with a generic message, never a stack. Navigation (`redirect`,
 * `notFound`, `forbidden`) passes through. Every failure echoes what was typed, minus passwords.
 */

export type Access = Role | 'signed-in' | 'public';
type UserFor<A extends Access> = A extends 'public' ? CurrentUser | null : CurrentUser;

export type ActionOptions<S extends z.ZodType, A extends Access> = {
  /** Who may call it; defaults to any signed-in user. */
  role?: A;
  schema: S;
  /** Where to go after a successful body (a redirect outside the try, so it is never swallowed). */
  redirectTo?: string | ((data: z.output<S>, user: UserFor<A>) => string | null | undefined);
};

export type FormAction = (prev: ActionState, formData: FormData) => Promise<ActionState>;

/** A failure the user can fix: thrown from a body, returned as state. */
export class ActionError extends Error {
  constructor(
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
  }
}

export const MESSAGES = {
  origin: 'This request was refused: it did not come from this site.',
  forbidden: 'You don’t have access to do that.',
  invalid: 'Please correct the highlighted fields.',
  unexpected: 'Something went wrong on our side. Please try again.',
} as const;

export function action<S extends z.ZodType, A extends Access = 'signed-in'>(
  opts: ActionOptions<S, A>,
  body: (data: z.output<S>, user: UserFor<A>) => Promise<ActionState>,
): FormAction {
  const access: Access = opts.role ?? 'signed-in';
  return async (_prev, formData) => {
    // A raw request can send anything as the second argument.
    const form = formData instanceof FormData ? formData : new FormData();
    const values = echoValues(form);
    const fail = (state: Omit<ActionState, 'ok'>): ActionState => ({ ok: false, values, ...state });

    const h = await headers();
    if (!isSameOrigin(h)) return fail({ message: MESSAGES.origin });

    const user = await getCurrentUser();
    if (access !== 'public') {
      if (!user) redirect(signInUrl(refererPath(h)));
      if (access !== 'signed-in' && !hasRole(user, access)) return fail({ message: MESSAGES.forbidden });
    }

    const parsed = opts.schema.safeParse(formToObject(form));
    if (!parsed.success) {
      const { formErrors, fieldErrors } = z.flattenError(parsed.error);
      return fail({
        message: formErrors.length ? formErrors.join(' ') : MESSAGES.invalid,
        fieldErrors: Object.fromEntries(
          Object.entries(fieldErrors as Record<string, string[] | undefined>).filter(([, v]) => v?.length),
        ) as Record<string, string[]>,
      });
    }

    let result: ActionState;
    try {
      result = await body(parsed.data, user as UserFor<A>);
    } catch (error) {
      unstable_rethrow(error); // redirect(), notFound(), forbidden()…
      if (error instanceof ActionError) {
        return fail({ message: error.message, ...(error.fieldErrors && { fieldErrors: error.fieldErrors }) });
      }
      console.error('[action] unexpected error', error);
      return fail({ message: MESSAGES.unexpected });
    }
    if (!result.ok) return { values, ...result };

    const to = typeof opts.redirectTo === 'function' ? opts.redirectTo(parsed.data, user as UserFor<A>) : opts.redirectTo;
    if (to) redirect(to);
    return { values, ...result };
  };
}

/** The form as a plain object for zod: repeated names become arrays; React's own `$ACTION…` fields are left out. */
export function formToObject(form: FormData): Record<string, FormDataEntryValue | FormDataEntryValue[]> {
  const out: Record<string, FormDataEntryValue | FormDataEntryValue[]> = {};
  for (const key of new Set(form.keys())) {
    if (key.startsWith('$ACTION')) continue;
    const all = form.getAll(key);
    out[key] = all.length === 1 ? all[0] : all;
  }
  return out;
}

/** What to refill the form with: text fields only, never anything named like a password. */
export function echoValues(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith('$ACTION') || /password/i.test(key) || typeof value !== 'string' || key in out) continue;
    out[key] = value.slice(0, 20_000);
  }
  return out;
}

/**
 * A browser always sends Origin with a POST; a missing one means a script or an old client, and a
 * different one means another site. Compared with the Host the request reached (or the proxy's
 * X-Forwarded-Host), and with SITE_URL.
 */
export function isSameOrigin(h: Headers): boolean {
  const origin = h.get('origin');
  if (!origin || origin === 'null') return false;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false;
  }
  const allowed = [h.get('x-forwarded-host')?.split(',')[0]?.trim(), h.get('host'), new URL(env.SITE_URL).host];
  return allowed.some((a) => a && a.toLowerCase() === host.toLowerCase());
}

/** The page the action was posted from, as a same-site path, to come back to after signing in. */
function refererPath(h: Headers): string {
  const referer = h.get('referer');
  const origin = h.get('origin');
  if (!referer || !origin) return '/';
  try {
    const url = new URL(referer);
    return url.origin === origin ? url.pathname + url.search : '/';
  } catch {
    return '/';
  }
}
