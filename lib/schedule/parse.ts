import { formatOffset, zonedTimeToUtc } from '@/lib/dates';
import { isTimeZone } from '@/lib/write-schemas';
import { parseFrabJson, parseScheduleV2 } from './frab-json';
import { parseFrabXml } from './frab-xml';
import { parseIcal } from './ical';
import { isSessionize, parseSessionize } from './sessionize';
import type { DryRunEntry, RawEvent, RawSchedule, Schedule, ScheduleFormat, ScheduleTalk } from './types';
import { ScheduleParseError } from './types';
import { kindFor, pickLinks } from './util';

/**
 * A schedule file, whatever its format, into one `Schedule`: the format is told by the content
 * (never the file name), times are settled in one IANA zone, and each talk lands on its
 * conference day. See docs/decisions/014-schedule-import.md for the rules.
 */

export const MAX_SCHEDULE_BYTES = 8 * 1024 * 1024;
export const MAX_EVENTS = 5000;
/** The talk form's limits (app/write/conferences/actions.ts), so every imported talk stays editable. */
export const LIMITS = { title: 200, abstract: 5000, room: 80, track: 120, speaker: 120, speakers: 20 } as const;

export type ParseOptions = {
  /** The zone to read the times in, over the file's own (the author's choice). */
  timeZone?: string | null;
  /** The zone of the conference being updated, for files that name none. */
  conferenceTimeZone?: string | null;
  /**
   * This site's base URL: links in the file back to its own talk pages are Hallway's export
   * speaking of itself, not the conference's pages, and give the talk's slug instead.
   */
  siteUrl?: string | null;
};

export type ParseResult = { ok: true; schedule: Schedule } | { ok: false; format: ScheduleFormat | null; error: string };

/** Bytes or text → text: UTF-8 (a BOM dropped); UTF-16 when the BOM says so. */
export function decode(input: Uint8Array | string): string {
  if (typeof input === 'string') return input.replace(/^\uFEFF/, '');
  if (input[0] === 0xff && input[1] === 0xfe) return new TextDecoder('utf-16le').decode(input);
  if (input[0] === 0xfe && input[1] === 0xff) return new TextDecoder('utf-16be').decode(input);
  return new TextDecoder('utf-8').decode(input).replace(/^\uFEFF/, '');
}

/** Which format a file's content is in (null: none of ours). */
export function detectFormat(text: string): { format: ScheduleFormat; json?: unknown } | null {
  const head = text.slice(0, 2000).trimStart();
  if (/^BEGIN:VCALENDAR/i.test(head)) return { format: 'ical' };
  if (head.startsWith('<')) return /<schedule[\s>]/.test(text.slice(0, 20_000)) ? { format: 'frab-xml' } : null;
  if (head.startsWith('{') || head.startsWith('[')) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return null;
    }
    if (isSessionize(json)) return { format: 'sessionize', json };
    const schedule = (json as { schedule?: { conference?: { days?: unknown[] }; events?: unknown } } | null)?.schedule;
    if (schedule && Array.isArray(schedule.events)) return { format: 'schedule-v2', json };
    if (schedule?.conference && Array.isArray(schedule.conference.days)) {
      const first = schedule.conference.days[0] as { rooms?: unknown } | undefined;
      return { format: first === undefined || (first.rooms && typeof first.rooms === 'object') ? 'frab-json' : 'schedule-v2', json };
    }
  }
  return null;
}

