import Link from 'next/link';

/** The authoring area's own navigation, under the site header. */
export function WriteNav({ current }: { current?: 'recaps' | 'conferences' | 'import' }) {
  const items = [
    { key: 'recaps', href: '/write', label: 'Recaps' },
    { key: 'conferences', href: '/write/conferences', label: 'Conferences' },
    { key: 'import', href: '/write/import', label: 'Import from Jekyll', short: 'Import' },
  ] as const;
  return (
    <nav aria-label="Writing" className="mb-6 border-b border-stone-200 dark:border-stone-800">
      <ul className="-mb-px flex gap-4 whitespace-nowrap text-sm font-medium">
        {items.map((item) => (
          <li key={item.key}>
            <Link
              href={item.href}
              aria-current={current === item.key ? 'page' : undefined}
              className="inline-block border-b-2 border-transparent px-1 pb-2 text-stone-600 hover:border-stone-300 hover:text-stone-900 aria-[current=page]:border-accent-600 aria-[current=page]:text-stone-900 dark:text-stone-400 dark:hover:border-stone-600 dark:hover:text-white dark:aria-[current=page]:border-accent-500 dark:aria-[current=page]:text-white"
            >
              {'short' in item ? (
                <>
                  {/* One line on a phone: the short word there, the full label from sm up. */}
                  <span className="sm:hidden">{item.short}</span>
                  <span className="hidden sm:inline">{item.label}</span>
                </>
              ) : (
                item.label
              )}
            </Link>
          </li>
        ))}
        <li className="ml-auto">
          {/* A download (zip of Jekyll markdown), not a page: a plain link. */}
          <a
            href="/write/export"
            download
            className="inline-block border-b-2 border-transparent px-1 pb-2 text-stone-600 hover:border-stone-300 hover:text-stone-900 dark:text-stone-400 dark:hover:border-stone-600 dark:hover:text-white"
          >
            Export<span className="hidden sm:inline"> all (zip)</span>
          </a>
        </li>
      </ul>
    </nav>
  );
}
