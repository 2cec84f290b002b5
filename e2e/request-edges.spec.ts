import crypto from 'node:crypto';
import { openDb } from './e2e-data';
import { expect, signIn, submitAndWait, test } from './fixtures';

/**
 * Requests at the edges: addresses a client mangles on purpose, downloads asked for while signed
 * out, and forms whose hidden fields were edited.
 */

test('a malformed percent-encoding in a path is a 400, not a server error', async ({ request }) => {
  for (const path of ['/posts/%E0%A4%A', '/conferences/%zz', '/speakers/abc%', '/categories/%C3%28/feed.xml', '/conferences/x/talks/%FF']) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(400);
    expect(await response.text(), path).toContain('Bad Request');
  }
});

test('signed-out downloads send you to sign in with a relative address', async ({ request }) => {
  for (const [path, back] of [
    ['/journal/export.csv', '/journal'],
    ['/write/export', '/write/import'],
  ]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(303);
    expect(response.headers().location, path).toBe(`/signin?callbackUrl=${encodeURIComponent(back)}`);
  }
});

/** Two conferences, the first with one day, one track and one talk. */
function seedTwoConferences() {
  const db = openDb();
  try {
    const nonce = crypto.randomBytes(4).toString('hex');
    const now = Date.now();
    return db.transaction(() => {
      const conference = (slug: string) =>
        db
          .prepare(`INSERT INTO conferences (slug, name, start_date, end_date, time_zone, created_at, updated_at) VALUES (?, ?, '2024-06-03', '2024-06-03', 'Europe/Oslo', ?, ?)`)
          .run(slug, `Edge Conf ${slug}`, now, now).lastInsertRowid as number;
      const slug = `edge-${nonce}`;
      const id = conference(slug);
      const other = conference(`edge-other-${nonce}`);
      const day = db.prepare(`INSERT INTO days (conference_id, number, date) VALUES (?, 1, '2024-06-03')`).run(id).lastInsertRowid as number;
      const track = db.prepare(`INSERT INTO tracks (day_id, name, position) VALUES (?, 'Main track', 0)`).run(day).lastInsertRowid as number;
      const talkSlug = `edge-talk-${nonce}`;
      const talk = db
        .prepare(`INSERT INTO talks (conference_id, day_id, track_id, slug, title, position, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 0, ?, ?)`)
        .run(id, day, track, talkSlug, `Edge talk ${nonce}`, now, now).lastInsertRowid as number;
      return { id, other, talk, nonce, talkPath: `/conferences/${slug}/talks/${talkSlug}` };
    })();
  } finally {
    db.close();
  }
}

test('saving a talk refreshes its own conference’s pages, whatever conference the form names', async ({ page }) => {
  const seeded = seedTwoConferences();
  const reader = await page.context().browser()!.newPage({ baseURL: test.info().project.use.baseURL });
  await reader.goto(seeded.talkPath); // now in the route cache
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(`Edge talk ${seeded.nonce}`);

  await signIn(page, 'ada');
  await page.goto(`/write/conferences/${seeded.id}/talks/${seeded.talk}`);
  const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Save talk' }) });
  await form.locator('input[type="hidden"][name="conferenceId"]').evaluate((input, other) => ((input as HTMLInputElement).value = String(other)), seeded.other);
  await form.getByLabel('Title').fill(`Renamed edge talk ${seeded.nonce}`);
  await submitAndWait(page, form.getByRole('button', { name: 'Save talk' }));
  await expect(page.getByText('Talk saved.')).toBeVisible();

  await expect(async () => {
    await reader.reload();
    await expect(reader.getByRole('heading', { level: 1 })).toHaveText(`Renamed edge talk ${seeded.nonce}`, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await reader.close();
});
