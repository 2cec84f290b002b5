/**
 * Reads the image zip of a web import as a stream: each entry is inflated in small steps and
 * stopped as soon as it outgrows the size its header declares or the size allowed, so an entry
 * that claims one byte and inflates to a gigabyte costs microseconds, not the server's time. The
 * event loop gets a turn between steps.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Unzip, UnzipInflate } from 'fflate';

export class ZipRefused extends Error {}

export type ZipLimits = {
  /** Which entries to read at all (by path inside the zip). */
  accept: (name: string) => boolean;
  maxEntryBytes: number;
  maxTotalBytes: number;
};

/** Compressed bytes pushed per step: at most about a megabyte of output each (deflate's ratio is ~1:1000). */
const STEP = 1024;
/** Steps between two turns of the event loop. */
const STEPS_PER_TURN = 32;

const mb = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

/** Every zip ends with an end-of-central-directory record (within its last 64 KB). */
function hasEndRecord(bytes: Uint8Array): boolean {
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) return true;
  }
  return false;
}

export async function readZip(bytes: Uint8Array, limits: ZipLimits): Promise<Map<string, Uint8Array>> {
  if (!hasEndRecord(bytes)) throw new ZipRefused('This is not a zip file we can read.');
  const files = new Map<string, Uint8Array>();
  let total = 0;
  let refusal: string | null = null;
  const refuse = (reason: string) => {
    refusal ??= reason;
  };

  const unzip = new Unzip((entry) => {
    if (refusal || !limits.accept(entry.name)) return; // never started: never inflated
    // Archives written as a stream declare no size: the allowed size is then the only limit.
    const declared = entry.originalSize ?? null;
    if (declared !== null && declared > limits.maxEntryBytes) return refuse(`${entry.name} is larger than ${mb(limits.maxEntryBytes)}.`);
    const chunks: Uint8Array[] = [];
    let size = 0;
    entry.ondata = (error, chunk, final) => {
      if (refusal) return;
      if (error) return refuse(`${entry.name} is damaged.`);
      size += chunk.length;
      total += chunk.length;
      if (declared !== null && size > declared) {
        entry.terminate();
        return refuse(`${entry.name} holds more than its header says (${declared} bytes): the archive is damaged or made to mislead.`);
      }
      if (size > limits.maxEntryBytes) {
        entry.terminate();
        return refuse(`${entry.name} is larger than ${mb(limits.maxEntryBytes)}.`);
      }
      if (total > limits.maxTotalBytes) {
        entry.terminate();
        return refuse(`The images add up to more than ${mb(limits.maxTotalBytes)}.`);
      }
      chunks.push(chunk);
      if (final) files.set(entry.name, concat(chunks, size));
    };
    entry.start();
  });
  unzip.register(UnzipInflate);

  try {
    for (let at = 0, step = 0; at < bytes.length && !refusal; at += STEP, step++) {
      unzip.push(bytes.subarray(at, at + STEP), at + STEP >= bytes.length);
      if (step % STEPS_PER_TURN === STEPS_PER_TURN - 1) await nextTurn();
    }
  } catch {
    throw new ZipRefused('This is not a zip file we can read.');
  }
  if (refusal) throw new ZipRefused(refusal);
  return files;
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
