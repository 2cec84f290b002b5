import type { ActionState } from './action-state';

/**
 * What the recap editor's save action hands back inside `ActionState.values` (the action
 * wrapper's state carries strings only): the new version after a save, or the other side's
 * text after a version conflict. Encoded on the server, read by the client editor.
 */

/** Everything the editor edits and the server stores of a post: autosaved, kept locally, or kept as a working copy. */
export type EditorDoc = {
  title: string;
  slug: string;
  slugAuto: boolean;
  body: string;
  commentsEnabled: boolean;
  conferenceId: number | null;
  categories: string[];
  talks: { talkId: number; note: string }[];
};

export type SavedInfo = {
  version: number;
  slug: string;
  status: 'draft' | 'published';
  state: 'draft' | 'scheduled' | 'published';
  publishedAt: number | null;
  utcOffsetMinutes: number;
  updatedAt: number;
};

export type ConflictInfo = { version: number; title: string; body: string; updatedAt: number };

export type SaveOutcome =
  | { kind: 'saved'; saved: SavedInfo; message?: string }
  | { kind: 'copy-saved'; updatedAt: number }
  | { kind: 'conflict'; theirs: ConflictInfo; message: string }
  | { kind: 'failed'; message: string; fieldErrors: Record<string, string[]> };

export function encodeSaved(s: SavedInfo): Record<string, string> {
  return {
    outcome: 'saved',
    version: String(s.version),
    slug: s.slug,
    status: s.status,
    state: s.state,
    publishedAt: s.publishedAt === null ? '' : String(s.publishedAt),
    utcOffsetMinutes: String(s.utcOffsetMinutes),
    updatedAt: String(s.updatedAt),
  };
}

export function encodeCopySaved(updatedAt: number): Record<string, string> {
  return { outcome: 'copy-saved', updatedAt: String(updatedAt) };
}

export function encodeConflict(c: ConflictInfo): Record<string, string> {
  return {
    outcome: 'conflict',
    theirVersion: String(c.version),
    theirTitle: c.title,
    theirBody: c.body,
    theirUpdatedAt: String(c.updatedAt),
  };
}

export function readSaveOutcome(state: ActionState): SaveOutcome {
  const v = state.values ?? {};
  if (state.ok && v.outcome === 'saved') {
    return {
      kind: 'saved',
      message: state.message,
      saved: {
        version: Number(v.version),
        slug: v.slug,
        status: v.status === 'published' ? 'published' : 'draft',
        state: v.state === 'scheduled' ? 'scheduled' : v.state === 'published' ? 'published' : 'draft',
        publishedAt: v.publishedAt ? Number(v.publishedAt) : null,
        utcOffsetMinutes: Number(v.utcOffsetMinutes) || 0,
        updatedAt: Number(v.updatedAt),
      },
    };
  }
  if (state.ok && v.outcome === 'copy-saved') return { kind: 'copy-saved', updatedAt: Number(v.updatedAt) };
  if (v.outcome === 'conflict') {
    return {
      kind: 'conflict',
      message: state.message ?? 'This recap was changed somewhere else.',
      theirs: { version: Number(v.theirVersion), title: v.theirTitle ?? '', body: v.theirBody ?? '', updatedAt: Number(v.theirUpdatedAt) },
    };
  }
  return { kind: 'failed', message: state.message ?? 'Not saved.', fieldErrors: state.fieldErrors ?? {} };
}
