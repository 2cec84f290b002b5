import '@/lib/testing/fresh-db';
import fs from 'node:fs';
import path from 'node:path';
import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { db } from '@/db/index';
import { applyScheduleImport, getScheduleExportBySlug, planScheduleImport, ScheduleImportError } from '@/db/schedule';
import * as t from '@/db/schema';
import { toFrabJson, toFrabXml } from '@/lib/schedule/export';
import { parseSchedule } from '@/lib/schedule/parse';
import { loadScheduleValidator } from '@/lib/schedule/schema';
import type { Schedule } from '@/lib/schedule/types';

const SITE = 'http://localhost:3000';
const FIXTURE = fs.readFileSync(path.join(process.cwd(), 'lib', 'schedule', 'fixtures', 'lakeside-2025.xml'), 'utf8');
const CORPUS = path.join(process.cwd(), '..', 'shared', 'corpus', 'schedules');
const corpusFiles = fs.existsSync(path.join(CORPUS, 'manifest.json'))
  ? (JSON.parse(fs.readFileSync(path.join(CORPUS, 'manifest.json'), 'utf8')) as { files: { file: string; events: number | null }[] }).files.filter((f) => f.events !== null).map((f) => f.file)
  : [];
if (!corpusFiles.length) console.warn(`Skipping the corpus cases: no schedule corpus at ${CORPUS}.`);

function parse(text: string | Uint8Array, options = {}): Schedule {
  const r = parseSchedule(text, { siteUrl: SITE, ...options });
  if (!r.ok) throw new Error(r.error);
  return r.schedule;
}

let userId: number;
let raterId: number;
beforeAll(() => {
  userId = db.insert(t.users).values({ email: 'importer@example.com', name: 'Importer', handle: 'importer', role: 'author' }).returning().get().id;
  raterId = db.insert(t.users).values({ email: 'rater@example.com', name: 'Rater', handle: 'rater', role: 'reader' }).returning().get().id;
});

const talksOf = (conferenceId: number) => db.select().from(t.talks).where(eq(t.talks.conferenceId, conferenceId)).all();
const talkNamed = (conferenceId: number, title: string) => talksOf(conferenceId).find((x) => x.title === title)!;

/** The fixture with one talk moved, one renamed and one removed. */
function editedFixture() {
  return FIXTURE.replace('<date>2025-05-14T10:00:00+02:00</date>\n        <start>10:00</start>\n        <duration>00:30</duration>\n        <room>Pier Hall</room>', '<date>2025-05-14T11:30:00+02:00</date>\n        <start>11:30</start>\n        <duration>00:30</duration>\n        <room>Pier Hall</room>')
    .replace('Queues Without Tears', 'Queues Without Fear')
    .replace(/<room name="Pier Hall" guid="[^"]+">\s*<event guid="4fad[\s\S]*?<\/event>\s*<\/room>/, '');
}

