import type { Metadata } from 'next';
import Link from 'next/link';
import { HighlightedText } from '@/components/highlighted-text';
import { searchSite, type SearchResults } from '@/db/search';
import { formatDateRange, formatPostDate } from '@/lib/dates';
import { hasHighlight, MAX_QUERY_LENGTH } from '@/lib/search-query';
import { pageMetadata, truncate } from '@/lib/seo';

/**
 * `/search?q=…`: dynamic by nature (it reads the query), everything else on the site stays cached.
 * A plain GET form, so it works without JavaScript; any input is safe (see lib/search-query.ts).
 */

type Props = { searchParams: Promise<{ q?: string | string[] }> };

function readQuery(q: string | string[] | undefined): string {
  const value = Array.isArray(q) ? q[0] : q;
  return typeof value === 'string' ? value.slice(0, MAX_QUERY_LENGTH) : '';
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const query = readQuery((await searchParams).q).trim();
  return pageMetadata({
    title: query ? `Search: ${truncate(query, 60)}` : 'Search',
    description: 'Search recaps, talks, speakers and conferences.',
    path: '/search',
    // Result pages are endless and thin: keep them out of search engines, but follow their links.
    noIndex: true,
  });
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export default async function SearchPage({ searchParams }: Props) {
  const query = readQuery((await searchParams).q);
  const results = query.trim() ? searchSite({ query }) : null;

  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-3xl font-bold tracking-tight text-stone-900 sm:text-4xl dark:text-white">Search</h1>
      <form role="search" aria-label="Search page" action="/search" method="get" className="mt-6">
        <label htmlFor="search-query" className="mb-1 block text-sm font-medium text-stone-800 dark:text-stone-200">
          Search recaps, talks, speakers and conferences
        </label>
        <div className="flex gap-2">
          <input
            id="search-query"
            type="search"
            name="q"
            defaultValue={query}
            // A page that is only a search box: start typing at once (the header link lands here).
            autoFocus={!query}
            maxLength={MAX_QUERY_LENGTH}
            autoComplete="off"
            enterKeyHint="search"
            aria-describedby="search-hint"
            className="block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base text-stone-900 shadow-sm placeholder:text-stone-400 hover:border-stone-400 focus:border-accent-600 dark:border-stone-700 dark:bg-stone-900 dark:text-white dark:placeholder:text-stone-500 dark:hover:border-stone-600 dark:focus:border-accent-500"
          />
          <button
            type="submit"
            className="inline-flex shrink-0 items-center justify-center gap-2 rounded-md bg-accent-700 px-4 py-2 text-sm font-semibold text-white hover:bg-accent-800"
          >
            Search
          </button>
        </div>
        <p id="search-hint" className="mt-1 text-sm text-stone-500 dark:text-stone-400">
          Words can be cut short: “kafk” finds Kafka. Drafts are never searched.
        </p>
      </form>

      {results && <Results query={query.trim()} results={results} />}
    </div>
  );
}

