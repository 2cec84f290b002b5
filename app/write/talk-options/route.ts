import { getTalkOptionsByConference } from '@/db/conferences';
import { getCurrentUser, hasRole } from '@/lib/auth/current-user';

/**
 * The talks of a conference for the recap editor's picker, when the author switches conference.
 * A read: no server action (those queue behind autosaves), same role rule as the editor.
 */
export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: 'Your session has ended: sign in again.' }, { status: 401 });
  if (!hasRole(user, 'author')) return Response.json({ error: 'Only authors can do this.' }, { status: 403 });
  const id = Number(new URL(request.url).searchParams.get('conferenceId'));
  if (!Number.isInteger(id) || id <= 0) return Response.json({ error: 'Which conference?' }, { status: 400 });
  return Response.json({ talks: getTalkOptionsByConference({ conferenceId: id }) }, { headers: { 'Cache-Control': 'no-store' } });
}
