/**
 * Writes one parsed Jekyll/Octopress post (lib/jekyll) into the journal: the post, the conference
 * it recaps (matched or created), its days, tracks, talks (matched to the conference's talks,
 * never duplicated), speakers, categories, the post's talk notes and its images. One transaction
 * per post: a post that fails writes nothing (image files it copied are removed again).
 *
 * No `server-only` here on purpose: the `npm run import` CLI (plain `tsx`) and the /write/import
 * server actions share this module. It only runs on the server either way (better-sqlite3, fs).
 *
 * What comes in is checked by the same rules as the forms (lib/write-schemas.ts): the editor's
 * length limits, http(s) links only, real time zones. Every row it creates or changes in shared
 * conference data gets its audit entry, as an edit in the forms does. Shared data is never
 * overwritten: a matched talk keeps its links, day and speakers and only gets what it lacks.
 *
 * Which post a file is: the export's `hallway_id` (with its slug), else the file it came from
 * (`importKey`); a deleted post stays deleted unless the author chooses to restore it.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { eq, inArray } from 'drizzle-orm';
import { imageSize } from 'image-size';
import { MAX_UPLOAD_BYTES, sniffImageType } from '@/lib/image-type';
import { imageSources, isLocalImage, rewriteImages } from '@/lib/jekyll/images';
import { matchTalk, normalizeTitle, normalizeUrl } from '@/lib/jekyll/match';
import { tidyBody } from '@/lib/jekyll/parse';
import { mapSkeletonRefs } from '@/lib/jekyll/skeleton';
import type { ImageSource } from '@/lib/jekyll/source';
import { bodyFor } from '@/lib/jekyll/structure';
import type { ParsedDay, ParsedPost, ParsedTalk, TalkLink } from '@/lib/jekyll/types';
import { renderNote, renderPostColumns, uploadsDir } from '@/lib/render-post';
import { nameKey, slugify } from '@/lib/slug';
import { dayTheme, hostName, optionalUrl, trackName } from '@/lib/write-schemas';
import { audit } from './audit';
import {
  addDays,
  checkPost,
  findExistingPost,
  ImportError,
  knownTalks,
  planConference,
  selectTalks,
  slugTaken,
  uniqueSlug,
  writtenDay,
  type ConferenceChoice,
  type Importer,
  type Selected,
  type TalkSelection,
  type Tx,
} from './import-plan';
import type { DB } from './index';
import { findOrCreateByNames } from './named';
import { updateReadingMinutes } from './reading-minutes';
import { TALK_KINDS, type TalkKind } from './schema';
import * as t from './schema';

export type { ImageSource };
export { ImportError, importKeyFor, planConference } from './import-plan';
export type { ConferenceChoice, TalkDecision, TalkSelection } from './import-plan';

export type ImportOptions = Importer & {
  images?: ImageSource | null;
  conference?: ConferenceChoice;
  talks?: TalkSelection;
  /** Bring back a recap the author deleted (otherwise a re-import leaves it deleted). */
  restoreDeleted?: boolean;
};

export type ImportOutcome = {
  status: 'imported' | 'updated' | 'restored' | 'skipped';
  postId: number;
  slug: string;
  conference: { slug: string; name: string; created: boolean } | null;
  talks: { created: number; matched: number };
  images: { copied: number };
  warnings: string[];
};

const KIND_BY_TITLE: [RegExp, TalkKind][] = [
  [/^(?:ama\b|ask me anything)/i, 'ama'],
  [/^(?:(?:opening|closing|morning|final)\s+)?keynote\b/i, 'keynote'],
  [/^panel\b|\bpanel discussion\b/i, 'panel'],
  [/^(?:workshop|hands-on)\b/i, 'workshop'],
  [/^lightning\b/i, 'lightning'],
];
const kindFor = (title: string): TalkKind => KIND_BY_TITLE.find(([re]) => re.test(title))?.[1] ?? 'talk';
const isTalkKind = (k: string | null): k is TalkKind => !!k && (TALK_KINDS as readonly string[]).includes(k);

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




const LINK_COLUMNS = { presentation: 'presentationUrl', slides: 'slidesUrl', video: 'videoUrl' } as const;

