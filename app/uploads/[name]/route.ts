import fs from 'node:fs/promises';
import path from 'node:path';
import { mimeTypeForUploadName } from '@/lib/image-type';
import { uploadsDir } from '@/lib/render-post';

/**
 * Uploaded images, from the data folder. Names are content hashes (see uploadImageAction), so a
 * name's bytes never change: cached for a year, immutable. The type comes from the extension the
 * upload action chose after sniffing the bytes; `nosniff` stops a browser from guessing otherwise.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ name: string }> }) {
  const { name } = await params;
  const mimeType = mimeTypeForUploadName(name);
  if (!mimeType) return notFound();
  let body: Buffer;
  try {
    body = await fs.readFile(path.join(uploadsDir, name));
  } catch {
    return notFound();
  }
  return new Response(new Uint8Array(body), {
    headers: {
      'Content-Type': mimeType,
      'Content-Length': String(body.byteLength),
      'Cache-Control': 'public, max-age=31536000, immutable',
      'X-Content-Type-Options': 'nosniff',
      // An image, never a document: nothing in it may run or frame anything.
      'Content-Security-Policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
    },
  });
}

function notFound() {
  return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
}
