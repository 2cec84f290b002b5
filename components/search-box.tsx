import Link from 'next/link';
import { MAX_QUERY_LENGTH } from '@/lib/search-query';

const icon = (
  <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="none" stroke="currentColor" strokeWidth="2">
    <circle cx="8.5" cy="8.5" r="5.5" />
    <path d="m13 13 4 4" strokeLinecap="round" />
  </svg>
);

/**
 * The header's search: a plain GET form to /search, so it works without JavaScript and keeps the
 * (cached, shared) pages around it static; the results page has its own box with the query in it.
 * Below the `lg` breakpoint the header has no room for a box: a link to the search page instead.
 */
export function SearchBox() {
  return (
    <>
      <form role="search" aria-label="Site" action="/search" method="get" className="relative mr-2 hidden w-56 lg:block">
        <label htmlFor="site-search" className="sr-only">
          Search Hallway
        </label>
        <input
          id="site-search"
          type="search"
          name="q"
          required
          maxLength={MAX_QUERY_LENGTH}
          placeholder="Search recaps, talks…"
          autoComplete="off"
          enterKeyHint="search"
          className="block h-9 w-full rounded-md border border-stone-300 bg-white py-1.5 pr-9 pl-3 text-sm text-stone-900 placeholder:text-stone-500 hover:border-stone-400 focus:border-accent-600 dark:border-stone-700 dark:bg-stone-900 dark:text-white dark:placeholder:text-stone-400 dark:hover:border-stone-600 dark:focus:border-accent-500"
        />
        <button
          type="submit"
          aria-label="Search"
          title="Search"
          className="absolute inset-y-0 right-0 inline-flex w-9 items-center justify-center rounded-r-md text-stone-500 hover:text-accent-700 dark:text-stone-400 dark:hover:text-accent-400"
        >
          {icon}
        </button>
      </form>
      <Link
        href="/search"
        aria-label="Search"
        title="Search"
        className="inline-flex size-9 items-center justify-center rounded-md text-stone-600 hover:bg-stone-100 hover:text-stone-900 lg:hidden dark:text-stone-300 dark:hover:bg-stone-800 dark:hover:text-white"
      >
        {icon}
      </Link>
    </>
  );
}