/** Links Hallway has no column for stay with the note, as its first line. */
function otherLinksLine(links: TalkLink[]): string {
  return links
    .filter((l) => l.kind === 'other')
    .map((l) => (l.url ? `[${l.label}](${l.url})` : `${l.label} (not yet available)`))
    .join(' | ');
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

type Prepared = {
  body: string;
  columns: ReturnType<typeof renderPostColumns>;
  notes: { markdown: string; html: string }[];
  selected: Selected[];
  categories: string[];
  uploads: PreparedImages['rows'];
};

export function importPost(db: DB, post: ParsedPost, options: ImportOptions): ImportOutcome {
  const warnings: string[] = [];
  const chosen = selectTalks(post, options.talks);
  const checked = checkPost(post, chosen, tidyBody(bodyFor(post.layout, new Set(chosen.map((s) => s.talk.index)))), options.conference ?? { kind: 'auto' });
  if (checked.problems.length) throw new ImportError(checked.problems.join(' '));
  warnings.push(...checked.warnings);
  const selected = checked.selected;

  const existing = findExistingPost(db, post, options);
  if (existing.kind === 'deleted' && !options.restoreDeleted) {
    return {
      status: 'skipped', postId: existing.id, slug: existing.slug, conference: null, talks: { created: 0, matched: 0 }, images: { copied: 0 },
      warnings: [...warnings, `You deleted “${existing.title}”: it stays deleted (choose to restore it to import it again).`],
    };
  }

  const images = prepareImages([checked.body, ...selected.map(({ talk }) => talk.note)], options.images, warnings);
  try {
    // Rendering is the slow part: done before the transaction, which then only writes. The body's
    // placeholders sit in an HTML comment, so the HTML does not depend on the talk slugs.
    const body = images.rewrite(checked.body);
    const columns = renderPostColumns(body);
    const notes = selected.map(({ talk }) => {
      const markdown = images.rewrite([otherLinksLine(talk.links), talk.note].filter(Boolean).join('\n\n'));
      return { markdown, html: markdown ? renderNote(markdown) : '' };
    });
    const outcome = db.transaction((tx) => write(tx, post, options, { body, columns, notes, selected, categories: checked.categories, uploads: images.rows }, warnings));
    return { ...outcome, images: { copied: images.rows.length }, warnings };
  } catch (error) {
    for (const file of images.created) fs.rmSync(file, { force: true });
    throw error;
  }
}

type ConferenceRow = { id: number; slug: string; name: string; startDate: string; endDate: string };

function write(tx: Tx, post: ParsedPost, options: ImportOptions, prepared: Prepared, warnings: string[]): Omit<ImportOutcome, 'images' | 'warnings'> {
  const actor = options.authorId;
  const plan = planConference(tx, post, options.conference);
  if (plan.kind === 'none' && prepared.selected.length) {
    throw new ImportError('This post lists talks, so it needs a conference: choose one or name a new one.');
  }
  const note = (entry: Parameters<typeof audit>[1]) => audit(tx, { ...entry, detail: { ...entry.detail, source: 'import' } });

  // ---- conference and days
  let conference: ConferenceRow | null = null;
  let conferenceCreated = false;
  const ref = post.conference;
  const parsedDays = post.days.filter((d): d is ParsedDay & { number: number } => d.number !== null);
  const dayNumbers = [...new Set(parsedDays.map((d) => d.number))];
  const refDay = (n: number) => ref?.days.find((d) => d.number === n);
  const parsedDate = (n: number) => parsedDays.find((d) => d.number === n && d.date)?.date ?? null;
  const conferenceColumns = { id: t.conferences.id, slug: t.conferences.slug, name: t.conferences.name, startDate: t.conferences.startDate, endDate: t.conferences.endDate };
  if (plan.kind === 'existing') {
    conference = tx.select(conferenceColumns).from(t.conferences).where(eq(t.conferences.id, plan.id)).get()!;
  } else if (plan.kind === 'new') {
    const span = Math.max(1, ...dayNumbers, ...(ref?.days.map((d) => d.number) ?? []));
    let startDate = ref?.startDate ?? null;
    let endDate = ref?.endDate ?? null;
    const dated = dayNumbers.filter((n) => parsedDate(n)).sort((a, b) => a - b);
    if (!startDate && dated.length) {
      // The post names its days' dates ("Thursday (2/28)", "Monday, June 10th").
      startDate = addDays(parsedDate(dated[0])!, -(dated[0] - 1));
      endDate = addDays(startDate, span - 1);
    } else if (!startDate) {
      // A recap is written after the event: assume it ended the day before the post.
      endDate = addDays(writtenDay(post), -1);
      startDate = addDays(endDate, -(span - 1));
      if (post.plan) {
        startDate = writtenDay(post);
        endDate = addDays(startDate, span - 1);
      }
      warnings.push(`New conference "${plan.name}": its dates are a guess (${startDate} to ${endDate}); correct them on the conference page.`);
    }
    if (!endDate || endDate < startDate) endDate = addDays(startDate, span - 1);
    const website = ref?.website && optionalUrl.safeParse(ref.website).success ? ref.website : null;
    const [row] = tx
      .insert(t.conferences)
      .values({
        slug: plan.slug,
        name: plan.name,
        city: ref?.city ?? null,
        location: ref?.location ?? null,
        startDate,
        endDate,
        website,
        timeZone: ref?.timeZone ?? 'UTC',
        createdBy: actor,
        updatedBy: actor,
      })
      .returning(conferenceColumns)
      .all();
    conference = row;
    conferenceCreated = true;
    note({ actorId: actor, action: 'conference.create', entity: 'conference', entityId: row.id, conferenceId: row.id, detail: { name: row.name, slug: row.slug } });
  }

  const dayRows = conference ? tx.select().from(t.days).where(eq(t.days.conferenceId, conference.id)).all() : [];
  const ensureDay = (number: number) => {
    const known = dayRows.find((d) => d.number === number);
    if (known) return known;
    const c = conference!;
    const date = refDay(number)?.date ?? parsedDate(number) ?? addDays(c.startDate, number - 1);
    const theme = refDay(number)?.theme ?? null;
    const [row] = tx
      .insert(t.days)
      .values({ conferenceId: c.id, number, date, theme: theme && dayTheme.safeParse(theme).success ? theme : null })
      .returning()
      .all();
    dayRows.push(row);
    note({ actorId: actor, action: 'day.create', entity: 'day', entityId: row.id, conferenceId: c.id, detail: { number, date, theme: row.theme } });
    if (date > c.endDate || date < c.startDate) {
      const before = { startDate: c.startDate, endDate: c.endDate };
      c.endDate = date > c.endDate ? date : c.endDate;
      c.startDate = date < c.startDate ? date : c.startDate;
      tx.update(t.conferences).set({ startDate: c.startDate, endDate: c.endDate, updatedBy: actor }).where(eq(t.conferences.id, c.id)).run();
      note({ actorId: actor, action: 'conference.update', entity: 'conference', entityId: c.id, conferenceId: c.id, detail: { changes: { startDate: [before.startDate, c.startDate], endDate: [before.endDate, c.endDate] } } });
    }
    return row;
  };
  // Every day the post names is a day of the conference, with talks or without.
  if (conference) for (const n of dayNumbers) ensureDay(n);

  const trackRows = dayRows.length ? tx.select().from(t.tracks).where(inArray(t.tracks.dayId, dayRows.map((d) => d.id))).all() : [];
  const ensureTrack = (dayId: number, theme: string | null, name: string | null, host: string | null): number | null => {
    if (!name || !trackName.safeParse(name).success) return null;
    const safeHost = host && hostName.safeParse(host).success ? host : null;
    const key = normalizeTitle(name);
    const known = trackRows.find((r) => r.dayId === dayId && normalizeTitle(r.name) === key);
    if (known) {
      if (safeHost && !known.host) {
        tx.update(t.tracks).set({ host: safeHost }).where(eq(t.tracks.id, known.id)).run();
        note({ actorId: actor, action: 'track.update', entity: 'track', entityId: known.id, conferenceId: conference!.id, detail: { changes: { host: [null, safeHost] } } });
        known.host = safeHost;
      } else if (safeHost && known.host !== safeHost) {
        warnings.push(`Track "${known.name}" is hosted by ${known.host} in the conference; the post says ${safeHost}: kept ${known.host}.`);
      }
      return known.id;
    }
    // "Day 3: A bit of everything" names the day's theme, not a track.
    if (theme && normalizeTitle(theme) === key) return null;
    const [row] = tx
      .insert(t.tracks)
      .values({ dayId, name, host: safeHost, position: trackRows.filter((r) => r.dayId === dayId).length })
      .returning()
      .all();
    trackRows.push(row);
    const day = dayRows.find((d) => d.id === dayId)!;
    note({ actorId: actor, action: 'track.create', entity: 'track', entityId: row.id, conferenceId: conference!.id, detail: { day: day.number, name, host: safeHost } });
    return row.id;
  };

  // ---- talks
  const talkRows = conference ? tx.select().from(t.talks).where(eq(t.talks.conferenceId, conference.id)).all() : [];
  const known = conference ? knownTalks(tx, conference.id) : [];
  const speakerCounts = new Map(known.map((k) => [k.id, k.speakers.length]));
  const ensureSpeakers = (talkId: number, names: string[]) => {
    if (!names.length || speakerCounts.get(talkId)) return;
    const found = findOrCreateByNames(tx, t.speakers, names, (row) =>
      note({ actorId: actor, action: 'speaker.create', entity: 'speaker', entityId: row.id, conferenceId: conference!.id, detail: { name: row.name, slug: row.slug } }),
    );
    const ids = names.map((name) => found.get(nameKey(name))!.id);
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
  const taken = new Set<number>();
  prepared.selected.forEach(({ talk, day, decision }, i) => {
    const c = conference!;
    const dayRow = day.number !== null ? ensureDay(day.number) : null;
    const trackId = dayRow ? ensureTrack(dayRow.id, dayRow.theme, day.track, day.host) : null;

    let match: ReturnType<typeof talkRows.find> | undefined;
    if (typeof decision?.match === 'number') {
      match = talkRows.find((r) => r.id === decision.match);
      if (!match) throw new ImportError(`“${talk.title}” was to link to a talk that is not in ${c.name} (any more): check the files again.`);
    } else if (decision?.match !== 'new') {
      const m = matchTalk(talk, known, taken);
      match = m.kind === 'existing' ? talkRows.find((r) => r.id === m.talkId) : undefined;
    }

    let talkId: number;
    if (match) {
      matched++;
      talkId = match.id;
      taken.add(match.id);
      const changes: Partial<typeof t.talks.$inferInsert> = {};
      if (talk.url && !match.talkUrl) changes.talkUrl = talk.url;
      for (const link of talk.links) {
        if (link.kind === 'other' || !link.url) continue;
        const column = LINK_COLUMNS[link.kind];
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
        const knownDay = dayRows.find((d) => d.id === match!.dayId);
        warnings.push(`"${match.title}" is on day ${knownDay?.number ?? '?'} of the conference; the post lists it under day ${day.number}: kept day ${knownDay?.number ?? '?'}.`);
      }
      if (Object.keys(changes).length) {
        const before = Object.fromEntries(Object.keys(changes).map((k) => [k, match![k as keyof typeof match] ?? null]));
        tx.update(t.talks).set({ ...changes, updatedBy: actor }).where(eq(t.talks.id, match.id)).run();
        note({
          actorId: actor, action: 'talk.update', entity: 'talk', entityId: match.id, conferenceId: c.id,
          detail: { title: match.title, changes: Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, [before[k], v]])) },
        });
        Object.assign(match, changes);
      }
    } else {
      created++;
      const slugTakenInConference = (s: string) => talkRows.some((r) => r.slug === s);
      const slug = talk.slug && !slugTakenInConference(talk.slug) ? talk.slug : uniqueSlug(talkSlugBase(talk), slugTakenInConference);
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
          kind: isTalkKind(talk.kind) ? talk.kind : kindFor(talk.title),
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
      taken.add(row.id);
      note({ actorId: actor, action: 'talk.create', entity: 'talk', entityId: row.id, conferenceId: c.id, detail: { title: talk.title, speakers: talk.speakers } });
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
  const found = findExistingPost(tx, post, options);
  const existing = found.kind === 'update' || found.kind === 'deleted' ? tx.select().from(t.posts).where(eq(t.posts.id, found.id)).get()! : null;
  let postId: number;
  let slug: string;
  if (existing) {
    postId = existing.id;
    slug = existing.slug;
    // The post keeps its author (an admin updating someone's export does not take it over).
    tx.update(t.posts)
      .set({ ...values, authorId: existing.authorId, version: existing.version + 1, importKey: existing.importKey ?? options.importKey })
      .where(eq(t.posts.id, postId))
      .run();
    tx.delete(t.postCategories).where(eq(t.postCategories.postId, postId)).run();
    tx.delete(t.postTalks).where(eq(t.postTalks.postId, postId)).run();
  } else {
    slug = uniqueSlug(post.slug, (s) => slugTaken(tx, s));
    if (slug !== post.slug) warnings.push(`A recap already lives at /posts/${post.slug}: this one was saved at /posts/${slug}.`);
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

  if (prepared.categories.length) {
    const found = findOrCreateByNames(tx, t.categories, prepared.categories);
    const ids = [...new Set(prepared.categories.map((name) => found.get(nameKey(name))!.id))];
    tx.insert(t.postCategories).values(ids.map((categoryId) => ({ postId, categoryId }))).run();
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
  updateReadingMinutes(tx, postId);

  if (prepared.uploads.length) {
    tx.insert(t.uploads)
      .values(prepared.uploads.map((u) => ({ ...u, ownerId: options.authorId })))
      .onConflictDoNothing()
      .run();
  }

  const outcome = !existing ? 'imported' : existing.status === 'deleted' ? 'restored' : 'updated';
  audit(tx, {
    actorId: actor,
    action: outcome === 'imported' ? 'post.import' : outcome === 'restored' ? 'post.restore' : 'post.reimport',
    entity: 'post',
    entityId: postId,
    detail: { importKey: options.importKey, conference: conference?.slug ?? null, conferenceCreated, talksCreated: created, talksMatched: matched },
  });

  return {
    status: outcome,
    postId,
    slug,
    conference: conference ? { slug: conference.slug, name: conference.name, created: conferenceCreated } : null,
    talks: { created, matched },
  };
}
