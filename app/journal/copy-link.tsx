'use client';

import { useState } from 'react';
import { useHydrated } from '@/lib/use-hydrated';

/**
 * A link that, once JavaScript runs, copies its absolute address instead of following it. The
 * address is built from the page's own origin, which is the one the reader can reach. Without
 * JavaScript (or before hydration) it is the plain link, so it still leads somewhere useful.
 */
export function CopyLink({ href, label, className }: { href: string; label: string; className?: string }) {
  const enhanced = useHydrated();
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');

  async function copy() {
    const url = new URL(href, window.location.origin).href;
    try {
      await navigator.clipboard.writeText(url);
      setStatus('copied');
    } catch {
      setStatus('failed');
    }
  }

  const absolute = enhanced ? new URL(href, window.location.origin).href : href;
  return (
    <>
      {enhanced ? (
        <button type="button" onClick={copy} className={className}>
          {label}
        </button>
      ) : (
        <a href={href} className={className}>
          {label}
        </a>
      )}
      <span aria-live="polite" className="ml-2 text-sm text-stone-500 dark:text-stone-400">
        {status === 'copied' ? 'Copied.' : status === 'failed' ? `Copy this address: ${absolute}` : ''}
      </span>
    </>
  );
}
