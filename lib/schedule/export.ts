import crypto from 'node:crypto';
import { XMLBuilder } from 'fast-xml-parser';
import { v5 as uuidv5 } from 'uuid';
import type { ScheduleExport } from '@/db/schedule';
import { absoluteUrl } from '@/lib/seo';
import { localIso } from './parse';
import { KIND_TYPES, LINK_TITLES } from './util';

/**
 * Hallway's programme as the frab schedule that schedule apps read (Giggity, ConfClerk,
 * EventFahrplan…): `schedule.json` in the shape of the C3VOC schema (the tests validate it) and
 * its XML twin. Everything in it comes from stored data, so exporting, importing the export
 * into another journal and exporting again gives the same bytes. Only talks with a start time
 * are in it: a schedule event needs one.
 */

// Fixed, so the guids made up for rows without one are the same on every export.
const NAMESPACE = '5f1e6c1a-3f4b-5d0e-9a8c-7b6d5e4f3a21';
const ACRONYM = /^[a-z0-9_-][a-z0-9_]{3,}(-2[0-9]{3}-[a-z]+)?$/;
const EVENT_SLUG = /^[a-z0-9_-]+[a-z0-9]$/;

/**
 * The schema takes ASCII event slugs; a slug in another script is spelled by its UTF-8 bytes
 * (`große` → `gro_c3_9fe`), which any journal importing the file spells the same way.
 */
function eventSlug(slug: string, talkId: number): string {
  if (EVENT_SLUG.test(slug)) return slug;
  const bytes = encodeURIComponent(slug).toLowerCase().replace(/%/g, '_');
  return EVENT_SLUG.test(bytes) ? bytes : `talk-${talkId}`;
}

const pad = (n: number) => String(n).padStart(2, '0');
const duration = (minutes: number | null) => `${pad(Math.floor((minutes ?? 0) / 60))}:${pad((minutes ?? 0) % 60)}`;

