/**
 * Where the importer finds the images a post references (`/images/posts/a.png`): a blog's
 * `source/` folder (CLI `--source`) or the files of an uploaded zip (web). Reading only.
 */
import fs from 'node:fs';
import path from 'node:path';

/** The bytes of an image the post references, or null. */
export type ImageSource = (src: string) => Uint8Array | null;

function relativePath(src: string): string {
  let rel = src.split(/[?#]/)[0];
  try {
    rel = decodeURIComponent(rel);
  } catch {}
  return rel.replace(/^\/+/, '').replace(/^(?:\.\.?\/)+/, '');
}

/** Reads from a folder, never outside it. */
export function folderImageSource(dir: string): ImageSource {
  const root = path.resolve(dir);
  return (src) => {
    try {
      const file = path.resolve(/*turbopackIgnore: true*/ root, relativePath(src));
      if (!file.startsWith(root + path.sep) || !fs.statSync(file).isFile()) return null;
      return fs.readFileSync(file);
    } catch {
      return null;
    }
  };
}

/** Over files from a zip: `/images/a.png` finds `images/a.png` or `source/images/a.png`, wherever the zip's root was. */
export function mapImageSource(files: Map<string, Uint8Array>): ImageSource {
  return (src) => {
    const rel = relativePath(src);
    if (!rel) return null;
    const exact = files.get(rel);
    if (exact) return exact;
    for (const [name, bytes] of files) if (name.endsWith(`/${rel}`)) return bytes;
    return null;
  };
}
