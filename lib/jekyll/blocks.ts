/**
 * A post body as a flat sequence of blocks — headings, paragraphs, list items — whatever wrote
 * them: markdown (`### Title`, `**bold**`, `- item`) and the raw HTML of the WordPress era
 * (`<h3>`, `<strong>`, `<li>`) come out the same, because both go through the same HTML tree
 * (remark → rehype → rehype-raw) before the importer looks at them. Every block and line keeps its
 * offsets in the source, so the importer can cut talks out of the body and show the lines it read.
 *
 * Pure and linear in the size of the input: one parse, one walk.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import rehypeRaw from 'rehype-raw';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { inRanges } from './mdast';

export type Inline =
  | { type: 'text'; value: string; start: number; end: number }
  | { type: 'strong' | 'em'; children: Inline[]; start: number; end: number }
  | { type: 'link'; url: string; children: Inline[]; start: number; end: number }
  | { type: 'code'; value: string; start: number; end: number }
  | { type: 'image'; alt: string; start: number; end: number };

/** One visual line of a paragraph, heading or list item (split at line breaks). */
export type Line = { inline: Inline[]; text: string; start: number; end: number };

export type BlockKind = 'heading' | 'paragraph' | 'item' | 'other';

export type Block = {
  id: number;
  kind: BlockKind;
  /** Heading level (1–6), list nesting (1 = a top-level list), 0 otherwise. */
  depth: number;
  /** Paragraph and heading text; for an item, its first paragraph (the rest are blocks of their own). */
  lines: Line[];
  /** The whole block in the source; an item includes what is nested in it. */
  start: number;
  end: number;
  /** An item: the list it belongs to, its position there, and the item it is nested in. */
  list: { id: number; ordered: boolean; index: number; size: number } | null;
  parent: number | null;
  /** Written as raw HTML rather than markdown. */
  html: boolean;
  /** `<!-- more -->`. */
  moreMarker: boolean;
  /** The plain text of an `other` block (a quote, a table). */
  text: string;
};

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRaw);

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const CONTAINERS = new Set(['div', 'section', 'article', 'header', 'footer', 'main', 'aside', 'center', 'body', 'html', 'details', 'figure', 'span', 'font']);
const BLOCK_OTHER = new Set([
  'pre', 'table', 'hr', 'blockquote', 'iframe', 'video', 'audio', 'object', 'embed', 'script', 'style', 'form', 'dl', 'nav', 'figcaption', 'noscript', 'svg', 'math', 'textarea', 'select', 'canvas', 'map', 'summary', 'address', 'fieldset', 'template',
]);
const STRONG = new Set(['strong', 'b']);
const EM = new Set(['em', 'i', 'cite', 'dfn', 'var']);
const CODE = new Set(['code', 'kbd', 'tt', 'samp']);
const MORE = /^\s*more\s*$/i;

type Span = { start: number; end: number };
type Positioned = { type: string; value?: string; position?: { start?: { offset?: number }; end?: { offset?: number } } };
const posOf = (node: Positioned): Span | null => {
  const s = node.position?.start?.offset;
  const e = node.position?.end?.offset;
  // rehype-raw merges adjacent text nodes and keeps only one end of the merged span.
  const length = node.type === 'text' && typeof node.value === 'string' ? node.value.length : null;
  if (s !== undefined && e !== undefined) return { start: s, end: e };
  if (length !== null && e !== undefined) return { start: Math.max(0, e - length), end: e };
  if (length !== null && s !== undefined) return { start: s, end: s + length };
  return null;
};

const isElement = (n: RootContent | ElementContent): n is Element => n.type === 'element';
/** `span`/`font` hold blocks in pasted HTML but inline text in prose: treated by what they contain. */
const isBlockElement = (n: RootContent | ElementContent): boolean => {
  if (!isElement(n)) return n.type === 'comment' && MORE.test(n.value);
  if (n.tagName === 'span' || n.tagName === 'font') return n.children.some(isBlockElement);
  return HEADINGS.has(n.tagName) || n.tagName === 'p' || n.tagName === 'ul' || n.tagName === 'ol' || n.tagName === 'li' || CONTAINERS.has(n.tagName) || BLOCK_OTHER.has(n.tagName);
};

