import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readZip, ZipRefused } from './zip';

const limits = { accept: (name: string) => name.endsWith('.png'), maxEntryBytes: 1024 * 1024, maxTotalBytes: 3 * 1024 * 1024 };

/** A zip whose first entry's headers claim `claimed` bytes (what a zip bomb does). */
function lyingZip(real: number, claimed: number): Uint8Array {
  const zip = zipSync({ 'a.png': new Uint8Array(real) }, { level: 9 });
  const view = new DataView(zip.buffer);
  view.setUint32(22, claimed, true); // local file header: uncompressed size
  for (let i = zip.length - 22; i >= 0; i--) {
    if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, claimed, true); // central directory
  }
  return zip;
}

describe('reading an image zip', () => {
  it('reads the entries asked for, and skips the others without inflating them', async () => {
    const files = await readZip(zipSync({ 'images/a.png': new Uint8Array([1, 2, 3]), 'notes.txt': new Uint8Array(10) }), limits);
    expect([...files.keys()]).toEqual(['images/a.png']);
    expect([...files.get('images/a.png')!]).toEqual([1, 2, 3]);
  });

  it('stops an entry at the size its header declares', async () => {
    await expect(readZip(lyingZip(512 * 1024, 1), limits)).rejects.toThrow(/holds more than its header says \(1 bytes\)/);
  });

  it('stops at the allowed size per entry and in total, and refuses what is no zip', async () => {
    await expect(readZip(zipSync({ 'a.png': new Uint8Array(2 * 1024 * 1024) }), limits)).rejects.toThrow(/larger than 1 MB/);
    await expect(readZip(lyingZip(2 * 1024 * 1024, 1024 * 1024 - 1), limits)).rejects.toThrow(ZipRefused);
    const many = Object.fromEntries(Array.from({ length: 4 }, (_, i) => [`${i}.png`, new Uint8Array(900 * 1024)]));
    await expect(readZip(zipSync(many), limits)).rejects.toThrow(/add up to more than 3 MB/);
    await expect(readZip(new TextEncoder().encode('PK\u0003\u0004 not really'), limits)).rejects.toThrow(ZipRefused);
  });
});
