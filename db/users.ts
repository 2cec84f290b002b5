import 'server-only';

import { and, asc, count, eq, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import { slugify } from '@/lib/slug';
import { db as defaultDb, type DB } from './index';
import { recountGoing } from './plans';
import { accounts, auditLog, plans, posts, ratings, talks, users, type Role, type User } from './schema';

/**
 * Reads and writes for accounts and sign-in. Emails arrive already normalised (see
 * lib/auth/validation.ts); nothing here trusts the caller about roles: the callers are the action
 * wrapper (lib/action.ts) and the Auth.js callbacks, which check first.
 */

/** What the rest of the app may know about a user: never the password hash. */
export const publicUserColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  handle: users.handle,
  role: users.role,
  disabledAt: users.disabledAt,
  sessionVersion: users.sessionVersion,
  journalPublic: users.journalPublic,
  hasPassword: sql<boolean>`${users.passwordHash} IS NOT NULL`.mapWith(Boolean),
  createdAt: users.createdAt,
};

export type UserRecord = Omit<User, 'passwordHash' | 'calendarToken' | 'updatedAt'> & { hasPassword: boolean };

export function getUserById({ id }: { id: number }, db: DB = defaultDb): UserRecord | undefined {
  return db.select(publicUserColumns).from(users).where(eq(users.id, id)).get();
}

/** For the password check only: the one query that returns the hash. */
export function getUserCredentialsByEmail({ email }: { email: string }, db: DB = defaultDb) {
  return db
    .select({ id: users.id, passwordHash: users.passwordHash, disabledAt: users.disabledAt, sessionVersion: users.sessionVersion })
    .from(users)
    .where(eq(users.email, email))
    .get();
}

export function getUserCredentialsById({ id }: { id: number }, db: DB = defaultDb) {
  return db.select({ id: users.id, passwordHash: users.passwordHash }).from(users).where(eq(users.id, id)).get();
}

export function getUserByEmail({ email }: { email: string }, db: DB = defaultDb): UserRecord | undefined {
  return db.select(publicUserColumns).from(users).where(eq(users.email, email)).get();
}

