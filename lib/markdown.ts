import fs from 'node:fs';
import path from 'node:path';
import type { Element, ElementContent, Properties, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { imageSize } from 'image-size';
import type { Root as MdastRoot, RootContent as MdastContent, Text as MdastText } from 'mdast';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import rehypeHighlight from 'rehype-highlight';
import rehypeParse from 'rehype-parse';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeSlug from 'rehype-slug';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { capNesting, remarkCapNesting } from './mdast-nesting';
import { EMBED_ALLOW_VALUES, EMBED_REFERRER_POLICY, EMBED_SANDBOX, rehypeEmbedGuard, rehypeEmbeds } from './embeds';

export type TocEntry = { depth: 2 | 3; id: string; text: string };
export type RenderedMarkdown = {
  /** Full body, sanitized; the `<!-- more -->` marker is gone. */
  html: string;
  /** Sanitized excerpt (before the marker, or the first ~60 words of prose), without ids. */
  excerptHtml: string;
  hasMoreMarker: boolean;
  /** Plain text, at most 280 characters, cut between words with "…". */
  summary: string;
  /** h2/h3 in order; ids are the final (`user-content-` prefixed) heading ids. */
  toc: TocEntry[];
  /** At least 1, at ~230 words per minute. */
  readingMinutes: number;
};
export type ImageSizeResolver = (src: string) => { width: number; height: number } | null;

const WORDS_PER_MINUTE = 230;
const SUMMARY_MAX = 280;
/** A derived excerpt takes whole paragraphs up to ~60 words; only a first paragraph past the slack is cut. */
const EXCERPT_WORDS = 60;
const EXCERPT_SLACK = 80;
const HEADING_ANCHOR = 'heading-anchor';

// ------------------------------------------------------------------ sanitizer schemas

/**
 * rehype-sanitize prefixes every `id`/`name` with this (DOM clobbering: an element id becomes a
 * `window` global, and Next's own `self.__next_f` is one heading away). We keep the prefix, so
 * ids in `toc` carry it, and fix in-page `#fragment` links after sanitizing instead.
 */
const ID_PREFIX = 'user-content-';

const defaults = defaultSchema.attributes ?? {};
const aria = ['ariaDescribedBy', 'ariaLabel', 'ariaLabelledBy'];
// Form plumbing and microdata URLs have no use in a recap and only widen the surface.
const DROPPED_GLOBAL_ATTRIBUTES = new Set(['accept', 'acceptCharset', 'action', 'encType', 'method']);
// Never unwrapped: their content is code, metadata or foreign markup, not prose.
const STRIP_WITH_CONTENT = [
  'script', 'style', 'template', 'noscript', 'noembed', 'noframes', 'iframe', 'object', 'embed',
  'applet', 'svg', 'math', 'title', 'textarea', 'select', 'xmp', 'plaintext', 'head', 'frameset',
];

const bodySchema: SanitizeSchema = {
  ...defaultSchema,
  clobberPrefix: ID_PREFIX,
  // <picture>/<source srcset> would carry URLs the protocol check never sees.
  tagNames: [...(defaultSchema.tagNames ?? []).filter((t) => t !== 'picture' && t !== 'source'), 'iframe'],
  strip: STRIP_WITH_CONTENT,
  attributes: {
    ...defaults,
    '*': (defaults['*'] ?? []).filter((a) => typeof a !== 'string' || !DROPPED_GLOBAL_ATTRIBUTES.has(a)),
    a: [
      ...aria,
      'dataFootnoteBackref',
      'dataFootnoteRef',
      ['className', 'data-footnote-backref', HEADING_ANCHOR],
      'href',
      ['rel', 'noopener', 'noreferrer'],
    ],
    blockquote: ['cite', ['className', 'tweet']],
    code: [['className', /^language-./, 'hljs']],
    // lowlight emits `hljs-*` scopes plus sub-scopes such as `function_`.
    span: [['className', /^hljs-[\w-]+$/, /^[a-z]+_+$/]],
    div: [['className', /^embed(?:-(?:youtube|vimeo|slideshare|speakerdeck))?$/]],
    iframe: [
      'src',
      'title',
      ['loading', 'lazy'],
      ['sandbox', ...EMBED_SANDBOX],
      ['allow', ...EMBED_ALLOW_VALUES],
      ['allowFullScreen', true],
      ['referrerPolicy', EMBED_REFERRER_POLICY],
    ],
    img: [...aria, 'src', ['loading', 'lazy'], ['decoding', 'async']],
  },
  protocols: {
    href: ['http', 'https', 'mailto'],
    src: ['http', 'https'],
    cite: ['http', 'https'],
    longDesc: ['http', 'https'],
  },
};

const commentSchema: SanitizeSchema = {
  tagNames: [
    'p', 'br', 'hr', 'em', 'strong', 'del', 'a', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li',
    'table', 'thead', 'tbody', 'tr', 'th', 'td',
  ],
  ancestors: defaultSchema.ancestors,
  attributes: {
    a: ['href', ['rel', 'nofollow', 'ugc', 'noopener']],
    code: [['className', /^language-./]],
    ol: ['start'],
    td: ['align'],
    th: ['align'],
  },
  protocols: { href: ['http', 'https', 'mailto'] },
  strip: STRIP_WITH_CONTENT,
  clobber: [],
};

// ------------------------------------------------------------------ pipeline steps

const isElement = (node: unknown, tagName?: string): node is Element =>
  typeof node === 'object' &&
  node !== null &&
  (node as Element).type === 'element' &&
  (tagName === undefined || (node as Element).tagName === tagName);

function hasClass(node: Element, name: string): boolean {
  const value = node.properties.className;
  return Array.isArray(value) && value.includes(name);
}

const isExternal = (href: string) => /^(?:https?:)?\/\//i.test(href.trim());

/** Raw `<input>`s are dropped; only the checkbox GFM puts first in a task-list item stays. */
function rehypeTaskListOnly() {
  return (tree: Root) => {
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'input' || !parent || index === undefined) return;
      const isTask =
        isElement(parent, 'li') &&
        hasClass(parent, 'task-list-item') &&
        parent.children.find((c) => c.type === 'element') === node;
      if (isTask) return;
      parent.children.splice(index, 1);
      return [SKIP, index];
    });
  };
}

