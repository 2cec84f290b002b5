import type { Role } from '@/db/schema';

const RANK: Record<Role, number> = { reader: 1, author: 2, admin: 3 };

/** admin ⊇ author ⊇ reader. */
export function hasRole(user: { role: Role }, role: Role): boolean {
  return RANK[user.role] >= RANK[role];
}

/** The sign-in page, coming back to `path` afterwards. */
export function signInUrl(path: string): string {
  return `/signin?callbackUrl=${encodeURIComponent(path)}`;
}

/**
 * A route handler's answer to a signed-out request: see other (303) at the sign-in page, by a
 * relative address. `request.url` would name the host the server listens on (`localhost` behind
 * a proxy), not the site the reader is on.
 */
export function signInRedirect(path: string): Response {
  return new Response(null, { status: 303, headers: { Location: signInUrl(path) } });
}
