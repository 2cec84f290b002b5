import crypto from 'node:crypto';
import type { Page } from '@playwright/test';
import { query } from './e2e-data';
import { expect, signIn, test } from './fixtures';

/**
 * Building a conference's programme by hand at /write/conferences/<id>: every day of its dates
 * in one click, one track name per day, and a pasted list that is previewed line by line (times
 * read, bad lines flagged) before anything is created.
 */

const nonce = () => crypto.randomBytes(3).toString('hex');

test.beforeEach(({}, testInfo) => testInfo.setTimeout(Math.max(testInfo.timeout, 120_000)));

async function newConference(page: Page, name: string, first: string, last: string): Promise<number> {
  await signIn(page, 'ada', '/write/conferences');
  const create = page.getByRole('form', { name: 'New conference' });
  await create.getByLabel('Name').fill(name);
  await create.getByLabel('First day').fill(first);
  await create.getByLabel('Last day').fill(last);
  await create.getByLabel('Time zone').fill('Europe/Oslo');
  await create.getByRole('button', { name: 'Create conference' }).click();
  await expect(page).toHaveURL(/\/write\/conferences\/\d+\?created=1$/);
  return Number(new URL(page.url()).pathname.split('/').pop());
}

const dayHeadings = (page: Page) => page.getByRole('list', { name: 'Days' }).getByRole('heading', { level: 3 });

test('every day of the conference in one click, skipping the days it already has', async ({ page }) => {
  await newConference(page, `Range Days ${nonce()}`, '2025-10-06', '2025-10-09');
  // Day 2 by hand first: the button adds the three others around it.
  const addDay = page.getByRole('form', { name: 'Add a day' });
  await addDay.getByLabel('Date').fill('2025-10-07');
  await addDay.getByRole('button', { name: 'Add day' }).click();
  await expect(dayHeadings(page)).toHaveCount(1);

  await page.getByRole('button', { name: 'Add the 3 missing days (6–9 October 2025)' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Added 3 days.' })).toBeVisible();
  await expect(dayHeadings(page)).toHaveText([/^Day 1 · Monday, 6 October/, /^Day 2 · Tuesday, 7 October/, /^Day 3 · Wednesday, 8 October/, /^Day 4 · Thursday, 9 October/]);
  await expect(page.getByRole('button', { name: /missing days?/ })).toHaveCount(0);
});

test('a second track of the same name on one day is refused next to the field', async ({ page }) => {
  await newConference(page, `Track Names ${nonce()}`, '2025-11-03', '2025-11-03');
  await page.getByRole('form', { name: 'Add a day' }).getByRole('button', { name: 'Add day' }).click();
  await expect(dayHeadings(page)).toHaveCount(1);
  await page.getByText('Add a track to day 1').click();
  const form = page.getByRole('form', { name: 'Add a track to day 1' });
  await form.getByLabel('Track name').fill('Main stage');
  await form.getByRole('button', { name: 'Add track' }).click();
  const tracks = page.getByRole('list', { name: 'Tracks of day 1' });
  await expect(tracks.getByText('Main stage', { exact: true })).toBeVisible();

  await form.getByLabel('Track name').fill('  main STAGE ');
  await form.getByLabel('Host (optional)').fill('Kept Host');
  await form.getByRole('button', { name: 'Add track' }).click();
  const name = form.getByLabel('Track name');
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toHaveAccessibleDescription(/Day 1 already has a track named “Main stage”\./);
  // What was typed stays.
  await expect(name).toHaveValue(/main STAGE/);
  await expect(form.getByLabel('Host (optional)')).toHaveValue('Kept Host');
  await expect(tracks.getByRole('listitem')).toHaveCount(1);
});

test('a pasted programme is previewed line by line; bad lines are flagged and nothing is created until they are fixed', async ({ page }) => {
  const id = await newConference(page, `Paste Preview ${nonce()}`, '2025-12-01', '2025-12-01');
  await page.getByRole('form', { name: 'Add a day' }).getByRole('button', { name: 'Add day' }).click();
  await expect(dayHeadings(page)).toHaveCount(1);

  const paste = page.getByRole('form', { name: 'Paste a list of talks' });
  await paste.getByLabel('Add them to').selectOption({ label: 'Day 1: outside any track' });
  const list = paste.getByLabel('Talks, one per line');
  await list.fill(['09:30 Streams and tables — Tyler Akidau', '25:99 Bad time talk', ' — ', 'Backpressure in practice – Jane Doe'].join('\n'));

  const preview = paste.getByRole('table', { name: 'What this list adds' });
  await expect(preview.getByRole('row')).toHaveCount(5); // a header and one row per line
  const row = (n: number) => preview.getByRole('row').nth(n);
  await expect(row(1)).toContainText('09:30');
  await expect(row(1)).toContainText('Streams and tables');
  await expect(row(1)).toContainText('Tyler Akidau');
  await expect(row(2)).toContainText('“25:99” is not a time of day');
  await expect(row(3)).toContainText('no title');
  await expect(row(4)).toContainText('Backpressure in practice');
  await expect(paste.getByText('2 talks recognised, 2 lines to fix')).toBeVisible();

  // Sent anyway (the button says what is wrong): refused, the list kept, nothing created.
  await paste.getByRole('button', { name: /Add/ }).click();
  await expect(paste.getByText('Nothing was added.')).toBeVisible();
  await expect(list).toHaveValue(/25:99 Bad time talk/);
  expect(query('SELECT id FROM talks WHERE conference_id = ?', id)).toEqual([]);

  await list.fill(['09:30 Streams and tables — Tyler Akidau', 'Backpressure in practice – Jane Doe'].join('\n'));
  await expect(paste.getByText('2 talks recognised', { exact: true })).toBeVisible();
  await paste.getByRole('button', { name: 'Add 2 talks' }).click();
  await expect(paste.getByText('Added 2 talks.')).toBeVisible();
  const talks = query<{ title: string; start_time: string | null }>('SELECT title FROM talks WHERE conference_id = ? ORDER BY title', id);
  expect(talks.map((t) => t.title)).toEqual(['Backpressure in practice', 'Streams and tables']);
});

test.describe('in a browser set to American English', () => {
  test.use({ locale: 'en-US' });

  test('date fields say the chosen date the way the site writes dates', async ({ page }) => {
    await signIn(page, 'ada', '/write/conferences');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en-GB');
    const create = page.getByRole('form', { name: 'New conference' });
    // 06/10 is 10 June to a British reader and 6 October to an American one: the site's words decide.
    await create.getByLabel('First day').fill('2025-10-06');
    await expect(create.getByLabel('First day')).toHaveAccessibleDescription('Monday, 6 October 2025');
    await expect(create.getByLabel('Last day')).toHaveAccessibleDescription('No date chosen yet.');
    await create.getByLabel('Last day').fill('2025-10-07');
    await expect(create.getByLabel('Last day')).toHaveAccessibleDescription('Tuesday, 7 October 2025');
  });
});
