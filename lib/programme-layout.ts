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
  /** Room names in column order (column 2 onwards; column 1 holds the times). */
  rooms: string[];
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
  const used = new Set(talks.map((t) => t.room).filter((r): r is string => !!r));
  const rooms = [
    ...roomOrder.filter((r) => used.has(r)),
    ...[...used].filter((r) => !roomOrder.includes(r)).sort((a, b) => a.localeCompare(b)),
  ];
  const columns = Math.max(1, rooms.length);
  const startsAt = Math.min(...talks.map((t) => t.startsAt));
  const rowOf = (ms: number) => 2 + Math.floor((ms - startsAt) / (ROW_MINUTES * MINUTE));
  const bySlot = new Map<number, GridSlot<T>>();
  let endsAt = startsAt;
  for (const talk of [...talks].sort((a, b) => a.startsAt - b.startsAt)) {
    const minutes = talk.durationMinutes || UNKNOWN_DURATION_MINUTES;
    const end = talk.startsAt + minutes * MINUTE;
    endsAt = Math.max(endsAt, end);
    const roomIndex = talk.room ? rooms.indexOf(talk.room) : -1;
    let slot = bySlot.get(talk.startsAt);
    if (!slot) bySlot.set(talk.startsAt, (slot = { startsAt: talk.startsAt, row: rowOf(talk.startsAt), talks: [] }));
    slot.talks.push({
      ...talk,
      row: slot.row,
      span: Math.max(1, Math.ceil(minutes / ROW_MINUTES)),
      column: roomIndex >= 0 ? roomIndex + 2 : 2,
      columnSpan: roomIndex >= 0 ? 1 : columns,
      endsAt: talkEnd(talk),
    });
  }
  for (const slot of bySlot.values()) slot.talks.sort((a, b) => a.column - b.column);
  return { rooms, slots: [...bySlot.values()], rows: Math.ceil((endsAt - startsAt) / (ROW_MINUTES * MINUTE)), startsAt, endsAt };
}
