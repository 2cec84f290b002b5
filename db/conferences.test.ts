import '@/lib/testing/fresh-db';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseTalkList } from '@/lib/talk-list';

const { db } = await import('./index');
const { seedDemoJournal } = await import('./seed');
const c = await import('./conferences');
const { getConferences } = await import('./queries');
const { auditLog, days, ratings, speakers, talks, users } = await import('./schema');

let ada: number;
let sam: number;

beforeAll(async () => {
  expect(await seedDemoJournal(db)).toBe(true);
  ada = db.select({ id: users.id }).from(users).where(eq(users.email, 'ada@hallway.test')).get()!.id;
  sam = db.select({ id: users.id }).from(users).where(eq(users.email, 'sam@hallway.test')).get()!.id;
});

const input = (over: Partial<import('./conferences').ConferenceInput> = {}) => ({
  name: 'Test Conf 2025',
  slug: null,
  city: null,
  location: null,
  startDate: '2025-06-02',
  endDate: '2025-06-03',
  website: null,
  timeZone: 'Europe/Oslo',
  description: null,
  ...over,
});

describe('conference structure', () => {
  it('creates a conference with two days, two tracks and five pasted talks, speakers shared by slug', () => {
    const { id, slug } = c.createConference({ userId: ada, input: input() });
    expect(slug).toBe('test-conf-2025');
    // Added out of order: numbers follow the dates.
    const d2 = c.addDay({ conferenceId: id, userId: ada, date: '2025-06-03', theme: null }).id;
    const d1 = c.addDay({ conferenceId: id, userId: ada, date: '2025-06-02', theme: 'Streams' }).id;
    expect(db.select({ id: days.id, number: days.number }).from(days).where(eq(days.conferenceId, id)).all().sort((a, b) => a.number - b.number)).toEqual([
      { id: d1, number: 1 },
      { id: d2, number: 2 },
    ]);
    const t1 = c.addTrack({ dayId: d1, userId: ada, name: 'Data', host: 'Tyler Akidau' }).id;
    const t2 = c.addTrack({ dayId: d2, userId: ada, name: 'Architecture', host: null }).id;
    const speakersBefore = db.select().from(speakers).all().length;

    const one = parseTalkList('09:30 Streams — Tyler Akidau\nTables — New Person, Tyler Akidau\nJoins — Another Person');
    c.addPastedTalks({ conferenceId: id, userId: ada, dayId: d1, trackId: t1, list: one.talks });
    const two = parseTalkList('Cells — New Person\nEdges — Edge Speaker');
    c.addPastedTalks({ conferenceId: id, userId: ada, dayId: d2, trackId: t2, list: two.talks });

    const conf = c.getConferenceForEditor({ id })!;
    expect(conf.talks).toHaveLength(5);
    expect(conf.talks.find((t) => t.title === 'Streams')!.time).toBe('09:30');
    // Tyler Akidau already existed (demo journal): reused, not duplicated. Three new people.
    expect(db.select().from(speakers).all().length).toBe(speakersBefore + 3);
    expect(db.select().from(speakers).where(eq(speakers.slug, 'tyler-akidau')).all()).toHaveLength(1);
    expect(conf.talks.find((t) => t.title === 'Tables')!.speakers.map((s) => s.name)).toEqual(['New Person', 'Tyler Akidau']);

    const history = c.getRecentChangesByConference({ conferenceId: id, limit: 100 });
    expect(history.filter((h) => h.action === 'talk.create')).toHaveLength(5);
    expect(history.some((h) => h.action === 'conference.create')).toBe(true);
    expect(history.every((h) => h.actorName === 'Ada Okafor')).toBe(true);
  });

  it('gives names in every script a speaker of their own, and never merges two names that share a slug', () => {
    const { id } = c.createConference({ userId: ada, input: input({ name: 'Scripts' }) });
    const day = c.addDay({ conferenceId: id, userId: ada, date: '2025-06-02', theme: null }).id;
    const speakersOf = (title: string) => c.getConferenceForEditor({ id })!.talks.find((t) => t.title === title)!.speakers;
    const list = parseTalkList('Kung fu — 李小龍\nKaizen — 山田太郎\nQuestions — Σωκράτης\nPlus — C++ Fan\nSharp — C# Fan\nAgain — 李小龍, c++  fan');
    c.addPastedTalks({ conferenceId: id, userId: ada, dayId: day, trackId: null, list: list.talks });

    const [bruce, taro, socrates, plus, sharp] = ['Kung fu', 'Kaizen', 'Questions', 'Plus', 'Sharp'].map((title) => speakersOf(title)[0]);
    expect(new Set([bruce.id, taro.id, socrates.id, plus.id, sharp.id]).size).toBe(5);
    expect([bruce.name, taro.name, socrates.name]).toEqual(['李小龍', '山田太郎', 'Σωκράτης']);
    const slugOf = (speakerId: number) => db.select({ slug: speakers.slug }).from(speakers).where(eq(speakers.id, speakerId)).get()!.slug;
    expect([slugOf(bruce.id), slugOf(taro.id), slugOf(socrates.id)]).toEqual(['李小龍', '山田太郎', 'σωκρατης']);
    // "C++ Fan" and "C# Fan" share the slug c-fan: the second gets c-fan-2, not the first's row.
    expect([slugOf(plus.id), slugOf(sharp.id)]).toEqual(['c-fan', 'c-fan-2']);
    // The same names typed again (other spacing and case) are the same people.
    expect(speakersOf('Again').map((s) => s.id)).toEqual([bruce.id, plus.id]);
  });

  it('keeps days inside the conference’s dates and one day per date', () => {
    const { id } = c.createConference({ userId: ada, input: input({ name: 'Bounded' }) });
    expect(() => c.addDay({ conferenceId: id, userId: ada, date: '2025-07-01', theme: null })).toThrow(/between 2025-06-02 and 2025-06-03/);
    c.addDay({ conferenceId: id, userId: ada, date: '2025-06-02', theme: null });
    expect(() => c.addDay({ conferenceId: id, userId: ada, date: '2025-06-02', theme: null })).toThrow(/already has a day/);
  });

  it('keeps wall-clock start times when the time zone changes, and records what changed', () => {
    const { id } = c.createConference({ userId: ada, input: input({ name: 'Zoned' }) });
    const day = c.addDay({ conferenceId: id, userId: ada, date: '2025-06-02', theme: null }).id;
    c.createTalk({
      conferenceId: id,
      userId: ada,
      input: { title: 'Morning', slug: null, kind: 'talk', speakers: [], abstract: null, talkUrl: null, presentationUrl: null, videoUrl: null, slidesUrl: null, videoPending: false, dayId: day, trackId: null, startTime: '09:00', durationMinutes: null, room: null },
    });
    c.updateConference({ id, userId: ada, input: input({ name: 'Zoned', timeZone: 'America/New_York' }) });
    const talk = c.getConferenceForEditor({ id })!.talks[0];
    expect(talk.time).toBe('09:00');
    expect(talk.startsAt).toBe(Date.UTC(2025, 5, 2, 13, 0));
    const update = c.getRecentChangesByConference({ conferenceId: id }).find((h) => h.action === 'conference.update')!;
    expect(update.detail.changes).toEqual({ timeZone: ['Europe/Oslo', 'America/New_York'] });
  });
});

