import '@/lib/testing/fresh-db';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { CurrentUser } from '@/lib/auth/current-user';

// The request: what `headers()` returns inside the action.
const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock('next/headers', () => ({ headers: async () => request.headers }));

// The session lookup: who `getCurrentUser()` says is signed in.
const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock('@/lib/auth/current-user', () => ({ getCurrentUser: async () => session.user }));

const { action, ActionError, MESSAGES } = await import('./action');

const SITE = 'http://localhost:3000';
function sameSiteRequest(extra: Record<string, string> = {}) {
  request.headers = new Headers({ host: 'localhost:3000', origin: SITE, referer: `${SITE}/write?draft=7`, ...extra });
}
function userWith(role: CurrentUser['role']): CurrentUser {
  return { id: 7, email: 'ada@hallway.test', name: 'Ada', handle: 'ada', role, sessionVersion: 1, journalPublic: false, hasPassword: true };
}
function form(fields: Record<string, string>) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  return fd;
}
/** Runs `fn` and returns the Next.js redirect target it threw, if any. */
async function redirectOf(fn: () => Promise<unknown>): Promise<string | null> {
  try {
    await fn();
    return null;
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? '';
    if (!digest.startsWith('NEXT_REDIRECT')) throw error;
    return digest.split(';')[2];
  }
}

const schema = z.object({
  title: z.string().trim().min(3, 'Give it a title of at least 3 characters.'),
  password: z.string().min(10, 'Too short.'),
  newPassword: z.string().optional(),
});

