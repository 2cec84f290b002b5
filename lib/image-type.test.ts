import { describe, expect, it } from 'vitest';
import { mimeTypeForUploadName, sniffImageType } from './image-type';

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe('upload type sniffing', () => {
  it('recognises PNG, JPEG, GIF and WebP from their first bytes', () => {
    expect(sniffImageType(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))).toEqual({ ext: 'png', mimeType: 'image/png' });
    expect(sniffImageType(bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16]))).toEqual({ ext: 'jpg', mimeType: 'image/jpeg' });
    expect(sniffImageType(bytes('GIF89a', [1, 0, 1, 0]))).toEqual({ ext: 'gif', mimeType: 'image/gif' });
    expect(sniffImageType(bytes('GIF87a', [1, 0, 1, 0]))).toEqual({ ext: 'gif', mimeType: 'image/gif' });
    expect(sniffImageType(bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '))).toEqual({ ext: 'webp', mimeType: 'image/webp' });
  });

  it('refuses a Windows executable renamed .png: the name is never consulted', () => {
    expect(sniffImageType(bytes('MZ', [0x90, 0, 3, 0, 0, 0, 4, 0]))).toBeNull();
  });

  it('refuses SVG (scripts), HTML, other RIFF files, truncated headers and empty files', () => {
    expect(sniffImageType(bytes('<svg xmlns="http://www.w3.org/2000/svg"></svg>'))).toBeNull();
    expect(sniffImageType(bytes('<!doctype html><script>alert(1)</script>'))).toBeNull();
    expect(sniffImageType(bytes('RIFF', [0x24, 0, 0, 0], 'WAVEfmt '))).toBeNull();
    expect(sniffImageType(bytes([0x89, 0x50, 0x4e]))).toBeNull();
    expect(sniffImageType(new Uint8Array())).toBeNull();
  });

  it('serves only content-hash names with a known extension', () => {
    const hash = 'a'.repeat(64);
    expect(mimeTypeForUploadName(`${hash}.png`)).toBe('image/png');
    expect(mimeTypeForUploadName(`${hash}.jpg`)).toBe('image/jpeg');
    expect(mimeTypeForUploadName(`${hash}.svg`)).toBeNull();
    expect(mimeTypeForUploadName(`../${hash}.png`)).toBeNull();
    expect(mimeTypeForUploadName('evil.png')).toBeNull();
  });
});
