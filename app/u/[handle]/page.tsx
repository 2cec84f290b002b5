import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { JournalList, JournalTotals, journalPage } from '@/components/journal-list';
import { Pagination } from '@/components/pagination';
import { getJournalPageByUser, getJournalTotalsByUser } from '@/db/journal';
import { getPublicJournalOwnerByHandle } from '@/db/ratings';
import { slugParam } from '@/lib/slug';

/**
 * A journal its owner made public (a setting on /account). Anyone else's handle, a private journal
 * and a disabled account all answer 404, alike. Rendered per request rather than cached: making a
 * journal private, or deleting the account, must take effect at once, and this page is not a hot
 * reader page. Reviews a moderator hid are left out, as on every public page.
 */
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ handle: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const handle = slugParam((await params).handle);
  const owner = getPublicJournalOwnerByHandle({ handle });
  if (!owner) return {};
  return { title: `${owner.name}’s journal`, description: `The talks ${owner.name} saw at tech conferences, and what they thought of them.` };
}

export default async function PublicJournalPage({ params, searchParams }: Props) {
  const handle = slugParam((await params).handle);
  const owner = getPublicJournalOwnerByHandle({ handle });
  if (!owner) notFound();
  const totals = getJournalTotalsByUser({ userId: owner.id });
  const requested = (await searchParams).page;
  const { page, pageCount, perPage } = journalPage(totals.talks, typeof requested === 'string' ? requested : undefined);
  const shown = getJournalPageByUser({ userId: owner.id, page, perPage, publicView: true });
  return (
    <div className="mx-auto max-w-3xl">
      <header>
        <p className="text-sm font-semibold uppercase tracking-wide text-accent-700 dark:text-accent-400">Journal</p>
        <h1 className="mt-1 text-3xl font-bold tracking-tight text-stone-900 dark:text-white">{owner.name}’s journal</h1>
        <p className="mt-2 text-stone-600 dark:text-stone-400">The talks {owner.name} saw, and what they thought of them.</p>
      </header>
      <div className="mt-6">
        <JournalTotals totals={totals} filtered={false} />
      </div>
      <div className="mt-8">
        {totals.talks > 0 ? (
          <>
            <JournalList entries={shown} />
            <Pagination
              page={page}
              pageCount={pageCount}
              href={(n) => (n === 1 ? `/u/${owner.handle}` : `/u/${owner.handle}?page=${n}`)}
              labels={{ previous: '← Later conferences', next: 'Earlier conferences →' }}
            />
          </>
        ) : (
          <p className="text-stone-600 dark:text-stone-400">No talks in this journal yet.</p>
        )}
      </div>
    </div>
  );
}
