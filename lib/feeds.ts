import { Feed, type Item } from 'feed';
import type { Element, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { absoluteUrl, SITE_DESCRIPTION, SITE_NAME } from './seo';

/**
 * Atom 1.0 and JSON Feed 1.1 from public posts, through the `feed` library.
 *
 * - Content is the post's stored, already sanitized HTML, with every relative URL made absolute
 *   (feed readers show it away from the site: `/images/…` and `#user-content-…` would break).
 * - Entry ids are tag URIs on the post's id, so renaming a post's slug does not make it "new".
 * - `updated` is the post's last change; the feed's own `updated` the latest of them, so the
 *   output only changes when content does.
 */

export type FeedPostInput = {
  id: number;
  slug: string;
  title: string;
  summary: string;
  bodyHtml: string;
  publishedAt: number;
  updatedAt: number;
  authorName: string | null;
  categories: { slug: string; name: string }[];
};

// XML 1.0 forbids most control characters (and lone surrogates); one in a post would make the
// whole feed unparseable.
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
export const xmlSafe = (s: string) => s.replace(XML_INVALID, '');

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const URL_ATTRIBUTES = ['href', 'src', 'cite', 'poster'] as const;

/**
 * Rewrites relative URLs in HTML against `baseUrl` (the post's absolute URL): `/images/a.svg`,
 * `#section`, `../x`, `//host/x`. Absolute and `mailto:` links stay as they are.
 */
export function absolutizeHtml(html: string, baseUrl: string): string {
  const rewrite = () => (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      for (const attr of URL_ATTRIBUTES) {
        const value = node.properties[attr];
        if (typeof value !== 'string' || value === '') continue;
        try {
          node.properties[attr] = new URL(value, baseUrl).href;
        } catch {
          // Not a URL at all: leave it.
        }
      }
    });
  };
  return String(unified().use(rehypeParse, { fragment: true }).use(rewrite).use(rehypeStringify).processSync(html));
}

export type FeedSpec = {
  title: string;
  description?: string;
  /** The HTML page the feed mirrors, e.g. `/categories/streaming`. */
  homePath: string;
  /** The Atom feed's own path. */
  atomPath: string;
  /** The JSON Feed's path, if there is one. */
  jsonPath?: string;
  posts: FeedPostInput[];
};

/** Stable entry id: `tag:<host>,<year of publication>:post-<id>` (RFC 4151). */
export function entryId(post: Pick<FeedPostInput, 'id' | 'publishedAt'>): string {
  const host = new URL(absoluteUrl('/')).hostname;
  return `tag:${host},${new Date(post.publishedAt).getUTCFullYear()}:post-${post.id}`;
}

export function buildFeed(spec: FeedSpec): Feed {
  const updated = spec.posts.reduce((max, p) => Math.max(max, p.updatedAt, p.publishedAt), 0);
  const feed = new Feed({
    id: absoluteUrl(spec.homePath),
    title: xmlSafe(spec.title),
    description: xmlSafe(spec.description ?? SITE_DESCRIPTION),
    link: absoluteUrl(spec.homePath),
    language: 'en',
    favicon: absoluteUrl('/icon.svg'),
    // An empty feed still needs a fixed instant, or every request would differ.
    updated: new Date(updated || 0),
    generator: SITE_NAME,
    feedLinks: {
      atom: absoluteUrl(spec.atomPath),
      ...(spec.jsonPath && { json: absoluteUrl(spec.jsonPath) }),
    },
    author: { name: SITE_NAME, link: absoluteUrl('/') },
  });
  for (const post of spec.posts) feed.addItem(feedItem(post));
  return feed;
}

function feedItem(post: FeedPostInput): Item {
  const url = absoluteUrl(`/posts/${post.slug}`);
  const content = xmlSafe(absolutizeHtml(post.bodyHtml, url))
    // The library writes content as CDATA and escapes only the first "]]>"; in HTML, "&gt;" is the same.
    .replaceAll(']]>', ']]&gt;');
  return {
    id: entryId(post),
    // Atom title and summary are declared type="html": plain text has to be escaped to stay text.
    title: escapeHtml(xmlSafe(post.title)),
    link: url,
    date: new Date(Math.max(post.updatedAt, post.publishedAt)),
    published: new Date(post.publishedAt),
    description: post.summary ? escapeHtml(xmlSafe(post.summary)).replaceAll(']]>', ']]&gt;') : undefined,
    content,
    author: [{ name: xmlSafe(post.authorName ?? 'A former member') }],
    category: post.categories.map((c) => ({
      name: xmlSafe(c.name),
      term: c.slug,
      scheme: absoluteUrl('/categories/'),
    })),
  };
}

// The library escapes only `&` (and its XML writer `"`) in attribute values, so a category named
// "a <b>" would make the whole feed unparseable. Its output is regular: `<category a="…" …/>`, with
// no `"` left inside a value, so the values can be finished here.
const CATEGORY_ELEMENT = /<category((?:\s+[\w:]+="[^"]*")+)\s*\/>/g;
const escapeAngles = (s: string) => s.replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The Atom 1.0 document, with every attribute value well-formed. */
function atomXml(feed: Feed): string {
  return feed.atom1().replace(CATEGORY_ELEMENT, (_, attributes: string) => `<category${escapeAngles(attributes)}/>`);
}

export function atomResponse(feed: Feed): Response {
  return new Response(atomXml(feed), {
    headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' },
  });
}

/**
 * JSON Feed 1.1 (https://jsonfeed.org/version/1.1). The library writes 1.0; the differences are
 * the version URL, `authors` arrays (1.0's `author` is deprecated but still allowed) and
 * `language`. Titles and summaries are plain text in JSON Feed, so they are unescaped here.
 */
export function jsonFeed11(feed: Feed, spec: FeedSpec): Record<string, unknown> {
  const json = JSON.parse(feed.json1()) as Record<string, unknown> & { items: Record<string, unknown>[] };
  const byId = new Map(spec.posts.map((p) => [entryId(p), p]));
  return {
    ...json,
    version: 'https://jsonfeed.org/version/1.1',
    language: 'en',
    authors: json.author ? [json.author] : undefined,
    items: json.items.map((item) => {
      const post = byId.get(String(item.id));
      return {
        ...item,
        title: post?.title ?? item.title,
        summary: post?.summary || undefined,
        authors: item.author ? [item.author] : undefined,
      };
    }),
  };
}

export function jsonFeedResponse(feed: Feed, spec: FeedSpec): Response {
  return new Response(JSON.stringify(jsonFeed11(feed, spec), null, 2), {
    headers: { 'Content-Type': 'application/feed+json; charset=utf-8' },
  });
}
