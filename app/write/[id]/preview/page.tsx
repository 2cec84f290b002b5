import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PostMeta } from '@/components/post-meta';
import { RecapTalks } from '@/components/recap-talks';
import { TableOfContents } from '@/components/table-of-contents';
import { PROSE_CLASSES } from '@/components/editor/prose';
import { StatusBadge } from '@/components/write/status-badge';
import { getPostPreview } from '@/db/posts';
import { hasRole, requireUser } from '@/lib/auth/current-user';

export const metadata: Metadata = { title: 'Preview', robots: { index: false, follow: false } };

type Props = { params: Promise<{ id: string }> };

/**
 * The recap as its page will look, for its author (or an admin) only: drafts and scheduled posts
 * included, from the HTML rendered at the last save. Never cached, never indexed.
 */
export default async function PreviewRecapPage({ params }: Props) {
  const { id: raw } = await params;
  const user = await requireUser(`/write/${raw}/preview`, 'author');
  const id = Number(raw);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const post = getPostPreview({ id, userId: user.id, isAdmin: hasRole(user, 'admin') });
  if (!post) notFound();
  const state = post.state === 'deleted' ? 'draft' : post.state;

  return (
    <>
      <div className="mb-8 flex flex-wrap items-center justify-between gap-3 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
        <p className="flex flex-wrap items-center gap-2">
          <StatusBadge state={state} />
          <span>
            Preview: this is how readers will see the recap{state === 'draft' ? ' once it is published' : state === 'scheduled' ? ' when it goes out' : ''}. Only you can open this page.
          </span>
        </p>
        <Link href={`/write/${post.id}`} className="font-semibold underline">
          Back to the editor
        </Link>
      </div>
      <article className="mx-auto max-w-3xl">
        <header className="mb-8">
          {post.conferenceName && (
            <p className="mb-2 text-sm font-semibold uppercase tracking-wide text-accent-700 dark:text-accent-400">{post.conferenceName}</p>
          )}
          <h1 className="text-3xl font-bold tracking-tight text-balance text-stone-900 sm:text-4xl dark:text-white">{post.title || 'Untitled draft'}</h1>
          <div className="mt-3">
            <PostMeta
              publishedAt={post.publishedAt ?? post.updatedAt}
              utcOffsetMinutes={post.utcOffsetMinutes}
              authorName={post.authorName}
              categories={post.categories}
              readingMinutes={post.readingMinutes}
            />
          </div>
        </header>
        {post.toc.length >= 3 && <TableOfContents toc={post.toc} hasTalks={post.talks.length > 0} />}
        <div className={PROSE_CLASSES} dangerouslySetInnerHTML={{ __html: post.bodyHtml }} />
        {post.talks.length > 0 && <RecapTalks talks={post.talks} />}
      </article>
    </>
  );
}
