import 'server-only';

import { and, asc, count, desc, eq, inArray, isNull, max, ne, or, sql } from 'drizzle-orm';
import { datesFromTo, formatTimeInZone, zonedTimeToUtc } from '@/lib/dates';
import { uniqueSlug } from '@/lib/post-rules';
import { nameKey, slugify } from '@/lib/slug';
import type { PastedTalk } from '@/lib/talk-list';
import { audit } from './audit';
import { findOrCreateByNames } from './named';

// The schedule import writes its audit rows through the same writer.
export { audit };
import { db, type DB } from './index';
import { getPathsShowingPost, getPathsShowingTalks } from './queries';
import {
  auditLog,
  conferences,
  days,
  posts,
  postTalks,
  ratings,
  speakers,
  talks,
  talkSpeakers,
  tracks,
  users,
  type TalkKind,
} from './schema';

/**
 * The authoring side of conferences, days, tracks, talks and speakers (/write/conferences).
 * Any author may edit them: they are shared facts every recap and rating refers to. So every
 * change writes an audit_log row in the same transaction: who, what, when, and the fields
 * before/after, with the conference id in `detail` so its edit page can list recent changes.
 */

export type Tx = Parameters<Parameters<DB['transaction']>[0]>[0];
export type Writer = Pick<DB, 'insert' | 'select' | 'update' | 'delete'>;

export class ConferenceError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** `{ field: [before, after] }` for the fields that differ. */
function changes<T extends Record<string, unknown>>(before: T, after: Partial<T>): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  for (const [k, v] of Object.entries(after)) {
    if (v !== undefined && before[k] !== v) out[k] = [before[k] ?? null, v ?? null];
  }
  return out;
}

// ------------------------------------------------------------------ reads

/** For the editor's conference picker: newest first. */
export function getConferenceOptions() {
  return db
    .select({ id: conferences.id, name: conferences.name, startDate: conferences.startDate })
    .from(conferences)
    .orderBy(desc(conferences.startDate), asc(conferences.name))
    .all();
}

export type TalkOption = ReturnType<typeof getTalkOptionsByConference>[number];

/** A conference's talks for the recap editor's picker, in programme order, with day and track. */
export function getTalkOptionsByConference({ conferenceId }: { conferenceId: number }) {
  const rows = db
    .select({
      id: talks.id,
      title: talks.title,
      kind: talks.kind,
      startsAt: talks.startsAt,
      position: talks.position,
      dayId: talks.dayId,
      dayNumber: days.number,
      dayDate: days.date,
      dayTheme: days.theme,
      trackId: talks.trackId,
      trackName: tracks.name,
      trackHost: tracks.host,
      trackPosition: tracks.position,
      timeZone: conferences.timeZone,
    })
    .from(talks)
    .innerJoin(conferences, eq(conferences.id, talks.conferenceId))
    .leftJoin(days, eq(days.id, talks.dayId))
    .leftJoin(tracks, eq(tracks.id, talks.trackId))
    .where(eq(talks.conferenceId, conferenceId))
    .all();
  const speakerNames = speakersByTalk(rows.map((r) => r.id));
  return rows
    .map(({ timeZone, ...r }) => ({
      ...r,
      time: r.startsAt === null ? null : formatTimeInZone(r.startsAt, timeZone),
      speakers: speakerNames.get(r.id)?.map((s) => s.name) ?? [],
    }))
    .sort(
      (a, b) =>
        (a.dayNumber ?? Infinity) - (b.dayNumber ?? Infinity) ||
        (a.trackPosition ?? Infinity) - (b.trackPosition ?? Infinity) ||
        (a.startsAt ?? Infinity) - (b.startsAt ?? Infinity) ||
        a.position - b.position,
    );
}

function speakersByTalk(talkIds: number[]) {
  const out = new Map<number, { id: number; name: string; slug: string }[]>();
  if (!talkIds.length) return out;
  const rows = db
    .select({ talkId: talkSpeakers.talkId, id: speakers.id, name: speakers.name, slug: speakers.slug })
    .from(talkSpeakers)
    .innerJoin(speakers, eq(speakers.id, talkSpeakers.speakerId))
    .where(inArray(talkSpeakers.talkId, talkIds))
    .orderBy(asc(talkSpeakers.position))
    .all();
  for (const { talkId, ...s } of rows) out.set(talkId, [...(out.get(talkId) ?? []), s]);
  return out;
}

/** Every speaker's name, for suggestions when adding talks (speakers are shared across conferences). */
export function getSpeakerNames(): string[] {
  return db.select({ name: speakers.name }).from(speakers).orderBy(asc(speakers.name)).all().map((s) => s.name);
}

