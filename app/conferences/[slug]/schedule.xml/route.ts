import { getScheduleExportBySlug } from '@/db/schedule';
import { toFrabXml } from '@/lib/schedule/export';

// Rendered on first request per conference, then cached and refreshed like the conference page.
export const dynamic = 'force-static';
export const revalidate = 60;
export function generateStaticParams() {
  return [];
}

/** The programme as frab `schedule.xml`, for schedule apps. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const data = getScheduleExportBySlug({ slug });
  if (!data) return new Response('No such conference.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  return new Response(toFrabXml(data), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8', 'Access-Control-Allow-Origin': '*' },
  });
}
