import type { Element, ElementContent, Properties, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';

export type EmbedKind = 'youtube' | 'vimeo' | 'slideshare' | 'speakerdeck' | 'facebook';
export type Embed = { kind: EmbedKind; id: string; url: string };

const PLAYERS = {
  youtube: 'https://www.youtube-nocookie.com',
  vimeo: 'https://player.vimeo.com',
  slideshare: 'https://www.slideshare.net',
  speakerdeck: 'https://speakerdeck.com',
} as const;
/** Every origin an embed's iframe can load from (the pages' CSP `frame-src`). */
export const EMBED_ORIGINS: readonly string[] = Object.values(PLAYERS);

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;
const VIMEO_ID = /^\d{1,15}$/;
const SLIDESHARE_KEY = /^[A-Za-z0-9]+$/;
const SLIDESHARE_ID = /^\d{1,12}$/;
const SPEAKERDECK_ID = /^[a-f0-9]{32}$/i;
const FACEBOOK_VIDEO_ID = /^\d{1,25}$/;

const YOUTUBE_HOSTS = new Set([
  'youtube.com',
  'www.youtube.com',
  'm.youtube.com',
  'youtube-nocookie.com',
  'www.youtube-nocookie.com',
]);
const FACEBOOK_HOSTS = new Set(['facebook.com', 'www.facebook.com', 'web.facebook.com']);

function toUrl(src: string): URL | null {
  const trimmed = src.trim();
  // SlideShare's embed code is protocol-relative; the rebuilt iframe is always https.
  const absolute = trimmed.startsWith('//') ? `https:${trimmed}` : trimmed;
  if (!/^https?:\/\//i.test(absolute)) return null;
  try {
    const url = new URL(absolute);
    // Credentials or a port mean someone is dressing up another origin.
    return url.username || url.password || url.port ? null : url;
  } catch {
    return null;
  }
}

function youtube(id: string | null | undefined): Embed | null {
  return id && YOUTUBE_ID.test(id)
    ? { kind: 'youtube', id, url: `${PLAYERS.youtube}/embed/${id}` }
    : null;
}

function vimeo(id: string | undefined): Embed | null {
  return id && VIMEO_ID.test(id)
    ? { kind: 'vimeo', id, url: `${PLAYERS.vimeo}/video/${id}` }
    : null;
}

/** Facebook's player is never embedded (it tracks readers); we only keep a link to the video page. */
function facebookVideo(href: string | null): Embed | null {
  if (!href) return null;
  let video: URL;
  try {
    video = new URL(href);
  } catch {
    return null;
  }
  const host = video.hostname;
  if (video.protocol !== 'https:' || video.username || video.password || video.port) return null;
  if (host !== 'facebook.com' && !host.endsWith('.facebook.com')) return null;

  const segments = video.pathname.split('/').filter(Boolean);
  const marker = segments.findIndex((s) => s === 'videos' || s === 'reel');
  const fromPath = marker >= 0 ? segments.slice(marker + 1).find((s) => FACEBOOK_VIDEO_ID.test(s)) : undefined;
  const v = video.searchParams.get('v');
  const id = fromPath ?? (v && FACEBOOK_VIDEO_ID.test(v) ? v : undefined);
  if (!id) return null;

  // Keep only what identifies the video: tracking parameters and fragments go.
  video.search = fromPath ? '' : `?v=${id}`;
  video.hash = '';
  return { kind: 'facebook', id, url: video.href };
}

/** Recognises a supported embed source and returns its canonical (rebuilt) URL. Pure. */
export function parseEmbed(src: string): Embed | null {
  const url = toUrl(src);
  if (!url) return null;
  const host = url.hostname;
  const segments = url.pathname.split('/').filter(Boolean);

  if (YOUTUBE_HOSTS.has(host)) {
    if (segments.length === 2 && segments[0] === 'embed') return youtube(segments[1]);
    if (segments.length === 1 && segments[0] === 'watch') return youtube(url.searchParams.get('v'));
    return null;
  }
  if (host === 'youtu.be') return segments.length === 1 ? youtube(segments[0]) : null;
  if (host === 'player.vimeo.com') {
    return segments.length === 2 && segments[0] === 'video' ? vimeo(segments[1]) : null;
  }
  if (host === 'vimeo.com' || host === 'www.vimeo.com') {
    return segments.length === 1 ? vimeo(segments[0]) : null;
  }
  // www., the language subdomains (de., es., fr.…), and both embed paths: by key and by numeric id.
  if (host === 'slideshare.net' || /^(?:www|[a-z]{2})\.slideshare\.net$/.test(host)) {
    const [a, b, c, key] = segments;
    if (segments.length === 4 && a === 'slideshow' && b === 'embed_code' && c === 'key' && SLIDESHARE_KEY.test(key)) {
      return { kind: 'slideshare', id: key, url: `${PLAYERS.slideshare}/slideshow/embed_code/key/${key}` };
    }
    if (segments.length === 3 && a === 'slideshow' && b === 'embed_code' && SLIDESHARE_ID.test(c)) {
      return { kind: 'slideshare', id: c, url: `${PLAYERS.slideshare}/slideshow/embed_code/${c}` };
    }
    return null;
  }
  if (host === 'speakerdeck.com' || host === 'www.speakerdeck.com') {
    const [a, id] = segments;
    return segments.length === 2 && (a === 'player' || a === 'embed') && SPEAKERDECK_ID.test(id)
      ? { kind: 'speakerdeck', id, url: `${PLAYERS.speakerdeck}/player/${id.toLowerCase()}` }
      : null;
  }
  if (FACEBOOK_HOSTS.has(host) && url.pathname === '/plugins/video.php') {
    return facebookVideo(url.searchParams.get('href'));
  }
  return null;
}

type PlayableEmbed = Embed & { kind: Exclude<EmbedKind, 'facebook'> };

export const EMBED_SANDBOX = ['allow-scripts', 'allow-same-origin', 'allow-popups', 'allow-presentation'];
export const EMBED_REFERRER_POLICY = 'strict-origin-when-cross-origin';
const VIDEO_ALLOW = 'fullscreen; picture-in-picture';
const SLIDES_ALLOW = 'fullscreen';
/** Every `allow` value a rebuilt iframe can carry (the sanitizer's allowlist). */
export const EMBED_ALLOW_VALUES = [VIDEO_ALLOW, SLIDES_ALLOW];

const TITLES: Record<Exclude<EmbedKind, 'facebook'>, string> = {
  youtube: 'YouTube video',
  vimeo: 'Vimeo video',
  slideshare: 'Slides on SlideShare',
  speakerdeck: 'Slides on Speaker Deck',
};
const isSlides = (kind: EmbedKind) => kind === 'slideshare' || kind === 'speakerdeck';

/** The only attributes an embedded iframe ever has: nothing from the author's markup survives. */
function iframeProperties(embed: PlayableEmbed): Properties {
  return {
    src: embed.url,
    title: TITLES[embed.kind],
    loading: 'lazy',
    sandbox: [...EMBED_SANDBOX],
    allow: isSlides(embed.kind) ? SLIDES_ALLOW : VIDEO_ALLOW,
    allowFullScreen: true,
    referrerPolicy: EMBED_REFERRER_POLICY,
  };
}

function isPlayable(embed: Embed | null): embed is PlayableEmbed {
  return embed !== null && embed.kind !== 'facebook';
}

function element(tagName: string, properties: Properties, children: ElementContent[] = []): Element {
  return { type: 'element', tagName, properties, children };
}

function hasClass(node: Element, name: string): boolean {
  const value = node.properties.className;
  return Array.isArray(value) && value.includes(name);
}

function isWhitespace(node: ElementContent): boolean {
  return node.type === 'comment' || (node.type === 'text' && node.value.trim() === '');
}

function isEmbedBlock(node: ElementContent): boolean {
  return node.type === 'element' && node.tagName === 'div' && hasClass(node, 'embed');
}

function replaceIframe(iframe: Element): ElementContent[] {
  const src = iframe.properties.src;
  const embed = typeof src === 'string' ? parseEmbed(src) : null;
  if (isPlayable(embed)) {
    return [element('div', { className: ['embed', `embed-${embed.kind}`] }, [element('iframe', iframeProperties(embed))])];
  }
  if (embed) {
    return [element('p', {}, [element('a', { href: embed.url }, [{ type: 'text', value: 'Watch the video on Facebook' }])])];
  }
  return [];
}

const TWEET_STATUS = /^https?:\/\/(?:www\.|mobile\.)?(twitter|x)\.com\/([A-Za-z0-9_]{1,15})\/status(?:es)?\/(\d{1,25})(?:[/?#]|$)/i;

function tweetStatusUrl(href: unknown): string | null {
  const match = typeof href === 'string' ? TWEET_STATUS.exec(href.trim()) : null;
  return match ? `https://${match[1].toLowerCase()}.com/${match[2]}/status/${match[3]}` : null;
}

/**
 * Twitter's embed code is a blockquote plus a widgets.js script. The script goes (all scripts
 * do), the quote stays as plain content with a link to the original post.
 */
function rewriteTweet(quote: Element): void {
  let status: string | null = null;
  visit(quote, 'element', (node) => {
    const url = node.tagName === 'a' ? tweetStatusUrl(node.properties.href) : null;
    if (url) {
      node.properties.href = url; // drops Twitter's ?ref_src tracking
      status = url;
    }
  });
  quote.properties = { className: ['tweet'] };
  if (status) {
    quote.children.push(element('p', {}, [element('a', { href: status }, [{ type: 'text', value: 'View the original post' }])]));
  }
}

/** Browsers close a <p> at a <div>, so a paragraph holding embeds is split around them. */
function splitParagraph(paragraph: Element): ElementContent[] {
  const out: ElementContent[] = [];
  let run: ElementContent[] = [];
  const flush = () => {
    if (!run.every(isWhitespace)) out.push({ ...paragraph, children: run });
    run = [];
  };
  for (const child of paragraph.children) {
    if (isEmbedBlock(child)) {
      flush();
      out.push(child);
    } else run.push(child);
  }
  flush();
  return out;
}

/** Rebuilds allowlisted iframes, turns Facebook players into links and drops every other iframe. */
function rewrite(parent: Root | Element): void {
  const out: ElementContent[] = [];
  for (const child of parent.children as ElementContent[]) {
    if (child.type !== 'element') {
      out.push(child);
      continue;
    }
    if (child.tagName === 'iframe') {
      out.push(...replaceIframe(child));
      continue;
    }
    // The `embed` wrapper class is ours alone; an author's copy would just nest wrappers.
    if (isEmbedBlock(child)) delete child.properties.className;
    if (child.tagName === 'blockquote' && hasClass(child, 'twitter-tweet')) rewriteTweet(child);
    rewrite(child);
    if (child.tagName === 'p' && child.children.some(isEmbedBlock)) out.push(...splitParagraph(child));
    else out.push(child);
  }
  parent.children = out;
}

/** Rehype plugin: run after rehype-raw and before the sanitizer. */
export function rehypeEmbeds() {
  return (tree: Root) => {
    rewrite(tree);
  };
}

/**
 * Defense in depth, run after the sanitizer: an iframe survives only when it is exactly one of
 * our rebuilt forms, sitting in its wrapper, and it gets its canonical attributes back.
 */
export function rehypeEmbedGuard() {
  return (tree: Root) => {
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'iframe' || !parent || index === undefined) return;
      const src = node.properties.src;
      const embed = typeof src === 'string' ? parseEmbed(src) : null;
      const wrapped = parent.type === 'element' && isEmbedBlock(parent);
      if (wrapped && isPlayable(embed) && embed.url === src) {
        node.properties = iframeProperties(embed);
        node.children = [];
        return SKIP;
      }
      parent.children.splice(index, 1);
      return [SKIP, index];
    });
  };
}
