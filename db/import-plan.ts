/**
 * The reading half of the Jekyll import: which talks an import takes, whether the forms' rules
 * accept them, where the talks go (the conference), which post the file is, and which of the
 * conference's talks each one links to. Writes nothing: the dry run (CLI and /write/import)
 * shows exactly this, and db/import.ts does it.
 *
 * No `server-only` and no rendering here: the `--dry-run` CLI loads this on a read-only database
 * (or none) and must not create files.
 */
import path from 'node:path';
import { asc, eq, inArray, isNotNull, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { matchTalk, normalizeTitle, normalizeUrl, type KnownTalk } from '@/lib/jekyll/match';
import { isSelected, type TalkChoice } from '@/lib/jekyll/parse';
import { bodyFor } from '@/lib/jekyll/structure';
import type { ParsedDay, ParsedPost, ParsedTalk, TalkMatch } from '@/lib/jekyll/types';
import { nameKey, slugify } from '@/lib/slug';
import {
  categoryNames,
  cityText,
  conferenceName,
  dateSchema,
  dayTheme,
  hostName,
  locationText,
  MAX_CATEGORIES,
  MAX_CATEGORY_NAME,
  MAX_TALKS_PER_RECAP,
  noteSchema,
  optionalUrl,
  postBodySchema,
  postTitleSchema,
  speakerNames,
  talkTitle,
  timeZoneSchema,
  trackName,
} from '@/lib/write-schemas';
import type { DB } from './index';
import * as t from './schema';

export type Tx = Parameters<Parameters<DB['transaction']>[0]>[0];
export type Reader = DB | Tx;

export type ConferenceChoice =
  | { kind: 'auto' }
  | { kind: 'existing'; slug: string }
  | { kind: 'new'; name: string }
  | { kind: 'none' };

/** What the author decided for one proposed talk in the review (by its index in the file). */
export type TalkDecision = { include: boolean; title?: string; speakers?: string[]; match?: 'new' | number };
/** `confident` (default), `all`, `none`, or a decision per talk. */
export type TalkSelection = TalkChoice | Map<number, TalkDecision>;

/** Who imports, and which file: what decides which post a file is. */
export type Importer = {
  authorId: number;
  /** Admins may update any post an export identifies; authors only their own. */
  isAdmin?: boolean;
  /** Identifies the source file, so re-importing it updates the post it created. */
  importKey: string;
};

/** A failure the user can act on (unknown conference, talks without a conference, a limit). */
export class ImportError extends Error {}

/** `jekyll:<author id>:<file name>`: one author's file maps to one post, another author's does not. */
export function importKeyFor(authorId: number, file: string): string {
  return `jekyll:${authorId}:${path.basename(file)}`;
}

export function uniqueSlug(base: string, taken: (slug: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base.slice(0, 76)}-${n}`;
    if (!taken(candidate)) return candidate;
  }
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The post's calendar day as its writer saw it. */
export function writtenDay(post: ParsedPost): string {
  return new Date(post.date.utcMs + post.date.offsetMinutes * 60_000).toISOString().slice(0, 10);
}

// ------------------------------------------------------------------ the choice of talks

export type Selected = { day: ParsedDay; talk: ParsedTalk; decision: TalkDecision | null };

/** The talks a selection imports, in file order, with the author's edits applied. */
export function selectTalks(post: ParsedPost, selection: TalkSelection = 'confident'): Selected[] {
  const all = post.days.flatMap((day) => day.talks.map((talk) => ({ day, talk }))).sort((a, b) => a.talk.index - b.talk.index);
  if (typeof selection === 'string') return all.filter(({ talk }) => isSelected(talk.confidence, selection)).map((x) => ({ ...x, decision: null }));
  return all.flatMap(({ day, talk }) => {
    const decision = selection.get(talk.index);
    if (!decision?.include) return [];
    return [{ day, decision, talk: { ...talk, title: decision.title ?? talk.title, speakers: decision.speakers ?? talk.speakers } }];
  });
}

// ------------------------------------------------------------------ the forms' rules

const firstIssue = (r: z.ZodSafeParseResult<unknown>) => (r.success ? null : r.error.issues[0]?.message ?? 'not valid');

type Checked = { problems: string[]; warnings: string[]; selected: Selected[]; categories: string[]; body: string };

/**
 * The post as the forms would take it. Problems refuse the file (the editor would refuse the
 * same text); links that are not web addresses are left out with a warning.
 */
export function checkPost(post: ParsedPost, selected: Selected[], body: string, choice: ConferenceChoice): Checked {
  const problems: string[] = [];
  const warnings: string[] = [];
  const say = (where: string, r: z.ZodSafeParseResult<unknown>) => {
    const issue = firstIssue(r);
    if (issue) problems.push(`${where}: ${issue}`);
  };
  say('Title', postTitleSchema.safeParse(post.title));
  say('Body', postBodySchema.safeParse(body));
  if (selected.length > MAX_TALKS_PER_RECAP) problems.push(`Talks: at most ${MAX_TALKS_PER_RECAP} talks in one recap (this one has ${selected.length}).`);

  const cleanUrl = (url: string | null, what: string) => {
    if (!url) return null;
    if (optionalUrl.safeParse(url).success) return url;
    warnings.push(`${what}: “${url.slice(0, 80)}” is not a web address (http:// or https://): left out.`);
    return null;
  };
  const cleaned = selected.map((s) => {
    const label = `Talk “${s.talk.title.slice(0, 60)}”`;
    say(`${label}, title`, talkTitle.safeParse(s.talk.title));
    say(`${label}, speakers`, speakerNames.safeParse(s.talk.speakers));
    say(`${label}, note`, noteSchema.safeParse(s.talk.note));
    const links = s.talk.links.flatMap((l) => (l.url === null ? [l] : cleanUrl(l.url, `${label}, ${l.label} link`) ? [l] : []));
    return { ...s, talk: { ...s.talk, url: cleanUrl(s.talk.url, `${label}, page`), links } };
  });

  // Categories and tags both become Hallway categories; the editor takes ten of up to 40 characters.
  const names = new Map<string, string>();
  for (const name of [...post.categories, ...post.tags]) {
    if (name.length > MAX_CATEGORY_NAME) {
      warnings.push(`Category “${name.slice(0, 50)}…” is longer than ${MAX_CATEGORY_NAME} characters: left out.`);
      continue;
    }
    const key = nameKey(name);
    if (!names.has(key)) names.set(key, name);
  }
  let categories = [...names.values()];
  if (categories.length > MAX_CATEGORIES) {
    warnings.push(`The post has ${categories.length} categories and tags; a recap takes ${MAX_CATEGORIES}: kept the first ${MAX_CATEGORIES}.`);
    categories = categories.slice(0, MAX_CATEGORIES);
  }
  categories = categoryNames.parse(categories);

  const ref = post.conference;
  if (ref) {
    if (ref.name) say('Conference name', conferenceName.safeParse(ref.name));
    say('Conference city', cityText.safeParse(ref.city ?? ''));
    say('Conference location', locationText.safeParse(ref.location ?? ''));
    if (ref.timeZone) say(`Conference time zone “${ref.timeZone}”`, timeZoneSchema.safeParse(ref.timeZone));
    if (ref.startDate) say('Conference start', dateSchema.safeParse(ref.startDate));
    if (ref.endDate) say('Conference end', dateSchema.safeParse(ref.endDate));
    if (ref.website && !optionalUrl.safeParse(ref.website).success) warnings.push(`Conference website “${ref.website.slice(0, 80)}” is not a web address: left out.`);
    for (const d of ref.days) if (d.theme && !dayTheme.safeParse(d.theme).success) warnings.push(`The theme of day ${d.number} is longer than 120 characters: left out.`);
  }
  if (choice.kind === 'new') say('New conference name', conferenceName.safeParse(choice.name));
  for (const d of post.days) {
    if (d.track && !trackName.safeParse(d.track).success) warnings.push(`The track “${d.track.slice(0, 60)}…” of ${d.label ?? 'a day'} is longer than 120 characters: left out.`);
    if (d.host && !hostName.safeParse(d.host).success) warnings.push(`The host of ${d.label ?? 'a day'} is longer than 120 characters: left out.`);
  }
  return { problems, warnings, selected: cleaned, categories, body };
}

// ------------------------------------------------------------------ conference

export type ConferencePlan =
  | { kind: 'existing'; id: number; slug: string; name: string; reason: string }
  | { kind: 'new'; name: string; slug: string; reason: string }
  | { kind: 'none'; reason: string };

const YEAR = /\b(?:19|20)\d{2}\b/;
const RECAP_WORDS =
  /\b(?:best of|notes? (?:from|on)|thoughts on|my|recap|review|wrap-?up|report(?: number)?|round-?up|post-?mortem|impressions|highlights|schedule|presentation|summary|takeaways|day \d+|linkstravaganza|#\d+)\b/gi;

/** "Best of QCon London" written in 2013 → "QCon London 2013"; "RiversideJS 2023, in short" → "RiversideJS 2023". */
export function conferenceNameFromTitle(title: string, year: number): string {
  const parts = title.split(/\s*(?::|\s[-–—|]\s)\s*/);
  let part = parts.find((p) => YEAR.test(p)) ?? parts[0];
  // What follows the year is about the post ("…, in short", "… recap"), not the conference.
  const y = YEAR.exec(part);
  if (y) part = part.slice(0, y.index + y[0].length);
  let name = part.replace(RECAP_WORDS, ' ').replace(/^(?:post|pre)-/i, '').replace(/\s+/g, ' ').replace(/^[\s,.;]+|[\s,.;]+$/g, '').trim();
  if (!name) name = title.trim();
  return YEAR.test(name) ? name : `${name} ${year}`;
}

const withoutYear = (s: string) => normalizeTitle(s.replace(YEAR, ' '));

/** Where a post's talks go, without writing anything (the dry run shows it). */
export function planConference(db: Reader, post: ParsedPost, choice: ConferenceChoice = { kind: 'auto' }): ConferencePlan {
  const all = db.select({ id: t.conferences.id, slug: t.conferences.slug, name: t.conferences.name, startDate: t.conferences.startDate }).from(t.conferences).all();
  const bySlug = new Map(all.map((c) => [c.slug, c]));
  const byName = new Map(all.map((c) => [c.name.toLowerCase(), c]));
  const existing = (c: { id: number; slug: string; name: string }, reason: string): ConferencePlan => ({ kind: 'existing', id: c.id, slug: c.slug, name: c.name, reason });
  const fresh = (name: string, reason: string, slug?: string | null): ConferencePlan => ({
    kind: 'new',
    name,
    slug: uniqueSlug(slugify(slug || name), (s) => bySlug.has(s)),
    reason,
  });
  const hasTalks = post.days.some((d) => d.talks.length > 0);

  if (choice.kind === 'existing') {
    const c = bySlug.get(choice.slug);
    if (!c) throw new ImportError(`There is no conference "${choice.slug}".`);
    return existing(c, 'chosen');
  }
  if (choice.kind === 'new') {
    const name = choice.name.trim();
    if (!name) throw new ImportError('A new conference needs a name.');
    const same = byName.get(name.toLowerCase());
    return same ? existing(same, 'chosen (already exists)') : fresh(name, 'chosen');
  }
  if (choice.kind === 'none') return { kind: 'none', reason: 'chosen' };

  const ref = post.conference;
  if (ref) {
    const c = (ref.slug && bySlug.get(ref.slug)) || (ref.name && byName.get(ref.name.toLowerCase()));
    if (c) return existing(c, 'named in the front matter');
    const name = ref.name ?? ref.slug;
    if (name) return fresh(name, 'named in the front matter', ref.slug);
  }

  // The talks' pages usually identify the conference better than any title.
  const urls = post.days.flatMap((d) => d.talks.map((x) => x.url)).filter((u): u is string => Boolean(u));
  if (urls.length) {
    const wanted = new Set(urls.map(normalizeUrl));
    const counts = new Map<number, number>();
    for (const row of db.select({ conferenceId: t.talks.conferenceId, url: t.talks.talkUrl }).from(t.talks).where(isNotNull(t.talks.talkUrl)).all()) {
      if (wanted.has(normalizeUrl(row.url!))) counts.set(row.conferenceId, (counts.get(row.conferenceId) ?? 0) + 1);
    }
    const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
    const c = best && all.find((x) => x.id === best[0]);
    if (c) return existing(c, `${best[1]} of its talks are already listed there`);
  }

  const title = post.title;
  const prefix = title.split(/\s*(?::|\s[-–—|]\s)\s*/)[0].trim();
  const c =
    bySlug.get(slugify(title)) ??
    bySlug.get(slugify(prefix)) ??
    all.find((x) => title.toLowerCase().includes(x.name.toLowerCase()));
  if (c) return existing(c, 'its name is in the title');
  // The same conference by name in the post's year: "Best of QCon London" (2013) is "QCon London 2013".
  const year = Number(YEAR.exec(title)?.[0] ?? writtenDay(post).slice(0, 4));
  const normalized = ` ${normalizeTitle(title.replace(YEAR, ' '))} `;
  const sameYear = all.find((x) => {
    const name = withoutYear(x.name);
    return name.length >= 3 && normalized.includes(` ${name} `) && Number(x.startDate.slice(0, 4)) === year;
  });
  if (sameYear) return existing(sameYear, `its name and year (${year}) match the post`);
  if (hasTalks) return fresh(conferenceNameFromTitle(title, year), 'new, named after the title');
  return { kind: 'none', reason: 'no talks and no conference named' };
}

// ------------------------------------------------------------------ which post the file is

export type ExistingPost =
  | { kind: 'none' }
  | { kind: 'update'; id: number; slug: string; title: string; by: 'source' | 'export' }
  | { kind: 'deleted'; id: number; slug: string; title: string; by: 'source' | 'export'; deletedAt: number | null }
  | { kind: 'slug-taken'; slug: string; title: string; newSlug: string; mine: boolean };

export function slugTaken(db: Reader, slug: string): boolean {
  return (
    Boolean(db.select({ id: t.posts.id }).from(t.posts).where(eq(t.posts.slug, slug)).get()) ||
    Boolean(db.select({ slug: t.postSlugs.slug }).from(t.postSlugs).where(eq(t.postSlugs.slug, slug)).get())
  );
}

/** The post this file updates, if any: the one its export names (and may be edited by this author), else the one imported from the same file. */
export function findExistingPost(db: Reader, post: ParsedPost, options: Importer): ExistingPost {
  const columns = { id: t.posts.id, slug: t.posts.slug, title: t.posts.title, status: t.posts.status, authorId: t.posts.authorId, deletedAt: t.posts.deletedAt };
  const getRow = (where: SQL) => db.select(columns).from(t.posts).where(where).get();
  let found: { row: NonNullable<ReturnType<typeof getRow>>; by: 'source' | 'export' } | null = null;
  const identity = post.hallway;
  if (identity?.id) {
    const row = getRow(eq(t.posts.id, identity.id));
    // An id alone could be another Hallway's: the slug (or a former one) must agree.
    const urlSlug = identity.url ? /\/posts\/([^/?#]+)\/?(?:[?#]|$)/.exec(identity.url)?.[1] ?? null : null;
    const wanted = [post.slug, urlSlug].filter((s): s is string => !!s);
    const formerSlugs = row ? db.select({ slug: t.postSlugs.slug }).from(t.postSlugs).where(eq(t.postSlugs.postId, row.id)).all().map((r) => r.slug) : [];
    if (row && wanted.some((s) => s === row.slug || formerSlugs.includes(s)) && (options.isAdmin || row.authorId === options.authorId)) found = { row, by: 'export' };
  }
  if (!found) {
    const row = getRow(eq(t.posts.importKey, options.importKey));
    if (row) found = { row, by: 'source' };
  }
  if (found) {
    const { row, by } = found;
    return row.status === 'deleted'
      ? { kind: 'deleted', id: row.id, slug: row.slug, title: row.title, by, deletedAt: row.deletedAt }
      : { kind: 'update', id: row.id, slug: row.slug, title: row.title, by };
  }
  if (slugTaken(db, post.slug)) {
    const other = db.select({ title: t.posts.title, authorId: t.posts.authorId }).from(t.posts).where(eq(t.posts.slug, post.slug)).get();
    return { kind: 'slug-taken', slug: post.slug, title: other?.title ?? '(a former address)', newSlug: uniqueSlug(post.slug, (s) => slugTaken(db, s)), mine: other?.authorId === options.authorId };
  }
  return { kind: 'none' };
}

// ------------------------------------------------------------------ the dry run

export type ImportPlan = {
  conference: ConferencePlan;
  existing: ExistingPost;
  /** By talk index; null when the talks have no conference to be matched in. */
  matches: Map<number, TalkMatch | null>;
  /** Talks the recap covered when it was last imported (to keep an author's earlier choice). */
  previouslyCovered: Set<number> | null;
  problems: string[];
  warnings: string[];
};

export function knownTalks(db: Reader, conferenceId: number): KnownTalk[] {
  const rows = db
    .select({ id: t.talks.id, slug: t.talks.slug, title: t.talks.title, talkUrl: t.talks.talkUrl, presentationUrl: t.talks.presentationUrl, slidesUrl: t.talks.slidesUrl, videoUrl: t.talks.videoUrl })
    .from(t.talks)
    .where(eq(t.talks.conferenceId, conferenceId))
    .all();
  if (!rows.length) return [];
  const speakers = db
    .select({ talkId: t.talkSpeakers.talkId, name: t.speakers.name })
    .from(t.talkSpeakers)
    .innerJoin(t.speakers, eq(t.speakers.id, t.talkSpeakers.speakerId))
    .where(inArray(t.talkSpeakers.talkId, rows.map((r) => r.id)))
    .orderBy(asc(t.talkSpeakers.position))
    .all();
  return rows.map((r) => ({ ...r, speakers: speakers.filter((s) => s.talkId === r.id).map((s) => s.name) }));
}

/** Everything an import would do with this file, written nowhere. */
export function planImport(db: Reader, post: ParsedPost, options: Importer & { conference?: ConferenceChoice; talks?: TalkSelection }): ImportPlan {
  const problems: string[] = [];
  let conference: ConferencePlan;
  try {
    conference = planConference(db, post, options.conference);
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    conference = { kind: 'none', reason: error.message };
    problems.push(error.message);
  }
  const existing = findExistingPost(db, post, options);
  const known = conference.kind === 'existing' ? knownTalks(db, conference.id) : [];
  const matches = new Map<number, TalkMatch | null>();
  const taken = new Set<number>();
  for (const talk of post.days.flatMap((d) => d.talks).sort((a, b) => a.index - b.index)) {
    if (conference.kind === 'none') {
      matches.set(talk.index, null);
      continue;
    }
    const m = matchTalk({ ...talk, slug: talk.slug }, known, taken);
    if (m.kind === 'existing') taken.add(m.talkId);
    matches.set(talk.index, m);
  }
  let previouslyCovered: Set<number> | null = null;
  if (existing.kind === 'update' || existing.kind === 'deleted') {
    const covered = new Set(db.select({ talkId: t.postTalks.talkId }).from(t.postTalks).where(eq(t.postTalks.postId, existing.id)).all().map((r) => r.talkId));
    previouslyCovered = new Set([...matches].filter(([, m]) => m?.kind === 'existing' && covered.has(m.talkId)).map(([i]) => i));
  }
  const selected = selectTalks(post, options.talks);
  const checked = checkPost(post, selected, bodyFor(post.layout, new Set(selected.map((s) => s.talk.index))), options.conference ?? { kind: 'auto' });
  problems.push(...checked.problems);
  if (conference.kind === 'none' && selected.length) problems.push('This post lists talks, so it needs a conference: choose one or name a new one.');
  return { conference, existing, matches, previouslyCovered, problems, warnings: checked.warnings };
}

