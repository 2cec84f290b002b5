/**
 * A recap's structure, read from its markdown:
 *
 *   ### Day 1: Stream Processing          ← a day; the track after the colon
 *   I spent the day in the track hosted by Tyler Akidau.   ← intro; the host
 *   **[Talk title](https://conf/talk)**   ← a talk (optionally ` by A, B and C`)
 *   [Presentation](…) | [Slides](…) | Video (not yet available)   ← its links
 *   Paragraphs…                           ← the author's note, until the next talk or heading
 *
 * The talks come out as data; in the body, each run of talks (with the day headings and intros
 * around them) is replaced by a `<!-- hallway:talks … -->` skeleton holding `<<talk N>>`
 * placeholders, so readers see the prose in place and the talks as Hallway's talk list, and the
 * exporter can put everything back where it was.
 *
 * Outside a Day section, a bold title counts as a talk only when a link line follows it (a lone
 * bold link is too common a thing in ordinary posts).
 */
import type { Heading, Nodes, Paragraph, PhrasingContent, RootContent } from 'mdast';
import { parseMarkdown } from './mdast';
import type { LinkKind, ParsedDay, ParsedTalk, TalkLink } from './types';

export type Structure = { body: string; days: ParsedDay[]; warnings: string[] };

const SKELETON_OPEN = '<!-- hallway:talks';
const SKELETON_CLOSE = '-->';
const PLACEHOLDER = /^<<talk (\S+)>>$/;
const MORE_MARKER = /^<!--\s*more\s*-->/i;

// ------------------------------------------------------------------ text helpers

/** Plain text of an mdast node (inline code included, markup dropped). */
export function plainText(node: Nodes): string {
  if ('value' in node && (node.type === 'text' || node.type === 'inlineCode')) return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(plainText).join('');
  if (node.type === 'break') return ' ';
  return '';
}

const NUMBER_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };
const DAY_HEADING = /^day\s+(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\b\s*(?:\([^)]*\)\s*)?(?:[:\-–—.]\s*(.*))?$/i;

export function parseDayHeading(text: string): { number: number; track: string | null; host: string | null } | null {
  const m = DAY_HEADING.exec(text.trim());
  if (!m) return null;
  const number = /^\d+$/.test(m[1]) ? Number(m[1]) : NUMBER_WORDS[m[1].toLowerCase()];
  if (!number) return null;
  let track = m[2]?.trim() || null;
  let host: string | null = null;
  const hosted = track ? /^(.*?)\s*[(,–—-]?\s*hosted by\s+(.+?)\)?$/i.exec(track) : null;
  if (hosted) {
    track = hosted[1].trim() || null;
    host = hosted[2].trim() || null;
  }
  return { number, track, host };
}

const HOSTED_BY =
  /\b[Hh]osted [Bb]y\s+(\p{Lu}[\p{L}'’.-]*(?:\s+(?:(?:van|von|der|den|de|da|di|du|la|le|del|dos|das|bin|al)\s+)*\p{Lu}[\p{L}'’.-]*){0,4})/u;

