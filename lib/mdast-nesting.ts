import type { Parent, Root, RootContent } from 'mdast';

/**
 * How many quotes, lists, emphases and links may sit inside one another. The markdown parser
 * itself reads any depth, but every later step (to HTML, the sanitizer, the serializer) recurses
 * once per level, so 2,000 nested `>` overflow the stack. Nobody quotes 32 levels deep on purpose.
 */
export const NESTING_LIMIT = 32;

const NESTING = new Set<RootContent['type']>(['blockquote', 'list', 'emphasis', 'strong', 'delete', 'link', 'linkReference']);

/** What takes a node's place when it is one level too deep: its content, one level up. */
function contentOf(node: RootContent & Parent): RootContent[] {
  // A list's items hold flow content, which is what the list's own parent accepts.
  return node.type === 'list' ? node.children.flatMap((item) => item.children) : (node.children as RootContent[]);
}

/**
 * Unwraps nesting beyond `NESTING_LIMIT` in place, keeping every word. Iterative: the trees it is
 * there for are too deep to walk recursively.
 */
export function capNesting<T extends Root>(tree: T, limit = NESTING_LIMIT): T {
  const parents: { node: Parent; depth: number }[] = [{ node: tree, depth: 0 }];
  while (parents.length) {
    const { node, depth } = parents.pop()!;
    const kept: RootContent[] = [];
    const pending = [...(node.children as RootContent[])].reverse();
    while (pending.length) {
      const child = pending.pop()!;
      if (!('children' in child)) {
        kept.push(child);
        continue;
      }
      const nests = NESTING.has(child.type);
      if (nests && depth >= limit) {
        const inner = contentOf(child);
        for (let i = inner.length - 1; i >= 0; i--) pending.push(inner[i]);
        continue;
      }
      kept.push(child);
      parents.push({ node: child, depth: depth + (nests ? 1 : 0) });
    }
    node.children = kept as Parent['children'];
  }
  return tree;
}

/** The same as a unified plugin, for processors run in one go. */
export function remarkCapNesting() {
  return (tree: Root) => {
    capNesting(tree);
  };
}
