/**
 * Dates in Hallway are printed as their writer wrote them. A post stores the UTC instant plus the
 * author's UTC offset; conference days store plain calendar dates. Neither may move with the
 * server's time zone, so everything here formats in UTC after applying the stored offset.
 */

const MINUTE = 60_000;

/** Parses `2018-03-12 13:08:46 -0700`, `2018-03-12T13:08:46+01:00`, `2018-03-12 13:08` or `2018-03-12`. */
export function parseDateWithOffset(
  input: string,
): { utcMs: number; offsetMinutes: number } | null {
  const m = input
    .trim()
    .match(
      /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i,
    );
  if (!m) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0', zone] = m;
  let offsetMinutes = 0;
  if (zone && zone.toUpperCase() !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    offsetMinutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
  }
  const wallClock = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s);
  const check = new Date(wallClock);
  if (check.getUTCMonth() !== +mo - 1 || check.getUTCDate() !== +d || +h > 23 || +mi > 59) {
    return null;
  }
  return { utcMs: wallClock - offsetMinutes * MINUTE, offsetMinutes };
}

/** The wall-clock time the writer saw, as a Date whose UTC fields carry it. */
function wallClock(utcMs: number, offsetMinutes: number): Date {
  return new Date(utcMs + offsetMinutes * MINUTE);
}

function pad(n: number, width = 2): string {
  return String(Math.abs(n)).padStart(width, '0');
}

export function formatOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** ISO 8601 with the writer's offset, e.g. `2018-03-12T13:08:46-07:00` (for `<time dateTime>`). */
export function toIsoWithOffset(utcMs: number, offsetMinutes: number): string {
  const w = wallClock(utcMs, offsetMinutes);
  return (
    `${w.getUTCFullYear()}-${pad(w.getUTCMonth() + 1)}-${pad(w.getUTCDate())}` +
    `T${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}:${pad(w.getUTCSeconds())}` +
    formatOffset(offsetMinutes)
  );
}

/** The locale the site writes its dates in ("6 October 2025"), and the language of its pages. */
export const SITE_LOCALE = 'en-GB';

/** "Monday, 6 October 2025" for a valid ISO calendar date ("2025-10-06"), else null. */
export function spellCalendarDate(date: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  const d = calendarDate(date);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== date ? null : formatCalendarDate(date, { weekday: true });
}

const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * One formatter per locale and options, kept: building an Intl.DateTimeFormat (locale data, the
 * time zone's rules) costs about a millisecond, formatting with it microseconds, and a day page
 * formats a few times per talk. Zones come from conferences, so the set stays small.
 */
export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    formats.set(key, format);
  }
  return format;
}

const longDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "12 March 2018": the calendar day in the writer's own offset. */
export function formatPostDate(utcMs: number, offsetMinutes: number): string {
  return longDate.format(wallClock(utcMs, offsetMinutes));
}

/** Parses a `YYYY-MM-DD` calendar date to midnight UTC (only ever formatted in UTC). */
function calendarDate(date: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

/** "Monday, 5 March 2018". */
export function formatCalendarDate(date: string, options: { weekday?: boolean } = {}): string {
  return dateTimeFormat('en-GB', {
    weekday: options.weekday ? 'long' : undefined,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(calendarDate(date));
}

/** "March 2018", for a `YYYY-MM-DD` date. */
export function formatCalendarMonth(date: string): string {
  return dateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(calendarDate(date));
}

/** The calendar dates from `start` to `end` ("2025-10-06"), both included; null when there are more than `max`. */
export function datesFromTo(start: string, end: string, max: number): string[] | null {
  const dates: string[] = [];
  for (const d = calendarDate(start); d.toISOString().slice(0, 10) <= end; d.setUTCDate(d.getUTCDate() + 1)) {
    if (dates.length === max) return null;
    dates.push(d.toISOString().slice(0, 10));
  }
  return dates;
}

/** "5–7 March 2018", "30 March – 2 April 2018", "30 December 2018 – 2 January 2019". */
export function formatDateRange(start: string, end: string): string {
  if (start === end) return formatCalendarDate(start);
  const a = calendarDate(start);
  const b = calendarDate(end);
  const sameYear = a.getUTCFullYear() === b.getUTCFullYear();
  const sameMonth = sameYear && a.getUTCMonth() === b.getUTCMonth();
  const fmt = (d: Date, opts: Intl.DateTimeFormatOptions) =>
    dateTimeFormat('en-GB', { ...opts, timeZone: 'UTC' }).format(d);
  if (sameMonth) return `${a.getUTCDate()}–${formatCalendarDate(end)}`;
  if (sameYear) return `${fmt(a, { day: 'numeric', month: 'long' })} – ${formatCalendarDate(end)}`;
  return `${formatCalendarDate(start)} – ${formatCalendarDate(end)}`;
}

/** "13:40" in the conference's own time zone. */
export function formatTimeInZone(utcMs: number, timeZone: string): string {
  return dateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(new Date(utcMs));
}

/** The UTC instant of a wall-clock time on a calendar date in an IANA zone. */
export function zonedTimeToUtc(date: string, time: string, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number);
  const [h, mi] = time.split(':').map(Number);
  const guess = Date.UTC(y, m - 1, d, h, mi);
  // The zone's offset at the guessed instant; a second pass settles DST edges.
  const offsetAt = (ms: number) => {
    const parts = dateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    }).formatToParts(new Date(ms));
    const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
    return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute')) - ms;
  };
  const first = guess - offsetAt(guess);
  return guess - offsetAt(first);
}

const exactTime = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: 'UTC',
});

/** "12 March 2018, 14:05 UTC": an instant nobody wrote an offset for (comments, reports). */
export function formatExactTime(utcMs: number): string {
  return `${exactTime.format(new Date(utcMs)).replace(' at ', ', ')} UTC`;
}

/**
 * The instants a run of calendar days covers in an IANA zone: from midnight of `first` to midnight
 * after `last` (`[from, until)`), e.g. when a conference is on.
 */
export function calendarDaysInZone(first: string, last: string, timeZone: string): { from: number; until: number } {
  const after = calendarDate(last);
  after.setUTCDate(after.getUTCDate() + 1);
  return { from: zonedTimeToUtc(first, '00:00', timeZone), until: zonedTimeToUtc(after.toISOString().slice(0, 10), '00:00', timeZone) };
}
