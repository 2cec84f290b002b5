/** Where a recap stands, in words and colour (the colour is never the only signal). */
export function StatusBadge({ state }: { state: 'draft' | 'scheduled' | 'published' }) {
  const styles = {
    draft: 'bg-stone-100 text-stone-700 ring-stone-300 dark:bg-stone-800 dark:text-stone-300 dark:ring-stone-700',
    scheduled: 'bg-sky-50 text-sky-800 ring-sky-200 dark:bg-sky-950 dark:text-sky-200 dark:ring-sky-900',
    published: 'bg-emerald-50 text-emerald-800 ring-emerald-200 dark:bg-emerald-950 dark:text-emerald-200 dark:ring-emerald-900',
  } as const;
  const labels = { draft: 'Draft', scheduled: 'Scheduled', published: 'Published' } as const;
  return (
    <span className={`inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ring-inset ${styles[state]}`}>
      <span aria-hidden="true" className={`size-1.5 rounded-full ${state === 'draft' ? 'bg-stone-400' : state === 'scheduled' ? 'bg-sky-500' : 'bg-emerald-500'}`} />
      {labels[state]}
    </span>
  );
}
