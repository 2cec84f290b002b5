import type { TalkKind } from '@/db/schema';
import { isHttpUrl } from '@/lib/write-schemas';
import type { RawLink, RawPerson, RawTime } from './types';

/** Text as stored: LF line breaks, no trailing spaces per line, trimmed; blank becomes null. */
export function cleanText(value: unknown): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const text = String(value)
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+\n/g, '\n')
    .trim();
  return text === '' ? null : text;
}

/** A one-line value (titles, names, rooms): whitespace runs become one space. */
export function cleanLine(value: unknown): string | null {
  const text = cleanText(value);
  return text === null ? null : text.replace(/\s+/g, ' ');
}

/** `00:30`, `1:30`, `01:30:00` → minutes; null for anything else (or zero). */
export function parseDuration(value: unknown): number | null {
  const m = /^(?:(\d+)[.:])?(\d{1,3}):(\d{2})(?::(\d{2}))?$/.exec(String(value ?? '').trim());
  if (!m) return null;
  const minutes = Number(m[1] ?? 0) * 1440 + Number(m[2]) * 60 + Number(m[3]);
  return minutes > 0 ? minutes : null;
}

/** `9:05` / `09:05` / `09:05:00` → `09:05`. */
export function parseClock(value: unknown): string | null {
  const m = /^(\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/.exec(String(value ?? '').trim());
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return null;
  return `${m[1].padStart(2, '0')}:${m[2]}`;
}

export function isDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value);
}

/** `YYYY-MM-DD` of an ISO date or date-time, as written (no zone conversion). */
export function datePart(value: unknown): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(String(value ?? '').trim());
  return m && isDate(m[1]) ? m[1] : null;
}

/**
 * An ISO 8601 date-time as written: its wall clock and the offset beside it (`Z` is 0, none is
 * null). `2019-08-21T11:00:00+02:00` → 2019-08-21, 11:00, +120.
 */
export function parseIsoTime(value: unknown): Extract<RawTime, { kind: 'local' }> | null {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(String(value ?? '').trim());
  if (!m || !isDate(m[1])) return null;
  const time = parseClock(m[2]);
  if (!time) return null;
  let offsetMinutes: number | null = null;
  if (m[3]) {
    if (m[3].toUpperCase() === 'Z') offsetMinutes = 0;
    else {
      const sign = m[3].startsWith('-') ? -1 : 1;
      const digits = m[3].slice(1).replace(':', '');
      offsetMinutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
    }
  }
  return { kind: 'local', date: m[1], time, offsetMinutes };
}

/** The UTC instant of a written time with an offset (null without one). */
export function instantOf(t: RawTime): number | null {
  if (t.kind === 'instant') return t.ms;
  if (t.offsetMinutes === null) return null;
  const [y, mo, d] = t.date.split('-').map(Number);
  const [h, mi] = t.time.split(':').map(Number);
  return Date.UTC(y, mo - 1, d, h, mi) - t.offsetMinutes * 60_000;
}

export function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/**
 * Hallway's kind of session for a file's event type (and, failing that, its title); null when
 * the file says nothing, so a re-import never undoes a kind set by hand.
 */
export function kindFor(type: string | null, title: string): TalkKind | null {
  const text = `${type ?? ''}`.toLowerCase();
  if (/keynote/.test(text)) return 'keynote';
  if (/workshop|hands-on|tutorial|training/.test(text)) return 'workshop';
  if (/lightning/.test(text)) return 'lightning';
  if (/panel|podium discussion|discussion/.test(text)) return 'panel';
  if (/\bama\b|ask me anything/.test(text)) return 'ama';
  if (/^keynote\b/i.test(title)) return 'keynote';
  return type ? 'talk' : null;
}

/** Only web links are kept: a `javascript:` or relative URL in a file never reaches a page. */
export function webUrl(value: unknown, base?: string | null): string | null {
  const raw = cleanLine(value);
  if (!raw) return null;
  let url = raw;
  if (!/^[a-z][a-z0-9+.-]*:/i.test(raw) && base && isHttpUrl(base)) {
    try {
      url = new URL(raw, base).href;
    } catch {
      return null;
    }
  }
  return isHttpUrl(url) && url.length <= 2000 ? url : null;
}

/**
 * Names joined in one field ("Ann Lee, Bo Chen & Cy Diaz", "Ann Lee und Bo Chen") become one
 * person each. Only separators that never occur inside a name split: commas, semicolons,
 * ampersands, and the words "and"/"und" between two names.
 */
export function splitNames(text: string): string[] {
  return text
    .split(/\s*(?:[,;]|\s&\s|\s+(?:and|und)\s+)\s*/i)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** People of one event: each name cleaned and split, the key kept only when one name remains. */
export function persons(list: { name: unknown; key: unknown }[]): RawPerson[] {
  const out: RawPerson[] = [];
  for (const p of list) {
    const name = cleanLine(p.name);
    if (!name) continue;
    const names = splitNames(name);
    const key = p.key === null || p.key === undefined || p.key === '' ? null : String(p.key);
    if (names.length === 1) out.push({ name: names[0], key });
    else for (const n of names) out.push({ name: n, key: null });
  }
  return out;
}

/** The talk kinds as frab `type`s, as Hallway exports them; kindFor() reads each back. */
export const KIND_TYPES: Record<TalkKind, string> = {
  talk: 'Talk',
  keynote: 'Keynote',
  panel: 'Panel',
  ama: 'AMA',
  workshop: 'Workshop',
  lightning: 'Lightning talk',
};

/** The titles of the links Hallway exports for a talk's link fields (read back by pickLinks()). */
export const LINK_TITLES = { talkUrl: 'Conference page', videoUrl: 'Video', slidesUrl: 'Slides', presentationUrl: 'Presentation' } as const;

/** A talk's own link fields from an event's links: Hallway's titles first, then what a link looks like. */
export function pickLinks(links: RawLink[]): { talkUrl: string | null; videoUrl: string | null; slidesUrl: string | null; presentationUrl: string | null } {
  const titled = (title: string) => links.find((l) => l.title?.toLowerCase() === title.toLowerCase())?.url ?? null;
  const find = (re: RegExp) => links.find((l) => re.test(`${l.title ?? ''} ${l.url}`))?.url ?? null;
  return {
    talkUrl: titled(LINK_TITLES.talkUrl),
    presentationUrl: titled(LINK_TITLES.presentationUrl),
    slidesUrl: titled(LINK_TITLES.slidesUrl) ?? find(/slides?\b|speakerdeck|slideshare|\.pdf$/i),
    videoUrl: titled(LINK_TITLES.videoUrl) ?? find(/video|recording|youtube\.com|youtu\.be|vimeo\.com|media\.ccc\.de/i),
  };
}

export const asArray = <T>(v: T | T[] | null | undefined): T[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
