/**
 * Where each timed talk of a day sits in the programme grid: time runs down in rows of
 * ROW_MINUTES, rooms run across. The same markup is the list view (talks grouped under their start
 * time), so this only computes numbers the stylesheet places by; nothing is rendered twice.
 */

export const ROW_MINUTES = 5;
/** A talk without a duration still gets a cell of this length (its end time is not printed). */
const UNKNOWN_DURATION_MINUTES = 30;
const MINUTE = 60_000;

type Timed = { id: number; startsAt: number; durationMinutes: number | null; room: string | null };

export type GridSlot<T> = {
  startsAt: number;
  /** Grid row of the slot's time label (row 1 holds the room names). */
  row: number;
  talks: (T & { row: number; span: number; column: number; columnSpan: number; endsAt: number | null })[];
};

export type ProgrammeLayout<T> = {
  /**
   * Rooms in column order, from column 2 (column 1 holds the times). A room whose talks overlap
   * (a workshop beside the talks in the same hall) takes as many columns as run at once.
   */
  rooms: { name: string; column: number; span: number }[];
  /** Columns for the rooms, all together. */
  columns: number;
  slots: GridSlot<T>[];
  /** Grid rows below the room names. */
  rows: number;
  /** The first talk's start: row 2 begins here (for the current-time line). */
  startsAt: number;
  endsAt: number;
};

/** The instant a talk ends, when its duration is known. */
export function talkEnd(talk: { startsAt: number | null; durationMinutes: number | null }): number | null {
  return talk.startsAt !== null && talk.durationMinutes ? talk.startsAt + talk.durationMinutes * MINUTE : null;
}

/**
 * Lays out `talks` (all timed) by start time: rooms in the conference's order (`roomOrder`), rooms
 * it does not list after them by name; a talk without a room spans every room (a keynote, a break).
 * Null for a day without timed talks.
 */
export function layOutProgramme<T extends Timed>(talks: T[], roomOrder: string[]): ProgrammeLayout<T> | null {
  if (talks.length === 0) return null;
  const sorted = [...talks].sort((a, b) => a.startsAt - b.startsAt || a.id - b.id);
  const cellEnd = (t: T) => t.startsAt + (t.durationMinutes || UNKNOWN_DURATION_MINUTES) * MINUTE;

  // Within a room, each talk takes the first of the room's columns that is free when it starts.
  const laneEnds = new Map<string, number[]>();
  const laneOf = new Map<T, number>();
  for (const talk of sorted) {
    if (!talk.room) continue;
    const ends = laneEnds.get(talk.room) ?? [];
    let lane = ends.findIndex((end) => end <= talk.startsAt);
    if (lane < 0) lane = ends.push(0) - 1;
    ends[lane] = cellEnd(talk);
    laneEnds.set(talk.room, ends);
    laneOf.set(talk, lane);
  }
  const names = [
    ...roomOrder.filter((r) => laneEnds.has(r)),
    ...[...laneEnds.keys()].filter((r) => !roomOrder.includes(r)).sort((a, b) => a.localeCompare(b)),
  ];
  let column = 2;
  const rooms = names.map((name) => {
    const room = { name, column, span: laneEnds.get(name)!.length };
    column += room.span;
    return room;
  });
  const columns = Math.max(1, column - 2);
  const firstColumn = new Map(rooms.map((r) => [r.name, r.column]));

  const startsAt = sorted[0].startsAt;
  const rowOf = (ms: number) => 2 + Math.floor((ms - startsAt) / (ROW_MINUTES * MINUTE));
  const bySlot = new Map<number, GridSlot<T>>();
  let endsAt = startsAt;
  for (const talk of sorted) {
    endsAt = Math.max(endsAt, cellEnd(talk));
    let slot = bySlot.get(talk.startsAt);
    if (!slot) bySlot.set(talk.startsAt, (slot = { startsAt: talk.startsAt, row: rowOf(talk.startsAt), talks: [] }));
    slot.talks.push({
      ...talk,
      row: slot.row,
      span: Math.max(1, Math.ceil((cellEnd(talk) - talk.startsAt) / (ROW_MINUTES * MINUTE))),
      column: talk.room ? firstColumn.get(talk.room)! + laneOf.get(talk)! : 2,
      columnSpan: talk.room ? 1 : columns,
      endsAt: talkEnd(talk),
    });
  }
  for (const slot of bySlot.values()) slot.talks.sort((a, b) => a.column - b.column);
  return { rooms, columns, slots: [...bySlot.values()], rows: Math.ceil((endsAt - startsAt) / (ROW_MINUTES * MINUTE)), startsAt, endsAt };
}
