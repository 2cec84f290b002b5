/**
 * WordPress shortcodes left in posts that moved to Jekyll: `[slideshare id=1234567&doc=…]`,
 * `[youtube https://…]`, `[youtube=https://…]`, `[vimeo 12345]`, `[speakerdeck id=…]`, alone on
 * their line. Each becomes the iframe of its embed (rebuilt and allowlisted when rendered), and
 * is listed. Code (fenced or indented) is left as written.
 */
import { parseEmbed } from '@/lib/embeds';
import type { EmbedRef } from './types';

const SHORTCODE = /^\[(slideshare|youtube|vimeo|speakerdeck)[\s=]+([^\]\n]+)\]\s*$/i;

function sourceOf(kind: string, args: string): string | null {
  const params = new URLSearchParams(args.trim().replace(/\s+/g, '&'));
  const first = args.trim().split(/[\s&]+/)[0].replace(/^id=/, '');
  if (kind === 'slideshare') {
    const id = params.get('id') ?? first;
    return /^\d+$/.test(id) ? `https://www.slideshare.net/slideshow/embed_code/${id}` : null;
  }
  if (kind === 'speakerdeck') return `https://speakerdeck.com/player/${params.get('id') ?? first}`;
  if (/^https?:\/\//.test(first)) return first;
  return kind === 'youtube' ? `https://www.youtube.com/embed/${first}` : `https://player.vimeo.com/video/${first}`;
}

export function convertShortcodes(markdown: string): { markdown: string; embeds: EmbedRef[] } {
  if (!markdown.includes('[')) return { markdown, embeds: [] };
  const embeds: EmbedRef[] = [];
  let fence: string | null = null;
  const lines = markdown.split('\n').map((line) => {
    const f = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (f) fence = fence === null ? f[1][0] : line.trimStart().startsWith(fence) ? null : fence;
    if (fence !== null || /^(?: {4}|\t)/.test(line)) return line;
    const m = SHORTCODE.exec(line.trim());
    const src = m ? sourceOf(m[1].toLowerCase(), m[2]) : null;
    const embed = src ? parseEmbed(src) : null;
    if (!embed || embed.kind === 'facebook') return line;
    embeds.push({ kind: embed.kind, url: embed.url });
    return `<iframe src="${embed.url}" allowfullscreen></iframe>`;
  });
  return { markdown: lines.join('\n'), embeds };
}
