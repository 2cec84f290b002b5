import 'server-only';

import { and, asc, count, eq, inArray } from 'drizzle-orm';
import { uniqueSlug } from '@/lib/post-rules';
import type { RawPerson, Schedule, ScheduleTalk } from '@/lib/schedule/types';
import { nameKey, SLUG_PATTERN, slugify } from '@/lib/slug';
import { audit, renumberDays, type Tx } from './conferences';
import { db, refreshQueryStatistics } from './index';
import { findByNames, insertNamed } from './named';
import {
  conferences,
  days,
  postTalks,
  ratings,
  rooms,
  schedulePersons,
  speakers,
  talks,
  talkSpeakers,
  tracks,
  type TalkKind,
} from './schema';

/**
 * Writes an imported schedule (lib/schedule) into a conference, new or existing, in ONE
 * transaction: any failure leaves the journal exactly as it was.
 *
 * Re-importing updates in place. Each event is matched to a talk of the conference by its guid,
 * else by the file's event id, else by title and start; matched talks get the file's changes
 * (a value the file leaves out never clears one typed here), new ones are added, and talks the
 * file no longer has are only listed: they go only when the caller names them in `remove`.
 * Ratings, attendance and recap links hang on the talk's id, which an update never changes.
 */

/**
 * Where a schedule goes: `auto` updates the conference of the same name (slug) or creates it;
 * `new` always creates one; `existing` updates the named one. A name given overrides the file's.
 */
export type ImportTarget = { kind: 'auto' | 'new'; name?: string | null } | { kind: 'existing'; slug: string };

export type ScheduleImportErrorCode = 'no-such-conference' | 'no-name' | 'slug-taken';

/** A refusal the caller turns into words (the codes are listed above). */
export class ScheduleImportError extends Error {
  constructor(readonly code: ScheduleImportErrorCode) {
    super(code);
  }
}

export type TalkChange = 'title' | 'time' | 'day' | 'duration' | 'room' | 'track' | 'kind' | 'abstract' | 'links' | 'speakers';

export type ImportPlan = {
  conference:
    | { kind: 'new'; name: string; slug: string }
    | { kind: 'existing'; id: number; slug: string; name: string; timeZone: string };
  timeZone: string;
  added: { title: string; start: string | null; room: string | null }[];
  updated: { talkId: number; title: string; changes: TalkChange[] }[];
  unchanged: number;
  /** Talks the file no longer has, with what removing them would take along. */
  missing: { talkId: number; title: string; slug: string; ratings: number; attendance: number; recaps: number }[];
  speakers: { existing: string[]; new: string[] };
  perDay: { date: string; talks: number }[];
};

export type ImportOutcome = {
  conferenceId: number;
  slug: string;
  created: boolean;
  added: number;
  updated: number;
  unchanged: number;
  removed: number;
  /** Talks gone from the file that were kept (not named in `remove`). */
  kept: ImportPlan['missing'];
};

type Reader = Pick<Tx, 'select'>;

const allTalks = (s: Schedule): ScheduleTalk[] => [...s.days.flatMap((d) => d.talks), ...s.unscheduled];
const titleKey = (title: string, startsAt: number | null) => `${title.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim()}|${startsAt ?? ''}`;

function findConference(tx: Reader, schedule: Schedule, target: ImportTarget) {
  if (target.kind === 'existing') {
    const conf = tx.select().from(conferences).where(eq(conferences.slug, target.slug)).get();
    if (!conf) throw new ScheduleImportError('no-such-conference');
    return { conf, name: conf.name, slug: conf.slug };
  }
  const name = target.name?.trim() || schedule.conference.title;
  if (!name) throw new ScheduleImportError('no-name');
  // Without a choice, a conference of the same name is the one to update (a second import of
  // the same file updates it instead of making a copy).
  const slug = schedule.conference.slug ?? slugify(name);
  if (target.kind === 'auto') {
    const conf = tx.select().from(conferences).where(eq(conferences.slug, slug)).get();
    if (conf) return { conf, name: conf.name, slug };
  }
  return { conf: null, name, slug };
}

