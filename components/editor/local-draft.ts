import type { EditorDoc } from '@/lib/editor-protocol';

export type { EditorDoc };

/**
 * The editor's safety net: the text being written is copied to localStorage before every save
 * and while typing, and removed once the server has it. If a save fails (offline, session
 * ended, version conflict) or the tab closes first, the copy is offered back on the next visit.
 */
export type LocalCopy = { doc: EditorDoc; baseVersion: number; at: number };

const key = (postId: number) => `hallway:recap:${postId}`;

/** Two documents are the same when everything the server stores is the same. */
export function serializeDoc(doc: EditorDoc): string {
  const { slug, slugAuto, ...rest } = doc;
  return JSON.stringify({ ...rest, slug: slugAuto ? null : slug });
}

export function readLocalCopy(postId: number): LocalCopy | null {
  try {
    const raw = window.localStorage.getItem(key(postId));
    if (!raw) return null;
    const copy = JSON.parse(raw) as LocalCopy;
    return copy && typeof copy.doc?.body === 'string' && typeof copy.doc?.title === 'string' ? copy : null;
  } catch {
    return null;
  }
}

export function writeLocalCopy(postId: number, copy: LocalCopy): boolean {
  try {
    window.localStorage.setItem(key(postId), JSON.stringify(copy));
    return true;
  } catch {
    // Storage full or disabled (private mode): nothing more we can do here.
    return false;
  }
}

export function clearLocalCopy(postId: number) {
  try {
    window.localStorage.removeItem(key(postId));
  } catch {}
}
