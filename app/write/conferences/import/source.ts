import 'server-only';

import crypto from 'node:crypto';
import { z } from 'zod';
import type { ImportTarget } from '@/db/schedule';
import { env } from '@/lib/env';
import { fetchSchedule, FetchError } from '@/lib/schedule/fetch';
import { MAX_SCHEDULE_BYTES, parseSchedule } from '@/lib/schedule/parse';
import { isHttpUrl, isTimeZone } from '@/lib/write-schemas';

/**
 * What the check (route handler) and the import (server action) of /write/conferences/import
 * both read from the form: the schedule (an uploaded file or a URL), where it goes, and the zone.
 */

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

export const sourceFields = z
  .object({
    file: z.preprocess(
      (v) => (v instanceof File && (v.size > 0 || v.name !== '') ? v : undefined),
      z.instanceof(File).refine((f) => f.size <= MAX_SCHEDULE_BYTES, `The file must be smaller than ${MAX_SCHEDULE_BYTES / 1024 / 1024} MB.`).optional(),
    ),
    url: z.preprocess(blank, z.string().trim().max(2000, 'At most 2000 characters.').refine(isHttpUrl, 'Use a full web address starting with http:// or https://.').optional()),
    conference: z.preprocess(blank, z.string().max(200).regex(/^(?:auto|new|existing:.+)$/, 'Pick where the programme goes.').default('auto')),
    name: z.preprocess(blank, z.string().trim().max(120, 'At most 120 characters.').optional()),
    timeZone: z.preprocess(blank, z.string().trim().refine(isTimeZone, 'Use a time zone name such as Europe/London.').optional()),
  })
  .refine((d) => d.file || d.url, { path: ['file'], message: 'Choose a schedule file, or give its web address below.' });

export type SourceFields = z.output<typeof sourceFields>;

export function targetOf(d: SourceFields): ImportTarget {
  if (d.conference.startsWith('existing:')) return { kind: 'existing', slug: d.conference.slice('existing:'.length) };
  return { kind: d.conference === 'new' ? 'new' : 'auto', name: d.name ?? null };
}

/** The schedule's bytes, or a message for the field at fault. */
export async function readSource(d: SourceFields): Promise<{ bytes: Uint8Array; label: string } | { field: 'file' | 'url'; message: string }> {
  if (d.file) return { bytes: new Uint8Array(await d.file.arrayBuffer()), label: d.file.name || 'upload' };
  try {
    const { bytes, url } = await fetchSchedule(d.url!);
    return { bytes, label: url };
  } catch (error) {
    if (error instanceof FetchError) return { field: 'url', message: error.message };
    throw error;
  }
}

export const hashOf = (bytes: Uint8Array) => crypto.createHash('sha256').update(bytes).digest('hex');

export function parseFor(bytes: Uint8Array, d: SourceFields, conferenceTimeZone: string | null) {
  return parseSchedule(bytes, { timeZone: d.timeZone ?? null, conferenceTimeZone, siteUrl: env.SITE_URL });
}
