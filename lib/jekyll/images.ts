/**
 * Image references in stored markdown: markdown images (`![alt](src)`, and `[ref]: src`
 * definitions that point at an image file) and HTML `<img>` tags. The importer points local ones
 * at their copies under `/uploads/`, the exporter at `/images/` beside the exported posts.
 */
import { visit } from 'unist-util-visit';
import { htmlAttributes, imgHtml } from './liquid';
import { parseMarkdown } from './mdast';

export type ImageHit = { src: string; width: number | null; height: number | null };
/** Return the new src (and sizes for `<img>` tags), or null to leave the reference alone. */
export type ImageRewrite = (hit: ImageHit) => { src: string; width?: number | null; height?: number | null } | null;

const IMAGE_FILE = /\.(?:png|jpe?g|gif|webp|svg|avif|bmp)(?:[?#].*)?$/i;

/** A path on the blog itself (`/images/x.png`, `images/x.png`), not a URL elsewhere. */
export function isLocalImage(src: string): boolean {
  const s = src.trim();
  return s !== '' && !/^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i.test(s);
}

export function rewriteImages(markdown: string, rewrite: ImageRewrite): string {
  const tree = parseMarkdown(markdown);
  const edits: { start: number; end: number; text: string }[] = [];
  const num = (v: string | undefined) => (v && /^\d+$/.test(v) ? Number(v) : null);

  visit(tree, (node) => {
    if ((node.type === 'image' || (node.type === 'definition' && IMAGE_FILE.test(node.url))) && node.position) {
      const start = node.position.start.offset!;
      const end = node.position.end.offset!;
      const r = rewrite({ src: node.url, width: null, height: null });
      if (!r || r.src === node.url) return;
      const source = markdown.slice(start, end);
      const at = source.lastIndexOf(node.url);
      if (at < 0) return;
      edits.push({ start: start + at, end: start + at + node.url.length, text: r.src });
    } else if (node.type === 'html' && node.position) {
      const base = node.position.start.offset!;
      for (const tag of node.value.matchAll(/<img\b[^>]*>/gi)) {
        const attrs = htmlAttributes(tag[0]);
        if (!attrs.src) continue;
        const width = num(attrs.width);
        const height = num(attrs.height);
        const r = rewrite({ src: attrs.src, width, height });
        if (!r) continue;
        const text = imgHtml({
          src: r.src,
          width: r.width === undefined ? width : r.width,
          height: r.height === undefined ? height : r.height,
          alt: attrs.alt,
          title: attrs.title,
        });
        if (text !== tag[0]) edits.push({ start: base + tag.index!, end: base + tag.index! + tag[0].length, text });
      }
    }
  });

  let out = markdown;
  for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** Every image src in the markdown, in order, without duplicates. */
export function imageSources(markdown: string): string[] {
  const found: string[] = [];
  rewriteImages(markdown, (hit) => {
    if (!found.includes(hit.src)) found.push(hit.src);
    return null;
  });
  return found;
}