describe('action wrapper', () => {
  const body = vi.fn(async (data: z.output<typeof schema>, user: CurrentUser) => ({ ok: true, message: `saved ${data.title} for ${user.id}` }));
  const authorAction = action({ role: 'author', schema }, body);

  beforeEach(() => {
    body.mockClear();
    sameSiteRequest();
    session.user = userWith('author');
  });

  it('sends a signed-out user to sign in, coming back to the page they were on', async () => {
    session.user = null;
    const to = await redirectOf(() => authorAction({ ok: false }, form({ title: 'Hello', password: 'long enough pw' })));
    expect(to).toBe(`/signin?callbackUrl=${encodeURIComponent('/write?draft=7')}`);
    expect(body).not.toHaveBeenCalled();
  });

  it('refuses a signed-in user without the role, without running the body', async () => {
    session.user = userWith('reader');
    const state = await authorAction({ ok: false }, form({ title: 'Hello', password: 'long enough pw' }));
    expect(state).toMatchObject({ ok: false, message: MESSAGES.forbidden });
    expect(body).not.toHaveBeenCalled();
  });

  it('lets a higher role through (admin ⊇ author ⊇ reader)', async () => {
    session.user = userWith('admin');
    const state = await authorAction({ ok: false }, form({ title: 'Hello', password: 'long enough pw' }));
    expect(state.ok).toBe(true);
  });

  it('returns per-field errors for invalid input, keeps what was typed, and never echoes a password', async () => {
    const state = await authorAction(
      { ok: false },
      form({ title: ' x ', password: 'hunter2', newPassword: 'also secret', $ACTION_ID_abc: '' }),
    );
    expect(state.ok).toBe(false);
    expect(state.message).toBe(MESSAGES.invalid);
    expect(state.fieldErrors).toEqual({
      title: ['Give it a title of at least 3 characters.'],
      password: ['Too short.'],
    });
    expect(state.values).toEqual({ title: ' x ' });
    expect(JSON.stringify(state)).not.toContain('hunter2');
    expect(JSON.stringify(state)).not.toContain('also secret');
    expect(body).not.toHaveBeenCalled();
  });

  it('hands valid, parsed input and the user to the body', async () => {
    const state = await authorAction({ ok: false }, form({ title: '  Day one  ', password: 'long enough pw' }));
    expect(body).toHaveBeenCalledWith({ title: 'Day one', password: 'long enough pw' }, expect.objectContaining({ id: 7, role: 'author' }));
    expect(state).toMatchObject({ ok: true, message: 'saved Day one for 7' });
  });

  it('refuses a request without an Origin header before looking at the session', async () => {
    request.headers = new Headers({ host: 'localhost:3000' });
    session.user = null; // would redirect if the session were checked first
    const state = await authorAction({ ok: false }, form({ title: 'Hello', password: 'long enough pw' }));
    expect(state).toMatchObject({ ok: false, message: MESSAGES.origin });
    expect(body).not.toHaveBeenCalled();
  });

  it('refuses a request from another site, and an opaque "null" origin', async () => {
    for (const origin of ['https://evil.example', 'null', 'http://localhost:3000.evil.example', 'not a url']) {
      sameSiteRequest({ origin });
      const state = await authorAction({ ok: false }, form({ title: 'Hello', password: 'long enough pw' }));
      expect(state, origin).toMatchObject({ ok: false, message: MESSAGES.origin });
    }
    expect(body).not.toHaveBeenCalled();
  });

  it('accepts the origin a proxy forwarded, and SITE_URL', async () => {
    sameSiteRequest({ host: '127.0.0.1:3000', origin: 'https://journal.example', 'x-forwarded-host': 'journal.example' });
    expect((await authorAction({ ok: false }, form({ title: 'Hello', password: 'long enough pw' }))).ok).toBe(true);
    sameSiteRequest({ host: 'internal:8080', origin: SITE });
    expect((await authorAction({ ok: false }, form({ title: 'Hello', password: 'long enough pw' }))).ok).toBe(true);
  });

  it('treats a payload that is not a form as empty input', async () => {
    const state = await authorAction({ ok: false }, 'title=Hello' as unknown as FormData);
    expect(state.ok).toBe(false);
    expect(state.fieldErrors?.title).toBeDefined();
    expect(body).not.toHaveBeenCalled();
  });

  it('returns expected errors and hides unexpected ones behind a generic message', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const expected = action({ schema }, async () => {
      throw new ActionError('That slug is taken.', { title: ['Taken.'] });
    });
    expect(await expected({ ok: false }, form({ title: 'Hello', password: 'long enough pw' }))).toMatchObject({
      ok: false,
      message: 'That slug is taken.',
      fieldErrors: { title: ['Taken.'] },
      values: { title: 'Hello' },
    });

    const plain = action({ schema }, async () => {
      throw new ActionError('That talk does not exist.');
    });
    const plainState = await plain({ ok: false }, form({ title: 'Hello', password: 'long enough pw' }));
    expect(plainState).toEqual({ ok: false, message: 'That talk does not exist.', values: { title: 'Hello' } });
    expect(plainState).not.toHaveProperty('fieldErrors'); // no "$undefined" on the wire

    const broken = action({ schema }, async () => {
      throw new Error('SQLITE_CORRUPT at /srv/hallway/data/hallway.db');
    });
    const state = await broken({ ok: false }, form({ title: 'Hello', password: 'long enough pw' }));
    expect(state).toEqual({ ok: false, message: MESSAGES.unexpected, values: { title: 'Hello' } });
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });

  it('lets redirects from the body through, and redirects after success when asked', async () => {
    const redirecting = action({ schema, redirectTo: (d) => `/posts/${d.title}` }, async () => ({ ok: true }));
    expect(await redirectOf(() => redirecting({ ok: false }, form({ title: 'hello', password: 'long enough pw' })))).toBe('/posts/hello');
  });

  it('runs public actions for visitors with a null user, still behind the Origin check', async () => {
    session.user = null;
    const seen: (CurrentUser | null)[] = [];
    const open = action({ role: 'public', schema: z.object({}) }, async (_d, user) => {
      seen.push(user);
      return { ok: true };
    });
    expect((await open({ ok: false }, form({}))).ok).toBe(true);
    expect(seen).toEqual([null]);
    request.headers = new Headers({ host: 'localhost:3000' });
    expect(await open({ ok: false }, form({}))).toMatchObject({ ok: false, message: MESSAGES.origin });
  });

  it('defaults to signed-in users of any role', async () => {
    session.user = userWith('reader');
    const anyone = action({ schema: z.object({}) }, async () => ({ ok: true }));
    expect((await anyone({ ok: false }, form({}))).ok).toBe(true);
    session.user = null;
    expect(await redirectOf(() => anyone({ ok: false }, form({})))).toMatch(/^\/signin\?callbackUrl=/);
  });
});
