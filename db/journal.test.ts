import '@/lib/testing/fresh-db';
import { beforeAll, describe, expect, it } from 'vitest';

// Dynamic imports, after fresh-db has pointed DATABASE_PATH at a new file.
const { db } = await import('./index');
const { conferences, days, talks, tracks, users } = await import('./schema');
const r = await import('./ratings');
const j = await import('./journal');

const HOUR = 3_600_000;
let seq = 0;

function newUser() {
  const n = ++seq;
  return db.insert(users).values({ email: `journal${n}@example.com`, name: `Journal ${n}`, handle: `journal-${n}`, role: 'reader' }).returning().get();
}

type Place = { conferenceId: number; dayId: number | null; trackId?: number | null };
function newTalk({ conferenceId, dayId, trackId = null }: Place, { startsAt = null, position = ++seq }: { startsAt?: number | null; position?: number } = {}) {
  const n = ++seq;
  return db.insert(talks).values({ conferenceId, dayId, trackId, slug: `journal-talk-${n}`, title: `Journal talk ${n}`, startsAt, position }).returning().get().id;
}

const places: Record<'older' | 'newer', { conferenceId: number; day1: number; day2: number; track: number }> = {} as never;

beforeAll(() => {
  for (const [key, start] of [['older', '2023-04-01'], ['newer', '2025-09-10']] as const) {
    const c = db.insert(conferences).values({ slug: `journal-${key}`, name: `Journal ${key}`, startDate: start, endDate: start, timeZone: 'UTC' }).returning().get();
    const day1 = db.insert(days).values({ conferenceId: c.id, number: 1, date: start }).returning().get().id;
    const day2 = db.insert(days).values({ conferenceId: c.id, number: 2, date: start }).returning().get().id;
    const track = db.insert(tracks).values({ dayId: day1, name: 'Main', position: 1 }).returning().get().id;
    places[key] = { conferenceId: c.id, day1, day2, track };
  }
});

/** A journal of talks in several conferences, days, times and tracks, some without a day or time. */
function seedJournal() {
  const u = newUser();
  const t0 = Date.UTC(2025, 8, 10, 9);
  const { older, newer } = places;
  const ids = [
    newTalk({ conferenceId: newer.conferenceId, dayId: newer.day2 }, { startsAt: t0 + 24 * HOUR }),
    newTalk({ conferenceId: newer.conferenceId, dayId: newer.day1, trackId: newer.track }, { startsAt: t0 + HOUR }),
    newTalk({ conferenceId: newer.conferenceId, dayId: newer.day1 }, { startsAt: t0 }),
    newTalk({ conferenceId: newer.conferenceId, dayId: null }),
    newTalk({ conferenceId: older.conferenceId, dayId: older.day1 }, { startsAt: null }),
    newTalk({ conferenceId: older.conferenceId, dayId: older.day1 }, { startsAt: Date.UTC(2023, 3, 1, 10) }),
  ];
  ids.forEach((talkId, i) => r.upsertRating({ userId: u.id, talkId, stars: i % 3 === 0 ? null : (i % 5) + 1, review: null, seenHow: 'room' }));
  return u;
}

describe('the journal a page at a time', () => {
  it('pages through the entries in the order of the whole journal, with nothing left out or repeated', () => {
    const u = seedJournal();
    const whole = r.getJournalByUser({ userId: u.id }).map((e) => e.talk.id);
    const pages = [1, 2, 3].flatMap((page) => j.getJournalPageByUser({ userId: u.id, page, perPage: 2 }).map((e) => e.talk.id));
    expect(pages).toEqual(whole);
    expect(j.getJournalPageByUser({ userId: u.id, page: 4, perPage: 2 })).toEqual([]);
  });

  it('counts the totals over every entry the filters keep, not over the page', () => {
    const u = seedJournal();
    const all = r.getJournalByUser({ userId: u.id });
    const rated = all.filter((e) => e.stars !== null);
    expect(j.getJournalTotalsByUser({ userId: u.id })).toEqual({
      talks: 6,
      conferences: 2,
      rated: rated.length,
      averageStars: rated.reduce((s, e) => s + e.stars!, 0) / rated.length,
    });
    expect(j.getJournalTotalsByUser({ userId: u.id, year: '2023' })).toMatchObject({ talks: 2, conferences: 1 });
    expect(j.getJournalTotalsByUser({ userId: u.id, conference: 'journal-newer' })).toMatchObject({ talks: 4, conferences: 1 });
    expect(j.getJournalPageByUser({ userId: u.id, conference: 'journal-older', page: 1, perPage: 50 }).map((e) => e.talk.conferenceSlug)).toEqual(['journal-older', 'journal-older']);
    expect(j.getJournalTotalsByUser({ userId: newUser().id })).toEqual({ talks: 0, conferences: 0, rated: 0, averageStars: null });
  });

  it('leaves out a review a moderator hid on the public view only', () => {
    const u = newUser();
    const talkId = newTalk({ conferenceId: places.older.conferenceId, dayId: places.older.day2 });
    r.upsertRating({ userId: u.id, talkId, stars: 2, review: 'Too long.', seenHow: 'room' });
    db.$client.prepare('UPDATE ratings SET hidden_at = ? WHERE user_id = ?').run(Date.now(), u.id);
    expect(j.getJournalPageByUser({ userId: u.id, page: 1, perPage: 50 })[0].review).toBe('Too long.');
    expect(j.getJournalPageByUser({ userId: u.id, page: 1, perPage: 50, publicView: true })[0].review).toBeNull();
  });
});

