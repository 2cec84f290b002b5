import crypto from 'node:crypto';
import { openDb, userIdByEmail } from './e2e-data';
import { expect, personas, signIn, test } from './fixtures';

/**
 * The revisions page of a recap, against the production build. The recap and its kept versions
 * are written straight into the e2e database (by Ada), so the history is known to the line.
 */

// An author in India: times must come in her zone, named.
test.use({ timezoneId: 'Asia/Kolkata' });

const A = 'one\ntwo\nthree\nfour';
const B = `${A}\nfive\nsix\nseven`;
const DAY = 24 * 60 * 60_000;
const first = Date.UTC(2016, 2, 1, 9, 0);

function seedHistory() {
  const db = openDb();
  try {
    const nonce = crypto.randomBytes(4).toString('hex');
    const ada = userIdByEmail(personas.ada.email);
    const title = `Revision test ${nonce}`;
    const id = db
      .prepare(
        `INSERT INTO posts (slug, author_id, title, body_markdown, body_html, excerpt_html, status, published_at, created_at, updated_at)
         VALUES (?, ?, ?, ?, '<p>Body.</p>', '<p>Body.</p>', 'published', ?, ?, ?)`,
      )
      .run(`revisions-${nonce}`, ada, title, B, first, first, first + 3 * DAY).lastInsertRowid as number;
    const keep = db.prepare('INSERT INTO post_revisions (post_id, title, body_markdown, editor_id, created_at) VALUES (?, ?, ?, ?, ?)');
    // Published, updated twice, then the first update brought back.
    [A, B, `${A}\neight`, B].forEach((body, i) => keep.run(id, title, body, ada, first + i * DAY));
    return { id, title };
  } finally {
    db.close();
  }
}

test("the oldest revision compares with the current text, versions are labelled, times are in the author's zone", async ({ page }) => {
  const post = seedHistory();
  const path = `/write/${post.id}/revisions`;
  await signIn(page, 'ada', path);

  const list = page.getByRole('navigation', { name: 'Revisions' }).getByRole('link');
  await expect(list).toHaveCount(4);
  await expect(list.nth(0)).toContainText('Restored');
  await expect(list.nth(1)).toContainText('Updated');
  await expect(list.nth(2)).toContainText('Updated');
  await expect(list.nth(3)).toContainText('Published');
  // 09:00 UTC is 14:30 in Kolkata; the zone is named.
  await expect(list.nth(3)).toContainText('1 Mar 2016, 14:30 GMT+5:30');
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('Restored 4 Mar 2016, 14:30 GMT+5:30');

  // The server cannot know the zone: its HTML says UTC, and says so.
  const html = await (await page.request.get(path)).text();
  expect(html).toContain('1 Mar 2016, 09:00 UTC');

  // Comparing with the previous revision, then picking the oldest (which has none before it).
  await page.getByRole('link', { name: 'previous revision → this one' }).click();
  await expect(page).toHaveURL(/against=previous/);
  await list.nth(3).click();
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('Published 1 Mar 2016, 14:30 GMT+5:30');
  await expect(page.getByRole('link', { name: 'this revision → current text' })).toHaveAttribute('aria-current', 'true');
  await expect(page.getByText('3 lines added, 0 removed.')).toBeVisible();
  const diff = page.getByRole('group', { name: 'Changes from this revision to the current text' });
  await expect(diff.locator('ins')).toHaveText(['Added: five', 'Added: six', 'Added: seven']);
  await expect(diff.locator('del')).toHaveCount(0);
  await expect(diff).toContainText('four');
});
