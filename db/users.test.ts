import '@/lib/testing/fresh-db';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { normalizeEmail } from '@/lib/auth/validation';
import { db } from './index';
import { auditLog, conferences, posts, ratings, talks } from './schema';
import { bumpUserSessionVersion, createUser, deleteUserById, getUserById, getUsers, hasAdmin, updateUserDisabled, updateUserEmail, updateUserPassword, updateUserRole } from './users';

let n = 0;
function newUser(role: 'reader' | 'author' | 'admin' = 'reader', name = `Person ${++n}`) {
  const result = createUser({ email: `user${++n}-${Date.now()}@example.com`, name, passwordHash: 'x', role });
  if (!result.ok) throw new Error(result.reason);
  return result.user;
}

describe('accounts', () => {
  it('cannot register the same address twice in another case or Unicode form', () => {
    const email = normalizeEmail('Jose\u0301@Example.com');
    expect(createUser({ email, name: 'José', passwordHash: 'x' }).ok).toBe(true);
    expect(createUser({ email: normalizeEmail('jos\u00e9@example.COM '), name: 'José 2', passwordHash: 'x' })).toEqual({ ok: false, reason: 'email-taken' });
    const other = newUser();
    expect(updateUserEmail({ id: other.id, email }).ok).toBe(false);
  });

  it('gives each account a unique handle', () => {
    const a = newUser('reader', 'Grace Hopper');
    const b = newUser('reader', 'Grace Hopper');
    expect(a.handle).toBe('grace-hopper');
    expect(b.handle).toBe('grace-hopper-2');
  });

  it('bumps the session version on a password change', () => {
    const u = newUser();
    expect(updateUserPassword({ id: u.id, passwordHash: 'y' })).toBe(u.sessionVersion + 1);
  });

  it('bumps the session version on an email change and on "sign out everywhere"', () => {
    const u = newUser();
    expect(updateUserEmail({ id: u.id, email: `moved-${u.id}@example.com` })).toEqual({ ok: true, sessionVersion: u.sessionVersion + 1 });
    bumpUserSessionVersion({ id: u.id });
    expect(getUserById({ id: u.id })?.sessionVersion).toBe(u.sessionVersion + 2);
  });

  it('opens /setup only until an admin exists, atomically', () => {
    const first = createUser({ email: 'first-admin@example.com', name: 'First', passwordHash: 'x', role: 'admin', onlyIfNoAdmin: !hasAdmin() });
    expect(first.ok).toBe(true);
    expect(createUser({ email: 'second-admin@example.com', name: 'Second', passwordHash: 'x', role: 'admin', onlyIfNoAdmin: true })).toEqual({
      ok: false,
      reason: 'admin-exists',
    });
  });
});

describe('admin changes', () => {
  it('never leaves the journal without an active admin', () => {
    // Start from exactly one active admin.
    for (const u of getUsers({ limit: 1000 }).users.filter((u) => u.role === 'admin')) {
      db.$client.prepare('UPDATE users SET role = ? WHERE id = ?').run('reader', u.id);
    }
    const admin = newUser('admin');
    expect(updateUserRole({ actorId: admin.id, userId: admin.id, role: 'author' })).toEqual({ ok: false, reason: 'last-admin' });
    expect(updateUserDisabled({ actorId: admin.id, userId: admin.id, disabled: true })).toEqual({ ok: false, reason: 'last-admin' });
    expect(deleteUserById({ id: admin.id })).toEqual({ ok: false, reason: 'last-admin' });

    const second = newUser('reader');
    expect(updateUserRole({ actorId: admin.id, userId: second.id, role: 'admin' })).toEqual({ ok: true });
    expect(updateUserRole({ actorId: admin.id, userId: admin.id, role: 'reader' })).toEqual({ ok: true });
    expect(getUserById({ id: admin.id })?.role).toBe('reader');
    const audit = db.select().from(auditLog).where(eq(auditLog.entityId, admin.id)).all();
    expect(audit.map((a) => a.action)).toContain('user.role');
  });

  it('searches by name or email, treating % and _ literally', () => {
    const u = newUser('reader', 'Zed 100% Unique_Name');
    expect(getUsers({ query: '100% unique_' }).users.map((r) => r.id)).toEqual([u.id]);
    expect(getUsers({ query: u.email.toUpperCase() }).users.map((r) => r.id)).toEqual([u.id]);
    expect(getUsers({ query: '%' }).users.map((r) => r.id)).toEqual([u.id]);
  });
});

describe('deleting an account', () => {
  it('keeps published recaps without an author, deletes drafts and ratings, and fixes the talk aggregates', () => {
    const author = newUser('author');
    const other = newUser('reader');
    const [conf] = db.insert(conferences).values({ slug: `c${n}`, name: 'Conf', startDate: '2030-01-01', endDate: '2030-01-02' }).returning().all();
    const [talk] = db.insert(talks).values({ conferenceId: conf.id, slug: 't', title: 'Talk', ratingCount: 2, ratingSum: 9, attendanceCount: 3 }).returning().all();
    db.insert(ratings).values([
      { userId: author.id, talkId: talk.id, stars: 5 },
      { userId: other.id, talkId: talk.id, stars: 4 },
    ]).run();
    db.insert(ratings).values({ userId: newUser().id, talkId: talk.id }).run(); // seen, not rated
    const [published] = db.insert(posts).values({ slug: `pub-${n}`, title: 'Published', authorId: author.id, status: 'published', publishedAt: 1 }).returning().all();
    const [draft] = db.insert(posts).values({ slug: `draft-${n}`, title: 'Draft', authorId: author.id, status: 'draft' }).returning().all();

    expect(deleteUserById({ id: author.id })).toEqual({ ok: true });

    expect(getUserById({ id: author.id })).toBeUndefined();
    expect(db.select().from(posts).where(eq(posts.id, published.id)).get()?.authorId).toBeNull();
    expect(db.select().from(posts).where(eq(posts.id, draft.id)).get()).toBeUndefined();
    expect(db.select().from(ratings).where(eq(ratings.userId, author.id)).all()).toHaveLength(0);
    const after = db.select().from(talks).where(eq(talks.id, talk.id)).get()!;
    expect(after).toMatchObject({ ratingCount: 1, ratingSum: 4, attendanceCount: 2 });
  });
});
