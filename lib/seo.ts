import type { Metadata } from 'next';
import { dateTimeFormat, toIsoWithOffset } from './dates';
import { env } from './env';

/**
 * Shared pieces of page metadata: absolute URLs from SITE_URL, the feed links every page
 * advertises, and one builder so every page type gets the same title/description/canonical/
 * OpenGraph/Twitter set.
 *
 * Next merges metadata per top-level key: a page that sets `alternates` (for its canonical URL)
 * replaces the layout's whole `alternates`, feed links included. So pages build theirs here, and
 * the site feeds are always part of it.
 */

export const SITE_NAME = 'Hallway';
export const SITE_DESCRIPTION =
  'Recaps of tech conferences, with every day’s talks by track and what attendees thought of them.';

/**
 * `/posts/x` → `https://example.org/posts/x` (SITE_URL may carry a path prefix). Slugs in other
 * scripts are percent-encoded, as feeds, sitemaps and schedule files want URIs, not IRIs.
 */
export function absoluteUrl(path: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(path)) return path;
  const encoded = path.replace(/[^\x00-\x7f]+/g, encodeURIComponent);
  return `${env.SITE_URL}${encoded.startsWith('/') ? encoded : `/${encoded}`}`;
}

type FeedLink = { url: string; title: string };

export const SITE_FEEDS = {
  'application/atom+xml': [{ url: '/feed.xml', title: 'Hallway: all recaps (Atom)' }],
  'application/feed+json': [{ url: '/feed.json', title: 'Hallway: all recaps (JSON Feed)' }],
} satisfies Record<string, FeedLink[]>;

/** `alternates` for a page: its canonical URL plus the site feeds and any feeds of its own. */
export function pageAlternates(canonical: string | undefined, atomFeeds: FeedLink[] = []): Metadata['alternates'] {
  return {
    ...(canonical !== undefined && { canonical }),
    types: {
      // A page's own feed first: feed readers given the page URL pick the first one.
      'application/atom+xml': [...atomFeeds, ...SITE_FEEDS['application/atom+xml']],
      'application/feed+json': SITE_FEEDS['application/feed+json'],
    },
  };
}

type OpenGraph = NonNullable<Metadata['openGraph']>;

/**
 * Title, description, canonical URL, OpenGraph and Twitter card for one page. `openGraph` extends
 * the defaults (an article's type, times and authors); a page with a generated social image
 * (`opengraph-image.tsx`) passes `largeImage` so the Twitter card shows it big.
 */
export function pageMetadata({
  title,
  description,
  path,
  feeds,
  openGraph,
  largeImage = false,
  noIndex = false,
}: {
  title: string | { absolute: string };
  description: string;
  path: string;
  feeds?: FeedLink[];
  openGraph?: OpenGraph;
  largeImage?: boolean;
  noIndex?: boolean;
}): Metadata {
  const plainTitle = typeof title === 'string' ? title : title.absolute;
  return {
    title,
    description,
    alternates: pageAlternates(path, feeds),
    openGraph: {
      type: 'website',
      siteName: SITE_NAME,
      locale: 'en_GB',
      url: path,
      title: plainTitle,
      description,
      ...openGraph,
    } as OpenGraph,
    twitter: { card: largeImage ? 'summary_large_image' : 'summary', title: plainTitle, description },
    ...(noIndex && { robots: { index: false, follow: true } }),
  };
}

/** ISO 8601 of an instant in an IANA zone, with that zone's offset then (`2018-03-06T13:40:00+00:00`). */
export function isoInZone(utcMs: number, timeZone: string): string {
  let offsetMinutes = 0;
  try {
    const parts = dateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    }).formatToParts(new Date(utcMs));
    const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
    const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
    offsetMinutes = Math.round((wall - Math.floor(utcMs / 1000) * 1000) / 60_000);
  } catch {
    // An unknown zone name: print UTC rather than fail the page.
  }
  return toIsoWithOffset(utcMs, offsetMinutes);
}

/** Text for a meta description: whitespace collapsed, cut between words. */
export function truncate(text: string, max = 200): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2)).trimEnd()}…`;
}
