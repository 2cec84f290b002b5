import { getConferenceBySlug, getTalkCardsByConference } from '@/db/queries';
import { calendarResponse, conferenceCalendar } from '@/lib/calendar';
import { slugParam } from '@/lib/slug';

// Rendered on first request per conference, then cached and refreshed like the conference page.
export const dynamic = 'force-static';
export const revalidate = 60;
export function generateStaticParams() {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const slug = slugParam((await params).slug);
  const data = getConferenceBySlug({ slug });
  if (!data) return new Response('No such conference.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  const cal = conferenceCalendar({ conference: data.conference, days: data.days, talks: getTalkCardsByConference({ conferenceId: data.conference.id }) });
  return calendarResponse(cal, { filename: `${data.conference.slug}.ics` });
}
