import type { Metadata } from 'next';
import { getConferences } from '@/db/queries';
import { requireUser } from '@/lib/auth/current-user';
import { ImportForm } from './import-form';

export const metadata: Metadata = { title: 'Import from Jekyll', robots: { index: false } };

export default async function ImportPage() {
  const user = await requireUser('/write/import', 'author');
  const conferences = getConferences().map(({ slug, name }) => ({ slug, name }));
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-3xl font-bold tracking-tight text-stone-900 dark:text-white">Import from Jekyll or Octopress</h1>
      <p className="mt-2 text-stone-600 dark:text-stone-400">
        Bring your old conference recaps in, however you wrote them: talks as headings, bold lines, list items or HTML. Each
        post keeps its date, categories and excerpt; the talks it describes become the conference&rsquo;s days and talks,
        linked to the ones Hallway already has, so readers can rate them. You review every talk before anything is saved.
      </p>
      <div className="mt-8">
        <ImportForm conferences={conferences} />
      </div>
      <section aria-labelledby="export-heading" className="mt-12 border-t border-stone-200 pt-6 dark:border-stone-800">
        <h2 id="export-heading" className="text-xl font-semibold text-stone-900 dark:text-white">Export</h2>
        <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">
          {user.role === 'admin' ? 'Every recap in Hallway' : 'All your recaps'}, as Jekyll markdown with front matter and the
          images they show, in one zip that this page can import again.
        </p>
        <a href="/write/export" download className="mt-3 inline-block font-medium text-accent-700 underline dark:text-accent-400">
          Download the export (zip)
        </a>
      </section>
    </div>
  );
}
