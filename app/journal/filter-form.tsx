'use client';

import { buttonClass } from '@/components/ui/button';
import { useHydrated } from '@/lib/use-hydrated';

/**
 * The journal's filters, a plain GET form (a filtered view is a link). With JavaScript a change
 * applies at once; the "Show" button is for browsers without it, and is hidden once it is not needed.
 */
export function FilterForm({ children, trailing }: { children: React.ReactNode; trailing?: React.ReactNode }) {
  const enhanced = useHydrated();
  return (
    <form
      method="get"
      action="/journal"
      className="mt-6 flex flex-wrap items-end gap-3"
      aria-label="Filter the journal"
      onChange={(e) => e.currentTarget.requestSubmit()}
    >
      {children}
      <button type="submit" className={buttonClass('secondary')} hidden={enhanced}>
        Show
      </button>
      {trailing}
    </form>
  );
}