/** `2019-08-21T11:00:00+02:00`: an instant as the zone's wall clock with its offset. */
function isoInZone(ms: number, zone: string): string {
  const local = localIso(ms, zone);
  const offset = Math.round((Date.parse(`${local}:00Z`) - Math.floor(ms / 60_000) * 60_000) / 60_000);
  const sign = offset < 0 ? '-' : '+';
  return `${local}:00${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
}

/** Unique positive integer ids: the preferred one when free, else the next unused number. */
function assignIds<T>(items: T[], preferred: (t: T) => number | null, fallback: (t: T) => number): Map<T, number> {
  const out = new Map<T, number>();
  const taken = new Set<number>();
  for (const t of items) {
    const p = preferred(t);
    if (p !== null && !taken.has(p)) {
      out.set(t, p);
      taken.add(p);
    }
  }
  let next = Math.max(0, ...taken) + 1;
  for (const t of items) {
    if (out.has(t)) continue;
    let id = fallback(t);
    if (taken.has(id)) id = next++;
    while (taken.has(id)) id = next++;
    out.set(t, id);
    taken.add(id);
  }
  return out;
}

/** The schema's acronym pattern admits lower-case ASCII letters, digits and `_`, four or more. */
function acronymOf(slug: string): string {
  const plain = slug.replace(/-/g, '_');
  if (ACRONYM.test(plain)) return plain;
  const ascii = plain.normalize('NFKD').replace(/[^a-z0-9_]/g, '') || 'conference';
  return ascii.padEnd(4, '_');
}

const positiveInt = (v: string | null) => (v && /^[1-9]\d{0,8}$/.test(v) ? Number(v) : null);

export type FrabEvent = {
  id: number;
  guid: string;
  date: string;
  start: string;
  duration: string;
  room: string;
  slug: string;
  url: string;
  title: string;
  subtitle: string;
  track: string | null;
  type: string;
  language: string;
  abstract: string | null;
  description: string;
  persons: { id: number; public_name: string }[];
  links: { url: string; title: string }[];
  attachments: never[];
};

export type FrabSchedule = {
  $schema: string;
  generator: { name: string; url: string };
  schedule: {
    version: string;
    base_url: string;
    conference: {
      acronym: string;
      title: string;
      start: string;
      end: string;
      daysCount: number;
      timeslot_duration: string;
      time_zone_name?: string;
      url: string;
      rooms: { name: string; guid: string }[];
      tracks: { name: string }[];
      days: { index: number; date: string; day_start: string; day_end: string; rooms: Record<string, FrabEvent[]> }[];
    };
  };
};

/** The programme as frab/pretalx schedule JSON. */
export function toFrabJson(data: ScheduleExport): FrabSchedule {
  const { conference: c } = data;
  const zone = c.timeZone;
  const timed = data.talks.filter((t) => t.startsAt !== null && t.dayId !== null);
  const eventIds = assignIds(timed, (t) => positiveInt(t.scheduleId), (t) => t.id);
  const people = timed.flatMap((t) => t.speakers);
  const bySpeaker = new Map(people.map((p) => [p.speakerId, p]));
  const personIds = assignIds([...bySpeaker.values()], (p) => positiveInt(p.key), (p) => p.speakerId);
  const personId = (speakerId: number) => personIds.get(bySpeaker.get(speakerId)!)!;

  const roomNames = [...data.rooms.map((r) => r.name)];
  for (const t of timed) if (t.room && !roomNames.includes(t.room)) roomNames.push(t.room);
  const roomGuid = new Map(data.rooms.map((r) => [r.name, r.guid]));
  const roomOrder = new Map(roomNames.map((r, i) => [r, i]));

  const event = (t: (typeof timed)[number]): FrabEvent => {
    const links: FrabEvent['links'] = [];
    for (const key of ['talkUrl', 'videoUrl', 'slidesUrl', 'presentationUrl'] as const) {
      if (t[key]) links.push({ url: t[key]!, title: LINK_TITLES[key] });
    }
    return {
      id: eventIds.get(t)!,
      guid: t.guid ?? uuidv5(`talk:${c.id}:${t.id}`, NAMESPACE),
      date: isoInZone(t.startsAt!, zone),
      start: localIso(t.startsAt!, zone).slice(11),
      duration: duration(t.durationMinutes),
      room: t.room ?? '',
      slug: eventSlug(t.slug, t.id),
      url: absoluteUrl(`/conferences/${c.slug}/talks/${t.slug}`),
      title: t.title,
      subtitle: '',
      track: t.trackName,
      type: KIND_TYPES[t.kind],
      language: '',
      abstract: t.abstract,
      description: '',
      persons: t.speakers.map((p) => ({ id: personId(p.speakerId), public_name: p.name })),
      links,
      attachments: [],
    };
  };

  const days = data.days.map((d) => {
    const list = timed
      .filter((t) => t.dayId === d.id)
      .sort((a, b) => a.startsAt! - b.startsAt! || (roomOrder.get(a.room ?? '') ?? 0) - (roomOrder.get(b.room ?? '') ?? 0) || a.id - b.id);
    const roomsOfDay: Record<string, FrabEvent[]> = {};
    for (const name of [...roomNames, '']) {
      const events = list.filter((t) => (t.room ?? '') === name).map(event);
      if (events.length) roomsOfDay[name] = events;
    }
    const first = Math.min(...list.map((t) => t.startsAt!));
    const last = Math.max(...list.map((t) => t.startsAt! + (t.durationMinutes ?? 0) * 60_000));
    return {
      index: d.number,
      date: d.date,
      day_start: list.length ? isoInZone(first, zone) : `${d.date}T00:00:00${isoInZone(Date.parse(`${d.date}T12:00:00Z`), zone).slice(19)}`,
      day_end: list.length ? isoInZone(last, zone) : `${d.date}T23:59:00${isoInZone(Date.parse(`${d.date}T12:00:00Z`), zone).slice(19)}`,
      rooms: roomsOfDay,
    };
  });

  const body = {
    acronym: acronymOf(c.slug),
    title: c.name,
    start: c.startDate,
    end: c.endDate,
    daysCount: data.days.length,
    timeslot_duration: '00:05',
    // Only names the schema's pattern admits (not `Etc/GMT-1`); the offsets in every event's
    // `date` still carry the time.
    ...(/^([A-Z][a-z]+\/[A-Z][a-z]+)|UTC$/.test(zone) && { time_zone_name: zone }),
    url: c.website ?? absoluteUrl(`/conferences/${c.slug}`),
    rooms: roomNames.map((name) => ({ name, guid: roomGuid.get(name) ?? uuidv5(`room:${c.id}:${name}`, NAMESPACE) })),
    // The tracks of the exported talks, in the programme's order of tracks.
    tracks: data.tracks.filter((name) => timed.some((t) => t.trackName === name)).map((name) => ({ name })),
    days,
  };
  return {
    $schema: 'https://c3voc.de/schedule/schema.json',
    generator: { name: 'Hallway', url: absoluteUrl('/') },
    schedule: {
      // Changes exactly when the programme does: schedule apps compare it to offer an update.
      version: crypto.createHash('sha256').update(JSON.stringify(body)).digest('hex').slice(0, 12),
      base_url: absoluteUrl('/'),
      conference: body,
    },
  };
}

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, indentBy: '  ', suppressEmptyNode: false });

/** The same programme as frab `schedule.xml` (the element order pretalx writes). */
export function toFrabXml(data: ScheduleExport): string {
  const json = toFrabJson(data);
  const c = json.schedule.conference;
  const doc = {
    schedule: {
      generator: { '@_name': 'Hallway', '@_version': '1' },
      version: json.schedule.version,
      conference: {
        title: c.title,
        acronym: c.acronym,
        start: c.start,
        end: c.end,
        days: c.daysCount,
        timeslot_duration: c.timeslot_duration,
        base_url: json.schedule.base_url,
        ...(c.time_zone_name && { time_zone_name: c.time_zone_name }),
        url: c.url,
        track: c.tracks.map((t) => ({ '@_name': t.name })),
      },
      day: c.days.map((d) => ({
        '@_index': d.index,
        '@_date': d.date,
        '@_start': d.day_start,
        '@_end': d.day_end,
        // Every room on every day, as frab writes it: the rooms' order survives a re-import.
        room: [...c.rooms.map((r) => r.name), ...(d.rooms[''] ? [''] : [])].map((name) => [name, d.rooms[name] ?? []] as const).map(([name, events]) => ({
          '@_name': name,
          ...(c.rooms.find((r) => r.name === name) && { '@_guid': c.rooms.find((r) => r.name === name)!.guid }),
          event: events.map((e) => ({
            '@_guid': e.guid,
            '@_id': e.id,
            room: e.room,
            title: e.title,
            subtitle: e.subtitle,
            type: e.type,
            date: e.date,
            start: e.start,
            duration: e.duration,
            abstract: e.abstract ?? '',
            slug: e.slug,
            track: e.track ?? '',
            persons: { person: e.persons.map((p) => ({ '@_id': p.id, '#text': p.public_name })) },
            language: e.language,
            description: e.description,
            links: { link: e.links.map((l) => ({ '@_href': l.url, '#text': l.title })) },
            attachments: '',
            url: e.url,
          })),
        })),
      })),
    },
  };
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build(doc)}`;
}
