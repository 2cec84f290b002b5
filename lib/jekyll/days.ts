/**
 * Conference days as recaps name them: "Day 2: Architecture", "Day one", "Second day",
 * "Thursday (2/28)", "Monday, June 10th", "June 11", "2013-06-12". A day heading may carry the
 * day's track after a colon or dash ("Day 1: Stream Processing, hosted by Ann Lee").
 *
 * Which calendar date a named day is follows from the post's own date: a recap is written after
 * the conference (the latest such weekday on or before the post), a plan before it (the first
 * one on or after).
 */
import { findHost } from './names';

export type DayLabel = {
  /** "Day 3" → 3; null when the day is named by weekday or date only. */
  number: number | null;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number | null;
  date: { year: number | null; month: number; day: number } | null;
  track: string | null;
  host: string | null;
};

const NUMBER_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };
const ORDINALS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, last: 0, final: 0 };
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const WEEKDAY = String.raw`(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\.?`;
const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const ORD = String.raw`(?:st|nd|rd|th)?`;
const DATE = String.raw`(?:${MONTH}\s+\d{1,2}${ORD}(?:,?\s+\d{4})?|\d{1,2}${ORD}\s+(?:of\s+)?${MONTH}(?:,?\s+\d{4})?|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}(?:/\d{2,4})?|\d{1,2}\.\d{1,2}\.(?:\d{2,4})?)`;
const SEP = String.raw`\s*[:\-–—|]\s*`;

const DAY_N = new RegExp(String.raw`^day\s+(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\b\s*(?:\(([^)]*)\)\s*)?(?:[:\-–—.]\s*(.*))?$`, 'i');
const NTH_DAY = new RegExp(String.raw`^(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|1st|2nd|3rd|[4-9]th)\s+day\b\s*(?:\(([^)]*)\)\s*)?(?:${SEP}(.*))?$`, 'i');
const NAMED = new RegExp(String.raw`^(${WEEKDAY})?(?:,?\s*(${DATE}))?\s*(?:\(\s*(${WEEKDAY}|${DATE})\s*\))?(?:${SEP}(.+))?$`, 'i');

function parseDate(text: string): DayLabel['date'] {
  const t = text.trim().toLowerCase();
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (m) return valid(+m[1], +m[2], +m[3]);
  m = new RegExp(String.raw`^(${MONTH})\s+(\d{1,2})${ORD}(?:,?\s+(\d{4}))?$`, 'i').exec(t);
  if (m) return valid(m[3] ? +m[3] : null, monthOf(m[1]), +m[2]);
  m = new RegExp(String.raw`^(\d{1,2})${ORD}\s+(?:of\s+)?(${MONTH})(?:,?\s+(\d{4}))?$`, 'i').exec(t);
  if (m) return valid(m[3] ? +m[3] : null, monthOf(m[2]), +m[1]);
  // 2/28 is month/day (the US blogs of the era); 28.02. is day.month.
  m = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{2,4}))?$/.exec(t);
  if (m) return valid(m[3] ? fullYear(+m[3]) : null, +m[1], +m[2]);
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{2,4})?$/.exec(t);
  if (m) return valid(m[3] ? fullYear(+m[3]) : null, +m[2], +m[1]);
  return null;
}

const fullYear = (y: number) => (y < 100 ? 2000 + y : y);
const monthOf = (name: string) => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
function valid(year: number | null, month: number, day: number): DayLabel['date'] {
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 ? { year, month, day } : null;
}
const weekdayOf = (name: string) => WEEKDAYS.indexOf(name.slice(0, 3).toLowerCase());

function trackAndHost(rest: string | undefined): { track: string | null; host: string | null } {
  let track = rest?.trim().replace(/[.:]+$/, '') || null;
  let host: string | null = null;
  const hosted = track ? /^(.*?)\s*[(,–—-]?\s*hosted by\s+(.+?)\)?$/i.exec(track) : null;
  if (hosted) {
    host = findHost(`hosted by ${hosted[2]}`);
    track = hosted[1].trim() || null;
  }
  return { track, host };
}

