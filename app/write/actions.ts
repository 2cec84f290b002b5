'use server';

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { imageSize } from 'image-size';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { createConferenceQuick } from '@/db/conferences';
import {
  createPost,
  deletePost,
  discardWorkingCopy,
  getPostStatusForEditor,
  recordUpload,
  restorePostRevision,
  savePost,
  saveWorkingCopy,
  type SaveIntent,
} from '@/db/posts';
import { action, ActionError, type ActionState } from '@/lib/action';
import { hasRole } from '@/lib/auth/roles';
import { encodeConflict, encodeCopySaved, encodeSaved } from '@/lib/editor-protocol';
import { formatBytes, MAX_UPLOAD_BYTES, sniffImageType } from '@/lib/image-type';
import { decidePublish, parseUtcOffset, slugProblem } from '@/lib/post-rules';
import { renderPostOffThread } from '@/lib/render-off-thread';
import { uploadsDir } from '@/lib/render-post';
import { collectPostPaths, revalidatePost } from '@/lib/revalidate';
import { categoryNames, checkbox, conferenceName, dateSchema, idSchema, noteSchema, optionalId, postBodySchema, postTitleSchema, timeZoneSchema } from '@/lib/write-schemas';

/**
 * Server actions of the recap editor (/write). Each goes through `action()` (lib/action.ts):
 * Origin check, session, role 'author' (admins included), zod. Ownership is then enforced by the
 * queries in db/posts.ts themselves: an author's call on someone else's post finds nothing.
 */

const accessOf = (user: { id: number; role: 'reader' | 'author' | 'admin' }) => ({ userId: user.id, isAdmin: hasRole(user, 'admin') });

const NOT_FOUND = 'This recap does not exist, or it is not yours to edit.';
const CHANGED_ELSEWHERE = 'Not saved: this recap was changed somewhere else (another tab, or another editor) since you opened it.';

// ------------------------------------------------------------------ create

export const createPostAction = action(
  {
    role: 'author',
    schema: z.object({ utcOffset: z.string().max(10).optional() }),
  },
  async ({ utcOffset }, user) => {
    const { id } = createPost({ userId: user.id, utcOffsetMinutes: parseUtcOffset(utcOffset ?? '') ?? 0 });
    // The wrapper lets navigation through (unstable_rethrow): straight into the new draft.
    redirect(`/write/${id}`);
  },
);

// ------------------------------------------------------------------ save / publish / unpublish

const talksSchema = z
  .preprocess(
    (v) => {
      if (typeof v !== 'string' || !v.trim()) return [];
      try {
        return JSON.parse(v);
      } catch {
        return null;
      }
    },
    z
      .array(z.object({ talkId: z.number().int().positive(), note: noteSchema.transform((v) => v.replace(/\r\n?/g, '\n')) }), {
        message: 'The list of talks could not be read.',
      })
      .max(200, 'At most 200 talks in one recap.'),
  );

/**
 * Browsers send form text with CRLF line breaks (multipart encoding normalises them); markdown is
 * stored with LF, so a save of unchanged text is unchanged and revision diffs compare lines.
 */
const lf = (v: string) => v.replace(/\r\n?/g, '\n');

const saveSchema = z.object({
  id: idSchema,
  version: z.coerce.number().int().min(1),
  intent: z.enum(['save', 'publish', 'unpublish']).default('save'),
  title: postTitleSchema.default('').transform((v) => lf(v).replace(/\n+/g, ' ')),
  slug: z.string().max(200).default(''),
  slugAuto: checkbox,
  body: postBodySchema.default('').transform(lf),
  commentsEnabled: checkbox,
  conferenceId: optionalId,
  categories: categoryNames,
  talks: talksSchema,
  publishMode: z.enum(['now', 'at']).default('now'),
  publishAt: z.string().max(40).default(''),
  utcOffset: z.string().max(10).default('+00:00'),
});

/**
 * Saves the editor's whole document (autosave, "Update"), and with `intent` publishes (now,
 * back-dated or scheduled) or unpublishes it in the same transaction. The version the editor
 * started from guards it: a stale one gets the current text back and writes nothing.
 */
