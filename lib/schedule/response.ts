import 'server-only';

import { getScheduleExportBySlug } from '@/db/schedule';
import { toFrabJson, toFrabXml } from './export';

/** `/conferences/[slug]/schedule.json|xml`: the export, or 404 for an unknown slug. Readable from any site (schedule apps in browsers). */
export function scheduleResponse(slug: string, as: 'json' | 'xml'): Response {
  const data = getScheduleExportBySlug({ slug });
  if (!data) return new Response('No such conference.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  const body = as === 'json' ? `${JSON.stringify(toFrabJson(data), null, 2)}\n` : toFrabXml(data);
  return new Response(body, { headers: { 'Content-Type': `application/${as}; charset=utf-8`, 'Access-Control-Allow-Origin': '*' } });
}
