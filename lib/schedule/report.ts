import type { ImportOutcome, ImportPlan, ScheduleImportErrorCode } from '@/db/schedule';
import type { Schedule } from './types';

/** Words for the import's refusals, shared by the command line and /write/conferences/import. */
export const IMPORT_ERRORS: Record<ScheduleImportErrorCode, string> = {
  'no-such-conference': 'There is no conference with this slug.',
  'no-name': 'The file does not name the conference: give it a name.',
  'slug-taken': 'Another conference has this slug.',
};

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The dry run as lines of text (the command line's report; the page shows the same facts). */
export function planLines(schedule: Schedule, plan: ImportPlan): string[] {
  const c = schedule.conference;
  const lines = [
    `${plan.conference.kind === 'new' ? 'New conference' : 'Updates'} “${plan.conference.name}” (/conferences/${plan.conference.slug}) — ${c.start ?? '?'} to ${c.end ?? '?'}, times in ${c.timeZone}`,
    `  ${plural(schedule.days.length, 'day')}: ${plan.perDay.map((d) => `${d.date} (${plural(d.talks, 'talk')})`).join(', ')}`,
    `  ${plural(schedule.rooms.length, 'room')}: ${schedule.rooms.join(', ') || '—'}`,
    `  ${plural(schedule.tracks.length, 'track')}: ${schedule.tracks.join(', ') || '—'}`,
    `  speakers: ${plan.speakers.new.length} new, ${plan.speakers.existing.length} existing`,
    `  talks: ${plan.added.length} new, ${plan.updated.length} changed, ${plan.unchanged} unchanged, ${plan.missing.length} no longer in the file`,
  ];
  for (const u of plan.updated) lines.push(`    ~ ${u.title} (${u.changes.join(', ')})`);
  for (const m of plan.missing) {
    const took = [m.ratings && plural(m.ratings, 'rating'), m.recaps && plural(m.recaps, 'recap')].filter(Boolean).join(', ');
    lines.push(`    − ${m.title}${took ? ` (${took})` : ''}`);
  }
  return lines;
}

export function outcomeLine(outcome: ImportOutcome): string {
  return `${outcome.created ? 'created' : 'updated'} /conferences/${outcome.slug}: ${outcome.added} added, ${outcome.updated} changed, ${outcome.unchanged} unchanged, ${outcome.removed} removed, ${outcome.kept.length} kept although no longer in the file`;
}
