/**
 * The worker side of `renderPostOffThread` (render-off-thread.ts): renders the posts it is sent,
 * one at a time. A render that throws (markup nested too deep for the HTML tools) answers with
 * its failure instead of ending the thread.
 */
import { parentPort } from 'node:worker_threads';
import { renderPostColumns } from './render-post';

export type RenderAnswer = { ok: true; columns: ReturnType<typeof renderPostColumns> } | { ok: false };

parentPort!.on('message', (markdown: string) => {
  let answer: RenderAnswer;
  try {
    answer = { ok: true, columns: renderPostColumns(markdown) };
  } catch {
    answer = { ok: false };
  }
  parentPort!.postMessage(answer);
});
// Loading the markdown pipeline takes a while on a busy machine: the budgets start after it.
parentPort!.postMessage({ ready: true });
