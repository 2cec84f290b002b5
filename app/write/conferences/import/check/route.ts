import { NextResponse } from 'next/server';
import { getImportTargetBySlug, planScheduleImport, ScheduleImportError } from '@/db/schedule';
import { formToObject, isSameOrigin, MESSAGES } from '@/lib/action';
import { getCurrentUser, hasRole } from '@/lib/auth/current-user';
import { MAX_SCHEDULE_BYTES } from '@/lib/schedule/parse';
import { IMPORT_ERRORS } from '@/lib/schedule/report';
import { z } from 'zod';
import { hashOf, parseFor, readSource, sourceFields, targetOf } from '../source';
import type { CheckResponse } from '../types';

/**
 * POST /write/conferences/import/check: the dry run of a schedule import. A route handler (not a
 * server action) so the browser can show the upload's progress; the same checks as lib/action.ts:
 * same-site Origin, a signed-in author or admin, the form validated. Writes nothing.
 */

// The form around the file: a little over the file limit.
const MAX_BODY = MAX_SCHEDULE_BYTES + 64 * 1024;

const answer = (body: CheckResponse, status = 200) => NextResponse.json(body, { status, headers: { 'Cache-Control': 'no-store' } });

export async function POST(request: Request) {
  if (!isSameOrigin(request.headers)) return answer({ ok: false, message: MESSAGES.origin }, 403);
  const user = await getCurrentUser();
  if (!user) return answer({ ok: false, message: 'Sign in to import a programme.' }, 401);
  if (!hasRole(user, 'author')) return answer({ ok: false, message: MESSAGES.forbidden }, 403);
  // A body without a length (chunked) could be any size: browsers always send one for a form.
  const length = Number(request.headers.get('content-length') ?? NaN);
  if (!Number.isFinite(length)) return answer({ ok: false, message: 'The upload must say its length.' }, 411);
  if (length > MAX_BODY) {
    return answer({ ok: false, message: MESSAGES.invalid, fieldErrors: { file: [`The file must be smaller than ${MAX_SCHEDULE_BYTES / 1024 / 1024} MB.`] } }, 413);
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return answer({ ok: false, message: 'The upload could not be read. Please try again.' }, 400);
  }
  const parsed = sourceFields.safeParse(formToObject(form));
  if (!parsed.success) {
    const { fieldErrors } = z.flattenError(parsed.error);
    return answer({ ok: false, message: MESSAGES.invalid, fieldErrors: fieldErrors as Record<string, string[]> }, 400);
  }
  const data = parsed.data;
  const target = targetOf(data);
  const source = await readSource(data);
  if ('field' in source) return answer({ ok: false, message: MESSAGES.invalid, fieldErrors: { [source.field]: [source.message] } }, 400);
  const result = parseFor(source.bytes, data, target.kind === 'existing' ? (getImportTargetBySlug({ slug: target.slug })?.timeZone ?? null) : null);
  if (!result.ok) return answer({ ok: false, message: MESSAGES.invalid, fieldErrors: { [data.file ? 'file' : 'url']: [result.error] } }, 400);
  const s = result.schedule;
  try {
    const plan = planScheduleImport({ schedule: s, target });
    return answer({
      ok: true,
      hash: hashOf(source.bytes),
      format: s.format,
      conference: { title: s.conference.title, timeZone: s.conference.timeZone, timeZoneSource: s.conference.timeZoneSource, start: s.conference.start, end: s.conference.end },
      plan,
      rooms: s.rooms,
      tracks: s.tracks,
      days: s.days.map((d) => ({ date: d.date, talks: d.talks.map((t) => ({ title: t.title, start: t.start!, room: t.room, speakers: t.speakers.map((p) => p.name) })) })),
      unscheduled: s.unscheduled.length,
      warnings: s.warnings,
    });
  } catch (error) {
    if (error instanceof ScheduleImportError) {
      const field = error.code === 'no-name' ? 'name' : 'conference';
      return answer({ ok: false, message: IMPORT_ERRORS[error.code], fieldErrors: { [field]: [IMPORT_ERRORS[error.code]] } }, 400);
    }
    throw error;
  }
}
