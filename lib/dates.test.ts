import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  calendarDaysInZone,
  datesFromTo,
  formatCalendarDate,
  formatDateRange,
  formatPostDate,
  formatTimeInZone,
  parseDateWithOffset,
  spellCalendarDate,
  toIsoWithOffset,
  zonedTimeToUtc,
} from './dates';

// The same answers are expected whatever zone the server runs in.
describe.each(['Asia/Tokyo', 'America/Los_Angeles'])('dates with the server in %s', (zone) => {
  const previous = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = zone;
  });
  afterAll(() => {
    process.env.TZ = previous;
  });

  it('really runs in that zone', () => {
    const offset = new Date(Date.UTC(2018, 0, 15)).getTimezoneOffset();
    expect(offset).toBe(zone === 'Asia/Tokyo' ? -540 : 480);
  });

  it('keeps the calendar day an author wrote with a negative offset', () => {
    // 13:08 in -07:00 is 20:08 UTC, already 13 March in Tokyo.
    const parsed = parseDateWithOffset('2018-03-12 13:08:46 -0700')!;
    expect(parsed.offsetMinutes).toBe(-420);
    expect(new Date(parsed.utcMs).toISOString()).toBe('2018-03-12T20:08:46.000Z');
    expect(formatPostDate(parsed.utcMs, parsed.offsetMinutes)).toBe('12 March 2018');
    expect(toIsoWithOffset(parsed.utcMs, parsed.offsetMinutes)).toBe('2018-03-12T13:08:46-07:00');
  });

  it('keeps the calendar day an author wrote just before midnight with a positive offset', () => {
    // 23:45 in +09:00 is 14:45 UTC the same day, but still 9 June in Los Angeles.
    const parsed = parseDateWithOffset('2018-06-10 23:45:00 +0900')!;
    expect(formatPostDate(parsed.utcMs, parsed.offsetMinutes)).toBe('10 June 2018');
    expect(toIsoWithOffset(parsed.utcMs, parsed.offsetMinutes)).toBe('2018-06-10T23:45:00+09:00');
  });

  it('treats a date without a time or offset as that calendar day', () => {
    const parsed = parseDateWithOffset('2018-03-05')!;
    expect(parsed.offsetMinutes).toBe(0);
    expect(formatPostDate(parsed.utcMs, parsed.offsetMinutes)).toBe('5 March 2018');
  });

  it('formats conference calendar dates and ranges without shifting', () => {
    expect(formatCalendarDate('2018-03-05', { weekday: true })).toBe('Monday, 5 March 2018');
    expect(formatDateRange('2018-03-05', '2018-03-07')).toBe('5–7 March 2018');
    expect(formatDateRange('2019-05-30', '2019-06-01')).toBe('30 May – 1 June 2019');
    expect(formatDateRange('2018-12-30', '2019-01-02')).toBe('30 December 2018 – 2 January 2019');
    expect(formatDateRange('2018-03-05', '2018-03-05')).toBe('5 March 2018');
  });

  it('places talk times in the conference zone, across daylight saving', () => {
    // London is on GMT in early March and on BST in July.
    const winter = zonedTimeToUtc('2018-03-06', '13:40', 'Europe/London');
    expect(new Date(winter).toISOString()).toBe('2018-03-06T13:40:00.000Z');
    const summer = zonedTimeToUtc('2018-07-06', '13:40', 'Europe/London');
    expect(new Date(summer).toISOString()).toBe('2018-07-06T12:40:00.000Z');
    expect(formatTimeInZone(summer, 'Europe/London')).toBe('13:40');
    expect(formatTimeInZone(zonedTimeToUtc('2019-05-22', '09:30', 'Europe/Oslo'), 'Europe/Oslo')).toBe('09:30');
  });

  it('spans a conference’s days from its first midnight to the midnight after its last, in its zone', () => {
    const { from, until } = calendarDaysInZone('2018-03-05', '2018-03-07', 'Europe/London');
    expect(new Date(from).toISOString()).toBe('2018-03-05T00:00:00.000Z');
    expect(new Date(until).toISOString()).toBe('2018-03-08T00:00:00.000Z');
    // The day the clocks go forward has 23 hours; a month end rolls over.
    const spring = calendarDaysInZone('2018-03-25', '2018-03-31', 'Europe/London');
    expect(new Date(spring.from).toISOString()).toBe('2018-03-25T00:00:00.000Z');
    expect(new Date(spring.until).toISOString()).toBe('2018-03-31T23:00:00.000Z');
  });
});

describe('parseDateWithOffset', () => {
  it.each([
    ['2018-03-12T13:08:46+01:00', 60],
    ['2018-03-12 13:08 +0530', 330],
    ['2018-03-12T13:08:46Z', 0],
    ['2018-03-12 13:08:46.250 -03:30', -210],
  ])('reads %s', (input, offset) => {
    expect(parseDateWithOffset(input)?.offsetMinutes).toBe(offset);
  });

  it.each(['', 'yesterday', '2018-02-30', '2018-13-01', '2018-03-12 25:00', '12/03/2018'])(
    'refuses %j',
    (input) => {
      expect(parseDateWithOffset(input)).toBeNull();
    },
  );
});

describe('calendar dates for date fields and day ranges', () => {
  it('spells a valid ISO date the way the site writes dates, and nothing else', () => {
    expect(spellCalendarDate('2025-10-06')).toBe('Monday, 6 October 2025');
    expect(spellCalendarDate('2025-02-30')).toBeNull();
    expect(spellCalendarDate('')).toBeNull();
    expect(spellCalendarDate('06/10/2025')).toBeNull();
  });

  it('lists the dates of a range, both ends included, within a limit', () => {
    expect(datesFromTo('2025-12-30', '2026-01-02', 31)).toEqual(['2025-12-30', '2025-12-31', '2026-01-01', '2026-01-02']);
    expect(datesFromTo('2025-01-01', '2025-01-01', 31)).toEqual(['2025-01-01']);
    expect(datesFromTo('2025-01-01', '2025-12-31', 31)).toBeNull();
  });
});
