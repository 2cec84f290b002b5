/**
 * What the Jekyll/Octopress importer understands of one post file. Pure data: nothing here knows
 * about the database. `db/import.ts` writes a `ParsedPost`; `toDryRunJson` gives the documented
 * `--dry-run --json` shape (see README.md beside this file).
 */

export type LinkKind = 'presentation' | 'slides' | 'video' | 'other';

/** One entry of a talk's link line; `url: null` is "Video (not yet available)". */
export type TalkLink = { kind: LinkKind; label: string; url: string | null };

export type ParsedTalk = {
  /** Position in the file over all days (the `N` of the body's `<<talk N>>` placeholders). */
  index: number;
  title: string;
  /** The bold link's target: the conference's own page for the talk. */
  url: string | null;
  /** From an optional ` by A, B and C` after the bold title (what the exporter writes). */
  speakers: string[];
  links: TalkLink[];
  /** The author's note: the markdown after the link line, up to the next talk or heading. */
  note: string;
};

export type ParsedDay = {
  /** `Day 2`; null for talks listed without any Day heading. */
  label: string | null;
  number: number | null;
  /** The text after the colon of the Day heading. */
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

export type EmbedKind = 'twitter' | 'youtube' | 'vimeo' | 'slideshare' | 'facebook' | 'gist' | 'video' | 'other';
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
   * The body Hallway stores: every non-talk part of the post, in place; each run of talks is
   * replaced by a `<!-- hallway:talks … -->` skeleton holding `<<talk N>>` placeholders (N: index in
   * file order over all days' talks), which export expands again.
   */
  body: string;
  days: ParsedDay[];
  images: ImageRef[];
  embeds: EmbedRef[];
  warnings: string[];
  /** How many mojibake sequences were found, and whether they were repaired. */
  mojibake: { found: number; repaired: boolean };
};

export type ParseResult = { ok: true; post: ParsedPost } | { ok: false; file: string; error: string; warnings: string[] };

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
    talks: { title: string; url: string | null; links: { kind: LinkKind; url: string | null }[]; note: string }[];
  }[];
  images: ImageRef[];
  embeds: EmbedRef[];
  warnings: string[];
};