describe('the journal as a diary', () => {
  it('files a recording watched later under the date it was seen, not the day it was given', () => {
    const u = newUser();
    const talkId = newTalk({ conferenceId: places.older.conferenceId, dayId: places.older.day2 });
    const saved = r.upsertRating({ userId: u.id, talkId, stars: 4, review: null, seenHow: 'recording', seenOn: '2024-01-15' });
    expect(saved.ok).toBe(true);
    const [entry] = j.getJournalPageByUser({ userId: u.id, page: 1, perPage: 50, order: 'diary' });
    expect(entry.seenDate).toBe('2024-01-15');
    expect(entry.seenOn).toBe('2024-01-15');
  });

  it('puts the talks seen last first, by the day they were given, and a talk outside the days on the first day', () => {
    const u = seedJournal();
    const entries = j.getJournalPageByUser({ userId: u.id, page: 1, perPage: 50, order: 'diary' });
    expect(entries.map((e) => e.seenDate)).toEqual(['2025-09-10', '2025-09-10', '2025-09-10', '2025-09-10', '2023-04-01', '2023-04-01']);
    // Within a day, the latest talk on top; a talk without a time after the timed ones.
    const newerDay1 = entries.filter((e) => e.talk.conferenceSlug === 'journal-newer' && e.talk.dayNumber === 1).map((e) => e.talk.startsAt);
    expect(newerDay1).toEqual([...newerDay1].sort((a, b) => b! - a!));
    expect(entries.at(-1)!.talk.startsAt).toBeNull();
    const pages = [1, 2].flatMap((page) => j.getJournalPageByUser({ userId: u.id, page, perPage: 3, order: 'diary' }).map((e) => e.talk.id));
    expect(pages).toEqual(entries.map((e) => e.talk.id));
  });
});

describe('a year in review', () => {
  it('counts the talks seen that year, their hours, conferences, most seen speakers and the stars given', () => {
    const u = newUser();
    const { older, newer } = places;
    const timed = (place: Place, minutes: number | null) => {
      const id = newTalk(place);
      db.$client.prepare('UPDATE talks SET duration_minutes = ? WHERE id = ?').run(minutes, id);
      return id;
    };
    const a = timed({ conferenceId: newer.conferenceId, dayId: newer.day1 }, 45);
    const b = timed({ conferenceId: newer.conferenceId, dayId: newer.day2 }, 30);
    const c = timed({ conferenceId: newer.conferenceId, dayId: null }, null);
    const old = timed({ conferenceId: older.conferenceId, dayId: older.day1 }, 60);
    const speaker = (name: string) => db.$client.prepare('INSERT INTO speakers (slug, name, created_at) VALUES (?, ?, 0)').run(`${name.toLowerCase()}-${++seq}`, name).lastInsertRowid as number;
    const [grace, alan] = [speaker('Grace'), speaker('Alan')];
    const gives = db.$client.prepare('INSERT INTO talk_speakers (talk_id, speaker_id, position) VALUES (?, ?, 0)');
    for (const [talk, who] of [[a, grace], [b, grace], [c, alan], [old, alan], [old, grace]]) gives.run(talk, who);
    for (const [talkId, stars] of [[a, 5], [b, 5], [c, null], [old, 1]] as const) r.upsertRating({ userId: u.id, talkId, stars, review: null, seenHow: 'room' });

    expect(j.getJournalYearsByUser({ userId: u.id })).toEqual(['2025', '2023']);
    expect(j.getYearInReviewByUser({ userId: u.id, year: '2025' })).toEqual({
      year: '2025',
      talks: 3,
      minutes: 75,
      untimed: 1,
      averageStars: 5,
      conferences: [{ slug: 'journal-newer', name: 'Journal newer', talks: 3 }],
      speakers: [
        { slug: expect.stringMatching(/^grace-/), name: 'Grace', talks: 2 },
        { slug: expect.stringMatching(/^alan-/), name: 'Alan', talks: 1 },
      ],
      stars: [0, 0, 0, 0, 2],
      unrated: 1,
    });
    expect(j.getYearInReviewByUser({ userId: u.id, year: '2024' })).toMatchObject({ talks: 0, minutes: 0, conferences: [], speakers: [], stars: [0, 0, 0, 0, 0], unrated: 0 });
  });
});
