'use client';

import { createContext, use, useCallback, useEffect, useRef, useState } from 'react';
import { commentAnchor } from '@/lib/comments';
import type { CommentViewer } from '@/lib/comments';

/**
 * Who is reading the thread, fetched once per page from `/api/me/comments` after hydration: the
 * post page is cached and shared, so it never carries anyone's session. `null` while loading (and
 * without JavaScript), when the page shows what works for everyone: the thread and a plain form.
 */

type Value = {
  viewer: CommentViewer | null;
  reload: () => void;
  /** Move keyboard focus to a comment: now if it is on the page, else when it arrives (`focusIfAsked`). */
  focusComment: (id: number) => void;
  focusIfAsked: (id: number, article: HTMLElement | null) => void;
};

const ViewerContext = createContext<Value>({ viewer: null, reload: () => {}, focusComment: () => {}, focusIfAsked: () => {} });

/**
 * `version` changes whenever the thread the page shows does (the page re-renders after every
 * comment action): the viewer's hidden comments and own markdown are fetched again then, even when
 * the control that acted has left the page with its comment.
 */
export function CommentViewerProvider({ postId, version, children }: { postId: number; version: string; children: React.ReactNode }) {
  const [viewer, setViewer] = useState<CommentViewer | null>(null);
  const [round, setRound] = useState(0);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  // A just-posted comment comes with the re-rendered page, which may land before or after the
  // action's answer: whichever is second does the focusing.
  const wanted = useRef<number | null>(null);
  const focusComment = useCallback((id: number) => {
    const article = document.getElementById(commentAnchor(id));
    if (article) article.focus();
    else wanted.current = id;
  }, []);
  const focusIfAsked = useCallback((id: number, article: HTMLElement | null) => {
    if (wanted.current !== id || !article) return;
    wanted.current = null;
    article.focus();
  }, []);
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
  return <ViewerContext value={{ viewer, reload, focusComment, focusIfAsked }}>{children}</ViewerContext>;
}

export function useCommentViewer(): Value {
  return use(ViewerContext);
}