export function readBlocks(markdown: string): Block[] {
  const tree = parser.runSync(parser.parse(markdown)) as Root;
  const blocks: Block[] = [];
  let listId = 0;
  const htmlRanges = rawHtmlRanges(markdown);
  const inHtml = (at: number) => inRanges(htmlRanges, at) !== undefined;

  const add = (b: Omit<Block, 'id' | 'html' | 'moreMarker' | 'text'> & { moreMarker?: boolean; text?: string }): Block => {
    const block: Block = { ...b, id: blocks.length, html: inHtml(b.start), moreMarker: b.moreMarker ?? false, text: b.text ?? b.lines.map((l) => l.text).join(' ') };
    blocks.push(block);
    return block;
  };

  /** Walks a container's children, collecting loose inline runs into paragraphs. */
  const walk = (children: (RootContent | ElementContent)[], parent: number | null, outer: Span | null, depth: number) => {
    let run: (RootContent | ElementContent)[] = [];
    let lastEnd = outer?.start ?? 0;
    const flush = (nextStart: number | null) => {
      if (!run.length) return;
      for (const piece of splitAtBlankLines(run)) {
        const lines = toLines(piece, markdown, rangeGuess(piece, lastEnd, nextStart ?? outer?.end ?? null));
        if (lines.length) add({ kind: 'paragraph', depth: 0, lines, start: lines[0].start, end: lines[lines.length - 1].end, list: null, parent });
      }
      run = [];
    };
    for (let i = 0; i < children.length; i++) {
      const child = children[i];
      if (!isBlockElement(child)) {
        run.push(child);
        continue;
      }
      const span = posOf(child);
      flush(span?.start ?? null);
      if (span) lastEnd = span.end;
      if (!isElement(child)) {
        // The excerpt marker: regions of talks never cross it.
        if (span) add({ kind: 'other', depth: 0, lines: [], start: span.start, end: span.end, list: null, parent, moreMarker: true });
        continue;
      }
      const tag = child.tagName;
      const where = span ?? { start: outer?.start ?? 0, end: outer?.end ?? 0 };
      if (HEADINGS.has(tag)) {
        const lines = toLines(child.children, markdown, where);
        add({ kind: 'heading', depth: Number(tag[1]), lines: joinLines(lines, where), start: where.start, end: where.end, list: null, parent });
      } else if (tag === 'p') {
        const lines = toLines(child.children, markdown, where);
        if (lines.length) add({ kind: 'paragraph', depth: 0, lines, start: where.start, end: where.end, list: null, parent });
      } else if (tag === 'ul' || tag === 'ol') {
        const items = child.children.filter((c): c is Element => isElement(c) && c.tagName === 'li');
        const id = ++listId;
        items.forEach((li, index) => item(li, { id, ordered: tag === 'ol', index, size: items.length }, parent, depth + 1, where));
      } else if (tag === 'li') {
        item(child, { id: ++listId, ordered: false, index: 0, size: 1 }, parent, depth + 1, where);
      } else if (CONTAINERS.has(tag)) {
        walk(child.children, parent, where, depth);
      } else {
        add({ kind: 'other', depth: 0, lines: [], start: where.start, end: where.end, list: null, parent, text: tag === 'blockquote' ? textOfHast(child).replace(/\s+/g, ' ').trim() : '' });
      }
    }
    flush(outer?.end ?? null);
  };

  const item = (li: Element, list: NonNullable<Block['list']>, parent: number | null, depth: number, outer: Span) => {
    const span = posOf(li) ?? outer;
    // The item's own text: its leading inline content, or its first paragraph.
    const kids = li.children.filter((c) => !(c.type === 'text' && !c.value.trim()));
    let head: ElementContent[] = [];
    let rest: ElementContent[] = [];
    const firstBlock = kids.findIndex(isBlockElement);
    if (firstBlock === -1) head = kids;
    else if (firstBlock > 0) {
      head = kids.slice(0, firstBlock);
      rest = kids.slice(firstBlock);
    } else if (isElement(kids[0]) && kids[0].tagName === 'p') {
      head = kids[0].children;
      rest = kids.slice(1);
    } else rest = kids;
    const lines = toLines(head, markdown, span);
    const block = add({ kind: 'item', depth, lines, start: span.start, end: span.end, list, parent });
    if (rest.length) walk(rest, block.id, span, depth);
  };

  walk(tree.children, null, null, 0);
  return splitHashHeadings(blocks, markdown);
}

