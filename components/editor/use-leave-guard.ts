import { useEffect, useLayoutEffect, useRef } from 'react';

/** Marks the editor's second history entry (the router copies its own state along). */
const GUARD = 'hallwayLeaveGuard';

/**
 * Asks before leaving the page while `atRisk()` says something typed would be lost: on unload
 * (the browser's own prompt), on a click on a link to another page of the site (header links,
 * "← Recaps": the router navigates without unloading), and on the browser's back and forward
 * buttons. The router has no navigation guard of its own: link clicks are caught on `window` in
 * the capture phase, before the router sees them, and stopped when the author chooses to stay.
 */
export function useLeaveGuard(atRisk: () => boolean, message: string) {
  const risk = useRef(atRisk);
  useLayoutEffect(() => {
    risk.current = atRisk;
  });

  useEffect(() => {
    // Once the author chose to leave, the browser must not ask a second time.
    let leaving = false;
    const stay = () => risk.current() && !window.confirm(message);

    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (!leaving && risk.current()) e.preventDefault();
    };

    const onClick = (e: MouseEvent) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const link = e.target instanceof Element ? e.target.closest('a[href]') : null;
      if (!(link instanceof HTMLAnchorElement) || (link.target && link.target !== '_self') || link.hasAttribute('download')) return;
      const to = new URL(link.href, window.location.href);
      // Another site unloads the page (the browser asks); a #fragment stays on it.
      if (to.origin !== window.location.origin) return;
      if (to.pathname === window.location.pathname && to.search === window.location.search) return;
      if (!stay()) {
        leaving = true;
        return;
      }
      e.preventDefault();
      e.stopPropagation();
    };

    // Back and forward: the router acts on `popstate` before any listener added after it, so it
    // cannot be stopped. Instead the editor's history entry is doubled; "back" first lands on
    // the editor itself (nothing changes), and only then goes on, once confirmed.
    const here = window.location.href;
    if (!(window.history.state as Record<string, unknown> | null)?.[GUARD]) {
      window.history.pushState({ ...(window.history.state as object), [GUARD]: true }, '', here);
    }
    const onPopState = () => {
      if (window.location.href !== here || (window.history.state as Record<string, unknown> | null)?.[GUARD]) return;
      if (stay()) {
        window.history.pushState({ ...(window.history.state as object), [GUARD]: true }, '', here);
        return;
      }
      leaving = true;
      window.history.back();
    };

    window.addEventListener('beforeunload', onBeforeUnload);
    window.addEventListener('click', onClick, true);
    window.addEventListener('popstate', onPopState);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      window.removeEventListener('click', onClick, true);
      window.removeEventListener('popstate', onPopState);
    };
  }, [message]);
}