/** A handle for `/u/[handle]` derived from the name, with `-2`, `-3`… when taken. */
function uniqueHandle(tx: Pick<DB, 'select'>, name: string, email: string): string {
  let base = slugify(name, 24);
  if (base === 'untitled') base = slugify(email.split('@')[0], 24);
  if (base === 'untitled') base = 'member';
  const taken = new Set(
    tx
      .select({ handle: users.handle })
      .from(users)
      .where(or(eq(users.handle, base), sql`${users.handle} LIKE ${`${base}-%`}`))
      .all()
      .map((r) => r.handle),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

const isUniqueViolation = (error: unknown, column: string) =>
  error instanceof Error &&
  (error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE' &&
  error.message.includes(`users.${column}`);

export type CreateUserResult = { ok: true; user: UserRecord } | { ok: false; reason: 'email-taken' | 'admin-exists' };

/**
 * Creates an account. `onlyIfNoAdmin` (for `/setup`) makes "no admin exists yet" part of the same
 * transaction, so two people racing through the setup page cannot both become admin.
 */
export function createUser(
  input: { email: string; name: string; passwordHash: string | null; role?: Role; onlyIfNoAdmin?: boolean },
  db: DB = defaultDb,
): CreateUserResult {
  try {
    return db.transaction((tx) => {
      if (input.onlyIfNoAdmin && adminCount(tx) > 0) return { ok: false as const, reason: 'admin-exists' as const };
      if (tx.select({ id: users.id }).from(users).where(eq(users.email, input.email)).get()) {
        return { ok: false as const, reason: 'email-taken' as const };
      }
      const [row] = tx
        .insert(users)
        .values({
          email: input.email,
          name: input.name,
          handle: uniqueHandle(tx, input.name, input.email),
          role: input.role ?? 'reader',
          passwordHash: input.passwordHash,
        })
        .returning({ id: users.id })
        .all();
      return { ok: true as const, user: getUserById({ id: row.id }, tx as unknown as DB)! };
    }, { behavior: 'immediate' });
  } catch (error) {
    if (isUniqueViolation(error, 'email')) return { ok: false, reason: 'email-taken' };
    throw error;
  }
}

function adminCount(tx: Pick<DB, 'select'>, { activeOnly = false, exceptId }: { activeOnly?: boolean; exceptId?: number } = {}) {
  const [{ n }] = tx
    .select({ n: count() })
    .from(users)
    .where(
      and(
        eq(users.role, 'admin'),
        activeOnly ? isNull(users.disabledAt) : undefined,
        exceptId === undefined ? undefined : ne(users.id, exceptId),
      ),
    )
    .all();
  return n;
}

/** True once any admin account exists (disabled or not): `/setup` closes for good. */
export function hasAdmin(db: DB = defaultDb): boolean {
  return adminCount(db) > 0;
}

export function updateUserName({ id, name }: { id: number; name: string }, db: DB = defaultDb) {
  db.update(users).set({ name }).where(eq(users.id, id)).run();
}

const nextSessionVersion = sql`${users.sessionVersion} + 1`;

/** Sets a new email and bumps the session version, which voids every session. Returns the new version. */
export function updateUserEmail({ id, email }: { id: number; email: string }, db: DB = defaultDb): { ok: true; sessionVersion: number } | { ok: false } {
  try {
    const taken = db.select({ id: users.id }).from(users).where(and(eq(users.email, email), ne(users.id, id))).get();
    if (taken) return { ok: false };
    const [row] = db
      .update(users)
      .set({ email, sessionVersion: nextSessionVersion })
      .where(eq(users.id, id))
      .returning({ sessionVersion: users.sessionVersion })
      .all();
    return row ? { ok: true, sessionVersion: row.sessionVersion } : { ok: false };
  } catch (error) {
    if (isUniqueViolation(error, 'email')) return { ok: false };
    throw error;
  }
}

/** Voids every session of the account, on every device (sign-out, "Sign out everywhere"). */
export function bumpUserSessionVersion({ id }: { id: number }, db: DB = defaultDb) {
  db.update(users).set({ sessionVersion: nextSessionVersion }).where(eq(users.id, id)).run();
}

/** Sets a new hash and bumps the session version, which voids every other session. Returns the new version. */
export function updateUserPassword({ id, passwordHash }: { id: number; passwordHash: string }, db: DB = defaultDb): number {
  const [row] = db
    .update(users)
    .set({ passwordHash, sessionVersion: nextSessionVersion })
    .where(eq(users.id, id))
    .returning({ sessionVersion: users.sessionVersion })
    .all();
  return row.sessionVersion;
}

export function updateUserJournalPublic({ id, journalPublic }: { id: number; journalPublic: boolean }, db: DB = defaultDb) {
  db.update(users).set({ journalPublic }).where(eq(users.id, id)).run();
}

/**
 * Deletes an account, in one transaction:
 * - published recaps stay, with `author_id` set null by the foreign key ("A former member");
 * - drafts and soft-deleted posts go (nobody could ever open them again without an author);
 * - ratings go (cascade), and the talks' write-time aggregates are recomputed from what is left;
 * - agenda plans go (cascade), and those talks' going counts are recomputed the same way;
 * - OAuth links go (cascade); comments, uploads and audit entries keep their rows with the user set null.
 * Refused when it would leave no active admin.
 */
export function deleteUserById({ id }: { id: number }, db: DB = defaultDb): { ok: true } | { ok: false; reason: 'not-found' | 'last-admin' } {
  return db.transaction((tx) => {
    const user = tx.select({ role: users.role, disabledAt: users.disabledAt }).from(users).where(eq(users.id, id)).get();
    if (!user) return { ok: false as const, reason: 'not-found' as const };
    if (user.role === 'admin' && !user.disabledAt && adminCount(tx, { activeOnly: true, exceptId: id }) === 0) {
      return { ok: false as const, reason: 'last-admin' as const };
    }
    const talkIds = tx.select({ talkId: ratings.talkId }).from(ratings).where(eq(ratings.userId, id)).all().map((r) => r.talkId);
    const plannedIds = tx.select({ talkId: plans.talkId }).from(plans).where(eq(plans.userId, id)).all().map((r) => r.talkId);
    tx.delete(posts).where(and(eq(posts.authorId, id), ne(posts.status, 'published'))).run();
    tx.delete(users).where(eq(users.id, id)).run();
    if (talkIds.length) {
      // Same rules as the rating writes: excluded ratings count for nothing, attendance counts every
      // remaining "I saw it", the star aggregates only the rated ones.
      const live = sql`FROM ${ratings} WHERE ${ratings.talkId} = ${talks.id} AND ${ratings.excludedAt} IS NULL`;
      tx.update(talks)
        .set({
          attendanceCount: sql`(SELECT count(*) ${live})`,
          ratingCount: sql`(SELECT count(${ratings.stars}) ${live})`,
          ratingSum: sql`(SELECT coalesce(sum(${ratings.stars}), 0) ${live})`,
        })
        .where(inArray(talks.id, talkIds))
        .run();
    }
    recountGoing(tx, plannedIds);
    return { ok: true as const };
  }, { behavior: 'immediate' });
}

export type UserListItem = Pick<UserRecord, 'id' | 'name' | 'email' | 'handle' | 'role' | 'disabledAt' | 'createdAt'>;

/** Admin list: search by name or email (substring, case-insensitive for ASCII), newest first. */
export function getUsers(
  { query = '', limit = 50, offset = 0 }: { query?: string; limit?: number; offset?: number },
  db: DB = defaultDb,
): { users: UserListItem[]; total: number } {
  const q = query.trim().normalize('NFC');
  // `\` escapes LIKE's wildcards so a search for "50%" means the text "50%".
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const where = q
    ? or(sql`${users.name} LIKE ${pattern} ESCAPE '\\'`, sql`${users.email} LIKE ${pattern.toLowerCase()} ESCAPE '\\'`)
    : undefined;
  const rows = db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      handle: users.handle,
      role: users.role,
      disabledAt: users.disabledAt,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(where)
    .orderBy(asc(users.name), asc(users.id))
    .limit(limit)
    .offset(offset)
    .all();
  const [{ total }] = db.select({ total: count() }).from(users).where(where).all();
  return { users: rows, total };
}

export type AdminChangeResult = { ok: true } | { ok: false; reason: 'not-found' | 'last-admin' };

/** Role change by an admin, refused when it would leave no active admin; audited. */
export function updateUserRole(
  { actorId, userId, role }: { actorId: number; userId: number; role: Role },
  db: DB = defaultDb,
): AdminChangeResult {
  return db.transaction((tx) => {
    const user = tx.select({ role: users.role, disabledAt: users.disabledAt }).from(users).where(eq(users.id, userId)).get();
    if (!user) return { ok: false as const, reason: 'not-found' as const };
    if (user.role === role) return { ok: true as const };
    if (user.role === 'admin' && !user.disabledAt && adminCount(tx, { activeOnly: true, exceptId: userId }) === 0) {
      return { ok: false as const, reason: 'last-admin' as const };
    }
    tx.update(users).set({ role }).where(eq(users.id, userId)).run();
    tx.insert(auditLog)
      .values({ actorId, action: 'user.role', entity: 'user', entityId: userId, detail: JSON.stringify({ before: user.role, after: role }) })
      .run();
    return { ok: true as const };
  }, { behavior: 'immediate' });
}

/** Disable or re-enable an account; a disabled account is signed out on its next request. Audited. */
export function updateUserDisabled(
  { actorId, userId, disabled }: { actorId: number; userId: number; disabled: boolean },
  db: DB = defaultDb,
): AdminChangeResult {
  return db.transaction((tx) => {
    const user = tx.select({ role: users.role, disabledAt: users.disabledAt }).from(users).where(eq(users.id, userId)).get();
    if (!user) return { ok: false as const, reason: 'not-found' as const };
    if (!!user.disabledAt === disabled) return { ok: true as const };
    if (disabled && user.role === 'admin' && adminCount(tx, { activeOnly: true, exceptId: userId }) === 0) {
      return { ok: false as const, reason: 'last-admin' as const };
    }
    tx.update(users).set({ disabledAt: disabled ? Date.now() : null }).where(eq(users.id, userId)).run();
    tx.insert(auditLog)
      .values({ actorId, action: disabled ? 'user.disable' : 'user.enable', entity: 'user', entityId: userId })
      .run();
    return { ok: true as const };
  }, { behavior: 'immediate' });
}

// ------------------------------------------------------------------ OAuth

export function getUserByAccount(
  { provider, providerAccountId }: { provider: string; providerAccountId: string },
  db: DB = defaultDb,
): UserRecord | undefined {
  return db
    .select(publicUserColumns)
    .from(accounts)
    .innerJoin(users, eq(users.id, accounts.userId))
    .where(and(eq(accounts.provider, provider), eq(accounts.providerAccountId, providerAccountId)))
    .get();
}

/**
 * First OAuth sign-in: a new reader account linked to the provider identity. Refused when the email
 * already belongs to an account: linking by email would let whoever controls that address at the
 * provider take the account over.
 */
export function createUserWithAccount(
  input: { provider: string; providerAccountId: string; email: string; name: string },
  db: DB = defaultDb,
): CreateUserResult {
  try {
    return db.transaction((tx) => {
      if (tx.select({ id: users.id }).from(users).where(eq(users.email, input.email)).get()) {
        return { ok: false as const, reason: 'email-taken' as const };
      }
      const [row] = tx
        .insert(users)
        .values({ email: input.email, name: input.name, handle: uniqueHandle(tx, input.name, input.email), passwordHash: null })
        .returning({ id: users.id })
        .all();
      tx.insert(accounts).values({ userId: row.id, provider: input.provider, providerAccountId: input.providerAccountId }).run();
      return { ok: true as const, user: getUserById({ id: row.id }, tx as unknown as DB)! };
    }, { behavior: 'immediate' });
  } catch (error) {
    if (isUniqueViolation(error, 'email')) return { ok: false, reason: 'email-taken' };
    throw error;
  }
}