export const savePostAction = action({ role: 'author', schema: saveSchema }, async (data, user): Promise<ActionState> => {
  const access = accessOf(user);
  const fieldErrors: Record<string, string[]> = {};
  const slug = data.slug.trim();
  if (!data.slugAuto) {
    const problem = slugProblem(slug);
    if (problem) fieldErrors.slug = [problem];
  }
  const offset = parseUtcOffset(data.utcOffset);
  if (offset === null) fieldErrors.utcOffset = ['Enter a UTC offset such as +01:00 or -07:00.'];

  let intent: SaveIntent = { kind: 'save' };
  if (data.intent === 'unpublish') intent = { kind: 'unpublish' };
  if (data.intent === 'publish' && offset !== null) {
    const decision = decidePublish(
      data.publishMode === 'now' ? { mode: 'now' } : { mode: 'at', local: data.publishAt, offsetMinutes: offset },
      Date.now(),
      offset,
    );
    if (!decision.ok) fieldErrors[decision.field] = [decision.message];
    else intent = { kind: 'publish', publishedAt: decision.publishedAt, utcOffsetMinutes: decision.utcOffsetMinutes };
  }
  if (data.intent === 'publish' && !data.title.trim()) fieldErrors.title = ['Give the recap a title before publishing it.'];
  if (Object.keys(fieldErrors).length) return { ok: false, message: 'Not saved: please correct the highlighted fields.', fieldErrors };

  const before = getPostStatusForEditor({ id: data.id, ...access });
  if (!before) return { ok: false, message: NOT_FOUND };
  const rendered = await renderPostOffThread(data.body);
  if (!rendered.ok) return { ok: false, message: 'Not saved: the recap text could not be rendered.', fieldErrors: { body: [rendered.message] } };
  // Drafts are on no reader page: their autosaves skip the (cheap, but not free) path collection.
  const readersMaySeeIt = before.status === 'published' || intent.kind !== 'save';
  const pathsBefore = readersMaySeeIt ? collectPostPaths(data.id) : [];

  const result = savePost(
    { id: data.id, version: data.version, ...access },
    {
      title: data.title,
      slug,
      slugAuto: data.slugAuto,
      bodyMarkdown: data.body,
      commentsEnabled: data.commentsEnabled,
      conferenceId: data.conferenceId,
      categories: data.categories,
      talks: data.talks,
      rendered: rendered.columns,
    },
    intent,
  );

  if (!result.ok) {
    switch (result.reason) {
      case 'not-found':
        return { ok: false, message: NOT_FOUND };
      case 'conflict':
        return {
          ok: false,
          message: CHANGED_ELSEWHERE,
          values: encodeConflict({ version: result.current.version, title: result.current.title, body: result.current.bodyMarkdown, updatedAt: result.current.updatedAt }),
        };
      case 'slug-taken':
        return { ok: false, message: 'Not saved: that slug is taken.', fieldErrors: { slug: [`Another recap uses “${result.slug}”. Pick a different slug.`] } };
      case 'unknown-conference':
        return { ok: false, message: 'Not saved: that conference no longer exists.', fieldErrors: { conferenceId: ['Pick another conference.'] } };
      case 'unknown-talks':
        return { ok: false, message: 'Not saved: some of the talks are not part of the chosen conference.', fieldErrors: { talks: ['Remove the talks of the previous conference, or pick it again.'] } };
      case 'title-required':
        return { ok: false, message: 'Not published.', fieldErrors: { title: ['Give the recap a title before publishing it.'] } };
    }
  }

  if (readersMaySeeIt || result.status === 'published') revalidatePost(data.id, pathsBefore);
  const message =
    intent.kind === 'unpublish'
      ? 'Unpublished: readers no longer see this recap.'
      : intent.kind === 'publish'
        ? result.state === 'scheduled'
          ? 'Scheduled.'
          : 'Published.'
        : before.status === 'published' && result.state === 'published'
          ? 'Updated: readers see this version.'
          : undefined;
  return { ok: true, message, values: encodeSaved(result) };
});

// ------------------------------------------------------------------ working copy of a published recap

const workingCopySchema = saveSchema.pick({ id: true, version: true, title: true, slug: true, slugAuto: true, body: true, commentsEnabled: true, conferenceId: true, categories: true, talks: true });

/**
 * Autosaves the editor's document of a published recap as its working copy: kept on the server,
 * seen by no reader, published only by "Update" (savePostAction). Nothing is rendered here: the
 * text is checked when it is published.
 */
export const saveWorkingCopyAction = action({ role: 'author', schema: workingCopySchema }, async (data, user): Promise<ActionState> => {
  const { id, version, body, ...rest } = data;
  const result = saveWorkingCopy({ id, version, ...accessOf(user) }, { ...rest, slug: rest.slug.trim(), body });
  if (result.ok) return { ok: true, values: encodeCopySaved(result.updatedAt) };
  switch (result.reason) {
    case 'not-found':
      return { ok: false, message: NOT_FOUND };
    case 'not-published':
      return { ok: false, message: 'Not saved: this recap is no longer published. Reload the page to edit it as a draft.' };
    case 'conflict':
      return {
        ok: false,
        message: CHANGED_ELSEWHERE,
        values: encodeConflict({ version: result.current.version, title: result.current.title, body: result.current.bodyMarkdown, updatedAt: result.current.updatedAt }),
      };
  }
});

