import Link from 'next/link';

export default function NotFound() {
  return (
    <div className="mx-auto max-w-xl py-16 text-center">
      <p className="text-sm font-semibold uppercase tracking-wide text-accent-700 dark:text-accent-400">404</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight text-stone-900 dark:text-white">Page not found</h1>
      <p className="mt-4 text-stone-600 dark:text-stone-400">
        There is nothing at this address. The recap may have moved, or the link may be mistyped.
      </p>
      <p className="mt-8 flex justify-center gap-4">
        <Link href="/" className="rounded-md bg-accent-700 px-4 py-2 font-semibold text-white hover:bg-accent-800">Latest recaps</Link>
        <Link href="/conferences" className="rounded-md px-4 py-2 font-semibold hover:bg-stone-100 dark:hover:bg-stone-800">Conferences</Link>
      </p>
    </div>
  );
}
