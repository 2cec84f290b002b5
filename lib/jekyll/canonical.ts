/**
 * The talk block Hallway's exporter writes, read back exactly:
 *
 *   **[Talk title](https://conf/talk)** by A, B and C
 *
 *   [Presentation](…) | [Slides](…) | Video (not yet available)
 *
 *   The author's note…
 *
 * The recognizers (structure.ts) read this shape too, among many; between export markers only
 * this grammar applies, so an export imports back to the same talks.
 */
import type { Paragraph, PhrasingContent } from 'mdast';
import { parseMarkdown } from './mdast';
import { linkKind } from './recognize';
import type { TalkLink } from './types';

/** Plain text of an mdast node (inline code included, markup dropped). */
function plainText(node: PhrasingContent | Paragraph): string {
  if ('value' in node && (node.type === 'text' || node.type === 'inlineCode')) return node.value;
  if ('children' in node) return (node.children as PhrasingContent[]).map(plainText).join('');
  if (node.type === 'break') return ' ';
  return '';
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
    if (!speakers.length || speakers.some((s) => s.length > 120 || !/^[\p{L}@]/u.test(s))) return null;
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
  return title ? { title, url, speakers } : null;
}

const UNAVAILABLE = /not\s+(?:yet\s+)?available|coming soon|pending|tba|tbd|to be (?:announced|published)|n\/a|unavailable|soon/i;

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

/** Splits off the first paragraph of `text` (up to the first blank line). */
function firstParagraph(text: string): [string, string] {
  const m = /\n[ \t]*\n/.exec(text);
  return m ? [text.slice(0, m.index), text.slice(m.index + m[0].length)] : [text, ''];
}

/** One exported talk block: its head line, its link line and its note (kept byte for byte). */
export function readTalkBlock(text: string): { title: string; url: string | null; speakers: string[]; links: TalkLink[]; note: string } | null {
  const [headText, afterHead] = firstParagraph(text.replace(/^(?:[ \t]*\n)+/, ''));
  const head = parseTalkLine(headText);
  if (!head) return null;
  let rest = afterHead.replace(/^(?:[ \t]*\n)+/, '');
  const [linkText, afterLinks] = firstParagraph(rest);
  const links = parseLinkLine(linkText);
  if (links) rest = afterLinks;
  return { ...head, links: links ?? [], note: rest.replace(/^(?:[ \t]*\n)+/, '').trimEnd() };
}
