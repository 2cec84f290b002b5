import { describe, expect, it } from 'vitest';
import { createScriptNonceRewriter } from './script-nonce';

function rewrite(chunks: string[], nonce = 'abc') {
  const rewriter = createScriptNonceRewriter(nonce);
  const out = chunks.map((c) => rewriter.push(Buffer.from(c, 'utf8')));
  out.push(rewriter.flush());
  return Buffer.concat(out).toString('utf8');
}

describe('createScriptNonceRewriter', () => {
  it('adds the nonce to every script tag, inline or not', () => {
    expect(rewrite(['<head><script src="/a.js" async></script><script>self.x=1</script><SCRIPT id="t">1</SCRIPT></head>'])).toBe(
      '<head><script nonce="abc" src="/a.js" async></script><script nonce="abc">self.x=1</script><SCRIPT nonce="abc" id="t">1</SCRIPT></head>',
    );
  });

  it('adds it to script preloads too', () => {
    expect(rewrite(['<link rel="preload" as="script" href="/c.js"/><linked>'])).toBe('<link nonce="abc" rel="preload" as="script" href="/c.js"/><linked>');
  });

  it('finds a tag cut in two at any point by the chunk boundary', () => {
    const html = '<p>a</p><link rel="preload"><script>run()</script><p>é</p>';
    for (let i = 1; i < html.length; i++) {
      expect(rewrite([html.slice(0, i), html.slice(i)])).toBe('<p>a</p><link nonce="abc" rel="preload"><script nonce="abc">run()</script><p>é</p>');
    }
  });

  it('leaves look-alikes and text alone, and keeps multi-byte characters whole across chunks', () => {
    const bytes = Buffer.from('<scripts>日本語 <scrip', 'utf8');
    const rewriter = createScriptNonceRewriter('n');
    const out = Buffer.concat([rewriter.push(bytes.subarray(0, 11)), rewriter.push(bytes.subarray(11)), rewriter.flush()]);
    expect(out.toString('utf8')).toBe('<scripts>日本語 <scrip');
  });
});
