/**
 * Rendering for requests (the editor's preview, saves, restores): the same pipeline as
 * `renderPostColumns`, on a worker thread within a time budget, so one post of unbounded cost
 * holds up nobody else's request. The worker stays up between renders; one over budget is
 * stopped and the next render starts a fresh one.
 */
import { Worker } from 'node:worker_threads';
import { budgetedWorker, budgetForSize } from './budgeted-worker';
import type { RenderAnswer } from './render-worker';
import type { renderPostColumns } from './render-post';

export type PostColumns = ReturnType<typeof renderPostColumns>;
export type OffThreadRender = { ok: true; columns: PostColumns } | { ok: false; message: string };

export const NOT_RENDERED =
  'This text could not be rendered: its markdown is unusually complex (thousands of nested brackets, quotes or lists?). Nothing was lost: simplify it and try again.';

let renderer: ReturnType<typeof budgetedWorker<string, RenderAnswer>> | null = null;

export async function renderPostOffThread(markdown: string): Promise<OffThreadRender> {
  renderer ??= budgetedWorker<string, RenderAnswer>(() => new Worker(new URL('./render-worker.ts', import.meta.url)));
  const answer = await renderer.run(markdown, budgetForSize(Buffer.byteLength(markdown)));
  return answer?.ok ? answer : { ok: false, message: NOT_RENDERED };
}
