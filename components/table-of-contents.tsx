type Entry = { depth: 2 | 3; id: string; text: string };

export function TableOfContents({ toc, hasTalks }: { toc: Entry[]; hasTalks: boolean }) {
  return (
    <nav aria-labelledby="toc-heading" className="mb-8 rounded-xl border border-stone-200 bg-stone-50 p-5 text-sm dark:border-stone-800 dark:bg-stone-900">
      <h2 id="toc-heading" className="mb-2 font-semibold text-stone-900 dark:text-white">On this page</h2>
      <ol className="space-y-1">
        {toc.map((e) => (
          <li key={e.id} className={e.depth === 3 ? 'pl-4' : ''}>
            <a href={`#${e.id}`} className="text-stone-700 hover:text-accent-700 hover:underline dark:text-stone-300 dark:hover:text-accent-400">{e.text}</a>
          </li>
        ))}
        {hasTalks && (
          <li>
            <a href="#talks-covered" className="text-stone-700 hover:text-accent-700 hover:underline dark:text-stone-300 dark:hover:text-accent-400">Talks in this recap</a>
          </li>
        )}
      </ol>
    </nav>
  );
}