// ------------------------------------------------------------------ inline content

/** Where a run of nodes sits, when some of its text nodes carry no position (raw HTML text). */
function rangeGuess(nodes: (RootContent | ElementContent)[], after: number, nextStart: number | null): Span {
  const spans = nodes.map(posOf).filter((s): s is Span => s !== null);
  const start = spans.length ? spans.reduce((m, s) => Math.min(m, s.start), Infinity) : after;
  const end = spans.length ? spans.reduce((m, s) => Math.max(m, s.end), -Infinity) : (nextStart ?? start);
  return { start, end: Math.max(start, end) };
}

/** Raw HTML text arrives with its blank lines: each blank line ends a paragraph, as in markdown. */
function splitAtBlankLines(nodes: (RootContent | ElementContent)[]): (RootContent | ElementContent)[][] {
  const out: (RootContent | ElementContent)[][] = [[]];
  for (const n of nodes) {
    if (n.type === 'text' && /\n[ \t]*\n/.test(n.value)) {
      const parts = n.value.split(/\n[ \t]*\n/);
      parts.forEach((value, i) => {
        if (i > 0) out.push([]);
        if (value) out[out.length - 1].push({ ...n, value, position: undefined });
      });
    } else out[out.length - 1].push(n);
  }
  return out.filter((piece) => piece.some((n) => n.type !== 'text' || n.value.trim()));
}

function toInline(node: RootContent | ElementContent, fallback: Span): Inline[] {
  const span = posOf(node) ?? fallback;
  if (node.type === 'text') return [{ type: 'text', value: node.value, ...span }];
  if (!isElement(node)) return [];
  const tag = node.tagName;
  const kids = () => node.children.flatMap((c) => toInline(c, span));
  if (tag === 'br') return [{ type: 'text', value: '\n', ...span }];
  if (STRONG.has(tag)) return [{ type: 'strong', children: kids(), ...span }];
  if (EM.has(tag)) return [{ type: 'em', children: kids(), ...span }];
  if (tag === 'a') {
    const href = node.properties.href;
    return typeof href === 'string' && href ? [{ type: 'link', url: href, children: kids(), ...span }] : kids();
  }
  if (CODE.has(tag)) return [{ type: 'code', value: textOfHast(node), ...span }];
  if (tag === 'img') return [{ type: 'image', alt: typeof node.properties.alt === 'string' ? node.properties.alt : '', ...span }];
  if (tag === 'q') return [{ type: 'text', value: '“', ...span }, ...kids(), { type: 'text', value: '”', ...span }];
  return kids();
}

function textOfHast(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(textOfHast).join('');
  return '';
}

export function inlineText(nodes: Inline[]): string {
  return nodes
    .map((n) => (n.type === 'text' || n.type === 'code' ? n.value : n.type === 'image' ? '' : inlineText(n.children)))
    .join('');
}

