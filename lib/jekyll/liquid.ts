/**
 * Octopress/Jekyll Liquid → the markdown and HTML Hallway's renderer understands.
 *
 * Nothing is ever executed. Known tags become markdown or HTML (images, quotes, code, embeds);
 * unknown ones are kept visibly as inline code and reported. Code blocks, inline code and
 * `{% raw %}` regions stay literal (only the raw markers themselves go: Jekyll removes them too).
 *
 * Two passes: a line scanner for the constructs that own whole lines (fences, Octopress fences
 * with titles, `{% codeblock %}`, `{% highlight %}`, raw regions), then a tag pass over the rest
 * that skips everything the markdown parser sees as code.
 */
import type { Image as MdastImage } from 'mdast';
import { visit } from 'unist-util-visit';
import { parseEmbed } from '@/lib/embeds';
import { codeRanges, inRanges, lineIndex, parseMarkdown, type Range } from './mdast';
import type { EmbedRef, ImageRef } from './types';

export type LiquidContext = {
  /** The post's title, for `{{ page.title }}`. */
  title?: string;
  /** Lines before the body in the file (front matter), so warnings name real line numbers. */
  lineOffset?: number;
};

export type LiquidResult = { markdown: string; images: ImageRef[]; embeds: EmbedRef[]; warnings: string[] };

const RAW_MARKER = /\{%-?\s*(raw|endraw)\s*-?%\}/g;
const RAW_LINE = /^[ \t]*\{%-?\s*(?:raw|endraw)\s*-?%\}[ \t]*$/;
const FENCE_OPEN = /^( {0,3})(`{3,}|~{3,})(.*)$/;
const LIQUID_CODE_OPEN = /^ {0,3}\{%-?\s*(codeblock|highlight)\b([^\n]*?)-?%\}(.*)$/;
const TAG_SOURCE = /\{%-?\s*([A-Za-z_][\w-]*)([^\n]*?)-?%\}|\{\{-?([^\n]*?)-?\}\}/.source;

// ------------------------------------------------------------------ helpers

export function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Markdown-escapes text used inside emphasis or link text. */
function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>])/g, '\\$1');
}

/** Inline code that shows `text` verbatim, whatever backticks it holds. */
function inlineCode(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const ticks = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${text}${pad}${ticks}`;
}

