import type { RawEvent, RawLink, RawSchedule } from './types';
import { ScheduleParseError } from './types';
import { addDays, asArray, cleanLine, cleanText, datePart, instantOf, parseClock, parseDuration, parseIsoTime, persons, webUrl } from './util';

/**
 * The JSON twins of the frab schedule: frab's and pretalx's `schedule.json` (C3VOC schema
 * `schedule.json`: conference → days[] → rooms{name: events[]}), and C3VOC "schedule v2"
 * (`schedule2`: conference with rooms/tracks/days, and one flat `events[]` with absolute
 * `start`/`end`, room and track as references).
 */

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});

/** A localized text (`{ en: "…", de: "…" }`) or a plain one. */
function localized(v: unknown): string | null {
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const o = v as Obj;
    return cleanText(o.en) ?? cleanText(Object.values(o).find((x) => typeof x === 'string' && x.trim()));
  }
  return cleanText(v);
}

function jsonLinks(ev: Obj, baseUrl: string | null): RawLink[] {
  const out: RawLink[] = [];
  for (const l of [...asArray(ev.links as unknown[]), ...asArray(ev.attachments as unknown[])]) {
    const o = obj(l);
    const url = webUrl(typeof l === 'string' ? l : o.url ?? o.href, baseUrl);
    if (url) out.push({ url, title: cleanLine(o.title ?? o.type) });
  }
  return out;
}

function combine(abstract: string | null, description: string | null, subtitle: string | null): string | null {
  const body = abstract && description && description !== abstract ? `${abstract}\n\n${description}` : (abstract ?? description);
  return subtitle && body ? `${subtitle}\n\n${body}` : (subtitle ?? body);
}

function baseOf(schedule: Obj, conf: Obj) {
  return cleanLine(schedule.base_url) ?? cleanLine(conf.base_url);
}

/** The conference fields both JSON shapes share, around what each read. */
function result(format: 'frab-json' | 'schedule-v2', conf: Obj, baseUrl: string | null, read: Pick<RawSchedule, 'days' | 'rooms' | 'tracks' | 'events' | 'warnings'>): RawSchedule {
  if (!read.days.length && !read.events.length) throw new ScheduleParseError('This schedule has no days and no events.');
  return {
    format,
    title: cleanLine(conf.title),
    acronym: cleanLine(conf.acronym),
    timeZone: cleanLine(conf.time_zone_name),
    start: datePart(conf.start),
    end: datePart(conf.end),
    url: webUrl(conf.url) ?? (baseUrl && webUrl(baseUrl)),
    ...read,
  };
}

export function parseFrabJson(doc: Obj): RawSchedule {
  const schedule = obj(doc.schedule);
  const conf = obj(schedule.conference);
  const baseUrl = baseOf(schedule, conf);
  const warnings: string[] = [];
  const rooms: RawSchedule['rooms'] = [];
  const seenRooms = new Set<string>();
  const addRoom = (name: string | null, guid: string | null) => {
    if (!name || seenRooms.has(name)) return;
    seenRooms.add(name);
    rooms.push({ name, guid });
  };
  for (const r of asArray(conf.rooms as unknown[])) addRoom(cleanLine(obj(r).name), cleanLine(obj(r).guid));
  const days: RawSchedule['days'] = [];
  const events: RawEvent[] = [];
  for (const rawDay of asArray(conf.days as unknown[])) {
    const day = obj(rawDay);
    const date = datePart(day.date);
    if (!date) {
      warnings.push(`A day has no valid date (“${String(day.date ?? '')}”): its events were skipped.`);
      continue;
    }
    const dayStart = parseIsoTime(day.day_start);
    const dayEnd = parseIsoTime(day.day_end);
    days.push({ date, startMs: dayStart && instantOf(dayStart), endMs: dayEnd && instantOf(dayEnd) });
    const turnover = (dayStart?.kind === 'local' && dayStart.date === date ? dayStart.time : null) ?? '04:00';
    for (const [roomKey, list] of Object.entries(obj(day.rooms))) {
      addRoom(cleanLine(roomKey), null);
      for (const rawEvent of asArray(list as unknown[])) {
        const ev = obj(rawEvent);
        const title = cleanLine(ev.title);
        if (!title) {
          warnings.push(`An event on ${date} in ${roomKey} has no title: skipped.`);
          continue;
        }
        const written = parseIsoTime(ev.date);
        const clock = parseClock(ev.start);
        let start: RawEvent['start'] = null;
        if (written && (!clock || clock === written.time)) start = written;
        else if (clock) {
          if (written) warnings.push(`“${title}”: date ${String(ev.date)} and start ${clock} disagree; start was used.`);
          start = { kind: 'local', date: clock < turnover ? addDays(date, 1) : date, time: clock, offsetMinutes: null };
        } else if (written) start = written;
        events.push({
          guid: cleanLine(ev.guid),
          id: ev.id === undefined || ev.id === null ? null : String(ev.id),
          title,
          subtitle: null,
          abstract: combine(localized(ev.abstract), localized(ev.description), cleanLine(ev.subtitle)),
          start,
          durationMinutes: parseDuration(ev.duration),
          room: cleanLine(ev.room) ?? cleanLine(roomKey),
          track: cleanLine(ev.track),
          type: cleanLine(ev.type),
          persons: persons(asArray(ev.persons as unknown[]).map((p) => {
            const o = obj(p);
            return { name: o.public_name ?? o.name ?? (typeof p === 'string' ? p : null), key: o.id ?? o.code ?? o.guid ?? null };
          })),
          url: webUrl(ev.url, baseUrl),
          links: jsonLinks(ev, baseUrl),
          dayDate: date,
        });
      }
    }
  }
  return result('frab-json', conf, baseUrl, {
    days,
    rooms,
    tracks: asArray(conf.tracks as unknown[]).map((t) => cleanLine(obj(t).name ?? t)).filter((t): t is string => !!t),
    events,
    warnings,
  });
}