describe('removing a talk with ratings', () => {
  it('asks first with the count, then removes it and keeps the ratings’ count in the audit log', () => {
    const { id } = c.createConference({ userId: ada, input: input({ name: 'Rated' }) });
    const day = c.addDay({ conferenceId: id, userId: ada, date: '2025-06-02', theme: null }).id;
    c.addPastedTalks({ conferenceId: id, userId: ada, dayId: day, trackId: null, list: parseTalkList('Rated talk — Someone Rated').talks });
    const talkId = c.getConferenceForEditor({ id })!.talks[0].id;
    db.insert(ratings).values([{ userId: sam, talkId, stars: 4 }, { userId: ada, talkId, stars: 2 }]).run();
    db.update(talks).set({ ratingCount: 2, ratingSum: 6 }).where(eq(talks.id, talkId)).run();

    expect(c.deleteTalk({ talkId, userId: ada, confirmedRatings: null })).toEqual({ ok: false, reason: 'needs-confirmation', ratings: 2, title: 'Rated talk' });
    expect(c.deleteTalk({ talkId, userId: ada, confirmedRatings: 1 })).toMatchObject({ ok: false, reason: 'needs-confirmation' });
    expect(db.select().from(talks).where(eq(talks.id, talkId)).get()).toBeDefined();

    expect(c.deleteTalk({ talkId, userId: ada, confirmedRatings: 2 })).toEqual({ ok: true, conferenceId: id, ratings: 2 });
    expect(db.select().from(talks).where(eq(talks.id, talkId)).get()).toBeUndefined();
    const row = db.select().from(auditLog).where(eq(auditLog.action, 'talk.delete')).all().find((r) => r.entityId === talkId)!;
    expect(row.actorId).toBe(ada);
    expect(JSON.parse(row.detail)).toMatchObject({ conferenceId: id, title: 'Rated talk', speakers: ['Someone Rated'], ratings: 2, ratingCount: 2, ratingSum: 6, average: 3 });
  });

  it('refuses to delete a conference that has recaps', () => {
    const qcon = getConferences().find((x) => x.slug === 'qcon-london-2018')!;
    expect(() => c.deleteConference({ id: qcon.id, userId: ada })).toThrow(/recap/);
  });
});

