import Link from 'next/link';
import type { PostSummary } from '@/db/queries';
import { PostMeta } from './post-meta';

export function PostCard({ post }: { post: PostSummary }) {
  return (
    <article className="border-b border-stone-200 py-8 first:pt-0 last:border-0 dark:border-stone-800" aria-labelledby={`post-${post.id}`}>
      <h2 id={`post-${post.id}`} className="text-2xl font-bold tracking-tight text-stone-900 dark:text-white">
        <Link href={`/posts/${post.slug}`} className="hover:text-accent-700 dark:hover:text-accent-400">
          {post.title}
        </Link>
      </h2>
      <div className="mt-2">
        <PostMeta {...post} />
      </div>
      {post.conferenceSlug && (
        <p className="mt-2 text-sm">
          <Link href={`/conferences/${post.conferenceSlug}`} className="font-medium text-accent-700 hover:underline dark:text-accent-400">
            {post.conferenceName}
          </Link>
        </p>
      )}
      <div
        className="prose prose-stone mt-4 max-w-none dark:prose-invert"
        dangerouslySetInnerHTML={{ __html: post.excerptHtml }}
      />
      <p className="mt-4">
        <Link
          href={`/posts/${post.slug}`}
          className="font-semibold text-accent-700 hover:underline dark:text-accent-400"
          aria-label={`Continue reading: ${post.title}`}
        >
          Continue reading <span aria-hidden="true">→</span>
        </Link>
      </p>
    </article>
  );
}
