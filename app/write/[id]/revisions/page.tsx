import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { RestoreRevisionForm } from '@/components/write/restore-revision-form';
import { StatusBadge } from '@/components/write/status-badge';
import { LocalTime } from '@/components/local-time';
import { TextDiff } from '@/components/write/text-diff';
import { getPostRevisions } from '@/db/posts';
import { hasRole, requireUser } from '@/lib/auth/current-user';
import { compareRevision, labelRevisions, type RevisionLabel } from '@/lib/revision-history';

export const metadata: Metadata = { title: 'Revisions', robots: { index: false } };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const labelText: Record<RevisionLabel, string> = { published: 'Published', updated: 'Updated', restored: 'Restored' };

/** Every published version of a recap, what changed, and a way back. */
export default async function RevisionsPage({ params, searchParams }: Props) {
  const { id: raw } = await params;
  const user = await requireUser(`/write/${raw}/revisions`, 'author');
  const id = Number(raw);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const data = getPostRevisions({ id, userId: user.id, isAdmin: hasRole(user, 'admin') });
  if (!data) notFound();
  const { post, revisions } = data;
  const sp = await searchParams;
  const shown = compareRevision(revisions, post, { rev: typeof sp.rev === 'string' ? sp.rev : undefined, against: typeof sp.against === 'string' ? sp.against : undefined });
  const labels = labelRevisions(revisions);
  const against = shown?.against ?? 'current';
  const state = post.state === 'deleted' ? 'draft' : post.state;
  const href = (rev: number, vs = against) => `/write/${post.id}/revisions?rev=${rev}${vs === 'previous' ? '&against=previous' : ''}`;

  return (
    <>
      <div className="mb-6 flex flex-wrap items-center gap-3">
        <Link href={`/write/${post.id}`} className="text-sm font-medium text-accent-700 hover:underline dark:text-accent-400">
          ← Back to the editor
        </Link>
      </div>
      <h1 className="text-3xl font-bold tracking-tight text-stone-900 dark:text-white">Revisions</h1>
      <p className="mt-1 flex flex-wrap items-center gap-2 text-stone-600 dark:text-stone-400">
        <span>{post.title || 'Untitled draft'}</span>
        <StatusBadge state={state} />
      </p>

      {revisions.length === 0 ? (
        <div className="mt-8 rounded-xl border border-dashed border-stone-300 px-6 py-12 text-center dark:border-stone-700">
          <p className="font-semibold text-stone-900 dark:text-white">No revisions yet</p>
          <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">A revision is kept every time the recap is published or a published recap is updated.</p>
        </div>
      ) : (
        <div className="mt-8 grid gap-8 lg:grid-cols-[16rem_minmax(0,1fr)]">
          <nav aria-label="Revisions">
            <ol className="space-y-1">
              {revisions.map((r, i) => (
                <li key={r.id}>
                  <Link
                    href={href(r.id)}
                    aria-current={i === shown?.index ? 'page' : undefined}
                    className="block rounded-lg border border-transparent px-3 py-2 text-sm hover:bg-stone-100 aria-[current=page]:border-stone-300 aria-[current=page]:bg-stone-50 dark:hover:bg-stone-800 dark:aria-[current=page]:border-stone-700 dark:aria-[current=page]:bg-stone-900"
                  >
                    <span className="block font-medium text-stone-900 dark:text-white">{labelText[labels[i]]}</span>
                    <LocalTime at={r.createdAt} className="block tabular-nums text-stone-700 dark:text-stone-300" />
                    <span className="block text-stone-500 dark:text-stone-400">
                      {r.editorName ?? 'A former member'}
                      {i === 0 ? ' · latest' : ''}
                    </span>
                  </Link>
                </li>
              ))}
            </ol>
          </nav>

          {shown && (
            <section aria-labelledby="rev-heading">
              <h2 id="rev-heading" className="text-xl font-semibold text-stone-900 dark:text-white">
                {labelText[labels[shown.index]]} <LocalTime at={shown.selected.createdAt} className="tabular-nums" />
              </h2>
              <div className="mt-3 flex flex-wrap items-center gap-2 text-sm" role="group" aria-label="Compare">
                <span className="text-stone-600 dark:text-stone-400">Compare:</span>
                <Link href={href(shown.selected.id, 'current')} aria-current={against === 'current' ? 'true' : undefined} className="rounded-full border border-stone-300 px-3 py-1 aria-[current=true]:border-stone-900 aria-[current=true]:bg-stone-900 aria-[current=true]:text-white dark:border-stone-700 dark:aria-[current=true]:border-white dark:aria-[current=true]:bg-white dark:aria-[current=true]:text-stone-900">
                  this revision → current text
                </Link>
                {shown.hasPrevious && (
                  <Link href={href(shown.selected.id, 'previous')} aria-current={against === 'previous' ? 'true' : undefined} className="rounded-full border border-stone-300 px-3 py-1 aria-[current=true]:border-stone-900 aria-[current=true]:bg-stone-900 aria-[current=true]:text-white dark:border-stone-700 dark:aria-[current=true]:border-white dark:aria-[current=true]:bg-white dark:aria-[current=true]:text-stone-900">
                    previous revision → this one
                  </Link>
                )}
              </div>
              <p className="mt-3 text-sm text-stone-600 dark:text-stone-400">
                {shown.diff.added === 0 && shown.diff.removed === 0 && !shown.titleChanged ? (
                  'No differences.'
                ) : (
                  <>
                    <span className="font-medium text-emerald-700 dark:text-emerald-400">{shown.diff.added} line{shown.diff.added === 1 ? '' : 's'} added</span>,{' '}
                    <span className="font-medium text-red-700 dark:text-red-400">{shown.diff.removed} removed</span>
                    {shown.titleChanged && ', title changed'}.
                  </>
                )}
              </p>
              {shown.titleChanged && (
                <p className="mt-2 text-sm">
                  Title: <del className="bg-red-100 px-1 dark:bg-red-950">{shown.from.title}</del>{' '}
                  → <ins className="bg-emerald-100 px-1 no-underline dark:bg-emerald-950">{shown.to.title}</ins>
                </p>
              )}
              <div className="mt-4">
                <TextDiff rows={shown.diff.rows} label={against === 'previous' ? 'Changes since the previous revision' : 'Changes from this revision to the current text'} />
              </div>
              <div className="mt-6 rounded-xl border border-stone-200 p-4 dark:border-stone-800">
                <RestoreRevisionForm postId={post.id} revisionId={shown.selected.id} published={post.status === 'published'} />
              </div>
            </section>
          )}
        </div>
      )}
    </>
  );
}
