/**
 * Writes one parsed Jekyll/Octopress post (lib/jekyll) into the journal: the post, the conference
 * it recaps (matched or created), its days, tracks, talks (matched by URL or title, never
 * duplicated), speakers, categories, the post's talk notes and its images. One transaction per
 * post: a post that fails writes nothing (image files it copied are removed again).
 *
 * No `server-only` here on purpose: the `npm run import` CLI (plain `tsx`) and the /write/import
 * server actions share this module. It only runs on the server either way (better-sqlite3, fs).
 *
 * Shared conference data is never overwritten by an import: a matched talk keeps its links, day
 * and speakers, and only gets the ones it lacks; differences are reported as warnings.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { asc, eq, inArray, isNotNull } from 'drizzle-orm';
import { imageSize } from 'image-size';
import { MAX_UPLOAD_BYTES, sniffImageType } from '@/lib/image-type';
import { imageSources, isLocalImage, rewriteImages } from '@/lib/jekyll/images';
import type { ImageSource } from '@/lib/jekyll/source';
import { mapSkeletonRefs } from '@/lib/jekyll/structure';
import type { ParsedDay, ParsedPost, ParsedTalk, TalkLink } from '@/lib/jekyll/types';
import { renderNote, renderPostColumns, uploadsDir } from '@/lib/render-post';
import { slugify } from '@/lib/slug';
import type { TalkKind } from './schema';
import * as t from './schema';
import type { DB } from './index';

type Tx = Parameters<Parameters<DB['transaction']>[0]>[0];
type Reader = DB | Tx;

export type { ImageSource };

export type ConferenceChoice =
  | { kind: 'auto' }
  | { kind: 'existing'; slug: string }
  | { kind: 'new'; name: string }
  | { kind: 'none' };

export type ImportOptions = {
  authorId: number;
  /** Identifies the source file, so re-importing it updates the post it created. */
  importKey: string;
  images?: ImageSource | null;
  conference?: ConferenceChoice;
};

export type ImportOutcome = {
  status: 'imported' | 'updated';
  postId: number;
  slug: string;
  conference: { slug: string; name: string; created: boolean } | null;
  talks: { created: number; matched: number };
  images: { copied: number };
  warnings: string[];
};

/** A failure the user can act on (unknown conference, talks without a conference). */
export class ImportError extends Error {}

/** `jekyll:<author id>:<file name>`: one author's file maps to one post, another author's does not. */
export function importKeyFor(authorId: number, file: string): string {
  return `jekyll:${authorId}:${path.basename(file)}`;
}

// ------------------------------------------------------------------ matching helpers

/** Same page whatever the scheme, `www.`, trailing slash, fragment or percent-encoding. */
export function normalizeUrl(url: string): string {
  try {
    const u = new URL(url.trim());
    let pathname = u.pathname;
    try {
      pathname = decodeURI(pathname);
    } catch {}
    return `${u.hostname.toLowerCase().replace(/^www\./, '')}${pathname.replace(/\/+$/, '')}${u.search}`;
  } catch {
    return url.trim().toLowerCase();
  }
}

