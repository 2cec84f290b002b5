/**
 * A visible "Subscribe" link to a feed, so readers can follow a list in their feed reader (the
 * page head names the same feed for readers that discover it). A plain anchor: it is a file.
 */
export function FeedLink({ href, label }: { href: string; label: string }) {
  return (
    <a
      href={href}
      className="inline-flex items-center gap-1.5 rounded-md text-sm font-medium text-accent-700 hover:underline dark:text-accent-400"
    >
      <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4" fill="currentColor">
        <path d="M2 2.75A.75.75 0 0 1 2.75 2C9.51 2 14 6.49 14 13.25a.75.75 0 0 1-1.5 0C12.5 7.32 8.68 3.5 2.75 3.5A.75.75 0 0 1 2 2.75Zm0 4.5a.75.75 0 0 1 .75-.75c3.73 0 6.75 3.02 6.75 6.75a.75.75 0 0 1-1.5 0A5.25 5.25 0 0 0 2.75 8 .75.75 0 0 1 2 7.25ZM3.5 14a1.5 1.5 0 1 1 0-3 1.5 1.5 0 0 1 0 3Z" />
      </svg>
      {label}
    </a>
  );
}
