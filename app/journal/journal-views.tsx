import Link from 'next/link';

/**
 * The two ways to read the journal (links, so each view has its address) and the years it can be
 * reviewed by.
 */
export function JournalViews({ diary, byConferenceHref, diaryHref, years }: { diary: boolean; byConferenceHref: string; diaryHref: string; years: string[] }) {
  const tab = (current: boolean) =>
    `rounded-md px-3 py-1.5 text-sm font-medium ${current ? 'bg-white text-stone-900 shadow-sm dark:bg-stone-700 dark:text-white' : 'text-stone-600 hover:text-stone-900 dark:text-stone-400 dark:hover:text-white'}`;
  return (
    <div className="mt-6 flex flex-wrap items-center justify-between gap-3">
      <nav aria-label="Read the journal" className="inline-flex gap-1 rounded-lg bg-stone-100 p-1 dark:bg-stone-800">
        <Link href={byConferenceHref} aria-current={diary ? undefined : 'page'} className={tab(!diary)}>
          By conference
        </Link>
        <Link href={diaryHref} aria-current={diary ? 'page' : undefined} className={tab(diary)}>
          Diary
        </Link>
      </nav>
      {years.length > 0 && (
        <nav aria-label="Year in review" className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
          <span className="text-stone-500 dark:text-stone-400">Year in review:</span>
          {years.map((y) => (
            <Link key={y} href={`/journal/${y}`} className="font-medium text-accent-700 hover:underline dark:text-accent-400">
              {y}
            </Link>
          ))}
        </nav>
      )}
    </div>
  );
}