type ExistingTalk = {
  id: number;
  guid: string | null;
  scheduleId: string | null;
  title: string;
  slug: string;
  kind: TalkKind;
  abstract: string | null;
  talkUrl: string | null;
  videoUrl: string | null;
  slidesUrl: string | null;
  presentationUrl: string | null;
  startsAt: number | null;
  durationMinutes: number | null;
  room: string | null;
  dayDate: string | null;
  trackName: string | null;
};

function existingTalks(tx: Reader, conferenceId: number): ExistingTalk[] {
  return tx
    .select({
      id: talks.id,
      guid: talks.guid,
      scheduleId: talks.scheduleId,
      title: talks.title,
      slug: talks.slug,
      kind: talks.kind,
      abstract: talks.abstract,
      talkUrl: talks.talkUrl,
      videoUrl: talks.videoUrl,
      slidesUrl: talks.slidesUrl,
      presentationUrl: talks.presentationUrl,
      startsAt: talks.startsAt,
      durationMinutes: talks.durationMinutes,
      room: talks.room,
      dayDate: days.date,
      trackName: tracks.name,
    })
    .from(talks)
    .leftJoin(days, eq(days.id, talks.dayId))
    .leftJoin(tracks, eq(tracks.id, talks.trackId))
    .where(eq(talks.conferenceId, conferenceId))
    .all();
}

/** Pairs each event with a talk: guid, then the file's id, then title + start; each talk once. */
function matchTalks(existing: ExistingTalk[], wanted: ScheduleTalk[]) {
  const used = new Set<number>();
  const byGuid = new Map(existing.filter((t) => t.guid).map((t) => [t.guid!.toLowerCase(), t]));
  const byId = new Map<string, ExistingTalk>();
  for (const t of existing) if (t.scheduleId && !byId.has(t.scheduleId)) byId.set(t.scheduleId, t);
  const byTitle = new Map<string, ExistingTalk>();
  for (const t of existing) if (!byTitle.has(titleKey(t.title, t.startsAt))) byTitle.set(titleKey(t.title, t.startsAt), t);
  const pairs = new Map<ScheduleTalk, ExistingTalk | null>();
  const take = (t: ExistingTalk | undefined) => (t && !used.has(t.id) ? (used.add(t.id), t) : null);
  // Three passes, so an event matched by guid never loses its talk to another's title match.
  for (const w of wanted) if (w.guid) pairs.set(w, take(byGuid.get(w.guid)));
  for (const w of wanted) if (!pairs.get(w) && w.sourceId) pairs.set(w, take(byId.get(w.sourceId)));
  for (const w of wanted) if (!pairs.get(w)) pairs.set(w, take(byTitle.get(titleKey(w.title, w.startsAt))));
  return { pairs, missing: existing.filter((t) => !used.has(t.id)) };
}

/** Speakers of the file, resolved without writing: by the file's person id, then by name. */
function resolvePeople(tx: Reader, conferenceId: number | null, people: RawPerson[]) {
  const keys = [...new Set(people.map((p) => p.key).filter((k): k is string => !!k))];
  const byKey = new Map<string, { id: number; name: string }>();
  if (conferenceId !== null && keys.length) {
    for (let i = 0; i < keys.length; i += 500) {
      for (const r of tx
        .select({ key: schedulePersons.personKey, id: speakers.id, name: speakers.name })
        .from(schedulePersons)
        .innerJoin(speakers, eq(speakers.id, schedulePersons.speakerId))
        .where(and(eq(schedulePersons.conferenceId, conferenceId), inArray(schedulePersons.personKey, keys.slice(i, i + 500))))
        .all()) {
        byKey.set(r.key, { id: r.id, name: r.name });
      }
    }
  }
  const byName = findByNames(tx, speakers, people.map((p) => p.name));
  const resolve = (p: RawPerson) => (p.key ? byKey.get(p.key) : undefined) ?? byName.get(nameKey(p.name)) ?? null;
  return { resolve, byName };
}

function speakersByTalk(tx: Reader, talkIds: number[]) {
  const out = new Map<number, { id: number; name: string }[]>();
  for (let i = 0; i < talkIds.length; i += 500) {
    for (const r of tx
      .select({ talkId: talkSpeakers.talkId, id: speakers.id, name: speakers.name })
      .from(talkSpeakers)
      .innerJoin(speakers, eq(speakers.id, talkSpeakers.speakerId))
      .where(inArray(talkSpeakers.talkId, talkIds.slice(i, i + 500)))
      .orderBy(asc(talkSpeakers.talkId), asc(talkSpeakers.position))
      .all()) {
      out.set(r.talkId, [...(out.get(r.talkId) ?? []), { id: r.id, name: r.name }]);
    }
  }
  return out;
}

