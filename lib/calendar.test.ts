import '@/lib/testing/fresh-db';

import { eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as conferenceIcs } from '@/app/conferences/[slug]/calendar.ics/route';
import { GET as journalIcs } from '@/app/journal/calendar.ics/route';
import { getCalendarTokenByUserId, getUserByCalendarToken, resetCalendarToken } from '@/db/calendar';
import { db } from '@/db/index';
import { setPlan } from '@/db/plans';
import { conferences, days, ratings, talks, users } from '@/db/schema';
import { seedDemoJournal } from '@/db/seed';
import { zonedTimeToUtc } from '@/lib/dates';
import { DEFAULT_TALK_MINUTES, vtimezone } from './calendar';

type ParsedEvent = { uid: string; summary: string; start: ICAL.Time; end: ICAL.Time; allDay: boolean; tzid: string | null };

/** Parses with ical.js, registering the file's own VTIMEZONEs so local times convert to UTC. */
function parseIcs(text: string) {
  const root = new ICAL.Component(ICAL.parse(text));
  expect(root.name).toBe('vcalendar');
  for (const vtz of root.getAllSubcomponents('vtimezone')) {
    const tz = new ICAL.Timezone(vtz);
    ICAL.TimezoneService.register(tz, tz.tzid);
  }
  const events: ParsedEvent[] = root.getAllSubcomponents('vevent').map((c) => {
    const e = new ICAL.Event(c);
    const dtstart = c.getFirstProperty('dtstart')!;
    return {
      uid: e.uid,
      summary: e.summary,
      start: e.startDate,
      end: e.endDate,
      allDay: e.startDate.isDate,
      tzid: (dtstart.getParameter('tzid') as string | undefined) ?? null,
    };
  });
  return { root, events };
}

const utcMs = (t: ICAL.Time) => t.toJSDate().getTime();
const params = (slug: string) => ({ params: Promise.resolve({ slug }) });
const ics = async (slug: string) => conferenceIcs(new Request(`http://localhost:3000/conferences/${slug}/calendar.ics`), params(slug));

function talksOf(slug: string) {
  const conf = db.select().from(conferences).where(eq(conferences.slug, slug)).get()!;
  return { conf, talks: db.select().from(talks).where(eq(talks.conferenceId, conf.id)).all() };
}

beforeAll(async () => {
  await seedDemoJournal(db);
});

