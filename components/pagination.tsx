import { pageWindow } from '@/lib/pagination';

/**
 * Page links: newer/older, the first and last page and a few around the current one. Plain
 * anchors on purpose: the home page's `/?page=N` is rewritten to `/page/N` on the server, which the
 * client router cannot see, so a client-side navigation could reuse the cached payload of `/`. A
 * full load of a cached page is just as fast.
 */
export function Pagination({
  page,
  pageCount,
  href,
  labels = { previous: '← Newer posts', next: 'Older posts →' },
}: {
  page: number;
  pageCount: number;
  href: (n: number) => string;
  labels?: { previous: string; next: string };
}) {
  if (pageCount <= 1) return null;
  const link = 'rounded-md px-3 py-2 font-medium hover:bg-stone-100 dark:hover:bg-stone-800';
  return (
    <nav aria-label="Pagination" className="mt-10 flex flex-wrap items-center justify-between gap-4 text-sm">
      {page > 1 ? (
        <a href={href(page - 1)} rel="prev" className={link}>{labels.previous}</a>
      ) : (
        <span />
      )}
      <ol className="flex flex-wrap gap-1">
        {pageWindow(page, pageCount).map((n, i) =>
          n === 'gap' ? (
            <li key={`gap-${i}`} aria-hidden="true" className="px-2 py-2 text-stone-400">…</li>
          ) : (
            <li key={n}>
              <a
                href={href(n)}
                aria-current={n === page ? 'page' : undefined}
                className={`${link} tabular-nums ${n === page ? 'bg-accent-700 text-white hover:bg-accent-800 dark:hover:bg-accent-600' : ''}`}
              >
                <span className="sr-only">Page </span>
                {n}
              </a>
            </li>
          ),
        )}
      </ol>
      {page < pageCount ? (
        <a href={href(page + 1)} rel="next" className={link}>{labels.next}</a>
      ) : (
        <span />
      )}
    </nav>
  );
}
