import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

/** The same markdown dialect as lib/markdown.ts (CommonMark + GFM), parse only. */
const parser = unified().use(remarkParse).use(remarkGfm);

export function parseMarkdown(markdown: string): Root {
  return parser.parse(markdown);
}

export type Range = { start: number; end: number };

/** Offsets of fenced/indented code blocks and inline code spans: text the importer never rewrites. */
export function codeRanges(markdown: string, tree: Root = parseMarkdown(markdown)): Range[] {
  const ranges: Range[] = [];
  visit(tree, (node) => {
    if ((node.type === 'code' || node.type === 'inlineCode') && node.position) {
      ranges.push({ start: node.position.start.offset!, end: node.position.end.offset! });
    }
  });
  return ranges.sort((a, b) => a.start - b.start);
}

export function inRanges(ranges: Range[], index: number): Range | undefined {
  return ranges.find((r) => index >= r.start && index < r.end);
}
