import type { CSSProperties } from 'react';
import { NowLine } from '@/components/now-next';
import { TalkItem } from '@/components/talk-item';
import type { TalkCard } from '@/db/queries';
import { formatTimeInZone } from '@/lib/dates';
import type { ProgrammeLayout } from '@/lib/programme-layout';
import { applyProgramme } from '@/lib/programme-view';

/** A track's colour, by its place in the day (app/programme.css): the talk's left edge, and its swatch in the legend. */
const TRACK_COLOURS = 6;
export function trackColour(trackIds: number[], trackId: number | null): string {
  const i = trackId === null ? -1 : trackIds.indexOf(trackId);
  return i < 0 ? '' : `track-colour-${i % TRACK_COLOURS}`;
}

/** What the filters match a talk by (lib/programme-view.ts). */
export function talkData(talk: TalkCard) {
  return { 'data-talk': talk.id, 'data-track': talk.trackName ?? '', 'data-room': talk.room ?? '' };
}

/** Applies a shared or remembered view before the programme paints (the function's own source is the script). */
export function ProgrammeViewScript() {
  return <script dangerouslySetInnerHTML={{ __html: `(${applyProgramme.toString()})()` }} />;
}

/** Grid placement, read by app/programme.css (only at desktop width, in the grid view): row, rows spanned, column, columns spanned. */
const place = (vars: Record<string, number>) => Object.fromEntries(Object.entries(vars).map(([k, v]) => [`--${k}`, v])) as CSSProperties;

/**
 * The day's timed talks, rendered once: a list with a heading per start time (the default, and
 * what phones and screen readers get), which the stylesheet lays out as a grid of rooms across and
 * time down when the reader picks the grid. Talk markup is never repeated for the second layout.
 */
export function Programme({ layout, trackIds, timeZone }: { layout: ProgrammeLayout<TalkCard>; trackIds: number[]; timeZone: string }) {
  return (
    <div className="programme" style={place({ columns: layout.columns, rows: layout.rows })}>
      <div className="programme-rooms" aria-hidden="true">
        {layout.rooms.map((room) => (
          <span key={room.name} style={place(room.span > 1 ? { col: room.column, cols: room.span } : { col: room.column })}>{room.name}</span>
        ))}
      </div>
      {layout.slots.map((slot) => (
        <section key={slot.startsAt} className="programme-slot" data-group aria-labelledby={`slot-${slot.startsAt}`}>
          <h2 id={`slot-${slot.startsAt}`} className="programme-time mb-3 mt-8 font-mono text-lg font-semibold text-stone-900 dark:text-white" style={place({ row: slot.row })}>
            <time dateTime={new Date(slot.startsAt).toISOString()}>{formatTimeInZone(slot.startsAt, timeZone)}</time>
          </h2>
          <ul className="space-y-4">
            {slot.talks.map((talk) => (
              <li
                key={talk.id}
                {...talkData(talk)}
                style={place(talk.columnSpan > 1 ? { row: talk.row, span: talk.span, col: talk.column, cols: talk.columnSpan } : { row: talk.row, span: talk.span, col: talk.column })}
              >
                <TalkItem talk={talk} showTrack rateable className={trackColour(trackIds, talk.trackId)} />
              </li>
            ))}
          </ul>
        </section>
      ))}
      <NowLine startsAt={layout.startsAt} endsAt={layout.endsAt} />
    </div>
  );
}
