import { expect, test } from './fixtures';

/** Requests at the edges: addresses a client mangles on purpose. */

test('a malformed percent-encoding in a path is a 400, not a server error', async ({ request }) => {
  for (const path of ['/posts/%E0%A4%A', '/conferences/%zz', '/speakers/abc%', '/categories/%C3%28/feed.xml', '/conferences/x/talks/%FF']) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(400);
    expect(await response.text(), path).toContain('Bad Request');
  }
});
