/**
 * Reads uploaded posts on a worker thread, each within a time budget that grows with its size
 * (lib/budgeted-worker.ts). The web import calls this (a request must not hold the event loop for
 * seconds); the CLI parses in its own process and needs no worker.
 */
import { Worker } from 'node:worker_threads';
import { budgetedWorker, budgetForSize } from '@/lib/budgeted-worker';
import type { ParseOptions } from './parse';
import type { ParseResult } from './types';

export type UploadedPost = { file: string; bytes: Uint8Array };

/** One result per file, in order; a file over its budget is refused and its worker replaced. */
export async function readPostsOffThread(files: UploadedPost[], options: ParseOptions): Promise<ParseResult[]> {
  const reader = budgetedWorker<{ file: string; bytes: Uint8Array; options: ParseOptions }, ParseResult>(
    () => new Worker(new URL('./parse-worker.ts', import.meta.url)),
  );
  const results: ParseResult[] = [];
  try {
    for (const { file, bytes } of files) {
      const budget = budgetForSize(bytes.byteLength);
      const result = await reader.run({ file, bytes, options }, budget);
      results.push(
        result ?? { ok: false, file, error: `${file}: reading it took longer than ${Math.round(budget / 1000)} seconds, so it was stopped. Its markdown is unusually complex (thousands of nested brackets, quotes or lists?).`, warnings: [] },
      );
    }
  } finally {
    await reader.stop();
  }
  return results;
}
