import 'server-only';

import { sql } from 'drizzle-orm';
import { BAYES_FALLBACK_MEAN, BAYES_PRIOR_VOTES } from '@/lib/ratings';
import { db } from './index';

/** How many talks each ranking shows: for the whole conference, and for each of its days. */
export const RANKING_LIMITS = { conference: 5, day: 3 } as const;

export type RankedTalk = {
  id: number;
  slug: string;
  title: string;
  dayNumber: number | null;
  ratingCount: number;
  ratingSum: number;
  attendanceCount: number;
  goingCount: number;
};

export type RankLists = { topRated: RankedTalk[]; mostAttended: RankedTalk[]; mostWanted: RankedTalk[] };

type RankedRow = RankedTalk & {
  topConference: number | null;
  topDay: number | null;
  attendedConference: number | null;
  attendedDay: number | null;
  wantedConference: number | null;
  wantedDay: number | null;
};

/**
 * The conference page's rankings, ranked by SQLite over the talks' write-time aggregates: only the
 * winners leave the database, not every talk of a thousand-talk conference.
 *
 * Top rated orders by the Bayesian average (BAYES_PRIOR_VOTES imaginary votes at the conference's
 * mean), ties to more votes; most attended by people who saw it, ties to more votes; most wanted by
 * people planning to go. Remaining ties go to the older talk. Each list holds only talks with a
 * figure above zero.
 */
export function getTalkRankingsByConference({ conferenceId }: { conferenceId: number }) {
  const totals = db.get<{ ratingCount: number; ratingSum: number; anyAttendance: number; anyGoing: number }>(sql`
    SELECT coalesce(sum(rating_count), 0) AS ratingCount, coalesce(sum(rating_sum), 0) AS ratingSum,
           coalesce(max(attendance_count), 0) > 0 AS anyAttendance, coalesce(max(going_count), 0) > 0 AS anyGoing
    FROM talks WHERE conference_id = ${conferenceId}`);
  const prior = totals.ratingCount > 0 ? totals.ratingSum / totals.ratingCount : BAYES_FALLBACK_MEAN;
  // Partitioned by "has a figure" as well, so talks without one never take a place.
  const score = sql`(${BAYES_PRIOR_VOTES} * CAST(${prior} AS REAL) + t.rating_sum) / (${BAYES_PRIOR_VOTES} + t.rating_count)`;
  const top = sql`ORDER BY ${score} DESC, t.rating_count DESC, t.id`;
  const attended = sql`ORDER BY t.attendance_count DESC, t.rating_count DESC, t.id`;
  const wanted = sql`ORDER BY t.going_count DESC, t.id`;
  const rows = db.all<RankedRow>(sql`
    SELECT * FROM (
      SELECT t.id, t.slug, t.title, d.number AS dayNumber, t.rating_count AS ratingCount, t.rating_sum AS ratingSum,
             t.attendance_count AS attendanceCount, t.going_count AS goingCount,
             CASE WHEN t.rating_count > 0 THEN row_number() OVER (PARTITION BY t.rating_count > 0 ${top}) END AS topConference,
             CASE WHEN t.rating_count > 0 THEN row_number() OVER (PARTITION BY t.rating_count > 0, t.day_id ${top}) END AS topDay,
             CASE WHEN t.attendance_count > 0 THEN row_number() OVER (PARTITION BY t.attendance_count > 0 ${attended}) END AS attendedConference,
             CASE WHEN t.attendance_count > 0 THEN row_number() OVER (PARTITION BY t.attendance_count > 0, t.day_id ${attended}) END AS attendedDay,
             CASE WHEN t.going_count > 0 THEN row_number() OVER (PARTITION BY t.going_count > 0 ${wanted}) END AS wantedConference,
             CASE WHEN t.going_count > 0 THEN row_number() OVER (PARTITION BY t.going_count > 0, t.day_id ${wanted}) END AS wantedDay
      FROM talks t LEFT JOIN days d ON d.id = t.day_id
      WHERE t.conference_id = ${conferenceId}
    )
    WHERE topConference <= ${RANKING_LIMITS.conference} OR attendedConference <= ${RANKING_LIMITS.conference} OR wantedConference <= ${RANKING_LIMITS.conference}
       OR topDay <= ${RANKING_LIMITS.day} OR attendedDay <= ${RANKING_LIMITS.day} OR wantedDay <= ${RANKING_LIMITS.day}`);

  const pick = (rank: (r: RankedRow) => number | null, limit: number, rowsInScope: RankedRow[]) =>
    rowsInScope
      .filter((r) => rank(r) !== null && rank(r)! <= limit)
      .sort((a, b) => rank(a)! - rank(b)!)
      .map(talkOf);
  const conference: RankLists = {
    topRated: pick((r) => r.topConference, RANKING_LIMITS.conference, rows),
    mostAttended: pick((r) => r.attendedConference, RANKING_LIMITS.conference, rows),
    mostWanted: pick((r) => r.wantedConference, RANKING_LIMITS.conference, rows),
  };
  const byDay = new Map<number, RankLists>();
  for (const dayNumber of new Set(rows.map((r) => r.dayNumber))) {
    if (dayNumber === null) continue;
    const ofDay = rows.filter((r) => r.dayNumber === dayNumber);
    byDay.set(dayNumber, {
      topRated: pick((r) => r.topDay, RANKING_LIMITS.day, ofDay),
      mostAttended: pick((r) => r.attendedDay, RANKING_LIMITS.day, ofDay),
      mostWanted: pick((r) => r.wantedDay, RANKING_LIMITS.day, ofDay),
    });
  }
  return { prior, anyAttendance: Boolean(totals.anyAttendance), anyGoing: Boolean(totals.anyGoing), conference, byDay };
}

export type TalkRankings = ReturnType<typeof getTalkRankingsByConference>;

function talkOf({ id, slug, title, dayNumber, ratingCount, ratingSum, attendanceCount, goingCount }: RankedRow): RankedTalk {
  return { id, slug, title, dayNumber, ratingCount, ratingSum, attendanceCount, goingCount };
}
