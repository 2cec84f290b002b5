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
