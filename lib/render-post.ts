import path from 'node:path';
import { dataDir } from '@/lib/env';
import { publicImageSizeResolver, renderMarkdown } from '@/lib/markdown';

export const uploadsDir = path.join(dataDir, 'uploads');

const resolveImageSize = publicImageSizeResolver(path.join(process.cwd(), 'public'), uploadsDir);

/** The stored, reader-ready columns of a post, rendered once when it is written. */
export function renderPostColumns(markdown: string) {
  const r = renderMarkdown(markdown, { resolveImageSize });
  return {
    bodyHtml: r.html,
    excerptHtml: r.excerptHtml,
    summary: r.summary,
    tocJson: JSON.stringify(r.toc),
    readingMinutes: r.readingMinutes,
  };
}

/** A talk note in a recap: same pipeline, no table of contents. */
export function renderNote(markdown: string): string {
  return renderMarkdown(markdown, { resolveImageSize }).html;
}
