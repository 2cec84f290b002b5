import type { ActionState } from '@/lib/action-state';
import type { ImportPlan } from '@/db/schedule';

/** What /write/conferences/import/check answers: the dry run, or why there is none. */
export type CheckResponse =
  | {
      ok: true;
      /** sha256 of the file checked: the import refuses a file that differs from it. */
      hash: string;
      format: string;
      conference: { title: string | null; timeZone: string; timeZoneSource: string; start: string | null; end: string | null };
      plan: ImportPlan;
      rooms: string[];
      tracks: string[];
      days: { date: string; talks: { title: string; start: string; room: string | null; speakers: string[] }[] }[];
      unscheduled: number;
      warnings: string[];
    }
  | { ok: false; message: string; fieldErrors?: Record<string, string[]> };

export type ImportResultState = ActionState & { result?: { slug: string; name: string; created: boolean; added: number; updated: number; unchanged: number; removed: number; kept: number } };
