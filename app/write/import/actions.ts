'use server';

import { revalidatePath } from 'next/cache';
import { unzipSync } from 'fflate';
import { z } from 'zod';
import { db } from '@/db/index';
import { ImportError, importKeyFor, importPost, planConference, type ConferenceChoice } from '@/db/import';
import { action, ActionError } from '@/lib/action';
import { isLocalImage } from '@/lib/jekyll/images';
import { parsePost } from '@/lib/jekyll/parse';
import { mapImageSource, type ImageSource } from '@/lib/jekyll/source';
import type { ImportFileReport, ImportFileResult, ImportState } from './types';

/**
 * /write/import. Both actions re-read the uploaded files (the browser sends them again on
 * confirm), so nothing is kept on the server between the dry run and the import. Authors and
 * admins only; every post is credited to the signed-in user, never to an id from the form.
 */

const MAX_FILES = 50;
const MAX_MARKDOWN_BYTES = 2 * 1024 * 1024;
// Under the server-action body limit (next.config.ts) together with the markdown files.
const MAX_ZIP_BYTES = 10 * 1024 * 1024;
const MAX_UNZIPPED_BYTES = 100 * 1024 * 1024;
const IMAGE_NAME = /\.(?:png|jpe?g|gif|webp)$/i;

const asList = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
// An empty file input still sends one nameless, empty file.
const chosenFiles = (v: unknown) => asList(v).filter((f) => !(f instanceof File) || f.size > 0 || f.name !== '');

const filesSchema = z.preprocess(
  chosenFiles,
  z
    .array(z.instanceof(File))
    .min(1, 'Choose at least one markdown file.')
    .max(MAX_FILES, `Import at most ${MAX_FILES} files at a time.`)
    .refine((files) => files.every((f) => f.size <= MAX_MARKDOWN_BYTES), 'Each markdown file must be smaller than 2 MB.'),
);

const baseSchema = z.object({
  files: filesSchema,
  images: z.preprocess(
    (v) => (v instanceof File && v.size > 0 ? v : undefined),
    z.instanceof(File).refine((f) => f.size <= MAX_ZIP_BYTES, 'The image zip must be smaller than 10 MB.').optional(),
  ),
  repairEncoding: z.preprocess((v) => v === 'on' || v === 'true', z.boolean()),
});

const runSchema = baseSchema.extend({
  conference: z.preprocess(asList, z.array(z.string().max(200))),
  newConferenceName: z.preprocess(asList, z.array(z.string().trim().max(120))),
});

