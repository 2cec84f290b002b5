import { scheduleResponse } from '@/lib/schedule/response';
import { slugParam } from '@/lib/slug';

// Rendered on first request per conference, then cached and refreshed like the conference page.
export const dynamic = 'force-static';
export const revalidate = 60;
export function generateStaticParams() {
  return [];
}

/** The programme as frab schedule XML, for schedule apps. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return scheduleResponse(slugParam((await params).slug), 'xml');
}
