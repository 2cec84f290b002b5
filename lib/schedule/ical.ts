import ICAL from 'ical.js';
import type { RawEvent, RawPerson, RawSchedule, RawTime } from './types';
import { ScheduleParseError } from './types';
import { cleanLine, cleanText, persons, splitNames, webUrl } from './util';

/**
 * iCalendar (RFC 5545) through ical.js: one VEVENT per talk. SUMMARY is the title, LOCATION the
 * room, CATEGORIES the track, URL the talk page, UID the event's id. Speakers come from
 * ATTENDEE's CN; failing that from a "Speaker: …" (or "von: …") line of DESCRIPTION; failing
 * that, in a calendar whose every title reads "Title – Speaker" or "Title (Speaker)", from the
 * title. Times with `Z` are instants; with a TZID, instants when the file defines the zone and
 * wall-clock times in that zone when it only names it; floating times are wall-clock times.
 */

const SPEAKER_LINE = /^\s*(?:von|by|speakers?|sprecher(?:in)?|referent(?:in|en)?|presenters?|presented by|host(?:ed by)?)\s*:\s*(.+?)\s*$/im;
const pad = (n: number) => String(n).padStart(2, '0');

function timeOf(t: ICAL.Time, tzid: string | null, zoneNames: Set<string>): RawTime {
  const local = (): RawTime => ({ kind: 'local', date: `${t.year}-${pad(t.month)}-${pad(t.day)}`, time: `${pad(t.hour)}:${pad(t.minute)}`, offsetMinutes: null });
  if (t.zone === ICAL.Timezone.utcTimezone || tzid === 'UTC' || tzid === 'Z') return { kind: 'instant', ms: t.toJSDate().getTime() };
  // A zone the calendar defines in a VTIMEZONE: ical.js knows its offsets.
  if (tzid && zoneNames.has(tzid)) return { kind: 'instant', ms: t.toUnixTime() * 1000 };
  return local();
}

/** Does this look like one or more people's names ("Ann Lee", "Ann Lee & Bo Chen")? */
function looksLikeNames(text: string): boolean {
  if (text.length > 80 || /\d|[!?:]/.test(text)) return false;
  const names = splitNames(text);
  return names.length > 0 && names.every((n) => /^(?:\p{Lu}[\p{L}'’.-]*)(?:\s+(?:\p{Lu}[\p{L}'’.-]*|van|von|de|der|da|di|le|la|del|du|bin|al))*$/u.test(n) && n.split(/\s+/).length >= 2 && n.split(/\s+/).length <= 5);
}

/** "Title – Speaker", "Title (Speaker)", "Title by Speaker": the title and the names, when one side is names. */
function speakersInTitle(summary: string): { title: string; names: string[] } | null {
  const patterns = [/^(.+?)\s+[-–—|]\s+([^-–—|]+)$/, /^(.+?)\s*\(([^()]+)\)$/, /^(.+?)\s+(?:by|von|with|mit)\s+(.+)$/i];
  for (const re of patterns) {
    const m = re.exec(summary);
    if (m && looksLikeNames(m[2].trim())) return { title: m[1].trim(), names: splitNames(m[2].trim()) };
  }
  return null;
}

