import fs from 'node:fs';
import path from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { expect, signIn, test } from './fixtures';

/** /write/import and the /write/export download, on the demo journal (fresh for every run). */

// Sign-in hashes a password and every step renders server-side: generous on a busy 2-core machine.
test.describe.configure({ timeout: 120_000 });

const FIXTURES = path.join(import.meta.dirname, '..', 'lib', 'jekyll', 'fixtures');
const markdown = (name: string) => ({ name, mimeType: 'text/markdown', buffer: fs.readFileSync(path.join(FIXTURES, name)) });
const imagesZip = () => ({
  name: 'images.zip',
  mimeType: 'application/zip',
  buffer: Buffer.from(
    zipSync({ 'source/images/posts/harbour-2021/basins.png': fs.readFileSync(path.join(FIXTURES, 'source', 'images', 'posts', 'harbour-2021', 'basins.png')) }),
  ),
});

test('an author uploads recaps, reads the dry run, renames the conference and imports', async ({ page }) => {
  await signIn(page, 'ada', '/write/import');
  await expect(page).toHaveURL(/\/write\/import$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Import from Jekyll or Octopress' })).toBeVisible();

  await page.getByLabel('Markdown files').setInputFiles([markdown('2021-10-04-harbour-data-summit-2021.markdown'), markdown('2022-06-15-broken-front-matter.markdown')]);
  await page.getByLabel('Images (optional zip)').setInputFiles(imagesZip());
  await page.getByRole('button', { name: 'Check files' }).click();

  const dryRun = page.getByRole('region', { name: 'Review' });
  await expect(dryRun).toBeVisible();
  await expect(page.getByRole('status')).toContainText('Checked 2 files: 1 ready to import, 1 with problems. Nothing has been saved yet.');
  const recap = dryRun.getByRole('article', { name: 'Harbour Data Summit 2021: queues, lakes & a lighthouse' });
  await expect(recap).toContainText('4 talks found · 4 to import');
  const day1 = recap.getByRole('region', { name: 'Day 1' });
  await expect(day1.getByRole('heading')).toHaveText('Day 1 · Queues and Logs · hosted by Marit Lund');
  await expect(day1.getByRole('listitem', { name: 'The Log Is the Database' })).toContainText('slides, video (not yet available)');
  await expect(recap).toContainText('1 image, 1 found in the zip');
  const broken = dryRun.getByRole('article', { name: '2022-06-15-broken-front-matter.markdown' });
  await expect(broken).toContainText('front matter is not valid YAML');

  // Nothing is written by the dry run. (An unknown slug's page streams its not-found UI with a 200,
  // so the conference list is the reliable witness.)
  expect(await (await page.request.get('/conferences')).text()).not.toContain('Harbour Data Summit');

  const conference = recap.getByLabel('Conference', { exact: true });
  await expect(conference).toHaveValue('new');
  await expect(recap.getByLabel('New conference name')).toHaveValue('Harbour Data Summit 2021');
  await recap.getByLabel('New conference name').fill('Harbour Summit E2E');

  await dryRun.getByRole('button', { name: 'Import 1 post' }).click();
  const results = page.getByRole('region', { name: 'Import results' });
  await expect(results).toContainText('Imported: Harbour Data Summit 2021: queues, lakes & a lighthouse');
  await expect(results).toContainText('Harbour Summit E2E (new conference) · 4 talks, 4 new');
  await expect(results).toContainText('Failed: 2022-06-15-broken-front-matter.markdown');
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('1 imported, 0 updated, 1 failed.');

  await results.getByRole('link', { name: 'View the post' }).click();
  await expect(page).toHaveURL(/\/posts\/harbour-data-summit-2021$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Harbour Data Summit 2021: queues, lakes & a lighthouse');
  await expect(page.getByRole('link', { name: 'Harbour Summit E2E' })).toBeVisible();
  const talks = page.getByRole('region', { name: 'Talks in this recap' });
  await expect(talks).toContainText('Queues and Logs · hosted by Marit Lund');
  await expect(talks.getByRole('heading', { name: 'The Log Is the Database' })).toBeVisible();
  await expect(talks.getByRole('img', { name: 'Buffers drawn as harbour basins' })).toHaveAttribute('src', /^\/uploads\/[0-9a-f]{64}\.png$/);
  await expect(talks.getByRole('img', { name: 'Buffers drawn as harbour basins' })).toHaveAttribute('height', '400');
  await expect(page.getByRole('article')).toContainText('Skip the second coffee queue');

  // Importing the same file again updates the post.
  await page.goto('/write/import');
  await page.getByLabel('Markdown files').setInputFiles(markdown('2021-10-04-harbour-data-summit-2021.markdown'));
  await page.getByRole('button', { name: 'Check files' }).click();
  const again = page.getByRole('region', { name: 'Review' }).getByRole('article', { name: /Harbour Data Summit 2021/ });
  await expect(again.getByLabel('Conference', { exact: true })).toHaveValue('existing:harbour-summit-e2e');
  // The three talks with a page URL identify the conference now.
  await expect(again).toContainText('3 of its talks are already listed there');
  await page.getByRole('button', { name: 'Import 1 post' }).click();
  await expect(page.getByRole('main').getByRole('status')).toHaveText('0 imported, 1 updated, 0 failed.');
});

test('the export downloads the author’s own recaps as a zip', async ({ page }) => {
  await signIn(page, 'ben', '/write/import');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download the export (zip)' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^hallway-export-\d{4}-\d{2}-\d{2}\.zip$/);
  const files = unzipSync(new Uint8Array(fs.readFileSync(await download.path())));
  const posts = Object.keys(files).filter((f) => f.startsWith('hallway-export/_posts/'));
  expect(posts).toContain('hallway-export/_posts/2019-05-27-fjord-dev-days-2019.markdown');
  // Ada's recaps are not Ben's to export.
  expect(posts).not.toContain('hallway-export/_posts/2018-03-12-qcon-london-2018.markdown');
  const fjord = new TextDecoder().decode(files['hallway-export/_posts/2019-05-27-fjord-dev-days-2019.markdown']);
  expect(fjord).toMatch(/^---\nlayout: post\ntitle: "Fjord Dev Days 2019: a small conference with big ideas"\ndate: 2019-05-27 09:15:00 \+0200\n/);
  expect(fjord).toContain('### Day 1: Data in Motion');
  expect(fjord).toContain('**Backpressure Without Tears** by Maren Holt');
});

test('readers and visitors can neither import nor export', async ({ page }) => {
  const signedOut = await page.request.get('/write/export', { maxRedirects: 0 });
  expect(signedOut.status()).toBe(303);
  expect(signedOut.headers().location).toContain('/signin?callbackUrl=%2Fwrite%2Fimport');

  await signIn(page, 'sam');
  const response = await page.goto('/write/import');
  expect(response?.status()).toBe(403);
  expect((await page.request.get('/write/export')).status()).toBe(403);
});

test('an author reviews a recap written as lists under weekday headings: unticks one talk, renames one, and a second import links to them', async ({ page }) => {
  const file = markdown('2023-05-12-riverside-js-2023.markdown');
  await signIn(page, 'ada', '/write/import');
  await page.getByLabel('Markdown files').setInputFiles(file);
  await page.getByRole('button', { name: 'Check files' }).click();

  const recap = page.getByRole('region', { name: 'Review' }).getByRole('article', { name: 'RiversideJS 2023, in short' });
  await expect(recap).toContainText('5 talks found · 5 to import');
  await expect(recap.getByLabel('Conference', { exact: true })).toHaveValue('new');
  await expect(recap.getByLabel('New conference name')).toHaveValue('RiversideJS 2023');
  const day1 = recap.getByRole('region', { name: 'Day 1' });
  await expect(day1.getByRole('heading')).toContainText('Day 1 · Wednesday, May 10th');
  await expect(day1.getByRole('listitem')).toHaveCount(3);

  // Each talk says why it was taken as one and where it came from.
  const first = day1.getByRole('listitem', { name: 'Async Iterators in Anger' });
  await expect(first.getByLabel('Speakers')).toHaveValue('Lena Park');
  await first.getByText('Why and where (line 14)').click();
  await expect(first).toContainText('speakers in parentheses: Lena Park');
  await expect(first).toContainText('slides on speakerdeck.com');
  await expect(first).toContainText('- Async Iterators in Anger (Lena Park)');

  await day1.getByRole('checkbox', { name: 'Import “The Bundle Diet”' }).uncheck();
  await expect(recap).toContainText('5 talks found · 4 to import');
  await day1.getByRole('listitem', { name: 'Keeping Workers Busy' }).getByLabel('Title').fill('Keeping Web Workers Busy');
  await page.getByRole('button', { name: 'Import 1 post' }).click();
  const results = page.getByRole('region', { name: 'Import results' });
  await expect(results).toContainText('Imported: RiversideJS 2023, in short');
  await expect(results).toContainText('RiversideJS 2023 (new conference) · 4 talks, 4 new');

  // The day's page shows exactly the talks confirmed, as renamed.
  await page.goto('/conferences/riversidejs-2023/days/1');
  await expect(page.getByRole('article')).toHaveText([/Async Iterators in Anger/, /Keeping Web Workers Busy/]);
  await page.goto('/conferences/riversidejs-2023/days/2');
  await expect(page.getByRole('article')).toHaveText([/Types at the Edge/, /Ten Years of Promises/]);

  // Again: the talks link to the ones just created, and the one left out stays out.
  await page.goto('/write/import');
  await page.getByLabel('Markdown files').setInputFiles(file);
  await page.getByRole('button', { name: 'Check files' }).click();
  const again = page.getByRole('region', { name: 'Review' }).getByRole('article', { name: 'RiversideJS 2023, in short' });
  await expect(again).toContainText('You imported this file before: importing it again updates “RiversideJS 2023, in short”');
  await expect(again.getByLabel('Conference', { exact: true })).toHaveValue('existing:riversidejs-2023');
  const renamed = again.getByRole('listitem', { name: 'Keeping Workers Busy' });
  await expect(renamed.getByLabel('Links to')).toContainText('Links to “Keeping Web Workers Busy” (same slides or video)');
  const leftOut = again.getByRole('listitem', { name: 'The Bundle Diet' });
  await expect(leftOut.getByRole('checkbox')).not.toBeChecked();
  await expect(leftOut).toContainText('Left out when this recap was last imported.');
  await page.getByRole('button', { name: 'Import 1 post' }).click();
  await expect(page.getByRole('main').getByRole('status')).toHaveText('0 imported, 1 updated, 0 failed.');
  await page.goto('/conferences/riversidejs-2023/days/1');
  await expect(page.getByRole('article')).toHaveText([/Async Iterators in Anger/, /Keeping Web Workers Busy/]);
});

test('importing Hallway’s own export of a recap updates it: no second copy', async ({ page }) => {
  await signIn(page, 'ada', '/write/import');
  const zip = unzipSync(new Uint8Array(await (await page.request.get('/write/export')).body()));
  const exported = zip['hallway-export/_posts/2018-03-12-qcon-london-2018.markdown'];
  expect(new TextDecoder().decode(exported)).toMatch(/^hallway_id: \d+$/m);

  await page.getByLabel('Markdown files').setInputFiles({ name: '2018-03-12-qcon-london-2018.markdown', mimeType: 'text/markdown', buffer: Buffer.from(exported) });
  await page.getByRole('button', { name: 'Check files' }).click();
  const recap = page.getByRole('region', { name: 'Review' }).getByRole('article', { name: /^QCon London 2018/ });
  await expect(recap).toContainText(/This is Hallway’s export of your recap “QCon London 2018.*” \(\/posts\/qcon-london-2018\): importing it updates that recap, no second copy\./);
  await expect(recap.getByRole('checkbox', { checked: true })).toHaveCount(10);
  await expect(recap.getByLabel('Links to').first()).toContainText('Links to “Drivetribe: A Social Network on Streams” (same talk page)');
  await page.getByRole('button', { name: 'Import 1 post' }).click();
  await expect(page.getByRole('main').getByRole('status')).toHaveText('0 imported, 1 updated, 0 failed.');

  const home = await (await page.request.get('/')).text();
  expect(home).not.toContain('/posts/qcon-london-2018-2');
  const conference = await (await page.request.get('/conferences/qcon-london-2018')).text();
  expect(conference).not.toContain('/posts/qcon-london-2018-2');
});
