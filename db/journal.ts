import 'server-only';

import { and, eq, sql, type SQL } from 'drizzle-orm';
import { db } from './index';
import { getTalkCards } from './queries';
import { rowColumns, toMyRating, type JournalEntry, type JournalFilters } from './ratings';
import { conferences, days, ratings, speakers, talks, talkSpeakers, tracks } from './schema';

/**
 * A journal a page at a time: the totals from one aggregate query, the order in SQL, and talk
 * cards only for the entries shown. A person with a thousand talks seen costs the same page as
 * one with fifty.
 */

export type JournalQuery = { userId: number } & JournalFilters;

/** How a journal is read: conference by conference, or as a diary by the date each talk was seen. */
export type JournalOrder = 'conference' | 'diary';

/**
 * The date (`YYYY-MM-DD`, the conference's own calendar) a talk was seen: the date the entry gives
 * (a recording watched later), else the day the talk was given on, or the conference's first day
 * for a talk outside its days.
 */
export function seenOn(): SQL<string> {
  return sql<string>`coalesce(${ratings.seenOn}, ${days.date}, ${conferences.startDate})`;
}

function journalWhere({ userId, conference, year }: JournalQuery): SQL {
  return and(
    eq(ratings.userId, userId),
    conference ? eq(conferences.slug, conference) : undefined,
    year ? sql`substr(${conferences.startDate}, 1, 4) = ${year}` : undefined,
  )!;
}

export type JournalTotals = { talks: number; conferences: number; rated: number; averageStars: number | null };

/** Talks seen, conferences, and the average of the stars given, over every entry the filters keep. */
export function getJournalTotalsByUser(query: JournalQuery): JournalTotals {
  const row = db
    .select({
      talks: sql<number>`count(*)`,
      conferences: sql<number>`count(DISTINCT ${talks.conferenceId})`,
      rated: sql<number>`count(${ratings.stars})`,
      averageStars: sql<number | null>`avg(${ratings.stars})`,
    })
    .from(ratings)
    .innerJoin(talks, eq(talks.id, ratings.talkId))
    .innerJoin(conferences, eq(conferences.id, talks.conferenceId))
    .where(journalWhere(query))
    .get();
  return row ?? { talks: 0, conferences: 0, rated: 0, averageStars: null };
}

const byConference = () => [
  sql`${conferences.startDate} DESC`,
  conferences.slug,
  sql`${days.number} IS NULL`,
  days.number,
  sql`${talks.startsAt} IS NULL`,
  talks.startsAt,
  sql`coalesce(${tracks.position}, 0)`,
  talks.position,
  talks.id,
];
// Newest first, as a diary is read; within a day the latest talk on top.
const byDateSeen = () => [sql`${seenOn()} DESC`, sql`${talks.startsAt} IS NULL`, sql`${talks.startsAt} DESC`, sql`${talks.position} DESC`, sql`${talks.id} DESC`];

/** `seenDate`: the date seen as the diary files it (see seenOn); `seenOn` stays the entry's own, null for the talk's day. */
export type JournalPageEntry = JournalEntry & { seenDate: string };

/**
 * One page of a journal. By conference: newest conference first, then day, start time, track and
 * position (entries without a day or a time after those with one). As a diary: by the date seen,
 * newest first. `publicView` leaves out reviews a moderator hid, as public pages do.
 */
export function getJournalPageByUser({
  page,
  perPage,
  order = 'conference',
  publicView = false,
  ...query
}: JournalQuery & { page: number; perPage: number; order?: JournalOrder; publicView?: boolean }): JournalPageEntry[] {
  const rows = db
    .select({ talkId: ratings.talkId, ratedAt: ratings.updatedAt, startDate: conferences.startDate, seenDate: seenOn(), ...rowColumns })
    .from(ratings)
    .innerJoin(talks, eq(talks.id, ratings.talkId))
    .innerJoin(conferences, eq(conferences.id, talks.conferenceId))
    .leftJoin(days, eq(days.id, talks.dayId))
    .leftJoin(tracks, eq(tracks.id, talks.trackId))
    .where(journalWhere(query))
    .orderBy(...(order === 'diary' ? byDateSeen() : byConference()))
    .limit(perPage)
    .offset((page - 1) * perPage)
    .all();
  const cards = new Map(getTalkCards(rows.map((r) => r.talkId)).map((c) => [c.id, c]));
  return rows.flatMap((r) => {
    const talk = cards.get(r.talkId);
    if (!talk) return [];
    const mine = toMyRating(r);
    return [{ ...mine, review: publicView && mine.hidden ? null : mine.review, talk, ratedAt: r.ratedAt, conferenceStartDate: r.startDate, seenDate: r.seenDate }];
  });
}

