import { getJournalByUser } from '@/db/ratings';
import { getCurrentUser, signInRedirect } from '@/lib/auth/current-user';
import { journalToCsv } from '@/lib/journal-csv';
import { absoluteUrl } from '@/lib/seo';

/**
 * `GET /journal/export.csv`: the signed-in user's whole journal as CSV (date, conference, day, track,
 * talk, speakers, how seen, stars, review, talk URL, seen on): the file `/journal`'s import reads back.
 * Their own data, so hidden reviews are included. Never cached.
 */
export const dynamic = 'force-dynamic';

export async function GET() {
  const user = await getCurrentUser();
  if (!user) return signInRedirect('/journal');
  const entries = getJournalByUser({ userId: user.id });
  const csv = journalToCsv(
    entries.map((e) => ({
      date: e.talk.dayDate ?? '',
      conference: e.talk.conferenceName,
      day: e.talk.dayNumber,
      track: e.talk.trackName,
      talk: e.talk.title,
      speakers: e.talk.speakers.map((s) => s.name),
      seenHow: e.seenHow,
      stars: e.stars,
      review: e.review,
      talkUrl: absoluteUrl(`/conferences/${e.talk.conferenceSlug}/talks/${e.talk.slug}`),
      seenOn: e.seenOn ?? e.talk.dayDate ?? '',
    })),
  );
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="hallway-journal-${user.handle}-${stamp}.csv"`,
      'Cache-Control': 'private, no-store',
      'X-Robots-Tag': 'noindex',
    },
  });
}
