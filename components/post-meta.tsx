import Link from 'next/link';
import { formatPostDate, toIsoWithOffset } from '@/lib/dates';

type Props = {
  publishedAt: number;
  utcOffsetMinutes: number;
  authorName: string | null;
  /** Links the name to the author's page; left out where that page may not exist yet (a draft's preview). */
  authorHandle?: string | null;
  categories: { slug: string; name: string }[];
  readingMinutes?: number;
};

/** Date as the author wrote it, author, categories. */
export function PostMeta({ publishedAt, utcOffsetMinutes, authorName, authorHandle, categories, readingMinutes }: Props) {
  return (
    <div className="post-meta">
      <time dateTime={toIsoWithOffset(publishedAt, utcOffsetMinutes)}>
        {formatPostDate(publishedAt, utcOffsetMinutes)}
      </time>
      <span aria-hidden="true">·</span>
      {authorName && authorHandle ? (
        <Link href={`/authors/${authorHandle}`} rel="author" className="hover:text-accent-700 hover:underline dark:hover:text-accent-400">
          {authorName}
        </Link>
      ) : (
        <span>{authorName ?? 'A former member'}</span>
      )}
      {readingMinutes ? (
        <>
          <span aria-hidden="true">·</span>
          <span>{readingMinutes} min read</span>
        </>
      ) : null}
      {categories.length > 0 && (
        <ul className="flex flex-wrap gap-1.5" aria-label="Categories">
          {categories.map((c) => (
            <li key={c.slug}>
              <Link href={`/categories/${c.slug}`} className="category-pill">
                {c.name}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
