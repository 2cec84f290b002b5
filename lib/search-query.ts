/**
 * Turning what a reader typed into a safe FTS5 query, and search snippets into marked-up pieces.
 * Pure functions, shared by db/search.ts (server) and the search page; no database here.
 */

/** Longest input looked at; the rest of a 10,000-character paste is ignored. */
export const MAX_QUERY_LENGTH = 200;
/** More words than this add nothing but cost. */
const MAX_TERMS = 12;
/** Longer "words" are pasted hashes or URLs; cut them. */
const MAX_TERM_LENGTH = 40;

/**
 * Snippet markers: private-use characters that never come out of the tokenizer's word pattern,
 * so they cannot be confused with text. `highlight()`/`snippet()` wrap matches in them, and
 * {@link splitHighlights} turns them into `<mark>` pieces after everything else is plain text.
 */
export const MARK_OPEN = '\uE000';
export const MARK_CLOSE = '\uE001';
export const ELLIPSIS = '…';

/** The words of a query: runs of letters, digits and combining marks (what unicode61 indexes). */
export function queryTerms(input: unknown): string[] {
  if (typeof input !== 'string') return [];
  const text = input.slice(0, MAX_QUERY_LENGTH).normalize('NFKC');
  const words = text.match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];
  return words.slice(0, MAX_TERMS).map((w) => w.slice(0, MAX_TERM_LENGTH));
}

/**
 * An FTS5 MATCH expression that cannot be a syntax error: every word becomes a quoted string (so
 * `AND`, `NEAR`, `-`, `*`, `^`, `:` and parentheses are just text) followed by `*` for prefix
 * matching, and the words are ANDed. Null when nothing searchable is left (only emoji or
 * punctuation, say): the caller shows "nothing found" without asking the database.
 */
export function toFtsQuery(input: unknown): string | null {
  const terms = queryTerms(input);
  if (terms.length === 0) return null;
  // Quotes cannot occur in a term (letters and digits only); doubled anyway, as FTS5 escapes them.
  return terms.map((t) => `"${t.replaceAll('"', '""')}"*`).join(' ');
}

/**
 * Snippets of post bodies come from their markdown: drop the syntax a reader should not see
 * (images, link targets, emphasis markers, headings, HTML tags) while keeping the match markers.
 */
export function cleanMarkdownSnippet(snippet: string): string {
  return (
    snippet
      // ![alt](src) → alt; [text](href) → text. Markers inside the target go with it.
      .replace(/!?\[([^\]\n]*)\]\([^)\n]*\)?/g, '$1')
      // A link target cut by the snippet's start: "…com/page) and" → "… and".
      .replace(/^([^\s(]*)\)/, '')
      // Reference definitions and bare angle-bracket links.
      .replace(/<https?:[^>\s]*>/g, ' ')
      // HTML tags and comments (whole or cut at either end).
      .replace(/<!--[\s\S]*?(?:-->|$)/g, ' ')
      .replace(/<\/?[a-zA-Z][^>\n]*(?:>|$)/g, ' ')
      // Headings, quotes, list bullets and table pipes at line starts; fences.
      .replace(/^[ \t]*(?:#{1,6}|>|[-*+]|\d+\.)[ \t]+/gm, '')
      .replace(/`{3,}[^\n]*/g, ' ')
      // Rules and comment dashes standing alone ("---", "-- a SQL comment").
      .replace(/(^|\s)(?:-{2,}|={3,}|\*{3,})(?=\s|$)/g, '$1')
      .replace(/\|/g, ' ')
      // Emphasis and code markers.
      .replace(/(\*\*|__|\*|_|~~|`)/g, (m, _g, offset: number, s: string) =>
        // Keep an underscore inside a word (snake_case).
        m === '_' && /\w/.test(s[offset - 1] ?? '') && /\w/.test(s[offset + 1] ?? '') ? m : '',
      )
      .replace(/\s+/g, ' ')
      .trim()
  );
}

export type HighlightPiece = { text: string; mark: boolean };

/**
 * Splits marked text into plain and marked pieces, for rendering as React text and `<mark>`
 * elements (React escapes the text: no HTML is ever built from user content). Stray or unbalanced
 * markers, even ones an author typed into a post, only ever toggle marking.
 */
export function splitHighlights(text: string): HighlightPiece[] {
  const pieces: HighlightPiece[] = [];
  let mark = false;
  for (const part of text.split(/([\uE000\uE001])/)) {
    if (part === MARK_OPEN) mark = true;
    else if (part === MARK_CLOSE) mark = false;
    else if (part) {
      const last = pieces.at(-1);
      if (last && last.mark === mark) last.text += part;
      else pieces.push({ text: part, mark });
    }
  }
  return pieces;
}

/** True when a snippet contains a match (otherwise it is just the start of the column). */
export function hasHighlight(text: string): boolean {
  return text.includes(MARK_OPEN);
}
