import Link from 'next/link';

/** Page links for `/?page=N`; page 1 is the bare home page. */
export function Pagination({ page, pageCount }: { page: number; pageCount: number }) {
  if (pageCount <= 1) return null;
  const href = (n: number) => (n === 1 ? '/' : `/?page=${n}`);
  const link = 'rounded-md px-3 py-2 font-medium hover:bg-stone-100 dark:hover:bg-stone-800';
  return (
    <nav aria-label="Pagination" className="mt-10 flex items-center justify-between gap-4 text-sm">
      {page > 1 ? (
        <Link href={href(page - 1)} rel="prev" className={link}>← Newer posts</Link>
      ) : (
        <span />
      )}
      <ol className="flex gap-1">
        {Array.from({ length: pageCount }, (_, i) => i + 1).map((n) => (
          <li key={n}>
            <Link
              href={href(n)}
              aria-current={n === page ? 'page' : undefined}
              className={`${link} ${n === page ? 'bg-accent-700 text-white hover:bg-accent-800 dark:hover:bg-accent-600' : ''}`}
            >
              <span className="sr-only">Page </span>
              {n}
            </Link>
          </li>
        ))}
      </ol>
      {page < pageCount ? (
        <Link href={href(page + 1)} rel="next" className={link}>Older posts →</Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