describe('conference calendar (/conferences/[slug]/calendar.ics)', () => {
  it('has one event per talk with a start time, at the right UTC instants, in the conference zone', async () => {
    const response = await ics('fjord-dev-days-2019');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const text = await response.text();
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    const { root, events } = parseIcs(text);
    expect(root.getFirstPropertyValue('x-wr-timezone')).toBe('Europe/Oslo');

    const { talks: rows } = talksOf('fjord-dev-days-2019');
    expect(rows.every((t) => t.startsAt !== null)).toBe(true);
    expect(events).toHaveLength(rows.length);
    for (const talk of rows) {
      const event = events.find((e) => e.uid.startsWith(`talk-${talk.id}@`))!;
      expect(event, talk.slug).toBeDefined();
      expect(event.summary).toBe(talk.title);
      expect(event.tzid).toBe('Europe/Oslo');
      expect(utcMs(event.start)).toBe(talk.startsAt);
      expect(utcMs(event.end)).toBe(talk.startsAt! + (talk.durationMinutes ?? DEFAULT_TALK_MINUTES) * 60_000);
    }
    // "Backpressure Without Tears" is printed 09:30 Oslo time (CEST, UTC+2) on 22 May 2019.
    const backpressure = events.find((e) => e.summary === 'Backpressure Without Tears')!;
    expect(backpressure.start.toString()).toBe('2019-05-22T09:30:00');
    expect(new Date(utcMs(backpressure.start)).toISOString()).toBe('2019-05-22T07:30:00.000Z');
  });

  it('lists talks without a start time in one all-day event per day', async () => {
    const { events } = parseIcs(await (await ics('qcon-london-2018')).text());
    const { talks: rows } = talksOf('qcon-london-2018');
    const timed = rows.filter((t) => t.startsAt !== null);
    const untimedDays = new Set(rows.filter((t) => t.startsAt === null).map((t) => t.dayId));
    expect(events.filter((e) => !e.allDay)).toHaveLength(timed.length);
    const allDay = events.filter((e) => e.allDay);
    expect(allDay).toHaveLength(untimedDays.size);
    expect(allDay.map((e) => e.start.toString()).sort()).toEqual(['2018-03-05', '2018-03-06', '2018-03-07']);
    expect(allDay.map((e) => e.end.toString()).sort()).toEqual(['2018-03-06', '2018-03-07', '2018-03-08']);
    expect(allDay.find((e) => e.start.toString() === '2018-03-05')!.summary).toBe('QCon London 2018: day 1');
    // The 13:40 London talk (GMT in March).
    const lambda = events.find((e) => e.summary.startsWith('Lambda Architectures'))!;
    expect(new Date(utcMs(lambda.start)).toISOString()).toBe('2018-03-06T13:40:00.000Z');
  });

  it('keeps UIDs stable between downloads', async () => {
    const a = parseIcs(await (await ics('qcon-london-2018')).text()).events.map((e) => e.uid);
    const b = parseIcs(await (await ics('qcon-london-2018')).text()).events.map((e) => e.uid);
    expect(a).toEqual(b);
    expect(new Set(a).size).toBe(a.length);
  });

  it('answers 404 for an unknown conference', async () => {
    expect((await ics('no-such-conference')).status).toBe(404);
  });

  it('converts correctly across a daylight-saving change (New York, March 2024)', async () => {
    const [conf] = db
      .insert(conferences)
      .values({ slug: 'dst-conf', name: 'DST Conf', startDate: '2024-03-09', endDate: '2024-03-11', timeZone: 'America/New_York' })
      .returning()
      .all();
    const dayIds = [9, 10, 11].map(
      (d, i) =>
        db.insert(days).values({ conferenceId: conf.id, number: i + 1, date: `2024-03-${d}` }).returning({ id: days.id }).all()[0].id,
    );
    // Clocks go forward at 02:00 on 10 March 2024: 09:00 on the 9th is UTC−5, on the 11th UTC−4.
    const slots = [
      ['before', '2024-03-09', '09:00', dayIds[0]],
      ['after', '2024-03-11', '09:00', dayIds[2]],
    ] as const;
    for (const [slug, date, time, dayId] of slots) {
      db.insert(talks).values({ conferenceId: conf.id, dayId, slug, title: `Talk ${slug}`, startsAt: zonedTimeToUtc(date, time, 'America/New_York'), durationMinutes: 30 }).run();
    }
    const { events } = parseIcs(await (await ics('dst-conf')).text());
    const iso = (s: string) => new Date(utcMs(events.find((e) => e.summary === `Talk ${s}`)!.start)).toISOString();
    expect(iso('before')).toBe('2024-03-09T14:00:00.000Z');
    expect(iso('after')).toBe('2024-03-11T13:00:00.000Z');
  });
});

describe('vtimezone', () => {
  it('lists the changes of the span, each starting at its local onset time', () => {
    const text = vtimezone('Europe/London', Date.UTC(2018, 0, 1), Date.UTC(2018, 11, 31))!;
    expect(text).toContain('TZID:Europe/London');
    expect(text).toMatch(/BEGIN:DAYLIGHT\r\nDTSTART:20180325T010000\r\nTZOFFSETFROM:\+0000\r\nTZOFFSETTO:\+0100/);
    expect(text).toMatch(/BEGIN:STANDARD\r\nDTSTART:20181028T020000\r\nTZOFFSETFROM:\+0100\r\nTZOFFSETTO:\+0000/);
    expect(vtimezone('Not/AZone', 0, 1)).toBeNull();
  });
});