describe('schedule import', () => {
  let conferenceId: number;

  it('creates the conference with its days, rooms (in order, empty ones too), tracks, talks and speakers', () => {
    const schedule = parse(FIXTURE);
    const plan = planScheduleImport({ schedule, target: { kind: 'auto' } });
    expect(plan.conference).toMatchObject({ kind: 'new', name: 'Lakeside Systems Days 2025', slug: 'lakeside-systems-days-2025' });
    expect(plan.added).toHaveLength(5);
    expect(plan.speakers.new).toEqual(['Ingrid Solberg', 'Tomas Berg', 'Lena Dahl', 'Mei Ito']);
    const outcome = applyScheduleImport({ schedule, target: { kind: 'auto' }, userId, source: 'lakeside-2025.xml' });
    conferenceId = outcome.conferenceId;
    expect(outcome).toMatchObject({ created: true, added: 5, updated: 0, removed: 0 });
    const conf = db.select().from(t.conferences).where(eq(t.conferences.id, conferenceId)).get()!;
    expect(conf).toMatchObject({ startDate: '2025-05-14', endDate: '2025-05-15', timeZone: 'Europe/Oslo' });
    expect(db.select().from(t.days).where(eq(t.days.conferenceId, conferenceId)).all().map((d) => [d.number, d.date])).toEqual([[1, '2025-05-14'], [2, '2025-05-15']]);
    expect(db.select().from(t.rooms).where(eq(t.rooms.conferenceId, conferenceId)).orderBy(t.rooms.position).all().map((r) => r.name)).toEqual(['Boathouse', 'Pier Hall', 'Sauna']);
    const midnight = talkNamed(conferenceId, 'Midnight Lightning Round');
    // 00:30 on the 15th in Oslo (UTC+2) is 22:30 UTC on the 14th, and it belongs to day 1.
    expect(midnight.startsAt).toBe(Date.UTC(2025, 4, 14, 22, 30));
    expect(db.select().from(t.days).where(eq(t.days.id, midnight.dayId!)).get()!.number).toBe(1);
    expect(midnight.kind).toBe('lightning');
    const queues = talkNamed(conferenceId, 'Queues Without Tears');
    const names = db.select({ name: t.speakers.name }).from(t.talkSpeakers).innerJoin(t.speakers, eq(t.speakers.id, t.talkSpeakers.speakerId)).where(eq(t.talkSpeakers.talkId, queues.id)).orderBy(t.talkSpeakers.position).all();
    expect(names.map((n) => n.name)).toEqual(['Tomas Berg', 'Lena Dahl']);
    expect(queues.guid).toBe('1c7a6f5e-4d3c-4b2a-9a8f-7e6d5c4b3a21');
    expect(talkNamed(conferenceId, 'Pagers at Dawn')).toMatchObject({ kind: 'keynote', slidesUrl: 'https://example.org/slides/pagers.pdf', talkUrl: 'https://example.org/lakeside/talks/101', room: 'Boathouse' });
    const tracks = db.select({ name: t.tracks.name, day: t.days.number }).from(t.tracks).innerJoin(t.days, eq(t.days.id, t.tracks.dayId)).where(eq(t.days.conferenceId, conferenceId)).orderBy(t.days.number, t.tracks.position).all();
    expect(tracks).toEqual([{ name: 'Operations', day: 1 }, { name: 'Data', day: 1 }, { name: 'Operations', day: 2 }]);
    const audit = db.select().from(t.auditLog).where(and(eq(t.auditLog.action, 'schedule.import'), eq(t.auditLog.entityId, conferenceId))).all();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0].detail)).toMatchObject({ source: 'lakeside-2025.xml', format: 'frab-xml', added: 5 });
  });

  it('people named in other scripts, or with names that share a slug, stay different speakers', () => {
    const file = FIXTURE.replace('Lakeside Systems Days 2025', 'Lakeside Scripts 2025')
      .replace('<person id="11">Ingrid Solberg</person>', '<person id="11">李小龍</person>')
      .replace('Tomas Berg, Lena Dahl', '山田太郎, Σωκράτης')
      .replace('<person id="13">Mei Ito</person>', '<person id="13">Ren/Ito</person>');
    const schedule = parse(file.replace(/ guid="[^"]+"/g, '').replace(/<guid>[^<]*<\/guid>/g, ''));
    const plan = planScheduleImport({ schedule, target: { kind: 'auto' } });
    expect(plan.speakers.new).toEqual(expect.arrayContaining(['李小龍', '山田太郎', 'Σωκράτης']));
    const { conferenceId: id } = applyScheduleImport({ schedule, target: { kind: 'auto' }, userId, source: 'scripts.xml' });
    const rows = db.selectDistinct({ id: t.speakers.id, name: t.speakers.name, slug: t.speakers.slug }).from(t.talkSpeakers).innerJoin(t.speakers, eq(t.speakers.id, t.talkSpeakers.speakerId)).innerJoin(t.talks, eq(t.talks.id, t.talkSpeakers.talkId)).where(eq(t.talks.conferenceId, id)).all();
    const byName = Object.fromEntries(rows.map((r) => [r.name, r.slug]));
    expect(byName).toMatchObject({ 李小龍: '李小龍', 山田太郎: '山田太郎', Σωκράτης: 'σωκρατης' });
    // "Ren/Ito" shares the slug ren-ito with nobody yet; a later "Ren Ito" is someone else.
    const later = parse(file.replace('Lakeside Scripts 2025', 'Lakeside Scripts 2026').replace('Ren/Ito', 'Ren Ito').replace(/ guid="[^"]+"/g, '').replace(/<guid>[^<]*<\/guid>/g, ''));
    const again = applyScheduleImport({ schedule: later, target: { kind: 'auto' }, userId, source: 'scripts-2026.xml' });
    const renIto = db.selectDistinct({ slug: t.speakers.slug }).from(t.talkSpeakers).innerJoin(t.speakers, eq(t.speakers.id, t.talkSpeakers.speakerId)).innerJoin(t.talks, eq(t.talks.id, t.talkSpeakers.talkId)).where(and(eq(t.talks.conferenceId, again.conferenceId), eq(t.speakers.name, 'Ren Ito'))).get();
    expect(byName['Ren/Ito']).toBe('ren-ito');
    expect(renIto?.slug).toBe('ren-ito-2');
  });

  it('a second import of the same file changes nothing', () => {
    const before = JSON.stringify(talksOf(conferenceId));
    const schedule = parse(FIXTURE);
    const plan = planScheduleImport({ schedule, target: { kind: 'auto' } });
    expect(plan).toMatchObject({ conference: { kind: 'existing', id: conferenceId }, added: [], updated: [], unchanged: 5, missing: [] });
    const outcome = applyScheduleImport({ schedule, target: { kind: 'auto' }, userId, source: 'again' });
    expect(outcome).toMatchObject({ created: false, added: 0, updated: 0, unchanged: 5, removed: 0, kept: [] });
    expect(JSON.stringify(talksOf(conferenceId))).toBe(before);
  });

  it('an edited copy moves and renames exactly those talks, keeps ratings, and only offers the removed one', () => {
    const moved = talkNamed(conferenceId, 'Schema Drift in Practice');
    const renamed = talkNamed(conferenceId, 'Queues Without Tears');
    const gone = talkNamed(conferenceId, 'Hands-on: Tracing a Request');
    db.transaction((tx) => {
      for (const talk of [moved, renamed, gone]) {
        tx.insert(t.ratings).values({ userId: raterId, talkId: talk.id, stars: 4 }).run();
        tx.update(t.talks).set({ ratingCount: 1, ratingSum: 4, attendanceCount: 1 }).where(eq(t.talks.id, talk.id)).run();
      }
    });
    const schedule = parse(editedFixture());
    const plan = planScheduleImport({ schedule, target: { kind: 'existing', slug: 'lakeside-systems-days-2025' } });
    expect(plan.added).toEqual([]);
    expect(plan.updated).toEqual([
      { talkId: renamed.id, title: 'Queues Without Fear', changes: ['title'] },
      { talkId: moved.id, title: 'Schema Drift in Practice', changes: ['time'] },
    ]);
    expect(plan.unchanged).toBe(2);
    expect(plan.missing).toEqual([{ talkId: gone.id, title: gone.title, slug: gone.slug, ratings: 1, attendance: 1, recaps: 0 }]);

    const outcome = applyScheduleImport({ schedule, target: { kind: 'existing', slug: 'lakeside-systems-days-2025' }, userId, source: 'edited.xml' });
    expect(outcome).toMatchObject({ added: 0, updated: 2, unchanged: 2, removed: 0 });
    expect(outcome.kept.map((k) => k.talkId)).toEqual([gone.id]);
    expect(talkNamed(conferenceId, 'Schema Drift in Practice')).toMatchObject({ id: moved.id, startsAt: Date.UTC(2025, 4, 14, 9, 30), ratingCount: 1, ratingSum: 4, attendanceCount: 1 });
    expect(talkNamed(conferenceId, 'Queues Without Fear')).toMatchObject({ id: renamed.id, slug: renamed.slug, ratingCount: 1 });
    // Not silently deleted: still there, rating and all.
    expect(talkNamed(conferenceId, gone.title).id).toBe(gone.id);
    expect(db.select({ n: count() }).from(t.ratings).where(eq(t.ratings.userId, raterId)).get()!.n).toBe(3);
    const changes = db.select().from(t.auditLog).where(and(eq(t.auditLog.action, 'talk.update'), eq(t.auditLog.entityId, renamed.id))).all();
    expect(JSON.parse(changes.at(-1)!.detail).changes).toEqual({ title: ['Queues Without Tears', 'Queues Without Fear'] });
  });

  it('removes a talk gone from the schedule only when asked, recording what it had', () => {
    const gone = talkNamed(conferenceId, 'Hands-on: Tracing a Request');
    const schedule = parse(editedFixture());
    const outcome = applyScheduleImport({ schedule, target: { kind: 'existing', slug: 'lakeside-systems-days-2025' }, userId, source: 'edited.xml', remove: [gone.id] });
    expect(outcome).toMatchObject({ removed: 1, kept: [], updated: 0 });
    expect(talksOf(conferenceId).some((x) => x.id === gone.id)).toBe(false);
    const row = db.select().from(t.auditLog).where(and(eq(t.auditLog.action, 'talk.delete'), eq(t.auditLog.entityId, gone.id))).get()!;
    expect(JSON.parse(row.detail)).toMatchObject({ title: gone.title, ratings: 1, ratingSum: 4, reason: 'not in the imported schedule' });
  });

  it('matches by the file’s id when there is no guid, and by title and start when there is neither', () => {
    // The journal has the edited programme now; the original file moves and renames them back.
    const noGuids = FIXTURE.replace(/ guid="[^"]*"/g, '');
    const byId = planScheduleImport({ schedule: parse(noGuids), target: { kind: 'existing', slug: 'lakeside-systems-days-2025' } });
    expect(byId.added.map((a) => a.title)).toEqual(['Hands-on: Tracing a Request']);
    expect(byId.updated.map((u) => [u.title, u.changes])).toEqual([['Queues Without Tears', ['title']], ['Schema Drift in Practice', ['time']]]);
    const neither = planScheduleImport({ schedule: parse(noGuids.replace(/ id="\d+"/g, '')), target: { kind: 'existing', slug: 'lakeside-systems-days-2025' } });
    // Without an id, a renamed or moved talk cannot be told from a new one.
    expect(neither.added.map((a) => a.title).sort()).toEqual(['Hands-on: Tracing a Request', 'Queues Without Tears', 'Schema Drift in Practice']);
    expect(neither.unchanged).toBe(2);
    expect(neither.missing.map((m) => m.title).sort()).toEqual(['Queues Without Fear', 'Schema Drift in Practice']);
  });

  it('a file that fails half-way writes nothing', () => {
    const conferencesBefore = db.select({ n: count() }).from(t.conferences).get()!.n;
    const speakersBefore = db.select({ n: count() }).from(t.speakers).get()!.n;
    const auditBefore = db.select({ n: count() }).from(t.auditLog).get()!.n;
    // The fourth talk cannot be written (as a full disk or a constraint would refuse it).
    db.$client.exec(`CREATE TRIGGER refuse_talk BEFORE INSERT ON talks WHEN NEW.title = 'Schema Drift in Practice' BEGIN SELECT RAISE(ABORT, 'refused'); END`);
    try {
      expect(() => applyScheduleImport({ schedule: parse(FIXTURE), target: { kind: 'new', name: 'Lakeside Copy' }, userId, source: 'copy.xml' })).toThrow('refused');
    } finally {
      db.$client.exec('DROP TRIGGER refuse_talk');
    }
    expect(db.select({ n: count() }).from(t.conferences).get()!.n).toBe(conferencesBefore);
    expect(db.select({ n: count() }).from(t.speakers).get()!.n).toBe(speakersBefore);
    expect(db.select({ n: count() }).from(t.auditLog).get()!.n).toBe(auditBefore);
  });

  it('refuses a file without a conference name unless one is given, and an unknown conference', () => {
    const sessionize = JSON.stringify({ sessions: [{ id: '1', title: 'Only Talk', startsAt: '2025-01-01T10:00:00', endsAt: '2025-01-01T10:30:00', speakers: [], roomId: 1 }], speakers: [], rooms: [{ id: 1, name: 'Room' }], categories: [] });
    expect(() => planScheduleImport({ schedule: parse(sessionize), target: { kind: 'auto' } })).toThrow(ScheduleImportError);
    expect(planScheduleImport({ schedule: parse(sessionize), target: { kind: 'auto', name: 'Named Here' } }).conference).toMatchObject({ kind: 'new', name: 'Named Here' });
    expect(() => planScheduleImport({ schedule: parse(sessionize), target: { kind: 'existing', slug: 'no-such-thing' } })).toThrow(ScheduleImportError);
  });
});