export function parseRaw(text: string): RawSchedule {
  const detected = detectFormat(text);
  if (!detected) {
    throw new ScheduleParseError(
      'This is not a schedule we can read: expected frab/pretalx XML or JSON, C3VOC schedule v2 JSON, Sessionize “All Data” JSON, or an iCalendar (.ics) file.',
    );
  }
  switch (detected.format) {
    case 'frab-xml':
      return parseFrabXml(text);
    case 'ical':
      return parseIcal(text);
    case 'sessionize':
      return parseSessionize(detected.json);
    case 'schedule-v2':
      return parseScheduleV2(detected.json as Record<string, unknown>);
    case 'frab-json':
      return parseFrabJson(detected.json as Record<string, unknown>);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function offsetAt(ms: number, zone: string): number {
  const local = zonedTimeToUtcInverse(ms, zone);
  return Math.round((local - ms) / 60_000);
}

/** The wall clock of an instant in a zone, as a UTC-fields timestamp. */
function zonedTimeToUtcInverse(ms: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).formatToParts(new Date(ms));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
}

/** `YYYY-MM-DDTHH:MM` of an instant in a zone. */
export function localIso(ms: number, zone: string): string {
  return new Date(zonedTimeToUtcInverse(ms, zone)).toISOString().slice(0, 16);
}

function countBy<T>(items: T[], key: (t: T) => string | null): Map<string, number> {
  const m = new Map<string, number>();
  for (const i of items) {
    const k = key(i);
    if (k !== null) m.set(k, (m.get(k) ?? 0) + 1);
  }
  return m;
}

/** The path of a URL on this site (null for any other URL). */
function ownPath(url: string | null, siteUrl: string | null | undefined): string | null {
  if (!url || !siteUrl) return null;
  const base = siteUrl.replace(/\/+$/, '');
  return url.startsWith(`${base}/`) ? decodeURIComponent(url.slice(base.length)) : null;
}

function ownConferenceSlug(url: string | null, siteUrl: string | null | undefined): string | null {
  return /^\/conferences\/([^/?#]+)\/?$/.exec(ownPath(url, siteUrl) ?? '')?.[1] ?? null;
}

const shorten = (value: string, max: number) => (value.length <= max ? value : `${value.slice(0, max - 1).trimEnd()}…`);

const list = (items: string[], max = 5) => (items.length > max ? `${items.slice(0, max).join('; ')}; and ${items.length - max} more` : items.join('; '));

/** The one UTC offset every written event time carries, if they all carry the same one. */
function offsetOf(raw: RawSchedule): number | null {
  const offsets = new Set(raw.events.map((e) => (e.start?.kind === 'local' ? e.start.offsetMinutes : null)).filter((o): o is number => o !== null));
  return offsets.size === 1 ? [...offsets][0] : null;
}

/**
 * When the file's zone (or, without one, UTC) contradicts the offsets its times are written
 * with, and they all carry one whole-hour offset: the IANA fixed-offset zone for it (`Etc/GMT-1`
 * is UTC+01:00; the sign is POSIX's, reversed).
 */
function zoneOfOffsets(raw: RawSchedule, fileZone: string | null): string | null {
  const offset = offsetOf(raw);
  if (offset === null || offset % 60 !== 0 || offset < -12 * 60 || offset > 14 * 60) return null;
  const zone = fileZone ?? 'UTC';
  const agrees = raw.events.every((e) => e.start?.kind !== 'local' || e.start.offsetMinutes === null || offsetAt(zonedTimeToUtc(e.start.date, e.start.time, zone), zone) === e.start.offsetMinutes);
  if (agrees) return null;
  return offset === 0 ? 'UTC' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset) / 60}`;
}

/** Settles a parsed file: zone, instants, days, rooms, kinds, and the warnings a person should read. */
export function normalize(raw: RawSchedule, options: ParseOptions = {}): Schedule {
  const warnings = [...raw.warnings];
  let timeZone: string;
  let timeZoneSource: Schedule['conference']['timeZoneSource'];
  if (raw.timeZone && !isTimeZone(raw.timeZone)) warnings.push(`Unknown time zone “${raw.timeZone}” in the file.`);
  const fileZone = raw.timeZone && isTimeZone(raw.timeZone) ? raw.timeZone : null;
  const offsetZone = zoneOfOffsets(raw, fileZone);
  if (options.timeZone) [timeZone, timeZoneSource] = [options.timeZone, 'option'];
  else if (offsetZone) {
    // The offsets written on every event are more specific than one zone name (pretalx writes
    // "UTC" until an organiser sets the zone): a fixed-offset zone keeps both the wall clock
    // and the instant of each talk.
    [timeZone, timeZoneSource] = [offsetZone, 'file'];
    warnings.push(
      `${fileZone ? `The file names the time zone ${fileZone}, but its` : 'The file names no time zone; its'} times all carry the offset ${formatOffset(offsetOf(raw)!)}: read as ${offsetZone}. Choose the conference’s own time zone (e.g. Europe/Berlin) if you know it.`,
    );
  } else if (fileZone) [timeZone, timeZoneSource] = [fileZone, 'file'];
  else if (options.conferenceTimeZone) [timeZone, timeZoneSource] = [options.conferenceTimeZone, 'conference'];
  else {
    [timeZone, timeZoneSource] = ['UTC', 'default'];
    warnings.push('The file names no time zone: its times were read as UTC. Choose the conference’s time zone if that is wrong.');
  }

  const events = raw.events.slice(0, MAX_EVENTS);
  if (raw.events.length > MAX_EVENTS) warnings.push(`Only the first ${MAX_EVENTS} of ${raw.events.length} events were read.`);

  // Identities: a guid or id that occurs twice identifies neither event.
  const guidCounts = countBy(events, (e) => e.guid?.toLowerCase() ?? null);
  const idCounts = countBy(events, (e) => e.id);
  const dupGuids = [...guidCounts].filter(([, n]) => n > 1).map(([g]) => g);
  const dupIds = [...idCounts].filter(([, n]) => n > 1).map(([i]) => i);
  if (dupGuids.length) warnings.push(`Duplicate guid${dupGuids.length === 1 ? '' : 's'} ${list(dupGuids)}: those events are matched by id or by title and start instead.`);
  if (dupIds.length) warnings.push(`Duplicate event id${dupIds.length === 1 ? '' : 's'} ${list(dupIds)}: those events are matched by title and start instead.`);
  const badGuids = events.filter((e) => e.guid && !UUID.test(e.guid)).map((e) => e.guid!);
  if (badGuids.length) warnings.push(`Guid${badGuids.length === 1 ? '' : 's'} that are not UUIDs were set aside: ${list(badGuids)}.`);

  const clipped = new Map<string, number>();
  const clip = (value: string | null, max: number, what: string) => {
    if (value === null || value.length <= max) return value;
    clipped.set(what, (clipped.get(what) ?? 0) + 1);
    return shorten(value, max);
  };

  let offsetMismatch: { written: number; zone: number; title: string } | null = null;
  const talks: ScheduleTalk[] = events.map((e: RawEvent) => {
    let startsAt: number | null = null;
    let start: string | null = null;
    if (e.start?.kind === 'local') {
      startsAt = zonedTimeToUtc(e.start.date, e.start.time, timeZone);
      start = `${e.start.date}T${e.start.time}`;
      // The wall clock is what the schedule shows; an offset that disagrees with the zone means
      // the zone (or the offsets) are wrong: say so once.
      if (e.start.offsetMinutes !== null && !offsetMismatch && offsetAt(startsAt, timeZone) !== e.start.offsetMinutes) {
        offsetMismatch = { written: e.start.offsetMinutes, zone: offsetAt(startsAt, timeZone), title: e.title };
      }
    } else if (e.start?.kind === 'instant') {
      startsAt = e.start.ms;
      start = localIso(startsAt, timeZone);
    }
    const guid = e.guid && UUID.test(e.guid) && guidCounts.get(e.guid.toLowerCase()) === 1 ? e.guid.toLowerCase() : null;
    const links = pickLinks(e.links);
    const own = ownPath(e.url, options.siteUrl);
    return {
      guid,
      fileGuid: e.guid,
      sourceId: e.id && idCounts.get(e.id) === 1 ? e.id : null,
      title: clip(e.title, LIMITS.title, 'titles')!,
      abstract: clip(e.abstract, LIMITS.abstract, 'abstracts'),
      day: null,
      start,
      startsAt,
      durationMinutes: e.durationMinutes,
      room: clip(e.room, LIMITS.room, 'room names'),
      track: clip(e.track, LIMITS.track, 'track names'),
      kind: kindFor(e.type, e.title),
      speakers: e.persons.slice(0, LIMITS.speakers).map((p) => ({ ...p, name: clip(p.name, LIMITS.speaker, 'speaker names')! })),
      url: own ? links.talkUrl : (e.url ?? links.talkUrl),
      videoUrl: links.videoUrl,
      slidesUrl: links.slidesUrl,
      presentationUrl: links.presentationUrl,
      slug: own ? (/^\/conferences\/[^/]+\/talks\/([^/?#]+)$/.exec(own)?.[1] ?? null) : null,
    };
  });
  for (const [what, n] of clipped) warnings.push(`${n} ${what} were longer than Hallway allows and were shortened.`);
  if (offsetMismatch) {
    const m = offsetMismatch as { written: number; zone: number; title: string };
    warnings.push(
      `The file’s times carry the offset ${formatOffset(m.written)}, but ${timeZone} is at ${formatOffset(m.zone)} then (“${m.title}”): times are kept as written. Choose the right time zone if the conference was elsewhere.`,
    );
  }

  // The day of each talk: the one the file files it under; else the file's day whose span holds
  // its start; else the local date it starts on. A talk crossing midnight stays on its day.
  const spans = raw.days.filter((d) => d.startMs !== null && d.endMs !== null);
  talks.forEach((t, i) => {
    if (t.startsAt === null || !t.start) return;
    t.day = events[i].dayDate ?? spans.find((d) => t.startsAt! >= d.startMs! && t.startsAt! < d.endMs!)?.date ?? t.start.slice(0, 10);
  });

  // Conference dates: the file's, widened to every day that holds a talk.
  const declaredDays = raw.days.map((d) => d.date);
  const usedDays = talks.map((t) => t.day).filter((d): d is string => !!d);
  const allDates = [...new Set([...declaredDays, ...usedDays])].sort();
  const start = raw.start ?? allDates[0] ?? null;
  const end = raw.end ?? allDates.at(-1) ?? null;
  if (start && end) {
    const outside = talks.filter((t) => t.day && (t.day < start || t.day > end));
    if (outside.length) {
      warnings.push(`${outside.length} event${outside.length === 1 ? ' is' : 's are'} outside the conference’s days (${start} to ${end}): ${list(outside.map((t) => `“${t.title}” on ${t.day}`))}. The conference’s dates were widened.`);
    }
  }
  const confStart = [start, allDates[0]].filter((d): d is string => !!d).sort()[0] ?? null;
  const confEnd = [end, allDates.at(-1)].filter((d): d is string => !!d).sort().at(-1) ?? null;
  // Rooms: the file's list, then any other room a talk is in, in order of appearance.
  const rooms = [...new Set([...raw.rooms.map((r) => shorten(r.name, LIMITS.room)), ...talks.map((t) => t.room).filter((r): r is string => !!r)])];
  const roomGuidCounts = countBy(raw.rooms, (r) => r.guid?.toLowerCase() ?? null);
  const roomGuids = new Map(raw.rooms.filter((r) => r.guid && UUID.test(r.guid) && roomGuidCounts.get(r.guid.toLowerCase()) === 1).map((r) => [shorten(r.name, LIMITS.room), r.guid!.toLowerCase()]));
  const noRoom = talks.filter((t) => t.startsAt !== null && !t.room);
  if (noRoom.length) warnings.push(`${noRoom.length} talk${noRoom.length === 1 ? ' has' : 's have'} no room: ${list(noRoom.map((t) => `“${t.title}”`))}.`);
  const unscheduled = talks.filter((t) => t.startsAt === null);
  if (unscheduled.length) warnings.push(`${unscheduled.length} event${unscheduled.length === 1 ? ' has' : 's have'} no time: imported without a day (${list(unscheduled.map((t) => `“${t.title}”`))}).`);
  const noDuration = talks.filter((t) => t.startsAt !== null && t.durationMinutes === null).length;
  if (noDuration) warnings.push(`${noDuration} event${noDuration === 1 ? ' has' : 's have'} no end or duration.`);

  const roomOrder = new Map(rooms.map((r, i) => [r, i]));
  const order = new Map(talks.map((t, i) => [t, i]));
  const days = allDates.map((date) => ({
    date,
    talks: talks
      .filter((t) => t.day === date)
      .sort((a, b) => a.startsAt! - b.startsAt! || (roomOrder.get(a.room ?? '') ?? 1e9) - (roomOrder.get(b.room ?? '') ?? 1e9) || order.get(a)! - order.get(b)!),
  }));
  const tracks = [...new Set([...raw.tracks.map((t) => shorten(t, LIMITS.track)), ...talks.map((t) => t.track).filter((t): t is string => !!t)])];
  return {
    format: raw.format,
    conference: {
      title: raw.title,
      acronym: raw.acronym,
      slug: ownConferenceSlug(raw.url, options.siteUrl),
      timeZone,
      timeZoneSource,
      start: confStart,
      end: confEnd,
      url: ownPath(raw.url, options.siteUrl) ? null : raw.url,
    },
    rooms,
    roomGuids,
    tracks,
    days,
    unscheduled,
    warnings,
  };
}

/** Reads a schedule file (bytes or text). Never throws for a bad file: the error is in the result. */
export function parseSchedule(input: Uint8Array | string, options: ParseOptions = {}): ParseResult {
  const size = typeof input === 'string' ? input.length : input.byteLength;
  if (size > MAX_SCHEDULE_BYTES) return { ok: false, format: null, error: `This file is larger than ${MAX_SCHEDULE_BYTES / 1024 / 1024} MB.` };
  const text = decode(input);
  let raw: RawSchedule;
  try {
    raw = parseRaw(text);
  } catch (error) {
    if (error instanceof ScheduleParseError) return { ok: false, format: detectFormat(text)?.format ?? null, error: error.message };
    throw error;
  }
  return { ok: true, schedule: normalize(raw, options) };
}

/** The `--dry-run --json` entry of one file (shape documented in lib/schedule/README.md). */
export function toDryRunJson(file: string, result: ParseResult): DryRunEntry {
  if (!result.ok) return { file, error: result.error, format: result.format, conference: null, rooms: [], days: [], warnings: [] };
  const s = result.schedule;
  return {
    file,
    error: null,
    format: s.format,
    conference: { title: s.conference.title, timeZone: s.conference.timeZone, start: s.conference.start, end: s.conference.end },
    rooms: s.rooms,
    days: s.days.map((d) => ({
      date: d.date,
      talks: d.talks.map((t) => ({
        title: t.title,
        start: t.start!,
        durationMinutes: t.durationMinutes,
        room: t.room,
        track: t.track,
        speakers: t.speakers.map((p) => p.name),
        guid: t.fileGuid,
      })),
    })),
    warnings: s.warnings,
  };
}
