/**
 * Page links for `/?page=N`; page 1 is the bare home page. Plain anchors on purpose: `/?page=N` is
 * rewritten to `/page/N` on the server, which the client router cannot see, so a client-side
 * navigation could reuse the cached payload of `/`. A full load of a cached page is just as fast.
 */
export function Pagination({ page, pageCount }: { page: number; pageCount: number }) {
  if (pageCount <= 1) return null;
  const href = (n: number) => (n === 1 ? '/' : `/?page=${n}`);
  const link = 'rounded-md px-3 py-2 font-medium hover:bg-stone-100 dark:hover:bg-stone-800';
  return (
    <nav aria-label="Pagination" className="mt-10 flex items-center justify-between gap-4 text-sm">
      {page > 1 ? (
        <a href={href(page - 1)} rel="prev" className={link}>← Newer posts</a>
      ) : (
        <span />
      )}
      <ol className="flex gap-1">
        {Array.from({ length: pageCount }, (_, i) => i + 1).map((n) => (
          <li key={n}>
            <a
              href={href(n)}
              aria-current={n === page ? 'page' : undefined}
              className={`${link} ${n === page ? 'bg-accent-700 text-white hover:bg-accent-800 dark:hover:bg-accent-600' : ''}`}
            >
              <span className="sr-only">Page </span>
              {n}
            </a>
          </li>
        ))}
      </ol>
      {page < pageCount ? (
        <a href={href(page + 1)} rel="next" className={link}>Older posts →</a>
      ) : (
        <span />
      )}
    </nav>
  );
}