export type ConferenceForEditor = NonNullable<ReturnType<typeof getConferenceForEditor>>;
export type EditorTalk = ConferenceForEditor['talks'][number];

/** A conference with its days, tracks and talks (with speakers and rating counts), for its edit page. */
export function getConferenceForEditor({ id }: { id: number }) {
  const conference = db.select().from(conferences).where(eq(conferences.id, id)).get();
  if (!conference) return null;
  const dayRows = db.select().from(days).where(eq(days.conferenceId, id)).orderBy(asc(days.number)).all();
  const trackRows = dayRows.length
    ? db.select().from(tracks).where(inArray(tracks.dayId, dayRows.map((d) => d.id))).orderBy(asc(tracks.position), asc(tracks.id)).all()
    : [];
  const talkRows = db.select().from(talks).where(eq(talks.conferenceId, id)).all();
  const ratingRows = talkRows.length
    ? db
        .select({ talkId: ratings.talkId, n: count() })
        .from(ratings)
        .where(inArray(ratings.talkId, talkRows.map((t) => t.id)))
        .groupBy(ratings.talkId)
        .all()
    : [];
  const ratingCounts = new Map(ratingRows.map((r) => [r.talkId, r.n]));
  const speakerMap = speakersByTalk(talkRows.map((t) => t.id));
  const [{ recaps }] = db.select({ recaps: count() }).from(posts).where(eq(posts.conferenceId, id)).all();
  const sortedTalks = talkRows
    .map((t) => ({
      ...t,
      time: t.startsAt === null ? null : formatTimeInZone(t.startsAt, conference.timeZone),
      speakers: speakerMap.get(t.id) ?? [],
      ratingRows: ratingCounts.get(t.id) ?? 0,
    }))
    .sort((a, b) => (a.startsAt ?? Infinity) - (b.startsAt ?? Infinity) || a.position - b.position || a.id - b.id);
  return {
    conference,
    days: dayRows.map((d) => ({ ...d, tracks: trackRows.filter((t) => t.dayId === d.id) })),
    talks: sortedTalks,
    recapCount: recaps,
  };
}

export type AuditEntry = ReturnType<typeof getRecentChangesByConference>[number];

