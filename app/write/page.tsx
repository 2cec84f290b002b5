import type { Metadata } from 'next';
import Link from 'next/link';
import { StatusBadge } from '@/components/write/status-badge';
import { NewRecapButton } from '@/components/write/new-recap-button';
import { WriteNav } from '@/components/write/write-nav';
import { getPostsForDashboard, type DashboardPost } from '@/db/posts';
import { hasRole, requireUser } from '@/lib/auth/current-user';
import { formatOffset, formatPostDate } from '@/lib/dates';
import { formatRelative } from '@/lib/relative-time';

export const metadata: Metadata = { title: 'Your recaps', robots: { index: false } };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const FILTERS = [
  { key: 'all', label: 'All' },
  { key: 'draft', label: 'Drafts' },
  { key: 'scheduled', label: 'Scheduled' },
  { key: 'published', label: 'Published' },
] as const;
type Filter = (typeof FILTERS)[number]['key'];

const timeFormat = (utcMs: number, offset: number) =>
  new Date(utcMs + offset * 60_000).toISOString().slice(11, 16);

function when(post: DashboardPost, now: number): string {
  if (post.state === 'scheduled' && post.publishedAt !== null) {
    return `Goes out ${formatPostDate(post.publishedAt, post.utcOffsetMinutes)} at ${timeFormat(post.publishedAt, post.utcOffsetMinutes)} (UTC${formatOffset(post.utcOffsetMinutes)}) · ${formatRelative(post.publishedAt, now)}`;
  }
  if (post.state === 'published' && post.publishedAt !== null) return `Published ${formatPostDate(post.publishedAt, post.utcOffsetMinutes)}`;
  return 'Not published';
}

export default async function WritePage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser('/write', 'author');
  const isAdmin = hasRole(user, 'admin');
  const params = await searchParams;
  const filter: Filter = FILTERS.some((f) => f.key === params.status) ? (params.status as Filter) : 'all';
  const now = Date.now();
  const all = getPostsForDashboard({ userId: user.id, isAdmin }, now);
  const counts = { all: all.length, draft: 0, scheduled: 0, published: 0 } as Record<Filter, number>;
  for (const p of all) counts[p.state]++;
  const shown = filter === 'all' ? all : all.filter((p) => p.state === filter);

  return (
    <>
      <WriteNav current="recaps" />
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-bold tracking-tight text-stone-900 dark:text-white">{isAdmin ? 'All recaps' : 'Your recaps'}</h1>
          <p className="mt-1 text-stone-600 dark:text-stone-400">
            {isAdmin ? 'As an admin you see and edit every author’s recaps.' : 'Drafts, scheduled and published recaps, most recently edited first.'}
          </p>
        </div>
        <NewRecapButton />
      </div>

      {params.deleted === '1' && (
        <p role="status" className="mt-6 rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100">
          Recap deleted. Its address now tells visitors it is gone (410).
        </p>
      )}

      <nav aria-label="Filter recaps by status" className="mt-6">
        <ul className="flex flex-wrap gap-2">
          {FILTERS.map((f) => (
            <li key={f.key}>
              <Link
                href={f.key === 'all' ? '/write' : `/write?status=${f.key}`}
                aria-current={filter === f.key ? 'page' : undefined}
                className="inline-flex items-center gap-2 rounded-full border border-stone-300 px-3 py-1 text-sm font-medium text-stone-700 hover:bg-stone-100 aria-[current=page]:border-stone-900 aria-[current=page]:bg-stone-900 aria-[current=page]:text-white dark:border-stone-700 dark:text-stone-300 dark:hover:bg-stone-800 dark:aria-[current=page]:border-white dark:aria-[current=page]:bg-white dark:aria-[current=page]:text-stone-900"
              >
                {f.label}
                <span className="tabular-nums opacity-70">{counts[f.key]}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      {shown.length === 0 ? (
        <div className="mt-6 rounded-xl border border-dashed border-stone-300 px-6 py-14 text-center dark:border-stone-700">
          <svg aria-hidden="true" viewBox="0 0 24 24" className="mx-auto size-10 text-stone-400" fill="none" stroke="currentColor" strokeWidth="1.5">
            <path d="M16.862 4.487 18.55 2.8a1.875 1.875 0 1 1 2.652 2.652L10.582 16.07a4.5 4.5 0 0 1-1.897 1.13L6 18l.8-2.685a4.5 4.5 0 0 1 1.13-1.897l8.932-8.931Zm0 0L19.5 7.125M18 14v4.75A2.25 2.25 0 0 1 15.75 21H5.25A2.25 2.25 0 0 1 3 18.75V8.25A2.25 2.25 0 0 1 5.25 6H10" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
          <p className="mt-3 font-semibold text-stone-900 dark:text-white">
            {filter === 'all' ? 'No recaps yet' : `No ${FILTERS.find((f) => f.key === filter)!.label.toLowerCase()} right now`}
          </p>
          <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
            {filter === 'all' ? 'Write up the last conference you went to: the talks, the hallway conversations, what stuck.' : 'Other recaps are under “All”.'}
          </p>
        </div>
      ) : (
        <ul className="mt-6 divide-y divide-stone-200 rounded-xl border border-stone-200 dark:divide-stone-800 dark:border-stone-800" aria-label="Recaps">
          {shown.map((post) => (
            <li key={post.id} className="flex flex-col gap-3 p-4 sm:flex-row sm:items-center sm:justify-between">
              <div className="min-w-0">
                <div className="flex flex-wrap items-center gap-2">
                  <StatusBadge state={post.state} />
                  <Link
                    href={`/write/${post.id}`}
                    className="min-w-0 truncate text-lg font-semibold text-stone-900 hover:text-accent-700 dark:text-white dark:hover:text-accent-400"
                  >
                    {post.title || <span className="italic text-stone-500 dark:text-stone-400">Untitled draft</span>}
                  </Link>
                </div>
                <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
                  {when(post, now)}
                  {post.conferenceName && <> · {post.conferenceName}</>}
                  {isAdmin && <> · by {post.authorName ?? 'a former member'}</>}
                </p>
                <p className="mt-0.5 text-xs text-stone-500">
                  Edited <time dateTime={new Date(post.updatedAt).toISOString()}>{formatRelative(post.updatedAt, now)}</time>
                </p>
              </div>
              <div className="flex shrink-0 gap-2 text-sm font-medium">
                <Link
                  href={`/write/${post.id}`}
                  className="rounded-md border border-stone-300 px-3 py-1.5 text-stone-800 hover:bg-stone-100 dark:border-stone-700 dark:text-stone-100 dark:hover:bg-stone-800"
                  aria-label={`Edit ${post.title || 'untitled draft'}`}
                >
                  Edit
                </Link>
                {post.state === 'published' ? (
                  <Link
                    href={`/posts/${post.slug}`}
                    className="w-20 rounded-md px-3 py-1.5 text-center text-accent-700 hover:bg-accent-50 dark:text-accent-400 dark:hover:bg-accent-950"
                    aria-label={`View ${post.title} on Hallway`}
                  >
                    View
                  </Link>
                ) : (
                  <Link
                    href={`/write/${post.id}/preview`}
                    className="w-20 rounded-md px-3 py-1.5 text-center text-stone-700 hover:bg-stone-100 dark:text-stone-300 dark:hover:bg-stone-800"
                    aria-label={`Preview ${post.title || 'untitled draft'}`}
                  >
                    Preview
                  </Link>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