export function parseIcal(source: string): RawSchedule {
  let root: ICAL.Component;
  try {
    root = new ICAL.Component(ICAL.parse(source));
  } catch (error) {
    throw new ScheduleParseError(`This calendar file could not be read (${error instanceof Error ? error.message : 'invalid iCalendar'}).`);
  }
  const calendar = root.name === 'vcalendar' ? root : root.getFirstSubcomponent('vcalendar');
  if (!calendar) throw new ScheduleParseError('This file has no VCALENDAR.');
  const zoneNames = new Set<string>();
  for (const vtz of calendar.getAllSubcomponents('vtimezone')) {
    const zone = new ICAL.Timezone(vtz);
    if (zone.tzid) {
      ICAL.TimezoneService.register(zone);
      zoneNames.add(zone.tzid);
    }
  }
  const warnings: string[] = [];
  const vevents = calendar.getAllSubcomponents('vevent');
  type Draft = RawEvent & { summary: string; speakerSource: 'attendee' | 'description' | null };
  const drafts: Draft[] = [];
  let allDay = 0;
  let recurring = 0;
  const zoneHints = new Map<string, number>();
  for (const ve of vevents) {
    const summary = cleanLine(ve.getFirstPropertyValue('summary'));
    const dtstart = ve.getFirstPropertyValue('dtstart') as ICAL.Time | null;
    if (!summary || !dtstart) continue;
    if (dtstart.isDate) {
      allDay++;
      continue;
    }
    if (ve.hasProperty('rrule')) recurring++;
    const tzid = (ve.getFirstProperty('dtstart')?.getParameter('tzid') as string | undefined) ?? null;
    if (tzid && tzid !== 'UTC' && tzid !== 'Z') zoneHints.set(tzid, (zoneHints.get(tzid) ?? 0) + 1);
    const start = timeOf(dtstart, tzid, zoneNames);
    let durationMinutes: number | null = null;
    const dtend = ve.getFirstPropertyValue('dtend') as ICAL.Time | null;
    const duration = ve.getFirstPropertyValue('duration') as ICAL.Duration | null;
    if (dtend && !dtend.isDate) durationMinutes = Math.round(dtend.subtractDateTz(dtstart).toSeconds() / 60);
    else if (duration) durationMinutes = Math.round(duration.toSeconds() / 60);
    if (durationMinutes !== null && durationMinutes <= 0) durationMinutes = null;

    let description = cleanText(ve.getFirstPropertyValue('description'));
    const attendees: RawPerson[] = persons(
      ve.getAllProperties('attendee').map((p) => ({ name: p.getParameter('cn') ?? null, key: null })),
    );
    const line = description ? SPEAKER_LINE.exec(description) : null;
    if (line && description) description = cleanText(description.replace(line[0], ''));
    const people = attendees.length ? attendees : line ? persons([{ name: line[1], key: null }]) : [];
    const categories = ve.getAllProperties('categories').flatMap((p) => p.getValues().map((v) => cleanLine(v))).filter((c): c is string => !!c);
    drafts.push({
      guid: null,
      id: cleanLine(ve.getFirstPropertyValue('uid')),
      title: summary,
      summary,
      subtitle: null,
      abstract: description,
      start,
      durationMinutes,
      room: cleanLine(ve.getFirstPropertyValue('location')),
      track: categories[0] ?? null,
      type: categories.find((c) => /keynote|workshop|lightning|panel/i.test(c)) ?? null,
      persons: people,
      url: webUrl(ve.getFirstPropertyValue('url')),
      links: [],
      dayDate: null,
      speakerSource: attendees.length ? 'attendee' : line ? 'description' : null,
    });
  }
  if (allDay) warnings.push(`${allDay} all-day event${allDay === 1 ? ' was' : 's were'} left out (they mark days, not talks).`);
  if (recurring) warnings.push(`${recurring} repeating event${recurring === 1 ? '' : 's'}: only the first time of each was imported.`);
  // Speakers written only in the titles: used when the calendar names them nowhere else and
  // (so that "Keynote – Opening" is not read as a person) most titles have that shape.
  if (drafts.length && drafts.every((d) => d.speakerSource === null)) {
    const found = drafts.map((d) => speakersInTitle(d.summary));
    if (found.filter(Boolean).length * 2 >= drafts.length) {
      drafts.forEach((d, i) => {
        const hit = found[i];
        if (!hit) return;
        d.title = hit.title;
        d.persons = hit.names.map((name) => ({ name, key: null }));
      });
      warnings.push('The speakers were read from the event titles (“Title – Speaker”): the calendar names them nowhere else.');
    }
  }
  if (!drafts.length) throw new ScheduleParseError('This calendar has no timed events.');
  const hint = [...zoneHints.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  return {
    format: 'ical',
    title: cleanLine(calendar.getFirstPropertyValue('x-wr-calname')) ?? cleanLine(calendar.getFirstPropertyValue('name')),
    acronym: null,
    timeZone: cleanLine(calendar.getFirstPropertyValue('x-wr-timezone')) ?? hint,
    start: null,
    end: null,
    url: webUrl(calendar.getFirstPropertyValue('url')),
    days: [],
    rooms: [],
    tracks: [],
    events: drafts.map(({ summary: _s, speakerSource: _p, ...e }) => e),
    warnings,
  };
}
