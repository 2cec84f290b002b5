/**
 * The rules of a recap's life that both the editor (client) and the server apply: where a post
 * stands, when it goes out, and how its slug is chosen. Pure functions, unit-tested.
 */
import { parseDateWithOffset } from './dates';
import { SLUG_PATTERN, slugify } from './slug';

export type PostState = 'draft' | 'scheduled' | 'published' | 'deleted';

/** A published post whose time has not come yet is "scheduled"; readers see only "published". */
export function postState(post: { status: 'draft' | 'published' | 'deleted'; publishedAt: number | null }, now = Date.now()): PostState {
  if (post.status === 'deleted') return 'deleted';
  if (post.status === 'draft' || post.publishedAt === null) return 'draft';
  return post.publishedAt > now ? 'scheduled' : 'published';
}

// -------------------------------------------------------------- dates

/** UTC offsets that exist somewhere on Earth: −12:00 to +14:00. */
export const MIN_OFFSET = -12 * 60;
export const MAX_OFFSET = 14 * 60;

/** `+01:00`, `-0700`, `+5:30`, `Z` → minutes east of UTC; null when unreadable or out of range. */
export function parseUtcOffset(input: string): number | null {
  const s = input.trim();
  if (/^(?:Z|UTC|GMT)$/i.test(s)) return 0;
  const m = /^(?:UTC|GMT)?\s*([+-−])(\d{1,2})(?::?(\d{2}))?$/i.exec(s);
  if (!m) return null;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  if (Number(m[3] ?? 0) > 59) return null;
  const value = m[1] === '+' ? minutes : -minutes;
  return value < MIN_OFFSET || value > MAX_OFFSET ? null : value;
}

/** The browser's offset at an instant, in the same sign convention (east of UTC is positive). */
export function browserOffsetMinutes(at: Date = new Date()): number {
  return -at.getTimezoneOffset();
}

/** `YYYY-MM-DDTHH:MM` (a datetime-local value) at a UTC offset → the UTC instant. */
export function parseLocalDateTime(local: string, offsetMinutes: number): number | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?$/.test(local.trim())) return null;
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const zone = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return parseDateWithOffset(`${local.trim()}${zone}`)?.utcMs ?? null;
}

/** The datetime-local value (`YYYY-MM-DDTHH:MM`) an instant shows at an offset. */
export function toLocalDateTime(utcMs: number, offsetMinutes: number): string {
  return new Date(utcMs + offsetMinutes * 60_000).toISOString().slice(0, 16);
}

export type PublishRequest = { mode: 'now' } | { mode: 'at'; local: string; offsetMinutes: number };
export type PublishDecision =
  | { ok: true; publishedAt: number; utcOffsetMinutes: number; state: 'published' | 'scheduled' }
  | { ok: false; field: 'publishAt' | 'utcOffset'; message: string };

/** Latest a post may be scheduled: two years ahead is a typo, not a plan. */
export const MAX_SCHEDULE_MS = 2 * 366 * 24 * 3_600_000;
/** Earliest date a recap may carry (back-dating old recaps is fine; year 0019 is a typo). */
export const MIN_PUBLISH_MS = Date.UTC(1990, 0, 1);

/**
 * "Publish now" uses the current instant in the author's offset; "at a date" schedules it when the
 * date is in the future and back-dates it otherwise (an old recap being moved to Hallway).
 */
export function decidePublish(request: PublishRequest, now = Date.now(), nowOffsetMinutes = 0): PublishDecision {
  if (request.mode === 'now') return { ok: true, publishedAt: now, utcOffsetMinutes: nowOffsetMinutes, state: 'published' };
  const at = parseLocalDateTime(request.local, request.offsetMinutes);
  if (at === null) return { ok: false, field: 'publishAt', message: 'Enter a date and time, e.g. 2025-03-14 09:30.' };
  if (at < MIN_PUBLISH_MS) return { ok: false, field: 'publishAt', message: 'That date is before 1990: check the year.' };
  if (at > now + MAX_SCHEDULE_MS) return { ok: false, field: 'publishAt', message: 'Posts can be scheduled at most two years ahead.' };
  return { ok: true, publishedAt: at, utcOffsetMinutes: request.offsetMinutes, state: at > now ? 'scheduled' : 'published' };
}

// -------------------------------------------------------------- slugs

export const MAX_SLUG = 80;

/** Why a slug typed by hand is refused, or null when it is fine. */
export function slugProblem(slug: string): string | null {
  if (!slug) return 'Enter a slug, or clear it to derive one from the title.';
  if (slug.length > MAX_SLUG) return `At most ${MAX_SLUG} characters.`;
  if (!SLUG_PATTERN.test(slug)) return 'Use lower-case letters, digits and single hyphens (e.g. qcon-london-2018).';
  return null;
}

/** `base`, else `base-2`, `base-3`… : the first one `isTaken` says is free. */
export function uniqueSlug(base: string, isTaken: (slug: string) => boolean, maxLength = MAX_SLUG): string {
  const root = base.slice(0, maxLength).replace(/-+$/, '') || 'untitled';
  if (!isTaken(root)) return root;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${root.slice(0, maxLength - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!isTaken(candidate)) return candidate;
  }
}

/**
 * Which slug a save should give the post.
 * - Typed by hand (`auto` false): exactly that, if valid (uniqueness is the database's call).
 * - Automatic, never published: follows the title.
 * - Automatic, published before: stays what it is, so links keep working.
 */
export function chooseSlug({
  requested,
  auto,
  title,
  current,
  everPublished,
}: {
  requested: string;
  auto: boolean;
  title: string;
  current: string;
  everPublished: boolean;
}): { slug: string; derived: boolean } {
  if (!auto) return { slug: requested.trim(), derived: false };
  if (everPublished) return { slug: current, derived: false };
  return { slug: slugify(title || 'untitled', MAX_SLUG), derived: true };
}
