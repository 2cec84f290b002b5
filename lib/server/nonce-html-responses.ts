import type http from 'node:http';
import zlib from 'node:zlib';
import { contentSecurityPolicy, createNonce } from './security-headers';
import { createScriptNonceRewriter } from './script-nonce';
import { takeWriteHeadHeaders } from './write-head';

/**
 * Makes an HTML response carry a Content-Security-Policy with a nonce of its own, and that nonce
 * on each of its `<script>` tags, however Next produces the page (rendered now, or from the route
 * cache, which must stay shared by every reader). Other responses pass untouched.
 *
 * Hooks `res` the way compression middleware does: the decision is taken when the headers go
 * out, and the body is rewritten as it is written. Next would gzip the page before the rewrite
 * could read it, so for requests that accept HTML it is asked for plain bytes, and the rewritten
 * page is gzipped here.
 */
export function nonceHtmlResponses(req: http.IncomingMessage, res: http.ServerResponse): void {
  if (!String(req.headers.accept ?? '').includes('text/html')) return;
  const gzipAccepted = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  delete req.headers['accept-encoding'];
  // A 304 would keep the browser's copy, whose scripts carry an older nonce than the new policy.
  delete req.headers['if-none-match'];
  delete req.headers['if-modified-since'];

  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => http.ServerResponse;
  const write = res.write.bind(res) as (chunk: unknown, ...rest: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => http.ServerResponse;

  let rewriter: ReturnType<typeof createScriptNonceRewriter> | null = null;
  let gzip: zlib.Gzip | null = null;
  let decided = false;
  const decide = () => {
    if (decided) return;
    decided = true;
    if (!String(res.getHeader('content-type') ?? '').startsWith('text/html')) return;
    const nonce = createNonce();
    rewriter = createScriptNonceRewriter(nonce);
    res.setHeader('Content-Security-Policy', contentSecurityPolicy(nonce));
    // The body grows by the nonces, and differs per response.
    res.removeHeader('content-length');
    res.removeHeader('etag');
    if (!/\baccept-encoding\b/i.test(String(res.getHeader('vary') ?? ''))) res.appendHeader('Vary', 'Accept-Encoding');
    if (gzipAccepted && req.method !== 'HEAD') {
      res.setHeader('Content-Encoding', 'gzip');
      gzip = zlib.createGzip();
      gzip.on('data', (data: Buffer) => write(data));
      gzip.on('end', () => end());
    }
  };

  /** Sends rewritten bytes, through gzip when the client takes it (flushed, so streaming still streams). */
  const send = (data: Buffer, last: boolean, callback?: () => void): boolean | http.ServerResponse => {
    if (!gzip) return last ? end(data, callback) : write(data, callback);
    gzip.write(data);
    if (last) gzip.end(callback);
    else gzip.flush(zlib.constants.Z_SYNC_FLUSH, callback);
    return last ? res : true;
  };

  res.writeHead = ((statusCode: number, ...rest: unknown[]) => {
    // Headers handed to writeHead itself must be seen before deciding.
    const message = takeWriteHeadHeaders(res, rest);
    decide();
    return message === undefined ? writeHead(statusCode) : writeHead(statusCode, message);
  }) as typeof res.writeHead;

  const bytes = (chunk: unknown, encoding: unknown): Buffer =>
    Buffer.isBuffer(chunk) ? chunk : typeof chunk === 'string' ? Buffer.from(chunk, (encoding as BufferEncoding) || 'utf8') : Buffer.from(chunk as Uint8Array);
  const callbackIn = (args: unknown[]) => args.find((a): a is () => void => typeof a === 'function');

  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    decide();
    if (!rewriter) return write(chunk, ...rest);
    return send(rewriter.push(bytes(chunk, rest[0])), false, callbackIn(rest)) as boolean;
  }) as typeof res.write;

  res.end = ((...args: unknown[]) => {
    decide();
    if (!rewriter) return end(...args);
    const chunk = typeof args[0] === 'function' ? undefined : args[0];
    const body = chunk === undefined || chunk === null ? Buffer.alloc(0) : rewriter.push(bytes(chunk, args[1]));
    return send(Buffer.concat([body, rewriter.flush()]), true, callbackIn(args)) as http.ServerResponse;
  }) as typeof res.end;
}
