import type { ActionState } from '@/lib/action-state';
import type { EmbedRef, LinkKind, TalkShape } from '@/lib/jekyll/types';

/** One proposed talk, as the review shows it. */
export type ReviewTalk = {
  /** Its index in the file: what the form sends back (`talk.<file>.<index>.…`). */
  index: number;
  title: string;
  speakers: string[];
  url: string | null;
  links: { kind: LinkKind; url: string | null }[];
  confidence: number;
  /** At or above the confidence that is imported by default. */
  confident: boolean;
  /** Ticked when the review opens. */
  ticked: boolean;
  shape: TalkShape;
  reasons: string[];
  lines: { from: number; to: number; excerpt: string };
  /** Null when the talks have no conference yet. */
  match: { kind: 'existing'; talkId: number; title: string; by: string } | { kind: 'new' } | null;
  /** Talks of the conference it could link to instead (best first). */
  choices: { talkId: number; title: string }[];
  /** Why it is unticked although it was found with confidence. */
  note: string | null;
};

/** What the dry run found in one uploaded file (shown before anything is written). */
export type ImportFileReport = {
  name: string;
  error: string | null;
  title: string | null;
  date: string | null;
  published: boolean | null;
  categories: string[];
  days: {
    label: string | null;
    heading: string | null;
    date: string | null;
    track: string | null;
    host: string | null;
    talks: ReviewTalk[];
  }[];
  talkCount: number;
  /** `found: null` when no image zip was given. */
  images: { src: string; found: boolean | null }[];
  embeds: EmbedRef[];
  warnings: string[];
  /** What refuses the file as it stands (the editor's limits, a time zone); nothing of it is saved. */
  problems: string[];
  /** Where the talks would go; the author can change it before importing. */
  conference:
    | { kind: 'existing'; slug: string; name: string; reason: string }
    | { kind: 'new'; name: string; reason: string }
    | { kind: 'none'; reason: string };
  /** The recap this file is already in Hallway as, or whose address it would share. */
  existing:
    | { kind: 'update'; slug: string; title: string; by: 'source' | 'export' }
    | { kind: 'deleted'; slug: string; title: string; deletedAt: number | null }
    | { kind: 'slug-taken'; slug: string; title: string; newSlug: string }
    | null;
  /** Written before the conference. */
  plan: boolean;
};

export type ImportFileResult = {
  name: string;
  status: 'imported' | 'updated' | 'restored' | 'skipped' | 'failed';
  error: string | null;
  title: string | null;
  url: string | null;
  conference: { name: string; slug: string; created: boolean } | null;
  talks: { created: number; matched: number };
  warnings: string[];
};

/** The action state of /write/import: the shared ActionState plus the report or the results. */
export type ImportState = ActionState & { report?: ImportFileReport[]; results?: ImportFileResult[] };
