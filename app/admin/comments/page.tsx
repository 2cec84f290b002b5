import type { Metadata } from 'next';
import Link from 'next/link';
import { AdminNav } from '@/components/admin-nav';
import { countOpenReports, getReportedComments } from '@/db/comments';
import { requireUser } from '@/lib/auth/current-user';
import { commentAnchor } from '@/lib/comments';
import { formatExactTime } from '@/lib/dates';
import { ResolveControls } from './resolve-controls';

export const metadata: Metadata = { title: 'Reported comments', robots: { index: false } };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Reported comments, grouped per comment with every report's reason; admins hide or keep them. */
export default async function AdminCommentsPage({ searchParams }: { searchParams: SearchParams }) {
  await requireUser('/admin/comments', 'admin');
  const resolved = (await searchParams).view === 'resolved';
  const reported = getReportedComments({ resolved });
  const open = resolved ? countOpenReports() : reported.length;

  return (
    <>
      <AdminNav current="comments" openReports={open} />
      <h1 className="text-3xl font-bold tracking-tight text-stone-900 dark:text-white">Reported comments</h1>
      <p className="mt-1 text-stone-600 dark:text-stone-400">
        Readers report comments they think break the rules. Hiding one takes it off the recap; its writer still sees it, marked hidden.
      </p>
      <nav aria-label="Reports" className="mt-4 flex gap-2 text-sm">
        <Link href="/admin/comments" aria-current={resolved ? undefined : 'page'} className="rounded-full px-3 py-1 font-medium text-stone-700 hover:bg-stone-100 aria-[current=page]:bg-stone-900 aria-[current=page]:text-white dark:text-stone-300 dark:hover:bg-stone-800 dark:aria-[current=page]:bg-white dark:aria-[current=page]:text-stone-900">
          Open
        </Link>
        <Link href="/admin/comments?view=resolved" aria-current={resolved ? 'page' : undefined} className="rounded-full px-3 py-1 font-medium text-stone-700 hover:bg-stone-100 aria-[current=page]:bg-stone-900 aria-[current=page]:text-white dark:text-stone-300 dark:hover:bg-stone-800 dark:aria-[current=page]:bg-white dark:aria-[current=page]:text-stone-900">
          Resolved
        </Link>
      </nav>

      {reported.length === 0 ? (
        <p className="mt-8 rounded-xl border border-dashed border-stone-300 p-6 text-center text-stone-600 dark:border-stone-700 dark:text-stone-400">
          {resolved ? 'No resolved reports yet.' : 'Nothing to review: no open reports.'}
        </p>
      ) : (
        <ul className="mt-6 space-y-4" aria-label={resolved ? 'Resolved reports' : 'Open reports'}>
          {reported.map((c) => (
            <li key={c.commentId}>
              <article aria-labelledby={`reported-${c.commentId}`} className="rounded-xl border border-stone-200 p-4 dark:border-stone-800">
                <h2 id={`reported-${c.commentId}`} className="text-sm text-stone-600 dark:text-stone-400">
                  <span className="font-semibold text-stone-900 dark:text-white">{c.authorName ?? 'A former member'}</span> on{' '}
                  <Link href={`/posts/${c.postSlug}#${commentAnchor(c.commentId)}`} className="font-medium text-accent-700 hover:underline dark:text-accent-400">
                    {c.postTitle}
                  </Link>
                  {' · '}
                  <time dateTime={new Date(c.createdAt).toISOString()}>{formatExactTime(c.createdAt)}</time>
                  {c.hidden && <span className="ml-2 rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900 dark:bg-amber-950 dark:text-amber-200">hidden</span>}
                  {c.deleted && <span className="ml-2 rounded-full bg-stone-200 px-2 py-0.5 text-xs font-semibold text-stone-800 dark:bg-stone-800 dark:text-stone-200">deleted by its writer</span>}
                </h2>
                {c.deleted ? (
                  <p className="mt-2 text-sm italic text-stone-500 dark:text-stone-400">Its words are gone.</p>
                ) : (
                  <div className="prose prose-sm prose-stone mt-2 max-w-none dark:prose-invert" dangerouslySetInnerHTML={{ __html: c.bodyHtml }} />
                )}
                <h3 className="mt-4 text-xs font-semibold uppercase tracking-wide text-stone-500 dark:text-stone-400">
                  {c.reports.length} {c.reports.length === 1 ? 'report' : 'reports'}
                </h3>
                <ul className="mt-1 space-y-1 text-sm">
                  {c.reports.map((r, i) => (
                    <li key={i} className="text-stone-700 dark:text-stone-300">
                      <span className="font-medium">{r.reporterName ?? 'A former member'}</span>: “{r.reason}”{' '}
                      <span className="text-stone-500 dark:text-stone-400">({formatExactTime(r.createdAt)})</span>
                    </li>
                  ))}
                </ul>
                {!resolved && (
                  <div className="mt-4">
                    <ResolveControls commentId={c.commentId} hidden={c.hidden || c.deleted} />
                  </div>
                )}
              </article>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