/** Reads a day label, or null when the text names no day. */
export function parseDayLabel(text: string): DayLabel | null {
  const t = text.trim().replace(/\s+/g, ' ');
  if (!t || t.length > 160) return null;
  let m = DAY_N.exec(t) ?? NTH_DAY.exec(t);
  if (m) {
    const n = /^\d+$/.test(m[1]) ? Number(m[1]) : (NUMBER_WORDS[m[1].toLowerCase()] ?? ORDINALS[m[1].toLowerCase()] ?? Number.parseInt(m[1], 10));
    if (!n) return null;
    const inner = m[2] ? parseDayLabel(m[2]) : null;
    return { number: n, weekday: inner?.weekday ?? null, date: inner?.date ?? null, ...trackAndHost(m[3]) };
  }
  m = NAMED.exec(t);
  if (!m || (!m[1] && !m[2] && !m[3])) return null;
  // "Monday" alone or with a date; a bare date only when it is the whole label or has a track.
  const weekdays = [m[1], m[3]].filter((x) => x && new RegExp(`^${WEEKDAY}$`, 'i').test(x)).map((x) => weekdayOf(x!));
  const dates = [m[2], m[3]].filter((x) => x && !new RegExp(`^${WEEKDAY}$`, 'i').test(x)).map((x) => parseDate(x!));
  if (dates.some((d) => d === null)) return null;
  // A track after a weekday must be a label, not a sentence ("Monday: we arrived late…").
  if (m[4] && (m[4].split(/\s+/).length > 10 || /[.!?]$/.test(m[4].trim()))) return null;
  return { number: null, weekday: weekdays[0] ?? null, date: dates[0] ?? null, ...trackAndHost(m[4]) };
}

// ------------------------------------------------------------------ numbering and dates

const DAY_MS = 86_400_000;
const toUtc = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const toIso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const pad = (n: number) => String(n).padStart(2, '0');

export type ResolvedDay = { number: number; date: string | null };

/**
 * Day numbers and dates for the day labels of one post, in order. `postDate` is the post's own
 * calendar day; `plan` says it was written before the conference.
 */
export function resolveDays(labels: DayLabel[], postDate: string, plan: boolean): ResolvedDay[] {
  const postMs = toUtc(postDate);
  const year = Number(postDate.slice(0, 4));
  // Explicit dates first: "June 11" in a post of June 2013 is 2013-06-11.
  const dated = labels.map((l) => {
    if (!l.date) return null;
    let y = l.date.year ?? year;
    let ms = toUtc(`${y}-${pad(l.date.month)}-${pad(l.date.day)}`);
    // A January post about "December 12" recaps last year's December.
    if (!l.date.year && ms - postMs > 180 * DAY_MS) ms = toUtc(`${(y -= 1)}-${pad(l.date.month)}-${pad(l.date.day)}`);
    return Number.isNaN(ms) ? null : ms;
  });

  // Weekdays: offsets from the first, then anchored at the post date.
  const offsets: (number | null)[] = [];
  let offset = 0;
  let previous: number | null = null;
  for (const l of labels) {
    if (l.weekday === null) {
      offsets.push(null);
      continue;
    }
    // The same weekday again is the same day; any other is the next one of its name.
    if (previous !== null) offset += (l.weekday - previous + 7) % 7;
    previous = l.weekday;
    offsets.push(offset);
  }
  const weekdayDates: (number | null)[] = offsets.map(() => null);
  const firstWeekday = labels.findIndex((l) => l.weekday !== null);
  if (firstWeekday !== -1 && !dated.some((d) => d !== null)) {
    const lastWeekday = labels.length - 1 - [...labels].reverse().findIndex((l) => l.weekday !== null);
    const postWeekday = new Date(postMs).getUTCDay();
    let firstMs: number;
    if (plan) firstMs = postMs + ((labels[firstWeekday].weekday! - postWeekday + 7) % 7) * DAY_MS;
    else {
      const lastMs = postMs - ((postWeekday - labels[lastWeekday].weekday! + 7) % 7) * DAY_MS;
      firstMs = lastMs - (offsets[lastWeekday]! - offsets[firstWeekday]!) * DAY_MS;
    }
    offsets.forEach((o, i) => (weekdayDates[i] = o === null ? null : firstMs + (o - offsets[firstWeekday]!) * DAY_MS));
  }

  const dates = labels.map((_, i) => dated[i] ?? weekdayDates[i]);
  const known = dates.filter((d): d is number => d !== null);
  const first = known.length ? Math.min(...known) : null;
  let sequential = 0;
  return labels.map((l, i) => {
    const date = dates[i];
    let number: number;
    if (l.number !== null) number = l.number;
    else if (date !== null && first !== null) number = Math.round((date - first) / DAY_MS) + 1;
    else number = ++sequential;
    sequential = Math.max(sequential, number);
    return { number, date: date === null ? null : toIso(date) };
  });
}
