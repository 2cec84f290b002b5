/**
 * One Jekyll/Octopress post file → a `ParsedPost` (pure; no database, no file system).
 *
 * Front matter is read the way Jekyll read it: YAML 1.1 (`yes`/`no` are booleans, `#` starts a
 * comment), duplicate keys allowed (the last wins), dates kept as written so their UTC offset
 * survives. A broken front matter is an error naming the file and the problem.
 */
import { decodeHTML } from 'entities';
import YAML, { type Tags } from 'yaml';
import { parseDateWithOffset, toIsoWithOffset } from '@/lib/dates';
import { splitExcerpt } from '@/lib/markdown';
import { slugify } from '@/lib/slug';
import { MAX_POST_BODY } from '@/lib/write-schemas';
import { scanHtml } from './html';
import { convertShortcodes } from './shortcodes';
import { convertLiquid } from './liquid';
import { decodeWindows1252, describeMojibake, findMojibake, repairMojibake } from './mojibake';
import { CONFIDENT, parseStructure } from './structure';
import type { ConferenceRef, DryRunEntry, ParsedPost, ParseResult, TalkMatch } from './types';

export type ParseOptions = { repairEncoding?: boolean };

// ------------------------------------------------------------------ bytes → text

/** UTF-8 with or without BOM (UTF-16 when it has a BOM); anything else is read as Windows-1252. */
export function decodeFile(input: Uint8Array | string): { text: string; warning: string | null } {
  let text: string;
  let warning: string | null = null;
  if (typeof input === 'string') text = input;
  else if (input[0] === 0xff && input[1] === 0xfe) text = new TextDecoder('utf-16le').decode(input.subarray(2));
  else if (input[0] === 0xfe && input[1] === 0xff) text = new TextDecoder('utf-16be').decode(input.subarray(2));
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(input);
    } catch {
      text = decodeWindows1252(input);
      warning = 'The file is not valid UTF-8: it was read as Windows-1252.';
    }
  }
  text = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  return { text, warning };
}

// ------------------------------------------------------------------ front matter

const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|$)/;

/** YAML 1.1 without its timestamp type: `date` must reach us as written, offset included. */
const withoutTimestamps = (tags: Tags) =>
  tags.filter((t) => (typeof t === 'string' ? t !== 'timestamp' : t.tag !== 'tag:yaml.org,2002:timestamp'));

/** A post that cannot be imported, with the reason in words (front matter, date, length). */
export class UnreadablePost extends Error {}