function fenceFor(content: string): string {
  const longest = Math.max(0, ...(content.match(/`{3,}/g) ?? []).map((r) => r.length));
  return '`'.repeat(Math.max(3, longest + 1));
}


const EXTENSION_LANGS: Record<string, string> = {
  rb: 'ruby', js: 'javascript', ts: 'typescript', py: 'python', sh: 'bash', java: 'java', scala: 'scala',
  go: 'go', rs: 'rust', c: 'c', cpp: 'cpp', cs: 'csharp', php: 'php', html: 'html', css: 'css', sql: 'sql',
  json: 'json', yml: 'yaml', yaml: 'yaml', xml: 'xml', kt: 'kotlin', clj: 'clojure', ex: 'elixir', erl: 'erlang',
};

/** `*Title* · [link text](url)`, the caption Octopress printed above titled code. */
function codeCaption(title: string, url: string | null, linkText: string | null): string | null {
  const parts = [title ? `*${escapeMarkdown(title)}*` : '', url ? `[${escapeMarkdown(linkText || 'source')}](${url})` : ''];
  const caption = parts.filter(Boolean).join(' · ');
  return caption || null;
}

function splitTitleUrl(tokens: string[]): { title: string; url: string | null; linkText: string | null } {
  const urlAt = tokens.findIndex((t) => /^(?:https?:\/\/|\/)\S+$/.test(t));
  if (urlAt < 0) return { title: tokens.join(' '), url: null, linkText: null };
  return { title: tokens.slice(0, urlAt).join(' '), url: tokens[urlAt], linkText: tokens.slice(urlAt + 1).join(' ') || null };
}

// ------------------------------------------------------------------ pass 1: whole-line constructs

type Prepared = { text: string; protectedRanges: Range[] };

function prepare(source: string, warnings: string[], lineOffset: number): Prepared {
  const lines = source.split('\n');
  let out = '';
  const protectedRanges: Range[] = [];
  const emit = (s: string, isProtected = false) => {
    if (isProtected && s) protectedRanges.push({ start: out.length, end: out.length + s.length });
    out += s;
  };
  // Only the end of the output matters (and scanning all of it for each line would be quadratic).
  const atBlockStart = () => {
    const tail = out.slice(-400);
    return out === '' || /\n[ \t]*\n$/.test(tail) || (out.length === tail.length && /^[ \t]*\n$/.test(tail));
  };
  // Where the last `{% endraw %}` is, so an unpaired `{% raw %}` is never opened.
  let lastEndRaw: { line: number; column: number } | null = null;
  lines.forEach((l, i) => {
    for (const m of l.matchAll(/\{%-?\s*endraw\s*-?%\}/g)) lastEndRaw = { line: i, column: m.index! };
  });
  const hasEndRawAfter = (lineIndex: number, column: number) => {
    const last = lastEndRaw as { line: number; column: number } | null;
    return !!last && (last.line > lineIndex || (last.line === lineIndex && last.column >= column));
  };
  let inRaw = false;

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const eol = i < lines.length - 1 ? '\n' : '';

    if (!inRaw) {
      const fence = FENCE_OPEN.exec(line);
      if (fence && !(fence[2][0] === '`' && fence[3].includes('`'))) {
        const [, indent, marks, info] = fence;
        const close = new RegExp(`^ {0,3}\\${marks[0]}{${marks.length},}[ \\t]*$`);
        let j = i + 1;
        while (j < lines.length && !close.test(lines[j])) j++;
        const body = lines
          .slice(i + 1, j)
          .filter((l) => !RAW_LINE.test(l))
          .map((l) => l.replace(RAW_MARKER, ''));
        const opening = octopressFence(indent, marks, info);
        if (opening.caption) emit(`${atBlockStart() ? '' : '\n'}${opening.caption}\n\n`);
        emit([opening.line, ...body, ...(j < lines.length ? [lines[j]] : [])].join('\n'), true);
        i = j;
        emit(i < lines.length - 1 ? '\n' : '');
        continue;
      }
      const liquidCode = LIQUID_CODE_OPEN.exec(line);
      if (liquidCode) {
        const [, kind, args, firstLine] = liquidCode;
        const end = new RegExp(`\\{%-?\\s*end${kind}\\s*-?%\\}`);
        let j = i;
        let lastLine: string | null = null;
        if (end.test(firstLine)) {
          lastLine = firstLine;
        } else {
          for (j = i + 1; j < lines.length; j++) if (end.test(lines[j])) break;
          if (j < lines.length) lastLine = lines[j];
        }
        if (lastLine !== null) {
          const content = [
            ...(j === i ? [] : [firstLine]),
            ...lines.slice(i + 1, j),
            lastLine.slice(0, lastLine.search(end)),
          ];
          const trailing = lastLine.slice(lastLine.search(end)).replace(end, '');
          // Drop the empty edges the tag lines leave behind.
          if (content.length && content[0].trim() === '') content.shift();
          if (content.length && content[content.length - 1].trim() === '') content.pop();
          const code = content.filter((l) => !RAW_LINE.test(l)).map((l) => l.replace(RAW_MARKER, '')).join('\n');
          const { lang, caption } = kind === 'highlight' ? highlightArgs(args) : codeblockArgs(args);
          const fence = fenceFor(code);
          if (caption) emit(`${atBlockStart() ? '' : '\n'}${caption}\n\n`);
          else if (!atBlockStart()) emit('\n');
          emit(`${fence}${lang}\n${code}${code ? '\n' : ''}${fence}`, true);
          if (trailing.trim()) emit(`\n\n${trailing.trim()}`);
          i = j;
          emit(i < lines.length - 1 ? '\n' : '');
          continue;
        }
        warnings.push(`Unclosed {% ${kind} %} at line ${i + 1 + lineOffset}: kept as text.`);
      }
    }

    // Raw markers: a line holding only a marker disappears; inline markers toggle protection.
    if (RAW_LINE.test(line)) {
      const opening = /\braw\b/.test(line) && !/endraw/.test(line);
      if (opening && !inRaw && hasEndRawAfter(i, line.search(/%\}/) + 2)) {
        inRaw = true;
        continue;
      }
      if (!opening && inRaw) {
        inRaw = false;
        continue;
      }
    }
    let last = 0;
    for (const m of line.matchAll(RAW_MARKER)) {
      const isOpen = m[1] === 'raw';
      if (isOpen && !inRaw && hasEndRawAfter(i, m.index! + m[0].length)) {
        emit(line.slice(last, m.index), false);
        inRaw = true;
        last = m.index! + m[0].length;
      } else if (!isOpen && inRaw) {
        emit(line.slice(last, m.index), true);
        inRaw = false;
        last = m.index! + m[0].length;
      }
    }
    emit(line.slice(last), inRaw);
    emit(eol, inRaw);
  }
  return { text: out, protectedRanges };
}

/** A fence whose info string has more than a language is Octopress's ``` lang Title url link text. */
function octopressFence(indent: string, marks: string, info: string): { line: string; caption: string | null } {
  const tokens = info.trim().split(/\s+/).filter(Boolean);
  const unchanged = { line: `${indent}${marks}${info}`, caption: null };
  if (marks[0] !== '`' || tokens.length < 2 || !/^[\w+#.-]+$/.test(tokens[0])) return unchanged;
  // Markdown meta (`{1,3}`, `title="x"`) is not Octopress's.
  if (tokens.slice(1).some((t) => t.startsWith('{') || t.includes('='))) return unchanged;
  const { title, url, linkText } = splitTitleUrl(tokens.slice(1));
  return { line: `${indent}${marks}${tokens[0]}`, caption: codeCaption(title, url, linkText) };
}

/** `{% codeblock [title] [lang:language] [url] [link text] %}` */
function codeblockArgs(args: string): { lang: string; caption: string | null } {
  let rest = args.trim();
  let lang = '';
  const langMatch = /\s*\blang:(\S+)/i.exec(rest);
  if (langMatch) {
    lang = langMatch[1];
    rest = (rest.slice(0, langMatch.index) + rest.slice(langMatch.index + langMatch[0].length)).trim();
  }
  const { title, url, linkText } = splitTitleUrl(rest.split(/\s+/).filter(Boolean));
  if (!lang) lang = EXTENSION_LANGS[/\.(\w+)$/.exec(title)?.[1]?.toLowerCase() ?? ''] ?? '';
  return { lang, caption: codeCaption(title, url, linkText) };
}

/** `{% highlight lang [linenos] %}` */
function highlightArgs(args: string): { lang: string; caption: null } {
  return { lang: args.trim().split(/\s+/)[0] ?? '', caption: null };
}

// ------------------------------------------------------------------ pass 2: tags

type State = { images: (ImageRef & { at: number })[]; embeds: (EmbedRef & { at: number })[]; warnings: string[]; ctx: LiquidContext };

const IMG_TAG =
  /^(?<cls>\S.*?\s+)?(?<src>(?:https?:\/\/|\/|\S+\/)\S+)(?:\s+(?<width>\d+))?(?:\s+(?<height>\d+))?(?<title>\s+.+)?$/i;

/** Octopress's image_tag grammar: `[class names] src [width [height]] [title | "title" "alt"]`. */
export function parseImgArgs(args: string): ImageRef | null {
  const m = IMG_TAG.exec(args.trim());
  if (!m?.groups) return null;
  const g = m.groups;
  let title: string | null = g.title?.trim() ?? null;
  let alt: string | null = null;
  const pair = title ? /^["']([^"']+)?["']\s+["']([^"']+)?["']$/.exec(title) : null;
  if (pair) {
    title = pair[1] ?? null;
    alt = pair[2] ?? null;
  } else if (title) {
    title = title.replace(/^["']|["']$/g, '');
    alt = title;
  }
  return {
    src: g.src,
    width: g.width ? Number(g.width) : null,
    height: g.height ? Number(g.height) : null,
    class: g.cls?.trim().replace(/"/g, '') || null,
    title: title || null,
    alt: alt || null,
  };
}

/** The `<img>` an image becomes; attributes in a fixed order so re-imports produce the same text. */
export function imgHtml(img: { src: string; width?: number | null; height?: number | null; alt?: string | null; title?: string | null }): string {
  const attrs = [`src="${escapeHtml(img.src)}"`];
  if (img.width) attrs.push(`width="${img.width}"`);
  if (img.height) attrs.push(`height="${img.height}"`);
  if (img.alt) attrs.push(`alt="${escapeHtml(img.alt)}"`);
  if (img.title) attrs.push(`title="${escapeHtml(img.title)}"`);
  return `<img ${attrs.join(' ')}>`;
}

function iframeHtml(src: string): string {
  return `<iframe src="${escapeHtml(src)}" allowfullscreen></iframe>`;
}

const SITE_VARIABLES = new Set(['site.url', 'site.baseurl', 'site.root', 'root_url', 'site.root_url']);
const KNOWN_BLOCKS = new Set(['blockquote', 'pullquote', 'comment']);

function convertTags(text: string, protectedRanges: Range[], state: State, baseLine: number, baseOffset = 0): string {
  const tree = parseMarkdown(text);
  const code = codeRanges(text, tree);
  const skip = (index: number) => inRanges(protectedRanges, index) || inRanges(code, index);
  // Nested calls (quote contents) were already seen by the outer parse.
  if (baseOffset === 0) collectAuthorImages(tree, state, skip);
  const lineAt = lineIndex(text);
  const lineOf = (index: number) => baseLine + lineAt(index) - 1;
  const visible = (raw: string, index: number, why: string) => {
    state.warnings.push(`${why} ${raw} at line ${lineOf(index)}: kept as text, not executed.`);
    return inlineCode(raw);
  };

  let out = '';
  let last = 0;
  // One regex per call: quote contents are converted recursively while this scan is under way.
  const TAG = new RegExp(TAG_SOURCE, 'g');
  let m: RegExpExecArray | null;
  while ((m = TAG.exec(text))) {
    const at = m.index;
    if (skip(at)) continue;
    out += text.slice(last, at);
    last = TAG.lastIndex;
    const raw = m[0];

    if (m[3] !== undefined) {
      const variable = m[3].trim();
      if (SITE_VARIABLES.has(variable)) continue; // the blog's own origin: links become site-relative
      if (variable === 'page.title' && state.ctx.title) {
        out += state.ctx.title;
        continue;
      }
      out += visible(raw, at, 'Unknown Liquid output');
      continue;
    }

    const name = m[1].toLowerCase();
    const args = m[2].trim();

    if (KNOWN_BLOCKS.has(name)) {
      const end = new RegExp(`\\{%-?\\s*end${name}\\s*-?%\\}`, 'g');
      end.lastIndex = TAG.lastIndex;
      const close = end.exec(text);
      if (!close) {
        out += visible(raw, at, `Unclosed {% ${name} %}:`);
        continue;
      }
      const innerStart = TAG.lastIndex;
      const inner = text.slice(innerStart, close.index);
      const innerProtected = protectedRanges
        .filter((r) => r.end > innerStart && r.start < close.index)
        .map((r) => ({ start: Math.max(0, r.start - innerStart), end: Math.min(inner.length, r.end - innerStart) }));
      last = TAG.lastIndex = close.index + close[0].length;
      if (name === 'comment') {
        out += `<!--${inner.replace(/--/g, '- -')}-->`;
        continue;
      }
      const converted = convertTags(inner, innerProtected, state, lineOf(innerStart), baseOffset + innerStart).trim();
      const block = name === 'blockquote' ? blockquote(converted, args) : pullquote(converted, state, lineOf(at));
      out += `${out === '' || out.endsWith('\n') ? '' : '\n\n'}${block}`;
      continue;
    }

    switch (name) {
      case 'img':
      case 'image': {
        const img = parseImgArgs(args);
        if (!img) {
          out += visible(raw, at, 'Unreadable image tag');
          break;
        }
        state.images.push({ ...img, at: baseOffset + at });
        out += imgHtml(img);
        // An <img> alone on a line at the start of a block is an HTML block that would swallow the
        // following line as raw HTML: keep the next paragraph apart.
        const lineStart = text.lastIndexOf('\n', at - 1) + 1;
        const lineEnd = text.indexOf('\n', TAG.lastIndex);
        const alone = text.slice(lineStart, at).trim() === '' && text.slice(TAG.lastIndex, lineEnd < 0 ? undefined : lineEnd).trim() === '';
        const nextLine = lineEnd < 0 ? '' : text.slice(lineEnd + 1, text.indexOf('\n', lineEnd + 1) < 0 ? undefined : text.indexOf('\n', lineEnd + 1));
        if (alone && lineEnd >= 0 && nextLine.trim() !== '') {
          out += text.slice(TAG.lastIndex, lineEnd) + '\n';
          last = TAG.lastIndex = lineEnd;
        }
        break;
      }
      case 'gist': {
        const [id, file] = args.split(/\s+/);
        if (!id || !/^[\w-]+(?:\/[\w-]+)?$/.test(id)) {
          out += visible(raw, at, 'Unreadable gist tag');
          break;
        }
        const url = `https://gist.github.com/${id}${file ? `#file-${file.replace(/[^\w-]/g, '-').toLowerCase()}` : ''}`;
        state.embeds.push({ kind: 'gist', url, at: baseOffset + at });
        out += `[View the gist on GitHub](${url})`;
        break;
      }
      case 'youtube':
      case 'vimeo': {
        const id = args.split(/\s+/)[0] ?? '';
        const src = /^https?:\/\//.test(id)
          ? id
          : name === 'youtube'
            ? `https://www.youtube.com/embed/${id}`
            : `https://player.vimeo.com/video/${id}`;
        const embed = parseEmbed(src);
        if (!embed || embed.kind !== name) {
          out += visible(raw, at, `Unreadable ${name} tag`);
          break;
        }
        state.embeds.push({ kind: embed.kind, url: embed.url, at: baseOffset + at });
        out += `\n\n${iframeHtml(embed.url)}\n\n`;
        break;
      }
      // The Octopress plugins for decks: `{% speakerdeck 0123abcd… %}`, `{% slideshare KEY %}` or a numeric id.
      case 'speakerdeck':
      case 'slideshare': {
        const id = args.split(/\s+/)[0] ?? '';
        const src =
          name === 'speakerdeck'
            ? `https://speakerdeck.com/player/${id}`
            : `https://www.slideshare.net/slideshow/embed_code/${/^\d+$/.test(id) ? id : `key/${id}`}`;
        const embed = parseEmbed(src);
        if (!embed) {
          out += visible(raw, at, `Unreadable ${name} tag`);
          break;
        }
        state.embeds.push({ kind: embed.kind, url: embed.url, at: baseOffset + at });
        out += `\n\n${iframeHtml(embed.url)}\n\n`;
        break;
      }
      case 'video': {
        const url = args.split(/\s+/).find((t) => /^(?:https?:)?\/\/|^\//.test(t));
        if (!url) {
          out += visible(raw, at, 'Unreadable video tag');
          break;
        }
        const embed = parseEmbed(url);
        if (embed && embed.kind !== 'facebook') {
          state.embeds.push({ kind: embed.kind, url: embed.url, at: baseOffset + at });
          out += `\n\n${iframeHtml(embed.url)}\n\n`;
        } else {
          state.embeds.push({ kind: 'video', url, at: baseOffset + at });
          out += `[Watch the video](${url})`;
        }
        break;
      }
      case 'post_url': {
        const slug = args.split('/').pop()!.replace(/^\d{4}-\d{2}-\d{2}-/, '').replace(/\.\w+$/, '');
        out += `/posts/${slug}`;
        break;
      }
      case 'raw':
      case 'endraw':
        out += visible(raw, at, 'Unpaired');
        break;
      default:
        out += visible(raw, at, 'Unknown Liquid tag');
    }
  }
  return out + text.slice(last);
}

/** `{% blockquote [author[, source]] [link] [source_link_title] %}` */
function blockquote(content: string, args: string): string {
  let by = '';
  let source: string | null = null;
  let title = '';
  const full = /^(\S.*?)\s+(https?:\/\/\S+)(?:\s+(.+))?$/i.exec(args);
  if (full) {
    [by, source, title] = [full[1], full[2], full[3] ?? ''];
  } else {
    const authorTitle = /^([^,]+),([^,]+)$/.exec(args);
    if (authorTitle) [by, title] = [authorTitle[1], authorTitle[2]];
    else by = args;
  }
  by = by.trim();
  title = title.trim();
  const cite = source ? `[${escapeMarkdown(title || new URL(source).hostname)}](${source})` : title ? `*${escapeMarkdown(title)}*` : '';
  const attribution = [by && escapeMarkdown(by), cite].filter(Boolean).join(', ');
  const lines = content.split('\n');
  if (attribution) lines.push('', `— ${attribution}`);
  return `${lines.map((l) => (l.trim() ? `> ${l}` : '>')).join('\n')}\n`;
}

/** `{% pullquote %} … {" pulled words "} … {% endpullquote %}`: the pulled words as a quote, then the text. */
function pullquote(content: string, state: State, line: number): string {
  const pulled = /\{"\s*([\s\S]+?)\s*"\}/.exec(content);
  const text = content.replace(/\{"\s*([\s\S]+?)\s*"\}/g, '$1');
  if (!pulled) {
    state.warnings.push(`{% pullquote %} at line ${line} has no {" … "} marker: kept its text only.`);
    return `${text}\n`;
  }
  return `> ${pulled[1].replace(/\n/g, ' ')}\n\n${text}\n`;
}

/** Images the author wrote as markdown or HTML (Liquid images are recorded where they are converted). */
function collectAuthorImages(tree: ReturnType<typeof parseMarkdown>, state: State, skip: (i: number) => unknown) {
  visit(tree, 'image', (node: MdastImage) => {
    const at = node.position?.start.offset ?? 0;
    state.images.push({ src: node.url, width: null, height: null, class: null, title: node.title ?? null, alt: node.alt || null, at });
  });
  visit(tree, 'html', (node) => {
    const base = node.position?.start.offset ?? 0;
    for (const tag of node.value.matchAll(/<img\b[^>]*>/gi)) {
      if (skip(base)) continue;
      const attrs = htmlAttributes(tag[0]);
      if (!attrs.src) continue;
      const num = (v: string | undefined) => (v && /^\d+$/.test(v) ? Number(v) : null);
      state.images.push({
        src: attrs.src,
        width: num(attrs.width),
        height: num(attrs.height),
        class: attrs.class ?? null,
        title: attrs.title ?? null,
        alt: attrs.alt ?? null,
        at: base + tag.index!,
      });
    }
  });
}

const ENTITY: Record<string, string> = { amp: '&', quot: '"', lt: '<', gt: '>', '#39': "'", apos: "'" };

/** Attributes of one HTML start tag, lower-cased names, entity-decoded values. */
export function htmlAttributes(tag: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  const body = tag.replace(/^<\w+/, '').replace(/\/?>$/, '');
  for (const m of body.matchAll(/([^\s"'=<>`/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g)) {
    const value = m[2] ?? m[3] ?? m[4] ?? '';
    attrs[m[1].toLowerCase()] = value.replace(/&(amp|quot|lt|gt|#39|apos);/g, (_, e: string) => ENTITY[e]);
  }
  return attrs;
}

// ------------------------------------------------------------------ public API

export function convertLiquid(source: string, ctx: LiquidContext = {}): LiquidResult {
  const warnings: string[] = [];
  const lineOffset = ctx.lineOffset ?? 0;
  const prepared = prepare(source, warnings, lineOffset);
  const state: State = { images: [], embeds: [], warnings, ctx };
  const markdown = convertTags(prepared.text, prepared.protectedRanges, state, 1 + lineOffset);
  const byPosition = <T extends { at: number }>(list: T[]) =>
    [...list].sort((a, b) => a.at - b.at).map(({ at: _at, ...rest }) => rest);
  return { markdown, images: byPosition(state.images), embeds: byPosition(state.embeds), warnings };
}
