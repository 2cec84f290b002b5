import 'server-only';

import crypto from 'node:crypto';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { db } from './index';
import { getTalkCards } from './queries';
import { plans, ratings, users } from './schema';

/**
 * The personal calendar feed's secret. `/journal/calendar.ics?token=…` is fetched by calendar apps
 * that cannot sign in, so the token is the only credential: 24 random bytes (192 bits), unique
 * (users_calendar_token_idx), replaced on reset so an old link stops working at once.
 */

/** 24 bytes in base64url: exactly 32 characters of [A-Za-z0-9_-]. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{32}$/;

export function getCalendarTokenByUserId({ userId }: { userId: number }): string | null {
  return db.select({ token: users.calendarToken }).from(users).where(eq(users.id, userId)).get()?.token ?? null;
}

/** Gives the user a new token (their first, or a replacement) and returns it. */
export function resetCalendarToken({ userId }: { userId: number }): string {
  const token = crypto.randomBytes(24).toString('base64url');
  db.update(users).set({ calendarToken: token }).where(eq(users.id, userId)).run();
  return token;
}

/** The active (not disabled) user a token belongs to; null for anything else, malformed included. */
export function getUserByCalendarToken({ token }: { token: unknown }) {
  if (typeof token !== 'string' || !TOKEN_SHAPE.test(token)) return null;
  return (
    db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(and(eq(users.calendarToken, token), isNull(users.disabledAt)))
      .get() ?? null
  );
}

/**
 * The talks a user marked (any row in `ratings`: seen, rated or reviewed) and the talks on their
 * agenda, as talk cards; `planned` for an agenda talk not (yet) marked as seen. `lastChange` is
 * the newest of either.
 */
export function getMarkedTalksByUserId({ userId }: { userId: number }) {
  const seen = db
    .select({ talkId: ratings.talkId, updatedAt: ratings.updatedAt })
    .from(ratings)
    .where(eq(ratings.userId, userId))
    .orderBy(asc(ratings.createdAt))
    .all();
  const planned = db.select({ talkId: plans.talkId, createdAt: plans.createdAt }).from(plans).where(eq(plans.userId, userId)).orderBy(asc(plans.createdAt)).all();
  const seenIds = new Set(seen.map((r) => r.talkId));
  const ids = [...seenIds, ...planned.map((r) => r.talkId).filter((id) => !seenIds.has(id))];
  const lastChange = Math.max(0, ...seen.map((r) => r.updatedAt), ...planned.map((r) => r.createdAt));
  return { talks: getTalkCards(ids).map((t) => ({ ...t, planned: !seenIds.has(t.id) })), lastChange };
}
