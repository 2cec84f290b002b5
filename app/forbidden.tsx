import Link from 'next/link';

/** Rendered by `forbidden()`, with status 403: signed in, but without the role the page needs. */
export default function Forbidden() {
  return (
    <div className="mx-auto max-w-xl py-16 text-center">
      <p className="text-sm font-semibold uppercase tracking-wide text-accent-700 dark:text-accent-400">403</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight text-stone-900 dark:text-white">You don’t have access</h1>
      <p className="mt-4 text-stone-600 dark:text-stone-400">
        Your account cannot open this page. If you think it should, ask an administrator to change your role.
      </p>
      <p className="mt-8 flex justify-center gap-4">
        <Link href="/" className="rounded-md bg-accent-700 px-4 py-2 font-semibold text-white hover:bg-accent-800">Latest recaps</Link>
        <Link href="/account" className="rounded-md px-4 py-2 font-semibold hover:bg-stone-100 dark:hover:bg-stone-800">Your account</Link>
      </p>
    </div>
  );
}
