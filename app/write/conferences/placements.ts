import type { ConferenceForEditor } from '@/db/conferences';
import { formatCalendarDate } from '@/lib/dates';
import type { PlacementGroup } from './forms';

/** The "Day and track" select: one group per day, "outside any track" first, then its tracks. */
export function placementGroups(days: ConferenceForEditor['days']): PlacementGroup[] {
  return days.map((d) => ({
    label: `Day ${d.number} · ${formatCalendarDate(d.date, { weekday: true })}${d.theme ? ` · ${d.theme}` : ''}`,
    options: [
      ...d.tracks.map((t) => ({ value: `${d.id}:${t.id}`, label: `Day ${d.number}: ${t.name}` })),
      { value: `${d.id}:`, label: `Day ${d.number}: outside any track` },
    ],
  }));
}

/** Where new talks go by default: the last day's last track (the one most likely being filled in). */
export function defaultPlacement(days: ConferenceForEditor['days']): string {
  const day = days.at(-1);
  if (!day) return '';
  const track = day.tracks.at(-1);
  return track ? `${day.id}:${track.id}` : `${day.id}:`;
}
