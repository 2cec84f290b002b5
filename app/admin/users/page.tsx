import type { Metadata } from 'next';
import Link from 'next/link';
import { AdminNav } from '@/components/admin-nav';
import { Badge } from '@/components/ui/badge';
import { buttonClass } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import { countOpenReports } from '@/db/comments';
import { getUsers } from '@/db/users';
import { requireUser } from '@/lib/auth/current-user';
import { UserControls } from './user-controls';

export const metadata: Metadata = { title: 'Users', robots: { index: false } };

const PER_PAGE = 50;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

export default async function AdminUsersPage({ searchParams }: { searchParams: SearchParams }) {
  const admin = await requireUser('/admin/users', 'admin');
  const params = await searchParams;
  const query = typeof params.q === 'string' ? params.q.slice(0, 100) : '';
  const page = Math.max(1, Math.min(10_000, Number(params.page) || 1));
  const { users, total } = getUsers({ query, limit: PER_PAGE, offset: (page - 1) * PER_PAGE });
  const pages = Math.max(1, Math.ceil(total / PER_PAGE));
  const pageHref = (n: number) => `/admin/users?${new URLSearchParams({ ...(query && { q: query }), ...(n > 1 && { page: String(n) }) })}`;

  return (
    <>
      <AdminNav current="users" openReports={countOpenReports()} />
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-bold tracking-tight text-stone-900 dark:text-white">Users</h1>
          <p className="mt-1 text-stone-600 dark:text-stone-400">
            Readers rate talks, authors also write recaps and record conferences, admins manage everything.
          </p>
        </div>
      </div>

      <form role="search" action="/admin/users" className="mt-6 flex max-w-lg gap-2">
        <label htmlFor="user-search" className="sr-only">
          Search users by name or email
        </label>
        <input id="user-search" type="search" name="q" defaultValue={query} placeholder="Search by name or email" className={inputClass} />
        <button type="submit" className={buttonClass('secondary')}>
          Search
        </button>
      </form>

      <p className="mt-4 text-sm text-stone-500 dark:text-stone-400" aria-live="polite">
        {total === 0
          ? query
            ? `No user matches “${query}”.`
            : 'No users yet.'
          : `${total} ${total === 1 ? 'user' : 'users'}${query ? ` matching “${query}”` : ''}${pages > 1 ? ` · page ${page} of ${pages}` : ''}`}
        {query && (
          <>
            {' '}
            <Link href="/admin/users" className="font-medium text-accent-700 hover:underline dark:text-accent-400">
              Clear search
            </Link>
          </>
        )}
      </p>

      {users.length > 0 && (
        <ul className="mt-4 divide-y divide-stone-200 rounded-xl border border-stone-200 dark:divide-stone-800 dark:border-stone-800" aria-label="Users">
          {users.map((u) => (
            <li key={u.id} className="flex flex-col gap-3 p-4 sm:flex-row sm:items-start sm:justify-between">
              <div className="min-w-0">
                <p className="flex flex-wrap items-center gap-2">
                  <span className="font-semibold text-stone-900 dark:text-white">{u.name}</span>
                  <Badge tone={u.role === 'admin' ? 'accent' : u.role === 'author' ? 'sky' : 'stone'}>{u.role}</Badge>
                  {u.disabledAt && (
                    <span className="inline-block rounded-full bg-red-100 px-2 py-0.5 text-xs font-semibold text-red-800 dark:bg-red-950 dark:text-red-200">
                      disabled
                    </span>
                  )}
                </p>
                <p className="mt-0.5 truncate text-sm text-stone-600 dark:text-stone-400">{u.email}</p>
                <p className="mt-0.5 text-xs text-stone-500 dark:text-stone-500">
                  @{u.handle} · joined {dateFormat.format(u.createdAt)}
                </p>
              </div>
              <UserControls user={{ id: u.id, name: u.name, role: u.role, disabled: !!u.disabledAt }} isSelf={u.id === admin.id} />
            </li>
          ))}
        </ul>
      )}

      {pages > 1 && (
        <nav aria-label="Pages" className="mt-6 flex justify-between text-sm">
          {page > 1 ? <Link className={buttonClass('secondary')} href={pageHref(page - 1)}>Previous</Link> : <span />}
          {page < pages ? <Link className={buttonClass('secondary')} href={pageHref(page + 1)}>Next</Link> : <span />}
        </nav>
      )}
    </>
  );
}