export function parseScheduleV2(doc: Obj): RawSchedule {
  const schedule = obj(doc.schedule);
  const conf = obj(schedule.conference);
  const baseUrl = baseOf(schedule, conf);
  const warnings: string[] = [];
  const rooms = asArray(conf.rooms as unknown[])
    .map((r) => ({ name: cleanLine(obj(r).name), guid: cleanLine(obj(r).guid), slug: cleanLine(obj(r).slug) }))
    .filter((r): r is { name: string; guid: string | null; slug: string | null } => !!r.name);
  const roomBy = (ref: unknown): string | null => {
    if (typeof ref === 'string') return cleanLine(ref);
    const o = obj(ref);
    const hit = rooms.find((r) => (o.guid && r.guid === o.guid) || (o.slug && r.slug === o.slug));
    return hit?.name ?? cleanLine(o.name);
  };
  const trackList = asArray(conf.tracks as unknown[]).map((t) => ({ name: cleanLine(obj(t).name), slug: cleanLine(obj(t).slug) }));
  const trackBy = (ref: unknown): string | null => {
    if (typeof ref === 'string') return cleanLine(ref);
    const o = obj(ref);
    return trackList.find((t) => o.slug && t.slug === o.slug)?.name ?? cleanLine(o.name) ?? cleanLine(o.slug);
  };
  const days: RawSchedule['days'] = [];
  for (const rawDay of asArray(conf.days as unknown[])) {
    const d = obj(rawDay);
    const date = datePart(d.date);
    if (!date) continue;
    const s = parseIsoTime(d.start);
    const e = parseIsoTime(d.end);
    days.push({ date, startMs: s && instantOf(s), endMs: e && instantOf(e) });
  }
  const events: RawEvent[] = [];
  for (const rawEvent of asArray(schedule.events as unknown[])) {
    const ev = obj(rawEvent);
    const title = cleanLine(ev.title);
    if (!title) {
      warnings.push('An event has no title: skipped.');
      continue;
    }
    const start = parseIsoTime(ev.start) ?? parseIsoTime(ev.date);
    const end = parseIsoTime(ev.end);
    const startMs = start && instantOf(start);
    const endMs = end && instantOf(end);
    const duration = startMs !== null && endMs !== null && endMs > startMs ? Math.round((endMs - startMs) / 60_000) : parseDuration(ev.duration);
    events.push({
      guid: cleanLine(ev.guid),
      id: ev.id === undefined || ev.id === null ? (cleanLine(ev.code) ?? null) : String(ev.id),
      title,
      subtitle: null,
      abstract: combine(localized(ev.abstract), localized(ev.description), cleanLine(ev.subtitle)),
      start,
      durationMinutes: duration,
      room: roomBy(ev.room),
      track: trackBy(ev.track),
      type: cleanLine(ev.type),
      persons: persons(asArray((ev.participants ?? ev.persons) as unknown[]).map((p) => {
        const o = obj(p);
        return { name: o.name ?? o.public_name, key: o.guid ?? o.id ?? o.code ?? null };
      })),
      url: webUrl(ev.url, baseUrl),
      links: jsonLinks(ev, baseUrl),
      dayDate: null,
    });
  }
  return result('schedule-v2', conf, baseUrl, {
    days,
    rooms: rooms.map(({ name, guid }) => ({ name, guid })),
    tracks: trackList.map((t) => t.name).filter((t): t is string => !!t),
    events,
    warnings,
  });
}
