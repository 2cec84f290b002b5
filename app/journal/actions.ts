'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getTalkIdsBySlugs, getTalkIdsByTitles, importRatings, moderateRating } from '@/db/ratings';
import { action, ActionError, MESSAGES } from '@/lib/action';
import { IMPORT_MAX_BYTES, parseJournalCsv } from '@/lib/journal-csv';
import { ratingSaveSchema, saveRating } from '@/lib/rating-save';
import type { MyRating } from '@/lib/ratings';
import { revalidateTalks } from '@/lib/revalidate';

/**
 * Ratings and the journal. Every action goes through `action()` (lib/action.ts): Origin, session,
 * role and zod first. The rater is always the session's user: a `userId` in the form is not part
 * of any schema, so it never reaches the body.
 */

const talkId = z.coerce.number({ error: 'Unknown talk.' }).int('Unknown talk.').positive('Unknown talk.');

/** The saved entry as form values, so the form (with or without JavaScript) shows what is stored. */
function ratingValues(id: number, rating: MyRating | null): Record<string, string> {
  if (!rating) return { talkId: String(id), seen: '', seenHow: 'room', stars: '', review: '', seenOn: '', hidden: '', excluded: '' };
  return {
    talkId: String(id),
    seen: 'on',
    seenHow: rating.seenHow,
    stars: rating.stars === null ? '' : String(rating.stars),
    review: rating.review ?? '',
    seenOn: rating.seenOn ?? '',
    hidden: rating.hidden ? 'on' : '',
    excluded: rating.excluded ? 'on' : '',
  };
}

/**
 * The rating form's post when the page has no JavaScript (with it, the form calls `POST
 * /api/ratings`, which answers with data and renders nothing). The page comes back with the result.
 */
export const saveRatingAction = action({ schema: ratingSaveSchema }, async (data, user) => {
  const result = saveRating(data, user);
  if (!result.ok) throw new ActionError(result.message, result.fieldErrors);
  return { ok: true, message: result.message, values: ratingValues(data.talkId, result.rating) };
});

const moderationSchema = z.object({
  talkId,
  raterId: z.coerce.number({ error: 'Unknown review.' }).int('Unknown review.').positive('Unknown review.'),
  op: z.enum(['hide', 'unhide', 'exclude', 'include'], { error: 'Unknown moderation action.' }),
});

const MODERATION_DONE = {
  hide: 'Review hidden from public pages.',
  unhide: 'Review shown again.',
  exclude: 'Rating left out of the averages.',
  include: 'Rating counted in the averages again.',
} as const;

/**
 * Hide/unhide a review: admins and the authors of a published recap covering the talk. Exclude /
 * include a rating in the aggregates: admins only. The rights are checked inside the transaction.
 */
export const moderateRatingAction = action({ schema: moderationSchema }, async ({ talkId, raterId, op }, user) => {
  const result = moderateRating({ actor: user, raterId, talkId, op });
  if (!result.ok) {
    if (result.reason === 'forbidden') return { ok: false, message: MESSAGES.forbidden };
    throw new ActionError('That review no longer exists.');
  }
  if (result.changed) revalidateTalks([talkId]);
  return { ok: true, message: MODERATION_DONE[op] };
});

const importSchema = z.object({
  file: z
    .instanceof(File, { error: 'Choose a CSV file to import.' })
    .refine((f) => f.size > 0, 'Choose a CSV file to import.')
    .refine((f) => f.size <= IMPORT_MAX_BYTES, `The file is too large: at most ${IMPORT_MAX_BYTES / 1_000_000} MB.`),
});

/**
 * Reads a journal CSV (the export's format) back: each row's talk is found by its talk URL (or
 * conference + title), then every matched row is saved in one transaction. Entries not in the file
 * are left alone. Unmatched and refused rows are reported by line number.
 */
export const importJournalAction = action({ schema: importSchema }, async ({ file }, user) => {
  const parsed = parseJournalCsv(await file.text());
  if (!parsed.ok) throw new ActionError(parsed.message, { file: [parsed.message] });

  const bySlug = getTalkIdsBySlugs(parsed.rows.flatMap((r) => (r.slugs ? [r.slugs] : [])));
  const byTitle = getTalkIdsByTitles(parsed.rows.filter((r) => !r.slugs).map((r) => r.conference));
  const problems: string[] = [];
  const entries: Parameters<typeof importRatings>[0]['entries'] = [];
  const label = (r: { row: number; talk: string }) => `Line ${r.row}${r.talk ? ` (“${r.talk.slice(0, 80)}”)` : ''}`;
  for (const r of parsed.rows) {
    if (r.problem) {
      problems.push(`${label(r)}: ${r.problem}.`);
      continue;
    }
    const id = r.slugs
      ? bySlug.get(`${r.slugs.conferenceSlug}/${r.slugs.talkSlug}`)?.id
      : byTitle.get(`${r.conference.toLowerCase()}\u0000${r.talk.toLowerCase()}`);
    if (!id) {
      problems.push(`${label(r)}: no such talk on Hallway.`);
      continue;
    }
    entries.push({ row: r.row, talkId: id, stars: r.stars, review: r.review, seenHow: r.seenHow, seenOn: r.seenOn });
  }

  const results = importRatings({ userId: user.id, entries });
  const changedTalks = new Set<number>();
  let unchanged = 0;
  for (const [i, { row, result }] of results.entries()) {
    if (result.ok) {
      if (result.changed) changedTalks.add(entries[i].talkId);
      else unchanged++;
      continue;
    }
    const r = parsed.rows.find((x) => x.row === row)!;
    problems.push(
      `${label(r)}: ${
        result.reason === 'not-started' ? 'the talk has not started yet' : result.reason === 'invalid' ? result.message.replace(/\.$/, '') : 'no such talk on Hallway'
      }.`,
    );
  }
  if (changedTalks.size) {
    revalidateTalks([...changedTalks]);
    revalidatePath('/journal');
  }

  const saved = changedTalks.size;
  const parts = [`${saved} ${saved === 1 ? 'entry' : 'entries'} added or changed`];
  if (unchanged) parts.push(`${unchanged} already in your journal`);
  if (problems.length) parts.push(`${problems.length} ${problems.length === 1 ? 'line' : 'lines'} not imported`);
  return {
    ok: true,
    message: `Import done: ${parts.join(', ')}.`,
    ...(problems.length && { fieldErrors: { rows: problems.slice(0, 100) } }),
  };
});

