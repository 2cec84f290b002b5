import { testDatabasePath } from '@/lib/testing/fresh-db';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/index';
import { signInAttempts } from '@/db/schema';
import { ACCOUNT_POLICY, backoffMs, createRateLimiter, formatWait } from './rate-limit';

const db = openDatabase(testDatabasePath);
afterAll(() => db.$client.close());

/** A clock the test moves by hand. */
function clock(start = Date.UTC(2030, 0, 1)) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

let n = 0;
const unique = () => `${++n}-${Math.random().toString(36).slice(2)}`;

describe('sign-in rate limiter', () => {
  it('allows five failures for an account, then asks to wait 30 s, doubling each time', () => {
    const c = clock();
    const limiter = createRateLimiter({ db, now: c.now });
    const email = `fail-${unique()}@example.com`;
    for (let i = 0; i < 5; i++) {
      expect(limiter.attempt({ email, ip: `10.0.0.${i}` }).ok).toBe(true);
      c.advance(1000);
    }
    const blocked = limiter.attempt({ email, ip: '10.0.0.99' });
    expect(blocked).toMatchObject({ ok: false, reason: 'account' });
    if (blocked.ok) throw new Error('unreachable');
    expect(blocked.retryAt - (c.now() - 1000)).toBe(30_000);

    c.advance(30_000);
    expect(limiter.attempt({ email, ip: '10.0.0.99' }).ok).toBe(true); // the 6th try, after waiting
    c.advance(1000);
    const again = limiter.attempt({ email, ip: '10.0.0.98' });
    expect(again).toMatchObject({ ok: false, reason: 'account' });
    if (again.ok) throw new Error('unreachable');
    expect(again.retryAt - (c.now() - 1000)).toBe(60_000);
  });

  it('limits an address across many accounts too', () => {
    const c = clock();
    const limiter = createRateLimiter({ db, now: c.now });
    const ip = `192.0.2.${n + 1}-${unique()}`;
    for (let i = 0; i < 5; i++) expect(limiter.attempt({ email: `spray-${unique()}@example.com`, ip }).ok).toBe(true);
    expect(limiter.attempt({ email: `spray-${unique()}@example.com`, ip })).toMatchObject({ ok: false, reason: 'ip' });
  });

  it('caps an address at 30 tries an hour even when it waits out every back-off', () => {
    const c = clock();
    const policy = { ...ACCOUNT_POLICY, free: 100 }; // no back-off: only the hourly cap applies
    const limiter = createRateLimiter({ db, now: c.now, ip: policy, account: policy });
    const ip = `198.51.100.${unique()}`;
    for (let i = 0; i < 30; i++) {
      expect(limiter.attempt({ email: `cap-${unique()}@example.com`, ip }).ok).toBe(true);
      c.advance(60_000);
    }
    const capped = limiter.attempt({ email: `cap-${unique()}@example.com`, ip });
    expect(capped).toMatchObject({ ok: false, reason: 'ip' });
    // The oldest try leaves the window an hour after it was made.
    if (capped.ok) throw new Error('unreachable');
    expect(capped.retryAt).toBe(c.now() - 30 * 60_000 + 60 * 60_000);
  });

  it('forgets the account’s failures after a successful sign-in', () => {
    const c = clock();
    const limiter = createRateLimiter({ db, now: c.now });
    const email = `ok-${unique()}@example.com`;
    for (let i = 0; i < 4; i++) limiter.attempt({ email, ip: `203.0.113.${i}` });
    const verdict = limiter.attempt({ email, ip: '203.0.113.9' });
    if (!verdict.ok) throw new Error('should be allowed');
    limiter.succeeded({ email, attemptIds: verdict.attemptIds });
    for (let i = 0; i < 5; i++) expect(limiter.attempt({ email, ip: `203.0.114.${i}` }).ok).toBe(true);
  });

  it('persists: a new limiter over the same database still blocks', () => {
    const c = clock();
    const email = `persist-${unique()}@example.com`;
    const first = createRateLimiter({ db, now: c.now });
    for (let i = 0; i < 5; i++) first.attempt({ email, ip: null });

    // As after a restart: a new connection to the same file, a new limiter.
    const reopened = openDatabase(testDatabasePath);
    try {
      const second = createRateLimiter({ db: reopened, now: c.now });
      expect(second.attempt({ email, ip: null })).toMatchObject({ ok: false, reason: 'account' });
    } finally {
      reopened.$client.close();
    }
  });

  it('counts only failures inside the window, and prunes old rows', () => {
    const c = clock();
    const limiter = createRateLimiter({ db, now: c.now });
    const email = `window-${unique()}@example.com`;
    for (let i = 0; i < 5; i++) limiter.attempt({ email, ip: null });
    c.advance(ACCOUNT_POLICY.windowMs + 61_000);
    expect(limiter.attempt({ email, ip: null }).ok).toBe(true);
    const old = db.select().from(signInAttempts).all().filter((r) => r.at < c.now() - ACCOUNT_POLICY.windowMs);
    expect(old).toHaveLength(0);
  });
});

describe('back-off and messages', () => {
  it('grows 30 s, 1 min, 2 min… and stops at 15 minutes', () => {
    expect([4, 5, 6, 7, 8, 20].map((f) => backoffMs(f, ACCOUNT_POLICY))).toEqual([0, 30_000, 60_000, 120_000, 240_000, 900_000]);
  });

  it('says how long to wait in words', () => {
    expect(formatWait(30_000, 0)).toBe('30 seconds');
    expect(formatWait(61_000, 0)).toBe('2 minutes');
    expect(formatWait(60 * 60_000, 0)).toBe('1 hour');
  });
});
