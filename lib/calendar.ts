import { TZDate, tzOffset, tzScan } from '@date-fns/tz';
import ical, { ICalEventStatus, type ICalCalendar, type ICalEventData } from 'ical-generator';
import { absoluteUrl, SITE_NAME } from './seo';

/**
 * iCalendar (RFC 5545) files through ical-generator.
 *
 * - A talk with a known start (`talks.startsAt`, UTC) is a timed event in its conference's IANA
 *   zone: `DTSTART;TZID=Europe/London:…` plus a VTIMEZONE generated here from the runtime's tz
 *   database (Intl, via @date-fns/tz), covering the events' dates. Times are handed to the library
 *   as TZDate so it prints the zone's wall clock, not the server's.
 * - A day with talks but no start times is one all-day event listing them (`VALUE=DATE`, zone-less).
 * - UIDs are built from row ids and the site's host, so re-downloads update events in place.
 */

export const DEFAULT_TALK_MINUTES = 45;
const DAY_MS = 86_400_000;

export type CalendarTalk = {
  id: number;
  slug: string;
  title: string;
  kind: string;
  abstract: string | null;
  startsAt: number | null;
  durationMinutes: number | null;
  room: string | null;
  trackName: string | null;
  dayNumber: number | null;
  dayDate: string | null;
  conferenceSlug: string;
  conferenceName: string;
  timeZone: string;
  speakers: { name: string }[];
};

const host = () => new URL(absoluteUrl('/')).hostname;

function pad(n: number, width = 2) {
  return String(Math.abs(n)).padStart(width, '0');
}

