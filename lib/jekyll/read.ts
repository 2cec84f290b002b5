/**
 * Reads uploaded posts on a worker thread, each within a time budget that grows with its size.
 * The web import calls this (a request must not hold the event loop for seconds); the CLI parses
 * in its own process and needs no worker.
 */
import { Worker } from 'node:worker_threads';
import type { ParseOptions } from './parse';
import type { ParseResult } from './types';

/** Enough for the slowest honest post of the largest allowed size on a busy machine, and no more. */
export const parseBudgetMs = (bytes: number) => 2_000 + Math.ceil(bytes / 1024) * 40;

export type UploadedPost = { file: string; bytes: Uint8Array };

/** How long a new worker may take to load the parser, whatever the post. */
const START_BUDGET_MS = 60_000;

/** A worker that has loaded the parser (its "ready" message), so that time counts against no post. */
async function startWorker(): Promise<Worker> {
  const worker = new Worker(new URL('./parse-worker.ts', import.meta.url));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('The import reader did not start.')), START_BUDGET_MS);
    worker.once('message', () => {
      clearTimeout(timer);
      resolve();
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
  return worker;
}

/** One result per file, in order; a file over its budget is refused and its worker replaced. */
export async function readPostsOffThread(files: UploadedPost[], options: ParseOptions): Promise<ParseResult[]> {
  const results: ParseResult[] = [];
  let worker: Worker | null = null;
  try {
    for (const { file, bytes } of files) {
      worker ??= await startWorker();
      const current = worker;
      const budget = parseBudgetMs(bytes.byteLength);
      const result = await new Promise<ParseResult | null>((resolve, reject) => {
        const timer = setTimeout(() => resolve(null), budget);
        const done = () => {
          clearTimeout(timer);
          current.off('message', onMessage);
          current.off('error', onError);
        };
        const onMessage = (r: ParseResult) => {
          done();
          resolve(r);
        };
        const onError = (error: Error) => {
          done();
          reject(error);
        };
        current.on('message', onMessage);
        current.on('error', onError);
        current.postMessage({ file, bytes, options });
      });
      if (result) results.push(result);
      else {
        await worker.terminate();
        worker = null;
        results.push({ ok: false, file, error: `${file}: reading it took longer than ${Math.round(budget / 1000)} seconds, so it was stopped. Its markdown is unusually complex (thousands of nested brackets, quotes or lists?).`, warnings: [] });
      }
    }
  } finally {
    await worker?.terminate();
  }
  return results;
}
