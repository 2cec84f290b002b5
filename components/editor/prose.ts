/** The reader's post typography (app/posts/[slug]/page.tsx), shared by the previews. */
export const PROSE_CLASSES =
  'prose prose-stone max-w-none dark:prose-invert prose-a:text-accent-700 dark:prose-a:text-accent-400 prose-pre:bg-stone-100 prose-pre:text-stone-800 dark:prose-pre:bg-stone-900 dark:prose-pre:text-stone-200';
