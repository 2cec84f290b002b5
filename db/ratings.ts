import 'server-only';

import { and, desc, eq, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import { hasRole } from '@/lib/auth/roles';
import { isCalendarDate, latestSeenOn, normalizeReview, REVIEW_MAX_LENGTH, reviewLength, SEEN_HOW_VALUES, type MyRating, type TalkAggregates } from '@/lib/ratings';
import { db as defaultDb, type DB } from './index';
import { isPublicPost } from './post-visibility';
import { getTalkCards, type TalkCard } from './queries';
import { auditLog, conferences, days, postTalks, posts, ratings, talks, users, type Role, type SeenHow } from './schema';

/**
 * Ratings: "I saw it" (one row per person and talk; the primary key makes it a database rule),
 * optional stars, an optional review, and the talk's write-time aggregates.
 *
 * The aggregates (talks.rating_count, rating_sum, attendance_count) change in the SAME transaction
 * as the row, by differences: re-submitting an identical rating writes nothing; changing stars
 * moves the sum by the difference; removing subtracts what the row added. A row counts only while
 * it is not excluded: attendance counts every counted row, rating_count/rating_sum the counted rows
 * with stars. (db/users.ts deleteUserById recomputes with the same rules.) `checkRatingAggregates`
 * recomputes everything from the rows to prove it.
 *
 * Transactions are `BEGIN IMMEDIATE`: the write lock is taken up front, so a second process waits
 * (busy_timeout) instead of failing a read-to-write upgrade with SQLITE_BUSY.
 *
 * The user id always comes from the caller's session, never from a form: these functions trust it.
 */

type Tx = Parameters<Parameters<DB['transaction']>[0]>[0];
type Runner = DB | Tx;

export type RatingInput = {
  userId: number;
  talkId: number;
  stars: number | null;
  review: string | null;
  seenHow: SeenHow;
  /** 'YYYY-MM-DD'; null (or the talk's own day) means the talk's day. */
  seenOn?: string | null;
};

export type SaveRatingResult =
  | { ok: true; changed: boolean; rating: MyRating; aggregates: TalkAggregates }
  | { ok: false; reason: 'talk-not-found' }
  | { ok: false; reason: 'not-started'; startsAt: number }
  | { ok: false; reason: 'invalid'; field: 'stars' | 'review' | 'seenHow' | 'seenOn'; message: string };

/** A talk can be rated once it has started (server clock); a talk without a start time any time. */
export function isOpenForRating(startsAt: number | null, now: number): boolean {
  return startsAt === null || startsAt <= now;
}

/** Last line of defence before the CHECK constraints: the same rules the form's schema applies. */
function validate(input: RatingInput): Extract<SaveRatingResult, { reason: 'invalid' }> | null {
  if (input.stars !== null && !(Number.isInteger(input.stars) && input.stars >= 1 && input.stars <= 5)) {
    return { ok: false, reason: 'invalid', field: 'stars', message: 'Choose between 1 and 5 stars, or no stars.' };
  }
  if (!SEEN_HOW_VALUES.includes(input.seenHow)) {
    return { ok: false, reason: 'invalid', field: 'seenHow', message: 'Choose how you saw it: in the room, on the livestream or from a recording.' };
  }
  if (input.review !== null && reviewLength(input.review) > REVIEW_MAX_LENGTH) {
    return { ok: false, reason: 'invalid', field: 'review', message: `A review can be at most ${REVIEW_MAX_LENGTH.toLocaleString('en-GB')} characters.` };
  }
  if (input.seenOn != null && !isCalendarDate(input.seenOn)) {
    return { ok: false, reason: 'invalid', field: 'seenOn', message: 'Give the date you saw it as a day of the calendar, or leave it empty for the talk’s day.' };
  }
  return null;
}

/** The date seen as stored: null for the talk's own day; refused before the talk's day or after today. */
function checkSeenOn(seenOn: string | null | undefined, talkDay: string | null, now: number): { seenOn: string | null } | Extract<SaveRatingResult, { reason: 'invalid' }> {
  if (seenOn == null || seenOn === talkDay) return { seenOn: null };
  if (talkDay && seenOn < talkDay) return { ok: false, reason: 'invalid', field: 'seenOn', message: 'You cannot have seen it before the day of the talk.' };
  if (seenOn > latestSeenOn(now)) return { ok: false, reason: 'invalid', field: 'seenOn', message: 'That day has not come yet.' };
  return { seenOn };
}

function readAggregates(tx: Runner, talkId: number): TalkAggregates {
  return (
    tx
      .select({ ratingCount: talks.ratingCount, ratingSum: talks.ratingSum, attendanceCount: talks.attendanceCount })
      .from(talks)
      .where(eq(talks.id, talkId))
      .get() ?? { ratingCount: 0, ratingSum: 0, attendanceCount: 0 }
  );
}

type Delta = { attendance: number; count: number; sum: number };

/** What one row adds to its talk's aggregates. */
function contribution(row: { stars: number | null; excludedAt: number | null } | undefined): Delta {
  if (!row || row.excludedAt !== null) return { attendance: 0, count: 0, sum: 0 };
  return { attendance: 1, count: row.stars === null ? 0 : 1, sum: row.stars ?? 0 };
}

function applyDelta(tx: Runner, talkId: number, before: Delta, after: Delta) {
  const d = { attendance: after.attendance - before.attendance, count: after.count - before.count, sum: after.sum - before.sum };
  if (d.attendance === 0 && d.count === 0 && d.sum === 0) return;
  tx.update(talks)
    .set({
      attendanceCount: sql`${talks.attendanceCount} + ${d.attendance}`,
      ratingCount: sql`${talks.ratingCount} + ${d.count}`,
      ratingSum: sql`${talks.ratingSum} + ${d.sum}`,
      // Derived numbers, not an edit of the talk: keep its updated_at (authoring compares it).
      updatedAt: sql`${talks.updatedAt}`,
    })
    .where(eq(talks.id, talkId))
    .run();
}

export const rowColumns = {
  stars: ratings.stars,
  review: ratings.review,
  seenHow: ratings.seenHow,
  seenOn: ratings.seenOn,
  hiddenAt: ratings.hiddenAt,
  excludedAt: ratings.excludedAt,
};

type Row = { stars: number | null; review: string | null; seenHow: SeenHow; seenOn: string | null; hiddenAt: number | null; excludedAt: number | null };

export function toMyRating(row: Row): MyRating {
  return { stars: row.stars, review: row.review, seenHow: row.seenHow, seenOn: row.seenOn, hidden: row.hiddenAt !== null, excluded: row.excludedAt !== null };
}

/** The body of a save, inside the caller's transaction (one rating, or every row of an import). */
function applyRating(tx: Runner, raw: RatingInput, now: number): SaveRatingResult {
  const input = { ...raw, review: normalizeReview(raw.review) };
  const invalid = validate(input);
  if (invalid) return invalid;
  const talk = tx
    .select({ startsAt: talks.startsAt, day: days.date })
    .from(talks)
    .leftJoin(days, eq(days.id, talks.dayId))
    .where(eq(talks.id, input.talkId))
    .get();
  if (!talk) return { ok: false, reason: 'talk-not-found' };
  if (!isOpenForRating(talk.startsAt, now)) return { ok: false, reason: 'not-started', startsAt: talk.startsAt! };
  const date = checkSeenOn(input.seenOn, talk.day, now);
  if ('reason' in date) return date;

  const before = tx
    .select(rowColumns)
    .from(ratings)
    .where(and(eq(ratings.userId, input.userId), eq(ratings.talkId, input.talkId)))
    .get();
  if (before && before.stars === input.stars && before.review === input.review && before.seenHow === input.seenHow && before.seenOn === date.seenOn) {
    return { ok: true, changed: false, rating: toMyRating(before), aggregates: readAggregates(tx, input.talkId) };
  }
  const values = { stars: input.stars, review: input.review, seenHow: input.seenHow, seenOn: date.seenOn };
  tx.insert(ratings)
    .values({ userId: input.userId, talkId: input.talkId, ...values, createdAt: now, updatedAt: now })
    // Hidden/excluded marks survive an edit: editing a hidden review does not publish it again.
    .onConflictDoUpdate({ target: [ratings.userId, ratings.talkId], set: { ...values, updatedAt: now } })
    .run();
  const after = { stars: input.stars, excludedAt: before?.excludedAt ?? null };
  applyDelta(tx, input.talkId, contribution(before), contribution(after));
  return {
    ok: true,
    changed: true,
    rating: toMyRating({ ...values, hiddenAt: before?.hiddenAt ?? null, excludedAt: before?.excludedAt ?? null }),
    aggregates: readAggregates(tx, input.talkId),
  };
}

/** Marks a talk as seen, with optional stars and review; creates or changes the user's one entry. */
export function upsertRating(input: RatingInput & { now?: number }, db: DB = defaultDb): SaveRatingResult {
  const now = input.now ?? Date.now();
  return db.transaction((tx) => applyRating(tx, input, now), { behavior: 'immediate' });
}

/** Removes the user's entry for a talk (seen, stars and review) and what it added to the aggregates. */
export function removeRating({ userId, talkId }: { userId: number; talkId: number }, db: DB = defaultDb): { ok: true; changed: boolean; aggregates: TalkAggregates } {
  return db.transaction(
    (tx) => {
      const [before] = tx
        .delete(ratings)
        .where(and(eq(ratings.userId, userId), eq(ratings.talkId, talkId)))
        .returning({ stars: ratings.stars, excludedAt: ratings.excludedAt })
        .all();
      if (before) applyDelta(tx, talkId, contribution(before), contribution(undefined));
      return { ok: true as const, changed: !!before, aggregates: readAggregates(tx, talkId) };
    },
    { behavior: 'immediate' },
  );
}

// ------------------------------------------------------------ moderation

/**
 * Who may moderate a talk's reviews: admins (hide and exclude), and the authors of a recap covering
 * the talk that readers can see (hide only). A draft, a deleted or a scheduled recap gives no rights:
 * anyone can schedule a recap years ahead.
 */
export function getModerationRightsByTalk(
  { user, talkId }: { user: { id: number; role: Role }; talkId: number },
  db: Runner = defaultDb,
): { hide: boolean; exclude: boolean } {
  if (hasRole(user, 'admin')) return { hide: true, exclude: true };
  const covering = db
    .select({ postId: postTalks.postId })
    .from(postTalks)
    .innerJoin(posts, eq(posts.id, postTalks.postId))
    .where(and(eq(postTalks.talkId, talkId), eq(posts.authorId, user.id), isPublicPost()))
    .limit(1)
    .get();
  return { hide: !!covering, exclude: false };
}

export type ModerationOp = 'hide' | 'unhide' | 'exclude' | 'include';
export type ModerationResult = { ok: true; changed: boolean } | { ok: false; reason: 'forbidden' | 'not-found' };

/**
 * Hides/unhides a review (it leaves public pages; the rater still sees it, marked) or, admins
 * only, excludes/includes a rating in the aggregates, adjusting them in the same transaction.
 * Audited in audit_log as `rating.<op>` on the talk, with the rater's id.
 */
export function moderateRating(
  { actor, raterId, talkId, op, now = Date.now() }: { actor: { id: number; role: Role }; raterId: number; talkId: number; op: ModerationOp; now?: number },
  db: DB = defaultDb,
): ModerationResult {
  return db.transaction(
    (tx) => {
      const rights = getModerationRightsByTalk({ user: actor, talkId }, tx);
      if (!(op === 'hide' || op === 'unhide' ? rights.hide : rights.exclude)) return { ok: false as const, reason: 'forbidden' as const };
      const where = and(eq(ratings.userId, raterId), eq(ratings.talkId, talkId));
      const row = tx.select(rowColumns).from(ratings).where(where).get();
      if (!row) return { ok: false as const, reason: 'not-found' as const };

      const column = op === 'hide' || op === 'unhide' ? 'hiddenAt' : 'excludedAt';
      const wanted = op === 'hide' || op === 'exclude';
      if ((row[column] !== null) === wanted) return { ok: true as const, changed: false };
      // Keep updated_at: a moderator's action is not the rater's edit ("newest first" is the rater's time).
      tx.update(ratings)
        .set({ [column]: wanted ? now : null, updatedAt: sql`${ratings.updatedAt}` })
        .where(where)
        .run();
      if (column === 'excludedAt') {
        applyDelta(tx, talkId, contribution(row), contribution({ stars: row.stars, excludedAt: wanted ? now : null }));
      }
      tx.insert(auditLog)
        .values({
          actorId: actor.id,
          action: `rating.${op}`,
          entity: 'talk',
          entityId: talkId,
          detail: JSON.stringify({ raterId, before: { [column]: row[column] }, after: { [column]: wanted ? now : null } }),
          at: now,
        })
        .run();
      return { ok: true as const, changed: true };
    },
    { behavior: 'immediate' },
  );
}

// ------------------------------------------------------------ reads

/** The user's own entries for some talks, keyed by talk id (for the rating form's prefill). */
export function getRatingsByUserAndTalks({ userId, talkIds }: { userId: number; talkIds: number[] }): Record<number, MyRating> {
  if (talkIds.length === 0) return {};
  const rows = defaultDb
    .select({ talkId: ratings.talkId, ...rowColumns })
    .from(ratings)
    .where(and(eq(ratings.userId, userId), inArray(ratings.talkId, talkIds)))
    .all();
  return Object.fromEntries(rows.map(({ talkId, ...r }) => [talkId, toMyRating(r)]));
}

/** How many counted ratings gave 1…5 stars: index 0 is one star. */
export function getRatingDistributionByTalk({ talkId }: { talkId: number }): [number, number, number, number, number] {
  const rows = defaultDb
    .select({ stars: ratings.stars, n: sql<number>`count(*)` })
    .from(ratings)
    .where(and(eq(ratings.talkId, talkId), isNull(ratings.excludedAt), isNotNull(ratings.stars)))
    .groupBy(ratings.stars)
    .all();
  const out: [number, number, number, number, number] = [0, 0, 0, 0, 0];
  for (const r of rows) if (r.stars && r.stars >= 1 && r.stars <= 5) out[r.stars - 1] = r.n;
  return out;
}

export type PublicReview = {
  raterId: number;
  raterName: string;
  stars: number | null;
  review: string;
  seenHow: SeenHow;
  updatedAt: number;
};

/** The talk page's reviews: newest first; hidden and excluded ones are left out. */
export function getReviewsByTalk({ talkId, limit = 200 }: { talkId: number; limit?: number }): PublicReview[] {
  return defaultDb
    .select({
      raterId: ratings.userId,
      raterName: users.name,
      stars: ratings.stars,
      review: sql<string>`${ratings.review}`,
      seenHow: ratings.seenHow,
      updatedAt: ratings.updatedAt,
    })
    .from(ratings)
    .innerJoin(users, eq(users.id, ratings.userId))
    .where(and(eq(ratings.talkId, talkId), isNotNull(ratings.review), isNull(ratings.hiddenAt), isNull(ratings.excludedAt)))
    .orderBy(desc(ratings.updatedAt), desc(ratings.userId))
    .limit(limit)
    .all();
}

export type ModeratedReview = PublicReview & { hidden: boolean; excluded: boolean };

/** For moderators only: the entries of a talk that public pages leave out (hidden or excluded). */
export function getModeratedReviewsByTalk({ talkId }: { talkId: number }): ModeratedReview[] {
  return defaultDb
    .select({
      raterId: ratings.userId,
      raterName: users.name,
      stars: ratings.stars,
      review: sql<string>`coalesce(${ratings.review}, '')`,
      seenHow: ratings.seenHow,
      updatedAt: ratings.updatedAt,
      hidden: sql<boolean>`${ratings.hiddenAt} IS NOT NULL`.mapWith(Boolean),
      excluded: sql<boolean>`${ratings.excludedAt} IS NOT NULL`.mapWith(Boolean),
    })
    .from(ratings)
    .innerJoin(users, eq(users.id, ratings.userId))
    .where(and(eq(ratings.talkId, talkId), or(isNotNull(ratings.hiddenAt), isNotNull(ratings.excludedAt))))
    .orderBy(desc(ratings.updatedAt))
    .all();
}

// ------------------------------------------------------------ the journal

export type JournalEntry = MyRating & { talk: TalkCard; ratedAt: number; conferenceStartDate: string };
export type JournalFilters = { conference?: string | null; year?: string | null };

/**
 * A user's talks seen, with the talk cards, ordered for grouping: conference (newest first), day,
 * start time, position. `publicView` leaves out what a moderator hid (reviews), as public pages do.
 */
export function getJournalByUser({ userId, conference, year, publicView = false }: { userId: number; publicView?: boolean } & JournalFilters): JournalEntry[] {
  const rows = defaultDb
    .select({ talkId: ratings.talkId, ratedAt: ratings.updatedAt, startDate: conferences.startDate, ...rowColumns })
    .from(ratings)
    .innerJoin(talks, eq(talks.id, ratings.talkId))
    .innerJoin(conferences, eq(conferences.id, talks.conferenceId))
    .where(
      and(
        eq(ratings.userId, userId),
        conference ? eq(conferences.slug, conference) : undefined,
        year ? sql`substr(${conferences.startDate}, 1, 4) = ${year}` : undefined,
      ),
    )
    .all();
  const cards = new Map(getTalkCards(rows.map((r) => r.talkId)).map((c) => [c.id, c]));
  const entries: JournalEntry[] = [];
  for (const r of rows) {
    const talk = cards.get(r.talkId);
    if (!talk) continue;
    const mine = toMyRating(r);
    entries.push({ ...mine, review: publicView && mine.hidden ? null : mine.review, talk, ratedAt: r.ratedAt, conferenceStartDate: r.startDate });
  }
  return entries.sort(
    (a, b) =>
      b.conferenceStartDate.localeCompare(a.conferenceStartDate) ||
      a.talk.conferenceSlug.localeCompare(b.talk.conferenceSlug) ||
      (a.talk.dayNumber ?? Infinity) - (b.talk.dayNumber ?? Infinity) ||
      (a.talk.startsAt ?? Infinity) - (b.talk.startsAt ?? Infinity) ||
      (a.talk.trackPosition ?? 0) - (b.talk.trackPosition ?? 0) ||
      a.talk.position - b.talk.position,
  );
}

/** The conferences and years a user has entries for, for the journal's filters. */
export function getJournalFilterOptionsByUser({ userId }: { userId: number }) {
  const confs = defaultDb
    .selectDistinct({ slug: conferences.slug, name: conferences.name, startDate: conferences.startDate })
    .from(ratings)
    .innerJoin(talks, eq(talks.id, ratings.talkId))
    .innerJoin(conferences, eq(conferences.id, talks.conferenceId))
    .where(eq(ratings.userId, userId))
    .orderBy(desc(conferences.startDate))
    .all();
  const years = [...new Set(confs.map((c) => c.startDate.slice(0, 4)))];
  return { conferences: confs.map(({ slug, name }) => ({ slug, name })), years };
}

/** The public journal's owner: only an active user who made the journal public. */
export function getPublicJournalOwnerByHandle({ handle }: { handle: string }) {
  return (
    defaultDb
      .select({ id: users.id, name: users.name, handle: users.handle })
      .from(users)
      .where(and(eq(users.handle, handle), eq(users.journalPublic, true), isNull(users.disabledAt)))
      .get() ?? null
  );
}

// ------------------------------------------------------------ import

/** A talk addressed by its Hallway page: `/conferences/<conference>/talks/<talk>`. */
export function getTalkIdsBySlugs(pairs: { conferenceSlug: string; talkSlug: string }[]): Map<string, { id: number; startsAt: number | null }> {
  const out = new Map<string, { id: number; startsAt: number | null }>();
  if (pairs.length === 0) return out;
  const confSlugs = [...new Set(pairs.map((p) => p.conferenceSlug))];
  const rows = defaultDb
    .select({ id: talks.id, startsAt: talks.startsAt, slug: talks.slug, conferenceSlug: conferences.slug })
    .from(talks)
    .innerJoin(conferences, eq(conferences.id, talks.conferenceId))
    .where(inArray(conferences.slug, confSlugs))
    .all();
  for (const r of rows) out.set(`${r.conferenceSlug}/${r.slug}`, { id: r.id, startsAt: r.startsAt });
  return out;
}

/** Talks addressed by conference name and talk title (for rows without a talk URL), lower-cased keys. */
export function getTalkIdsByTitles(conferenceNames: string[]): Map<string, number> {
  const out = new Map<string, number>();
  const names = [...new Set(conferenceNames.map((n) => n.trim().toLowerCase()).filter(Boolean))];
  if (names.length === 0) return out;
  const rows = defaultDb
    .select({ id: talks.id, title: talks.title, conferenceName: conferences.name })
    .from(talks)
    .innerJoin(conferences, eq(conferences.id, talks.conferenceId))
    .where(inArray(sql`lower(${conferences.name})`, names))
    .all();
  for (const r of rows) out.set(`${r.conferenceName.toLowerCase()}\u0000${r.title.toLowerCase()}`, r.id);
  return out;
}

export type ImportRowResult = { row: number; result: SaveRatingResult };

/** Saves many entries for one user in one transaction (a CSV import): all or nothing. */
export function importRatings(
  { userId, entries, now = Date.now() }: { userId: number; entries: { row: number; talkId: number; stars: number | null; review: string | null; seenHow: SeenHow; seenOn?: string | null }[]; now?: number },
  db: DB = defaultDb,
): ImportRowResult[] {
  return db.transaction(
    (tx) => entries.map(({ row, ...e }) => ({ row, result: applyRating(tx, { ...e, userId }, now) })),
    { behavior: 'immediate' },
  );
}

// ------------------------------------------------------------ maintenance

export type AggregateMismatch = {
  talkId: number;
  path: string;
  stored: { ratingCount: number; ratingSum: number; attendanceCount: number };
  actual: { ratingCount: number; ratingSum: number; attendanceCount: number };
};

/**
 * Recomputes every talk's aggregates from the rating rows and lists the talks whose stored numbers
 * differ; with `fix`, writes the recomputed numbers, in one transaction that holds the write lock
 * from the first read (so no rating can slip in between the count and the fix).
 */
export function checkRatingAggregates({ fix = false }: { fix?: boolean } = {}, db: DB = defaultDb): { talks: number; mismatches: AggregateMismatch[]; fixed: boolean } {
  const run = (tx: Runner) => {
    const rows = tx.all<{
      id: number;
      conference_slug: string;
      slug: string;
      rating_count: number;
      rating_sum: number;
      attendance_count: number;
      actual_count: number;
      actual_sum: number;
      actual_attendance: number;
    }>(sql`
      SELECT t.id, c.slug AS conference_slug, t.slug, t.rating_count, t.rating_sum, t.attendance_count,
             coalesce(a.n_stars, 0) AS actual_count, coalesce(a.sum_stars, 0) AS actual_sum, coalesce(a.n, 0) AS actual_attendance
      FROM talks t
      JOIN conferences c ON c.id = t.conference_id
      LEFT JOIN (
        SELECT talk_id, count(*) AS n, count(stars) AS n_stars, sum(stars) AS sum_stars
        FROM ratings WHERE excluded_at IS NULL GROUP BY talk_id
      ) a ON a.talk_id = t.id
      ORDER BY t.id`);
    const mismatches: AggregateMismatch[] = rows
      .filter((r) => r.rating_count !== r.actual_count || r.rating_sum !== r.actual_sum || r.attendance_count !== r.actual_attendance)
      .map((r) => ({
        talkId: r.id,
        path: `/conferences/${r.conference_slug}/talks/${r.slug}`,
        stored: { ratingCount: r.rating_count, ratingSum: r.rating_sum, attendanceCount: r.attendance_count },
        actual: { ratingCount: r.actual_count, ratingSum: r.actual_sum, attendanceCount: r.actual_attendance },
      }));
    if (fix) {
      for (const m of mismatches) {
        tx.update(talks)
          .set({ ...m.actual, updatedAt: sql`${talks.updatedAt}` })
          .where(eq(talks.id, m.talkId))
          .run();
      }
    }
    return { talks: rows.length, mismatches, fixed: fix && mismatches.length > 0 };
  };
  return fix ? db.transaction(run, { behavior: 'immediate' }) : run(db);
}
