import 'server-only';

import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { endOf } from '@/lib/agenda';
import { db as defaultDb, type DB } from './index';
import { getTalkCards, type TalkCard } from './queries';
import { plans, talks } from './schema';

/**
 * The agenda: "I'm going" on a talk, one row per person and talk (the primary key makes it a
 * database rule). `talks.going_count` moves in the SAME transaction as the row, so the public
 * "42 going" is read from the talk, never counted per request; `checkGoingCounts` recomputes it
 * from the rows to prove it (`npm run db:check`).
 *
 * The user id always comes from the caller's session, never from a form: these functions trust it.
 */

type Tx = Parameters<Parameters<DB['transaction']>[0]>[0];

export type PlanResult =
  | { ok: true; changed: boolean; going: boolean; goingCount: number }
  | { ok: false; reason: 'talk-not-found' }
  | { ok: false; reason: 'over'; endsAt: number };

function goingCountOf(tx: Tx, talkId: number): number {
  return tx.select({ n: talks.goingCount }).from(talks).where(eq(talks.id, talkId)).get()?.n ?? 0;
}

function moveGoingCount(tx: Tx, talkId: number, by: 1 | -1) {
  tx.update(talks)
    // Derived numbers, not an edit of the talk: keep its updated_at (authoring compares it).
    .set({ goingCount: sql`${talks.goingCount} + ${by}`, updatedAt: sql`${talks.updatedAt}` })
    .where(eq(talks.id, talkId))
    .run();
}

/**
 * Puts a talk on the user's agenda, or takes it off. Adding is refused once the talk is over (a
 * plan is for what is still to come); taking off always works. Idempotent: the same state twice
 * writes nothing.
 */
export function setPlan(
  { userId, talkId, going, now = Date.now() }: { userId: number; talkId: number; going: boolean; now?: number },
  db: DB = defaultDb,
): PlanResult {
  return db.transaction(
    (tx): PlanResult => {
      const talk = tx.select({ startsAt: talks.startsAt, durationMinutes: talks.durationMinutes }).from(talks).where(eq(talks.id, talkId)).get();
      if (!talk) return { ok: false, reason: 'talk-not-found' };
      if (going) {
        const endsAt = talk.startsAt === null ? null : endOf({ startsAt: talk.startsAt, durationMinutes: talk.durationMinutes });
        if (endsAt !== null && endsAt <= now) return { ok: false, reason: 'over', endsAt };
        const inserted = tx.insert(plans).values({ userId, talkId, createdAt: now }).onConflictDoNothing().run();
        if (inserted.changes > 0) moveGoingCount(tx, talkId, 1);
        return { ok: true, changed: inserted.changes > 0, going: true, goingCount: goingCountOf(tx, talkId) };
      }
      const deleted = tx.delete(plans).where(and(eq(plans.userId, userId), eq(plans.talkId, talkId))).run();
      if (deleted.changes > 0) moveGoingCount(tx, talkId, -1);
      return { ok: true, changed: deleted.changes > 0, going: false, goingCount: goingCountOf(tx, talkId) };
    },
    { behavior: 'immediate' },
  );
}

/** Which of some talks are on the user's agenda (for the toggles of one page). */
export function getPlannedTalkIdsByUser({ userId, talkIds }: { userId: number; talkIds: number[] }): number[] {
  if (talkIds.length === 0) return [];
  return defaultDb
    .select({ talkId: plans.talkId })
    .from(plans)
    .where(and(eq(plans.userId, userId), inArray(plans.talkId, talkIds)))
    .all()
    .map((r) => r.talkId);
}

/** The user's whole agenda as talk cards, ordered by start (untimed talks last), with when each was last changed. */
export function getAgendaByUser({ userId }: { userId: number }): { talks: TalkCard[]; lastChange: number } {
  const rows = defaultDb.select({ talkId: plans.talkId, createdAt: plans.createdAt }).from(plans).where(eq(plans.userId, userId)).orderBy(asc(plans.createdAt)).all();
  const cards = getTalkCards(rows.map((r) => r.talkId)).sort(
    (a, b) =>
      (a.startsAt ?? Infinity) - (b.startsAt ?? Infinity) ||
      a.conferenceSlug.localeCompare(b.conferenceSlug) ||
      (a.dayNumber ?? Infinity) - (b.dayNumber ?? Infinity) ||
      a.position - b.position,
  );
  return { talks: cards, lastChange: rows.reduce((max, r) => Math.max(max, r.createdAt), 0) };
}

/** Recomputes every talk's going count from the plan rows (used after deleting an account). */
export function recountGoing(tx: Tx | DB, talkIds: number[]) {
  if (talkIds.length === 0) return;
  tx.update(talks)
    .set({ goingCount: sql`(SELECT count(*) FROM ${plans} WHERE ${plans.talkId} = ${talks.id})`, updatedAt: sql`${talks.updatedAt}` })
    .where(inArray(talks.id, talkIds))
    .run();
}

export type GoingMismatch = { talkId: number; path: string; stored: number; actual: number };

/**
 * Lists the talks whose stored going count differs from their plan rows; with `fix`, stores the
 * recomputed count, in one transaction that holds the write lock from the first read.
 */
export function checkGoingCounts({ fix = false }: { fix?: boolean } = {}, db: DB = defaultDb): { talks: number; mismatches: GoingMismatch[]; fixed: boolean } {
  const run = (tx: Tx | DB) => {
    const rows = tx.all<{ id: number; conference_slug: string; slug: string; going_count: number; actual: number }>(sql`
      SELECT t.id, c.slug AS conference_slug, t.slug, t.going_count, coalesce(p.n, 0) AS actual
      FROM talks t
      JOIN conferences c ON c.id = t.conference_id
      LEFT JOIN (SELECT talk_id, count(*) AS n FROM plans GROUP BY talk_id) p ON p.talk_id = t.id
      ORDER BY t.id`);
    const mismatches = rows
      .filter((r) => r.going_count !== r.actual)
      .map((r) => ({ talkId: r.id, path: `/conferences/${r.conference_slug}/talks/${r.slug}`, stored: r.going_count, actual: r.actual }));
    if (fix) recountGoing(tx, mismatches.map((m) => m.talkId));
    return { talks: rows.length, mismatches, fixed: fix && mismatches.length > 0 };
  };
  return fix ? db.transaction(run, { behavior: 'immediate' }) : run(db);
}
