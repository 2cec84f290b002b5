import { splitHighlights } from '@/lib/search-query';

/**
 * Text with search matches in `<mark>`. The text arrives with private-use markers around matches
 * (db/search.ts) and leaves as React text nodes: whatever a post or a query contains is escaped by
 * React, never parsed as HTML.
 */
export function HighlightedText({ text }: { text: string }) {
  return (
    <>
      {splitHighlights(text).map((piece, i) =>
        piece.mark ? (
          <mark key={i} className="rounded-sm bg-accent-100 px-0.5 text-inherit dark:bg-accent-900/70 dark:text-accent-50">
            {piece.text}
          </mark>
        ) : (
          piece.text
        ),
      )}
    </>
  );
}