/**
 * What the file would change on a talk. The file is the authority on what it states; a value it
 * leaves out (no room, no abstract, no type) keeps whatever the talk has.
 */
function talkChanges(before: ExistingTalk, w: ScheduleTalk, speakerNamesBefore: string[], speakerNamesAfter: string[]): TalkChange[] {
  const out: TalkChange[] = [];
  if (w.title !== before.title) out.push('title');
  if (w.startsAt !== null && w.startsAt !== before.startsAt) out.push('time');
  if (w.day !== null && w.day !== before.dayDate) out.push('day');
  if (w.durationMinutes !== null && w.durationMinutes !== before.durationMinutes) out.push('duration');
  if (w.room !== null && w.room !== before.room) out.push('room');
  if (w.track !== null && w.track !== before.trackName) out.push('track');
  if (w.kind !== null && w.kind !== before.kind) out.push('kind');
  if (w.abstract !== null && w.abstract !== before.abstract) out.push('abstract');
  if ((w.url !== null && w.url !== before.talkUrl) || (w.videoUrl !== null && w.videoUrl !== before.videoUrl) || (w.slidesUrl !== null && w.slidesUrl !== before.slidesUrl) || (w.presentationUrl !== null && w.presentationUrl !== before.presentationUrl)) out.push('links');
  if (w.speakers.length && speakerNamesBefore.join('\n') !== speakerNamesAfter.join('\n')) out.push('speakers');
  return out;
}

function missingDetails(tx: Reader, missing: ExistingTalk[]): ImportPlan['missing'] {
  if (!missing.length) return [];
  const ids = missing.map((t) => t.id);
  const counts = new Map<number, { ratings: number; attendance: number; recaps: number }>();
  for (const t of tx.select({ id: talks.id, attendance: talks.attendanceCount }).from(talks).where(inArray(talks.id, ids)).all()) {
    counts.set(t.id, { ratings: 0, attendance: t.attendance, recaps: 0 });
  }
  for (const r of tx.select({ id: ratings.talkId, n: count() }).from(ratings).where(inArray(ratings.talkId, ids)).groupBy(ratings.talkId).all()) counts.get(r.id)!.ratings = r.n;
  for (const r of tx.select({ id: postTalks.talkId, n: count() }).from(postTalks).where(inArray(postTalks.talkId, ids)).groupBy(postTalks.talkId).all()) counts.get(r.id)!.recaps = r.n;
  return missing.map((t) => ({ talkId: t.id, title: t.title, slug: t.slug, ...counts.get(t.id)! }));
}

/** The dry run against the journal: which conference, what is added, changed, gone; no writes. */
export function planScheduleImport({ schedule, target, tx = db }: { schedule: Schedule; target: ImportTarget; tx?: Reader }): ImportPlan {
  const { conf, name, slug } = findConference(tx, schedule, target);
  const wanted = allTalks(schedule);
  const existing = conf ? existingTalks(tx, conf.id) : [];
  const { pairs, missing } = matchTalks(existing, wanted);
  const people = resolvePeople(tx, conf?.id ?? null, wanted.flatMap((w) => w.speakers));
  const before = speakersByTalk(tx, existing.map((t) => t.id));
  const plan: ImportPlan = {
    conference: conf
      ? { kind: 'existing', id: conf.id, slug: conf.slug, name: conf.name, timeZone: conf.timeZone }
      : { kind: 'new', name, slug: uniqueSlug(slug, (x) => !!tx.select({ id: conferences.id }).from(conferences).where(eq(conferences.slug, x)).get()) },
    timeZone: schedule.conference.timeZone,
    added: [],
    updated: [],
    unchanged: 0,
    missing: missingDetails(tx, missing),
    speakers: { existing: [], new: [] },
    perDay: schedule.days.map((d) => ({ date: d.date, talks: d.talks.length })),
  };
  const seen = new Set<string>();
  for (const p of wanted.flatMap((w) => w.speakers)) {
    const hit = people.resolve(p);
    const label = hit?.name ?? p.name;
    if (seen.has(label)) continue;
    seen.add(label);
    (hit ? plan.speakers.existing : plan.speakers.new).push(label);
  }
  for (const w of wanted) {
    const match = pairs.get(w);
    if (!match) {
      plan.added.push({ title: w.title, start: w.start, room: w.room });
      continue;
    }
    const after = w.speakers.map((p) => people.resolve(p)?.name ?? p.name);
    const changes = talkChanges(match, w, (before.get(match.id) ?? []).map((s) => s.name), after);
    if (changes.length) plan.updated.push({ talkId: match.id, title: w.title, changes });
    else plan.unchanged++;
  }
  return plan;
}

