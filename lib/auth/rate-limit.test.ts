import { testDatabasePath } from '@/lib/testing/fresh-db';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/index';
import { signInAttempts } from '@/db/schema';
import { ACCOUNT_POLICY, backoffMs, createRateLimiter, formatWait, networkOf, SIGN_UP_EMAIL_POLICY, SIGN_UP_NETWORK_POLICY } from './rate-limit';

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

describe('sign-up rate limiter', () => {
  const signUpLimiter = (now: () => number) =>
    createRateLimiter({ db, kind: 'sign-up', account: SIGN_UP_EMAIL_POLICY, ip: SIGN_UP_NETWORK_POLICY, now });

  it('allows five sign-ups from a network, then 10 s, doubling up to 5 minutes', () => {
    const c = clock();
    const limiter = signUpLimiter(c.now);
    const prefix = `100.${n % 250}.${++n % 250}`;
    const net = (host: number) => networkOf(`${prefix}.${host}`);
    for (let i = 0; i < 5; i++) expect(limiter.attempt({ email: `new-${unique()}@example.com`, ip: net(i + 1) }).ok).toBe(true);
    // Another address of the same /24 is the same network.
    const blocked = limiter.attempt({ email: `new-${unique()}@example.com`, ip: net(200) });
    expect(blocked).toMatchObject({ ok: false, reason: 'ip', retryAt: c.now() + 10_000 });
    c.advance(10_000);
    expect(limiter.attempt({ email: `new-${unique()}@example.com`, ip: net(7) }).ok).toBe(true);
    expect(limiter.attempt({ email: `new-${unique()}@example.com`, ip: net(8) })).toMatchObject({ ok: false, reason: 'ip', retryAt: c.now() + 20_000 });
    expect([5, 6, 9, 20].map((f) => backoffMs(f, SIGN_UP_NETWORK_POLICY))).toEqual([10_000, 20_000, 160_000, 300_000]);
    expect(SIGN_UP_NETWORK_POLICY.maxPerWindow).toBe(30);
  });

  it('allows five tries for one email, then 30 s doubling, whether or not the address is taken', () => {
    const c = clock();
    const limiter = signUpLimiter(c.now);
    const email = `same-${unique()}@example.com`;
    for (let i = 0; i < 5; i++) expect(limiter.attempt({ email, ip: networkOf(`100.64.${i}.1`) }).ok).toBe(true);
    expect(limiter.attempt({ email, ip: networkOf('100.64.99.1') })).toMatchObject({ ok: false, reason: 'account', retryAt: c.now() + 30_000 });
    expect(SIGN_UP_EMAIL_POLICY.maxPerWindow).toBe(30);
  });

  it('keeps its own count: sign-in failures do not block a sign-up, nor the reverse', () => {
    const c = clock();
    const email = `both-${unique()}@example.com`;
    const ip = '100.65.0.1';
    const signIn = createRateLimiter({ db, now: c.now });
    for (let i = 0; i < 5; i++) signIn.attempt({ email, ip });
    expect(signIn.attempt({ email, ip }).ok).toBe(false);
    expect(signUpLimiter(c.now).attempt({ email, ip: networkOf(ip) }).ok).toBe(true);
  });

  it('groups addresses by network: an IPv4 /24, an IPv6 /64', () => {
    expect(networkOf('203.0.113.7')).toBe('203.0.113.0/24');
    expect(networkOf('::ffff:203.0.113.7')).toBe('203.0.113.0/24');
    expect(networkOf('2001:db8:1:2:3:4:5:6')).toBe('2001:db8:1:2::/64');
    expect(networkOf('2001:db8:1:2::9')).toBe(networkOf('2001:db8:1:2:ffff::1'));
    // Not an address (a proxy's odd header): kept as it is, still a key of its own.
    expect(networkOf('unknown')).toBe('unknown');
    expect(networkOf(null)).toBeNull();
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
