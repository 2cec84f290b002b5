import 'server-only';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getTalkCards } from '@/db/queries';
import { getRatingsByUserAndTalks, removeRating, upsertRating } from '@/db/ratings';
import { SEEN_HOW } from '@/db/schema';
import { formatOpensAt, isCalendarDate, normalizeReview, REVIEW_MAX_LENGTH, reviewLength, type MyRating, type TalkAggregates } from './ratings';
import { revalidateTalks } from './revalidate';

/**
 * Saving one person's entry for one talk, shared by the rating endpoint (`POST /api/ratings`, what
 * the page's script calls) and the server action (what a form posts without JavaScript). The
 * rater is always the caller's session user: a `userId` in the input is not part of the schema.
 */

const talkId = z.coerce.number({ error: 'Unknown talk.' }).int('Unknown talk.').positive('Unknown talk.');

export const ratingSaveSchema = z.object({
  talkId,
  intent: z.enum(['save', 'remove'], { error: 'Unknown button.' }).default('save'),
  seen: z.literal('on', { error: 'Tick “I saw it” or leave it empty.' }).optional(),
  seenHow: z.enum(SEEN_HOW, { error: 'Choose how you saw it: in the room, on the livestream or from a recording.' }).default('room'),
  stars: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '' || v === 'none') return null;
      if (!/^[1-5]$/.test(v)) {
        ctx.addIssue({ code: 'custom', message: 'Choose between 1 and 5 stars, or no stars.' });
        return z.NEVER;
      }
      return Number(v);
    }),
  review: z
    .string()
    .optional()
    .transform((v) => normalizeReview(v))
    .refine((v) => v === null || reviewLength(v) <= REVIEW_MAX_LENGTH, {
      message: `A review can be at most ${REVIEW_MAX_LENGTH.toLocaleString('en-GB')} characters.`,
    }),
  // Empty: the talk's own day.
  seenOn: z
    .string()
    .optional()
    .transform((v) => v?.trim() || null)
    .refine((v) => v === null || isCalendarDate(v), { message: 'Give the date you saw it as a day of the calendar, or leave it empty for the talk’s day.' }),
});

export type RatingData = z.output<typeof ratingSaveSchema>;

export type RatingSaveResult =
  | { ok: true; message: string; rating: MyRating | null; aggregates: TalkAggregates }
  | { ok: false; status: 400 | 404 | 409; message: string; fieldErrors?: Record<string, string[]> };

function refuse(status: 400 | 404 | 409, message: string, fieldErrors?: Record<string, string[]>): RatingSaveResult {
  return { ok: false, status, message, ...(fieldErrors && { fieldErrors }) };
}

/** After a committed change: the talk's cached pages re-render on their next read, not now. */
function revalidateAfter(id: number) {
  revalidateTalks([id]);
  // /journal is rendered per request; this tells the browser's router to fetch it again.
  revalidatePath('/journal');
}

function remove(userId: number, id: number): RatingSaveResult {
  const { changed, aggregates } = removeRating({ userId, talkId: id });
  if (changed) revalidateAfter(id);
  return { ok: true, message: changed ? 'Removed from your journal.' : 'This talk was not in your journal.', rating: null, aggregates };
}

/** "I saw it" + how + optional stars, review and date seen; or remove. One entry per person and talk. */
export function saveRating(data: RatingData, user: { id: number }): RatingSaveResult {
  if (data.intent === 'remove') return remove(user.id, data.talkId);
  if (!data.seen) {
    if (data.stars !== null || data.review !== null) {
      return refuse(400, 'Ratings and reviews are for talks you saw.', { seen: ['Tick “I saw it” to save stars or a review.'] });
    }
    // Unticking "I saw it" with nothing else filled in takes the talk out of the journal.
    if (getRatingsByUserAndTalks({ userId: user.id, talkIds: [data.talkId] })[data.talkId]) return remove(user.id, data.talkId);
    return refuse(400, 'Nothing to save.', { seen: ['Tick “I saw it” to add this talk to your journal.'] });
  }

  const result = upsertRating({ userId: user.id, talkId: data.talkId, stars: data.stars, review: data.review, seenHow: data.seenHow, seenOn: data.seenOn });
  if (!result.ok) {
    switch (result.reason) {
      case 'talk-not-found':
        return refuse(404, 'That talk does not exist.');
      case 'not-started': {
        const [talk] = getTalkCards([data.talkId]);
        return refuse(409, `This talk has not started yet. Ratings open when it starts: ${formatOpensAt(result.startsAt, talk?.timeZone ?? 'UTC')}.`);
      }
      case 'invalid':
        return refuse(400, result.message, { [result.field]: [result.message] });
    }
  }
  if (result.changed) revalidateAfter(data.talkId);
  return { ok: true, message: result.changed ? 'Saved to your journal.' : 'Already saved: nothing changed.', rating: result.rating, aggregates: result.aggregates };
}