/**
 * Writes the schedule. `remove` names talks (from the plan's `missing`) to delete; any other
 * talk the file no longer has is kept and returned in `kept`.
 */
export function applyScheduleImport({
  schedule,
  target,
  userId,
  remove = [],
  source,
}: {
  schedule: Schedule;
  target: ImportTarget;
  userId: number;
  remove?: number[];
  /** File name or URL, for the audit log. */
  source: string;
}): ImportOutcome {
  const outcome = db.transaction((tx) => {
    const { conf: found, name, slug: wantedSlug } = findConference(tx, schedule, target);
    const s = schedule.conference;
    const dates = [s.start, s.end, ...schedule.days.map((d) => d.date)].filter((d): d is string => !!d).sort();
    const firstDate = dates[0] ?? new Date().toISOString().slice(0, 10);
    const lastDate = dates.at(-1) ?? firstDate;
    let conf = found;
    const created = !conf;
    if (!conf) {
      const slug = uniqueSlug(wantedSlug, (x) => !!tx.select({ id: conferences.id }).from(conferences).where(eq(conferences.slug, x)).get());
      conf = tx
        .insert(conferences)
        .values({ name, slug, startDate: firstDate, endDate: lastDate, timeZone: s.timeZone, website: s.url, createdBy: userId, updatedBy: userId })
        .returning()
        .get();
      audit(tx, { actorId: userId, action: 'conference.create', entity: 'conference', entityId: conf.id, conferenceId: conf.id, detail: { name, slug, source } });
    } else {
      // Dates only ever widen (a day with talks may lie outside the file's range); the zone is
      // the one the times were read in.
      const dayDates = tx.select({ date: days.date }).from(days).where(eq(days.conferenceId, conf.id)).all().map((d) => d.date);
      const startDate = [firstDate, conf.startDate, ...dayDates].sort()[0];
      const endDate = [lastDate, conf.endDate, ...dayDates].sort().at(-1)!;
      const update = { startDate, endDate, timeZone: s.timeZone };
      const diff = Object.fromEntries(Object.entries(update).filter(([k, v]) => conf![k as keyof typeof update] !== v).map(([k, v]) => [k, [conf![k as keyof typeof update], v]]));
      if (Object.keys(diff).length) {
        tx.update(conferences).set({ ...update, updatedBy: userId }).where(eq(conferences.id, conf.id)).run();
        audit(tx, { actorId: userId, action: 'conference.update', entity: 'conference', entityId: conf.id, conferenceId: conf.id, detail: { changes: diff, source } });
      }
    }
    const conferenceId = conf.id;

    // Days: one per date of the file; numbers follow the dates.
    const dayIds = new Map(tx.select({ id: days.id, date: days.date }).from(days).where(eq(days.conferenceId, conferenceId)).all().map((d) => [d.date, d.id]));
    let top = dayIds.size;
    for (const d of schedule.days) {
      if (dayIds.has(d.date)) continue;
      const row = tx.insert(days).values({ conferenceId, number: 1000 + ++top, date: d.date }).returning({ id: days.id }).get();
      dayIds.set(d.date, row.id);
      audit(tx, { actorId: userId, action: 'day.create', entity: 'day', entityId: row.id, conferenceId, detail: { date: d.date, source } });
    }
    renumberDays(tx, conferenceId);

    // Rooms: the file's, in its order; rooms of earlier imports that no talk uses go.
    const roomRows = new Map(tx.select().from(rooms).where(eq(rooms.conferenceId, conferenceId)).all().map((r) => [r.name, r]));
    schedule.rooms.forEach((name, position) => {
      const guid = schedule.roomGuids.get(name);
      const row = roomRows.get(name);
      if (!row) tx.insert(rooms).values({ conferenceId, name, position, ...(guid ? { guid } : {}) }).run();
      else if (row.position !== position || (guid && row.guid !== guid)) tx.update(rooms).set({ position, ...(guid ? { guid } : {}) }).where(eq(rooms.id, row.id)).run();
    });

    // Tracks: per day, by name, in the file's order of tracks.
    const trackOrder = new Map(schedule.tracks.map((t, i) => [t, i]));
    const trackIds = new Map<string, number>();
    for (const t of tx.select({ id: tracks.id, dayId: tracks.dayId, name: tracks.name }).from(tracks).innerJoin(days, eq(days.id, tracks.dayId)).where(eq(days.conferenceId, conferenceId)).all()) {
      if (!trackIds.has(`${t.dayId}|${t.name}`)) trackIds.set(`${t.dayId}|${t.name}`, t.id);
    }
    const trackFor = (dayId: number, name: string) => {
      const key = `${dayId}|${name}`;
      let id = trackIds.get(key);
      if (id === undefined) {
        id = tx.insert(tracks).values({ dayId, name, position: trackOrder.get(name) ?? trackOrder.size }).returning({ id: tracks.id }).get().id;
        trackIds.set(key, id);
        audit(tx, { actorId: userId, action: 'track.create', entity: 'track', entityId: id, conferenceId, detail: { name, source } });
      }
      return id;
    };

    // Speakers: by the file's person id, then by name; anyone else is new.
    const wanted = allTalks(schedule);
    const people = resolvePeople(tx, conferenceId, wanted.flatMap((w) => w.speakers));
    const speakerIdOf = (p: RawPerson): number => {
      let hit = people.resolve(p);
      if (!hit) {
        const row = insertNamed(tx, speakers, p.name);
        hit = row;
        people.byName.set(nameKey(p.name), row);
        audit(tx, { actorId: userId, action: 'speaker.create', entity: 'speaker', entityId: row.id, conferenceId, detail: { name: p.name, slug: row.slug, source } });
      }
      if (p.key) {
        tx.insert(schedulePersons).values({ conferenceId, personKey: p.key, speakerId: hit.id }).onConflictDoUpdate({ target: [schedulePersons.conferenceId, schedulePersons.personKey], set: { speakerId: hit.id } }).run();
      }
      return hit.id;
    };
    const setSpeakers = (talkId: number, ids: number[]) => {
      tx.delete(talkSpeakers).where(eq(talkSpeakers.talkId, talkId)).run();
      const unique = [...new Set(ids)];
      if (unique.length) tx.insert(talkSpeakers).values(unique.map((speakerId, position) => ({ talkId, speakerId, position }))).run();
    };

    const existing = existingTalks(tx, conferenceId);
    const { pairs, missing } = matchTalks(existing, wanted);
    const before = speakersByTalk(tx, existing.map((t) => t.id));
    const takenSlugs = new Set(existing.map((t) => t.slug));
    const takenGuids = new Set(existing.map((t) => t.guid?.toLowerCase()).filter(Boolean));
    let added = 0;
    let updated = 0;
    let unchanged = 0;
    const positions = new Map<string, number>();
    for (const w of wanted) {
      const dayId = w.day ? dayIds.get(w.day)! : null;
      const trackId = dayId !== null && w.track ? trackFor(dayId, w.track) : null;
      const position = positions.get(w.day ?? '') ?? 0;
      positions.set(w.day ?? '', position + 1);
      const speakerIds = w.speakers.map(speakerIdOf);
      const match = pairs.get(w);
      if (!match) {
        const slug = w.slug && SLUG_PATTERN.test(w.slug) && !takenSlugs.has(w.slug) ? w.slug : uniqueSlug(slugify(w.title), (x) => takenSlugs.has(x));
        takenSlugs.add(slug);
        const guid = w.guid && !takenGuids.has(w.guid) ? w.guid : undefined;
        if (guid) takenGuids.add(guid);
        const row = tx
          .insert(talks)
          .values({
            conferenceId,
            dayId,
            trackId,
            slug,
            title: w.title,
            kind: w.kind ?? 'talk',
            abstract: w.abstract,
            talkUrl: w.url,
            videoUrl: w.videoUrl,
            slidesUrl: w.slidesUrl,
            presentationUrl: w.presentationUrl,
            startsAt: w.startsAt,
            durationMinutes: w.durationMinutes,
            room: w.room,
            position,
            ...(guid ? { guid } : {}),
            scheduleId: w.sourceId,
            createdBy: userId,
            updatedBy: userId,
          })
          .returning({ id: talks.id })
          .get();
        setSpeakers(row.id, speakerIds);
        audit(tx, { actorId: userId, action: 'talk.create', entity: 'talk', entityId: row.id, conferenceId, detail: { title: w.title, speakers: w.speakers.map((p) => p.name), source } });
        added++;
        continue;
      }
      const namesBefore = (before.get(match.id) ?? []).map((x) => x.name);
      const idsBefore = (before.get(match.id) ?? []).map((x) => x.id);
      const namesAfter = w.speakers.map((p) => people.resolve(p)?.name ?? p.name);
      const changes = talkChanges(match, w, namesBefore, namesAfter);
      // The identities the file gives are recorded even when nothing visible changed.
      const identity = {
        ...(w.guid && w.guid !== match.guid?.toLowerCase() && !takenGuids.has(w.guid) ? { guid: w.guid } : {}),
        ...(w.sourceId && w.sourceId !== match.scheduleId ? { scheduleId: w.sourceId } : {}),
      };
      if (identity.guid) takenGuids.add(identity.guid);
      const set = {
        ...(changes.includes('title') && { title: w.title }),
        ...(changes.includes('time') && { startsAt: w.startsAt }),
        ...(changes.includes('day') && { dayId }),
        ...(changes.includes('duration') && { durationMinutes: w.durationMinutes }),
        ...(changes.includes('room') && { room: w.room }),
        ...(changes.includes('kind') && { kind: w.kind! }),
        ...(changes.includes('abstract') && { abstract: w.abstract }),
        ...(changes.includes('links') && { ...(w.url && { talkUrl: w.url }), ...(w.videoUrl && { videoUrl: w.videoUrl }), ...(w.slidesUrl && { slidesUrl: w.slidesUrl }), ...(w.presentationUrl && { presentationUrl: w.presentationUrl }) }),
        // A talk moved to another day leaves its old day's track (for the same-named one there).
        ...((changes.includes('track') || changes.includes('day')) && { trackId: w.track !== null ? trackId : null }),
        ...identity,
      };
      if (Object.keys(set).length) tx.update(talks).set({ ...set, updatedBy: userId }).where(eq(talks.id, match.id)).run();
      if (changes.includes('speakers') || (w.speakers.length && idsBefore.join(',') !== [...new Set(speakerIds)].join(','))) setSpeakers(match.id, speakerIds);
      if (changes.length) {
        audit(tx, {
          actorId: userId,
          action: 'talk.update',
          entity: 'talk',
          entityId: match.id,
          conferenceId,
          detail: {
            title: w.title,
            changes: Object.fromEntries(
              changes.map((c) => [
                c,
                c === 'title' ? [match.title, w.title]
                : c === 'time' ? [match.startsAt, w.startsAt]
                : c === 'room' ? [match.room, w.room]
                : c === 'day' ? [match.dayDate, w.day]
                : c === 'speakers' ? [namesBefore, namesAfter]
                : c === 'duration' ? [match.durationMinutes, w.durationMinutes]
                : c === 'track' ? [match.trackName, w.track]
                : true,
              ]),
            ),
            source,
          },
        });
        updated++;
      } else unchanged++;
    }

    // Talks gone from the file: removed only when named; the audit row keeps what they had.
    const kept = missingDetails(tx, missing);
    const toRemove = new Set(remove);
    let removed = 0;
    for (const m of kept.filter((k) => toRemove.has(k.talkId))) {
      const talk = tx.select().from(talks).where(eq(talks.id, m.talkId)).get()!;
      tx.delete(talks).where(eq(talks.id, m.talkId)).run();
      audit(tx, {
        actorId: userId,
        action: 'talk.delete',
        entity: 'talk',
        entityId: m.talkId,
        conferenceId,
        detail: { title: talk.title, slug: talk.slug, ratings: m.ratings, ratingCount: talk.ratingCount, ratingSum: talk.ratingSum, attendance: talk.attendanceCount, recaps: m.recaps, source, reason: 'not in the imported schedule' },
      });
      removed++;
    }
    const stillUsed = new Set(tx.select({ room: talks.room }).from(talks).where(eq(talks.conferenceId, conferenceId)).all().map((r) => r.room));
    for (const [roomName, row] of roomRows) {
      if (!schedule.rooms.includes(roomName) && !stillUsed.has(roomName)) tx.delete(rooms).where(eq(rooms.id, row.id)).run();
    }

    const keptList = kept.filter((k) => !toRemove.has(k.talkId));
    audit(tx, {
      actorId: userId,
      action: 'schedule.import',
      entity: 'conference',
      entityId: conferenceId,
      conferenceId,
      detail: { source, format: schedule.format, timeZone: s.timeZone, added, updated, unchanged, removed, kept: keptList.length },
    });
    return { conferenceId, slug: conf.slug, created, added, updated, unchanged, removed, kept: keptList };
  });
  // A schedule can add thousands of talks at once: the planner should know before the next read.
  refreshQueryStatistics(db.$client);
  return outcome;
}

