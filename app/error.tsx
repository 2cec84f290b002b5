'use client';

import Link from 'next/link';

/** Shown instead of a stack trace when a page fails; the digest lets the server log be found. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto max-w-xl py-16 text-center" role="alert">
      <h1 className="text-3xl font-bold tracking-tight text-stone-900 dark:text-white">Something went wrong</h1>
      <p className="mt-4 text-stone-600 dark:text-stone-400">
        This page could not be shown. Try again in a moment.
        {error.digest && <span className="mt-2 block text-sm">Reference: <code>{error.digest}</code></span>}
      </p>
      <p className="mt-8 flex justify-center gap-4">
        <button type="button" onClick={reset} className="rounded-md bg-accent-700 px-4 py-2 font-semibold text-white hover:bg-accent-800">Try again</button>
        <Link href="/" className="rounded-md px-4 py-2 font-semibold hover:bg-stone-100 dark:hover:bg-stone-800">Home</Link>
      </p>
    </div>
  );
}
