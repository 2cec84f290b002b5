import crypto from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

process.env.DATABASE_PATH = path.join(os.tmpdir(), `hallway-rankings-${crypto.randomUUID()}.db`);
const { db } = await import('./index');
const { getTalkRankingsByConference } = await import('./talk-rankings');
const { conferences, days, talks } = await import('./schema');

type Figures = { ratingCount?: number; ratingSum?: number; attendanceCount?: number; goingCount?: number };

let conferenceId: number;
const ids: Record<string, number> = {};

/** A conference of two days whose talks carry the given write-time aggregates. */
beforeAll(() => {
  conferenceId = db.insert(conferences).values({ slug: 'rankings', name: 'Rankings', startDate: '2030-01-01', endDate: '2030-01-02', timeZone: 'UTC' }).returning().get().id;
  const day = [1, 2].map((number) => db.insert(days).values({ conferenceId, number, date: `2030-01-0${number}` }).returning().get().id);
  const talk = (name: string, dayNumber: 1 | 2, figures: Figures) => {
    ids[name] = db
      .insert(talks)
      .values({ conferenceId, dayId: day[dayNumber - 1], slug: name, title: name, startsAt: 0, position: Object.keys(ids).length, ...figures })
      .returning()
      .get().id;
  };
  talk('one-five-star-vote', 1, { ratingCount: 1, ratingSum: 5, attendanceCount: 1 });
  talk('forty-votes-at-4.6', 1, { ratingCount: 40, ratingSum: 184, attendanceCount: 45, goingCount: 2 });
  talk('twenty-at-3', 2, { ratingCount: 20, ratingSum: 60, attendanceCount: 20, goingCount: 2 });
  talk('unseen', 2, {});
  for (let n = 1; n <= 4; n++) talk(`seen-${n}`, 2, { attendanceCount: 3, goingCount: 1 });
});

const names = (list: { id: number }[]) => list.map((t) => Object.keys(ids).find((name) => ids[name] === t.id));

describe('the conference page rankings', () => {
  it('ranks by Bayesian average at the conference mean: one 5-star vote does not beat forty votes averaging 4.6', () => {
    const r = getTalkRankingsByConference({ conferenceId });
    expect(r.prior).toBeCloseTo(249 / 61);
    expect(names(r.conference.topRated)).toEqual(['forty-votes-at-4.6', 'one-five-star-vote', 'twenty-at-3']);
  });

  it('lists only talks with a figure, most first, ties to more votes and then the older talk', () => {
    const r = getTalkRankingsByConference({ conferenceId });
    expect(names(r.conference.mostAttended)).toEqual(['forty-votes-at-4.6', 'twenty-at-3', 'seen-1', 'seen-2', 'seen-3']);
    expect(names(r.conference.mostWanted)).toEqual(['forty-votes-at-4.6', 'twenty-at-3', 'seen-1', 'seen-2', 'seen-3']);
    expect(r.anyAttendance && r.anyGoing).toBe(true);
  });

  it('ranks each day on its own talks, three at most', () => {
    const r = getTalkRankingsByConference({ conferenceId });
    expect(names(r.byDay.get(1)!.topRated)).toEqual(['forty-votes-at-4.6', 'one-five-star-vote']);
    expect(names(r.byDay.get(2)!.topRated)).toEqual(['twenty-at-3']);
    expect(names(r.byDay.get(2)!.mostAttended)).toEqual(['twenty-at-3', 'seen-1', 'seen-2']);
    expect(names(r.byDay.get(2)!.mostWanted)).toEqual(['twenty-at-3', 'seen-1', 'seen-2']);
  });

  it('falls back to the middle of the scale, and no lists, when nobody rated or planned anything', () => {
    const empty = db.insert(conferences).values({ slug: 'quiet', name: 'Quiet', startDate: '2030-02-01', endDate: '2030-02-01', timeZone: 'UTC' }).returning().get().id;
    const r = getTalkRankingsByConference({ conferenceId: empty });
    expect(r).toMatchObject({ prior: 3, anyAttendance: false, anyGoing: false, conference: { topRated: [], mostAttended: [], mostWanted: [] } });
    expect(r.byDay.size).toBe(0);
  });
});
