import 'server-only';

import { and, asc, count, desc, eq, inArray, lt, ne, not, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { EditorDoc } from '@/lib/editor-protocol';
import { renderNote, renderPostColumns } from '@/lib/render-post';
import { chooseSlug, postState, uniqueSlug, type PostState } from '@/lib/post-rules';
import { nameKey } from '@/lib/slug';
import { MAX_CATEGORIES, MAX_CATEGORY_NAME } from '@/lib/write-schemas';
import { db, type DB } from './index';
import { findOrCreateByNames } from './named';
import { updateReadingMinutes } from './reading-minutes';
import { getTalkCards } from './queries';
import {
  categories,
  conferences,
  postCategories,
  postRevisions,
  posts,
  postSlugs,
  postTalks,
  postWorkingCopies,
  talks,
  uploads,
  users,
} from './schema';

/**
 * The authoring side of posts: every read and write behind /write. Readers' queries live in
 * db/queries.ts and only ever see `isPublic()` posts; nothing here is reachable by a reader.
 *
 * OWNERSHIP LIVES IN THE WHERE CLAUSE: every function takes `{ userId, isAdmin }` and filters with
 * `editable()`, so "another author's draft" and "no such post" are the same null (a 404), and a
 * caller that forgets a check cannot leak a row.
 */

export type Access = { userId: number; isAdmin: boolean };
type Tx = Parameters<Parameters<DB['transaction']>[0]>[0];

/** Author's own posts, or every post for an admin; deleted posts are gone for everyone. */
function editable(id: number, { userId, isAdmin }: Access) {
  return and(eq(posts.id, id), ne(posts.status, 'deleted'), isAdmin ? undefined : eq(posts.authorId, userId));
}

// ------------------------------------------------------------------ dashboard

export type DashboardPost = ReturnType<typeof getPostsForDashboard>[number];

/** My drafts, scheduled and published posts (an admin's: everyone's), newest edit first. */
export function getPostsForDashboard({ userId, isAdmin }: Access, now = Date.now()) {
  const rows = db
    .select({
      id: posts.id,
      slug: posts.slug,
      title: posts.title,
      status: posts.status,
      publishedAt: posts.publishedAt,
      utcOffsetMinutes: posts.utcOffsetMinutes,
      updatedAt: posts.updatedAt,
      authorId: posts.authorId,
      authorName: users.name,
      conferenceName: conferences.name,
    })
    .from(posts)
    .leftJoin(users, eq(users.id, posts.authorId))
    .leftJoin(conferences, eq(conferences.id, posts.conferenceId))
    .where(and(ne(posts.status, 'deleted'), not(untouchedDraft()), isAdmin ? undefined : eq(posts.authorId, userId)))
    .orderBy(desc(posts.updatedAt), desc(posts.id))
    .all();
  return rows.map((r) => ({ ...r, state: postState(r, now) as Exclude<PostState, 'deleted'> }));
}

// ------------------------------------------------------------------ create

function slugTaken(tx: Pick<DB, 'select'>, slug: string, exceptPostId: number | null): boolean {
  const other = exceptPostId === null ? undefined : ne(posts.id, exceptPostId);
  if (tx.select({ id: posts.id }).from(posts).where(and(eq(posts.slug, slug), other)).get()) return true;
  const oldOther = exceptPostId === null ? undefined : ne(postSlugs.postId, exceptPostId);
  return !!tx.select({ slug: postSlugs.slug }).from(postSlugs).where(and(eq(postSlugs.slug, slug), oldOther)).get();
}

/**
 * A draft nobody has saved since "New recap" created it (every save bumps the version): it holds
 * nothing the author typed, so the dashboard leaves it out, and an abandoned click leaves no
 * "Untitled draft" behind. It is deleted once it is a week old (a tab left open that long without
 * a keystroke has nothing to lose); sooner would risk an editor someone is about to type into.
 */
const untouchedDraft = () => sql`(${posts.status} = 'draft' AND ${posts.version} = 1 AND ${posts.title} = '' AND ${posts.bodyMarkdown} = '')`;
const UNTOUCHED_DRAFT_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

/** A new, empty draft owned by `userId`; its slug follows the title until it is first published. */
export function createPost({ userId, utcOffsetMinutes = 0, now = Date.now() }: { userId: number; utcOffsetMinutes?: number; now?: number }): { id: number } {
  return db.transaction((tx) => {
    tx.delete(posts).where(and(eq(posts.authorId, userId), untouchedDraft(), lt(posts.createdAt, now - UNTOUCHED_DRAFT_LIFETIME_MS))).run();
    const slug = uniqueSlug('untitled', (s) => slugTaken(tx, s, null));
    const [row] = tx
      .insert(posts)
      .values({ slug, title: '', authorId: userId, status: 'draft', utcOffsetMinutes, ...renderPostColumns('') })
      .returning({ id: posts.id })
      .all();
    return row;
  });
}

// ------------------------------------------------------------------ editor

export type EditorPost = NonNullable<ReturnType<typeof getPostForEditor>>;

/** Everything the editor shows for one post, or null when it is not this user's to edit. */
export function getPostForEditor({ id, userId, isAdmin }: { id: number } & Access) {
  const post = db
    .select({
      id: posts.id,
      slug: posts.slug,
      title: posts.title,
      bodyMarkdown: posts.bodyMarkdown,
      status: posts.status,
      publishedAt: posts.publishedAt,
      utcOffsetMinutes: posts.utcOffsetMinutes,
      commentsEnabled: posts.commentsEnabled,
      conferenceId: posts.conferenceId,
      version: posts.version,
      updatedAt: posts.updatedAt,
      createdAt: posts.createdAt,
      authorId: posts.authorId,
      authorName: users.name,
    })
    .from(posts)
    .leftJoin(users, eq(users.id, posts.authorId))
    .where(editable(id, { userId, isAdmin }))
    .get();
  if (!post) return null;
  const categoryNames = db
    .select({ name: categories.name })
    .from(postCategories)
    .innerJoin(categories, eq(categories.id, postCategories.categoryId))
    .where(eq(postCategories.postId, id))
    .orderBy(asc(categories.name))
    .all()
    .map((c) => c.name);
  const covered = db
    .select({ talkId: postTalks.talkId, note: postTalks.noteMarkdown })
    .from(postTalks)
    .where(eq(postTalks.postId, id))
    .orderBy(asc(postTalks.position))
    .all();
  const [{ revisions }] = db.select({ revisions: count() }).from(postRevisions).where(eq(postRevisions.postId, id)).all();
  return { ...post, state: postState(post), categories: categoryNames, talks: covered, revisionCount: revisions };
}

/** The little a save needs to know first (and whether reader pages may show the post). */
export function getPostStatusForEditor({ id, userId, isAdmin }: { id: number } & Access) {
  return db
    .select({ id: posts.id, status: posts.status, publishedAt: posts.publishedAt, version: posts.version })
    .from(posts)
    .where(editable(id, { userId, isAdmin }))
    .get() ?? null;
}

/** Category names for the editor's picker, most used first. */
export function getCategoryNames(): string[] {
  return db
    .select({ name: categories.name })
    .from(categories)
    .leftJoin(postCategories, eq(postCategories.categoryId, categories.id))
    .groupBy(categories.id)
    .orderBy(desc(count(postCategories.postId)), asc(categories.name))
    .all()
    .map((c) => c.name);
}

// ------------------------------------------------------------------ save, publish, unpublish

export { MAX_CATEGORIES, MAX_CATEGORY_NAME };

export type PostDocument = {
  title: string;
  /** As typed; ignored when `slugAuto` (see chooseSlug). */
  slug: string;
  slugAuto: boolean;
  bodyMarkdown: string;
  commentsEnabled: boolean;
  conferenceId: number | null;
  categories: string[];
  talks: { talkId: number; note: string }[];
  /** `bodyMarkdown` already rendered (off the request thread, lib/render-off-thread.ts); else rendered here. */
  rendered?: ReturnType<typeof renderPostColumns>;
};

export type SaveIntent =
  | { kind: 'save' }
  | { kind: 'publish'; publishedAt: number; utcOffsetMinutes: number }
  | { kind: 'unpublish' };

export type SavedPost = {
  ok: true;
  version: number;
  slug: string;
  status: 'draft' | 'published';
  state: Exclude<PostState, 'deleted'>;
  publishedAt: number | null;
  utcOffsetMinutes: number;
  updatedAt: number;
  revisionId: number | null;
};

export type ConflictingPost = { version: number; title: string; bodyMarkdown: string; updatedAt: number };

export type SaveResult =
  | SavedPost
  | { ok: false; reason: 'not-found' }
  | { ok: false; reason: 'conflict'; current: ConflictingPost }
  | { ok: false; reason: 'slug-taken'; slug: string }
  | { ok: false; reason: 'unknown-conference' }
  | { ok: false; reason: 'unknown-talks' }
  | { ok: false; reason: 'title-required' };

class Conflict extends Error {}

/**
 * Saves the editor's document, and optionally publishes (now, back-dated or scheduled) or
 * unpublishes it, in one transaction guarded by the version the editor started from: if the post
 * changed since (another tab, another admin), nothing is written and the current text comes back.
 *
 * Markdown is rendered here, once, and only when it changed. A save that leaves the post
 * published (an update, or a publish) keeps a revision unless the latest one is identical.
 */
export function savePost(
  { id, userId, isAdmin, version }: { id: number; version: number } & Access,
  doc: PostDocument,
  intent: SaveIntent = { kind: 'save' },
  now = Date.now(),
): SaveResult {
  const access = { userId, isAdmin };
  const current = db.select().from(posts).where(editable(id, access)).get();
  if (!current) return { ok: false, reason: 'not-found' };
  const conflict = (): SaveResult => {
    const c = db
      .select({ version: posts.version, title: posts.title, bodyMarkdown: posts.bodyMarkdown, updatedAt: posts.updatedAt })
      .from(posts)
      .where(eq(posts.id, id))
      .get()!;
    return { ok: false, reason: 'conflict', current: c };
  };
  if (current.version !== version) return conflict();

  const title = doc.title.trim();
  if (intent.kind === 'publish' && !title) return { ok: false, reason: 'title-required' };

  // Rendering is the slow part: do it before taking the write lock, and only when needed.
  const bodyChanged = doc.bodyMarkdown !== current.bodyMarkdown;
  const rendered = bodyChanged ? (doc.rendered ?? renderPostColumns(doc.bodyMarkdown)) : null;

  const everPublished = current.publishedAt !== null || current.status === 'published';
  const choice = chooseSlug({ requested: doc.slug, auto: doc.slugAuto, title, current: current.slug, everPublished });

  try {
    return db.transaction((tx): SaveResult => {
      if (doc.conferenceId !== null && !tx.select({ id: conferences.id }).from(conferences).where(eq(conferences.id, doc.conferenceId)).get()) {
        return { ok: false, reason: 'unknown-conference' };
      }
      const talkIds = doc.talks.map((t) => t.talkId);
      if (talkIds.length) {
        const known = doc.conferenceId === null
          ? []
          : tx.select({ id: talks.id }).from(talks).where(and(inArray(talks.id, talkIds), eq(talks.conferenceId, doc.conferenceId))).all();
        if (known.length !== new Set(talkIds).size) return { ok: false, reason: 'unknown-talks' };
      }

      let slug = choice.slug;
      if (slug !== current.slug) {
        if (choice.derived) slug = uniqueSlug(slug, (s) => s === current.slug ? false : slugTaken(tx, s, id));
        else if (slugTaken(tx, slug, id)) return { ok: false, reason: 'slug-taken', slug };
      }
      if (slug !== current.slug) {
        // Links to a post readers have seen must keep working: remember the old slug.
        if (everPublished) tx.insert(postSlugs).values({ slug: current.slug, postId: id }).onConflictDoNothing().run();
        // Taking a former slug of this very post back: it is current again, not a redirect.
        tx.delete(postSlugs).where(and(eq(postSlugs.slug, slug), eq(postSlugs.postId, id))).run();
      }

      // `editable()` never returns a deleted post.
      const status: 'draft' | 'published' = intent.kind === 'publish' ? 'published' : intent.kind === 'unpublish' ? 'draft' : current.status === 'published' ? 'published' : 'draft';
      const publishedAt = intent.kind === 'publish' ? intent.publishedAt : current.publishedAt;
      const utcOffsetMinutes = intent.kind === 'publish' ? intent.utcOffsetMinutes : current.utcOffsetMinutes;
      const updatedAt = Math.max(now, current.updatedAt + 1);

      const updated = tx
        .update(posts)
        .set({
          title,
          slug,
          bodyMarkdown: doc.bodyMarkdown,
          ...(rendered ?? {}),
          commentsEnabled: doc.commentsEnabled,
          conferenceId: doc.conferenceId,
          status,
          publishedAt,
          utcOffsetMinutes,
          version: sql`${posts.version} + 1`,
          updatedAt,
        })
        .where(and(eq(posts.id, id), eq(posts.version, version)))
        .run();
      // Another process saved between our read and this write.
      if (updated.changes !== 1) throw new Conflict();

      replaceCategories(tx, id, doc.categories);
      const notesChanged = replaceTalks(tx, id, doc.talks);
      if (bodyChanged || notesChanged) updateReadingMinutes(tx, id);
      // The editor sends its whole document: whatever a working copy held is in this save.
      tx.delete(postWorkingCopies).where(eq(postWorkingCopies.postId, id)).run();

      let revisionId: number | null = null;
      const contentChanged = title !== current.title || bodyChanged;
      if (status === 'published' && (intent.kind === 'publish' || contentChanged)) {
        revisionId = keepRevision(tx, { postId: id, title, bodyMarkdown: doc.bodyMarkdown, editorId: userId, at: updatedAt });
      }
      const state = postState({ status, publishedAt }, now) as SavedPost['state'];
      return { ok: true, version: current.version + 1, slug, status, state, publishedAt, utcOffsetMinutes, updatedAt, revisionId };
    });
  } catch (error) {
    if (error instanceof Conflict) return conflict();
    throw error;
  }
}

function replaceCategories(tx: Tx, postId: number, names: string[]) {
  const cleaned = names.map((raw) => raw.trim().replace(/\s+/g, ' ')).filter(Boolean);
  tx.delete(postCategories).where(eq(postCategories.postId, postId)).run();
  if (cleaned.length === 0) return;
  // New names become categories; an existing one keeps its established spelling.
  const rows = findOrCreateByNames(tx, categories, cleaned);
  const ids = [...new Set(cleaned.map((name) => rows.get(nameKey(name))!.id))];
  tx.insert(postCategories).values(ids.map((categoryId) => ({ postId, categoryId }))).run();
}

/** Replaces the post's talks and notes; answers whether any note changed. */
function replaceTalks(tx: Tx, postId: number, covered: { talkId: number; note: string }[]): boolean {
  // Notes are rendered on save like the body; unchanged notes keep their HTML.
  const previous = new Map(
    tx
      .select({ talkId: postTalks.talkId, noteMarkdown: postTalks.noteMarkdown, noteHtml: postTalks.noteHtml })
      .from(postTalks)
      .where(eq(postTalks.postId, postId))
      .all()
      .map((r) => [r.talkId, r]),
  );
  tx.delete(postTalks).where(eq(postTalks.postId, postId)).run();
  const seen = new Set<number>();
  const rows = covered
    .filter((t) => !seen.has(t.talkId) && seen.add(t.talkId))
    .map((t, position) => {
      const before = previous.get(t.talkId);
      const noteHtml = before && before.noteMarkdown === t.note ? before.noteHtml : t.note.trim() ? renderNote(t.note) : '';
      return { postId, talkId: t.talkId, position, noteMarkdown: t.note, noteHtml };
    });
  if (rows.length) tx.insert(postTalks).values(rows).run();
  return rows.length !== previous.size || rows.some((r) => previous.get(r.talkId)?.noteMarkdown !== r.noteMarkdown);
}

function keepRevision(
  tx: Pick<DB, 'select' | 'insert'>,
  r: { postId: number; title: string; bodyMarkdown: string; editorId: number; at: number },
): number | null {
  const latest = tx
    .select({ title: postRevisions.title, bodyMarkdown: postRevisions.bodyMarkdown })
    .from(postRevisions)
    .where(eq(postRevisions.postId, r.postId))
    .orderBy(desc(postRevisions.createdAt), desc(postRevisions.id))
    .limit(1)
    .get();
  if (latest && latest.title === r.title && latest.bodyMarkdown === r.bodyMarkdown) return null;
  const [row] = tx
    .insert(postRevisions)
    .values({ postId: r.postId, title: r.title, bodyMarkdown: r.bodyMarkdown, editorId: r.editorId, createdAt: r.at })
    .returning({ id: postRevisions.id })
    .all();
  return row.id;
}

// ------------------------------------------------------------------ working copies

export type WorkingCopy = { doc: EditorDoc; baseVersion: number; updatedAt: number };

/** What `saveWorkingCopy` was given, read back; a row of another shape is no copy at all. */
const workingCopyDocument = z.object({
  title: z.string(),
  slug: z.string(),
  slugAuto: z.boolean(),
  body: z.string(),
  commentsEnabled: z.boolean(),
  conferenceId: z.number().int().nullable(),
  categories: z.array(z.string()),
  talks: z.array(z.object({ talkId: z.number().int(), note: z.string() })),
});

export type WorkingCopyResult =
  | { ok: true; updatedAt: number }
  | { ok: false; reason: 'not-found' }
  | { ok: false; reason: 'not-published' }
  | { ok: false; reason: 'conflict'; current: ConflictingPost };

/** The pending changes to a published post this user may edit, or null. */
export function getWorkingCopy({ id, userId, isAdmin }: { id: number } & Access): WorkingCopy | null {
  const row = db
    .select({ document: postWorkingCopies.document, baseVersion: postWorkingCopies.baseVersion, updatedAt: postWorkingCopies.updatedAt })
    .from(postWorkingCopies)
    .innerJoin(posts, eq(posts.id, postWorkingCopies.postId))
    .where(and(editable(id, { userId, isAdmin }), eq(posts.status, 'published')))
    .get();
  if (!row) return null;
  let parsed;
  try {
    parsed = workingCopyDocument.safeParse(JSON.parse(row.document));
  } catch {
    return null;
  }
  return parsed.success ? { doc: parsed.data, baseVersion: row.baseVersion, updatedAt: row.updatedAt } : null;
}

/**
 * Keeps the editor's document (JSON, already validated) as the post's working copy. Only a
 * published post has one (a draft saves itself), and only from the post's current version: a
 * copy of an older version would hide someone else's update.
 */
export function saveWorkingCopy(
  { id, version, userId, isAdmin }: { id: number; version: number } & Access,
  doc: EditorDoc,
  now = Date.now(),
): WorkingCopyResult {
  const document = JSON.stringify(workingCopyDocument.parse(doc));
  return db.transaction((tx): WorkingCopyResult => {
    const post = tx
      .select({ status: posts.status, version: posts.version, title: posts.title, bodyMarkdown: posts.bodyMarkdown, updatedAt: posts.updatedAt })
      .from(posts)
      .where(editable(id, { userId, isAdmin }))
      .get();
    if (!post) return { ok: false, reason: 'not-found' };
    if (post.status !== 'published') return { ok: false, reason: 'not-published' };
    if (post.version !== version) return { ok: false, reason: 'conflict', current: post };
    const row = { document, baseVersion: version, editorId: userId, updatedAt: now };
    tx.insert(postWorkingCopies).values({ postId: id, ...row }).onConflictDoUpdate({ target: postWorkingCopies.postId, set: row }).run();
    return { ok: true, updatedAt: now };
  });
}

/** Drops a post's working copy: the editor returns to the published text. */
export function discardWorkingCopy({ id, userId, isAdmin }: { id: number } & Access): { ok: boolean } {
  if (!db.select({ id: posts.id }).from(posts).where(editable(id, { userId, isAdmin })).get()) return { ok: false };
  db.delete(postWorkingCopies).where(eq(postWorkingCopies.postId, id)).run();
  return { ok: true };
}

// ------------------------------------------------------------------ delete

/**
 * Soft delete: the row stays with status 'deleted' so its address answers 410 Gone (proxy.ts)
 * and its slug is never handed to another post.
 */
export function deletePost({ id, userId, isAdmin }: { id: number } & Access, now = Date.now()): { ok: boolean } {
  const result = db
    .update(posts)
    .set({ status: 'deleted', deletedAt: now, version: sql`${posts.version} + 1`, updatedAt: now })
    .where(editable(id, { userId, isAdmin }))
    .run();
  if (result.changes === 1) db.delete(postWorkingCopies).where(eq(postWorkingCopies.postId, id)).run();
  return { ok: result.changes === 1 };
}

// ------------------------------------------------------------------ revisions

export type PostRevision = { id: number; title: string; bodyMarkdown: string; createdAt: number; editorName: string | null };

/** A post's revisions, newest first, with its current text to compare them with. */
export function getPostRevisions({ id, userId, isAdmin }: { id: number } & Access) {
  const post = db
    .select({
      id: posts.id,
      slug: posts.slug,
      title: posts.title,
      bodyMarkdown: posts.bodyMarkdown,
      status: posts.status,
      publishedAt: posts.publishedAt,
      version: posts.version,
      updatedAt: posts.updatedAt,
    })
    .from(posts)
    .where(editable(id, { userId, isAdmin }))
    .get();
  if (!post) return null;
  const revisions: PostRevision[] = db
    .select({
      id: postRevisions.id,
      title: postRevisions.title,
      bodyMarkdown: postRevisions.bodyMarkdown,
      createdAt: postRevisions.createdAt,
      editorName: users.name,
    })
    .from(postRevisions)
    .leftJoin(users, eq(users.id, postRevisions.editorId))
    .where(eq(postRevisions.postId, id))
    .orderBy(desc(postRevisions.createdAt), desc(postRevisions.id))
    .all();
  return { post: { ...post, state: postState(post) }, revisions };
}

export type RestoreResult =
  | { ok: true; mode: 'saved'; version: number }
  | { ok: true; mode: 'editor'; title: string; bodyMarkdown: string }
  | { ok: false; reason: 'not-found' };

/**
 * Restoring never publishes by itself:
 * - a draft gets the revision's title and text as a new version (its current text is kept as a
 *   revision first, so the restore can itself be undone);
 * - a published or scheduled post is left as readers see it, and the revision comes back for the
 *   editor to load as unsaved changes, to be reviewed and published with "Update".
 */
export function restorePostRevision(
  { id, revisionId, userId, isAdmin }: { id: number; revisionId: number } & Access,
  now = Date.now(),
): RestoreResult {
  const post = db.select().from(posts).where(editable(id, { userId, isAdmin })).get();
  if (!post) return { ok: false, reason: 'not-found' };
  const revision = db
    .select({ title: postRevisions.title, bodyMarkdown: postRevisions.bodyMarkdown })
    .from(postRevisions)
    .where(and(eq(postRevisions.id, revisionId), eq(postRevisions.postId, id)))
    .get();
  if (!revision) return { ok: false, reason: 'not-found' };
  if (post.status === 'published') return { ok: true, mode: 'editor', ...revision };

  const rendered = renderPostColumns(revision.bodyMarkdown);
  return db.transaction((tx) => {
    if (post.title.trim() || post.bodyMarkdown.trim()) {
      keepRevision(tx, { postId: id, title: post.title, bodyMarkdown: post.bodyMarkdown, editorId: userId, at: now });
    }
    tx.update(posts)
      .set({ title: revision.title, bodyMarkdown: revision.bodyMarkdown, ...rendered, version: sql`${posts.version} + 1`, updatedAt: Math.max(now, post.updatedAt + 1) })
      .where(eq(posts.id, id))
      .run();
    updateReadingMinutes(tx, id);
    return { ok: true as const, mode: 'saved' as const, version: post.version + 1 };
  });
}

// ------------------------------------------------------------------ uploads

/** Records an upload; the same bytes uploaded twice are one file and one row. */
export function recordUpload(u: { ownerId: number; fileName: string; mimeType: string; bytes: number; width: number | null; height: number | null }) {
  db.insert(uploads).values(u).onConflictDoNothing().run();
}

/** One revision of a post this user may edit (to load it into the editor), or null. */
export function getPostRevision({ id, revisionId, userId, isAdmin }: { id: number; revisionId: number } & Access) {
  return (
    db
      .select({ id: postRevisions.id, title: postRevisions.title, bodyMarkdown: postRevisions.bodyMarkdown, createdAt: postRevisions.createdAt })
      .from(postRevisions)
      .innerJoin(posts, eq(posts.id, postRevisions.postId))
      .where(and(eq(postRevisions.id, revisionId), editable(id, { userId, isAdmin })))
      .get() ?? null
  );
}

/**
 * The post as its page will show it (the HTML rendered at the last save), for the author's
 * preview of a draft. Same shape as the reader query's result, whatever the post's status.
 */
export function getPostPreview({ id, userId, isAdmin }: { id: number } & Access) {
  const post = db
    .select({
      id: posts.id,
      slug: posts.slug,
      title: posts.title,
      bodyHtml: posts.bodyHtml,
      tocJson: posts.tocJson,
      readingMinutes: posts.readingMinutes,
      status: posts.status,
      publishedAt: posts.publishedAt,
      utcOffsetMinutes: posts.utcOffsetMinutes,
      updatedAt: posts.updatedAt,
      authorName: users.name,
      conferenceSlug: conferences.slug,
      conferenceName: conferences.name,
    })
    .from(posts)
    .leftJoin(users, eq(users.id, posts.authorId))
    .leftJoin(conferences, eq(conferences.id, posts.conferenceId))
    .where(editable(id, { userId, isAdmin }))
    .get();
  if (!post) return null;
  const cats = db
    .select({ slug: categories.slug, name: categories.name })
    .from(postCategories)
    .innerJoin(categories, eq(categories.id, postCategories.categoryId))
    .where(eq(postCategories.postId, id))
    .orderBy(asc(categories.name))
    .all();
  const covered = db
    .select({ talkId: postTalks.talkId, noteHtml: postTalks.noteHtml })
    .from(postTalks)
    .where(eq(postTalks.postId, id))
    .orderBy(asc(postTalks.position))
    .all();
  const cards = new Map(getTalkCards(covered.map((c) => c.talkId)).map((t) => [t.id, t]));
  return {
    ...post,
    state: postState(post),
    categories: cats,
    toc: JSON.parse(post.tocJson) as { depth: 2 | 3; id: string; text: string }[],
    talks: covered.flatMap((c) => {
      const card = cards.get(c.talkId);
      return card ? [{ ...card, noteHtml: c.noteHtml }] : [];
    }),
  };
}
