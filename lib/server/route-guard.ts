import type { RouteLookups } from '@/db/route-lookups';

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
      return 'pass';
    case 'speakers':
      return rest.length === 0 ? found(lookups.speakerExists(slug)) : 'pass';
    case 'page': {
      if (rest.length > 0) return 'pass';
      const n = canonicalNumber(slug);
      return found(n !== null && n <= lookups.homePageCount());
    }
    case 'conferences': {
      if (rest.length === 0 || (rest.length === 1 && CONFERENCE_FILES.has(rest[0]))) return found(lookups.conferenceExists(slug));
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
