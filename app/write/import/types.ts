import type { ActionState } from '@/lib/action-state';
import type { EmbedRef, LinkKind } from '@/lib/jekyll/types';

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
    track: string | null;
    host: string | null;
    talks: { title: string; url: string | null; links: { kind: LinkKind; url: string | null }[] }[];
  }[];
  talkCount: number;
  /** `found: null` when no image zip was given. */
  images: { src: string; found: boolean | null }[];
  embeds: EmbedRef[];
  warnings: string[];
  /** Where the talks would go; the author can change it before importing. */
  conference:
    | { kind: 'existing'; slug: string; name: string; reason: string }
    | { kind: 'new'; name: string; reason: string }
    | { kind: 'none'; reason: string };
};

export type ImportFileResult = {
  name: string;
  status: 'imported' | 'updated' | 'failed';
  error: string | null;
  title: string | null;
  url: string | null;
  conference: { name: string; created: boolean } | null;
  talks: { created: number; matched: number };
  warnings: string[];
};

/** The action state of /write/import: the shared ActionState plus the report or the results. */
export type ImportState = ActionState & { report?: ImportFileReport[]; results?: ImportFileResult[] };