export function findHost(text: string): string | null {
  const m = HOSTED_BY.exec(text.replace(/\s+/g, ' '));
  return m ? m[1].replace(/[.’']+$/, '') : null;
}

function paragraphOf(line: string): Paragraph | null {
  const tree = parseMarkdown(line.trim());
  if (tree.children.length !== 1 || tree.children[0].type !== 'paragraph') return null;
  return tree.children[0];
}

const isBlankText = (n: PhrasingContent) => n.type === 'text' && n.value.trim() === '';

/** `**[Title](url)**`, `**Title**`, optionally followed by ` by A, B and C`. */
export function parseTalkLine(line: string): { title: string; url: string | null; speakers: string[] } | null {
  if (!/^ {0,3}(\*\*|__)/.test(line)) return null;
  const paragraph = paragraphOf(line);
  if (!paragraph) return null;
  const [first, ...rest] = paragraph.children;
  if (first?.type !== 'strong') return null;
  if (rest.some((n) => n.type !== 'text')) return null;
  const suffix = rest.map((n) => (n as { value: string }).value).join('');
  let speakers: string[] = [];
  if (suffix.trim()) {
    const by = /^\s*(?:by|—|–|-)\s+(.+?)\s*$/i.exec(suffix);
    if (!by) return null;
    speakers = by[1].split(/\s*,\s*|\s+(?:and|&)\s+/).map((s) => s.trim()).filter(Boolean);
    if (!speakers.length || speakers.some((s) => s.length > 80 || !/^\p{L}/u.test(s))) return null;
  }
  const inner = first.children.filter((n) => !isBlankText(n));
  let title: string;
  let url: string | null = null;
  if (inner.length === 1 && inner[0].type === 'link') {
    title = plainText(inner[0]);
    url = inner[0].url || null;
  } else if (inner.length && !inner.some((n) => n.type === 'link' || n.type === 'image' || n.type === 'linkReference')) {
    title = plainText(first);
  } else return null;
  title = title.replace(/\s+/g, ' ').trim();
  // "**Update:**" and friends label a paragraph; they are not talks.
  if (!title || title.endsWith(':')) return null;
  return { title, url, speakers };
}

const UNAVAILABLE = /not\s+(?:yet\s+)?available|coming soon|pending|tba|tbd|to be (?:announced|published)|n\/a|unavailable|soon/i;

export function linkKind(label: string): LinkKind {
  const l = label.toLowerCase();
  if (/present|infoq/.test(l)) return 'presentation';
  if (/slide|deck|pdf/.test(l)) return 'slides';
  if (/video|recording|watch|youtube|vimeo/.test(l)) return 'video';
  return 'other';
}

/** `[Presentation](…) | [Slides](…) | Video (not yet available)`: every part a link or an unavailable label. */
export function parseLinkLine(line: string): TalkLink[] | null {
  if (!line.trim() || /^ {0,3}(?:[#>*+-]|\d+[.)])\s/.test(line)) return null;
  const paragraph = paragraphOf(line);
  if (!paragraph) return null;
  const segments: PhrasingContent[][] = [[]];
  for (const child of paragraph.children) {
    if (child.type === 'text' && child.value.includes('|')) {
      const pieces = child.value.split('|');
      pieces.forEach((piece, i) => {
        if (i > 0) segments.push([]);
        if (piece) segments[segments.length - 1].push({ type: 'text', value: piece });
      });
    } else segments[segments.length - 1].push(child);
  }
  const links: TalkLink[] = [];
  for (const segment of segments) {
    const parts = segment.filter((n) => !isBlankText(n));
    if (parts.length === 1 && parts[0].type === 'link') {
      const label = plainText(parts[0]).trim();
      if (!label || !parts[0].url) return null;
      links.push({ kind: linkKind(label), label, url: parts[0].url });
      continue;
    }
    if (parts.length && parts.every((n) => n.type === 'text')) {
      const text = parts.map((n) => (n as { value: string }).value).join('').trim();
      const m = /^(.+?)\s*\(([^)]*)\)$/.exec(text);
      if (m && UNAVAILABLE.test(m[2])) {
        links.push({ kind: linkKind(m[1]), label: m[1].trim(), url: null });
        continue;
      }
    }
    return null;
  }
  return links.length ? links : null;
}

// ------------------------------------------------------------------ skeleton encoding

/** Inside the HTML comment, `>` and `&` are escaped so no text can close it early. */
const escapeSkeleton = (text: string) => text.replace(/&/g, '&amp;').replace(/>/g, '&gt;');
const unescapeSkeleton = (text: string) => text.replace(/&gt;/g, '>').replace(/&amp;/g, '&');

export type SkeletonPart = { kind: 'text'; text: string } | { kind: 'talk'; ref: string };

function encodeSkeleton(parts: SkeletonPart[]): string {
  const inner = parts.map((p) => (p.kind === 'talk' ? `<<talk ${p.ref}>>` : escapeSkeleton(p.text))).join('\n');
  return `${SKELETON_OPEN}\n${inner}\n${SKELETON_CLOSE}`;
}

/** Finds every skeleton in a stored body, with its position and decoded parts. */
export function findSkeletons(body: string): { start: number; end: number; parts: SkeletonPart[] }[] {
  const found: { start: number; end: number; parts: SkeletonPart[] }[] = [];
  const re = /^<!-- hallway:talks\n([\s\S]*?)\n-->$/gm;
  for (const m of body.matchAll(re)) {
    const parts: SkeletonPart[] = [];
    let text: string[] = [];
    const flush = () => {
      if (text.length) parts.push({ kind: 'text', text: unescapeSkeleton(text.join('\n')) });
      text = [];
    };
    for (const line of m[1].split('\n')) {
      const p = PLACEHOLDER.exec(line);
      if (p) {
        flush();
        parts.push({ kind: 'talk', ref: p[1] });
      } else text.push(line);
    }
    flush();
    found.push({ start: m.index!, end: m.index! + m[0].length, parts });
  }
  return found;
}

/** Rewrites the placeholders of every skeleton in a body (talk index → talk slug, on import). */
export function mapSkeletonRefs(body: string, map: (ref: string) => string | null): string {
  let out = '';
  let last = 0;
  for (const s of findSkeletons(body)) {
    const parts = s.parts.flatMap((p): SkeletonPart[] => {
      if (p.kind === 'text') return [p];
      const ref = map(p.ref);
      return ref ? [{ kind: 'talk', ref }] : [];
    });
    out += body.slice(last, s.start) + encodeSkeleton(parts);
    last = s.end;
  }
  return out + body.slice(last);
}

// ------------------------------------------------------------------ the parser

type Unit =
  | { kind: 'line'; start: number; end: number; text: string }
  | { kind: 'heading'; start: number; end: number; depth: number; text: string }
  | { kind: 'block'; start: number; end: number; marker: boolean };

type Item = { kind: 'text'; start: number; end: number } | { kind: 'talk'; start: number; end: number; index: number };
type Region = { start: number; end: number; items: Item[] };

export function parseStructure(markdown: string): Structure {
  const lines = markdown.split('\n');
  const tree = parseMarkdown(markdown);
  const units: Unit[] = [];
  for (const node of tree.children as RootContent[]) {
    const start = node.position!.start.line - 1;
    const end = node.position!.end.line - 1;
    if (node.type === 'paragraph') {
      for (let l = start; l <= end; l++) units.push({ kind: 'line', start: l, end: l, text: lines[l] });
    } else if (node.type === 'heading') {
      units.push({ kind: 'heading', start, end, depth: (node as Heading).depth, text: plainText(node) });
    } else {
      units.push({ kind: 'block', start, end, marker: node.type === 'html' && MORE_MARKER.test(node.value.trim()) });
    }
  }

  const days: ParsedDay[] = [];
  const regions: Region[] = [];
  const warnings: string[] = [];
  let region: Region | null = null;
  let day: (ParsedDay & { intro: string[]; depth: number }) | null = null;
  let unnamed: ParsedDay | null = null;
  let talk: { data: ParsedTalk; start: number; end: number; noteFrom: number } | null = null;
  let index = 0;

  const closeTalk = () => {
    if (!talk || !region) return;
    const note = lines.slice(talk.noteFrom, talk.end + 1).join('\n').replace(/^(?:[ \t]*\n)+/, '').trimEnd();
    talk.data.note = note;
    region.items.push({ kind: 'talk', start: talk.start, end: talk.end, index: talk.data.index });
    talk = null;
  };
  const closeDay = () => {
    if (day && day.host === null) day.host = findHost(plainText(parseMarkdown(day.intro.join('\n'))));
    day = null;
  };
  const closeRegion = () => {
    closeTalk();
    closeDay();
    if (region) {
      region.end = Math.max(region.start, ...region.items.map((i) => i.end));
      regions.push(region);
    }
    region = null;
  };
  const addText = (u: Unit) => region?.items.push({ kind: 'text', start: u.start, end: u.end });

  for (let u = 0; u < units.length; u++) {
    const unit = units[u];

    if (unit.kind === 'heading') {
      const info = parseDayHeading(unit.text);
      if (info) {
        closeTalk();
        closeDay();
        if (!region) {
          // A heading right above the first day ("## Best talks I attended") introduces the talks.
          const prev = units[u - 1];
          const start = prev?.kind === 'heading' && prev.depth < unit.depth && !parseDayHeading(prev.text) ? prev.start : unit.start;
          region = { start, end: unit.end, items: start < unit.start ? [{ kind: 'text', start, end: prev!.end }] : [] };
        }
        addText(unit);
        day = { label: `Day ${info.number}`, number: info.number, track: info.track, host: info.host, talks: [], intro: [], depth: unit.depth };
        days.push(day);
        continue;
      }
      if (day && unit.depth > day.depth) {
        // A sub-heading inside a day: ends the note; the day goes on.
        closeTalk();
        addText(unit);
        continue;
      }
      closeRegion();
      continue;
    }

    if (unit.kind === 'block' && unit.marker) {
      closeRegion();
      continue;
    }

    const parsedTalk = unit.kind === 'line' ? parseTalkLine(unit.text) : null;
    const next = units[u + 1];
    const links = parsedTalk && next?.kind === 'line' ? parseLinkLine(next.text) : null;
    if (parsedTalk && (day || links)) {
      closeTalk();
      let target: ParsedDay;
      if (day) target = day;
      else {
        if (!unnamed) {
          unnamed = { label: null, number: null, track: null, host: null, talks: [] };
          days.push(unnamed);
        }
        target = unnamed;
      }
      if (!region) region = { start: unit.start, end: unit.end, items: [] };
      const data: ParsedTalk = { ...parsedTalk, links: links ?? [], note: '', index: index++ };
      target.talks.push(data);
      const end = links ? next!.end : unit.end;
      talk = { data, start: unit.start, end, noteFrom: end + 1 };
      if (links) u++;
      continue;
    }

    if (talk) {
      talk.end = unit.end;
      continue;
    }
    if (day) {
      if (day.talks.length === 0) day.intro.push(lines.slice(unit.start, unit.end + 1).join('\n'));
      addText(unit);
      continue;
    }
    // Ordinary prose after a run of talks outside any day: the run ends here.
    if (region) closeRegion();
  }
  closeRegion();

  for (const d of days) if (d.number !== null && d.talks.length === 0) warnings.push(`${d.label}${d.track ? ` (${d.track})` : ''} lists no talks.`);

  return { body: replaceRegions(lines, regions), days: days.map(({ intro: _intro, depth: _depth, ...d }: ParsedDay & { intro?: unknown; depth?: unknown }) => d), warnings };
}

function replaceRegions(lines: string[], regions: Region[]): string {
  const out: string[] = [];
  let line = 0;
  for (const r of regions) {
    out.push(...lines.slice(line, r.start));
    const parts: SkeletonPart[] = [];
    let cursor = r.start;
    for (const item of [...r.items].sort((a, b) => a.start - b.start)) {
      if (item.kind === 'talk') {
        if (cursor < item.start) parts.push({ kind: 'text', text: lines.slice(cursor, item.start).join('\n') });
        parts.push({ kind: 'talk', ref: String(item.index) });
        cursor = item.end + 1;
      }
    }
    if (cursor <= r.end) parts.push({ kind: 'text', text: lines.slice(cursor, r.end + 1).join('\n') });
    out.push(encodeSkeleton(normalizeParts(parts)));
    line = r.end + 1;
  }
  out.push(...lines.slice(line));
  return out.join('\n');
}

/** Blank lines around placeholders carry no meaning: keep the skeleton compact and stable. */
function normalizeParts(parts: SkeletonPart[]): SkeletonPart[] {
  return parts
    .map((p) => (p.kind === 'text' ? { ...p, text: p.text.replace(/^(?:[ \t]*\n)+/, '').trimEnd() } : p))
    .filter((p) => p.kind === 'talk' || p.text !== '');
}
