/**
 * Work of unbounded cost (the markdown parser is super-linear on some inputs) runs on a worker
 * thread, one job at a time, each within a time budget: a job over budget gets `null` and its
 * worker is stopped, so it costs a thread that can be ended, never the server's event loop.
 * The import reader (lib/jekyll/read.ts) and the post renderer (lib/render-off-thread.ts) both
 * run through this. A worker script answers each message with one message, and sends one message
 * when it has loaded its code.
 */
import type { Worker } from 'node:worker_threads';

/** Enough for the slowest honest job of the largest allowed size on a busy machine, and no more. */
export const budgetForSize = (bytes: number) => 2_000 + Math.ceil(bytes / 1024) * 40;

/** How long a new worker may take to load its code, whatever the job. */
const START_BUDGET_MS = 60_000;

/** A worker that has loaded its code (its first message), so that time counts against no job. */
async function started(spawn: () => Worker): Promise<Worker> {
  const worker = spawn();
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new Error('The worker did not start.'));
    }, START_BUDGET_MS);
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

export type BudgetedWorker<In, Out> = {
  /** The worker's answer, or null when it took longer than `budgetMs` (the worker is then replaced). */
  run(message: In, budgetMs: number): Promise<Out | null>;
  stop(): Promise<void>;
};

export function budgetedWorker<In, Out>(spawn: () => Worker): BudgetedWorker<In, Out> {
  let worker: Promise<Worker> | null = null;
  // Jobs wait their turn: a worker answers one message at a time, in order.
  let queue: Promise<unknown> = Promise.resolve();

  const drop = async (w: Worker) => {
    worker = null;
    await w.terminate();
  };

  const once = async (message: In, budgetMs: number): Promise<Out | null> => {
    const pending = (worker ??= started(spawn));
    let current: Worker;
    try {
      current = await pending;
    } catch (error) {
      worker = null;
      throw error;
    }
    return new Promise<Out | null>((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        current.off('message', onMessage);
        current.off('error', onError);
      };
      const timer = setTimeout(() => {
        done();
        void drop(current).then(() => resolve(null));
      }, budgetMs);
      const onMessage = (out: Out) => {
        done();
        resolve(out);
      };
      const onError = (error: Error) => {
        done();
        void drop(current).then(() => reject(error));
      };
      current.on('message', onMessage);
      current.on('error', onError);
      current.postMessage(message);
    });
  };

  return {
    run(message, budgetMs) {
      const job = queue.then(() => once(message, budgetMs));
      queue = job.catch(() => {});
      return job;
    },
    async stop() {
      await queue;
      const w = worker;
      worker = null;
      if (w) await (await w.catch(() => null))?.terminate();
    },
  };
}