/** The latest changes to a conference and everything in it: who, what, when. */
export function getRecentChangesByConference({ conferenceId, limit = 20 }: { conferenceId: number; limit?: number }) {
  return db
    .select({
      id: auditLog.id,
      action: auditLog.action,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      detail: auditLog.detail,
      at: auditLog.at,
      actorName: users.name,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(
      or(
        and(eq(auditLog.entity, 'conference'), eq(auditLog.entityId, conferenceId)),
        sql`json_extract(${auditLog.detail}, '$.conferenceId') = ${conferenceId}`,
      ),
    )
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit)
    .all()
    .map((r) => ({ ...r, detail: JSON.parse(r.detail) as Record<string, unknown> }));
}

/**
 * The conference a day, track or talk belongs to, from the database: what a change to it must
 * refresh. A form's own conferenceId field is whatever the client sent.
 */
export function getConferenceIdOf(child: { dayId: number } | { trackId: number } | { talkId: number }): number | null {
  if ('talkId' in child) {
    return db.select({ id: talks.conferenceId }).from(talks).where(eq(talks.id, child.talkId)).get()?.id ?? null;
  }
  if ('trackId' in child) {
    return (
      db
        .select({ id: days.conferenceId })
        .from(tracks)
        .innerJoin(days, eq(days.id, tracks.dayId))
        .where(eq(tracks.id, child.trackId))
        .get()?.id ?? null
    );
  }
  return db.select({ id: days.conferenceId }).from(days).where(eq(days.id, child.dayId)).get()?.id ?? null;
}

/**
 * Every reader page that shows something of this conference: its lists and pages, each day,
 * each talk (and, through the talks, speakers and recaps), and the recaps filed under it.
 * Collected before and after a structural change so pages it leaves are refreshed too.
 */
export function getConferencePaths({ conferenceId }: { conferenceId: number }): string[] {
  const conference = db.select({ slug: conferences.slug }).from(conferences).where(eq(conferences.id, conferenceId)).get();
  if (!conference) return [];
  const base = `/conferences/${conference.slug}`;
  // The programme's exports are cached like the pages (app/conferences/[slug]/schedule.*).
  const paths = new Set<string>(['/conferences', base, `${base}/schedule.json`, `${base}/schedule.xml`]);
  const dayRows = db.select({ number: days.number }).from(days).where(eq(days.conferenceId, conferenceId)).all();
  for (const d of dayRows) paths.add(`${base}/days/${d.number}`);
  const talkIds = db.select({ id: talks.id }).from(talks).where(eq(talks.conferenceId, conferenceId)).all().map((t) => t.id);
  for (const p of getPathsShowingTalks({ talkIds })) paths.add(p);
  const postIds = db.select({ id: posts.id }).from(posts).where(eq(posts.conferenceId, conferenceId)).all();
  for (const { id } of postIds) for (const p of getPathsShowingPost({ postId: id })) paths.add(p);
  // Speaker pages list the tracks their speaker hosted.
  const hosts = db
    .selectDistinct({ slug: speakers.slug })
    .from(tracks)
    .innerJoin(days, eq(days.id, tracks.dayId))
    .innerJoin(speakers, eq(speakers.name, tracks.host))
    .where(eq(days.conferenceId, conferenceId))
    .all();
  for (const { slug } of hosts) paths.add(`/speakers/${slug}`);
  return [...paths];
}

// ------------------------------------------------------------------ conferences

export type ConferenceInput = {
  name: string;
  slug: string | null;
  city: string | null;
  location: string | null;
  startDate: string;
  endDate: string;
  website: string | null;
  timeZone: string;
  description: string | null;
};

function conferenceSlugTaken(tx: Pick<DB, 'select'>, slug: string, exceptId: number | null) {
  return !!tx
    .select({ id: conferences.id })
    .from(conferences)
    .where(and(eq(conferences.slug, slug), exceptId === null ? undefined : sql`${conferences.id} <> ${exceptId}`))
    .get();
}

export function createConference({ userId, input }: { userId: number; input: ConferenceInput }): { id: number; slug: string } {
  return db.transaction((tx) => {
    let slug: string;
    if (input.slug) {
      if (conferenceSlugTaken(tx, input.slug, null)) throw new ConferenceError('Another conference has this slug.', 'slug');
      slug = input.slug;
    } else {
      slug = uniqueSlug(slugify(input.name), (s) => conferenceSlugTaken(tx, s, null));
    }
    const { slug: _ignored, ...fields } = input;
    const [row] = tx
      .insert(conferences)
      .values({ ...fields, slug, createdBy: userId, updatedBy: userId })
      .returning({ id: conferences.id })
      .all();
    audit(tx, { actorId: userId, action: 'conference.create', entity: 'conference', entityId: row.id, conferenceId: row.id, detail: { name: input.name, slug } });
    return { id: row.id, slug };
  });
}

/**
 * Updates a conference. Days must stay within its dates; a new time zone keeps every talk's
 * wall-clock start time (09:30 stays 09:30 on the programme) by recomputing the instants.
 */
export function updateConference({ id, userId, input }: { id: number; userId: number; input: ConferenceInput }) {
  return db.transaction((tx) => {
    const before = tx.select().from(conferences).where(eq(conferences.id, id)).get();
    if (!before) throw new ConferenceError('This conference no longer exists.');
    const slug = input.slug || before.slug;
    if (slug !== before.slug && conferenceSlugTaken(tx, slug, id)) throw new ConferenceError('Another conference has this slug.', 'slug');
    const outside = tx
      .select({ date: days.date })
      .from(days)
      .where(and(eq(days.conferenceId, id), or(sql`${days.date} < ${input.startDate}`, sql`${days.date} > ${input.endDate}`)))
      .all();
    if (outside.length) {
      throw new ConferenceError(`Day ${outside.map((d) => d.date).join(', ')} would fall outside these dates: change or remove it first.`, 'startDate');
    }
    const { slug: _ignored, ...fields } = input;
    tx.update(conferences).set({ ...fields, slug, updatedBy: userId }).where(eq(conferences.id, id)).run();
    if (input.timeZone !== before.timeZone) retimeTalks(tx, { conferenceId: id, fromZone: before.timeZone, toZone: input.timeZone });
    const diff = changes(before, { ...fields, slug });
    if (Object.keys(diff).length) audit(tx, { actorId: userId, action: 'conference.update', entity: 'conference', entityId: id, conferenceId: id, detail: { changes: diff } });
    return { slug, oldSlug: before.slug };
  });
}

/** Keeps talks' wall-clock times when the zone or a day's date changes. */
function retimeTalks(tx: Tx, { conferenceId, fromZone, toZone, dayId, toDate }: { conferenceId: number; fromZone: string; toZone: string; dayId?: number; toDate?: string }) {
  const rows = tx
    .select({ id: talks.id, startsAt: talks.startsAt, date: days.date })
    .from(talks)
    .innerJoin(days, eq(days.id, talks.dayId))
    .where(and(eq(talks.conferenceId, conferenceId), dayId === undefined ? undefined : eq(talks.dayId, dayId)))
    .all();
  for (const r of rows) {
    if (r.startsAt === null) continue;
    const time = formatTimeInZone(r.startsAt, fromZone);
    tx.update(talks).set({ startsAt: zonedTimeToUtc(toDate ?? r.date, time, toZone) }).where(eq(talks.id, r.id)).run();
  }
}

/**
 * Deleting a conference would take its talks and their ratings with it, and leave recaps
 * pointing nowhere: only an empty one (no recaps, no ratings) can go.
 */
export function deleteConference({ id, userId }: { id: number; userId: number }) {
  return db.transaction((tx) => {
    const conf = tx.select().from(conferences).where(eq(conferences.id, id)).get();
    if (!conf) throw new ConferenceError('This conference no longer exists.');
    const [{ n: recapCount }] = tx.select({ n: count() }).from(posts).where(eq(posts.conferenceId, id)).all();
    if (recapCount) throw new ConferenceError(`${recapCount} recap${recapCount === 1 ? ' is' : 's are'} filed under this conference: it cannot be deleted.`);
    const [{ n: ratingCount }] = tx
      .select({ n: count() })
      .from(ratings)
      .innerJoin(talks, eq(talks.id, ratings.talkId))
      .where(eq(talks.conferenceId, id))
      .all();
    if (ratingCount) throw new ConferenceError(`Its talks have ${ratingCount} rating${ratingCount === 1 ? '' : 's'}: it cannot be deleted.`);
    const [{ n: talkCount }] = tx.select({ n: count() }).from(talks).where(eq(talks.conferenceId, id)).all();
    tx.delete(conferences).where(eq(conferences.id, id)).run();
    audit(tx, { actorId: userId, action: 'conference.delete', entity: 'conference', entityId: id, conferenceId: id, detail: { name: conf.name, slug: conf.slug, talks: talkCount } });
    return { slug: conf.slug };
  });
}

/** A new conference from the recap editor: just a name and dates, the rest later. */
export function createConferenceQuick({ userId, name, startDate, endDate, timeZone }: { userId: number; name: string; startDate: string; endDate: string; timeZone: string }) {
  return createConference({
    userId,
    input: { name, slug: null, city: null, location: null, startDate, endDate, website: null, timeZone, description: null },
  });
}

// ------------------------------------------------------------------ days

function conferenceOf(tx: Pick<DB, 'select'>, conferenceId: number) {
  const conf = tx.select().from(conferences).where(eq(conferences.id, conferenceId)).get();
  if (!conf) throw new ConferenceError('This conference no longer exists.');
  return conf;
}

function checkDayDate(conf: { startDate: string; endDate: string }, date: string) {
  if (date < conf.startDate || date > conf.endDate) {
    throw new ConferenceError(`Pick a date between ${conf.startDate} and ${conf.endDate} (the conference’s dates).`, 'date');
  }
}

/** Day numbers follow the dates: day 1 is the earliest. Two passes keep the unique index happy. */
export function renumberDays(tx: Tx, conferenceId: number) {
  const rows = tx.select({ id: days.id }).from(days).where(eq(days.conferenceId, conferenceId)).orderBy(asc(days.date), asc(days.id)).all();
  rows.forEach((d, i) => tx.update(days).set({ number: 1000 + i }).where(eq(days.id, d.id)).run());
  rows.forEach((d, i) => tx.update(days).set({ number: i + 1 }).where(eq(days.id, d.id)).run());
}

export function addDay({ conferenceId, userId, date, theme }: { conferenceId: number; userId: number; date: string; theme: string | null }) {
  return db.transaction((tx) => {
    const conf = conferenceOf(tx, conferenceId);
    checkDayDate(conf, date);
    if (tx.select({ id: days.id }).from(days).where(and(eq(days.conferenceId, conferenceId), eq(days.date, date))).get()) {
      throw new ConferenceError('This conference already has a day on that date.', 'date');
    }
    const [{ top }] = tx.select({ top: max(days.number) }).from(days).where(eq(days.conferenceId, conferenceId)).all();
    const [row] = tx
      .insert(days)
      .values({ conferenceId, number: (top ?? 0) + 1, date, theme })
      .returning({ id: days.id })
      .all();
    renumberDays(tx, conferenceId);
    tx.update(conferences).set({ updatedBy: userId }).where(eq(conferences.id, conferenceId)).run();
    audit(tx, { actorId: userId, action: 'day.create', entity: 'day', entityId: row.id, conferenceId, detail: { date, theme } });
    return { id: row.id };
  });
}

/** Longest date range whose days are added in one step (a "conference" of years is a typo). */
export const MAX_DAYS_AT_ONCE = 31;

/** Every date of the conference that has no day yet becomes one, in one step; answers how many. */
export function addMissingDays({ conferenceId, userId }: { conferenceId: number; userId: number }): { added: number } {
  return db.transaction((tx) => {
    const conf = conferenceOf(tx, conferenceId);
    const dates = datesFromTo(conf.startDate, conf.endDate, MAX_DAYS_AT_ONCE);
    if (!dates) throw new ConferenceError(`This conference lasts more than ${MAX_DAYS_AT_ONCE} days: add its days one by one.`);
    const have = new Set(tx.select({ date: days.date }).from(days).where(eq(days.conferenceId, conferenceId)).all().map((d) => d.date));
    const missing = dates.filter((d) => !have.has(d));
    if (!missing.length) return { added: 0 };
    const [{ top }] = tx.select({ top: max(days.number) }).from(days).where(eq(days.conferenceId, conferenceId)).all();
    missing.forEach((date, i) => {
      const [row] = tx
        .insert(days)
        .values({ conferenceId, number: (top ?? 0) + 1 + i, date, theme: null })
        .returning({ id: days.id })
        .all();
      audit(tx, { actorId: userId, action: 'day.create', entity: 'day', entityId: row.id, conferenceId, detail: { date, theme: null } });
    });
    renumberDays(tx, conferenceId);
    tx.update(conferences).set({ updatedBy: userId }).where(eq(conferences.id, conferenceId)).run();
    return { added: missing.length };
  });
}

export function updateDay({ dayId, userId, date, theme }: { dayId: number; userId: number; date: string; theme: string | null }) {
  return db.transaction((tx) => {
    const before = tx.select().from(days).where(eq(days.id, dayId)).get();
    if (!before) throw new ConferenceError('This day no longer exists.');
    const conf = conferenceOf(tx, before.conferenceId);
    checkDayDate(conf, date);
    if (date !== before.date && tx.select({ id: days.id }).from(days).where(and(eq(days.conferenceId, conf.id), eq(days.date, date))).get()) {
      throw new ConferenceError('This conference already has a day on that date.', 'date');
    }
    tx.update(days).set({ date, theme }).where(eq(days.id, dayId)).run();
    if (date !== before.date) {
      retimeTalks(tx, { conferenceId: conf.id, fromZone: conf.timeZone, toZone: conf.timeZone, dayId, toDate: date });
      renumberDays(tx, conf.id);
    }
    const diff = changes(before, { date, theme });
    if (Object.keys(diff).length) audit(tx, { actorId: userId, action: 'day.update', entity: 'day', entityId: dayId, conferenceId: conf.id, detail: { changes: diff } });
    return { conferenceId: conf.id };
  });
}

/** A day with talks cannot go (they would lose their place); an empty one can, tracks and all. */
export function deleteDay({ dayId, userId }: { dayId: number; userId: number }) {
  return db.transaction((tx) => {
    const day = tx.select().from(days).where(eq(days.id, dayId)).get();
    if (!day) throw new ConferenceError('This day no longer exists.');
    const [{ n }] = tx.select({ n: count() }).from(talks).where(eq(talks.dayId, dayId)).all();
    if (n) throw new ConferenceError(`Day ${day.number} has ${n} talk${n === 1 ? '' : 's'}: move or remove ${n === 1 ? 'it' : 'them'} first.`);
    tx.delete(days).where(eq(days.id, dayId)).run();
    renumberDays(tx, day.conferenceId);
    audit(tx, { actorId: userId, action: 'day.delete', entity: 'day', entityId: dayId, conferenceId: day.conferenceId, detail: { date: day.date, theme: day.theme, number: day.number } });
    return { conferenceId: day.conferenceId };
  });
}

// ------------------------------------------------------------------ tracks

/** One day cannot have two tracks of the same name (in any case or spacing). */
function refuseTrackNameTaken(tx: Pick<DB, 'select'>, day: { id: number; number: number }, name: string, exceptTrackId: number | null) {
  const others = tx
    .select({ name: tracks.name })
    .from(tracks)
    .where(and(eq(tracks.dayId, day.id), exceptTrackId === null ? undefined : ne(tracks.id, exceptTrackId)))
    .all();
  const clash = others.find((t) => nameKey(t.name) === nameKey(name));
  if (clash) throw new ConferenceError(`Day ${day.number} already has a track named “${clash.name}”.`, 'name');
}

export function addTrack({ dayId, userId, name, host }: { dayId: number; userId: number; name: string; host: string | null }) {
  return db.transaction((tx) => {
    const day = tx.select().from(days).where(eq(days.id, dayId)).get();
    if (!day) throw new ConferenceError('This day no longer exists.', 'dayId');
    refuseTrackNameTaken(tx, day, name, null);
    const [{ top }] = tx.select({ top: max(tracks.position) }).from(tracks).where(eq(tracks.dayId, dayId)).all();
    const [row] = tx
      .insert(tracks)
      .values({ dayId, name, host, position: (top ?? -1) + 1 })
      .returning({ id: tracks.id })
      .all();
    audit(tx, { actorId: userId, action: 'track.create', entity: 'track', entityId: row.id, conferenceId: day.conferenceId, detail: { day: day.number, name, host } });
    return { id: row.id, conferenceId: day.conferenceId };
  });
}

export function updateTrack({ trackId, userId, name, host }: { trackId: number; userId: number; name: string; host: string | null }) {
  return db.transaction((tx) => {
    const before = tx.select().from(tracks).where(eq(tracks.id, trackId)).get();
    if (!before) throw new ConferenceError('This track no longer exists.');
    const day = tx.select().from(days).where(eq(days.id, before.dayId)).get()!;
    refuseTrackNameTaken(tx, day, name, trackId);
    tx.update(tracks).set({ name, host }).where(eq(tracks.id, trackId)).run();
    const diff = changes(before, { name, host });
    if (Object.keys(diff).length) audit(tx, { actorId: userId, action: 'track.update', entity: 'track', entityId: trackId, conferenceId: day.conferenceId, detail: { changes: diff } });
    return { conferenceId: day.conferenceId };
  });
}

export function deleteTrack({ trackId, userId }: { trackId: number; userId: number }) {
  return db.transaction((tx) => {
    const track = tx.select().from(tracks).where(eq(tracks.id, trackId)).get();
    if (!track) throw new ConferenceError('This track no longer exists.');
    const day = tx.select().from(days).where(eq(days.id, track.dayId)).get()!;
    const [{ n }] = tx.select({ n: count() }).from(talks).where(eq(talks.trackId, trackId)).all();
    if (n) throw new ConferenceError(`“${track.name}” has ${n} talk${n === 1 ? '' : 's'}: move or remove ${n === 1 ? 'it' : 'them'} first.`);
    tx.delete(tracks).where(eq(tracks.id, trackId)).run();
    audit(tx, { actorId: userId, action: 'track.delete', entity: 'track', entityId: trackId, conferenceId: day.conferenceId, detail: { day: day.number, name: track.name, host: track.host } });
    return { conferenceId: day.conferenceId };
  });
}

// ------------------------------------------------------------------ speakers

/**
 * Speaker ids for names, in order: an existing speaker of the same name is reused ("one Tyler
 * Akidau, not five"), anyone else is created, even when their name shares a slug with someone's.
 */
function resolveSpeakers(tx: Writer, names: string[], actorId: number, conferenceId: number): number[] {
  const cleaned = names.map((raw) => raw.trim().replace(/\s+/g, ' ')).filter(Boolean);
  const rows = findOrCreateByNames(tx, speakers, cleaned, ({ id, name, slug }) =>
    audit(tx, { actorId, action: 'speaker.create', entity: 'speaker', entityId: id, conferenceId, detail: { name, slug } }),
  );
  return [...new Set(cleaned.map((name) => rows.get(nameKey(name))!.id))];
}

function setTalkSpeakers(tx: Writer, talkId: number, speakerIds: number[]) {
  tx.delete(talkSpeakers).where(eq(talkSpeakers.talkId, talkId)).run();
  if (speakerIds.length) tx.insert(talkSpeakers).values(speakerIds.map((speakerId, position) => ({ talkId, speakerId, position }))).run();
}

// ------------------------------------------------------------------ talks

export type TalkInput = {
  title: string;
  slug: string | null;
  kind: TalkKind;
  speakers: string[];
  abstract: string | null;
  talkUrl: string | null;
  presentationUrl: string | null;
  videoUrl: string | null;
  slidesUrl: string | null;
  videoPending: boolean;
  dayId: number | null;
  trackId: number | null;
  /** `HH:MM` in the conference's zone, on the talk's day. */
  startTime: string | null;
  durationMinutes: number | null;
  room: string | null;
};

function talkSlugTaken(tx: Pick<DB, 'select'>, conferenceId: number, slug: string, exceptId: number | null) {
  return !!tx
    .select({ id: talks.id })
    .from(talks)
    .where(and(eq(talks.conferenceId, conferenceId), eq(talks.slug, slug), exceptId === null ? undefined : sql`${talks.id} <> ${exceptId}`))
    .get();
}

/** Checks the day and track belong to the conference (and to each other) and turns the time into an instant. */
function placeTalk(tx: Pick<DB, 'select'>, conf: { id: number; timeZone: string }, input: Pick<TalkInput, 'dayId' | 'trackId' | 'startTime'>) {
  let date: string | null = null;
  if (input.dayId !== null) {
    const day = tx.select().from(days).where(and(eq(days.id, input.dayId), eq(days.conferenceId, conf.id))).get();
    if (!day) throw new ConferenceError('Pick one of this conference’s days.', 'dayId');
    date = day.date;
  }
  if (input.trackId !== null) {
    const track = tx.select().from(tracks).where(eq(tracks.id, input.trackId)).get();
    if (!track || track.dayId !== input.dayId) throw new ConferenceError('Pick a track of the chosen day.', 'trackId');
  }
  if (input.startTime && !date) throw new ConferenceError('Pick the day first: a start time is a time on a day.', 'startTime');
  return input.startTime && date ? zonedTimeToUtc(date, input.startTime, conf.timeZone) : null;
}

function nextPosition(tx: Pick<DB, 'select'>, conferenceId: number, dayId: number | null, trackId: number | null) {
  const [{ top }] = tx
    .select({ top: max(talks.position) })
    .from(talks)
    .where(and(eq(talks.conferenceId, conferenceId), dayId === null ? isNull(talks.dayId) : eq(talks.dayId, dayId), trackId === null ? isNull(talks.trackId) : eq(talks.trackId, trackId)))
    .all();
  return (top ?? -1) + 1;
}

export function createTalk({ conferenceId, userId, input }: { conferenceId: number; userId: number; input: TalkInput }) {
  return db.transaction((tx) => {
    const conf = conferenceOf(tx, conferenceId);
    const startsAt = placeTalk(tx, conf, input);
    let slug: string;
    if (input.slug) {
      if (talkSlugTaken(tx, conferenceId, input.slug, null)) throw new ConferenceError('Another talk of this conference has this slug.', 'slug');
      slug = input.slug;
    } else slug = uniqueSlug(slugify(input.title), (s) => talkSlugTaken(tx, conferenceId, s, null));
    const { speakers: names, startTime: _t, slug: _s, ...fields } = input;
    const [row] = tx
      .insert(talks)
      .values({ ...fields, conferenceId, slug, startsAt, position: nextPosition(tx, conferenceId, input.dayId, input.trackId), createdBy: userId, updatedBy: userId })
      .returning({ id: talks.id })
      .all();
    setTalkSpeakers(tx, row.id, resolveSpeakers(tx, names, userId, conferenceId));
    audit(tx, { actorId: userId, action: 'talk.create', entity: 'talk', entityId: row.id, conferenceId, detail: { title: input.title, speakers: names } });
    return { id: row.id, slug };
  });
}

export function updateTalk({ talkId, userId, input }: { talkId: number; userId: number; input: TalkInput }) {
  return db.transaction((tx) => {
    const before = tx.select().from(talks).where(eq(talks.id, talkId)).get();
    if (!before) throw new ConferenceError('This talk no longer exists.');
    const conf = conferenceOf(tx, before.conferenceId);
    const startsAt = placeTalk(tx, conf, input);
    const slug = input.slug || before.slug;
    if (slug !== before.slug && talkSlugTaken(tx, conf.id, slug, talkId)) throw new ConferenceError('Another talk of this conference has this slug.', 'slug');
    const { speakers: names, startTime: _t, slug: _s, ...fields } = input;
    const moved = fields.dayId !== before.dayId || fields.trackId !== before.trackId;
    const update = { ...fields, slug, startsAt, updatedBy: userId, ...(moved ? { position: nextPosition(tx, conf.id, fields.dayId, fields.trackId) } : {}) };
    tx.update(talks).set(update).where(eq(talks.id, talkId)).run();
    const speakersBefore = tx
      .select({ name: speakers.name })
      .from(talkSpeakers)
      .innerJoin(speakers, eq(speakers.id, talkSpeakers.speakerId))
      .where(eq(talkSpeakers.talkId, talkId))
      .orderBy(asc(talkSpeakers.position))
      .all()
      .map((s) => s.name);
    const speakerIds = resolveSpeakers(tx, names, userId, conf.id);
    setTalkSpeakers(tx, talkId, speakerIds);
    const speakersAfter = tx
      .select({ name: speakers.name })
      .from(talkSpeakers)
      .innerJoin(speakers, eq(speakers.id, talkSpeakers.speakerId))
      .where(eq(talkSpeakers.talkId, talkId))
      .orderBy(asc(talkSpeakers.position))
      .all()
      .map((s) => s.name);
    const diff: Record<string, [unknown, unknown]> = changes(before, { ...fields, slug, startsAt });
    if (speakersBefore.join('|') !== speakersAfter.join('|')) diff.speakers = [speakersBefore, speakersAfter];
    if (Object.keys(diff).length) audit(tx, { actorId: userId, action: 'talk.update', entity: 'talk', entityId: talkId, conferenceId: conf.id, detail: { title: fields.title, changes: diff } });
    return { conferenceId: conf.id, slug };
  });
}

export type DeleteTalkResult =
  | { ok: true; conferenceId: number; ratings: number }
  | { ok: false; reason: 'needs-confirmation'; ratings: number; title: string };

/**
 * Removes a talk. Its ratings go with it (foreign key), so a talk with ratings needs the caller to
 * confirm the exact count it showed; the audit row keeps the title, speakers and the ratings'
 * count, sum, average and attendance, so the history stays explainable after the rows are gone.
 */
export function deleteTalk({ talkId, userId, confirmedRatings }: { talkId: number; userId: number; confirmedRatings: number | null }): DeleteTalkResult {
  return db.transaction((tx) => {
    const talk = tx.select().from(talks).where(eq(talks.id, talkId)).get();
    if (!talk) throw new ConferenceError('This talk no longer exists.');
    const [{ n, stars }] = tx
      .select({ n: count(), stars: sql<number | null>`sum(${ratings.stars})` })
      .from(ratings)
      .where(eq(ratings.talkId, talkId))
      .all();
    if (n > 0 && confirmedRatings !== n) return { ok: false as const, reason: 'needs-confirmation' as const, ratings: n, title: talk.title };
    const speakerNames = tx
      .select({ name: speakers.name })
      .from(talkSpeakers)
      .innerJoin(speakers, eq(speakers.id, talkSpeakers.speakerId))
      .where(eq(talkSpeakers.talkId, talkId))
      .all()
      .map((s) => s.name);
    const [{ recaps }] = tx.select({ recaps: count() }).from(postTalks).where(eq(postTalks.talkId, talkId)).all();
    tx.delete(talks).where(eq(talks.id, talkId)).run();
    audit(tx, {
      actorId: userId,
      action: 'talk.delete',
      entity: 'talk',
      entityId: talkId,
      conferenceId: talk.conferenceId,
      detail: {
        title: talk.title,
        slug: talk.slug,
        speakers: speakerNames,
        ratings: n,
        ratingCount: talk.ratingCount,
        ratingSum: talk.ratingSum,
        average: talk.ratingCount ? Math.round((talk.ratingSum / talk.ratingCount) * 100) / 100 : null,
        starsTotal: stars,
        attendance: talk.attendanceCount,
        recaps,
      },
    });
    return { ok: true as const, conferenceId: talk.conferenceId, ratings: n };
  });
}

/** "Paste a list": many talks at once on one day and track, speakers matched or created. */
export function addPastedTalks({
  conferenceId,
  userId,
  dayId,
  trackId,
  kind = 'talk',
  list,
}: {
  conferenceId: number;
  userId: number;
  dayId: number | null;
  trackId: number | null;
  kind?: TalkKind;
  list: PastedTalk[];
}): { ids: number[] } {
  return db.transaction((tx) => {
    const conf = conferenceOf(tx, conferenceId);
    placeTalk(tx, conf, { dayId, trackId, startTime: null });
    let position = nextPosition(tx, conferenceId, dayId, trackId);
    const ids: number[] = [];
    for (const item of list) {
      const startsAt = placeTalk(tx, conf, { dayId, trackId, startTime: item.startTime });
      const slug = uniqueSlug(slugify(item.title), (s) => talkSlugTaken(tx, conferenceId, s, null));
      const [row] = tx
        .insert(talks)
        .values({ conferenceId, dayId, trackId, slug, title: item.title, kind, startsAt, position: position++, createdBy: userId, updatedBy: userId })
        .returning({ id: talks.id })
        .all();
      setTalkSpeakers(tx, row.id, resolveSpeakers(tx, item.speakers, userId, conferenceId));
      audit(tx, { actorId: userId, action: 'talk.create', entity: 'talk', entityId: row.id, conferenceId, detail: { title: item.title, speakers: item.speakers, source: 'pasted list' } });
      ids.push(row.id);
    }
    return { ids };
  });
}

/** The talk edit form's data. */
export function getTalkForEditor({ talkId }: { talkId: number }) {
  const talk = db.select().from(talks).where(eq(talks.id, talkId)).get();
  if (!talk) return null;
  const conference = getConferenceForEditor({ id: talk.conferenceId });
  if (!conference) return null;
  return { talk: conference.talks.find((t) => t.id === talkId)!, ...conference };
}
