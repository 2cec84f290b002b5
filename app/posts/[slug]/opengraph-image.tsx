import { ImageResponse } from 'next/og';
import { getPostBySlug } from '@/db/queries';
import { formatPostDate } from '@/lib/dates';
import { drawableText } from '@/lib/og-text';
import { slugParam } from '@/lib/slug';

/**
 * The social image of a recap: its title, conference and date, drawn with next/og's bundled font
 * only (no network fonts: see lib/og-text.ts). Cached like the page it belongs to.
 */

export const revalidate = 60;
export function generateStaticParams() {
  return [];
}

export const alt = 'Recap on Hallway';
export const size = { width: 1200, height: 630 };
export const contentType = 'image/png';

type Props = { params: Promise<{ slug: string }> };

export default async function Image({ params }: Props) {
  const slug = slugParam((await params).slug);
  const post = getPostBySlug({ slug });
  if (!post) return new Response('Not found', { status: 404 });
  const title = drawableText(post.title) || 'A conference recap';
  const conference = post.conferenceName ? drawableText(post.conferenceName, 60) : '';
  const byline = drawableText(
    `${formatPostDate(post.publishedAt, post.utcOffsetMinutes)} · ${post.authorName ?? 'A former member'}`,
    80,
  );
  const titleSize = title.length > 90 ? 52 : title.length > 50 ? 64 : 76;

  return new ImageResponse(
    (
      <div
        style={{
          width: '100%',
          height: '100%',
          display: 'flex',
          flexDirection: 'column',
          justifyContent: 'space-between',
          padding: '64px 72px',
          background: '#0c0a09',
          color: '#fafaf9',
          borderTop: '16px solid #c2410c',
        }}
      >
        <div style={{ display: 'flex', alignItems: 'center', gap: 20, fontSize: 34, color: '#e7e5e4' }}>
          <svg width="56" height="56" viewBox="0 0 64 64">
            <rect width="64" height="64" rx="14" fill="#c2410c" />
            <path d="M18 14v36M46 14v36M18 32h28" stroke="#fff" strokeWidth="7" strokeLinecap="round" />
          </svg>
          Hallway
        </div>
        <div style={{ display: 'flex', flexDirection: 'column', gap: 24 }}>
          {conference && (
            <div style={{ fontSize: 30, color: '#fb923c', textTransform: 'uppercase', letterSpacing: 2 }}>{conference}</div>
          )}
          <div style={{ fontSize: titleSize, lineHeight: 1.1, color: '#ffffff' }}>{title}</div>
        </div>
        <div style={{ display: 'flex', fontSize: 30, color: '#a8a29e' }}>{byline}</div>
      </div>
    ),
    { ...size },
  );
}