export function normalizeTitle(title: string): string {
  return title.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

const KIND_BY_TITLE: [RegExp, TalkKind][] = [
  [/^(?:ama\b|ask me anything)/i, 'ama'],
  [/^keynote\b/i, 'keynote'],
  [/^panel\b/i, 'panel'],
  [/^(?:workshop|hands-on)\b/i, 'workshop'],
  [/^lightning\b/i, 'lightning'],
];
const kindFor = (title: string): TalkKind => KIND_BY_TITLE.find(([re]) => re.test(title))?.[1] ?? 'talk';

/** A talk's slug from its page URL (`…/presentation/tasty-topics` → `tasty-topics`), else from its title. */
function talkSlugBase(talk: ParsedTalk): string {
  if (talk.url) {
    try {
      const segment = new URL(talk.url).pathname.split('/').filter(Boolean).pop();
      if (segment) {
        let decoded = segment;
        try {
          decoded = decodeURIComponent(segment);
        } catch {}
        const slug = slugify(decoded.replace(/\.\w{2,5}$/, ''));
        if (slug !== 'untitled' && /[a-z]/.test(slug) && slug.length >= 3) return slug;
      }
    } catch {}
  }
  return slugify(talk.title);
}

function uniqueSlug(base: string, taken: (slug: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base.slice(0, 76)}-${n}`;
    if (!taken(candidate)) return candidate;
  }
}

function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The post's calendar day as its writer saw it. */
function writtenDay(post: ParsedPost): string {
  return new Date(post.date.utcMs + post.date.offsetMinutes * 60_000).toISOString().slice(0, 10);
}

const LINK_COLUMNS = { presentation: 'presentationUrl', slides: 'slidesUrl', video: 'videoUrl' } as const;

/** Links Hallway has no column for stay with the note, as its first line. */
function otherLinksLine(links: TalkLink[]): string {
  return links
    .filter((l) => l.kind === 'other')
    .map((l) => (l.url ? `[${l.label}](${l.url})` : `${l.label} (not yet available)`))
    .join(' | ');
}

function talksInOrder(post: ParsedPost): { talk: ParsedTalk; day: ParsedDay }[] {
  return post.days.flatMap((day) => day.talks.map((talk) => ({ talk, day }))).sort((a, b) => a.talk.index - b.talk.index);
}

// ------------------------------------------------------------------ conference

export type ConferencePlan =
  | { kind: 'existing'; id: number; slug: string; name: string; reason: string }
  | { kind: 'new'; name: string; slug: string; reason: string }
  | { kind: 'none'; reason: string };

/** Where a post's talks go, without writing anything (the web preview shows it). */
export function planConference(db: Reader, post: ParsedPost, choice: ConferenceChoice = { kind: 'auto' }): ConferencePlan {
  const all = db.select({ id: t.conferences.id, slug: t.conferences.slug, name: t.conferences.name }).from(t.conferences).all();
  const bySlug = new Map(all.map((c) => [c.slug, c]));
  const byName = new Map(all.map((c) => [c.name.toLowerCase(), c]));
  const existing = (c: { id: number; slug: string; name: string }, reason: string): ConferencePlan => ({ kind: 'existing', ...c, reason });
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
  const titleSlug = slugify(title);
  const c =
    bySlug.get(titleSlug) ??
    bySlug.get(slugify(prefix)) ??
    all.find((x) => title.toLowerCase().includes(x.name.toLowerCase()));
  if (c) return existing(c, 'its name is in the title');
  if (hasTalks) return fresh(prefix || title, 'new, named after the title');
  return { kind: 'none', reason: 'no talks and no conference named' };
}

// ------------------------------------------------------------------ images

type PreparedImages = {
  rewrite: (markdown: string) => string;
  /** Files this import created (removed again if the transaction fails). */
  created: string[];
  rows: { fileName: string; mimeType: string; bytes: number; width: number; height: number }[];
};


/** Copies every local image the post shows into the uploads folder (content-addressed) and says how to rewrite it. */
function prepareImages(markdowns: string[], source: ImageSource | null | undefined, warnings: string[]): PreparedImages {
  const created: string[] = [];
  const rows: PreparedImages['rows'] = [];
  const bySrc = new Map<string, { name: string; width: number; height: number } | null>();
  const srcs = [...new Set(markdowns.flatMap(imageSources))].filter((s) => isLocalImage(s) && !s.startsWith('/uploads/'));

  for (const src of srcs) {
    bySrc.set(src, null);
    const bytes = source?.(src) ?? null;
    if (!bytes) {
      warnings.push(
        source
          ? `Image ${src} was not found in the source folder: the post keeps the original path.`
          : `Image ${src} was not copied (no source folder or image zip given): the post keeps the original path.`,
      );
      continue;
    }
    // The same rules as the editor's uploads (lib/image-type.ts): the type comes from the bytes.
    const type = sniffImageType(bytes);
    let size: ReturnType<typeof imageSize> | null = null;
    try {
      size = imageSize(bytes);
    } catch {}
    if (!type || !size?.width || !size.height) {
      warnings.push(`Image ${src} is not a PNG, JPEG, GIF or WebP image: not copied.`);
      continue;
    }
    if (bytes.byteLength > MAX_UPLOAD_BYTES) {
      warnings.push(`Image ${src} is larger than 10 MB: not copied.`);
      continue;
    }
    // Named like the editor's uploads, so app/uploads serves it and the same image is stored once.
    const name = `${crypto.createHash('sha256').update(bytes).digest('hex')}.${type.ext}`;
    // Content-addressed names under the data folder; not something the bundler should trace.
    const file = path.join(/*turbopackIgnore: true*/ uploadsDir, name);
    if (!fs.existsSync(file)) {
      fs.mkdirSync(uploadsDir, { recursive: true });
      fs.writeFileSync(file, bytes);
      created.push(file);
    }
    const rotated = (size.orientation ?? 1) >= 5;
    const [width, height] = rotated ? [size.height, size.width] : [size.width, size.height];
    bySrc.set(src, { name, width, height });
    rows.push({ fileName: name, mimeType: type.mimeType, bytes: bytes.byteLength, width, height });
  }

  const rewrite = (markdown: string) =>
    rewriteImages(markdown, (hit) => {
      const found = bySrc.get(hit.src);
      if (!found) return null;
      // `{% img src 900 %}` gave a width only: the height follows from the real image.
      const height = hit.width && !hit.height ? Math.round((hit.width * found.height) / found.width) : undefined;
      return { src: `/uploads/${found.name}`, height };
    });
  return { rewrite, created, rows };
}

// ------------------------------------------------------------------ the import

export function importPost(db: DB, post: ParsedPost, options: ImportOptions): ImportOutcome {
  const warnings: string[] = [];
  const ordered = talksInOrder(post);
  const images = prepareImages([post.body, ...ordered.map(({ talk }) => talk.note)], options.images, warnings);
  try {
    // Rendering is the slow part: done before the transaction, which then only writes. The body's
    // placeholders sit in an HTML comment, so the HTML does not depend on the talk slugs.
    const body = images.rewrite(post.body);
    const columns = renderPostColumns(body);
    const notes = ordered.map(({ talk }) => {
      const markdown = images.rewrite([otherLinksLine(talk.links), talk.note].filter(Boolean).join('\n\n'));
      return { markdown, html: markdown ? renderNote(markdown) : '' };
    });
    const outcome = db.transaction((tx) => write(tx, post, options, { body, columns, notes, ordered, uploads: images.rows }, warnings));
    return { ...outcome, images: { copied: images.rows.length }, warnings };
  } catch (error) {
    for (const file of images.created) fs.rmSync(file, { force: true });
    throw error;
  }
}

type Prepared = {
  body: string;
  columns: ReturnType<typeof renderPostColumns>;
  notes: { markdown: string; html: string }[];
  ordered: { talk: ParsedTalk; day: ParsedDay }[];
  uploads: PreparedImages['rows'];
};

function write(tx: Tx, post: ParsedPost, options: ImportOptions, prepared: Prepared, warnings: string[]): Omit<ImportOutcome, 'images' | 'warnings'> {
  const actor = options.authorId;
  const plan = planConference(tx, post, options.conference);
  if (plan.kind === 'none' && prepared.ordered.length) {
    throw new ImportError('This post lists talks, so it needs a conference: choose one or name a new one.');
  }

  // ---- conference and days
  let conference: { id: number; slug: string; name: string; startDate: string; endDate: string } | null = null;
  let conferenceCreated = false;
  const ref = post.conference;
  const dayNumbers = [...new Set(post.days.map((d) => d.number).filter((n): n is number => n !== null))];
  const refDay = (n: number) => ref?.days.find((d) => d.number === n);
  if (plan.kind === 'existing') {
    conference = tx
      .select({ id: t.conferences.id, slug: t.conferences.slug, name: t.conferences.name, startDate: t.conferences.startDate, endDate: t.conferences.endDate })
      .from(t.conferences)
      .where(eq(t.conferences.id, plan.id))
      .get()!;
  } else if (plan.kind === 'new') {
    const span = Math.max(1, ...dayNumbers, ...(ref?.days.map((d) => d.number) ?? []));
    let startDate = ref?.startDate ?? null;
    let endDate = ref?.endDate ?? null;
    if (!startDate) {
      // A recap is written after the event: assume it ended the day before the post.
      endDate = addDays(writtenDay(post), -1);
      startDate = addDays(endDate, -(span - 1));
      warnings.push(`New conference "${plan.name}": its dates are a guess (${startDate} to ${endDate}); correct them on the conference page.`);
    }
    if (!endDate || endDate < startDate) endDate = addDays(startDate, span - 1);
    const [row] = tx
      .insert(t.conferences)
      .values({
        slug: plan.slug,
        name: plan.name,
        city: ref?.city ?? null,
        location: ref?.location ?? null,
        startDate,
        endDate,
        website: ref?.website ?? null,
        timeZone: ref?.timeZone ?? 'UTC',
        createdBy: actor,
        updatedBy: actor,
      })
      .returning({ id: t.conferences.id, slug: t.conferences.slug, name: t.conferences.name, startDate: t.conferences.startDate, endDate: t.conferences.endDate })
      .all();
    conference = row;
    conferenceCreated = true;
  }

  const dayRows = conference
    ? tx.select().from(t.days).where(eq(t.days.conferenceId, conference.id)).all()
    : [];
  const ensureDay = (number: number) => {
    const known = dayRows.find((d) => d.number === number);
    if (known) return known;
    const c = conference!;
    const date = refDay(number)?.date ?? addDays(c.startDate, number - 1);
    const [row] = tx
      .insert(t.days)
      .values({ conferenceId: c.id, number, date, theme: refDay(number)?.theme ?? null })
      .returning()
      .all();
    dayRows.push(row);
    if (date > c.endDate || date < c.startDate) {
      c.endDate = date > c.endDate ? date : c.endDate;
      c.startDate = date < c.startDate ? date : c.startDate;
      tx.update(t.conferences).set({ startDate: c.startDate, endDate: c.endDate, updatedBy: actor }).where(eq(t.conferences.id, c.id)).run();
    }
    return row;
  };

  const trackRows = dayRows.length ? tx.select().from(t.tracks).where(inArray(t.tracks.dayId, dayRows.map((d) => d.id))).all() : [];
  const ensureTrack = (dayId: number, theme: string | null, name: string | null, host: string | null): number | null => {
    if (!name) return null;
    const key = normalizeTitle(name);
    const known = trackRows.find((r) => r.dayId === dayId && normalizeTitle(r.name) === key);
    if (known) {
      if (host && !known.host) {
        tx.update(t.tracks).set({ host }).where(eq(t.tracks.id, known.id)).run();
        known.host = host;
      } else if (host && known.host !== host) {
        warnings.push(`Track "${known.name}" is hosted by ${known.host} in the conference; the post says ${host}: kept ${known.host}.`);
      }
      return known.id;
    }
    // "Day 3: A bit of everything" names the day's theme, not a track.
    if (theme && normalizeTitle(theme) === key) return null;
    const [row] = tx
      .insert(t.tracks)
      .values({ dayId, name, host, position: trackRows.filter((r) => r.dayId === dayId).length })
      .returning()
      .all();
    trackRows.push(row);
    return row.id;
  };

  // ---- talks
  const talkRows = conference ? tx.select().from(t.talks).where(eq(t.talks.conferenceId, conference.id)).all() : [];
  const speakerCounts = new Map<number, number>();
  if (talkRows.length) {
    for (const r of tx.select({ talkId: t.talkSpeakers.talkId }).from(t.talkSpeakers).where(inArray(t.talkSpeakers.talkId, talkRows.map((x) => x.id))).all()) {
      speakerCounts.set(r.talkId, (speakerCounts.get(r.talkId) ?? 0) + 1);
    }
  }
  const ensureSpeakers = (talkId: number, names: string[]) => {
    if (!names.length || speakerCounts.get(talkId)) return;
    const slugs = names.map((n) => slugify(n));
    const known = new Map(
      tx.select().from(t.speakers).where(inArray(t.speakers.slug, slugs)).all().map((s) => [s.slug, s.id]),
    );
    const ids = names.map((name, i) => {
      const id = known.get(slugs[i]);
      if (id) return id;
      const [row] = tx.insert(t.speakers).values({ name, slug: slugs[i] }).returning({ id: t.speakers.id }).all();
      known.set(slugs[i], row.id);
      return row.id;
    });
    tx.insert(t.talkSpeakers)
      .values([...new Set(ids)].map((speakerId, position) => ({ talkId, speakerId, position })))
      .onConflictDoNothing()
      .run();
    speakerCounts.set(talkId, ids.length);
  };

  let created = 0;
  let matched = 0;
  const slugByIndex = new Map<number, string>();
  const covered: { talkId: number; index: number }[] = [];
  prepared.ordered.forEach(({ talk, day }, i) => {
    const c = conference!;
    const dayRow = day.number !== null ? ensureDay(day.number) : null;
    const trackId = dayRow ? ensureTrack(dayRow.id, dayRow.theme, day.track, day.host) : null;
    const url = talk.url ? normalizeUrl(talk.url) : null;
    const title = normalizeTitle(talk.title);
    const match =
      (url && talkRows.find((r) => r.talkUrl && normalizeUrl(r.talkUrl) === url)) ||
      talkRows.find((r) => normalizeTitle(r.title) === title);

    let talkId: number;
    if (match) {
      matched++;
      talkId = match.id;
      const changes: Partial<typeof t.talks.$inferInsert> = {};
      if (talk.url && !match.talkUrl) changes.talkUrl = talk.url;
      for (const link of talk.links) {
        if (link.kind === 'other') continue;
        const column = LINK_COLUMNS[link.kind];
        if (!link.url) continue;
        const current = (changes[column] as string | undefined) ?? match[column];
        if (!current) changes[column] = link.url;
        else if (normalizeUrl(current) !== normalizeUrl(link.url)) {
          warnings.push(`"${match.title}" already has a different ${link.kind} link (${current}): kept it, not ${link.url}.`);
        }
      }
      const videoUrl = changes.videoUrl ?? match.videoUrl;
      const pending = talk.links.some((l) => l.kind === 'video' && !l.url);
      if (pending && !videoUrl && !match.videoPending) changes.videoPending = true;
      if (videoUrl && match.videoPending) changes.videoPending = false;
      if (match.dayId === null && dayRow) {
        changes.dayId = dayRow.id;
        changes.trackId = trackId;
      } else if (dayRow && match.dayId !== dayRow.id) {
        const known = dayRows.find((d) => d.id === match.dayId);
        warnings.push(`"${match.title}" is on day ${known?.number ?? '?'} of the conference; the post lists it under day ${day.number}: kept day ${known?.number ?? '?'}.`);
      }
      if (Object.keys(changes).length) {
        tx.update(t.talks).set({ ...changes, updatedBy: actor }).where(eq(t.talks.id, match.id)).run();
        Object.assign(match, changes);
      }
    } else {
      created++;
      const slug = uniqueSlug(talkSlugBase(talk), (s) => talkRows.some((r) => r.slug === s));
      const link = (kind: keyof typeof LINK_COLUMNS) => talk.links.find((l) => l.kind === kind && l.url)?.url ?? null;
      const videoUrl = link('video');
      const [row] = tx
        .insert(t.talks)
        .values({
          conferenceId: c.id,
          dayId: dayRow?.id ?? null,
          trackId,
          slug,
          title: talk.title,
          kind: kindFor(talk.title),
          talkUrl: talk.url,
          presentationUrl: link('presentation'),
          slidesUrl: link('slides'),
          videoUrl,
          videoPending: !videoUrl && talk.links.some((l) => l.kind === 'video' && !l.url),
          position: Math.max(-1, ...talkRows.filter((r) => r.dayId === (dayRow?.id ?? null)).map((r) => r.position)) + 1,
          createdBy: actor,
          updatedBy: actor,
        })
        .returning()
        .all();
      talkRows.push(row);
      talkId = row.id;
    }
    ensureSpeakers(talkId, talk.speakers);
    if (covered.some((x) => x.talkId === talkId)) {
      warnings.push(`"${talk.title}" appears twice in the post: kept the first note only.`);
    } else covered.push({ talkId, index: i });
    slugByIndex.set(talk.index, talkRows.find((r) => r.id === talkId)!.slug);
  });

  // ---- the post
  const body = mapSkeletonRefs(prepared.body, (ref) => slugByIndex.get(Number(ref)) ?? null);
  const status = post.published ? ('published' as const) : ('draft' as const);
  const values = {
    authorId: options.authorId,
    conferenceId: conference?.id ?? null,
    title: post.title,
    bodyMarkdown: body,
    ...prepared.columns,
    status,
    publishedAt: post.published ? post.date.utcMs : null,
    utcOffsetMinutes: post.date.offsetMinutes,
    commentsEnabled: post.comments,
    deletedAt: null,
  };
  const existing = tx.select().from(t.posts).where(eq(t.posts.importKey, options.importKey)).get();
  let postId: number;
  let slug: string;
  if (existing) {
    postId = existing.id;
    slug = existing.slug;
    tx.update(t.posts).set({ ...values, version: existing.version + 1 }).where(eq(t.posts.id, postId)).run();
    tx.delete(t.postCategories).where(eq(t.postCategories.postId, postId)).run();
    tx.delete(t.postTalks).where(eq(t.postTalks.postId, postId)).run();
  } else {
    const taken = (s: string) =>
      Boolean(tx.select({ id: t.posts.id }).from(t.posts).where(eq(t.posts.slug, s)).get()) ||
      Boolean(tx.select({ slug: t.postSlugs.slug }).from(t.postSlugs).where(eq(t.postSlugs.slug, s)).get());
    slug = uniqueSlug(post.slug, taken);
    const [row] = tx
      .insert(t.posts)
      .values({ ...values, slug, importKey: options.importKey, createdAt: post.date.utcMs })
      .returning({ id: t.posts.id })
      .all();
    postId = row.id;
  }
  if (!existing || existing.title !== post.title || existing.bodyMarkdown !== body) {
    tx.insert(t.postRevisions).values({ postId, title: post.title, bodyMarkdown: body, editorId: actor }).run();
  }

  // Categories and tags both become Hallway categories (it has no separate tags).
  const names = new Map<string, string>();
  for (const name of [...post.categories, ...post.tags]) {
    const s = slugify(name);
    if (!names.has(s)) names.set(s, name);
  }
  if (names.size) {
    const slugs = [...names.keys()];
    tx.insert(t.categories)
      .values(slugs.map((s) => ({ slug: s, name: names.get(s)! })))
      .onConflictDoNothing()
      .run();
    const ids = tx.select({ id: t.categories.id }).from(t.categories).where(inArray(t.categories.slug, slugs)).all();
    tx.insert(t.postCategories).values(ids.map(({ id }) => ({ postId, categoryId: id }))).run();
  }

  if (covered.length) {
    tx.insert(t.postTalks)
      .values(
        covered.map(({ talkId, index }, position) => ({
          postId,
          talkId,
          position,
          noteMarkdown: prepared.notes[index].markdown,
          noteHtml: prepared.notes[index].html,
        })),
      )
      .run();
  }

  if (prepared.uploads.length) {
    tx.insert(t.uploads)
      .values(prepared.uploads.map((u) => ({ ...u, ownerId: options.authorId })))
      .onConflictDoNothing()
      .run();
  }

  tx.insert(t.auditLog)
    .values({
      actorId: actor,
      action: existing ? 'post.reimport' : 'post.import',
      entity: 'post',
      entityId: postId,
      detail: JSON.stringify({ importKey: options.importKey, conference: conference?.slug ?? null, conferenceCreated, talksCreated: created, talksMatched: matched }),
    })
    .run();

  return {
    status: existing ? 'updated' : 'imported',
    postId,
    slug,
    conference: conference ? { slug: conference.slug, name: conference.name, created: conferenceCreated } : null,
    talks: { created, matched },
  };
}

// ------------------------------------------------------------------ helpers for callers

/** The account an import is credited to: by e-mail, or the first admin. */
export function findImportAuthor(db: DB, email?: string | null) {
  const columns = { id: t.users.id, email: t.users.email, name: t.users.name, role: t.users.role };
  if (email) return db.select(columns).from(t.users).where(eq(t.users.email, email.trim().toLowerCase())).get() ?? null;
  return db.select(columns).from(t.users).where(eq(t.users.role, 'admin')).orderBy(asc(t.users.id)).get() ?? null;
}
