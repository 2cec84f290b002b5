import type { Metadata } from 'next';
import Link from 'next/link';
import { WriteNav } from '@/components/write/write-nav';
import { getConferences } from '@/db/queries';
import { requireUser } from '@/lib/auth/current-user';
import { ScheduleImportForm } from './import-form';

export const metadata: Metadata = { title: 'Import a programme', robots: { index: false } };

/** Bring a published conference programme in: check what it holds, then import it in one step. */
export default async function ImportProgrammePage() {
  await requireUser('/write/conferences/import', 'author');
  const conferences = getConferences().map(({ slug, name }) => ({ slug, name }));
  return (
    <>
      <WriteNav current="conferences" />
      <div className="mx-auto max-w-3xl">
        <p className="text-sm font-semibold uppercase tracking-wide text-accent-700 dark:text-accent-400">
          <Link href="/write/conferences" className="hover:underline">
            Conferences
          </Link>
        </p>
        <h1 className="mt-1 text-3xl font-bold tracking-tight text-stone-900 dark:text-white">Import a programme</h1>
        <p className="mt-2 text-stone-600 dark:text-stone-400">
          Most conferences publish their schedule as a file: the frab or pretalx <code>schedule.xml</code> or <code>schedule.json</code>, a Sessionize
          export, or a calendar (<code>.ics</code>). Give the file or its address, check what Hallway found, then import: days, rooms, tracks,
          talks and speakers in one go. Importing a newer version later updates the programme in place and keeps every rating.
        </p>
        <div className="mt-8">
          <ScheduleImportForm conferences={conferences} zones={Intl.supportedValuesOf('timeZone')} />
        </div>
      </div>
    </>
  );
}
