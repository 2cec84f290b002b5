import type { DiffRow } from '@/lib/text-diff';

/** A diff as lines with +/− gutters; changed words inside a line are marked too. Screen readers hear "added"/"removed". */
export function TextDiff({ rows, label }: { rows: DiffRow[]; label: string }) {
  if (rows.length === 0) return <p className="text-sm text-stone-500">Both texts are empty.</p>;
  return (
    <div role="group" aria-label={label} className="overflow-hidden rounded-lg border border-stone-200 font-mono text-[13px] leading-6 dark:border-stone-800">
      {rows.map((row, i) => {
        if (row.kind === 'fold') {
          return (
            <div key={i} className="bg-stone-50 px-3 py-1 text-center font-sans text-xs text-stone-500 dark:bg-stone-900 dark:text-stone-400">
              {row.count} unchanged line{row.count === 1 ? '' : 's'}
            </div>
          );
        }
        const tone =
          row.kind === 'add'
            ? 'bg-emerald-50 text-emerald-950 dark:bg-emerald-950/50 dark:text-emerald-50'
            : row.kind === 'del'
              ? 'bg-red-50 text-red-950 dark:bg-red-950/50 dark:text-red-50'
              : 'text-stone-700 dark:text-stone-300';
        const mark = row.kind === 'add' ? 'bg-emerald-200 dark:bg-emerald-800' : 'bg-red-200 dark:bg-red-800';
        const Tag = row.kind === 'add' ? 'ins' : row.kind === 'del' ? 'del' : 'span';
        return (
          <div key={i} className={`flex ${tone}`}>
            <span aria-hidden="true" className="hidden w-10 shrink-0 select-none pr-2 text-right text-stone-400 sm:inline dark:text-stone-600">
              {row.oldNo ?? ''}
            </span>
            <span aria-hidden="true" className="hidden w-10 shrink-0 select-none pr-2 text-right text-stone-400 sm:inline dark:text-stone-600">
              {row.newNo ?? ''}
            </span>
            <span aria-hidden="true" className="w-5 shrink-0 select-none text-center">
              {row.kind === 'add' ? '+' : row.kind === 'del' ? '−' : ''}
            </span>
            <Tag className="min-w-0 flex-1 whitespace-pre-wrap break-words pr-4 no-underline">
              {row.kind !== 'same' && <span className="sr-only">{row.kind === 'add' ? 'Added: ' : 'Removed: '}</span>}
              {row.parts.length === 0 ? '\u00a0' : row.parts.map((p, j) => (p.changed && row.kind !== 'same' ? <mark key={j} className={`rounded-sm ${mark} text-inherit`}>{p.text}</mark> : <span key={j}>{p.text}</span>))}
            </Tag>
          </div>
        );
      })}
    </div>
  );
}
