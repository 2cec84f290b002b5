import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat, parseSchedule, toDryRunJson } from './parse';
import type { Schedule } from './types';

/** Parsing every format by its spec, on small files written for these tests, and on the corpus. */

function parse(text: string, options = {}): Schedule {
  const r = parseSchedule(text, options);
  if (!r.ok) throw new Error(r.error);
  return r.schedule;
}
const talks = (s: Schedule) => s.days.flatMap((d) => d.talks);

const V2 = JSON.stringify({
  schedule: {
    version: '7',
    conference: {
      acronym: 'harbour25',
      title: 'Harbour Camp 2025',
      start: '2025-08-01T10:00:00+02:00',
      end: '2025-08-02T20:00:00+02:00',
      time_zone_name: 'Europe/Berlin',
      rooms: [
        { name: 'Tent A', guid: '5b4c1d2e-0f9a-4b8c-9d7e-6f5a4b3c2d1e', slug: 'tent-a' },
        { name: 'Tent B', guid: '6c5d2e3f-1a0b-4c9d-8e8f-7a6b5c4d3e2f', slug: 'tent-b' },
      ],
      tracks: [{ name: 'Radio', slug: 'radio' }],
      days: [
        { index: 1, date: '2025-08-01', start: '2025-08-01T06:00:00+02:00', end: '2025-08-02T06:00:00+02:00' },
        { index: 2, date: '2025-08-02', start: '2025-08-02T06:00:00+02:00', end: '2025-08-03T06:00:00+02:00' },
      ],
    },
    events: [
      {
        guid: '7d6e3f4a-2b1c-4dae-9f90-8b7c6d5e4f3a', start: '2025-08-02T00:15:00+02:00', end: '2025-08-02T01:00:00+02:00',
        room: { guid: '6c5d2e3f-1a0b-4c9d-8e8f-7a6b5c4d3e2f' }, track: { slug: 'radio' }, title: 'Night Listening', subtitle: null,
        abstract: { en: 'Shortwave after dark.', de: 'Kurzwelle bei Nacht.' }, participants: [{ name: 'Ola Nordmann', guid: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d', role: 'speaker' }],
        links: [{ url: 'https://example.org/night.pdf', type: 'slides', title: 'Slides' }], url: 'https://example.org/night', type: 'talk', language: 'en', slug: 'night',
      },
      {
        guid: '8e7f4a5b-3c2d-4ebf-8a01-9c8d7e6f5a4b', start: '2025-08-01T10:00:00+02:00', end: '2025-08-01T10:30:00+02:00',
        room: { name: 'Tent A', guid: '5b4c1d2e-0f9a-4b8c-9d7e-6f5a4b3c2d1e' }, track: null, title: 'Welcome', subtitle: null, abstract: null,
        participants: [], links: [], url: 'https://example.org/welcome', type: 'other', language: 'en', slug: 'welcome',
      },
    ],
  },
});

describe('format detection', () => {
  it('reads the content, not the name, and says what it reads', () => {
    expect(detectFormat('  <?xml version="1.0"?>\n<schedule><conference/></schedule>')?.format).toBe('frab-xml');
    expect(detectFormat('BEGIN:VCALENDAR\r\nEND:VCALENDAR')?.format).toBe('ical');
    expect(detectFormat(V2)?.format).toBe('schedule-v2');
    expect(detectFormat('{"schedule":{"conference":{"days":[{"rooms":{}}]}}}')?.format).toBe('frab-json');
    expect(detectFormat('{"sessions":[],"speakers":[],"rooms":[]}')?.format).toBe('sessionize');
    const r = parseSchedule('<html><body>a page</body></html>');
    expect(r).toMatchObject({ ok: false, format: null });
    expect(!r.ok && r.error).toMatch(/not a schedule we can read/);
    expect(parseSchedule('<schedule><day date="2025-01-01"><room name="A"><event><title>x</title></room></day></schedule>')).toMatchObject({ ok: false, format: 'frab-xml' });
  });
});

describe('schedule v2', () => {
  it('puts a talk after midnight on the day whose span holds it, resolves room and track references', () => {
    const s = parse(V2);
    expect(s.format).toBe('schedule-v2');
    expect(s.conference).toMatchObject({ title: 'Harbour Camp 2025', timeZone: 'Europe/Berlin', start: '2025-08-01', end: '2025-08-02' });
    expect(s.days.map((d) => [d.date, d.talks.map((t) => t.title)])).toEqual([['2025-08-01', ['Welcome', 'Night Listening']], ['2025-08-02', []]]);
    const night = talks(s)[1];
    expect(night).toMatchObject({ start: '2025-08-02T00:15', startsAt: Date.UTC(2025, 7, 1, 22, 15), durationMinutes: 45, room: 'Tent B', track: 'Radio', abstract: 'Shortwave after dark.', slidesUrl: 'https://example.org/night.pdf' });
    expect(night.speakers).toEqual([{ name: 'Ola Nordmann', key: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d' }]);
    expect(s.rooms).toEqual(['Tent A', 'Tent B']);
  });
});

describe('frab JSON', () => {
  const doc = (overrides: Record<string, unknown> = {}, event: Record<string, unknown> = {}) =>
    JSON.stringify({
      schedule: {
        version: '1',
        conference: {
          acronym: 'pier24', title: 'Pier 2024', start: '2024-03-01', end: '2024-03-01', daysCount: 1, timeslot_duration: '00:05', time_zone_name: 'UTC', ...overrides,
          days: [{ index: 1, date: '2024-03-01', day_start: '2024-03-01T04:00:00+01:00', day_end: '2024-03-02T03:59:00+01:00', rooms: { Dock: [{ id: 5, guid: 'c0ffee00-1111-4222-8333-444455556666', date: '2024-03-01T09:30:00+01:00', start: '09:30', duration: '01:15', room: 'Dock', title: 'Knots', subtitle: 'and splices', track: null, type: 'Workshop', abstract: 'Hands on.', description: 'Bring rope.', persons: [{ code: 'ABC1', name: 'Kari Holm' }, { id: 9, public_name: 'Per Lund & Siv Aas' }], links: ['https://example.org/knots'], ...event }] } }],
        },
      },
    });

  it('keeps the written wall clock when the named zone contradicts every offset (a fixed-offset zone instead)', () => {
    const s = parse(doc());
    expect(s.conference.timeZone).toBe('Etc/GMT-1');
    expect(talks(s)[0]).toMatchObject({ start: '2024-03-01T09:30', startsAt: Date.UTC(2024, 2, 1, 8, 30), durationMinutes: 75, kind: 'workshop', abstract: 'and splices\n\nHands on.\n\nBring rope.' });
    expect(s.warnings.join(' ')).toMatch(/names the time zone UTC, but its times all carry the offset \+01:00: read as Etc\/GMT-1/);
    // The author's zone wins over both.
    expect(parse(doc(), { timeZone: 'Europe/Paris' }).conference.timeZone).toBe('Europe/Paris');
  });

  it('splits names joined in one person (dropping the shared id), and reads pretalx person codes', () => {
    expect(talks(parse(doc()))[0].speakers).toEqual([{ name: 'Kari Holm', key: 'ABC1' }, { name: 'Per Lund', key: null }, { name: 'Siv Aas', key: null }]);
  });

  it('warns about an unknown zone, keeps javascript: links out, and shortens titles to the form’s limit', () => {
    const s = parse(doc({ time_zone_name: 'Atlantis/Central' }, { title: 'x'.repeat(300), links: ['javascript:alert(1)'], url: 'javascript:alert(1)', date: undefined }));
    expect(s.warnings.join(' ')).toMatch(/Unknown time zone “Atlantis\/Central”/);
    const t = talks(s)[0];
    expect(t.title).toHaveLength(200);
    expect(t.url).toBeNull();
    expect(s.warnings.join(' ')).toMatch(/1 titles were longer than Hallway allows/);
  });

  it('reports duplicate guids and ids and uses neither', () => {
    const one = JSON.parse(doc()) as { schedule: { conference: { days: { rooms: { Dock: Record<string, unknown>[] } }[] } } };
    const ev = one.schedule.conference.days[0].rooms.Dock[0];
    one.schedule.conference.days[0].rooms.Dock.push({ ...ev, title: 'Knots again', start: '11:00', date: '2024-03-01T11:00:00+01:00' });
    const s = parse(JSON.stringify(one));
    expect(talks(s).map((t) => [t.guid, t.sourceId])).toEqual([[null, null], [null, null]]);
    expect(s.warnings.join(' ')).toMatch(/Duplicate guid c0ffee00-1111-4222-8333-444455556666/);
    expect(s.warnings.join(' ')).toMatch(/Duplicate event id 5/);
  });
});

describe('Sessionize', () => {
  const all = JSON.stringify({
    sessions: [
      { id: '77', title: 'Keynote: Tides', description: 'Opening.', startsAt: '2025-06-10T09:00:00', endsAt: '2025-06-10T09:45:00', speakers: ['s1'], categoryItems: [3], roomId: 2, recordingUrl: 'https://video.example.org/77' },
      { id: '78', title: 'Lunch', startsAt: '2025-06-10T12:00:00', endsAt: '2025-06-10T13:00:00', speakers: [], categoryItems: [], roomId: 1, isServiceSession: true },
      { id: '79', title: 'Unplaced idea', startsAt: null, endsAt: null, speakers: ['s1', 'ghost'], categoryItems: [], roomId: null },
    ],
    speakers: [{ id: 's1', firstName: 'Noor', lastName: 'Haddad', fullName: 'Noor Haddad' }],
    categories: [{ id: 1, title: 'Track', items: [{ id: 3, name: 'Ocean' }] }],
    rooms: [{ id: 1, name: 'Atrium', sort: 1 }, { id: 2, name: 'Main Stage', sort: 0 }],
  });
  it('reads floating times, rooms by id in their sort order, speakers and tracks by id; untimed sessions go without a day', () => {
    const s = parse(all);
    expect(s.conference).toMatchObject({ title: null, timeZone: 'UTC', timeZoneSource: 'default', start: '2025-06-10' });
    expect(s.rooms).toEqual(['Main Stage', 'Atrium']);
    expect(talks(s)[0]).toMatchObject({ title: 'Keynote: Tides', start: '2025-06-10T09:00', durationMinutes: 45, room: 'Main Stage', track: 'Ocean', kind: 'keynote', videoUrl: 'https://video.example.org/77', sourceId: '77' });
    expect(talks(s)[0].speakers).toEqual([{ name: 'Noor Haddad', key: 's1' }]);
    expect(s.unscheduled.map((t) => t.title)).toEqual(['Unplaced idea']);
    expect(s.warnings.join(' ')).toMatch(/1 speaker id not in the speaker list/);
    expect(parse(all, { timeZone: 'Asia/Tokyo' }).days[0].talks[0].startsAt).toBe(Date.UTC(2025, 5, 10, 0, 0));
  });
});

describe('iCalendar', () => {
  const ics = (events: string[], head = '') =>
    ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Hallway tests//EN', 'X-WR-CALNAME:Fjordline Meetup', head, ...events, 'END:VCALENDAR'].filter(Boolean).join('\r\n');
  const vevent = (lines: string[]) => ['BEGIN:VEVENT', ...lines, 'END:VEVENT'].join('\r\n');
  const oslo = ['BEGIN:VTIMEZONE', 'TZID:Europe/Oslo', 'BEGIN:DAYLIGHT', 'DTSTART:19700329T020000', 'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU', 'TZOFFSETFROM:+0100', 'TZOFFSETTO:+0200', 'END:DAYLIGHT', 'BEGIN:STANDARD', 'DTSTART:19701025T030000', 'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU', 'TZOFFSETFROM:+0200', 'TZOFFSETTO:+0100', 'END:STANDARD', 'END:VTIMEZONE'].join('\r\n');

  it('reads zoned times through the VTIMEZONE, speakers from ATTENDEE or a speaker line, and events without an end', () => {
    const s = parse(
      ics(
        [
          vevent(['UID:b@x', 'DTSTART;TZID=Europe/Oslo:20250912T140000', 'SUMMARY:Second', 'LOCATION:Loft', 'DESCRIPTION:Speaker: Eva Lie\\n\\nAbout boats.']),
          vevent(['UID:a@x', 'DTSTART;TZID=Europe/Oslo:20250912T100000', 'DTEND;TZID=Europe/Oslo:20250912T104500', 'SUMMARY:First', 'LOCATION:Hall', 'CATEGORIES:Data', 'ATTENDEE;CN="Ari Vik";ROLE=REQ-PARTICIPANT:mailto:ari@example.org']),
          vevent(['UID:c@x', 'DTSTART;VALUE=DATE:20250912', 'SUMMARY:Whole meetup']),
        ],
        `X-WR-TIMEZONE:Europe/Oslo\r\n${oslo}`,
      ),
    );
    expect(s.conference).toMatchObject({ title: 'Fjordline Meetup', timeZone: 'Europe/Oslo' });
    expect(talks(s).map((t) => [t.title, t.start, t.startsAt, t.durationMinutes, t.room, t.track, t.speakers.map((p) => p.name), t.sourceId])).toEqual([
      ['First', '2025-09-12T10:00', Date.UTC(2025, 8, 12, 8, 0), 45, 'Hall', 'Data', ['Ari Vik'], 'a@x'],
      ['Second', '2025-09-12T14:00', Date.UTC(2025, 8, 12, 12, 0), null, 'Loft', null, ['Eva Lie'], 'b@x'],
    ]);
    expect(talks(s)[1].abstract).toBe('About boats.');
    expect(s.warnings.join(' ')).toMatch(/1 all-day event was left out/);
    expect(s.warnings.join(' ')).toMatch(/1 event has no end or duration/);
  });

  it('reads speakers from the titles when the calendar names them nowhere else', () => {
    const s = parse(
      ics([
        vevent(['UID:1', 'DTSTART:20250301T090000Z', 'DTEND:20250301T093000Z', 'SUMMARY:Sailing the Data Lake – Hanna Berg']),
        vevent(['UID:2', 'DTSTART:20250301T100000Z', 'DTEND:20250301T103000Z', 'SUMMARY:Rust on Boats (Jon Ek & Mia Sund)']),
        vevent(['UID:3', 'DTSTART:20250301T110000Z', 'DTEND:20250301T113000Z', 'SUMMARY:Lunch']),
      ]),
    );
    expect(talks(s).map((t) => [t.title, t.speakers.map((p) => p.name)])).toEqual([
      ['Sailing the Data Lake', ['Hanna Berg']],
      ['Rust on Boats', ['Jon Ek', 'Mia Sund']],
      ['Lunch', []],
    ]);
    expect(s.warnings.join(' ')).toMatch(/speakers were read from the event titles/);
  });

  it('UTC times with no zone anywhere are read as UTC, local times shown as written', () => {
    const s = parse(ics([vevent(['UID:1', 'DTSTART:20250301T090000Z', 'DTEND:20250301T093000Z', 'SUMMARY:Early'])]));
    expect(talks(s)[0]).toMatchObject({ start: '2025-03-01T09:00', startsAt: Date.UTC(2025, 2, 1, 9, 0) });
    expect(parse(ics([vevent(['UID:1', 'DTSTART:20250301T090000Z', 'DTEND:20250301T093000Z', 'SUMMARY:Early'])]), { timeZone: 'Europe/Berlin' }).days[0].talks[0].start).toBe('2025-03-01T10:00');
  });
});

// ------------------------------------------------------------ the corpus

const CORPUS = path.join(process.cwd(), '..', 'shared', 'corpus', 'schedules');
const manifest = fs.existsSync(path.join(CORPUS, 'manifest.json'))
  ? (JSON.parse(fs.readFileSync(path.join(CORPUS, 'manifest.json'), 'utf8')) as { files: { file: string; days: number; rooms: number; events: number | null; days_used: number; rooms_used: number; first_event: { title: string; room: string; persons: string[] } }[] })
  : null;
describe.skipIf(!manifest)(`the real schedules in ${CORPUS}`, () => {
  for (const entry of manifest?.files.filter((f) => f.events !== null) ?? []) {
    it(`${entry.file}: the manifest's days, rooms, events and first event`, () => {
      const s = parse(fs.readFileSync(path.join(CORPUS, entry.file), 'utf8'));
      const json = toDryRunJson(entry.file, { ok: true, schedule: s });
      expect([json.days.length, json.days.filter((d) => d.talks.length).length]).toEqual([entry.days, entry.days_used]);
      expect([json.rooms.length, new Set(talks(s).map((t) => t.room).filter(Boolean)).size]).toEqual([entry.rooms, entry.rooms_used]);
      expect(talks(s).length + s.unscheduled.length).toBe(entry.events);
      const first = json.days[0].talks[0];
      expect([first.title, first.room, first.speakers]).toEqual([entry.first_event.title, entry.first_event.room, entry.first_event.persons]);
    });
  }
});
if (!manifest) console.warn(`Skipping the corpus cases: no schedule corpus at ${CORPUS}.`);
