import { diffTexts } from './text-diff';

/**
 * What the revisions page shows for a recap: a label for each kept version, and which two texts
 * the selected one is compared with. Pure, so the page's choices can be tested without a server.
 */
export type RevisionLabel = 'published' | 'updated' | 'restored';
type Text = { title: string; bodyMarkdown: string };
type Revision = Text & { id: number };

/**
 * Derived from the texts alone (newest first in, same order out): the oldest version is the one
 * first published; a version equal to an earlier, non-adjacent one brought that text back;
 * every other one is an update.
 */
export function labelRevisions(revisions: Text[]): RevisionLabel[] {
  return revisions.map((r, i) => {
    if (i === revisions.length - 1) return 'published';
    const same = (o: Text) => o.title === r.title && o.bodyMarkdown === r.bodyMarkdown;
    return revisions.slice(i + 2).some(same) ? 'restored' : 'updated';
  });
}

export type Comparison = 'current' | 'previous';

/**
 * The selected revision and the diff to show. "previous" is kept while moving through the list,
 * but the oldest revision has nothing before it: it is then compared with the current text
 * instead of with an empty one (which showed every line as added).
 */
export function compareRevision<R extends Revision>(
  revisions: R[],
  current: Text,
  request: { rev?: string; against?: string },
) {
  const found = revisions.findIndex((r) => String(r.id) === request.rev);
  const index = Math.max(0, found);
  const selected = revisions[index];
  if (!selected) return null;
  const previous = revisions[index + 1];
  const against: Comparison = request.against === 'previous' && previous ? 'previous' : 'current';
  // Both read as "what changed going forward": previous → this one, or this one → current text.
  const [from, to] = against === 'previous' ? [previous, selected] : [selected, current];
  return {
    index,
    selected,
    against,
    hasPrevious: !!previous,
    from,
    to,
    titleChanged: from.title !== to.title,
    diff: diffTexts(from.bodyMarkdown, to.bodyMarkdown),
  };
}