export function splitFrontMatter(text: string): { data: Record<string, unknown>; body: string; lines: number } {
  const m = FRONT_MATTER.exec(text);
  if (!m) throw new UnreadablePost('no front matter: a post must start with a line "---", then YAML, then "---"');
  const yaml = m[1] ?? '';
  let data: unknown;
  try {
    data = YAML.parse(yaml, { version: '1.1', customTags: withoutTimestamps, uniqueKeys: false, prettyErrors: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // The YAML library counts lines from the first line after "---".
    const fixed = message.replace(/at line (\d+)/g, (_, n: string) => `at line ${Number(n) + 1}`);
    throw new UnreadablePost(`front matter is not valid YAML: ${fixed.split('\n')[0].replace(/:\s*$/, '')}`);
  }
  if (data === null || data === undefined) data = {};
  if (typeof data !== 'object' || Array.isArray(data)) throw new UnreadablePost('front matter must be a list of "key: value" lines');
  return { data: data as Record<string, unknown>, body: text.slice(m[0].length), lines: m[0].split('\n').length - 1 };
}

const asText = (v: unknown): string | null =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : null;

/** A list, or a string split on whitespace (Jekyll's rule for categories and tags). */
function wordList(...values: unknown[]): string[] {
  const out: string[] = [];
  for (const v of values) {
    if (Array.isArray(v)) out.push(...v.map(asText).filter((s): s is string => s !== null));
    else {
      const s = asText(v);
      if (s !== null) out.push(...s.split(/\s+/));
    }
  }
  const seen = new Set<string>();
  return out
    .map((s) => s.trim())
    .filter((s) => s && !seen.has(s.toLowerCase()) && seen.add(s.toLowerCase()));
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

function conferenceRef(value: unknown): ConferenceRef | null {
  const empty: ConferenceRef = { slug: null, name: null, city: null, location: null, startDate: null, endDate: null, website: null, timeZone: null, days: [] };
  if (value === null || value === undefined || value === false) return null;
  const s = asText(value);
  if (s !== null) return s.trim() ? { ...empty, name: s.trim() } : null;
  if (typeof value !== 'object' || Array.isArray(value)) return null;
  const o = value as Record<string, unknown>;
  const str = (k: string) => asText(o[k])?.trim() || null;
  const date = (k: string) => {
    const d = str(k);
    return d && DATE_ONLY.test(d) ? d : null;
  };
  const days = Array.isArray(o.days)
    ? o.days.flatMap((d) => {
        if (!d || typeof d !== 'object') return [];
        const r = d as Record<string, unknown>;
        const number = Number(r.number);
        const dd = asText(r.date);
        return Number.isInteger(number) && number >= 1 && dd && DATE_ONLY.test(dd)
          ? [{ number, date: dd, theme: asText(r.theme)?.trim() || null }]
          : [];
      })
    : [];
  return {
    slug: str('slug'),
    name: str('name'),
    city: str('city'),
    location: str('location'),
    startDate: date('start'),
    endDate: date('end'),
    website: str('website'),
    timeZone: str('timezone') ?? str('time_zone'),
    days,
  };
}

/** `2018-03-12-qcon-london.markdown` → { date: '2018-03-12', slug: 'qcon-london' }. */
export function jekyllFileName(file: string): { date: string | null; slug: string | null } {
  const base = file.split(/[\\/]/).pop()!.replace(/\.(?:md|markdown|mdown|mkd|mkdn|txt|html)$/i, '');
  const m = /^(\d{4}-\d{2}-\d{2})-(.+)$/.exec(base);
  return m ? { date: m[1], slug: slugify(m[2]) } : { date: null, slug: null };
}

// ------------------------------------------------------------------ the post

export function parsePost(file: string, input: Uint8Array | string, options: ParseOptions = {}): ParseResult {
  const warnings: string[] = [];
  try {
    return { ok: true, post: parsePostOrThrow(file, input, options, warnings) };
  } catch (error) {
    const message =
      error instanceof UnreadablePost
        ? error.message
        : error instanceof RangeError && /call stack/i.test(error.message)
          ? 'could not be read: its HTML or lists are nested too deeply (thousands of levels).'
          : `could not be read: ${error instanceof Error ? error.message : String(error)}`;
    return { ok: false, file, error: `${file}: ${message}`, warnings };
  }
}

function parsePostOrThrow(file: string, input: Uint8Array | string, options: ParseOptions, warnings: string[]): ParsedPost {
  const decoded = decodeFile(input);
  if (decoded.warning) warnings.push(decoded.warning);
  let text = decoded.text;

  const mojibake = findMojibake(text);
  if (mojibake.length) warnings.push(describeMojibake(text, mojibake, Boolean(options.repairEncoding)));
  if (options.repairEncoding && mojibake.length) text = repairMojibake(text).text;

  const { data, body: rawBody, lines } = splitFrontMatter(text);
  // The editor's limit, checked before any parsing: a longer post would only cost time to refuse.
  if (rawBody.length > MAX_POST_BODY) {
    throw new UnreadablePost(`it is ${rawBody.length.toLocaleString('en')} characters long; a recap is at most ${MAX_POST_BODY.toLocaleString('en')} (as in the editor): split it into two.`);
  }
  const fromName = jekyllFileName(file);

  let title = asText(data.title)?.trim() ?? '';
  // `rake new_post` HTML-escaped titles (`&amp;`); Jekyll printed them as HTML, so decode once.
  title = decodeHTML(title).replace(/\s+/g, ' ').trim();
  if (!title) {
    if (!fromName.slug) throw new UnreadablePost('no title: front matter has no "title" and the file name is not YYYY-MM-DD-title');
    title = fromName.slug.replace(/-/g, ' ').replace(/^\w/, (c) => c.toUpperCase());
    warnings.push(`No title in the front matter: using "${title}" from the file name.`);
  }

  const dateText = asText(data.date)?.trim() || fromName.date;
  if (!dateText) throw new UnreadablePost('no date: front matter has no "date" and the file name does not start with YYYY-MM-DD');
  const when = parseDateWithOffset(dateText);
  if (!when) throw new UnreadablePost(`"date" is not a date: ${JSON.stringify(dateText)} (expected e.g. 2018-03-12 13:08:46 -0700)`);

  const published = data.published !== false;
  const comments = data.comments === true;
  const categories = wordList(data.categories, data.category);
  const tags = wordList(data.tags, data.tag);
  const slug = slugify(asText(data.slug) ?? fromName.slug ?? title);

  const liquid = convertLiquid(rawBody, { title, lineOffset: lines });
  warnings.push(...liquid.warnings);
  const shortcodes = convertShortcodes(liquid.markdown);
  const html = scanHtml(shortcodes.markdown, lines);
  warnings.push(...html.warnings);
  const markdown = html.markdown;
  const writtenDay = new Date(when.utcMs + when.offsetMinutes * 60_000).toISOString().slice(0, 10);
  const structure = parseStructure(markdown, { postTitle: title, postDate: writtenDay, lineOffset: lines });
  warnings.push(...structure.warnings);
  // Parsing the whole post again only to look for a marker it does not have is wasted time.
  const { excerpt } = /<!--\s*more\s*-->/i.test(markdown) ? splitExcerpt(markdown) : { excerpt: null };

  // The iframes Liquid tags became are seen again by the HTML scan: list each embed once.
  const embeds = [...liquid.embeds, ...shortcodes.embeds];
  for (const { at: _at, ...e } of html.embeds) if (!embeds.some((x) => x.kind === e.kind && x.url === e.url)) embeds.push(e);

  return {
    file,
    title,
    slug,
    date: { iso: toIsoWithOffset(when.utcMs, when.offsetMinutes), utcMs: when.utcMs, offsetMinutes: when.offsetMinutes },
    categories,
    tags,
    comments,
    published,
    conference: conferenceRef(data.conference),
    excerpt: excerpt === null ? null : excerpt.trim(),
    body: tidyBody(structure.body),
    days: structure.days,
    layout: structure.layout,
    plan: structure.plan,
    hallway: hallwayIdentity(data),
    images: liquid.images,
    embeds,
    warnings,
    mojibake: { found: mojibake.length, repaired: Boolean(options.repairEncoding) && mojibake.length > 0 },
  };
}

/** The stored body: no blank lines around it, one final newline. */
export const tidyBody = (body: string) => body.replace(/^\n+/, '').trimEnd() + '\n';

/** `hallway_id` and `hallway_url`, written by Hallway's export. */
function hallwayIdentity(data: Record<string, unknown>): ParsedPost['hallway'] {
  const id = Number(data.hallway_id);
  const url = asText(data.hallway_url)?.trim() || null;
  if (!(Number.isInteger(id) && id > 0) && !url) return null;
  return { id: Number.isInteger(id) && id > 0 ? id : null, url };
}

// ------------------------------------------------------------------ the documented JSON

export type TalkChoice = 'confident' | 'all' | 'none';

/** Whether a talk is imported under a `--talks` choice. */
export const isSelected = (confidence: number, choice: TalkChoice) => choice === 'all' || (choice === 'confident' && confidence >= CONFIDENT);

export type DryRunContext = {
  talks?: TalkChoice;
  matches?: (index: number) => TalkMatch | null;
  conference?: DryRunEntry['conference'];
  existing?: DryRunEntry['existing'];
  problems?: string[];
};

export function toDryRunJson(result: ParseResult, options: DryRunContext = {}): DryRunEntry {
  const choice = options.talks ?? 'confident';
  if (!result.ok) {
    return {
      file: result.file,
      error: result.error,
      title: null,
      date: null,
      categories: [],
      tags: [],
      comments: null,
      published: null,
      excerpt: null,
      days: [],
      images: [],
      embeds: [],
      warnings: result.warnings,
      conference: null,
      existing: null,
      problems: [],
    };
  }
  const p = result.post;
  return {
    file: p.file,
    error: null,
    title: p.title,
    date: p.date.iso,
    categories: p.categories,
    tags: p.tags,
    comments: p.comments,
    published: p.published,
    excerpt: p.excerpt,
    days: p.days.map((d) => ({
      label: d.label,
      track: d.track,
      host: d.host,
      heading: d.heading,
      date: d.date,
      talks: d.talks.map((t) => ({
        title: t.title,
        url: t.url,
        links: t.links.map(({ kind, url }) => ({ kind, url })),
        note: t.note,
        speakers: t.speakers,
        confidence: t.confidence,
        selected: isSelected(t.confidence, choice),
        reasons: t.reasons,
        lines: [t.source.from, t.source.to] as [number, number],
        match: options.matches?.(t.index) ?? null,
      })),
    })),
    images: p.images,
    embeds: p.embeds,
    warnings: p.warnings,
    conference: options.conference ?? null,
    existing: options.existing ?? null,
    problems: options.problems ?? [],
  };
}
