import '@/lib/testing/fresh-db';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const session = vi.hoisted(() => ({ value: null as null | { user: { id: string }; sv?: number } }));
vi.mock('./index', () => ({ auth: async () => session.value }));

const { createUser, updateUserDisabled, updateUserPassword, updateUserRole } = await import('@/db/users');
const { getCurrentUser } = await import('./current-user');

function makeUser() {
  const r = createUser({ email: `cu-${Math.random()}@example.com`, name: 'Cu', passwordHash: 'x', role: 'author' });
  if (!r.ok) throw new Error(r.reason);
  return r.user;
}

describe('getCurrentUser', () => {
  beforeEach(() => {
    session.value = null;
  });

  it('is null without a session', async () => {
    expect(await getCurrentUser()).toBeNull();
  });

  it('reads the role from the database, not from the session', async () => {
    const u = makeUser();
    session.value = { user: { id: String(u.id) }, sv: u.sessionVersion };
    expect((await getCurrentUser())?.role).toBe('author');
    updateUserRole({ actorId: u.id, userId: u.id, role: 'reader' });
    expect((await getCurrentUser())?.role).toBe('reader');
  });

  it('treats a disabled account as signed out', async () => {
    const u = makeUser();
    session.value = { user: { id: String(u.id) }, sv: u.sessionVersion };
    updateUserDisabled({ actorId: u.id, userId: u.id, disabled: true });
    expect(await getCurrentUser()).toBeNull();
  });

  it('treats a session from before the last password change as signed out', async () => {
    const u = makeUser();
    session.value = { user: { id: String(u.id) }, sv: u.sessionVersion };
    const sv = updateUserPassword({ id: u.id, passwordHash: 'new' });
    expect(await getCurrentUser()).toBeNull();
    session.value = { user: { id: String(u.id) }, sv };
    expect((await getCurrentUser())?.id).toBe(u.id);
  });

  it('treats a deleted account or a malformed id as signed out', async () => {
    session.value = { user: { id: '999999' }, sv: 1 };
    expect(await getCurrentUser()).toBeNull();
    session.value = { user: { id: 'abc' }, sv: 1 };
    expect(await getCurrentUser()).toBeNull();
  });
});