/** Lazy images with intrinsic sizes (no layout shift); the resolver travels in `file.data`. */
function rehypeImages() {
  return (tree: Root, file: { data: Record<string, unknown> }) => {
    const resolve = file.data.resolveImageSize as ImageSizeResolver | undefined;
    visit(tree, 'element', (node) => {
      if (node.tagName !== 'img') return;
      const { src, width, height } = node.properties;
      node.properties.loading = 'lazy';
      node.properties.decoding = 'async';
      if (resolve && typeof src === 'string' && width === undefined && height === undefined) {
        const size = resolve(src);
        if (size) Object.assign(node.properties, { width: size.width, height: size.height });
      }
    });
  };
}

/** Our rel values replace the author's: external links get `noopener noreferrer`, others none. */
function rehypeLinkRel(rel: (href: string) => string[] | undefined) {
  return () => (tree: Root) => {
    visit(tree, 'element', (node) => {
      if (node.tagName !== 'a') return;
      const { href } = node.properties;
      const value = typeof href === 'string' ? rel(href) : undefined;
      if (value) node.properties.rel = value;
      else delete node.properties.rel;
    });
  };
}

/** After sanitizing: images whose src was refused go, links whose href was refused become text. */
function rehypeDropRefused() {
  return (tree: Root) => {
    visit(tree, 'element', (node, index, parent) => {
      if (!parent || index === undefined) return;
      const { src, href, id, name } = node.properties;
      if (node.tagName === 'img' && typeof src !== 'string') {
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
      if (node.tagName === 'a' && href === undefined && id === undefined && name === undefined) {
        parent.children.splice(index, 1, ...node.children);
        return [SKIP, index];
      }
    });
  };
}

/**
 * After sanitizing: point `#slug` links (heading self-links, footnotes, a hand-written
 * `[see](#day-2)`) at the prefixed id they mean.
 */
function rehypeFragmentLinks() {
  return (tree: Root) => {
    const ids = new Set<string>();
    visit(tree, 'element', (node) => {
      if (typeof node.properties.id === 'string') ids.add(node.properties.id);
    });
    visit(tree, 'element', (node) => {
      const { href } = node.properties;
      if (node.tagName !== 'a' || typeof href !== 'string' || !href.startsWith('#')) return;
      const target = safeDecode(href.slice(1));
      if (!ids.has(target) && ids.has(ID_PREFIX + target)) node.properties.href = `#${ID_PREFIX}${target}`;
    });
  };
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

const bodyProcessor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  // Footnote ids get the sanitizer's prefix like every other id, so don't add one here too.
  .use(remarkRehype, { allowDangerousHtml: true, clobberPrefix: '' })
  .use(rehypeRaw)
  .use(rehypeEmbeds)
  .use(rehypeTaskListOnly)
  .use(rehypeHighlight)
  .use(rehypeSlug)
  .use(rehypeAutolinkHeadings, {
    behavior: 'append',
    // The GFM footnotes heading is visually hidden; a self-link there helps nobody.
    test: (node: Element) => !hasClass(node, 'sr-only'),
    properties: (heading: Readonly<Element>): Properties => ({
      className: [HEADING_ANCHOR],
      ariaLabel: `Link to section: ${toString(heading).trim()}`,
    }),
    content: { type: 'text', value: '#' },
  })
  .use(rehypeImages)
  .use(rehypeLinkRel((href) => (isExternal(href) ? ['noopener', 'noreferrer'] : undefined)))
  // Everything above may add markup; the sanitizer judges all of it.
  .use(rehypeSanitize, bodySchema)
  .use(rehypeEmbedGuard)
  .use(rehypeDropRefused)
  .use(rehypeFragmentLinks)
  .use(rehypeStringify);

const parseBody = (markdown: string) => capNesting(bodyProcessor.parse(markdown));

// ------------------------------------------------------------------ excerpt marker

const MARKER = /\s*<!--\s*more\s*-->/iy;

type Marker = { start: number; end: number };

/**
 * Finds the first marker the markdown parser sees as an HTML comment of its own: code spans,
 * fenced/indented code and other comments never produce such a node, so they are skipped.
 */
function findMarker(markdown: string, tree: MdastRoot): Marker | null {
  let found: Marker | null = null;
  visit(tree, 'html', (node) => {
    const start = node.position?.start.offset;
    if (found || start === undefined) return;
    MARKER.lastIndex = start;
    if (MARKER.test(markdown)) found = { start, end: MARKER.lastIndex };
  });
  return found;
}

/** Splits at the first `<!-- more -->` that is not inside code or another HTML comment. */
export function splitExcerpt(markdown: string): { excerpt: string | null; rest: string } {
  const marker = findMarker(markdown, parseBody(markdown));
  return marker
    ? { excerpt: markdown.slice(0, marker.start), rest: markdown.slice(marker.end) }
    : { excerpt: null, rest: markdown };
}

/** Link and footnote definitions below the marker still apply to references above it. */
function excerptSource(markdown: string, tree: MdastRoot, marker: Marker): string {
  const definitions = tree.children
    .filter(
      (node) =>
        (node.type === 'definition' || node.type === 'footnoteDefinition') &&
        (node.position?.start.offset ?? 0) >= marker.end,
    )
    .map((node) => markdown.slice(node.position?.start.offset, node.position?.end.offset));
  return [markdown.slice(0, marker.start), ...definitions].join('\n\n');
}

// ------------------------------------------------------------------ text helpers

const INLINE = new Set([
  'a', 'abbr', 'b', 'code', 'del', 'em', 'i', 'ins', 'kbd', 'mark', 'q', 's', 'samp', 'small',
  'span', 'strike', 'strong', 'sub', 'sup', 'tt', 'u', 'var',
]);
const isHeading = (node: Element) => /^h[1-6]$/.test(node.tagName);
const isFootnoteRef = (node: Element) =>
  node.tagName === 'sup' && node.children.some((c) => isElement(c, 'a') && c.properties.dataFootnoteRef !== undefined);
const SUMMARY_SKIPPED_TAGS = new Set(['pre', 'table', 'img', 'iframe']);
/** Meta descriptions want prose: no headings, code, tables, media or footnote numbers. */
const skipInSummary = (node: Element) =>
  isHeading(node) || isFootnoteRef(node) || SUMMARY_SKIPPED_TAGS.has(node.tagName) || (node.tagName === 'div' && hasClass(node, 'embed'));
const isDecoration = (node: Element) =>
  (node.tagName === 'a' && hasClass(node, HEADING_ANCHOR)) || (node.tagName === 'section' && node.properties.dataFootnotes !== undefined);

/** Text with blocks separated by spaces (hast-util-to-string would glue "end.Next"). */
function plainText(nodes: readonly (ElementContent | Root)[], skip: (node: Element) => boolean): string {
  const parts: string[] = [];
  const walk = (node: ElementContent | Root) => {
    if (node.type === 'text') parts.push(node.value);
    else if (node.type === 'root' || node.type === 'element') {
      if (node.type === 'element' && (skip(node) || isDecoration(node))) return;
      const block = node.type === 'element' && !INLINE.has(node.tagName);
      if (block) parts.push(' ');
      node.children.forEach((child) => walk(child as ElementContent));
      if (block) parts.push(' ');
    }
  };
  nodes.forEach(walk);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

const countWords = (text: string) => text.match(/\S+/g)?.length ?? 0;

/** At most `max` characters, cut between words, "…" included. */
function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const words = /\s/.test(text[max - 1]) ? cut : cut.replace(/\s*\S*$/, '');
  return `${(words || cut).replace(/[\s.,;:!?-]+$/, '')}…`;
}

/** Keeps the first `limit` words of an element (in place), ending with "…". */
function truncateWords(node: Element, limit: number): void {
  let remaining = limit;
  const walk = (parent: Element) => {
    const kept: ElementContent[] = [];
    for (const child of parent.children) {
      if (remaining <= 0) break;
      if (child.type === 'text') {
        const words = [...child.value.matchAll(/\S+/g)];
        if (words.length > remaining) {
          const last = words[remaining - 1];
          child.value = `${child.value.slice(0, (last.index ?? 0) + last[0].length)}…`;
          remaining = 0;
        } else remaining -= words.length;
      } else if (child.type === 'element') walk(child);
      kept.push(child);
    }
    parent.children = kept;
  };
  walk(node);
}

function deriveExcerpt(body: Root): Root {
  const paragraphs: Element[] = [];
  let words = 0;
  for (const node of body.children) {
    if (words >= EXCERPT_WORDS) break;
    if (!isElement(node, 'p')) continue;
    const paragraph = structuredClone(node);
    // A derived teaser is text; the author can pick images for it with a marker.
    stripElements(paragraph, (el) => el.tagName === 'img');
    const count = countWords(plainText([paragraph], () => false));
    if (count === 0) continue;
    if (words + count > EXCERPT_SLACK) {
      if (paragraphs.length > 0) break;
      truncateWords(paragraph, EXCERPT_WORDS);
    }
    paragraphs.push(paragraph);
    words += count;
  }
  return { type: 'root', children: paragraphs };
}

function stripElements(tree: Root | Element, test: (node: Element) => boolean): void {
  visit(tree, 'element', (node, index, parent) => {
    if (!parent || index === undefined || !test(node)) return;
    parent.children.splice(index, 1);
    return [SKIP, index];
  });
}

/** Excerpts sit many to a page: no ids (they would repeat), no self-links or footnotes. */
function forListing(tree: Root): Root {
  stripElements(tree, (node) => isDecoration(node) || isFootnoteRef(node));
  visit(tree, 'element', (node) => {
    delete node.properties.id;
    // In a list of posts the post titles are the headings: one in an excerpt becomes a bold line.
    if (/^h[1-6]$/.test(node.tagName)) {
      node.children = [{ type: 'element', tagName: 'strong', properties: {}, children: node.children }];
      node.tagName = 'p';
      node.properties = {};
    }
  });
  return tree;
}

function tableOfContents(body: Root): TocEntry[] {
  const toc: TocEntry[] = [];
  visit(body, 'element', (node) => {
    const { id } = node.properties;
    if ((node.tagName !== 'h2' && node.tagName !== 'h3') || typeof id !== 'string' || hasClass(node, 'sr-only')) return;
    toc.push({ depth: node.tagName === 'h2' ? 2 : 3, id, text: plainText([node], () => false) });
    return SKIP;
  });
  return toc;
}

// ------------------------------------------------------------------ public API

function renderTree(tree: MdastRoot, markdown: string, resolveImageSize?: ImageSizeResolver): Root {
  return bodyProcessor.runSync(tree, { value: markdown, data: { resolveImageSize } });
}

export function renderMarkdown(markdown: string, options: { resolveImageSize?: ImageSizeResolver } = {}): RenderedMarkdown {
  const { resolveImageSize } = options;
  const tree = parseBody(markdown);
  const marker = findMarker(markdown, tree);
  const excerptMarkdown = marker && markdown.slice(0, marker.start).trim() ? excerptSource(markdown, tree, marker) : null;
  // The marker is an HTML comment, and the sanitizer drops every comment from `html`.
  const body = renderTree(tree, markdown, resolveImageSize);
  const chosen = excerptMarkdown ? renderTree(parseBody(excerptMarkdown), excerptMarkdown, resolveImageSize) : null;
  const excerpt = forListing(chosen ?? deriveExcerpt(body));
  // The author's own excerpt is the summary; otherwise the body's prose, which beats a short teaser.
  const summary = (chosen && plainText([chosen], skipInSummary)) || plainText([body], skipInSummary);

  return {
    html: bodyProcessor.stringify(body),
    excerptHtml: bodyProcessor.stringify(excerpt),
    hasMoreMarker: marker !== null,
    summary: truncateText(summary, SUMMARY_MAX),
    toc: tableOfContents(body),
    readingMinutes: readingMinutesFor(countWords(plainText([body], () => false))),
  };
}

/** At least 1 minute, at ~230 words per minute. */
export const readingMinutesFor = (words: number) => Math.max(1, Math.round(words / WORDS_PER_MINUTE));

const htmlParser = unified().use(rehypeParse, { fragment: true });

/** The words of stored (already sanitized) HTML, counted as `renderMarkdown` counts a body's. */
export function wordsInHtml(html: string): number {
  return html ? countWords(plainText([htmlParser.parse(html)], () => false)) : 0;
}

// ------------------------------------------------------------------ comments

/**
 * Comments get a reduced vocabulary at the markdown level: headings become bold paragraphs,
 * images their alt text, raw HTML literal text, footnotes plain text.
 */
function remarkCommentSubset() {
  return (tree: MdastRoot) => {
    visit(tree, (node, index, parent) => {
      if (!parent || index === undefined) return;
      let replacement: MdastContent[] | null = null;
      if (node.type === 'heading') {
        replacement = [{ type: 'paragraph', children: [{ type: 'strong', children: node.children }] }];
      } else if (node.type === 'image' || node.type === 'imageReference') {
        replacement = node.alt ? [text(node.alt)] : [];
      } else if (node.type === 'html') {
        // Shown as typed; a block of HTML becomes a paragraph of literal text.
        replacement = [BLOCK_PARENTS.has(parent.type) ? { type: 'paragraph', children: [text(node.value)] } : text(node.value)];
      } else if (node.type === 'footnoteReference') {
        replacement = [text(`[^${node.label ?? node.identifier}]`)];
      } else if (node.type === 'footnoteDefinition') {
        replacement = node.children;
      }
      if (!replacement) return;
      (parent.children as MdastContent[]).splice(index, 1, ...replacement);
      return [SKIP, index];
    });
  };
}

const text = (value: string): MdastText => ({ type: 'text', value });
const BLOCK_PARENTS = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition']);

const commentProcessor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkCapNesting)
  .use(remarkCommentSubset)
  .use(remarkRehype)
  .use(rehypeLinkRel(() => ['nofollow', 'ugc', 'noopener']))
  .use(rehypeSanitize, commentSchema)
  .use(rehypeDropRefused)
  .use(rehypeStringify);

/** Comments: paragraphs, emphasis, links (rel nofollow ugc noopener), code, quotes, lists, tables. */
export function renderCommentMarkdown(markdown: string): string {
  return commentProcessor.processSync(markdown).toString();
}

// ------------------------------------------------------------------ image sizes

type ImageBox = { width: number; height: number };

/** Every format image-size reads keeps its dimensions near the start (the same cap it uses itself). */
const IMAGE_HEADER_BYTES = 512 * 1024;

/** The displayed box of one image file, from its first bytes only; null when that is no image. */
function readImageBox(file: string): ImageBox | null {
  const fd = fs.openSync(file, 'r');
  let header: Uint8Array;
  try {
    header = new Uint8Array(Math.min(fs.fstatSync(fd).size, IMAGE_HEADER_BYTES));
    header = header.subarray(0, fs.readSync(fd, header, 0, header.byteLength, 0));
  } finally {
    fs.closeSync(fd);
  }
  const size = imageSize(header);
  if (!size.width || !size.height) return null;
  // EXIF orientations 5–8 are quarter turns: the displayed box is the stored one rotated.
  const rotated = (size.orientation ?? 1) >= 5;
  return rotated ? { width: size.height, height: size.width } : { width: size.width, height: size.height };
}

/**
 * Reads local images (`/path` under `publicDir`, `/uploads/name` under `uploadsDir` when given)
 * with image-size. Remote or unreadable images, and paths escaping their folder, give null.
 *
 * Each file is read once per resolver: uploads are named by their content hash and public files
 * ship with the build, so a name's size never changes, and a post that shows one image 400 times
 * costs one read. Misses are not kept (an image may be uploaded after the post mentions it).
 */
export function publicImageSizeResolver(publicDir: string, uploadsDir?: string): ImageSizeResolver {
  const known = new Map<string, ImageBox | null>();
  return (src) => {
    try {
      if (!src.startsWith('/') || src.startsWith('//')) return null;
      const pathname = decodeURIComponent(src.split(/[?#]/, 1)[0]);
      const [base, relative] =
        uploadsDir && pathname.startsWith('/uploads/')
          ? [path.resolve(uploadsDir), pathname.slice('/uploads/'.length)]
          : [path.resolve(publicDir), pathname.slice(1)];
      const file = path.resolve(base, relative);
      if (!file.startsWith(base + path.sep)) return null;
      if (!known.has(file)) known.set(file, readImageBox(file));
      return known.get(file) ?? null;
    } catch {
      return null;
    }
  };
}
