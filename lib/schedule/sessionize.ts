import type { RawEvent, RawSchedule } from './types';
import { ScheduleParseError } from './types';
import { asArray, cleanLine, cleanText, parseIsoTime, persons, webUrl } from './util';

/**
 * Sessionize's "All Data" JSON (`/api/v2/<id>/view/All`): `sessions[]` referring by id to
 * `speakers[]`, `rooms[]` and `categories[].items[]`. Times are floating local times
 * (`2024-04-20T09:00:00`, no offset) and the file names neither the event nor its zone. The
 * "Sessions" view (groups of sessions with their speakers inline) is read too.
 */

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});

export function isSessionize(doc: unknown): boolean {
  if (Array.isArray(doc)) return doc.length > 0 && doc.every((g) => Array.isArray(obj(g).sessions));
  const o = obj(doc);
  return Array.isArray(o.sessions) && (Array.isArray(o.speakers) || Array.isArray(o.rooms));
}

export function parseSessionize(doc: unknown): RawSchedule {
  const all = Array.isArray(doc) ? { sessions: doc.flatMap((g) => asArray(obj(g).sessions as unknown[])), speakers: [], rooms: [], categories: [] } : obj(doc);
  const warnings: string[] = [];
  const speakerNames = new Map<string, string>();
  for (const s of asArray(all.speakers as unknown[])) {
    const o = obj(s);
    const name = cleanLine(o.fullName) ?? cleanLine([o.firstName, o.lastName].filter(Boolean).join(' '));
    if (name && o.id !== undefined) speakerNames.set(String(o.id), name);
  }
  const roomRows = asArray(all.rooms as unknown[])
    .map((r) => ({ id: String(obj(r).id), name: cleanLine(obj(r).name), sort: Number(obj(r).sort ?? 0) }))
    .filter((r): r is { id: string; name: string; sort: number } => !!r.name)
    .sort((a, b) => a.sort - b.sort);
  const roomNames = new Map(roomRows.map((r) => [r.id, r.name]));
  // Category items by id, with the category's title ("Track", "Session format", "Level"…).
  const items = new Map<string, { name: string; category: string }>();
  const tracks: string[] = [];
  for (const c of asArray(all.categories as unknown[])) {
    const category = cleanLine(obj(c).title) ?? '';
    for (const it of asArray(obj(c).items as unknown[])) {
      const name = cleanLine(obj(it).name);
      if (!name) continue;
      items.set(String(obj(it).id), { name, category });
      if (/track|topic|stream/i.test(category)) tracks.push(name);
    }
  }
  const events: RawEvent[] = [];
  for (const raw of asArray(all.sessions as unknown[])) {
    const s = obj(raw);
    const title = cleanLine(s.title);
    if (!title) continue;
    const start = parseIsoTime(s.startsAt);
    const end = parseIsoTime(s.endsAt);
    let durationMinutes: number | null = null;
    if (start?.kind === 'local' && end?.kind === 'local') {
      const ms = (t: typeof start) => Date.parse(`${t.date}T${t.time}:00Z`);
      const minutes = Math.round((ms(end) - ms(start)) / 60_000);
      durationMinutes = minutes > 0 ? minutes : null;
    }
    const cats = asArray(s.categoryItems as unknown[]).map((id) => items.get(String(id))).filter((x): x is { name: string; category: string } => !!x);
    // Inline categories of the "Sessions" view: [{ name: "Track", categoryItems: [{ name }] }].
    for (const c of asArray(s.categories as unknown[])) {
      for (const it of asArray(obj(c).categoryItems as unknown[])) {
        const name = cleanLine(obj(it).name);
        if (name) cats.push({ name, category: cleanLine(obj(c).name) ?? '' });
      }
    }
    const speakers = asArray(s.speakers as unknown[]).map((sp) =>
      typeof sp === 'object' && sp ? { name: obj(sp).name, key: obj(sp).id ?? null } : { name: speakerNames.get(String(sp)) ?? null, key: sp },
    );
    const missing = speakers.filter((p) => !p.name).length;
    if (missing) warnings.push(`“${title}”: ${missing} speaker id${missing === 1 ? '' : 's'} not in the speaker list.`);
    const room = s.roomId !== undefined && s.roomId !== null ? (roomNames.get(String(s.roomId)) ?? null) : cleanLine(s.room);
    events.push({
      guid: null,
      id: s.id === undefined || s.id === null ? null : String(s.id),
      title,
      subtitle: null,
      abstract: cleanText(s.description),
      start,
      durationMinutes,
      room,
      track: cats.find((c) => /track|topic|stream/i.test(c.category))?.name ?? null,
      type: cats.find((c) => /format|type/i.test(c.category))?.name ?? (s.isServiceSession ? 'service' : null),
      persons: persons(speakers),
      url: null,
      links: webUrl(s.recordingUrl) ? [{ url: webUrl(s.recordingUrl)!, title: 'Recording' }] : [],
      dayDate: null,
    });
  }
  if (!events.length) throw new ScheduleParseError('This Sessionize file has no sessions.');
  return {
    format: 'sessionize',
    title: null,
    acronym: null,
    timeZone: null,
    start: null,
    end: null,
    url: null,
    days: [],
    rooms: roomRows.map((r) => ({ name: r.name, guid: null })),
    tracks,
    events,
    warnings,
  };
}
