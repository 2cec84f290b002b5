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

/** The range (sorted by start, not overlapping) holding `index`, found by bisection. */
export function inRanges(ranges: Range[], index: number): Range | undefined {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = ranges[mid];
    if (index < r.start) hi = mid - 1;
    else if (index >= r.end) lo = mid + 1;
    else return r;
  }
  return undefined;
}

/** Offset → 1-based line number, by bisection over the line starts (one pass to build). */
export function lineIndex(text: string, offset = 0): (index: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (index) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1 + offset;
  };
}
