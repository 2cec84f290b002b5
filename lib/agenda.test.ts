import { describe, expect, it } from 'vitest';
import { buildAgenda, findClashes, findFreeSlots } from './agenda';

const at = (hhmm: string, day = 1) => Date.parse(`2031-06-${9 + day}T${hhmm}:00Z`);
let seq = 0;
function talk(start: string | null, minutes: number | null, extra: Partial<{ conferenceSlug: string; dayNumber: number }> = {}) {
  const id = ++seq;
  return {
    id,
    title: `Talk ${id}`,
    startsAt: start === null ? null : at(start, extra.dayNumber),
    durationMinutes: minutes,
    conferenceSlug: extra.conferenceSlug ?? 'conf',
    conferenceName: extra.conferenceSlug ?? 'Conf',
    timeZone: 'UTC',
    dayNumber: extra.dayNumber ?? 1,
    dayDate: `2031-06-${9 + (extra.dayNumber ?? 1)}`,
  };
}

describe('clashes', () => {
  it('marks both overlapping talks, and not talks that only touch', () => {
    const a = talk('09:00', 50);
    const b = talk('09:30', 50); // overlaps a
    const c = talk('10:20', 30); // starts as b ends: no clash
    const clashes = findClashes([c, b, a]);
    expect(clashes.get(a.id)).toEqual([{ id: b.id, title: b.title }]);
    expect(clashes.get(b.id)).toEqual([{ id: a.id, title: a.title }]);
    expect(clashes.has(c.id)).toBe(false);
  });

  it('finds every talk a long one covers, and uses the default length without one', () => {
    const workshop = talk('09:00', 180);
    const x = talk('09:30', 30);
    const y = talk('11:00', 30);
    const noLength = talk('13:00', null); // 45 minutes
    const after = talk('13:40', 20);
    const clashes = findClashes([workshop, x, y, noLength, after]);
    expect(clashes.get(workshop.id)?.map((t) => t.id)).toEqual([x.id, y.id]);
    expect(clashes.get(noLength.id)?.map((t) => t.id)).toEqual([after.id]);
  });

  it('leaves untimed talks out', () => {
    expect(findClashes([talk(null, 30), talk(null, 30)]).size).toBe(0);
  });
});

describe('free slots', () => {
  it('lists gaps of a quarter of an hour or more after everything before has ended', () => {
    const slots = findFreeSlots([talk('09:00', 170), talk('10:00', 30), talk('11:55', 5), talk('13:00', 60), talk('14:10', 30)]);
    // 09:00–11:50 covers 10:00; 11:50–11:55 is too short; 12:00–13:00 is free; 14:00–14:10 too short.
    expect(slots).toEqual([{ from: at('12:00'), to: at('13:00') }]);
  });

  it('has none for overlapping or back-to-back talks', () => {
    expect(findFreeSlots([talk('09:00', 60), talk('09:30', 30), talk('10:00', 60)])).toEqual([]);
  });
});

describe('the agenda page', () => {
  it('groups by conference and day in time order, with free time before the talk that ends it', () => {
    const late = talk('15:00', 45);
    const early = talk('09:00', 45);
    const clashing = talk('09:30', 45);
    const day2 = talk('10:00', 45, { dayNumber: 2 });
    const untimed = talk(null, null);
    const other = talk('08:00', 30, { conferenceSlug: 'earlier' });
    const [first, second] = buildAgenda([late, day2, untimed, clashing, early, other]);
    expect(first.slug).toBe('earlier');
    expect(second.days.map((d) => d.dayNumber)).toEqual([1, 2]);
    expect(second.days[0].entries.map((e) => (e.kind === 'talk' ? e.talk.id : `free ${new Date(e.from).toISOString().slice(11, 16)}`))).toEqual([
      early.id,
      clashing.id,
      'free 10:15',
      late.id,
      untimed.id,
    ]);
    const entry = second.days[0].entries[1];
    expect(entry.kind === 'talk' && entry.clashesWith.map((c) => c.id)).toEqual([early.id]);
    expect(entry.kind === 'talk' && entry.endsAt).toBe(at('10:15'));
  });
});
