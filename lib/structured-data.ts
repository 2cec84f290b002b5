import type { JsonLdThing } from '@/components/json-ld';
import { toIsoWithOffset } from './dates';
import { absoluteUrl, isoInZone, SITE_DESCRIPTION, SITE_NAME } from './seo';

/**
 * schema.org objects for each page type, built from what the queries return. Pure functions:
 * the pages render them through <JsonLd>, and the tests check them without a browser.
 */

const publisher = () => ({
  '@type': 'Organization',
  name: SITE_NAME,
  url: absoluteUrl('/'),
  logo: { '@type': 'ImageObject', url: absoluteUrl('/icon.svg') },
});

export function websiteJsonLd(): JsonLdThing {
  return {
    '@type': 'WebSite',
    name: SITE_NAME,
    description: SITE_DESCRIPTION,
    url: absoluteUrl('/'),
    publisher: publisher(),
    // The sitelinks search box: search engines may send queries straight to /search.
    potentialAction: {
      '@type': 'SearchAction',
      target: { '@type': 'EntryPoint', urlTemplate: `${absoluteUrl('/search')}?q={search_term_string}` },
      'query-input': 'required name=search_term_string',
    },
  };
}

export function blogPostingJsonLd(post: {
  slug: string;
  title: string;
  summary: string;
  publishedAt: number;
  updatedAt: number;
  utcOffsetMinutes: number;
  authorName: string | null;
  conferenceName: string | null;
  conferenceSlug: string | null;
  readingMinutes: number;
  categories: { name: string }[];
}): JsonLdThing {
  const url = absoluteUrl(`/posts/${post.slug}`);
  return {
    '@type': 'BlogPosting',
    '@id': `${url}#post`,
    headline: post.title,
    description: post.summary,
    url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    image: absoluteUrl(`/posts/${post.slug}/opengraph-image`),
    datePublished: toIsoWithOffset(post.publishedAt, post.utcOffsetMinutes),
    dateModified: toIsoWithOffset(Math.max(post.updatedAt, post.publishedAt), post.utcOffsetMinutes),
    author: { '@type': 'Person', name: post.authorName ?? 'A former member' },
    publisher: publisher(),
    inLanguage: 'en',
    timeRequired: `PT${post.readingMinutes}M`,
    ...(post.categories.length > 0 && { keywords: post.categories.map((c) => c.name).join(', ') }),
    ...(post.conferenceSlug &&
      post.conferenceName && {
        about: { '@type': 'Event', name: post.conferenceName, url: absoluteUrl(`/conferences/${post.conferenceSlug}`) },
      }),
  };
}

type ConferenceLike = {
  slug: string;
  name: string;
  startDate: string;
  endDate: string;
  location: string | null;
  city: string | null;
  description: string | null;
  website: string | null;
};

function place(c: Pick<ConferenceLike, 'location' | 'city' | 'name'>) {
  return {
    '@type': 'Place',
    name: c.location ?? c.city ?? c.name,
    address: c.location ?? c.city ?? c.name,
  };
}

/** A conference: an in-person event over its calendar dates, at its venue. */
export function conferenceEventJsonLd(c: ConferenceLike): JsonLdThing {
  const url = absoluteUrl(`/conferences/${c.slug}`);
  return {
    '@type': 'Event',
    '@id': `${url}#event`,
    name: c.name,
    url,
    startDate: c.startDate,
    endDate: c.endDate,
    eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
    eventStatus: 'https://schema.org/EventScheduled',
    location: place(c),
    ...(c.description && { description: c.description }),
    ...(c.website && { sameAs: c.website }),
  };
}

export function conferenceDayJsonLd(c: ConferenceLike, day: { number: number; date: string; theme: string | null }): JsonLdThing {
  const url = absoluteUrl(`/conferences/${c.slug}/days/${day.number}`);
  return {
    '@type': 'Event',
    name: `${c.name}, day ${day.number}${day.theme ? `: ${day.theme}` : ''}`,
    url,
    startDate: day.date,
    endDate: day.date,
    eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
    eventStatus: 'https://schema.org/EventScheduled',
    location: place(c),
    superEvent: { '@type': 'Event', '@id': `${absoluteUrl(`/conferences/${c.slug}`)}#event`, name: c.name },
  };
}

/** `{ ratingValue, ratingCount }` from the write-time aggregates; null when nobody rated. */
export function aggregateRating(t: { ratingCount: number; ratingSum: number }) {
  if (!t.ratingCount || t.ratingCount <= 0) return null;
  return {
    '@type': 'AggregateRating',
    ratingValue: Math.round((t.ratingSum / t.ratingCount) * 10) / 10,
    ratingCount: t.ratingCount,
    bestRating: 5,
    worstRating: 1,
  };
}

/** A talk: an event inside its conference, with its speakers and, once rated, its rating. */
export function talkEventJsonLd(t: {
  slug: string;
  title: string;
  abstract: string | null;
  startsAt: number | null;
  durationMinutes: number | null;
  dayDate: string | null;
  room: string | null;
  timeZone: string;
  conferenceSlug: string;
  conferenceName: string;
  ratingCount: number;
  ratingSum: number;
  speakers: { slug: string; name: string }[];
}): JsonLdThing {
  const url = absoluteUrl(`/conferences/${t.conferenceSlug}/talks/${t.slug}`);
  const start = t.startsAt !== null ? isoInZone(t.startsAt, t.timeZone) : t.dayDate;
  const end =
    t.startsAt !== null ? isoInZone(t.startsAt + (t.durationMinutes ?? 45) * 60_000, t.timeZone) : t.dayDate;
  const rating = aggregateRating(t);
  return {
    '@type': 'Event',
    name: t.title,
    url,
    ...(t.abstract && { description: t.abstract }),
    ...(start && { startDate: start }),
    ...(end && { endDate: end }),
    eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
    eventStatus: 'https://schema.org/EventScheduled',
    location: { '@type': 'Place', name: t.room ? `${t.room}, ${t.conferenceName}` : t.conferenceName },
    superEvent: {
      '@type': 'Event',
      '@id': `${absoluteUrl(`/conferences/${t.conferenceSlug}`)}#event`,
      name: t.conferenceName,
      url: absoluteUrl(`/conferences/${t.conferenceSlug}`),
    },
    ...(t.speakers.length > 0 && {
      performer: t.speakers.map((s) => ({ '@type': 'Person', name: s.name, url: absoluteUrl(`/speakers/${s.slug}`) })),
    }),
    ...(rating && { aggregateRating: rating }),
  };
}

export function speakerJsonLd(s: { slug: string; name: string; bio: string | null; url: string | null }): JsonLdThing {
  const url = absoluteUrl(`/speakers/${s.slug}`);
  return {
    '@type': 'ProfilePage',
    url,
    mainEntity: {
      '@type': 'Person',
      name: s.name,
      url,
      ...(s.bio && { description: s.bio }),
      ...(s.url && { sameAs: s.url }),
    },
  };
}

/** A list page (conferences, speakers, a category): its items as an ItemList. */
export function collectionJsonLd({ name, path, items }: { name: string; path: string; items: { name: string; path: string }[] }): JsonLdThing {
  return {
    '@type': 'CollectionPage',
    name,
    url: absoluteUrl(path),
    mainEntity: {
      '@type': 'ItemList',
      numberOfItems: items.length,
      itemListElement: items.map((item, i) => ({ '@type': 'ListItem', position: i + 1, name: item.name, url: absoluteUrl(item.path) })),
    },
  };
}