function Results({ query, results }: { query: string; results: SearchResults }) {
  if (results.total === 0) {
    return (
      <div className="mt-10 rounded-xl border border-dashed border-stone-300 px-6 py-10 text-center dark:border-stone-700">
        <p className="text-lg font-semibold text-stone-900 dark:text-white">
          Nothing found for “<span className="break-all">{truncate(query, 80)}</span>”
        </p>
        <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">
          {results.terms.length === 0
            ? 'Type a word or the start of one: punctuation and emoji are not searched.'
            : 'Every word has to match. Try fewer or shorter words, or browse the '}
          {results.terms.length > 0 && (
            <>
              <Link href="/conferences" className="font-medium text-accent-700 hover:underline dark:text-accent-400">conferences</Link>
              {' and '}
              <Link href="/speakers" className="font-medium text-accent-700 hover:underline dark:text-accent-400">speakers</Link>.
            </>
          )}
        </p>
      </div>
    );
  }

  const groups = [
    { id: 'recaps', label: 'Recaps', count: results.recaps.length },
    { id: 'talks', label: 'Talks', count: results.talks.length },
    { id: 'speakers', label: 'Speakers', count: results.speakers.length },
    { id: 'conferences', label: 'Conferences', count: results.conferences.length },
  ].filter((g) => g.count > 0);

  return (
    <div className="mt-8">
      <p className="text-sm text-stone-600 dark:text-stone-400" role="status">
        {plural(results.total, 'result', 'results')} for “<span className="break-all font-medium text-stone-900 dark:text-white">{truncate(query, 80)}</span>”
      </p>
      {groups.length > 1 && (
        <nav aria-label="Result kinds" className="mt-3">
          <ul className="flex flex-wrap gap-2 text-sm">
            {groups.map((g) => (
              <li key={g.id}>
                <a
                  href={`#${g.id}`}
                  className="inline-block rounded-full border border-stone-300 px-3 py-1 font-medium text-stone-700 hover:border-accent-500 hover:text-accent-800 dark:border-stone-700 dark:text-stone-300 dark:hover:border-accent-500 dark:hover:text-accent-300"
                >
                  {g.label} <span className="text-stone-500 dark:text-stone-400">{g.count}</span>
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}

      {results.recaps.length > 0 && (
        <ResultSection id="recaps" title="Recaps" count={results.recaps.length}>
          {results.recaps.map((r) => (
            <li key={r.slug}>
              <h3 className="text-lg font-semibold text-stone-900 dark:text-white">
                <Link href={`/posts/${r.slug}`} className="hover:text-accent-700 dark:hover:text-accent-400">
                  <HighlightedText text={r.titleMarked} />
                </Link>
              </h3>
              <p className="mt-0.5 text-sm text-stone-500 dark:text-stone-400">
                {[r.conferenceName, r.authorName ?? 'A former member', formatPostDate(r.publishedAt, r.utcOffsetMinutes)]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
              <Snippet text={hasHighlight(r.snippet) ? r.snippet : r.summary} />
            </li>
          ))}
        </ResultSection>
      )}

      {results.talks.length > 0 && (
        <ResultSection id="talks" title="Talks" count={results.talks.length}>
          {results.talks.map((t) => (
            <li key={`${t.conferenceSlug}/${t.slug}`}>
              <h3 className="text-lg font-semibold text-stone-900 dark:text-white">
                <Link href={`/conferences/${t.conferenceSlug}/talks/${t.slug}`} className="hover:text-accent-700 dark:hover:text-accent-400">
                  <HighlightedText text={t.titleMarked} />
                </Link>
              </h3>
              <p className="mt-0.5 text-sm text-stone-500 dark:text-stone-400">
                {[t.speakerNames, t.dayNumber ? `${t.conferenceName}, day ${t.dayNumber}` : t.conferenceName].filter(Boolean).join(' · ')}
              </p>
              {t.snippet && <Snippet text={t.snippet} />}
            </li>
          ))}
        </ResultSection>
      )}

      {results.speakers.length > 0 && (
        <ResultSection id="speakers" title="Speakers" count={results.speakers.length}>
          {results.speakers.map((s) => (
            <li key={s.slug}>
              <h3 className="text-lg font-semibold text-stone-900 dark:text-white">
                <Link href={`/speakers/${s.slug}`} className="hover:text-accent-700 dark:hover:text-accent-400">
                  <HighlightedText text={s.nameMarked} />
                </Link>
              </h3>
              <p className="mt-0.5 text-sm text-stone-500 dark:text-stone-400">{plural(s.talkCount, 'session', 'sessions')}</p>
              {hasHighlight(s.snippet) && <Snippet text={s.snippet} />}
            </li>
          ))}
        </ResultSection>
      )}

      {results.conferences.length > 0 && (
        <ResultSection id="conferences" title="Conferences" count={results.conferences.length}>
          {results.conferences.map((c) => (
            <li key={c.slug}>
              <h3 className="text-lg font-semibold text-stone-900 dark:text-white">
                <Link href={`/conferences/${c.slug}`} className="hover:text-accent-700 dark:hover:text-accent-400">
                  <HighlightedText text={c.nameMarked} />
                </Link>
              </h3>
              <p className="mt-0.5 text-sm text-stone-500 dark:text-stone-400">
                {formatDateRange(c.startDate, c.endDate)}
                {c.location && <> · {c.location}</>}
              </p>
              {c.snippet && <Snippet text={c.snippet} />}
            </li>
          ))}
        </ResultSection>
      )}
    </div>
  );
}

function ResultSection({ id, title, count, children }: { id: string; title: string; count: number; children: React.ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-heading`} className="mt-10 scroll-mt-6">
      <h2 id={`${id}-heading`} className="flex items-baseline gap-2 border-b border-stone-200 pb-2 text-xl font-bold tracking-tight text-stone-900 dark:border-stone-800 dark:text-white">
        {title}
        <span className="text-sm font-medium text-stone-500 dark:text-stone-400">{count}</span>
      </h2>
      <ol className="mt-4 space-y-6">{children}</ol>
    </section>
  );
}

function Snippet({ text }: { text: string }) {
  if (!text) return null;
  return (
    <p className="mt-2 text-sm leading-relaxed text-stone-700 dark:text-stone-300">
      <HighlightedText text={text} />
    </p>
  );
}