/** "Discard changes": the working copy goes, the editor returns to the published text. */
export const discardWorkingCopyAction = action({ role: 'author', schema: z.object({ id: idSchema }) }, async ({ id }, user): Promise<ActionState> => {
  if (!discardWorkingCopy({ id, ...accessOf(user) }).ok) return { ok: false, message: NOT_FOUND };
  return { ok: true, values: encodeCopySaved(Date.now()) };
});

// ------------------------------------------------------------------ delete

export const deletePostAction = action(
  {
    role: 'author',
    schema: z.object({ id: idSchema, confirm: z.literal('delete', { message: 'Confirm that you want to delete this recap.' }) }),
    redirectTo: '/write?deleted=1',
  },
  async ({ id }, user) => {
    const access = accessOf(user);
    if (!getPostStatusForEditor({ id, ...access })) return { ok: false, message: NOT_FOUND };
    const pathsBefore = collectPostPaths(id);
    if (!deletePost({ id, ...access }).ok) return { ok: false, message: NOT_FOUND };
    revalidatePost(id, pathsBefore);
    return { ok: true };
  },
);

// ------------------------------------------------------------------ revisions

export const restoreRevisionAction = action(
  {
    role: 'author',
    schema: z.object({ id: idSchema, revisionId: idSchema }),
    redirectTo: ({ id, revisionId }) => `/write/${id}?restored=${revisionId}`,
  },
  async ({ id, revisionId }, user) => {
    const result = restorePostRevision({ id, revisionId, ...accessOf(user) });
    if (!result.ok) return { ok: false, message: 'This revision does not exist, or the recap is not yours to edit.' };
    return { ok: true };
  },
);

// ------------------------------------------------------------------ uploads

const uploadSchema = z.object({
  file: z.instanceof(File, { message: 'Choose an image to upload.' }),
});

/**
 * Stores an image under the data folder, named by the SHA-256 of its bytes (the same image twice
 * is one file), after checking what the bytes are: PNG, JPEG, WebP or GIF, at most 10 MB.
 * Answers with the markdown to insert at the cursor.
 */
export const uploadImageAction = action({ role: 'author', schema: uploadSchema }, async ({ file }, user) => {
  const refuse = (message: string): never => {
    throw new ActionError(message, { file: [message] });
  };
  if (file.size === 0) refuse(`“${file.name}” is empty.`);
  if (file.size > MAX_UPLOAD_BYTES) refuse(`“${file.name}” is ${formatBytes(file.size)}; images can be at most ${formatBytes(MAX_UPLOAD_BYTES)}.`);
  const bytes = new Uint8Array(await file.arrayBuffer());
  const type = sniffImageType(bytes);
  if (!type) refuse(`“${file.name}” is not a PNG, JPEG, WebP or GIF image (checked from its contents, not its name), so it was not uploaded.`);
  let size: { width?: number; height?: number };
  try {
    size = imageSize(bytes);
  } catch {
    return refuse(`“${file.name}” looks like an image but could not be read: it may be damaged.`);
  }
  const name = `${crypto.createHash('sha256').update(bytes).digest('hex')}.${type!.ext}`;
  const target = path.join(uploadsDir, name);
  if (!fs.existsSync(target)) {
    fs.mkdirSync(uploadsDir, { recursive: true });
    // Write then rename: a reader never sees half a file under the final name.
    const temp = `${target}.${crypto.randomBytes(6).toString('hex')}.tmp`;
    fs.writeFileSync(temp, bytes);
    fs.renameSync(temp, target);
  }
  recordUpload({ ownerId: user.id, fileName: name, mimeType: type!.mimeType, bytes: bytes.byteLength, width: size.width ?? null, height: size.height ?? null });
  const alt = file.name.replace(/\.[^.]+$/, '').replace(/[[\]\\\n\r]/g, ' ').replace(/[-_]+/g, ' ').trim() || 'Image';
  const url = `/uploads/${name}`;
  return {
    ok: true,
    message: `Uploaded “${file.name}”.`,
    values: { url, markdown: `![${alt}](${url})`, width: String(size.width ?? ''), height: String(size.height ?? '') },
  };
});

// ------------------------------------------------------------------ a conference, from the editor

export const createConferenceInlineAction = action(
  {
    role: 'author',
    schema: z
      .object({
        name: conferenceName,
        startDate: dateSchema,
        endDate: dateSchema,
        timeZone: timeZoneSchema,
      })
      .refine((d) => d.endDate >= d.startDate, { path: ['endDate'], message: 'The last day cannot be before the first.' }),
  },
  async (data, user) => {
    const { id } = createConferenceQuick({ userId: user.id, ...data });
    revalidatePath('/conferences');
    return { ok: true, message: `Created “${data.name}”. Add its days and talks under Conferences.`, values: { conferenceId: String(id), name: data.name } };
  },
);