// ------------------------------------------------------------------ export

export type ScheduleExport = NonNullable<ReturnType<typeof getScheduleExportBySlug>>;

/** A conference's whole programme for /conferences/[slug]/schedule.json|xml, in a fixed number of queries. */
export function getScheduleExportBySlug({ slug }: { slug: string }) {
  const conference = db.select().from(conferences).where(eq(conferences.slug, slug)).get();
  if (!conference) return null;
  const dayRows = db.select().from(days).where(eq(days.conferenceId, conference.id)).orderBy(asc(days.number)).all();
  const trackRows = dayRows.length ? db.select().from(tracks).where(inArray(tracks.dayId, dayRows.map((d) => d.id))).orderBy(asc(tracks.position), asc(tracks.id)).all() : [];
  const roomRows = db.select().from(rooms).where(eq(rooms.conferenceId, conference.id)).orderBy(asc(rooms.position), asc(rooms.name)).all();
  const talkRows = db.select().from(talks).where(eq(talks.conferenceId, conference.id)).orderBy(asc(talks.startsAt), asc(talks.position), asc(talks.id)).all();
  const speakerRows = db
    .select({ talkId: talkSpeakers.talkId, speakerId: speakers.id, name: speakers.name, key: schedulePersons.personKey })
    .from(talkSpeakers)
    .innerJoin(talks, eq(talks.id, talkSpeakers.talkId))
    .innerJoin(speakers, eq(speakers.id, talkSpeakers.speakerId))
    .leftJoin(schedulePersons, and(eq(schedulePersons.speakerId, speakers.id), eq(schedulePersons.conferenceId, conference.id)))
    .where(eq(talks.conferenceId, conference.id))
    .orderBy(asc(talkSpeakers.talkId), asc(talkSpeakers.position))
    .all();
  const people = new Map<number, { speakerId: number; name: string; key: string | null }[]>();
  for (const r of speakerRows) {
    const list = people.get(r.talkId) ?? [];
    // A speaker known under two person ids of this conference is listed once.
    if (!list.some((p) => p.speakerId === r.speakerId)) list.push({ speakerId: r.speakerId, name: r.name, key: r.key });
    people.set(r.talkId, list);
  }
  const trackName = new Map(trackRows.map((t) => [t.id, t.name]));
  return {
    conference,
    days: dayRows,
    rooms: roomRows,
    tracks: [...new Set(trackRows.map((t) => t.name))],
    talks: talkRows.map((t) => ({ ...t, trackName: t.trackId === null ? null : (trackName.get(t.trackId) ?? null), speakers: people.get(t.id) ?? [] })),
  };
}

/** A conference an import targets: its id (for the pages to refresh) and zone (for files that name none). */
export function getImportTargetBySlug({ slug }: { slug: string }): { id: number; timeZone: string } | null {
  return db.select({ id: conferences.id, timeZone: conferences.timeZone }).from(conferences).where(eq(conferences.slug, slug)).get() ?? null;
}
