import Link from 'next/link';
import type { PostSummary } from '@/db/queries';
import { PostMeta } from './post-meta';

export function PostCard({ post }: { post: PostSummary }) {
  return (
    <article className="post-card" aria-labelledby={`post-${post.id}`}>
      <h2 id={`post-${post.id}`} className="post-card-title">
        <Link href={`/posts/${post.slug}`}>
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
      <p className="mt-4 flex flex-wrap items-baseline gap-x-5 gap-y-1">
        <Link
          href={`/posts/${post.slug}`}
          className="font-semibold text-accent-700 hover:underline dark:text-accent-400"
          aria-label={`Continue reading: ${post.title}`}
        >
          Continue reading <span aria-hidden="true">→</span>
        </Link>
        {post.commentsEnabled && post.commentCount > 0 && (
          <Link href={`/posts/${post.slug}#comments`} className="text-sm text-stone-600 hover:underline dark:text-stone-400" aria-label={`${commentCountLabel(post.commentCount)} on ${post.title}`}>
            <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="mr-1 inline size-4 -translate-y-px">
              <path fillRule="evenodd" d="M10 2c-4.4 0-8 2.9-8 6.5 0 1.8.9 3.4 2.4 4.6-.2 1.2-.8 2.3-1.7 3.2a.5.5 0 0 0 .4.8c1.8-.1 3.4-.8 4.6-1.8.7.2 1.5.2 2.3.2 4.4 0 8-2.9 8-6.5S14.4 2 10 2Z" clipRule="evenodd" />
            </svg>
            {commentCountLabel(post.commentCount)}
          </Link>
        )}
      </p>
    </article>
  );
}

const commentCountLabel = (n: number) => `${n} ${n === 1 ? 'comment' : 'comments'}`;
