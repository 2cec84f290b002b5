import { expect, test } from './fixtures';

/**
 * The Content-Security-Policy: each HTML response has a nonce of its own, cached pages included,
 * and the scripts the page needs carry it. Every browser test also fails on any CSP violation
 * (fixtures.ts), so the rest of the suite checks the pages themselves; these check what that
 * cannot: the header, the nonces, and that the theme script, embeds and client navigation run.
 */

const RECAP = '/posts/qcon-london-2018'; // a demo recap with a SlideShare embed and code

function nonceOf(policy: string | undefined): string {
  const nonce = /script-src 'nonce-([A-Za-z0-9+/=]+)' 'strict-dynamic'/.exec(policy ?? '')?.[1];
  expect(nonce, `script-src with a nonce in: ${policy}`).toBeTruthy();
  return nonce!;
}

test('every HTML response has a new nonce, and every script and script preload of the page carries it', async ({ request }) => {
  const nonces: string[] = [];
  for (const path of [RECAP, RECAP, '/', '/conferences']) {
    const response = await request.get(path, { headers: { Accept: 'text/html' } });
    expect(response.status(), path).toBe(200);
    const headers = response.headers();
    const nonce = nonceOf(headers['content-security-policy']);
    expect(headers['content-security-policy']).toContain("object-src 'none'");
    expect(headers['content-security-policy']).toContain("base-uri 'none'");
    expect(headers['content-security-policy']).not.toContain('unsafe-eval');
    // The test server runs on http: no HSTS there.
    expect(headers['strict-transport-security']).toBeUndefined();
    const html = await response.text();
    const tags = [...(html.match(/<script\b[^>]*>/gi) ?? []), ...(html.match(/<link\b[^>]*as="script"[^>]*>/gi) ?? [])];
    expect(tags.length, path).toBeGreaterThan(0);
    expect(tags.filter((tag) => !tag.includes(` nonce="${nonce}"`)), path).toEqual([]);
    nonces.push(nonce);
  }
  expect(new Set(nonces).size).toBe(nonces.length);
});

test('under the policy the theme switch, embeds and client navigation work', async ({ page }) => {
  await page.goto(RECAP);
  await expect(page.locator('iframe[src^="https://www.slideshare.net/slideshow/embed_code/"]')).toBeAttached();

  const html = page.locator('html');
  await page.getByRole('button', { name: 'Dark mode' }).click();
  await expect(html).toHaveClass(/\bdark\b/);
  // next-themes' inline script (it needs the nonce) sets the class again before the page paints.
  await page.reload();
  await expect(html).toHaveClass(/\bdark\b/);
  await expect(page.getByRole('button', { name: 'Dark mode' })).toHaveAttribute('aria-pressed', 'true');

  // A client-side navigation loads route chunks that the nonce'd runtime adds ('strict-dynamic').
  await page.getByRole('banner').getByRole('link', { name: 'Conferences' }).click();
  await expect(page).toHaveURL(/\/conferences$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});
