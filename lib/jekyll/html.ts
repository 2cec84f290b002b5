/**
 * Raw HTML of the blogging era, as the importer sees it: which embeds a post carries, what the
 * sanitizer will drop (reported as warnings), and Twitter's widgets.js, which goes right away (the
 * tweet's quote stays). Rendering itself is lib/markdown.ts's job; nothing here rewrites embeds.
 */
import { visit } from 'unist-util-visit';
import { parseEmbed } from '@/lib/embeds';
import { htmlAttributes } from './liquid';
import { lineIndex, parseMarkdown } from './mdast';
import type { EmbedRef } from './types';

const TWEET_QUOTE = /<blockquote\b[^>]*\bclass\s*=\s*["'][^"']*\btwitter-tweet\b[^>]*>/i;
const TWEET_STATUS = /https?:\/\/(?:www\.|mobile\.)?(?:twitter|x)\.com\/[A-Za-z0-9_]{1,15}\/status(?:es)?\/\d{1,25}/i;
const SCRIPT = /<script\b[^>]*>[\s\S]*?<\/script\s*>[ \t]*\n?/gi;
const WIDGETS_JS = /\bsrc\s*=\s*["'](?:https?:)?\/\/platform\.twitter\.com\/widgets\.js["']/i;
const DROPPED_TAGS = /<(object|embed|video|audio|form|style|applet|frameset|frame|svg|math)\b[^>]*>/gi;

export type HtmlScan = { markdown: string; embeds: (EmbedRef & { at: number })[]; warnings: string[] };

export function scanHtml(markdown: string, lineOffset = 0): HtmlScan {
  // No tag at all: nothing to scan (and no second parse of a long post).
  if (!/<[a-z!]/i.test(markdown)) return { markdown, embeds: [], warnings: [] };
  const tree = parseMarkdown(markdown);
  const embeds: HtmlScan['embeds'] = [];
  const warnings: string[] = [];
  const removals: { start: number; end: number }[] = [];
  const lineOf = lineIndex(markdown, lineOffset);

  visit(tree, 'html', (node) => {
    const base = node.position?.start.offset;
    if (base === undefined) return;
    const html = node.value;
    // Comments (the excerpt marker, the talks skeleton) hold nothing to report.
    const visibleHtml = html.replace(/<!--[\s\S]*?-->/g, (c) => ' '.repeat(c.length));

    for (const tag of visibleHtml.matchAll(/<iframe\b[^>]*>/gi)) {
      const src = htmlAttributes(tag[0]).src ?? '';
      const at = base + tag.index!;
      const embed = src ? parseEmbed(src) : null;
      if (embed) {
        embeds.push({ kind: embed.kind, url: embed.url, at });
        if (embed.kind === 'facebook') {
          warnings.push(`Facebook video at line ${lineOf(at)} becomes a link to the video (Facebook's player is never embedded).`);
        }
      } else {
        embeds.push({ kind: 'other', url: src, at });
        warnings.push(`Embedded frame ${src ? `from ${src}` : 'without a source'} at line ${lineOf(at)} is not an allowed embed (YouTube, Vimeo, SlideShare): it will be removed.`);
      }
    }

    const quote = TWEET_QUOTE.exec(visibleHtml);
    if (quote) {
      const status = TWEET_STATUS.exec(visibleHtml.slice(quote.index));
      embeds.push({ kind: 'twitter', url: status ? status[0].replace(/^http:/, 'https:') : 'https://twitter.com/', at: base + quote.index });
    }

    for (const script of visibleHtml.matchAll(SCRIPT)) {
      const at = base + script.index!;
      if (WIDGETS_JS.test(script[0])) removals.push({ start: at, end: at + script[0].length });
      else warnings.push(`A <script> at line ${lineOf(at)} will be removed: scripts never run in Hallway posts.`);
    }
    const unclosed = /<script\b/i.test(visibleHtml.replace(SCRIPT, ''));
    if (unclosed) warnings.push(`An unclosed <script> at line ${lineOf(base)} will be removed.`);

    for (const tag of visibleHtml.matchAll(DROPPED_TAGS)) {
      const at = base + tag.index!;
      const name = tag[1].toLowerCase();
      if (name === 'video') {
        const src = htmlAttributes(tag[0]).src;
        if (src) embeds.push({ kind: 'video', url: src, at });
      }
      warnings.push(`<${name}> at line ${lineOf(at)} is not allowed in posts and will be removed.`);
    }
  });

  let out = markdown;
  for (const r of removals.sort((a, b) => b.start - a.start)) out = out.slice(0, r.start) + out.slice(r.end);
  return { markdown: out, embeds, warnings };
}
