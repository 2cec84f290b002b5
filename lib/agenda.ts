import { DEFAULT_TALK_MINUTES } from './calendar';

/**
 * The agenda's layout, as plain data: the user's talks grouped by conference and day, in time
 * order, each with the talks it clashes with, and the free time between them.
 *
 * - A talk runs from its start for its length (DEFAULT_TALK_MINUTES when the programme gives
 *   none, as in the calendar feed). Two talks clash when they overlap; one ending as the next
 *   begins does not.
 * - Free time is a gap of at least FREE_SLOT_MIN_MINUTES after everything before it has ended
 *   (a long talk can cover several short ones): shorter gaps are the walk between rooms.
 * - Talks without a start time close their day, with no clash or free time worked out.
 */

export const FREE_SLOT_MIN_MINUTES = 15;
const MINUTE = 60_000;

export type AgendaInput = {
  id: number;
  title: string;
  startsAt: number | null;
  durationMinutes: number | null;
  conferenceSlug: string;
  conferenceName: string;
  timeZone: string;
  dayNumber: number | null;
  dayDate: string | null;
};

export type AgendaEntry<T> =
  | { kind: 'talk'; talk: T; endsAt: number | null; clashesWith: { id: number; title: string }[] }
  | { kind: 'free'; from: number; to: number };

export type AgendaDay<T> = { dayNumber: number | null; dayDate: string | null; entries: AgendaEntry<T>[] };
export type AgendaConference<T> = { slug: string; name: string; timeZone: string; days: AgendaDay<T>[] };

export function endOf(talk: { startsAt: number; durationMinutes: number | null }): number {
  return talk.startsAt + (talk.durationMinutes ?? DEFAULT_TALK_MINUTES) * MINUTE;
}

/** Each timed talk's overlapping talks, by id (sweep over the talks in start order). */
export function findClashes<T extends { id: number; title: string; startsAt: number | null; durationMinutes: number | null }>(talks: T[]) {
  const timed = talks.filter((t): t is T & { startsAt: number } => t.startsAt !== null).sort((a, b) => a.startsAt - b.startsAt || a.id - b.id);
  const clashes = new Map<number, { id: number; title: string }[]>();
  const add = (a: T, b: T) => clashes.set(a.id, [...(clashes.get(a.id) ?? []), { id: b.id, title: b.title }]);
  for (let i = 0; i < timed.length; i++) {
    const end = endOf(timed[i]);
    for (let j = i + 1; j < timed.length && timed[j].startsAt < end; j++) {
      add(timed[i], timed[j]);
      add(timed[j], timed[i]);
    }
  }
  for (const list of clashes.values()) list.sort((a, b) => a.id - b.id);
  return clashes;
}

/** The gaps of at least FREE_SLOT_MIN_MINUTES between talks that follow each other, one day's talks. */
export function findFreeSlots(talks: { startsAt: number | null; durationMinutes: number | null }[]): { from: number; to: number }[] {
  const timed = talks.filter((t): t is { startsAt: number; durationMinutes: number | null } => t.startsAt !== null).sort((a, b) => a.startsAt - b.startsAt);
  const slots: { from: number; to: number }[] = [];
  let busyUntil: number | null = null;
  for (const t of timed) {
    if (busyUntil !== null && t.startsAt - busyUntil >= FREE_SLOT_MIN_MINUTES * MINUTE) slots.push({ from: busyUntil, to: t.startsAt });
    busyUntil = Math.max(busyUntil ?? 0, endOf(t));
  }
  return slots;
}

/** The agenda page's groups: conferences by their first talk, days in order, entries in time order. */
export function buildAgenda<T extends AgendaInput>(talks: T[]): AgendaConference<T>[] {
  const clashes = findClashes(talks);
  const byConference = new Map<string, T[]>();
  for (const t of talks) byConference.set(t.conferenceSlug, [...(byConference.get(t.conferenceSlug) ?? []), t]);

  const first = (list: T[]) => Math.min(...list.map((t) => t.startsAt ?? Infinity));
  return [...byConference.values()]
    .sort((a, b) => first(a) - first(b) || a[0].conferenceName.localeCompare(b[0].conferenceName))
    .map((list) => {
      const byDay = new Map<string, T[]>();
      for (const t of list) {
        const key = t.dayNumber === null ? '' : String(t.dayNumber);
        byDay.set(key, [...(byDay.get(key) ?? []), t]);
      }
      const days = [...byDay.values()]
        .sort((a, b) => (a[0].dayNumber ?? Infinity) - (b[0].dayNumber ?? Infinity))
        .map((dayTalks): AgendaDay<T> => {
          const ordered = [...dayTalks].sort((a, b) => (a.startsAt ?? Infinity) - (b.startsAt ?? Infinity) || a.id - b.id);
          const free = findFreeSlots(ordered);
          const entries: AgendaEntry<T>[] = [];
          for (const t of ordered) {
            // A free slot goes just before the talk that ends it.
            while (free.length && t.startsAt !== null && free[0].to <= t.startsAt) entries.push({ kind: 'free', ...free.shift()! });
            entries.push({ kind: 'talk', talk: t, endsAt: t.startsAt === null ? null : endOf({ startsAt: t.startsAt, durationMinutes: t.durationMinutes }), clashesWith: clashes.get(t.id) ?? [] });
          }
          return { dayNumber: dayTalks[0].dayNumber, dayDate: dayTalks[0].dayDate, entries };
        });
      return { slug: list[0].conferenceSlug, name: list[0].conferenceName, timeZone: list[0].timeZone, days };
    });
}

/** "Most wanted": the talks most people have on their agenda, from the write-time going counts. */
export function rankMostWanted<T extends { goingCount: number; id: number }>(talks: T[], { limit = 5 } = {}): T[] {
  return talks
    .filter((t) => t.goingCount > 0)
    .sort((a, b) => b.goingCount - a.goingCount || a.id - b.id)
    .slice(0, limit);
}
