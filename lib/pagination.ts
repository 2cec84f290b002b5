/** A page number to link, or a gap between two of them. */
export type PageSlot = number | 'gap';

/**
 * The page numbers a pagination bar shows: the first, the last, and `around` on each side of the
 * current one, with a gap where numbers are left out; so the bar stays the same size however many
 * pages there are. A gap never stands for a single page: that page is shown instead.
 */
export function pageWindow(page: number, pageCount: number, around = 2): PageSlot[] {
  const shown = new Set<number>([1, pageCount]);
  for (let n = page - around; n <= page + around; n++) if (n >= 1 && n <= pageCount) shown.add(n);
  const sorted = [...shown].sort((a, b) => a - b);
  const slots: PageSlot[] = [];
  sorted.forEach((n, i) => {
    const previous = sorted[i - 1];
    if (previous !== undefined && n - previous === 2) slots.push(previous + 1);
    else if (previous !== undefined && n - previous > 2) slots.push('gap');
    slots.push(n);
  });
  return slots;
}

/** The page number of a `/…/page/[n]` segment: a positive integer written plainly, else null. */
export function pageNumber(segment: string): number | null {
  const page = Number(segment);
  return Number.isInteger(page) && page >= 1 && String(page) === segment ? page : null;
}
