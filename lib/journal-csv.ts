import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { SeenHow } from '@/db/schema';
import { SLUG_PATTERN } from './slug';
import { isCalendarDate, normalizeReview, REVIEW_MAX_LENGTH, reviewLength, SEEN_HOW_LABELS, SEEN_HOW_VALUES } from './ratings';

/**
 * The journal's CSV: what `/journal/export.csv` writes and the import reads back. The columns are
 * fixed; the import finds them by header name (any order, any case), matches each row's talk by
 * its Hallway talk URL (`/conferences/<conference>/talks/<talk>`, whatever the host), and falls
 * back to conference name + talk title for rows without one.
 */
export const JOURNAL_CSV_COLUMNS = ['date', 'conference', 'day', 'track', 'talk', 'speakers', 'how seen', 'stars', 'review', 'talk URL', 'seen on'] as const;

export const IMPORT_MAX_BYTES = 1_000_000;
export const IMPORT_MAX_ROWS = 5000;

export type JournalCsvRow = {
  date: string;
  conference: string;
  day: number | null;
  track: string | null;
  talk: string;
  speakers: string[];
  seenHow: SeenHow;
  stars: number | null;
  review: string | null;
  talkUrl: string;
  /** The day the person saw it: the talk's day unless they saw it later. */
  seenOn: string;
};

/**
 * Spreadsheets run a cell starting with = + - @ (or a tab/CR) as a formula; talk titles and reviews
 * come from other people, so such cells get a leading apostrophe (OWASP's advice), which the
 * import removes again.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
function protect(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}
function unprotect(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

/** UTF-8 with a byte-order mark, so spreadsheet programs read accents right; CRLF as RFC 4180 says. */
export function journalToCsv(rows: JournalCsvRow[]): string {
  const body = stringify(
    rows.map((r) => [
      r.date,
      protect(r.conference),
      r.day === null ? '' : String(r.day),
      protect(r.track ?? ''),
      protect(r.talk),
      protect(r.speakers.join(', ')),
      r.seenHow,
      r.stars === null ? '' : String(r.stars),
      protect(r.review ?? ''),
      r.talkUrl,
      r.seenOn,
    ]),
    { header: true, columns: [...JOURNAL_CSV_COLUMNS], record_delimiter: '\r\n', quote_record_delimiter: true },
  );
  return `\uFEFF${body}`;
}

/** `/conferences/<c>/talks/<t>` out of a URL or a path; null when it names no talk. */
export function talkSlugsFromUrl(url: string): { conferenceSlug: string; talkSlug: string } | null {
  const m = /\/conferences\/([^/?#\s]+)\/talks\/([^/?#\s]+)\/?(?:[?#].*)?$/.exec(url.trim());
  if (!m) return null;
  // Slugs in other scripts arrive percent-encoded when copied from an address bar.
  const [conferenceSlug, talkSlug] = [m[1], m[2]].map((part) => {
    try {
      return decodeURIComponent(part).toLowerCase();
    } catch {
      return '';
    }
  });
  return SLUG_PATTERN.test(conferenceSlug) && SLUG_PATTERN.test(talkSlug) ? { conferenceSlug, talkSlug } : null;
}

export type ParsedImportRow = {
  /** 1-based line of the file, counting the header as line 1 (what a spreadsheet shows). */
  row: number;
  conference: string;
  talk: string;
  slugs: { conferenceSlug: string; talkSlug: string } | null;
  seenHow: SeenHow;
  stars: number | null;
  review: string | null;
  /** Null when the file gives none: the talk's day. */
  seenOn: string | null;
  problem: string | null;
};

const SEEN_HOW_BY_TEXT = new Map<string, SeenHow>([
  ...SEEN_HOW_VALUES.map((v) => [v, v] as const),
  ...SEEN_HOW_VALUES.map((v) => [SEEN_HOW_LABELS[v].toLowerCase(), v] as const),
  ['live', 'room'],
  ['in person', 'room'],
  ['stream', 'livestream'],
  ['video', 'recording'],
  ['', 'room'],
]);

export type ParseResult = { ok: true; rows: ParsedImportRow[] } | { ok: false; message: string };

export function parseJournalCsv(text: string): ParseResult {
  let records: string[][];
  try {
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, trim: false }) as string[][];
  } catch (error) {
    return { ok: false, message: `This file is not valid CSV (${error instanceof Error ? error.message.split('\n')[0] : 'unreadable'}).` };
  }
  if (records.length === 0) return { ok: false, message: 'This file is empty.' };
  const header = records[0].map((h) => h.trim().toLowerCase());
  const col = (name: (typeof JOURNAL_CSV_COLUMNS)[number]) => header.indexOf(name.toLowerCase());
  const idx = { conference: col('conference'), talk: col('talk'), how: col('how seen'), stars: col('stars'), review: col('review'), url: col('talk URL'), seenOn: col('seen on') };
  if (idx.url < 0 && (idx.conference < 0 || idx.talk < 0)) {
    return { ok: false, message: `The first line must name the columns: ${JOURNAL_CSV_COLUMNS.join(', ')}. Export your journal to see the format.` };
  }
  if (records.length - 1 > IMPORT_MAX_ROWS) return { ok: false, message: `A file can hold at most ${IMPORT_MAX_ROWS.toLocaleString('en-GB')} entries.` };

  const rows: ParsedImportRow[] = [];
  for (let i = 1; i < records.length; i++) {
    const cells = records[i];
    const get = (j: number) => (j >= 0 ? unprotect(cells[j] ?? '') : '');
    if (cells.every((c) => c.trim() === '')) continue;
    let problem: string | null = null;
    const starsText = get(idx.stars).trim();
    let stars: number | null = null;
    if (starsText !== '') {
      const n = Number(starsText);
      if (Number.isInteger(n) && n >= 1 && n <= 5) stars = n;
      else problem = `stars must be 1 to 5 or empty, not “${starsText.slice(0, 20)}”`;
    }
    const seenHow = SEEN_HOW_BY_TEXT.get(get(idx.how).trim().toLowerCase());
    if (!seenHow) problem ??= `how seen must be room, livestream or recording, not “${get(idx.how).slice(0, 20)}”`;
    const review = normalizeReview(get(idx.review));
    if (review && reviewLength(review) > REVIEW_MAX_LENGTH) problem ??= `the review is longer than ${REVIEW_MAX_LENGTH.toLocaleString('en-GB')} characters`;
    const seenOn = get(idx.seenOn).trim() || null;
    if (seenOn && !isCalendarDate(seenOn)) problem ??= `seen on must be a date as YYYY-MM-DD or empty, not “${seenOn.slice(0, 20)}”`;
    rows.push({
      row: i + 1,
      conference: get(idx.conference).trim(),
      talk: get(idx.talk).trim(),
      slugs: talkSlugsFromUrl(get(idx.url)),
      seenHow: seenHow ?? 'room',
      stars,
      review,
      seenOn,
      problem,
    });
  }
  return { ok: true, rows };
}
