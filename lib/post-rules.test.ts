import { describe, expect, it } from 'vitest';
import {
  chooseSlug,
  decidePublish,
  MAX_SCHEDULE_MS,
  parseLocalDateTime,
  parseUtcOffset,
  postState,
  slugProblem,
  toLocalDateTime,
  uniqueSlug,
} from './post-rules';

describe('slug rules', () => {
  it('accepts lower-case words joined by single hyphens, and nothing else', () => {
    expect(slugProblem('qcon-london-2018')).toBeNull();
    expect(slugProblem('')).toMatch(/Enter a slug/);
    expect(slugProblem('QCon')).toMatch(/lower-case/);
    expect(slugProblem('two--hyphens')).toMatch(/single hyphens/);
    expect(slugProblem('-leading')).not.toBeNull();
    expect(slugProblem('trailing-')).not.toBeNull();
    expect(slugProblem('space here')).not.toBeNull();
    expect(slugProblem('a'.repeat(81))).toMatch(/80/);
  });

  it('adds -2, -3… until the slug is free, within the length limit', () => {
    const taken = new Set(['recap', 'recap-2']);
    expect(uniqueSlug('recap', (s) => taken.has(s))).toBe('recap-3');
    expect(uniqueSlug('fresh', (s) => taken.has(s))).toBe('fresh');
    const long = 'a'.repeat(80);
    const withSuffix = uniqueSlug(long, (s) => s === long);
    expect(withSuffix).toBe(`${'a'.repeat(78)}-2`);
    expect(withSuffix.length).toBeLessThanOrEqual(80);
  });

  it('follows the title while the post was never published', () => {
    expect(chooseSlug({ requested: '', auto: true, title: 'QCon London: Day 1!', current: 'untitled', everPublished: false })).toEqual({
      slug: 'qcon-london-day-1',
      derived: true,
    });
    expect(chooseSlug({ requested: '', auto: true, title: '', current: 'untitled-4', everPublished: false }).slug).toBe('untitled');
  });

  it('stays stable after publishing, unless changed on purpose', () => {
    expect(chooseSlug({ requested: 'x', auto: true, title: 'A new title', current: 'old-title', everPublished: true })).toEqual({ slug: 'old-title', derived: false });
    expect(chooseSlug({ requested: ' renamed ', auto: false, title: 'A new title', current: 'old-title', everPublished: true })).toEqual({ slug: 'renamed', derived: false });
  });
});

describe('scheduling', () => {
  const now = Date.UTC(2025, 2, 14, 9, 0); // 14 March 2025, 09:00 UTC

  it('reads UTC offsets as minutes east of UTC, within what exists on Earth', () => {
    expect(parseUtcOffset('+01:00')).toBe(60);
    expect(parseUtcOffset('-0700')).toBe(-420);
    expect(parseUtcOffset('+5:30')).toBe(330);
    expect(parseUtcOffset('UTC+05:45')).toBe(345);
    expect(parseUtcOffset('Z')).toBe(0);
    expect(parseUtcOffset('+14:00')).toBe(840);
    expect(parseUtcOffset('+15:00')).toBeNull();
    expect(parseUtcOffset('-12:30')).toBeNull();
    expect(parseUtcOffset('+01:75')).toBeNull();
    expect(parseUtcOffset('soon')).toBeNull();
  });

  it('turns a wall-clock time at an offset into the UTC instant, and back', () => {
    const at = parseLocalDateTime('2025-03-14T10:30', 60);
    expect(at).toBe(Date.UTC(2025, 2, 14, 9, 30));
    expect(toLocalDateTime(at!, 60)).toBe('2025-03-14T10:30');
    expect(parseLocalDateTime('2025-03-14T10:30:15', -420)).toBe(Date.UTC(2025, 2, 14, 17, 30, 15));
    expect(parseLocalDateTime('2025-02-30T10:30', 0)).toBeNull();
    expect(parseLocalDateTime('tomorrow', 0)).toBeNull();
  });

  it('publishes now, schedules a future time, back-dates a past one', () => {
    expect(decidePublish({ mode: 'now' }, now, 60)).toEqual({ ok: true, publishedAt: now, utcOffsetMinutes: 60, state: 'published' });
    expect(decidePublish({ mode: 'at', local: '2025-03-14T11:00', offsetMinutes: 60 }, now)).toEqual({
      ok: true,
      publishedAt: Date.UTC(2025, 2, 14, 10, 0),
      utcOffsetMinutes: 60,
      state: 'scheduled',
    });
    expect(decidePublish({ mode: 'at', local: '2018-03-12T13:08', offsetMinutes: -420 }, now)).toMatchObject({ ok: true, state: 'published', utcOffsetMinutes: -420 });
  });

  it('refuses unreadable dates, typos in the year and schedules years ahead', () => {
    expect(decidePublish({ mode: 'at', local: '', offsetMinutes: 0 }, now)).toMatchObject({ ok: false, field: 'publishAt' });
    expect(decidePublish({ mode: 'at', local: '0019-03-12T10:00', offsetMinutes: 0 }, now)).toMatchObject({ ok: false, field: 'publishAt' });
    const far = toLocalDateTime(now + MAX_SCHEDULE_MS + 3_600_000, 0);
    expect(decidePublish({ mode: 'at', local: far, offsetMinutes: 0 }, now)).toMatchObject({ ok: false, message: expect.stringMatching(/two years/) });
  });

  it('calls a published post with a future time "scheduled" until its time comes', () => {
    expect(postState({ status: 'published', publishedAt: now + 1 }, now)).toBe('scheduled');
    expect(postState({ status: 'published', publishedAt: now }, now)).toBe('published');
    expect(postState({ status: 'draft', publishedAt: now - 1000 }, now)).toBe('draft');
    expect(postState({ status: 'published', publishedAt: null }, now)).toBe('draft');
    expect(postState({ status: 'deleted', publishedAt: now - 1000 }, now)).toBe('deleted');
  });
});
