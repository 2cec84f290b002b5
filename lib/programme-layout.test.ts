import { describe, expect, it } from 'vitest';
import { layOutProgramme, talkEnd } from './programme-layout';

const at = (hhmm: string) => Date.parse(`2025-05-14T${hhmm}:00Z`);
const talk = (id: number, hhmm: string, durationMinutes: number | null, room: string | null) => ({ id, startsAt: at(hhmm), durationMinutes, room });

describe('layOutProgramme', () => {
  it('puts parallel talks in one time slot, each in its room’s column, rooms in the conference’s order', () => {
    const layout = layOutProgramme([talk(1, '10:00', 30, 'Boathouse'), talk(2, '10:00', 30, 'Pier Hall'), talk(3, '09:00', 45, 'Boathouse')], ['Pier Hall', 'Boathouse'])!;
    expect(layout.rooms.map((r) => r.name)).toEqual(['Pier Hall', 'Boathouse']);
    expect(layout.slots.map((s) => [s.startsAt, s.row, s.talks.map((t) => [t.id, t.column, t.span])])).toEqual([
      [at('09:00'), 2, [[3, 3, 9]]],
      // 60 minutes after the first start: 12 rows of 5 minutes further down.
      [at('10:00'), 14, [[2, 2, 6], [1, 3, 6]]],
    ]);
    expect(layout.rows).toBe(18);
    expect(layout.endsAt).toBe(at('10:30'));
  });

  it('adds rooms the conference does not list after its own, and lets a talk without a room span them all', () => {
    const layout = layOutProgramme([talk(1, '09:00', 50, null), talk(2, '10:00', 30, 'Zeta'), talk(3, '10:00', 30, 'Alpha'), talk(4, '10:00', 30, 'Main')], ['Main'])!;
    expect(layout.rooms.map((r) => r.name)).toEqual(['Main', 'Alpha', 'Zeta']);
    expect(layout.slots[0].talks[0]).toMatchObject({ column: 2, columnSpan: 3, span: 10 });
  });

  it('puts talks that overlap in one room side by side in that room, not on top of each other', () => {
    const layout = layOutProgramme([talk(1, '09:00', 45, 'Main'), talk(2, '09:30', 45, 'Main'), talk(3, '10:00', 45, 'Main'), talk(4, '09:00', 30, 'Side')], ['Main', 'Side'])!;
    const column = (id: number) => layout.slots.flatMap((s) => s.talks).find((t) => t.id === id)!.column;
    // Main needs two columns (2 and 3; the 10:00 talk goes back to the first), Side follows in column 4.
    expect([column(1), column(2), column(3), column(4)]).toEqual([2, 3, 2, 4]);
    expect(layout.columns).toBe(3);
    expect(layout.rooms).toEqual([{ name: 'Main', column: 2, span: 2 }, { name: 'Side', column: 4, span: 1 }]);
  });

  it('gives a talk of unknown length a half-hour cell but no end time', () => {
    const layout = layOutProgramme([talk(1, '09:02', null, 'Main')], [])!;
    expect(layout.slots[0].talks[0]).toMatchObject({ row: 2, span: 6, endsAt: null });
    expect(talkEnd({ startsAt: at('09:00'), durationMinutes: 45 })).toBe(at('09:45'));
  });

  it('has nothing to lay out on a day without timed talks', () => {
    expect(layOutProgramme([], ['Main'])).toBeNull();
  });
});
