'use server';

import { z } from 'zod';
import { getConferencePaths } from '@/db/conferences';
import { applyScheduleImport, getImportTargetBySlug, ScheduleImportError } from '@/db/schedule';
import { action, ActionError } from '@/lib/action';
import { revalidatePaths } from '@/lib/revalidate';
import { IMPORT_ERRORS } from '@/lib/schedule/report';
import { list } from '@/lib/write-schemas';
import { hashOf, parseFor, readSource, sourceFields, targetOf } from './source';
import type { ImportResultState } from './types';

/**
 * The confirm step of /write/conferences/import: the browser sends the same file (or URL) again
 * with the hash the check answered, so what is imported is exactly what the author saw; the
 * talks the file no longer has go only when ticked. One transaction (db/schedule.ts).
 */

const importFields = sourceFields.and(
  z.object({
    hash: z.string({ message: 'Check the schedule first.' }).regex(/^[0-9a-f]{64}$/, 'Check the schedule first.'),
    remove: list(z.coerce.number().int().positive()),
  }),
);

export const importScheduleAction = action({ role: 'author', schema: importFields }, async (data, user): Promise<ImportResultState> => {
  const target = targetOf(data);
  const source = await readSource(data);
  if ('field' in source) throw new ActionError(source.message, { [source.field]: [source.message] });
  if (hashOf(source.bytes) !== data.hash) {
    return { ok: false, message: 'The schedule is not the one you checked (the file or the page at that address changed). Check it again.' };
  }
  const existing = target.kind === 'existing' ? getImportTargetBySlug({ slug: target.slug }) : null;
  const parsed = parseFor(source.bytes, data, existing?.timeZone ?? null);
  if (!parsed.ok) throw new ActionError(parsed.error, { file: [parsed.error] });
  let outcome;
  // Pages of talks about to move or go are refreshed too.
  const before = existing ? getConferencePaths({ conferenceId: existing.id }) : [];
  try {
    outcome = applyScheduleImport({ schedule: parsed.schedule, target, userId: user.id, remove: data.remove, source: source.label });
  } catch (error) {
    if (error instanceof ScheduleImportError) throw new ActionError(IMPORT_ERRORS[error.code], { [error.code === 'no-name' ? 'name' : 'conference']: [IMPORT_ERRORS[error.code]] });
    throw error;
  }
  revalidatePaths([...before, ...getConferencePaths({ conferenceId: outcome.conferenceId }), '/speakers', '/write/conferences', `/write/conferences/${outcome.conferenceId}`]);
  const name = parsed.schedule.conference.title ?? data.name ?? outcome.slug;
  return {
    ok: true,
    message: `Imported: ${outcome.added} talk${outcome.added === 1 ? '' : 's'} added, ${outcome.updated} changed, ${outcome.unchanged} unchanged, ${outcome.removed} removed.`,
    values: {},
    result: { slug: outcome.slug, name, created: outcome.created, added: outcome.added, updated: outcome.updated, unchanged: outcome.unchanged, removed: outcome.removed, kept: outcome.kept.length },
  };
});
