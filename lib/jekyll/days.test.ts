import { describe, expect, it } from 'vitest';
import { parseDayLabel, resolveDays } from './days';

describe('day labels', () => {
  it('reads numbered days, weekdays, dates and combinations, with a track', () => {
    expect(parseDayLabel('Day one')).toMatchObject({ number: 1 });
    expect(parseDayLabel('Second day: Security')).toMatchObject({ number: 2, track: 'Security' });
    expect(parseDayLabel('Thursday (2/28)')).toMatchObject({ number: null, weekday: 4, date: { year: null, month: 2, day: 28 } });
    expect(parseDayLabel('Monday, June 10th')).toMatchObject({ weekday: 1, date: { month: 6, day: 10 } });
    expect(parseDayLabel('11 June 2013')).toMatchObject({ weekday: null, date: { year: 2013, month: 6, day: 11 } });
    expect(parseDayLabel('Friday – Frontends, hosted by Ann Lee')).toMatchObject({ weekday: 5, track: 'Frontends', host: 'Ann Lee' });
    expect(parseDayLabel('2014-04-22')).toMatchObject({ date: { year: 2014, month: 4, day: 22 } });
  });

  it('is not fooled by words that start like days or sentences that start with one', () => {
    expect(parseDayLabel('Daybreak')).toBeNull();
    expect(parseDayLabel('Monday Morning Keynote')).toBeNull();
    expect(parseDayLabel('Monday: we arrived late and found the hotel full.')).toBeNull();
    expect(parseDayLabel('Summary')).toBeNull();
  });

  it('numbers and dates named days from the post: a recap looks back, a plan looks forward', () => {
    const weekdays = [parseDayLabel('Monday')!, parseDayLabel('Tuesday')!, parseDayLabel('Thursday')!];
    // A recap posted on Saturday 2006-11-04: the week that just ended.
    expect(resolveDays(weekdays, '2006-11-04', false)).toEqual([
      { number: 1, date: '2006-10-30' }, { number: 2, date: '2006-10-31' }, { number: 4, date: '2006-11-02' },
    ]);
    // A plan posted on Thursday 2012-09-27 for "next week".
    expect(resolveDays(weekdays.slice(0, 2), '2012-09-27', true)).toEqual([{ number: 1, date: '2012-10-01' }, { number: 2, date: '2012-10-02' }]);
    // Dates give the numbers; a January post about December is last year's.
    expect(resolveDays([parseDayLabel('December 12')!, parseDayLabel('December 13')!], '2020-01-05', false)).toEqual([
      { number: 1, date: '2019-12-12' }, { number: 2, date: '2019-12-13' },
    ]);
    expect(resolveDays([parseDayLabel('Day 2')!, parseDayLabel('Day 1')!], '2020-01-05', false).map((d) => d.number)).toEqual([2, 1]);
  });
});