describe('schedule export', () => {
  const validate = loadScheduleValidator();
  const xml = new XMLParser({ ignoreAttributes: false });

  /** Export → delete → import the export → export again: the same document. */
  function roundTrip(slug: string, as: 'json' | 'xml') {
    const data = getScheduleExportBySlug({ slug })!;
    const first = as === 'json' ? JSON.stringify(toFrabJson(data), null, 2) : toFrabXml(data);
    db.delete(t.conferences).where(eq(t.conferences.slug, slug)).run();
    const outcome = applyScheduleImport({ schedule: parse(first), target: { kind: 'auto' }, userId, source: `export.${as}` });
    expect(outcome.slug).toBe(slug);
    const again = getScheduleExportBySlug({ slug })!;
    return { first, second: as === 'json' ? JSON.stringify(toFrabJson(again), null, 2) : toFrabXml(again) };
  }

  it('exports JSON that the C3VOC schema accepts, and an import of it exports the same bytes', (ctx) => {
    if (!validate) ctx.skip();
    const data = getScheduleExportBySlug({ slug: 'lakeside-systems-days-2025' })!;
    const json = toFrabJson(data);
    expect(validate!(json)).toEqual([]);
    expect(json.schedule.conference).toMatchObject({ acronym: 'lakeside_systems_days_2025', time_zone_name: 'Europe/Oslo', daysCount: 2 });
    const day1 = json.schedule.conference.days[0];
    expect(Object.keys(day1.rooms)).toEqual(['Boathouse', 'Pier Hall']);
    expect(day1.rooms.Boathouse.map((e) => [e.start, e.title, e.date])).toEqual([
      ['09:00', 'Pagers at Dawn', '2025-05-14T09:00:00+02:00'],
      ['10:00', 'Queues Without Fear', '2025-05-14T10:00:00+02:00'],
      ['00:30', 'Midnight Lightning Round', '2025-05-15T00:30:00+02:00'],
    ]);
    const { first, second } = roundTrip('lakeside-systems-days-2025', 'json');
    expect(second).toBe(first);
  });

  it('exports frab XML that imports back to the same XML', () => {
    const { first, second } = roundTrip('lakeside-systems-days-2025', 'xml');
    expect(second).toBe(first);
    const doc = xml.parse(first) as { schedule: { conference: { title: string }; day: unknown[] } };
    expect(doc.schedule.conference.title).toBe('Lakeside Systems Days 2025');
    expect(doc.schedule.day).toHaveLength(2);
  });

  for (const file of corpusFiles) {
    it(`${file}: the export validates and survives export → import → export (JSON and XML)`, () => {
      const schedule = parse(fs.readFileSync(path.join(CORPUS, file)), { timeZone: null });
      const name = `Corpus ${file}`;
      const { slug } = applyScheduleImport({ schedule, target: { kind: 'auto', name }, userId, source: file });
      const json = toFrabJson(getScheduleExportBySlug({ slug })!);
      if (validate) expect(validate(json)).toEqual([]);
      expect(json.schedule.conference.days.flatMap((d) => Object.values(d.rooms).flat())).toHaveLength(schedule.days.reduce((n, d) => n + d.talks.length, 0));
      for (const as of ['json', 'xml'] as const) {
        const { first, second } = roundTrip(slug, as);
        expect(second).toBe(first);
      }
    });
  }
});
