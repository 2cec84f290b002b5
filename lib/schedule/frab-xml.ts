import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { RawEvent, RawLink, RawSchedule } from './types';
import { ScheduleParseError } from './types';
import { addDays, asArray, cleanLine, cleanText, datePart, isDate, parseClock, parseDuration, parseIsoTime, persons, webUrl, instantOf } from './util';

/**
 * frab / Pentabarf / pretalx `schedule.xml`: `<schedule>` → `<conference>` → `<day date>` →
 * `<room name>` → `<event id guid>` with `<date>` (ISO, with offset; newer files), `<start>`
 * (HH:MM in the conference's zone), `<duration>`, `<title>`, `<track>`, `<type>`, `<persons>`,
 * `<links>`. Old Pentabarf files have no guid, no `<date>` and no zone; `<day_change>` says when
 * one conference day turns into the next, so a 01:00 event of day 1 is on the next calendar date.
 */

type Node = Record<string, unknown>;

const ARRAYS = new Set([
  'schedule.day',
  'schedule.day.room',
  'schedule.day.room.event',
  'schedule.day.room.event.persons.person',
  'schedule.day.room.event.links.link',
  'schedule.day.room.event.attachments.attachment',
  'schedule.conference.track',
  'schedule.conference.tracks.track',
  'schedule.conference.rooms.room',
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  // Numeric character references (&#233;, emoji) are everywhere in pretalx files.
  htmlEntities: true,
  isArray: (_name, jpath) => ARRAYS.has(String(jpath)),
});

/** The text of an element that may also carry attributes. */
function text(node: unknown): string | null {
  if (node === null || node === undefined) return null;
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (typeof node === 'object' && '#text' in (node as Node)) return String((node as Node)['#text']);
  return null;
}
const attr = (node: unknown, name: string): string | null =>
  node && typeof node === 'object' && `@_${name}` in (node as Node) ? String((node as Node)[`@_${name}`]) : null;

export function parseFrabXml(source: string): RawSchedule {
  const valid = XMLValidator.validate(source);
  if (valid !== true) throw new ScheduleParseError(`This XML is not well-formed (line ${valid.err.line}: ${valid.err.msg}).`);
  const doc = parser.parse(source) as Node;
  const schedule = doc.schedule as Node | undefined;
  if (!schedule || typeof schedule !== 'object') throw new ScheduleParseError('This XML has no <schedule> element: it is not a frab/Pentabarf schedule.');
  const conf = (schedule.conference ?? {}) as Node;
  const warnings: string[] = [];
  const baseUrl = cleanLine(text(conf.base_url));

  const dayChange = parseClock(text(conf.day_change));
  const tracks = [...asArray(conf.track as Node[]), ...asArray((conf.tracks as Node | undefined)?.track as Node[])]
    .map((t) => cleanLine(attr(t, 'name') ?? text(t)))
    .filter((t): t is string => !!t);

  const rooms: RawSchedule['rooms'] = [];
  const seenRooms = new Set<string>();
  const addRoom = (name: string | null, guid: string | null) => {
    if (!name || seenRooms.has(name)) return;
    seenRooms.add(name);
    rooms.push({ name, guid });
  };
  for (const r of asArray((conf.rooms as Node | undefined)?.room as Node[])) addRoom(cleanLine(attr(r, 'name') ?? text(r)), attr(r, 'guid'));

  const days: RawSchedule['days'] = [];
  const events: RawEvent[] = [];
  for (const day of asArray(schedule.day as Node[])) {
    const date = attr(day, 'date');
    if (!isDate(date)) {
      warnings.push(`A <day> has no valid date (“${date ?? ''}”): its events were skipped.`);
      continue;
    }
    const dayStart = parseIsoTime(attr(day, 'start'));
    const dayEnd = parseIsoTime(attr(day, 'end'));
    days.push({ date, startMs: dayStart && instantOf(dayStart), endMs: dayEnd && instantOf(dayEnd) });
    // When this conference day turns into the next one: the file's day_change, else the day's
    // own start, else 04:00 (no session starts between midnight and 4 a.m. but late-night ones).
    const turnover = dayChange ?? (dayStart?.kind === 'local' && dayStart.date === date ? dayStart.time : null) ?? '04:00';
    for (const room of asArray(day.room as Node[])) {
      const roomName = cleanLine(attr(room, 'name'));
      addRoom(roomName, attr(room, 'guid'));
      for (const ev of asArray(room.event as Node[])) {
        const title = cleanLine(text(ev.title));
        if (!title) {
          warnings.push(`An event on ${date}${roomName ? ` in ${roomName}` : ''} has no title: skipped.`);
          continue;
        }
        const clock = parseClock(text(ev.start));
        const written = parseIsoTime(text(ev.date));
        let start: RawEvent['start'] = null;
        if (written && (!clock || clock === written.time)) start = written;
        else if (clock) {
          if (written) warnings.push(`“${title}”: <date> ${text(ev.date)} and <start> ${clock} disagree; <start> was used.`);
          start = { kind: 'local', date: clock < turnover ? addDays(date, 1) : date, time: clock, offsetMinutes: null };
        }
        const links: RawLink[] = [];
        for (const l of asArray((ev.links as Node | undefined)?.link as Node[])) {
          const url = webUrl(attr(l, 'href') ?? text(l), baseUrl);
          if (url) links.push({ url, title: cleanLine(text(l)) });
        }
        for (const a of asArray((ev.attachments as Node | undefined)?.attachment as Node[])) {
          const url = webUrl(attr(a, 'href'), baseUrl);
          if (url) links.push({ url, title: cleanLine(text(a)) });
        }
        const abstract = cleanText(text(ev.abstract));
        const description = cleanText(text(ev.description));
        events.push({
          guid: attr(ev, 'guid'),
          id: attr(ev, 'id'),
          title,
          subtitle: cleanLine(text(ev.subtitle)),
          abstract: abstract && description && description !== abstract ? `${abstract}\n\n${description}` : (abstract ?? description),
          start,
          durationMinutes: parseDuration(text(ev.duration)),
          room: cleanLine(text(ev.room)) ?? roomName,
          track: cleanLine(text(ev.track)),
          type: cleanLine(text(ev.type)),
          persons: persons(asArray((ev.persons as Node | undefined)?.person as Node[]).map((p) => ({ name: text(p), key: attr(p, 'id') ?? attr(p, 'guid') }))),
          url: webUrl(text(ev.url), baseUrl),
          links,
          dayDate: date,
        });
      }
    }
  }
  if (!days.length && !events.length) throw new ScheduleParseError('This schedule has no days and no events.');
  return {
    format: 'frab-xml',
    title: cleanLine(text(conf.title)),
    acronym: cleanLine(text(conf.acronym)),
    timeZone: cleanLine(text(conf.time_zone_name)),
    start: datePart(text(conf.start)),
    end: datePart(text(conf.end)),
    url: webUrl(text(conf.url)) ?? (baseUrl && webUrl(baseUrl)),
    days,
    rooms,
    tracks,
    events,
    warnings,
  };
}
