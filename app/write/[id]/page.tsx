import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Editor } from '@/components/editor/editor';
import { getConferenceOptions, getTalkOptionsByConference } from '@/db/conferences';
import { getCategoryNames, getPostForEditor, getPostPreview, getPostRevision, getWorkingCopy } from '@/db/posts';
import { hasRole, requireUser } from '@/lib/auth/current-user';
import { env } from '@/lib/env';

export const metadata: Metadata = { title: 'Edit recap', robots: { index: false } };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const revisionLabel = (ms: number) =>
  `${new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' }).format(ms)} UTC`;

/** The recap editor. Another author's post is a 404, exactly like a post that does not exist. */
export default async function EditRecapPage({ params, searchParams }: Props) {
  const { id: raw } = await params;
  const user = await requireUser(`/write/${raw}`, 'author');
  const id = Number(raw);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const access = { userId: user.id, isAdmin: hasRole(user, 'admin') };
  const post = getPostForEditor({ id, ...access });
  if (!post) notFound();
  const preview = getPostPreview({ id, ...access });
  // Changes to a published post kept from an earlier visit (any browser): the editor continues them.
  const workingCopy = getWorkingCopy({ id, ...access });
  const editedConferenceId = workingCopy ? workingCopy.doc.conferenceId : post.conferenceId;

  // After "Restore" on the revisions page: a draft already has the text (say so); a published
  // post gets it loaded as unsaved changes, live only once the author clicks Update.
  const { restored } = await searchParams;
  const revisionId = Number(typeof restored === 'string' ? restored : NaN);
  const revision = Number.isInteger(revisionId) && revisionId > 0 ? getPostRevision({ id, revisionId, ...access }) : null;
  const loadedRevision =
    revision && post.status === 'published' ? { id: revision.id, title: revision.title, body: revision.bodyMarkdown, label: revisionLabel(revision.createdAt) } : null;
  const notice =
    revision && post.status !== 'published'
      ? `Restored the revision from ${revisionLabel(revision.createdAt)}. The text it replaced was kept as a revision.`
      : null;

  return (
    <Editor
      key={`${post.id}-${revision?.id ?? ''}`}
      post={{
        id: post.id,
        title: post.title,
        slug: post.slug,
        body: post.bodyMarkdown,
        bodyHtml: preview?.bodyHtml ?? '',
        status: post.status === 'published' ? 'published' : 'draft',
        state: post.state === 'deleted' ? 'draft' : post.state,
        publishedAt: post.publishedAt,
        utcOffsetMinutes: post.utcOffsetMinutes,
        commentsEnabled: post.commentsEnabled,
        conferenceId: post.conferenceId,
        categories: post.categories,
        talks: post.talks,
        version: post.version,
        savedAt: Math.max(post.updatedAt, workingCopy?.updatedAt ?? 0),
        revisionCount: post.revisionCount,
        authorName: post.authorName,
        isOwn: post.authorId === user.id,
      }}
      conferences={getConferenceOptions()}
      talkOptions={editedConferenceId ? getTalkOptionsByConference({ conferenceId: editedConferenceId }) : []}
      categoryNames={getCategoryNames()}
      siteHost={new URL(env.SITE_URL).host}
      loadedRevision={loadedRevision}
      workingCopy={workingCopy && { doc: workingCopy.doc, baseVersion: workingCopy.baseVersion }}
      notice={notice}
    />
  );
}
