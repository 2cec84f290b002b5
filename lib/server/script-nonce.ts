/**
 * Adds `nonce="…"` to every `<script` and `<link` tag of an HTML stream, so a Content-Security-Policy
 * with that nonce lets exactly the page's own scripts run (a `<link rel="preload" as="script">`
 * needs it too under 'strict-dynamic'; on other links it is ignored). Works on bytes as latin1 (one char per byte, so
 * no UTF-8 sequence is ever split or altered), and holds back the end of each chunk that could be
 * the start of a tag cut in two by the chunk boundary.
 */
const TAG = /<(?:script|link)(?=[\s>/])/gi;
const NAMES = ['<script', '<link'];
// The longest name and the character after it decide a match.
const HOLD_BACK = '<script'.length;
const mayBeginTag = (tail: string) => NAMES.some((name) => name.startsWith(tail.toLowerCase()));

export function createScriptNonceRewriter(nonce: string) {
  const attribute = ` nonce="${nonce}"`;
  let pending = '';
  return {
    /** The rewritten bytes that are safe to send now. */
    push(chunk: Buffer): Buffer {
      const text = pending + chunk.toString('latin1');
      // Keep the tail back only if it could begin a tag: a prefix of one of the names.
      const lt = text.lastIndexOf('<');
      const cut = lt >= 0 && text.length - lt <= HOLD_BACK && mayBeginTag(text.slice(lt)) ? lt : text.length;
      pending = text.slice(cut);
      return Buffer.from(text.slice(0, cut).replace(TAG, (tag) => tag + attribute), 'latin1');
    },
    /** What was held back, at the end of the stream. */
    flush(): Buffer {
      const rest = pending;
      pending = '';
      return Buffer.from(rest, 'latin1');
    },
  };
}
