'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useActionState, useCallback, useEffect, useId, useRef, useState } from 'react';
import { signOutAction } from '@/app/(auth)/actions';
import { initialActionState } from '@/lib/action-state';
import type { Role } from '@/db/schema';

type SessionUser = { id: string; name: string; email: string; role: Role };
type Status = { state: 'loading' } | { state: 'signed-out' } | { state: 'signed-in'; user: SessionUser };

/** Other components ask the menu to re-read the session after changing it (name, email). */
export const SESSION_CHANGED_EVENT = 'hallway:session';

const itemClass =
  'block w-full rounded-md px-3 py-2 text-left text-sm text-stone-700 hover:bg-stone-100 hover:text-stone-900 dark:text-stone-200 dark:hover:bg-stone-800 dark:hover:text-white';

/**
 * The header's sign-in state. Reader pages are cached and shared by everyone, so they never read
 * the session; this island asks `/api/auth/session` from the browser instead. The box has the same
 * width while loading, signed out and signed in, so nothing in the header moves.
 * A disclosure (button + list of links), not an ARIA menu: Tab moves through it, Escape closes it.
 */
export function AccountMenu() {
  const pathname = usePathname();
  const [status, setStatus] = useState<Status>({ state: 'loading' });
  const [open, setOpen] = useState(false);
  const [signOutState, signOut] = useActionState(signOutAction, initialActionState);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuId = useId();

  const refresh = useCallback(async () => {
    // A failed read (a busy server, a navigation in flight) proves nothing about the session:
    // keep what is shown and ask again, and only a real answer says "signed out".
    for (let attempt = 0; attempt < 4; attempt++) {
      try {
        const res = await fetch('/api/auth/session', { cache: 'no-store', credentials: 'same-origin' });
        if (res.ok) {
          const session = (await res.json()) as { user?: SessionUser } | null;
          setStatus(session?.user?.id ? { state: 'signed-in', user: session.user } : { state: 'signed-out' });
          return;
        }
      } catch {}
      await new Promise((r) => setTimeout(r, 500 * 2 ** attempt));
    }
    setStatus((s) => (s.state === 'loading' ? { state: 'signed-out' } : s));
  }, []);

  // On load, after every navigation (signing in redirects), after sign-out, and when asked to.
  const previousPath = useRef(pathname);
  useEffect(() => {
    setOpen(false);
    // Leaving a sign-in, sign-up or setup page is how a session starts: show the neutral
    // placeholder until the session is known, never "Sign in" to someone who just did.
    if (previousPath.current !== pathname && /^\/(signin|signup|setup)/.test(previousPath.current ?? '')) setStatus({ state: 'loading' });
    previousPath.current = pathname;
    void refresh();
  }, [pathname, signOutState, refresh]);
  useEffect(() => {
    const onChange = () => void refresh();
    const onVisible = () => document.visibilityState === 'visible' && void refresh();
    window.addEventListener(SESSION_CHANGED_EVENT, onChange);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.removeEventListener(SESSION_CHANGED_EVENT, onChange);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [refresh]);

  // Close on a click outside or when focus leaves the menu.
  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (!rootRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Escape' && open) {
      e.preventDefault();
      setOpen(false);
      buttonRef.current?.focus();
    }
  };
  const onBlur = (e: React.FocusEvent) => {
    if (open && !rootRef.current?.contains(e.relatedTarget as Node | null)) setOpen(false);
  };

  return (
    <div ref={rootRef} className="relative flex w-44 justify-end" onKeyDown={onKeyDown} onBlur={onBlur}>
      {status.state === 'loading' && <span className="h-9 w-full" aria-hidden="true" />}

      {status.state === 'signed-out' && (
        <div className="flex items-center gap-1">
          <Link
            href={pathname && pathname !== '/' && !/^\/(signin|signup|setup)/.test(pathname) ? `/signin?callbackUrl=${encodeURIComponent(pathname)}` : '/signin'}
            className="rounded-md px-3 py-2 text-sm font-medium text-stone-700 hover:bg-stone-100 hover:text-stone-900 dark:text-stone-200 dark:hover:bg-stone-800 dark:hover:text-white"
          >
            Sign in
          </Link>
          <Link
            href="/signup"
            className="rounded-md bg-accent-700 px-3 py-2 text-sm font-semibold text-white hover:bg-accent-800 dark:hover:bg-accent-800"
          >
            Sign up
          </Link>
        </div>
      )}

      {status.state === 'signed-in' && (
        <>
          <button
            ref={buttonRef}
            type="button"
            aria-expanded={open}
            aria-controls={menuId}
            onClick={() => setOpen((o) => !o)}
            className="flex h-9 w-full items-center gap-2 rounded-md px-2 text-sm font-medium text-stone-700 hover:bg-stone-100 hover:text-stone-900 dark:text-stone-200 dark:hover:bg-stone-800 dark:hover:text-white"
          >
            <span aria-hidden="true" className="grid size-6 shrink-0 place-items-center rounded-full bg-accent-100 text-xs font-bold text-accent-800 dark:bg-accent-900 dark:text-accent-100">
              {initials(status.user.name)}
            </span>
            <span className="min-w-0 flex-1 truncate text-left">
              <span className="sr-only">Account: </span>
              {status.user.name}
            </span>
            <svg aria-hidden="true" viewBox="0 0 20 20" className={`size-4 shrink-0 transition-transform ${open ? 'rotate-180' : ''}`} fill="currentColor">
              <path fillRule="evenodd" d="M5.2 7.2a.75.75 0 0 1 1.06.02L10 11.1l3.74-3.88a.75.75 0 1 1 1.08 1.04l-4.28 4.44a.75.75 0 0 1-1.08 0L5.18 8.26a.75.75 0 0 1 .02-1.06Z" clipRule="evenodd" />
            </svg>
          </button>
          <div
            id={menuId}
            hidden={!open}
            className="absolute right-0 top-full z-40 mt-2 w-60 rounded-lg border border-stone-200 bg-white p-1.5 shadow-lg dark:border-stone-700 dark:bg-stone-900"
          >
            <p className="truncate px-3 py-2 text-xs text-stone-500 dark:text-stone-400">
              Signed in as <span className="font-medium text-stone-700 dark:text-stone-200">{status.user.email}</span>
            </p>
            <ul className="border-t border-stone-200 pt-1 dark:border-stone-700">
              <li><Link href="/journal" className={itemClass} onClick={() => setOpen(false)}>Journal</Link></li>
              {(status.user.role === 'author' || status.user.role === 'admin') && (
                <li><Link href="/write" className={itemClass} onClick={() => setOpen(false)}>Write</Link></li>
              )}
              {status.user.role === 'admin' && (
                <li><Link href="/admin/users" className={itemClass} onClick={() => setOpen(false)}>Admin</Link></li>
              )}
              <li><Link href="/account" className={itemClass} onClick={() => setOpen(false)}>Account</Link></li>
            </ul>
            <form action={signOut} className="mt-1 border-t border-stone-200 pt-1 dark:border-stone-700">
              <button type="submit" className={itemClass}>Sign out</button>
            </form>
          </div>
        </>
      )}
    </div>
  );
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? parts[0][0] + parts[parts.length - 1][0] : (parts[0] ?? '?').slice(0, 1);
  return letters.toUpperCase();
}
