import Link from 'next/link';

export type SectionNavItem = {
  key: string;
  href: string;
  label: string;
  /** Shown on phones instead of `label`, so the row stays on one line. */
  short?: string;
  /** A count beside the label (hidden at 0), e.g. open reports. */
  count?: number;
};

export const sectionTabClass =
  'inline-flex items-center gap-1.5 border-b-2 border-transparent px-1 pb-2 text-stone-600 hover:border-stone-300 hover:text-stone-900 aria-[current=page]:border-accent-600 aria-[current=page]:text-stone-900 dark:text-stone-400 dark:hover:border-stone-600 dark:hover:text-white dark:aria-[current=page]:border-accent-500 dark:aria-[current=page]:text-white';

/** The tabs of an area (writing, admin) under the site header; `children` are extra items at the end. */
export function SectionNav({ label, items, current, children }: { label: string; items: SectionNavItem[]; current?: string; children?: React.ReactNode }) {
  return (
    <nav aria-label={label} className="mb-6 border-b border-stone-200 dark:border-stone-800">
      <ul className="-mb-px flex gap-4 whitespace-nowrap text-sm font-medium">
        {items.map((item) => (
          <li key={item.key}>
            <Link href={item.href} aria-current={current === item.key ? 'page' : undefined} className={sectionTabClass}>
              {item.short ? (
                <>
                  <span className="sm:hidden">{item.short}</span>
                  <span className="hidden sm:inline">{item.label}</span>
                </>
              ) : (
                item.label
              )}
              {item.count ? (
                <span className="rounded-full bg-red-100 px-1.5 text-xs font-semibold text-red-800 dark:bg-red-950 dark:text-red-200">
                  {item.count}
                  <span className="sr-only"> open</span>
                </span>
              ) : null}
            </Link>
          </li>
        ))}
        {children}
      </ul>
    </nav>
  );
}
