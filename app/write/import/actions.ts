'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { db } from '@/db/index';
import { importPost, ImportError, type TalkDecision } from '@/db/import';
import { importKeyFor, knownTalks, planImport, type ConferenceChoice, type ImportPlan } from '@/db/import-plan';
import { action, ActionError, MESSAGES } from '@/lib/action';
import { isLocalImage } from '@/lib/jekyll/images';
import { titleOverlap } from '@/lib/jekyll/match';
import { readPostsOffThread } from '@/lib/jekyll/read';
import { mapImageSource, type ImageSource } from '@/lib/jekyll/source';
import { CONFIDENT } from '@/lib/jekyll/structure';
import type { ParsedPost, ParseResult } from '@/lib/jekyll/types';
import { readZip, ZipRefused } from '@/lib/jekyll/zip';
import { speakerNames, talkTitle } from '@/lib/write-schemas';
import type { ImportFileReport, ImportFileResult, ImportState, ReviewTalk } from './types';

/**
 * /write/import. Both actions re-read the uploaded files (the browser sends them again on
 * confirm), so nothing is kept on the server between the review and the import. Authors and
 * admins only; every post is credited to the signed-in user, never to an id from the form.
 *
 * Uploads are read off the request path: posts on a worker thread within a time budget, the
 * image zip as a stream that stops at the sizes its entries declare (lib/jekyll/read.ts, zip.ts).
 */

const MAX_FILES = 50;
/** A recap is at most 200,000 characters (the editor's limit, checked when read); bytes allow for any script. */
const MAX_MARKDOWN_BYTES = 1024 * 1024;
// Under the server-action body limit (next.config.ts) together with the markdown files.
const MAX_ZIP_BYTES = 10 * 1024 * 1024;
const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
const MAX_UNZIPPED_BYTES = 100 * 1024 * 1024;
const IMAGE_NAME = /\.(?:png|jpe?g|gif|webp)$/i;

const asList = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
// An empty file input still sends one nameless, empty file.
const chosenFiles = (v: unknown) => asList(v).filter((f) => !(f instanceof File) || f.size > 0 || f.name !== '');

const schema = z.looseObject({
  files: z.preprocess(
    chosenFiles,
    z
      .array(z.instanceof(File))
      .min(1, 'Choose at least one markdown file.')
      .max(MAX_FILES, `Import at most ${MAX_FILES} files at a time.`)
      .refine((files) => files.every((f) => f.size <= MAX_MARKDOWN_BYTES), 'Each markdown file must be smaller than 1 MB (a recap is at most 200,000 characters).'),
  ),
  images: z.preprocess(
    (v) => (v instanceof File && v.size > 0 ? v : undefined),
    z.instanceof(File).refine((f) => f.size <= MAX_ZIP_BYTES, 'The image zip must be smaller than 10 MB.').optional(),
  ),
  repairEncoding: z.preprocess((v) => v === 'on' || v === 'true', z.boolean()),
  conference: z.preprocess(asList, z.array(z.string().max(200))),
  newConferenceName: z.preprocess(asList, z.array(z.string().trim().max(120))),
});
type Input = z.output<typeof schema>;

