/**
 * The worker side of `readPostsOffThread` (read.ts): parses posts it is sent, one at a time.
 * Kept separate so that a post which takes the markdown parser unbounded time (some inputs are
 * quadratic in it) costs a thread that can be stopped, never the server's event loop.
 */
import { parentPort } from 'node:worker_threads';
import { parsePost, type ParseOptions } from './parse';

parentPort!.on('message', (message: { file: string; bytes: Uint8Array; options: ParseOptions }) => {
  parentPort!.postMessage(parsePost(message.file, message.bytes, message.options));
});
// Loading the markdown pipeline takes a while on a busy machine: the budgets start after it.
parentPort!.postMessage({ ready: true });
