/**
 * What an uploaded file really is, read from its first bytes: the name and the browser's claimed
 * type are only hints a person (or a script) chose. Only the four formats every browser renders
 * are accepted; SVG is refused on purpose (it can carry scripts).
 */
export const IMAGE_TYPES = {
  png: 'image/png',
  jpg: 'image/jpeg',
  webp: 'image/webp',
  gif: 'image/gif',
} as const;

export type ImageExtension = keyof typeof IMAGE_TYPES;
export type SniffedImage = { ext: ImageExtension; mimeType: (typeof IMAGE_TYPES)[ImageExtension] };

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const GIF87 = ascii('GIF87a');
const GIF89 = ascii('GIF89a');
const RIFF = ascii('RIFF');
const WEBP = ascii('WEBP');

/** The image type of these bytes, or null for anything else (an .exe renamed .png, an SVG, text…). */
export function sniffImageType(bytes: Uint8Array): SniffedImage | null {
  const found = (ext: ImageExtension): SniffedImage => ({ ext, mimeType: IMAGE_TYPES[ext] });
  if (startsWith(bytes, PNG)) return found('png');
  if (startsWith(bytes, JPEG)) return found('jpg');
  if (startsWith(bytes, GIF87) || startsWith(bytes, GIF89)) return found('gif');
  if (startsWith(bytes, RIFF) && startsWith(bytes, WEBP, 8)) return found('webp');
  return null;
}

/** Names the upload route serves: a SHA-256 of the content and the sniffed extension. */
export const UPLOAD_NAME = /^[a-f0-9]{64}\.(png|jpg|webp|gif)$/;

export function mimeTypeForUploadName(name: string): string | null {
  const m = UPLOAD_NAME.exec(name);
  return m ? IMAGE_TYPES[m[1] as ImageExtension] : null;
}

/** "12.3 MB" */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
