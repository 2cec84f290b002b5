import crypto from 'node:crypto';
import type { Page } from '@playwright/test';
import { anonymous, eventuallyShows, RecapEditor } from './authoring';
import { postAction, query } from './e2e-data';
import { expect, pageFor, signIn, test } from './fixtures';

/**
 * Changes to a published recap are kept on the server as a working copy that autosaves like a
 * draft: readers see the published text until "Update", the copy survives leaving the editor (and
 * comes back in another browser), "Discard changes" returns to the published text, and leaving
 * while something typed has reached no server asks first.
 */

const nonce = () => crypto.randomBytes(3).toString('hex');
const EDITING_A_COPY = 'Editing a copy: readers see the published version until you update.';

test.beforeEach(({}, testInfo) => testInfo.setTimeout(Math.max(testInfo.timeout, 180_000)));

function copySaved(page: Page) {
  return page.getByRole('status').filter({ hasText: /^Copy saved at \d{2}:\d{2}$/ });
}

/** Ada publishes a recap and opens it again in the editor; returns its id and slug. */
async function publishedRecap(page: Page, title: string) {
  await signIn(page, 'ada', '/write');
  const editor = new RecapEditor(page);
  const slug = await editor.publishNew(title, 'The published text.');
  const id = Number(new URL(page.url()).pathname.split('/').pop());
  return { editor, id, slug };
}

test('edits to a published recap are a working copy: kept on leaving, private until Update, discardable', async ({ page, browser }, testInfo) => {
  test.setTimeout(300_000);
  const title = `Working copy ${nonce()}`;
  const { editor, id, slug } = await publishedRecap(page, title);

  await editor.body.fill('The published text.\n\nAn edit in progress.');
  await expect(copySaved(page)).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText(EDITING_A_COPY)).toBeVisible();

  // "← Recaps" and back: the edit is still there.
  await page.getByRole('main').getByRole('link', { name: 'Recaps', exact: true }).click();
  await expect(page).toHaveURL(/\/write$/);
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`/write/${id}$`));
  await expect(editor.body).toHaveValue('The published text.\n\nAn edit in progress.');

  // Readers still see the published text.
  const reader = await anonymous(browser, testInfo);
  await reader.goto(`/posts/${slug}`);
  await expect(reader.getByRole('main').getByText('The published text.')).toBeVisible();
  await expect(reader.getByRole('main').getByText('An edit in progress.')).toHaveCount(0);

  // Another browser (no local copy there) continues the working copy.
  const other = await pageFor(browser, testInfo, 'ada');
  await other.goto(`/write/${id}`);
  await expect(new RecapEditor(other).body).toHaveValue('The published text.\n\nAn edit in progress.');
  await expect(other.getByText(EDITING_A_COPY)).toBeVisible();
  await other.context().close();

  // Update publishes the copy and clears it.
  await page.getByRole('button', { name: 'Update' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Updated: readers see this version.' })).toBeVisible();
  await expect(page.getByText(EDITING_A_COPY)).toHaveCount(0);
  await eventuallyShows(reader, `/posts/${slug}`, 'An edit in progress.');
  expect(query('SELECT post_id FROM post_working_copies WHERE post_id = ?', id)).toEqual([]);

  // A change thrown away: "Discard changes" asks, then returns to the published text, for good.
  await editor.body.fill('A change to throw away.');
  await expect(copySaved(page)).toBeVisible({ timeout: 15_000 });
  page.once('dialog', (d) => {
    expect(d.message()).toContain('Discard');
    void d.accept();
  });
  await page.getByRole('button', { name: 'Discard changes' }).click();
  await expect(editor.body).toHaveValue('The published text.\n\nAn edit in progress.');
  await expect(page.getByText(EDITING_A_COPY)).toHaveCount(0);
  await page.reload();
  await expect(editor.body).toHaveValue('The published text.\n\nAn edit in progress.');
  await reader.goto(`/posts/${slug}`);
  await expect(reader.getByRole('main').getByText('A change to throw away.')).toHaveCount(0);
});

test('leaving while an edit has reached no server asks first: header link, "← Recaps", browser back', async ({ page }) => {
  const { editor, id } = await publishedRecap(page, `Guarded ${nonce()}`);
  // The connection to Hallway drops: the autosave cannot land.
  await page.route(`**/write/${id}`, (route) => (route.request().method() === 'POST' ? route.abort('internetdisconnected') : route.continue()));
  await editor.body.fill('The published text.\n\nTyped while offline.');
  await expect(page.getByRole('status').filter({ hasText: 'Offline: kept on this device' })).toBeVisible({ timeout: 15_000 });

  const asked: string[] = [];
  page.on('dialog', (d) => {
    asked.push(d.type());
    void d.dismiss();
  });
  await page.getByRole('banner').getByRole('link', { name: 'Recaps', exact: true }).click();
  await page.getByRole('main').getByRole('link', { name: 'Recaps', exact: true }).click();
  await page.evaluate(() => history.back());
  await expect.poll(() => asked.length).toBe(3);
  expect(asked).toEqual(['confirm', 'confirm', 'confirm']);
  await expect(page).toHaveURL(new RegExp(`/write/${id}$`));
  await expect(editor.body).toHaveValue('The published text.\n\nTyped while offline.');

  // Back online: the copy lands, and nothing asks any more.
  await page.unroute(`**/write/${id}`);
  await page.keyboard.press('Control+s');
  await expect(copySaved(page)).toBeVisible({ timeout: 15_000 });
  await page.getByRole('main').getByRole('link', { name: 'Recaps', exact: true }).click();
  await expect(page).toHaveURL(/\/write$/);
  expect(asked).toHaveLength(3);
});

test("another author can neither read nor write someone's working copy", async ({ page, browser }, testInfo) => {
  const { editor, id } = await publishedRecap(page, `Private copy ${nonce()}`);
  await editor.body.fill('Ada’s unpublished change.');
  await expect(copySaved(page)).toBeVisible({ timeout: 15_000 });
  const stored = () => query<{ document: string }>('SELECT document FROM post_working_copies WHERE post_id = ?', id);
  expect(stored()[0].document).toContain('Ada’s unpublished change.');
  const [{ version }] = query<{ version: number }>('SELECT version FROM posts WHERE id = ?', id);

  const ben = await pageFor(browser, testInfo, 'ben');
  expect((await ben.request.get(`/write/${id}`)).status()).toBe(404);
  const file = 'app/write/actions.ts';
  const write = await postAction(ben.request, { file, name: 'saveWorkingCopyAction' }, '/write', {
    id: String(id),
    version: String(version),
    title: 'Taken over',
    slugAuto: 'on',
    body: 'Ben was here.',
    talks: '[]',
  });
  expect(write.state?.ok).toBe(false);
  const discard = await postAction(ben.request, { file, name: 'discardWorkingCopyAction' }, '/write', { id: String(id) });
  expect(discard.state?.ok).toBe(false);
  expect(stored()[0].document).toContain('Ada’s unpublished change.');
  expect(stored()[0].document).not.toContain('Ben was here.');
});
