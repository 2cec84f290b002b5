import type { NextRequest } from 'next/server';
import { getPlannedTalkIdsByUser } from '@/db/plans';
import { getModeratedReviewsByTalk, getModerationRightsByTalk, getRatingsByUserAndTalks } from '@/db/ratings';
import { getCurrentUser } from '@/lib/auth/current-user';

/**
 * `GET /api/me/ratings?talk=1&talk=2[&moderation=1]`: the signed-in user's own entries for the
 * talks on a page, for the rating form (reader pages are cached and shared, so they never read the
 * session; this small request does, from the browser). With `moderation=1`, also what the user
 * may moderate on those talks and, for moderators, the entries public pages leave out.
 * Per user: never cached by anyone.
 */
export const dynamic = 'force-dynamic';

const PRIVATE = { 'Cache-Control': 'private, no-store', Vary: 'Cookie' };
const MAX_TALKS = 300;

export async function GET(request: NextRequest) {
  const talkIds = [
    ...new Set(
      request.nextUrl.searchParams
        .getAll('talk')
        .map(Number)
        .filter((n) => Number.isInteger(n) && n > 0),
    ),
  ].slice(0, MAX_TALKS);
  const user = await getCurrentUser();
  if (!user) return Response.json({ signedIn: false, ratings: {}, agenda: [] }, { headers: PRIVATE });

  const body: Record<string, unknown> = {
    signedIn: true,
    ratings: getRatingsByUserAndTalks({ userId: user.id, talkIds }),
    agenda: getPlannedTalkIdsByUser({ userId: user.id, talkIds }),
  };
  if (request.nextUrl.searchParams.get('moderation') === '1') {
    const moderation: Record<number, { hide: boolean; exclude: boolean; entries: ReturnType<typeof getModeratedReviewsByTalk> }> = {};
    // Moderation is offered on a talk page: one talk, or a handful.
    for (const talkId of talkIds.slice(0, 5)) {
      const rights = getModerationRightsByTalk({ user, talkId });
      if (rights.hide || rights.exclude) moderation[talkId] = { ...rights, entries: getModeratedReviewsByTalk({ talkId }) };
    }
    body.moderation = moderation;
  }
  return Response.json(body, { headers: PRIVATE });
}