/** Splits inline content at line breaks (hard breaks and the newlines of soft breaks). */
function splitInline(nodes: Inline[]): Inline[][] {
  const lines: Inline[][] = [[]];
  for (const n of nodes) {
    if (n.type === 'text' && n.value.includes('\n')) {
      const parts = n.value.split('\n');
      let at = n.start;
      parts.forEach((value, i) => {
        if (i > 0) lines.push([]);
        const end = Math.min(n.end, at + value.length);
        if (value) lines[lines.length - 1].push({ type: 'text', value, start: at, end: Math.max(at, end) });
        at = Math.min(n.end, end + 1);
      });
    } else if ((n.type === 'strong' || n.type === 'em' || n.type === 'link') && inlineText(n.children).includes('\n')) {
      // A line break inside bold text (two speakers on two lines): each line keeps the markup.
      const inner = splitInline(n.children);
      inner.forEach((children, i) => {
        if (i > 0) lines.push([]);
        if (children.length) lines[lines.length - 1].push({ ...n, children });
      });
    } else lines[lines.length - 1].push(n);
  }
  return lines;
}

function toLines(nodes: (RootContent | ElementContent)[], source: string, span: Span): Line[] {
  const inline = nodes.flatMap((n) => toInline(n, span));
  return splitInline(inline)
    .map((parts) => {
      const text = inlineText(parts).replace(/\s+/g, ' ').trim();
      const start = parts.length ? parts.reduce((m, p) => Math.min(m, p.start), Infinity) : span.start;
      const end = parts.length ? parts.reduce((m, p) => Math.max(m, p.end), -Infinity) : span.start;
      return { inline: parts, text, start, end: Math.min(Math.max(start, end), source.length) };
    })
    .filter((l) => l.text !== '' || l.inline.some((n) => n.type === 'image'));
}

/** A heading is one line, whatever line breaks its markup has. */
function joinLines(lines: Line[], span: Span): Line[] {
  if (lines.length <= 1) return lines;
  return [{ inline: lines.flatMap((l) => l.inline), text: lines.map((l) => l.text).join(' '), start: span.start, end: span.end }];
}

// ------------------------------------------------------------------ raw HTML and `###Title`

/** Source ranges written as raw HTML (blocks and inline tags), to tell the reader where a talk came from. */
function rawHtmlRanges(markdown: string): Span[] {
  const ranges: Span[] = [];
  for (const m of markdown.matchAll(/<\/?[A-Za-z][^>\n]*>/g)) {
    const r = { start: m.index!, end: m.index! + m[0].length + 1 };
    const last = ranges[ranges.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else ranges.push(r);
  }
  return ranges;
}

const HASH_HEADING = /^(#{1,6})(?=[^\s#])/;

/**
 * `###Monday` (no space after the hashes) is a paragraph in CommonMark, but its writer meant a
 * heading, and the blog engine of the day rendered one: split such lines off as headings.
 */
function splitHashHeadings(blocks: Block[], source: string): Block[] {
  const out: Block[] = [];
  const ids = new Map<number, number>();
  const hashLine = (l: Line) => HASH_HEADING.test(l.text) && source[l.start] === '#';
  for (const b of blocks) {
    ids.set(b.id, out.length);
    if (b.kind !== 'paragraph' || b.html || !b.lines.some(hashLine)) {
      out.push(b);
      continue;
    }
    let pending: Line[] = [];
    const flush = () => {
      if (pending.length) out.push({ ...b, lines: pending, start: pending[0].start, end: pending[pending.length - 1].end });
      pending = [];
    };
    for (const line of b.lines) {
      const m = hashLine(line) ? HASH_HEADING.exec(line.text) : null;
      if (m) {
        flush();
        const text = line.text.slice(m[1].length).replace(/\s+#+\s*$/, '').trim();
        out.push({ ...b, kind: 'heading', depth: m[1].length, lines: [{ ...line, inline: stripLeading(line.inline, m[1].length), text }], start: line.start, end: line.end });
      } else pending.push(line);
    }
    flush();
  }
  return out.map((b, id) => ({ ...b, id, parent: b.parent === null ? null : (ids.get(b.parent) ?? null) }));
}

function stripLeading(inline: Inline[], count: number): Inline[] {
  const [first, ...rest] = inline;
  if (first?.type === 'text') return [{ ...first, value: first.value.slice(count), start: first.start + count }, ...rest];
  return inline;
}