/** The images of an uploaded zip, by path inside it. */
async function readImageZip(file: File | undefined): Promise<ImageSource | null> {
  if (!file) return null;
  try {
    const entries = await readZip(new Uint8Array(await file.arrayBuffer()), {
      accept: (name) => IMAGE_NAME.test(name) && !name.split('/').some((part) => part.startsWith('.')),
      maxEntryBytes: MAX_IMAGE_BYTES,
      maxTotalBytes: MAX_UNZIPPED_BYTES,
    });
    const files = new Map<string, Uint8Array>();
    for (const [name, bytes] of entries) files.set(name.replace(/\\/g, '/').replace(/^\.?\//, ''), bytes);
    return mapImageSource(files);
  } catch (error) {
    if (!(error instanceof ZipRefused)) throw error;
    throw new ActionError('The image archive was refused.', { images: [error.message] });
  }
}

async function readPosts(data: Input): Promise<ParseResult[]> {
  const files = await Promise.all(data.files.map(async (f) => ({ file: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
  return readPostsOffThread(files, { repairEncoding: data.repairEncoding });
}

function choiceFor(value: string | undefined, newName: string | undefined): ConferenceChoice {
  if (!value || value === 'auto') return { kind: 'auto' };
  if (value === 'none') return { kind: 'none' };
  if (value === 'new') return { kind: 'new', name: newName ?? '' };
  if (value.startsWith('existing:')) return { kind: 'existing', slug: value.slice('existing:'.length) };
  return { kind: 'auto' };
}

// ------------------------------------------------------------------ the review

function reviewTalks(post: ParsedPost, plan: ImportPlan): ImportFileReport['days'] {
  const known = plan.conference.kind === 'existing' ? knownTalks(db, plan.conference.id) : [];
  const previously = plan.previouslyCovered && plan.previouslyCovered.size ? plan.previouslyCovered : null;
  return post.days.map((d) => ({
    label: d.label,
    heading: d.heading,
    date: d.date,
    track: d.track,
    host: d.host,
    talks: d.talks.map((t): ReviewTalk => {
      const m = plan.matches.get(t.index) ?? null;
      const confident = t.confidence >= CONFIDENT;
      // Re-importing: keep the author's earlier choice (a talk left out then stays out).
      const ticked = previously ? previously.has(t.index) : confident;
      const choices = known
        .map((k) => ({ talkId: k.id, title: k.title, overlap: titleOverlap(t.title, k.title) }))
        .filter((k) => k.overlap > 0 && !(m?.kind === 'existing' && m.talkId === k.talkId))
        .sort((a, b) => b.overlap - a.overlap)
        .slice(0, 6)
        .map(({ talkId, title }) => ({ talkId, title }));
      return {
        index: t.index,
        title: t.title,
        speakers: t.speakers,
        url: t.url,
        links: t.links.map(({ kind, url }) => ({ kind, url })),
        confidence: t.confidence,
        confident,
        ticked,
        shape: t.shape,
        reasons: t.reasons,
        lines: t.source,
        match: m && (m.kind === 'existing' ? { kind: 'existing', talkId: m.talkId, title: m.title, by: m.by } : { kind: 'new' }),
        choices,
        note: previously && confident && !ticked ? 'Left out when this recap was last imported.' : null,
      };
    }),
  }));
}

function report(file: File, parsed: ParseResult, images: ImageSource | null, plan: ImportPlan | null): ImportFileReport {
  if (!parsed.ok) {
    return {
      name: file.name, error: parsed.error, title: null, date: null, published: null, categories: [], days: [], talkCount: 0,
      images: [], embeds: [], warnings: parsed.warnings, problems: [], conference: { kind: 'none', reason: 'not readable' }, existing: null, plan: false,
    };
  }
  const post = parsed.post;
  const p = plan!;
  const c = p.conference;
  const e = p.existing;
  return {
    name: file.name,
    error: null,
    title: post.title,
    date: post.date.iso,
    published: post.published,
    categories: [...post.categories, ...post.tags],
    days: reviewTalks(post, p),
    talkCount: post.days.reduce((n, d) => n + d.talks.length, 0),
    images: post.images.filter((i) => isLocalImage(i.src)).map((i) => ({ src: i.src, found: images ? Boolean(images(i.src)) : null })),
    embeds: post.embeds,
    warnings: [...post.warnings, ...p.warnings],
    problems: p.problems,
    conference: c.kind === 'existing' ? { kind: 'existing', slug: c.slug, name: c.name, reason: c.reason } : c.kind === 'new' ? { kind: 'new', name: c.name, reason: c.reason } : c,
    existing:
      e.kind === 'none'
        ? null
        : e.kind === 'update'
          ? { kind: 'update', slug: e.slug, title: e.title, by: e.by }
          : e.kind === 'deleted'
            ? { kind: 'deleted', slug: e.slug, title: e.title, deletedAt: e.deletedAt }
            : { kind: 'slug-taken', slug: e.slug, title: e.title, newSlug: e.newSlug },
    plan: post.plan,
  };
}

export const previewImportAction = action({ role: 'author', schema }, async (data, user) => {
  const images = await readImageZip(data.images);
  const parsed = await readPosts(data);
  const entries = data.files.map((file, i) => {
    const result = parsed[i];
    const plan = result.ok
      ? planImport(db, result.post, {
          authorId: user.id,
          isAdmin: user.role === 'admin',
          importKey: importKeyFor(user.id, file.name),
          conference: choiceFor(data.conference[i], data.newConferenceName[i]),
        })
      : null;
    return report(file, result, images, plan);
  });
  const failed = entries.filter((r) => r.error || r.problems.length).length;
  const state: ImportState = {
    ok: true,
    message: `Checked ${entries.length} file${entries.length === 1 ? '' : 's'}: ${entries.length - failed} ready to import${failed ? `, ${failed} with problems` : ''}. Nothing has been saved yet.`,
    report: entries,
  };
  return state;
});

// ------------------------------------------------------------------ the import

const TALK_FIELD = /^talk\.(\d{1,3})\.(\d{1,4})\.(include|title|speakers|match)$/;

/** The author's decisions per file and talk, checked by the same rules as the talk form. */
function decisionsFrom(form: Record<string, unknown>, files: number) {
  const fieldErrors: Record<string, string[]> = {};
  const byFile = new Map<number, Map<number, TalkDecision>>();
  const raw = new Map<string, Record<string, string>>();
  for (const [key, value] of Object.entries(form)) {
    const m = TALK_FIELD.exec(key);
    if (!m || typeof value !== 'string' || Number(m[1]) >= files) continue;
    const id = `${m[1]}.${m[2]}`;
    raw.set(id, { ...raw.get(id), [m[3]]: value });
  }
  for (const [id, fields] of raw) {
    const [file, index] = id.split('.').map(Number);
    const decision: TalkDecision = { include: fields.include === 'on' };
    if (decision.include) {
      if (fields.title !== undefined) {
        const title = talkTitle.safeParse(fields.title);
        if (title.success) decision.title = title.data;
        else fieldErrors[`talk.${id}.title`] = [title.error.issues[0].message];
      }
      if (fields.speakers !== undefined) {
        const speakers = speakerNames.safeParse(fields.speakers.split(/\s*[,;]\s*/));
        if (speakers.success) decision.speakers = speakers.data;
        else fieldErrors[`talk.${id}.speakers`] = [speakers.error.issues[0].message];
      }
      if (fields.match === 'new') decision.match = 'new';
      else if (/^\d{1,10}$/.test(fields.match ?? '')) decision.match = Number(fields.match);
    }
    if (!byFile.has(file)) byFile.set(file, new Map());
    byFile.get(file)!.set(index, decision);
  }
  return { byFile, fieldErrors };
}

export const runImportAction = action({ role: 'author', schema }, async (data, user) => {
  const { byFile, fieldErrors } = decisionsFrom(data, data.files.length);
  if (Object.keys(fieldErrors).length) throw new ActionError(MESSAGES.invalid, fieldErrors);
  const images = await readImageZip(data.images);
  const parsed = await readPosts(data);
  const results: ImportFileResult[] = [];
  for (const [i, file] of data.files.entries()) {
    const base: ImportFileResult = { name: file.name, status: 'failed', error: null, title: null, url: null, conference: null, talks: { created: 0, matched: 0 }, warnings: [] };
    const result = parsed[i];
    if (!result.ok) {
      results.push({ ...base, error: result.error, warnings: result.warnings });
      continue;
    }
    try {
      const outcome = importPost(db, result.post, {
        authorId: user.id,
        isAdmin: user.role === 'admin',
        importKey: importKeyFor(user.id, file.name),
        images,
        conference: choiceFor(data.conference[i], data.newConferenceName[i]),
        // A request without the review's fields (an older page, a script) gets the default: the confident talks.
        talks: byFile.get(i) ?? 'confident',
        restoreDeleted: data[`restore.${i}`] === 'on',
      });
      results.push({
        ...base,
        status: outcome.status,
        title: result.post.title,
        // A draft has no public page yet.
        url: result.post.published && outcome.status !== 'skipped' ? `/posts/${outcome.slug}` : null,
        conference: outcome.conference && { name: outcome.conference.name, slug: outcome.conference.slug, created: outcome.conference.created },
        talks: outcome.talks,
        warnings: [...result.post.warnings, ...outcome.warnings],
      });
    } catch (error) {
      if (!(error instanceof ImportError)) console.error('[import] unexpected error', file.name, error);
      const message = error instanceof ImportError ? error.message : 'It could not be imported; nothing of it was saved.';
      results.push({ ...base, title: result.post.title, error: `${file.name}: ${message}`, warnings: result.post.warnings });
    }
  }
  const count = (status: ImportFileResult['status']) => results.filter((r) => r.status === status).length;
  // New posts, talks and conferences show up on cached reader pages: refresh them all at once.
  if (count('imported') + count('updated') + count('restored') > 0) revalidatePath('/', 'layout');
  const extra = [count('restored') ? `${count('restored')} restored` : '', count('skipped') ? `${count('skipped')} left deleted` : ''].filter(Boolean).join(', ');
  const state: ImportState = {
    ok: count('failed') === 0,
    message: `${count('imported')} imported, ${count('updated')} updated, ${count('failed')} failed${extra ? `, ${extra}` : ''}.`,
    results,
  };
  return state;
});
