'use client';

import { createContext, use, useCallback, useEffect, useState } from 'react';
import type { CommentViewer } from '@/lib/comments';

/**
 * Who is reading the thread, fetched once per page from `/api/me/comments` after hydration: the
 * post page is cached and shared, so it never carries anyone's session. `null` while loading (and
 * without JavaScript), when the page shows what works for everyone: the thread and a plain form.
 */

type Value = { viewer: CommentViewer | null; reload: () => void };

const ViewerContext = createContext<Value>({ viewer: null, reload: () => {} });

/**
 * `version` changes whenever the thread the page shows does (the page re-renders after every
 * comment action): the viewer's hidden comments and own markdown are fetched again then, even when
 * the control that acted has left the page with its comment.
 */
export function CommentViewerProvider({ postId, version, children }: { postId: number; version: string; children: React.ReactNode }) {
  const [viewer, setViewer] = useState<CommentViewer | null>(null);
  const [round, setRound] = useState(0);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  useEffect(() => {
    let live = true;
    fetch(`/api/me/comments?post=${postId}`, { cache: 'no-store', credentials: 'same-origin' })
      .then((res) => (res.ok ? (res.json() as Promise<CommentViewer>) : Promise.reject(new Error(`HTTP ${res.status}`))))
      .then(
        (v) => live && setViewer(v),
        // Unknown: keep the plain form, which still works (or sends the visitor to sign in).
        () => {},
      );
    return () => {
      live = false;
    };
  }, [postId, version, round]);
  return <ViewerContext value={{ viewer, reload }}>{children}</ViewerContext>;
}

export function useCommentViewer(): Value {
  return use(ViewerContext);
}