describe('building a programme by hand', () => {
  it('adds every missing day of the dates at once, numbered by date, and refuses an endless range', () => {
    const { id } = c.createConference({ userId: ada, input: input({ name: 'Range Conf 2025', startDate: '2025-09-29', endDate: '2025-10-02' }) });
    c.addDay({ conferenceId: id, userId: ada, date: '2025-09-30', theme: 'Kept' });
    expect(c.addMissingDays({ conferenceId: id, userId: ada })).toEqual({ added: 3 });
    const rows = db.select({ number: days.number, date: days.date, theme: days.theme }).from(days).where(eq(days.conferenceId, id)).all().sort((a, b) => a.number - b.number);
    expect(rows).toEqual([
      { number: 1, date: '2025-09-29', theme: null },
      { number: 2, date: '2025-09-30', theme: 'Kept' },
      { number: 3, date: '2025-10-01', theme: null },
      { number: 4, date: '2025-10-02', theme: null },
    ]);
    expect(c.addMissingDays({ conferenceId: id, userId: ada })).toEqual({ added: 0 });
    const long = c.createConference({ userId: ada, input: input({ name: 'Year Conf 2025', startDate: '2025-01-01', endDate: '2025-12-31' }) });
    expect(() => c.addMissingDays({ conferenceId: long.id, userId: ada })).toThrow(c.ConferenceError);
  });

  it('refuses a second track of the same name on one day, in any case or spacing, also on rename', () => {
    const { id } = c.createConference({ userId: ada, input: input({ name: 'Tracks Conf 2025' }) });
    const d1 = c.addDay({ conferenceId: id, userId: ada, date: '2025-06-02', theme: null }).id;
    const d2 = c.addDay({ conferenceId: id, userId: ada, date: '2025-06-03', theme: null }).id;
    c.addTrack({ dayId: d1, userId: ada, name: 'Main stage', host: null });
    expect(() => c.addTrack({ dayId: d1, userId: ada, name: 'main  STAGE', host: null })).toThrow('Day 1 already has a track named “Main stage”.');
    c.addTrack({ dayId: d2, userId: ada, name: 'Main stage', host: null });
    const other = c.addTrack({ dayId: d1, userId: ada, name: 'Side room', host: null }).id;
    expect(() => c.updateTrack({ trackId: other, userId: ada, name: 'Main Stage', host: null })).toThrow(c.ConferenceError);
    expect(() => c.updateTrack({ trackId: other, userId: ada, name: 'Side Room', host: 'Host' })).not.toThrow();
  });
});
