import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, permanentRedirect } from 'next/navigation';
import { CommentSection } from '@/components/comments/comment-section';
import { JsonLd } from '@/components/json-ld';
import { PostMeta } from '@/components/post-meta';
import { RecapTalks } from '@/components/recap-talks';
import { TableOfContents } from '@/components/table-of-contents';
import { getThreadByPost } from '@/db/comments';
import { getCurrentSlugByOldSlug, getPostBySlug } from '@/db/queries';
import { toIsoWithOffset } from '@/lib/dates';
import { pageMetadata, truncate } from '@/lib/seo';
import { blogPostingJsonLd } from '@/lib/structured-data';
import { slugParam } from '@/lib/slug';

export const revalidate = 60;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const slug = slugParam((await params).slug);
  const post = getPostBySlug({ slug });
  if (!post) return {};
  const description = truncate(post.summary || post.title);
  // The social image comes from ./opengraph-image.tsx; Next adds og:image and twitter:image.
  return pageMetadata({
    title: post.title,
    description,
    path: `/posts/${post.slug}`,
    largeImage: true,
    openGraph: {
      type: 'article',
      publishedTime: toIsoWithOffset(post.publishedAt, post.utcOffsetMinutes),
      modifiedTime: toIsoWithOffset(Math.max(post.updatedAt, post.publishedAt), post.utcOffsetMinutes),
      authors: [post.authorName ?? 'A former member'],
      ...(post.conferenceName && { section: post.conferenceName }),
      tags: post.categories.map((c) => c.name),
    },
  });
}

export default async function PostPage({ params }: Props) {
  const slug = slugParam((await params).slug);
  const post = getPostBySlug({ slug });
  if (!post) {
    const current = getCurrentSlugByOldSlug({ slug });
    if (current) permanentRedirect(`/posts/${current}`);
    notFound();
  }
  // Long posts get a table of contents beside the text.
  const showToc = post.toc.length >= 3;
  const thread = getThreadByPost({ postId: post.id });
  return (
    <article className="mx-auto max-w-3xl">
      <JsonLd data={blogPostingJsonLd(post)} />
      <header className="mb-8">
        {post.conferenceSlug && (
          <p className="mb-2 text-sm font-semibold uppercase tracking-wide text-accent-700 dark:text-accent-400">
            <Link href={`/conferences/${post.conferenceSlug}`} className="hover:underline">{post.conferenceName}</Link>
          </p>
        )}
        <h1 className="text-3xl font-bold tracking-tight text-balance text-stone-900 sm:text-4xl dark:text-white">{post.title}</h1>
        <div className="mt-3">
          <PostMeta {...post} />
        </div>
      </header>
      {showToc && <TableOfContents toc={post.toc} hasTalks={post.talks.length > 0} />}
      <div
        className="prose prose-stone max-w-none dark:prose-invert prose-a:text-accent-700 dark:prose-a:text-accent-400 prose-pre:bg-stone-100 prose-pre:text-stone-800 dark:prose-pre:bg-stone-900 dark:prose-pre:text-stone-200"
        dangerouslySetInnerHTML={{ __html: post.bodyHtml }}
      />
      {post.talks.length > 0 && <RecapTalks talks={post.talks} />}
      <CommentSection postId={post.id} enabled={post.commentsEnabled} locked={post.commentsLocked} comments={thread.comments} count={thread.count} />
    </article>
  );
}
