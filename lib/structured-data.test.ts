import { describe, expect, it } from 'vitest';
import { serializeJsonLd } from '@/components/json-ld';
import { aggregateRating, blogPostingJsonLd, conferenceEventJsonLd, talkEventJsonLd } from './structured-data';

const SITE = 'http://localhost:3000';

describe('serializeJsonLd', () => {
  it('cannot close the script element, and still parses to the same data', () => {
    const data = { headline: '</script><script>alert(1)</script> & <!-- \u2028' };
    const text = serializeJsonLd(data);
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(text)).toEqual(data);
  });
});

describe('JSON-LD builders', () => {
  it('BlogPosting carries the author’s offset in its dates', () => {
    const ld = blogPostingJsonLd({
      slug: 'qcon',
      title: 'QCon',
      summary: 'Three days',
      publishedAt: Date.parse('2018-03-12T20:08:46Z'),
      updatedAt: Date.parse('2018-03-12T20:08:46Z'),
      utcOffsetMinutes: -420,
      authorName: null,
      conferenceName: 'QCon London 2018',
      conferenceSlug: 'qcon-london-2018',
      readingMinutes: 4,
      categories: [{ name: 'Talk' }],
    });
    expect(ld).toMatchObject({
      '@type': 'BlogPosting',
      headline: 'QCon',
      url: `${SITE}/posts/qcon`,
      datePublished: '2018-03-12T13:08:46-07:00',
      author: { '@type': 'Person', name: 'A former member' },
      image: `${SITE}/posts/qcon/opengraph-image`,
      about: { '@type': 'Event', url: `${SITE}/conferences/qcon-london-2018` },
    });
  });

  it('Event for a conference has dates, an offline attendance mode and a place', () => {
    expect(
      conferenceEventJsonLd({
        slug: 'fjord',
        name: 'Fjord',
        startDate: '2019-05-22',
        endDate: '2019-05-23',
        location: 'Harbour Hall, Bergen',
        city: 'Bergen',
        description: null,
        website: null,
      }),
    ).toMatchObject({
      '@type': 'Event',
      startDate: '2019-05-22',
      endDate: '2019-05-23',
      eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
      location: { '@type': 'Place', name: 'Harbour Hall, Bergen' },
    });
  });

  const talk = {
    slug: 't',
    title: 'T',
    abstract: null,
    startsAt: Date.parse('2019-05-22T07:30:00Z'),
    durationMinutes: 45,
    dayDate: '2019-05-22',
    room: 'Main hall',
    timeZone: 'Europe/Oslo',
    conferenceSlug: 'fjord',
    conferenceName: 'Fjord',
    speakers: [{ slug: 'maren', name: 'Maren' }],
  };

  it('a talk gets an AggregateRating only once rated', () => {
    expect(aggregateRating({ ratingCount: 0, ratingSum: 0 })).toBeNull();
    const unrated = talkEventJsonLd({ ...talk, ratingCount: 0, ratingSum: 0 });
    expect(unrated).not.toHaveProperty('aggregateRating');
    expect(unrated).toMatchObject({ startDate: '2019-05-22T09:30:00+02:00', endDate: '2019-05-22T10:15:00+02:00' });
    const rated = talkEventJsonLd({ ...talk, ratingCount: 3, ratingSum: 13 });
    expect(rated.aggregateRating).toEqual({ '@type': 'AggregateRating', ratingValue: 4.3, ratingCount: 3, bestRating: 5, worstRating: 1 });
  });
});