// ------------------------------------------------------------ a year in review

export type YearInReview = {
  year: string;
  talks: number;
  minutes: number;
  /** Talks without a recorded length, left out of `minutes`. */
  untimed: number;
  conferences: { slug: string; name: string; talks: number }[];
  speakers: { slug: string; name: string; talks: number }[];
  /** How many talks got 1…5 stars (index 0 is one star), and how many none. */
  stars: number[];
  unrated: number;
  averageStars: number | null;
};

const TOP_SPEAKERS = 5;

/** The years a user saw talks in, newest first. */
export function getJournalYearsByUser({ userId }: { userId: number }): string[] {
  const year = sql<string>`substr(${seenOn()}, 1, 4)`;
  return db
    .select({ year })
    .from(ratings)
    .innerJoin(talks, eq(talks.id, ratings.talkId))
    .innerJoin(conferences, eq(conferences.id, talks.conferenceId))
    .leftJoin(days, eq(days.id, talks.dayId))
    .where(eq(ratings.userId, userId))
    .groupBy(year)
    .orderBy(sql`${year} DESC`)
    .all()
    .map((r) => r.year);
}

/** A user's year: talks seen in it, hours, conferences, the speakers seen most, and the stars given. */
export function getYearInReviewByUser({ userId, year }: { userId: number; year: string }): YearInReview {
  const inYear = and(eq(ratings.userId, userId), sql`${seenOn()} BETWEEN ${`${year}-01-01`} AND ${`${year}-12-31`}`);
  const totals = db
    .select({
      talks: sql<number>`count(*)`,
      minutes: sql<number>`coalesce(sum(${talks.durationMinutes}), 0)`,
      untimed: sql<number>`count(*) - count(${talks.durationMinutes})`,
      averageStars: sql<number | null>`avg(${ratings.stars})`,
    })
    .from(ratings)
    .innerJoin(talks, eq(talks.id, ratings.talkId))
    .innerJoin(conferences, eq(conferences.id, talks.conferenceId))
    .leftJoin(days, eq(days.id, talks.dayId))
    .where(inYear)
    .get()!;
  const conferenceRows = db
    .select({ slug: conferences.slug, name: conferences.name, talks: sql<number>`count(*)` })
    .from(ratings)
    .innerJoin(talks, eq(talks.id, ratings.talkId))
    .innerJoin(conferences, eq(conferences.id, talks.conferenceId))
    .leftJoin(days, eq(days.id, talks.dayId))
    .where(inYear)
    .groupBy(conferences.id)
    .orderBy(sql`min(${seenOn()})`, conferences.name)
    .all();
  const starRows = db
    .select({ stars: ratings.stars, n: sql<number>`count(*)` })
    .from(ratings)
    .innerJoin(talks, eq(talks.id, ratings.talkId))
    .innerJoin(conferences, eq(conferences.id, talks.conferenceId))
    .leftJoin(days, eq(days.id, talks.dayId))
    .where(inYear)
    .groupBy(ratings.stars)
    .all();
  const speakerRows = db
    .select({ slug: speakers.slug, name: speakers.name, talks: sql<number>`count(*)` })
    .from(ratings)
    .innerJoin(talks, eq(talks.id, ratings.talkId))
    .innerJoin(conferences, eq(conferences.id, talks.conferenceId))
    .leftJoin(days, eq(days.id, talks.dayId))
    .innerJoin(talkSpeakers, eq(talkSpeakers.talkId, talks.id))
    .innerJoin(speakers, eq(speakers.id, talkSpeakers.speakerId))
    .where(inYear)
    .groupBy(speakers.id)
    .orderBy(sql`count(*) DESC`, speakers.name)
    .limit(TOP_SPEAKERS)
    .all();
  const stars = [1, 2, 3, 4, 5].map((n) => starRows.find((r) => r.stars === n)?.n ?? 0);
  return {
    year,
    ...totals,
    conferences: conferenceRows,
    speakers: speakerRows,
    stars,
    unrated: starRows.find((r) => r.stars === null)?.n ?? 0,
  };
}
