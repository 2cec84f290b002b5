import type { NextRequest } from 'next/server';
import { getMarkedTalksByUserId, getUserByCalendarToken } from '@/db/calendar';
import { calendarResponse, personalCalendar } from '@/lib/calendar';

/**
 * A person's marked talks as a calendar subscription. Calendar apps cannot sign in, so the secret
 * token in the URL is the credential: per request, never cached anywhere, and 404 for a wrong,
 * reset or missing token (nothing tells a guesser whether a user exists).
 */
export const dynamic = 'force-dynamic';

const PRIVATE = { 'Cache-Control': 'private, no-store', 'X-Robots-Tag': 'noindex', 'Referrer-Policy': 'no-referrer' };

export function GET(request: NextRequest) {
  const user = getUserByCalendarToken({ token: request.nextUrl.searchParams.get('token') });
  if (!user) {
    return new Response('Not found.', { status: 404, headers: { ...PRIVATE, 'Content-Type': 'text/plain; charset=utf-8' } });
  }
  const { talks, lastChange } = getMarkedTalksByUserId({ userId: user.id });
  const cal = personalCalendar({ name: 'Hallway: my talks', talks, stamp: new Date(lastChange || 0) });
  return calendarResponse(cal, { filename: 'hallway-my-talks.ics', headers: PRIVATE });
}
