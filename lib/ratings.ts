/**
 * Rating rules shared by the server (actions, queries, CSV) and the browser (the rating form):
 * labels, limits, the review's normal form and the Bayesian ranking. No server imports here.
 */
import type { SeenHow } from '@/db/schema';
import { dateTimeFormat } from './dates';

export const SEEN_HOW_VALUES = ['room', 'livestream', 'recording'] as const satisfies readonly SeenHow[];

export const REVIEW_MAX_LENGTH = 2000;

/** What each number of stars means: the stars are named "1 star – poor" … "5 stars – excellent". */
export const STAR_LABELS: Record<1 | 2 | 3 | 4 | 5, string> = {
  1: 'poor',
  2: 'fair',
  3: 'good',
  4: 'very good',
  5: 'excellent',
};

/** The short rating guide printed under the stars (after the demo recap "Rating talks honestly"). */
export const STAR_GUIDE: Record<1 | 2 | 3 | 4 | 5, string> = {
  1: 'not worth the hour',
  2: 'a few useful bits',
  3: 'solid, what the abstract promised',
  4: 'I will use something from it',
  5: 'changed how I work',
};

export const SEEN_HOW_LABELS: Record<SeenHow, string> = {
  room: 'in the room',
  livestream: 'on the livestream',
  recording: 'from the recording',
};

/** Short forms for the radio buttons. */
export const SEEN_HOW_OPTIONS: Record<SeenHow, string> = {
  room: 'In the room',
  livestream: 'Livestream',
  recording: 'Recording',
};

/** One person's entry for one talk, as the browser sees it. */
export type MyRating = {
  stars: number | null;
  review: string | null;
  seenHow: SeenHow;
  /** The day it was seen ('YYYY-MM-DD') when not the talk's own day; null means the talk's day. */
  seenOn: string | null;
  /** Hidden from public pages by a moderator. */
  hidden: boolean;
  /** Left out of the averages by an admin. */
  excluded: boolean;
};

/** A talk's write-time aggregates, as the pages show them (and a save answers with). */
export type TalkAggregates = { ratingCount: number; ratingSum: number; attendanceCount: number };

/** What `POST /api/ratings` answers: the entry as stored (null once removed) and the talk's new numbers. */
export type RatingSaveResponse =
  | { ok: true; message: string; talkId: number; rating: MyRating | null; aggregates: TalkAggregates }
  | { ok: false; message: string; fieldErrors?: Record<string, string[]> };

/** 'YYYY-MM-DD' naming a real day of the Gregorian calendar. */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/**
 * The latest day anyone can have seen a talk on: today somewhere on Earth (UTC+14), so a person
 * east of the server is not told their today is in the future.
 */
export function latestSeenOn(now: number): string {
  return new Date(now + 14 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * A review as stored: line breaks as `\n` (browsers submit a textarea's breaks as CRLF, and the
 * limit must not count them twice), no surrounding blank space, and no review at all when empty.
 */
export function normalizeReview(text: string | null | undefined): string | null {
  if (text == null) return null;
  const clean = text.replace(/\r\n?/g, '\n').replace(/\u0000/g, '').trim();
  return clean === '' ? null : clean;
}

/** Length as the limit counts it: code points, so an emoji counts as one character. */
export function reviewLength(text: string): number {
  return [...text].length;
}

/** "4.3" (one decimal), or null when nobody gave stars. */
export function formatAverage(ratingCount: number, ratingSum: number): string | null {
  return ratingCount > 0 ? (ratingSum / ratingCount).toFixed(1) : null;
}

// ------------------------------------------------------------ ranking

/**
 * How many imaginary votes at the conference-wide mean every talk starts with. With m = 3, one
 * 5-star vote on a conference averaging 3.8 scores (3 × 3.8 + 5) / 4 = 4.1, below forty votes
 * averaging 4.6 ((3 × 3.8 + 184) / 43 ≈ 4.54): a talk needs several ratings to overtake.
 */
export const BAYES_PRIOR_VOTES = 3;

/** When a conference has no ratings at all, the prior falls back to the middle of the scale. */
export const BAYES_FALLBACK_MEAN = 3;

type Aggregates = TalkAggregates;

/** The mean star rating over many talks (their write-time aggregates), or the fallback. */
export function priorMean(talks: Aggregates[]): number {
  let count = 0;
  let sum = 0;
  for (const t of talks) {
    count += t.ratingCount;
    sum += t.ratingSum;
  }
  return count > 0 ? sum / count : BAYES_FALLBACK_MEAN;
}

/** (m × prior + sum) / (m + count): the average pulled towards the prior while votes are few. */
export function bayesianAverage({ ratingCount, ratingSum }: Aggregates, prior: number, priorVotes = BAYES_PRIOR_VOTES): number {
  return (priorVotes * prior + ratingSum) / (priorVotes + ratingCount);
}

/** Rated talks, best Bayesian average first; ties go to the talk with more votes. */
export function rankTopRated<T extends Aggregates>(talks: T[], { prior, limit = 5 }: { prior: number; limit?: number }) {
  return talks
    .filter((t) => t.ratingCount > 0)
    .map((t) => ({ talk: t, score: bayesianAverage(t, prior) }))
    .sort((a, b) => b.score - a.score || b.talk.ratingCount - a.talk.ratingCount)
    .slice(0, limit);
}

/** Talks people marked as seen, most first; ties go to the better-rated talk. */
export function rankMostAttended<T extends Aggregates>(talks: T[], { limit = 5 } = {}) {
  return talks
    .filter((t) => t.attendanceCount > 0)
    .sort((a, b) => b.attendanceCount - a.attendanceCount || b.ratingCount - a.ratingCount)
    .slice(0, limit);
}

/** "Tuesday 6 March 2018, 13:40 GMT": when a talk's ratings open, in the conference's own zone. */
export function formatOpensAt(startsAt: number, timeZone: string): string {
  return dateTimeFormat('en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
    timeZoneName: 'short',
  }).format(new Date(startsAt));
}
