import { NextResponse } from 'next/server';
import { z } from 'zod';
import { isSameOrigin, MESSAGES } from '@/lib/action';
import { getCurrentUser } from '@/lib/auth/current-user';
import { ratingSaveSchema, saveRating } from '@/lib/rating-save';
import type { RatingSaveResponse } from '@/lib/ratings';

/**
 * `POST /api/ratings`: what the rating stars and form call from the page's script. One request,
 * one transaction, and an answer in data — the entry as saved and the talk's new aggregates —
 * instead of a server action's re-render of the page: the talk's cached pages are only marked
 * stale and re-render on their next read (docs/decisions/021-ratings-endpoint.md).
 *
 * A route handler gets none of the checks Next gives server actions, so they are all here: a
 * same-site request (Origin, and Sec-Fetch-Site where the browser sends it), a signed-in user
 * re-read from the database, a small urlencoded body, and the same schema as the form's action.
 */
export const dynamic = 'force-dynamic';

// Stars, how, a date and a 2,000-character review (up to 4 bytes each, ×3 when percent-encoded).
const MAX_BODY = 32 * 1024;

const answer = (body: RatingSaveResponse, status = 200) => NextResponse.json(body, { status, headers: { 'Cache-Control': 'private, no-store' } });

function sameSite(h: Headers): boolean {
  const site = h.get('sec-fetch-site');
  return isSameOrigin(h) && (site === null || site === 'same-origin');
}

export async function POST(request: Request) {
  if (!sameSite(request.headers)) return answer({ ok: false, message: MESSAGES.origin }, 403);
  const user = await getCurrentUser();
  if (!user) return answer({ ok: false, message: 'Sign in to rate talks.' }, 401);
  if (!(request.headers.get('content-type') ?? '').startsWith('application/x-www-form-urlencoded')) {
    return answer({ ok: false, message: 'Send the rating as a form (application/x-www-form-urlencoded).' }, 415);
  }
  // A body without a length (chunked) could be any size: fetch() always sends one for a form.
  const length = Number(request.headers.get('content-length') ?? NaN);
  if (!Number.isFinite(length)) return answer({ ok: false, message: 'The request must say its length.' }, 411);
  if (length > MAX_BODY) return answer({ ok: false, message: 'This rating is too large to be saved.' }, 413);

  let text: string;
  try {
    text = await request.text();
  } catch {
    return answer({ ok: false, message: 'The rating could not be read. Please try again.' }, 400);
  }
  if (Buffer.byteLength(text) > MAX_BODY) return answer({ ok: false, message: 'This rating is too large to be saved.' }, 413);
  const form = new URLSearchParams(text);
  const parsed = ratingSaveSchema.safeParse(Object.fromEntries([...new Set(form.keys())].map((k) => [k, form.get(k)!])));
  if (!parsed.success) {
    const { formErrors, fieldErrors } = z.flattenError(parsed.error);
    return answer({ ok: false, message: formErrors.length ? formErrors.join(' ') : MESSAGES.invalid, fieldErrors: fieldErrors as Record<string, string[]> }, 400);
  }
  const result = saveRating(parsed.data, user);
  if (!result.ok) return answer({ ok: false, message: result.message, ...(result.fieldErrors && { fieldErrors: result.fieldErrors }) }, result.status);
  return answer({ ok: true, message: result.message, talkId: parsed.data.talkId, rating: result.rating, aggregates: result.aggregates });
}
