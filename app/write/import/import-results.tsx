import Link from 'next/link';
import { Warnings } from './file-review';
import type { ImportFileResult } from './types';

const LABEL: Record<ImportFileResult['status'], string> = {
  imported: 'Imported',
  updated: 'Updated',
  restored: 'Restored',
  skipped: 'Left deleted',
  failed: 'Failed',
};

/** What an import did, file by file, with the way to the post and its conference. */
export function ImportResults({ results }: { results: ImportFileResult[] }) {
  return (
    <section aria-labelledby="results-heading" className="space-y-3">
      <h2 id="results-heading" className="text-xl font-semibold text-stone-900 dark:text-white">
        Import results
      </h2>
      <ul className="space-y-3">
        {results.map((r, i) => (
          <li key={i} className="rounded-xl border border-stone-200 p-4 dark:border-stone-800">
            <p className="font-medium text-stone-900 dark:text-white">
              {LABEL[r.status]}: {r.title ?? r.name}
            </p>
            {r.error && <p className="text-sm text-red-800 dark:text-red-300">{r.error}</p>}
            {r.status !== 'failed' && r.status !== 'skipped' && !r.url && <p className="text-sm text-stone-600 dark:text-stone-400">Saved as a draft.</p>}
            {r.status !== 'failed' && r.status !== 'skipped' && (
              <p className="text-sm text-stone-600 dark:text-stone-400">
                {r.conference && (
                  <>
                    <Link href={`/conferences/${r.conference.slug}`} className="font-medium text-accent-700 underline dark:text-accent-400">
                      {r.conference.name}
                    </Link>
                    {r.conference.created && ' (new conference)'} · {r.talks.matched + r.talks.created} talks, {r.talks.created} new
                    {r.url && ' · '}
                  </>
                )}
                {r.url && (
                  <Link href={r.url} className="font-medium text-accent-700 underline dark:text-accent-400">
                    View the post
                  </Link>
                )}
              </p>
            )}
            <Warnings warnings={r.warnings} />
          </li>
        ))}
      </ul>
    </section>
  );
}