function formatOffset(minutes: number) {
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(minutes) / 60))}${pad(Math.abs(minutes) % 60)}`;
}

/** `20180325T010000`: the UTC fields of a Date, as iCalendar's local date-time form. */
function basicDateTime(d: Date) {
  return (
    `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`
  );
}

/**
 * A VTIMEZONE for `tzid` that is exact between `from` and `to` (UTC ms): the offset in force at
 * `from`, then every change in between, each observance starting at its local onset time.
 */
export function vtimezone(tzid: string, from: number, to: number): string | null {
  let changes: ReturnType<typeof tzScan>;
  let initial: number;
  try {
    initial = tzOffset(tzid, new Date(from));
    if (Number.isNaN(initial)) return null;
    changes = tzScan(tzid, { start: new Date(from), end: new Date(to) });
  } catch {
    return null; // Unknown zone: the events fall back to UTC (see zoneFor()).
  }
  const observance = (kind: 'STANDARD' | 'DAYLIGHT', onsetLocal: string, fromOffset: number, toOffset: number) =>
    [
      `BEGIN:${kind}`,
      `DTSTART:${onsetLocal}`,
      `TZOFFSETFROM:${formatOffset(fromOffset)}`,
      `TZOFFSETTO:${formatOffset(toOffset)}`,
      `END:${kind}`,
    ].join('\r\n');
  const lines = [`BEGIN:VTIMEZONE`, `TZID:${tzid}`];
  // Whatever held before the range: valid from 1970 until the first change.
  const firstIsDaylight = changes.length > 0 && changes[0].change < 0;
  lines.push(observance(firstIsDaylight ? 'DAYLIGHT' : 'STANDARD', '19700101T000000', initial, initial));
  for (const c of changes) {
    const before = c.offset - c.change;
    lines.push(
      observance(c.change > 0 ? 'DAYLIGHT' : 'STANDARD', basicDateTime(new Date(c.date.getTime() + before * 60_000)), before, c.offset),
    );
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}

/** The event zone for an IANA name: null (print UTC) for UTC or a name the runtime does not know. */
function zoneFor(timeZone: string): string | null {
  if (!timeZone || timeZone.toUpperCase() === 'UTC') return null;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone;
  } catch {
    return null;
  }
}

function newCalendar({ name, description, url, timeZone }: { name: string; description: string; url: string; timeZone?: string | null }) {
  const cal = ical({
    name,
    description,
    url,
    prodId: { company: SITE_NAME, product: 'Hallway', language: 'EN' },
    // Calendar apps re-fetch subscriptions at their own pace; this asks for at most hourly.
    ttl: 60 * 60,
  });
  // `name: null`: the calendar itself has no zone, so DTSTAMP and friends stay in UTC as RFC 5545
  // requires; the generator only writes a VTIMEZONE for each zone an event uses.
  cal.timezone({ name: null, generator: () => null });
  if (timeZone) cal.x([['X-WR-TIMEZONE', timeZone]]);
  return cal;
}

/** Adds VTIMEZONEs for the zones the events use, exact over the events' span. */
function addTimezones(cal: ICalCalendar, timed: { startsAt: number }[]) {
  if (timed.length === 0) return;
  const from = Math.min(...timed.map((t) => t.startsAt)) - 7 * DAY_MS;
  const to = Math.max(...timed.map((t) => t.startsAt)) + 7 * DAY_MS;
  cal.timezone({ name: null, generator: (tz) => vtimezone(tz, from, to) });
}

const talkUrl = (t: Pick<CalendarTalk, 'conferenceSlug' | 'slug'>) => absoluteUrl(`/conferences/${t.conferenceSlug}/talks/${t.slug}`);

function talkDescription(t: CalendarTalk): string {
  const by = t.speakers.map((s) => s.name).join(', ');
  return [by && `By ${by}`, t.trackName && `Track: ${t.trackName}`, t.abstract, talkUrl(t)].filter(Boolean).join('\n\n');
}

function timedTalkEvent(t: CalendarTalk & { startsAt: number }, uidPrefix: string, stamp: Date, location: string | null): ICalEventData {
  const zone = zoneFor(t.timeZone);
  const end = t.startsAt + (t.durationMinutes ?? DEFAULT_TALK_MINUTES) * 60_000;
  return {
    id: `${uidPrefix}talk-${t.id}@${host()}`,
    stamp,
    start: zone ? new TZDate(t.startsAt, zone) : new Date(t.startsAt),
    end: zone ? new TZDate(end, zone) : new Date(end),
    timezone: zone,
    summary: t.title,
    description: talkDescription(t),
    location: [t.room, location].filter(Boolean).join(', ') || null,
    url: talkUrl(t),
  };
}

/** `YYYY-MM-DD` → a Date at UTC midnight (all-day events are printed from UTC fields). */
function calendarDate(date: string, plusDays = 0) {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + plusDays));
}

export function conferenceCalendar({
  conference,
  days,
  talks,
}: {
  conference: { id: number; slug: string; name: string; location: string | null; timeZone: string; updatedAt: number };
  days: { id: number; number: number; date: string; theme: string | null }[];
  talks: CalendarTalk[];
}): ICalCalendar {
  const cal = newCalendar({
    name: conference.name,
    description: `The programme of ${conference.name}, from ${SITE_NAME}.`,
    url: absoluteUrl(`/conferences/${conference.slug}`),
    timeZone: zoneFor(conference.timeZone),
  });
  const stamp = new Date(conference.updatedAt);
  const timed = talks.filter((t): t is CalendarTalk & { startsAt: number } => t.startsAt !== null);
  addTimezones(cal, timed);
  for (const t of timed.sort((a, b) => a.startsAt - b.startsAt)) {
    cal.createEvent(timedTalkEvent(t, '', stamp, conference.location));
  }
  for (const day of days) {
    const untimed = talks.filter((t) => t.startsAt === null && t.dayNumber === day.number);
    if (untimed.length === 0) continue;
    cal.createEvent({
      id: `day-${day.id}@${host()}`,
      stamp,
      allDay: true,
      start: calendarDate(day.date),
      end: calendarDate(day.date, 1),
      summary: `${conference.name}: day ${day.number}${day.theme ? ` (${day.theme})` : ''}`,
      description: [
        ...untimed.map((t) => `• ${t.title}${t.speakers.length ? ` (${t.speakers.map((s) => s.name).join(', ')})` : ''}`),
        absoluteUrl(`/conferences/${conference.slug}/days/${day.number}`),
      ].join('\n'),
      location: conference.location,
      url: absoluteUrl(`/conferences/${conference.slug}/days/${day.number}`),
    });
  }
  return cal;
}

/**
 * The talks a person marked or plans to see, across conferences: timed ones at their time, the
 * rest all day. A planned talk (on the agenda, not yet seen) is TENTATIVE, a seen one CONFIRMED;
 * the UID is the same either way, so marking a planned talk as seen updates its event in place.
 */
export function personalCalendar({ name, talks, stamp }: { name: string; talks: (CalendarTalk & { planned?: boolean })[]; stamp: Date }): ICalCalendar {
  const cal = newCalendar({ name, description: `Talks you marked or plan to see on ${SITE_NAME}.`, url: absoluteUrl('/journal') });
  const status = (t: { planned?: boolean }) => (t.planned ? ICalEventStatus.TENTATIVE : ICalEventStatus.CONFIRMED);
  const timed = talks.filter((t): t is CalendarTalk & { startsAt: number; planned?: boolean } => t.startsAt !== null);
  addTimezones(cal, timed);
  for (const t of timed.sort((a, b) => a.startsAt - b.startsAt)) {
    cal.createEvent({ ...timedTalkEvent(t, 'journal-', stamp, t.conferenceName), status: status(t) });
  }
  for (const t of talks) {
    if (t.startsAt !== null || !t.dayDate) continue;
    cal.createEvent({
      id: `journal-talk-${t.id}@${host()}`,
      stamp,
      allDay: true,
      start: calendarDate(t.dayDate),
      end: calendarDate(t.dayDate, 1),
      summary: t.title,
      description: [`${t.conferenceName}${t.dayNumber ? `, day ${t.dayNumber}` : ''}`, talkDescription(t)].join('\n\n'),
      location: [t.room, t.conferenceName].filter(Boolean).join(', '),
      url: talkUrl(t),
      status: status(t),
    });
  }
  return cal;
}

export function calendarResponse(cal: ICalCalendar, { filename, headers = {} }: { filename: string; headers?: Record<string, string> }) {
  // RFC 5545 ends every line, the last one included, with CRLF.
  return new Response(`${cal.toString()}\r\n`, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `inline; filename="${filename.replace(/[^\w.-]/g, '_')}"`,
      ...headers,
    },
  });
}
