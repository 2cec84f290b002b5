/**
 * The shapes every schedule format is read into (lib/schedule/*). A parser only reads what its
 * file says; lib/schedule/normalize.ts then settles the time zone, the day of each talk and the
 * warnings, the same way for every format.
 */

import type { TalkKind } from '@/db/schema';

export const SCHEDULE_FORMATS = ['frab-xml', 'frab-json', 'schedule-v2', 'sessionize', 'ical'] as const;
export type ScheduleFormat = (typeof SCHEDULE_FORMATS)[number];

/**
 * When an event starts, as the file writes it:
 * - `local`: a wall-clock time (frab's `<start>`, Sessionize's floating `startsAt`, an iCalendar
 *   time with a zone name but no VTIMEZONE), with the UTC offset written beside it, if any;
 * - `instant`: an absolute time (iCalendar `…Z`, or a time whose VTIMEZONE the file defines).
 */
export type RawTime =
  | { kind: 'local'; date: string; time: string; offsetMinutes: number | null }
  | { kind: 'instant'; ms: number };

/** A speaker as the file names them; `key` is the file's own person id (frab id, pretalx code, guid). */
export type RawPerson = { name: string; key: string | null };

export type RawLink = { url: string; title: string | null };

export type RawEvent = {
  /** The file's guid, as written (validated later). */
  guid: string | null;
  /** The file's own event id (frab `id`, Sessionize session id, iCalendar UID). */
  id: string | null;
  title: string;
  subtitle: string | null;
  abstract: string | null;
  start: RawTime | null;
  durationMinutes: number | null;
  room: string | null;
  track: string | null;
  /** The file's event type ("lecture", "Workshop", a Sessionize session format…). */
  type: string | null;
  persons: RawPerson[];
  url: string | null;
  links: RawLink[];
  /** The conference day the file files the event under (frab's `<day>`), when it says. */
  dayDate: string | null;
};

export type RawDay = {
  date: string;
  /** The day's span as instants (frab `day_start`/`day_end`, schedule v2 `start`/`end`), when given. */
  startMs: number | null;
  endMs: number | null;
};

export type RawSchedule = {
  format: ScheduleFormat;
  title: string | null;
  acronym: string | null;
  /** The zone name as written (checked later: it may be unknown). */
  timeZone: string | null;
  /** Calendar dates `YYYY-MM-DD`, when the file states them. */
  start: string | null;
  end: string | null;
  url: string | null;
  days: RawDay[];
  rooms: { name: string; guid: string | null }[];
  tracks: string[];
  events: RawEvent[];
  warnings: string[];
};

/** One talk, settled: local times in the conference's zone, its day, its speakers. */
export type ScheduleTalk = {
  /** A usable UUID from the file (unique in it), lower case; null when the file has none. */
  guid: string | null;
  /** The file's guid as written, for the report. */
  fileGuid: string | null;
  /** The file's event id, unique in the file; null when absent or repeated. */
  sourceId: string | null;
  title: string;
  abstract: string | null;
  /** The conference day, `YYYY-MM-DD`; null for a talk the file gives no time. */
  day: string | null;
  /** Local `YYYY-MM-DDTHH:MM` in the conference's zone. */
  start: string | null;
  startsAt: number | null;
  durationMinutes: number | null;
  room: string | null;
  track: string | null;
  /** Null when the file gives no type. */
  kind: TalkKind | null;
  speakers: RawPerson[];
  url: string | null;
  videoUrl: string | null;
  slidesUrl: string | null;
  presentationUrl: string | null;
  /** The slug of this talk on this site, when the file is one of its own exports. */
  slug: string | null;
};

export type Schedule = {
  format: ScheduleFormat;
  conference: {
    title: string | null;
    acronym: string | null;
    /** The conference's slug on this site, when the file is one of its own exports. */
    slug: string | null;
    /** The IANA zone the times are read in. */
    timeZone: string;
    /** Where the zone came from, for the report. */
    timeZoneSource: 'option' | 'file' | 'conference' | 'default';
    start: string | null;
    end: string | null;
    url: string | null;
  };
  rooms: string[];
  /** Room guids from the file, by room name, when unique. */
  roomGuids: Map<string, string>;
  tracks: string[];
  /** Every day, in date order: the file's days and the days holding talks. */
  days: { date: string; talks: ScheduleTalk[] }[];
  /** Talks the file gives no time (imported without a day). */
  unscheduled: ScheduleTalk[];
  warnings: string[];
};

/** `--dry-run --json`, per file: documented in lib/schedule/README.md. Keep it stable. */
export type DryRunEntry = {
  file: string;
  error: string | null;
  format: ScheduleFormat | null;
  conference: { title: string | null; timeZone: string; start: string | null; end: string | null } | null;
  rooms: string[];
  days: {
    date: string;
    talks: {
      title: string;
      start: string;
      durationMinutes: number | null;
      room: string | null;
      track: string | null;
      speakers: string[];
      guid: string | null;
    }[];
  }[];
  warnings: string[];
};

/** A file the parser could not read at all: the message says why, in words for a person. */
export class ScheduleParseError extends Error {}
