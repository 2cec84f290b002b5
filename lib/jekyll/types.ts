/**
 * What the Jekyll/Octopress importer understands of one post file. Pure data: nothing here knows
 * about the database. `db/import.ts` writes a `ParsedPost`; `toDryRunJson` gives the documented
 * `--dry-run --json` shape (see README.md beside this file).
 */

export type LinkKind = 'presentation' | 'slides' | 'video' | 'other';

/** One entry of a talk's link line; `url: null` is "Video (not yet available)". */
export type TalkLink = { kind: LinkKind; label: string; url: string | null };

/** The way a talk was written, one recognizer each (see structure.ts). */
export type TalkShape = 'heading' | 'bold-line' | 'speaker-first' | 'list-item' | 'mention' | 'export';

export type ParsedTalk = {
  /** Position in the file over all days (the `N` of the body's `<<talk N>>` placeholders). */
  index: number;
  title: string;
  /** The conference's own page for the talk (the title's link, unless that is a video or deck). */
  url: string | null;
  /** "by A, B and C", "(A)", "A - Title", a speaker line above the title… */
  speakers: string[];
  links: TalkLink[];
  /** The author's note: the markdown under the talk, up to the next talk or heading. */
  note: string;
  /** 0–1: how sure the reader is that this is a talk; `CONFIDENT` and above is imported by default. */
  confidence: number;
  /** Why it was taken as a talk, in words ("a heading under the day “Thursday”", "slides on speakerdeck.com"). */
  reasons: string[];
  shape: TalkShape;
  /** The lines of the file it was read from (1-based, inclusive) and its first lines as written. */
  source: { from: number; to: number; excerpt: string };
  /** From an export's marker: the talk's slug and kind where it came from. */
  slug: string | null;
  kind: string | null;
};

export type ParsedDay = {
  /** `Day 2`; null for talks listed without any day. */
  label: string | null;
  number: number | null;
  /** The day as the post names it ("Thursday (2/28)", "Day 2: Architecture"); null without one. */
  heading: string | null;
  /** The calendar date, when the post says or implies it (`YYYY-MM-DD`). */
  date: string | null;
  /** The text after the colon of the day heading. */
  track: string | null;
  /** From "hosted by NAME" in the day's text before its first talk. */
  host: string | null;
  talks: ParsedTalk[];
};

export type ImageRef = {
  src: string;
  width: number | null;
  height: number | null;
  class: string | null;
  title: string | null;
  alt: string | null;
};

export type EmbedKind = 'twitter' | 'youtube' | 'vimeo' | 'slideshare' | 'speakerdeck' | 'facebook' | 'gist' | 'video' | 'other';
export type EmbedRef = { kind: EmbedKind; url: string };

/** The optional `conference:` front matter key (Hallway's exporter writes the mapping form). */
export type ConferenceRef = {
  slug: string | null;
  name: string | null;
  city: string | null;
  location: string | null;
  startDate: string | null;
  endDate: string | null;
  website: string | null;
  timeZone: string | null;
  days: { number: number; date: string; theme: string | null }[];
};

export type ParsedPost = {
  /** The file's base name, as given. */
  file: string;
  title: string;
  slug: string;
  date: { iso: string; utcMs: number; offsetMinutes: number };
  categories: string[];
  tags: string[];
  comments: boolean;
  published: boolean;
  conference: ConferenceRef | null;
  /** Markdown before the first `<!-- more -->`, or null when there is no marker. */
  excerpt: string | null;
  /**
   * The body Hallway stores when the confident talks are imported: every non-talk part of the
   * post, in place; each run of talks is replaced by a `<!-- hallway:talks … -->` skeleton holding
   * `<<talk N>>` placeholders (N: index in file order over all days' talks), which export expands
   * again. `bodyFor()` gives the body for another choice of talks.
   */
  body: string;
  /** Every talk the reader proposes, confident or not, grouped by day. */
  days: ParsedDay[];
  /** Where each talk sits in the body, to cut out the chosen ones (structure.ts). */
  layout: BodyLayout;
  /** Written before the conference ("the talks I plan to see"). */
  plan: boolean;
  /** Identity written by Hallway's export: the post's id and address there. */
  hallway: { id: number | null; url: string | null } | null;
  images: ImageRef[];
  embeds: EmbedRef[];
  warnings: string[];
  /** How many mojibake sequences were found, and whether they were repaired. */
  mojibake: { found: number; repaired: boolean };
};

export type ParseResult = { ok: true; post: ParsedPost } | { ok: false; file: string; error: string; warnings: string[] };

/** A talk's place in the body: the source range its text occupies (empty for a talk named inside prose). */
export type TalkExtent = { index: number; start: number; end: number };

export type BodyLayout = {
  /** The markdown the ranges refer to (after Liquid and HTML clean-up). */
  markdown: string;
  talks: TalkExtent[];
  /** Day headings, intros and lead-ins: hidden with the talks when they sit between chosen ones. */
  structural: { start: number; end: number }[];
  /** Ranges no run of talks may cross (the excerpt marker). */
  barriers: number[];
  /** An export's marked regions, kept exactly (then `talks` and `structural` are unused). */
  marked: MarkedLayout | null;
};

export type MarkedLayout = {
  regions: { start: number; end: number; generated: boolean; parts: ({ kind: 'text'; text: string } | { kind: 'talk'; index: number })[] }[];
};

/** A match of a proposed talk to one the conference already has. */
export type TalkMatch =
  | { kind: 'existing'; talkId: number; slug: string; title: string; by: 'page' | 'link' | 'slug' | 'title' | 'title and speaker' | 'similar title' }
  | { kind: 'new' };

/** The documented, stable `--dry-run --json` entry for one file. */
export type DryRunEntry = {
  file: string;
  error: string | null;
  title: string | null;
  date: string | null;
  categories: string[];
  tags: string[];
  comments: boolean | null;
  published: boolean | null;
  excerpt: string | null;
  days: {
    label: string | null;
    track: string | null;
    host: string | null;
    heading: string | null;
    date: string | null;
    talks: {
      title: string;
      url: string | null;
      links: { kind: LinkKind; url: string | null }[];
      note: string;
      speakers: string[];
      confidence: number;
      /** Imported with the chosen `--talks` (confident, all, none). */
      selected: boolean;
      reasons: string[];
      lines: [number, number];
      /** Null when no conference is known for the post yet. */
      match: TalkMatch | null;
    }[];
  }[];
  images: ImageRef[];
  embeds: EmbedRef[];
  warnings: string[];
  /** Where the talks would go; null without a database to look in. */
  conference: { kind: 'existing' | 'new' | 'none'; name: string | null; slug: string | null; reason: string } | null;
  /** The post this file would update, or whose address it would share; null without a database. */
  existing: { kind: 'update' | 'deleted' | 'slug-taken'; slug: string; title: string } | null;
  /** What refuses the file (the editor's limits, a conference to choose). */
  problems: string[];
};