describe('personal calendar (/journal/calendar.ics?token=…)', () => {
  const get = (token?: string) =>
    journalIcs(new NextRequest(`http://localhost:3000/journal/calendar.ics${token === undefined ? '' : `?token=${encodeURIComponent(token)}`}`));

  it('lists the talks the token’s owner marked, privately', async () => {
    const sam = db.select().from(users).where(eq(users.handle, 'sam')).get()!;
    expect(getCalendarTokenByUserId({ userId: sam.id })).toBeNull();
    const token = resetCalendarToken({ userId: sam.id });
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(getUserByCalendarToken({ token })?.id).toBe(sam.id);

    const timed = db.select().from(talks).where(eq(talks.slug, 'backpressure-without-tears')).get()!;
    const untimed = db.select().from(talks).where(eq(talks.slug, 'drivetribe-social-network-streams')).get()!;
    db.insert(ratings).values([{ userId: sam.id, talkId: timed.id, stars: 5 }, { userId: sam.id, talkId: untimed.id }]).run();
    // Someone else's mark stays out.
    const ada = db.select().from(users).where(eq(users.handle, 'ada')).get()!;
    const other = db.select().from(talks).where(eq(talks.slug, 'tasty-topics')).get()!;
    db.insert(ratings).values({ userId: ada.id, talkId: other.id, stars: 3 }).run();

    const response = await get(token);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const { events } = parseIcs(await response.text());
    expect(events.map((e) => e.summary).sort()).toEqual([timed.title, untimed.title].sort());
    const timedEvent = events.find((e) => e.summary === timed.title)!;
    expect(utcMs(timedEvent.start)).toBe(timed.startsAt);
    const allDay = events.find((e) => e.summary === untimed.title)!;
    expect(allDay.allDay).toBe(true);
    expect(allDay.start.toString()).toBe('2018-03-05');
  });

  it('answers 404 for a missing, wrong, malformed or reset token', async () => {
    const ben = db.select().from(users).where(eq(users.handle, 'ben')).get()!;
    const old = resetCalendarToken({ userId: ben.id });
    expect((await get(old)).status).toBe(200);
    const fresh = resetCalendarToken({ userId: ben.id });
    expect(fresh).not.toBe(old);
    for (const token of [undefined, '', old, 'A'.repeat(32), `${fresh}x`, fresh.slice(1), "' OR 1=1 --"]) {
      const response = await get(token);
      expect(response.status, String(token)).toBe(404);
      expect(response.headers.get('cache-control')).toBe('private, no-store');
    }
    expect((await get(fresh)).status).toBe(200);
  });

  it('holds the agenda’s talks as tentative before the event, and a planned talk once seen as confirmed', async () => {
    const reader = db.insert(users).values({ email: 'planner@example.com', name: 'Planner', handle: 'planner', role: 'reader' }).returning().get();
    const token = resetCalendarToken({ userId: reader.id });
    const conf = db.insert(conferences).values({ slug: 'next-year', name: 'Next Year Conf', startDate: '2031-06-10', endDate: '2031-06-10', timeZone: 'Europe/Berlin' }).returning().get();
    const day = db.insert(days).values({ conferenceId: conf.id, number: 1, date: '2031-06-10' }).returning().get();
    const startsAt = zonedTimeToUtc('2031-06-10', '09:30', 'Europe/Berlin');
    const [planned, plannedAndSeen] = ['Planned', 'Planned and seen'].map((title, i) =>
      db.insert(talks).values({ conferenceId: conf.id, dayId: day.id, slug: `talk-${i}`, title, startsAt: startsAt + i * 3_600_000, durationMinutes: 40 }).returning().get(),
    );
    for (const t of [planned, plannedAndSeen]) expect(setPlan({ userId: reader.id, talkId: t.id, going: true, now: startsAt - 86_400_000 })).toMatchObject({ ok: true });
    db.insert(ratings).values({ userId: reader.id, talkId: plannedAndSeen.id, stars: 4 }).run();

    const { root, events } = parseIcs(await (await get(token)).text());
    const status = Object.fromEntries(root.getAllSubcomponents('vevent').map((c) => [c.getFirstPropertyValue('summary'), c.getFirstPropertyValue('status')]));
    expect(status).toEqual({ Planned: 'TENTATIVE', 'Planned and seen': 'CONFIRMED' });
    const event = events.find((e) => e.summary === 'Planned')!;
    expect(event.tzid).toBe('Europe/Berlin');
    expect(utcMs(event.start)).toBe(startsAt);
    expect(utcMs(event.end)).toBe(startsAt + 40 * 60_000);
  });

  it('refuses the token of a disabled account', async () => {
    const ada = db.select().from(users).where(eq(users.handle, 'ada')).get()!;
    const token = resetCalendarToken({ userId: ada.id });
    db.update(users).set({ disabledAt: Date.now() }).where(eq(users.id, ada.id)).run();
    expect((await get(token)).status).toBe(404);
  });
});
