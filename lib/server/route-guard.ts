import type { RouteLookups } from '@/db/route-lookups';
import { parsePartName } from '@/lib/sitemap';

/**
 * What the front server answers for a reader URL before Next's route cache sees it.
 *
 * Next caches every render of a cached dynamic route, a 404 included, for as long as the route's
 * entries live: a made-up slug per request would fill the disk. So a slug that names nothing in
 * the database gets its 404 here, and a deleted recap its 410 (a page cannot choose that status:
 * notFound() is always 404). Whatever does exist (a draft too: bounded by what authors write) goes
 * on to Next, which decides what readers may see.
 */
export type RouteVerdict = 'pass' | 'not-found' | 'gone';

// Longer than any slug the app generates: not worth a query.
const MAX_SEGMENT = 300;

const CONFERENCE_FILES = new Set(['feed.xml', 'calendar.ics', 'schedule.json', 'schedule.xml']);

const canonicalNumber = (s: string) => (/^[1-9]\d{0,5}$/.test(s) ? Number(s) : null);

/** A numbered list page: a plainly written number within the list's pages (page 1 redirects to the list). */
function withinPages(segment: string, pageCount: () => number): RouteVerdict {
  const n = canonicalNumber(segment);
  return n !== null && n <= pageCount() ? 'pass' : 'not-found';
}

/**
 * `?page=N` on a paginated list is rewritten by Next (next.config.ts) to the list's `/page/N`
 * route after this guard has run: it is judged as that route. A `page` that is not a number is
 * no rewrite, and the list itself answers.
 */
export function numberedListSegments(segments: string[], pageQuery: string | null): string[] {
  if (pageQuery === null || !/^\d{1,6}$/.test(pageQuery)) return segments;
  const list = segments.join('/');
  if (list === '') return ['page', pageQuery];
  if (list === 'speakers' || /^(categories|authors)\/[^/]+$/.test(list) || /^conferences\/[^/]+\/recaps$/.test(list)) return [...segments, 'page', pageQuery];
  return segments;
}

export function routeVerdict(segments: string[], lookups: RouteLookups): RouteVerdict {
  const [section, slug, ...rest] = segments;
  if (slug === undefined || slug === '') return 'pass';
  if (segments.some((s) => s.length > MAX_SEGMENT)) return 'not-found';
  const found = (exists: boolean): RouteVerdict => (exists ? 'pass' : 'not-found');

  switch (section) {
    case 'posts': {
      // The page, its social image and its actions all hang off the slug.
      const state = lookups.postSlugState(slug);
      return state === 'deleted' ? 'gone' : found(state === 'live');
    }
    case 'categories':
      if (rest.length === 0 || (rest.length === 1 && rest[0] === 'feed.xml')) return found(lookups.categoryExists(slug));
      if (rest.length === 2 && rest[0] === 'page') return withinPages(rest[1], () => lookups.categoryPageCount(slug));
      return 'pass';
    case 'authors':
      if (rest.length === 0 || (rest.length === 1 && rest[0] === 'feed.xml')) return found(lookups.authorExists(slug));
      if (rest.length === 2 && rest[0] === 'page') return withinPages(rest[1], () => lookups.authorPageCount(slug));
      return 'pass';
    case 'speakers':
      if (slug === 'page' && rest.length === 1) return withinPages(rest[0], () => lookups.speakerPageCount());
      return rest.length === 0 ? found(lookups.speakerExists(slug)) : 'pass';
    case 'sitemaps': {
      const file = parsePartName(slug);
      return found(rest.length === 0 && file !== null && file.part < lookups.sitemapPartCount(file.section));
    }
    case 'page':
      return rest.length > 0 ? 'pass' : withinPages(slug, () => lookups.homePageCount());
    case 'conferences': {
      if (rest.length === 0 || (rest.length === 1 && CONFERENCE_FILES.has(rest[0]))) return found(lookups.conferenceExists(slug));
      if (rest.length === 1 && rest[0] === 'recaps') return found(lookups.conferenceExists(slug));
      if (rest.length === 3 && rest[0] === 'recaps' && rest[1] === 'page') return withinPages(rest[2], () => lookups.conferenceRecapPageCount(slug));
      if (rest.length !== 2) return 'pass';
      const [kind, child] = rest;
      if (kind === 'days') {
        const n = canonicalNumber(child);
        return found(n !== null && lookups.dayExists(slug, n));
      }
      if (kind === 'talks') return found(lookups.talkExists(slug, child));
      return 'pass';
    }
    default:
      return 'pass';
  }
}