/** The images of an uploaded zip, by path inside it. */
async function readImageZip(file: File | undefined): Promise<ImageSource | null> {
  if (!file) return null;
  let total = 0;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(new Uint8Array(await file.arrayBuffer()), {
      filter: (entry) => {
        if (!IMAGE_NAME.test(entry.name) || entry.name.split('/').some((part) => part.startsWith('.'))) return false;
        total += entry.originalSize;
        return entry.originalSize <= 10 * 1024 * 1024 && total <= MAX_UNZIPPED_BYTES;
      },
    });
  } catch {
    throw new ActionError('The image archive could not be read.', { images: ['This is not a zip file we can read.'] });
  }
  const files = new Map<string, Uint8Array>();
  for (const [name, bytes] of Object.entries(entries)) files.set(name.replace(/\\/g, '/').replace(/^\.?\//, ''), bytes);
  return mapImageSource(files);
}

async function readPost(file: File, repairEncoding: boolean) {
  return parsePost(file.name, new Uint8Array(await file.arrayBuffer()), { repairEncoding });
}

export const previewImportAction = action({ role: 'author', schema: baseSchema }, async (data) => {
  const images = await readImageZip(data.images);
  const report: ImportFileReport[] = [];
  for (const file of data.files) {
    const parsed = await readPost(file, data.repairEncoding);
    if (!parsed.ok) {
      report.push({
        name: file.name, error: parsed.error, title: null, date: null, published: null, categories: [], days: [], talkCount: 0,
        images: [], embeds: [], warnings: parsed.warnings, conference: { kind: 'none', reason: 'not readable' },
      });
      continue;
    }
    const post = parsed.post;
    let conference: ImportFileReport['conference'];
    try {
      const plan = planConference(db, post);
      conference = plan.kind === 'existing' ? { kind: 'existing', slug: plan.slug, name: plan.name, reason: plan.reason } : plan.kind === 'new' ? { kind: 'new', name: plan.name, reason: plan.reason } : plan;
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
      conference = { kind: 'none', reason: error.message };
    }
    report.push({
      name: file.name,
      error: null,
      title: post.title,
      date: post.date.iso,
      published: post.published,
      categories: [...post.categories, ...post.tags],
      days: post.days.map((d) => ({
        label: d.label,
        track: d.track,
        host: d.host,
        talks: d.talks.map((t) => ({ title: t.title, url: t.url, links: t.links.map(({ kind, url }) => ({ kind, url })) })),
      })),
      talkCount: post.days.reduce((n, d) => n + d.talks.length, 0),
      images: post.images.filter((i) => isLocalImage(i.src)).map((i) => ({ src: i.src, found: images ? Boolean(images(i.src)) : null })),
      embeds: post.embeds,
      warnings: post.warnings,
      conference,
    });
  }
  const failed = report.filter((r) => r.error).length;
  const state: ImportState = {
    ok: true,
    message: `Checked ${report.length} file${report.length === 1 ? '' : 's'}: ${report.length - failed} ready to import${failed ? `, ${failed} with errors` : ''}. Nothing has been saved yet.`,
    report,
  };
  return state;
});

function choiceFor(value: string | undefined, newName: string | undefined): ConferenceChoice {
  if (!value || value === 'auto') return { kind: 'auto' };
  if (value === 'none') return { kind: 'none' };
  if (value === 'new') return { kind: 'new', name: newName ?? '' };
  if (value.startsWith('existing:')) return { kind: 'existing', slug: value.slice('existing:'.length) };
  return { kind: 'auto' };
}

export const runImportAction = action({ role: 'author', schema: runSchema }, async (data, user) => {
  const images = await readImageZip(data.images);
  const results: ImportFileResult[] = [];
  for (const [i, file] of data.files.entries()) {
    const base: ImportFileResult = { name: file.name, status: 'failed', error: null, title: null, url: null, conference: null, talks: { created: 0, matched: 0 }, warnings: [] };
    const parsed = await readPost(file, data.repairEncoding);
    if (!parsed.ok) {
      results.push({ ...base, error: parsed.error, warnings: parsed.warnings });
      continue;
    }
    try {
      const outcome = importPost(db, parsed.post, {
        authorId: user.id,
        importKey: importKeyFor(user.id, file.name),
        images,
        conference: choiceFor(data.conference[i], data.newConferenceName[i]),
      });
      results.push({
        ...base,
        status: outcome.status,
        title: parsed.post.title,
        // A draft has no public page yet.
        url: parsed.post.published ? `/posts/${outcome.slug}` : null,
        conference: outcome.conference && { name: outcome.conference.name, created: outcome.conference.created },
        talks: outcome.talks,
        warnings: [...parsed.post.warnings, ...outcome.warnings],
      });
    } catch (error) {
      if (!(error instanceof ImportError)) console.error('[import] unexpected error', file.name, error);
      const message = error instanceof ImportError ? error.message : 'It could not be imported; nothing of it was saved.';
      results.push({ ...base, title: parsed.post.title, error: `${file.name}: ${message}`, warnings: parsed.post.warnings });
    }
  }
  const count = (status: ImportFileResult['status']) => results.filter((r) => r.status === status).length;
  // New posts, talks and conferences show up on cached reader pages: refresh them all at once.
  if (count('imported') + count('updated') > 0) revalidatePath('/', 'layout');
  const state: ImportState = {
    ok: count('failed') === 0,
    message: `${count('imported')} imported, ${count('updated')} updated, ${count('failed')} failed.`,
    results,
  };
  return state;
});
