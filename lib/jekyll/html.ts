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
/** Speaker Deck's embed code: a script that draws the player from the deck's id. */
const SPEAKERDECK_SCRIPT = /\bclass\s*=\s*["'][^"']*\bspeakerdeck-embed\b/i;
/** SlideShare's embed code before iframes: a Flash player (ssplayer*.swf) that no browser plays now. */
const SLIDESHARE_FLASH = /slidesharecdn\.com\/swf\/ssplayer|slideshare\.net\/swf/i;

export type HtmlScan = { markdown: string; embeds: (EmbedRef & { at: number })[]; warnings: string[] };

export function scanHtml(markdown: string, lineOffset = 0): HtmlScan {
  // No tag at all: nothing to scan (and no second parse of a long post).
  if (!/<[a-z!]/i.test(markdown)) return { markdown, embeds: [], warnings: [] };
  const tree = parseMarkdown(markdown);
  const embeds: HtmlScan['embeds'] = [];
  const warnings: string[] = [];
  const removals: { start: number; end: number; text?: string }[] = [];
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
        warnings.push(`Embedded frame ${src ? `from ${src}` : 'without a source'} at line ${lineOf(at)} is not an allowed embed (YouTube, Vimeo, SlideShare, Speaker Deck): it will be removed.`);
      }
    }

    const quote = TWEET_QUOTE.exec(visibleHtml);
    if (quote) {
      const status = TWEET_STATUS.exec(visibleHtml.slice(quote.index));
      embeds.push({ kind: 'twitter', url: status ? status[0].replace(/^http:/, 'https:') : 'https://twitter.com/', at: base + quote.index });
    }

    for (const script of visibleHtml.matchAll(SCRIPT)) {
      const at = base + script.index!;
      const deck = SPEAKERDECK_SCRIPT.test(script[0]) ? parseEmbed(`https://speakerdeck.com/player/${htmlAttributes(script[0])['data-id'] ?? ''}`) : null;
      if (deck) {
        // The script would draw this very player: the iframe is what readers get, without the script.
        embeds.push({ kind: deck.kind, url: deck.url, at });
        removals.push({ start: at, end: at + script[0].length, text: `<iframe src="${deck.url}" allowfullscreen></iframe>\n` });
      } else if (WIDGETS_JS.test(script[0])) removals.push({ start: at, end: at + script[0].length });
      else warnings.push(`A <script> at line ${lineOf(at)} will be removed: scripts never run in Hallway posts.`);
    }
    const unclosed = /<script\b/i.test(visibleHtml.replace(SCRIPT, ''));
    if (unclosed) warnings.push(`An unclosed <script> at line ${lineOf(base)} will be removed.`);

    for (const tag of visibleHtml.matchAll(DROPPED_TAGS)) {
      const at = base + tag.index!;
      const name = tag[1].toLowerCase();
      if (name === 'video') {
        // A video file of its own: its src, or the first <source> inside it.
        const inner = /<source\b[^>]*>/i.exec(visibleHtml.slice(tag.index! + tag[0].length).split(/<\/video\s*>/i)[0]);
        const src = htmlAttributes(tag[0]).src ?? (inner ? htmlAttributes(inner[0]).src : undefined);
        if (src) embeds.push({ kind: 'video', url: src, at });
        warnings.push(`A <video> at line ${lineOf(at)} cannot be played in posts: it will be removed${src ? `; link to ${src} instead` : ''}.`);
        continue;
      }
      if ((name === 'object' || name === 'embed') && SLIDESHARE_FLASH.test(visibleHtml.slice(tag.index!, tag.index! + 2000))) {
        if (name === 'object' || !embeds.some((e) => e.kind === 'slideshare' && e.at >= base)) embeds.push({ kind: 'slideshare', url: 'https://www.slideshare.net/', at });
        if (name === 'object' || !/<object\b/i.test(visibleHtml)) {
          warnings.push(`A SlideShare player from the Flash era at line ${lineOf(at)} no longer plays in any browser: it will be removed (embed the slides again from SlideShare to show them).`);
        }
        continue;
      }
      warnings.push(`<${name}> at line ${lineOf(at)} is not allowed in posts and will be removed.`);
    }
  });

  let out = markdown;
  for (const r of removals.sort((a, b) => b.start - a.start)) out = out.slice(0, r.start) + (r.text ?? '') + out.slice(r.end);
  return { markdown: out, embeds, warnings };
}
