import { and, asc, eq, gte, inArray, lt } from 'drizzle-orm';
import ipaddr from 'ipaddr.js';
import type { DB } from '@/db/index';
import { signInAttempts } from '@/db/schema';

/**
 * Sign-in rate limit, kept in SQLite (`sign_in_attempts`) so a restart does not reset it.
 *
 * Every attempt is written *before* the password is checked, in the same synchronous SQLite
 * transaction as the check, so parallel guesses cannot all slip through the gap; a successful
 * sign-in then deletes its own row and the account's earlier failures.
 *
 * Per key (`email:<normalised address>` and `ip:<address>`), within the window:
 * the first `free` failures are free; after that each try must wait `baseDelayMs` after the latest
 * failure, doubling each time up to `maxDelayMs`; and a key never gets more than `maxPerWindow`
 * tries per window. The account key applies to unknown addresses too, so the limit says nothing
 * about which accounts exist.
 */
export type Policy = {
  free: number;
  baseDelayMs: number;
  maxDelayMs: number;
  windowMs: number;
  maxPerWindow: number;
};

export const ACCOUNT_POLICY: Policy = {
  free: 5,
  baseDelayMs: 30_000,
  maxDelayMs: 15 * 60_000,
  windowMs: 60 * 60_000,
  maxPerWindow: 30,
};
// Several people can share one address (an office, a conference Wi-Fi), and the hard cap is what
// slows down someone spraying many accounts: at most 30 failed tries an hour.
export const IP_POLICY: Policy = { ...ACCOUNT_POLICY, maxPerWindow: 30 };

/**
 * Sign-up counts every try, whatever the answer: a new account, an address already taken, or a
 * refused password. Per address tried: as sign-in. Per network (an IPv4 /24, an IPv6 /64, where one
 * person's addresses sit): shorter waits, since a household or an office signs up a few people.
 */
export const SIGN_UP_EMAIL_POLICY: Policy = ACCOUNT_POLICY;
export const SIGN_UP_NETWORK_POLICY: Policy = {
  free: 5,
  baseDelayMs: 10_000,
  maxDelayMs: 5 * 60_000,
  windowMs: 60 * 60_000,
  maxPerWindow: 30,
};

export type Verdict =
  | { ok: true; attemptIds: number[] }
  | { ok: false; reason: 'account' | 'ip'; retryAt: number };

export type RateLimiter = ReturnType<typeof createRateLimiter>;

/** Which count a limiter keeps: sign-in and sign-up never use up each other's tries. */
export type LimitKind = 'sign-in' | 'sign-up';
const PREFIXES: Record<LimitKind, { account: string; ip: string }> = {
  'sign-in': { account: 'email:', ip: 'ip:' },
  'sign-up': { account: 'signup-email:', ip: 'signup-net:' },
};

export const accountKey = (email: string, kind: LimitKind = 'sign-in') => `${PREFIXES[kind].account}${email}`;
export const ipKey = (ip: string, kind: LimitKind = 'sign-in') => `${PREFIXES[kind].ip}${ip}`;

/**
 * The network an address belongs to, as far as one person's reach goes: an IPv4 /24 or an IPv6 /64
 * (a home connection gets a whole /64). Anything that is not an address stays as it is.
 */
export function networkOf(address: string | null): string | null {
  if (address === null || !ipaddr.isValid(address)) return address;
  const ip = ipaddr.process(address);
  if (ip.kind() === 'ipv4') return `${ip.toByteArray().slice(0, 3).join('.')}.0/24`;
  const parts = (ip as ipaddr.IPv6).parts.slice(0, 4);
  return `${new ipaddr.IPv6([...parts, 0, 0, 0, 0]).toString()}/64`;
}

/** The wait before the next try after `failures` failures in the window (0 while free). */
export function backoffMs(failures: number, policy: Policy): number {
  if (failures < policy.free) return 0;
  return Math.min(policy.baseDelayMs * 2 ** (failures - policy.free), policy.maxDelayMs);
}

export function createRateLimiter({
  db,
  kind = 'sign-in',
  account = ACCOUNT_POLICY,
  ip = IP_POLICY,
  now = Date.now,
}: {
  db: DB;
  kind?: LimitKind;
  account?: Policy;
  ip?: Policy;
  now?: () => number;
}) {
  let lastPrune = 0;

  /** When `key` may try again (≤ `at` means now), from its failures within the window. */
  function retryAtFor(tx: Pick<DB, 'select'>, key: string, policy: Policy, at: number): number {
    const times = tx
      .select({ at: signInAttempts.at })
      .from(signInAttempts)
      .where(and(eq(signInAttempts.key, key), gte(signInAttempts.at, at - policy.windowMs)))
      .orderBy(asc(signInAttempts.at))
      .all()
      .map((r) => r.at);
    if (times.length === 0) return at;
    let retryAt = times[times.length - 1] + backoffMs(times.length, policy);
    if (times.length >= policy.maxPerWindow) {
      // Wait until enough old failures leave the window to fall back under the cap.
      retryAt = Math.max(retryAt, times[times.length - policy.maxPerWindow] + policy.windowMs);
    }
    return retryAt;
  }

  return {
    /**
     * Checks both keys and, when allowed, records the attempt as a failure right away (undone by
     * `succeeded`). Synchronous on purpose: better-sqlite3 runs the whole check-and-write alone.
     */
    attempt({ email, ip: address }: { email: string; ip: string | null }): Verdict {
      const at = now();
      const keys: { key: string; policy: Policy; reason: 'account' | 'ip' }[] = [
        { key: accountKey(email, kind), policy: account, reason: 'account' },
      ];
      if (address) keys.push({ key: ipKey(address, kind), policy: ip, reason: 'ip' });

      const verdict = db.transaction((tx) => {
        for (const k of keys) {
          const retryAt = retryAtFor(tx, k.key, k.policy, at);
          if (retryAt > at) return { ok: false as const, reason: k.reason, retryAt };
        }
        const rows = tx
          .insert(signInAttempts)
          .values(keys.map((k) => ({ key: k.key, at })))
          .returning({ id: signInAttempts.id })
          .all();
        return { ok: true as const, attemptIds: rows.map((r) => r.id) };
      }, { behavior: 'immediate' });

      // Old rows are useless to every policy; sweep at most once a minute.
      if (at - lastPrune > 60_000) {
        lastPrune = at;
        const horizon = Math.max(account.windowMs, ip.windowMs);
        db.delete(signInAttempts).where(lt(signInAttempts.at, at - horizon)).run();
      }
      return verdict;
    },

    /** A correct password: forget this attempt and the account's failures (not the address's). */
    succeeded({ email, attemptIds }: { email: string; attemptIds: number[] }) {
      db.transaction((tx) => {
        if (attemptIds.length) tx.delete(signInAttempts).where(inArray(signInAttempts.id, attemptIds)).run();
        tx.delete(signInAttempts).where(eq(signInAttempts.key, accountKey(email, kind))).run();
      });
    },
  };
}

/** "30 seconds", "4 minutes", "1 hour": how long until `retryAt`, rounded up. */
export function formatWait(retryAt: number, from = Date.now()): string {
  const seconds = Math.max(1, Math.ceil((retryAt - from) / 1000));
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.ceil(minutes / 60);
  return `${hours} hour${hours === 1 ? '' : 's'}`;
}
