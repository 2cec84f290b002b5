import { port } from './e2e-data';
import { expect, signIn, test } from './fixtures';

/**
 * A journal reached at an address other than SITE_URL writes links to the wrong place (feeds,
 * canonical links, calendars): its admin is told so, with both addresses, and is not told when
 * the addresses agree.
 */
test('an admin who reaches Hallway at another address than SITE_URL is told where its links point', async ({ browser }) => {
  const elsewhere = await browser.newContext({ baseURL: `http://127.0.0.1:${port}` });
  const page = await elsewhere.newPage();
  await signIn(page, 'admin');
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/admin\/users$/);
  const warning = page.getByRole('alert').filter({ hasText: 'site address' });
  await expect(warning).toContainText(`This page was reached at 127.0.0.1:${port}, but the site address is set to http://localhost:${port}.`);
  await expect(warning).toContainText('set SITE_URL to that address');
  await page.goto('/admin/comments');
  await expect(page.getByRole('alert').filter({ hasText: 'site address' })).toBeVisible();
  await elsewhere.close();
});

test('at the configured address the admin pages carry no such warning', async ({ page }) => {
  await signIn(page, 'admin');
  await page.goto('/admin/users');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'site address' })).toHaveCount(0);
});
