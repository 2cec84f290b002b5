import crypto from 'node:crypto';
import { expect, pageFor, png, signIn, test } from './fixtures';
import { anonymous, eventuallyShows, RecapEditor } from './authoring';

/**
 * The authoring studio (/write), as an author uses it: drafts stay private, previews, publishing
 * and scheduling reach the reader pages, two tabs never overwrite each other silently, uploads
 * are checked by their bytes, and a conference is recorded by pasting its programme.
 */

const nonce = () => crypto.randomBytes(3).toString('hex');

// ------------------------------------------------------------ tests

// Each test signs in one or more people (argon2id) and renders dynamic editor pages, some waiting
// for cached reader pages to refresh: room for a busy machine.
test.beforeEach(({}, testInfo) => testInfo.setTimeout(Math.max(testInfo.timeout, 180_000)));

test('a draft with an uploaded image is invisible to readers and other authors (404), then preview and publish put it on the home page, its day page and its categories', async ({ page, browser }, testInfo) => {
  test.setTimeout(300_000); // three people sign in, and four cached reader pages are checked after publishing
  const n = nonce();
  const title = `Streams all the way down ${n}`;
  const category = `E2E Topic ${n}`;
  await signIn(page, 'ada', '/write');
  const editor = new RecapEditor(page);
  const id = await editor.create();

  await editor.title.fill(title);
  await editor.body.fill('A day of stream processing talks in London.\n\n<!-- more -->\n\n## The harbour view\n\n');
  await editor.upload.setInputFiles({ name: 'harbour-view.png', mimeType: 'image/png', buffer: png(48, 24, [12, 120, 200]) });
  await expect(editor.body).toHaveValue(/!\[harbour view\]\(\/uploads\/[a-f0-9]{64}\.png\)/);
  await page.getByLabel('Conference').selectOption({ label: 'QCon London 2018' });
  await page.getByRole('checkbox', { name: /Drivetribe: A Social Network on Streams/ }).check();
  await page.getByLabel('Your note on “Drivetribe: A Social Network on Streams”').fill('Everything computed at **write time**.');
  await page.getByLabel('Categories', { exact: true }).fill(category);
  await page.getByLabel('Categories', { exact: true }).press('Enter');
  await editor.waitUntilSaved();
  const slug = await editor.slug.inputValue();
  expect(slug).toBe(`streams-all-the-way-down-${n}`);

  // The live preview runs the readers' pipeline: the image is there, with its intrinsic size.
  const img = editor.preview.locator('img[src^="/uploads/"]');
  await expect(img).toBeVisible();
  await expect(img).toHaveAttribute('width', '48');
  // The upload is served as an immutable image.
  const imageResponse = await page.request.get((await img.getAttribute('src'))!);
  expect(imageResponse.headers()['content-type']).toBe('image/png');
  expect(imageResponse.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  expect(imageResponse.headers()['x-content-type-options']).toBe('nosniff');

  // Nothing of the draft reaches a signed-out reader…
  const reader = await anonymous(browser, testInfo);
  expect((await reader.goto(`/posts/${slug}`))!.status()).toBe(404);
  await reader.goto('/');
  await expect(reader.getByText(title)).toHaveCount(0);
  await reader.goto(`/write/${id}`);
  await expect(reader).toHaveURL(/\/signin\?callbackUrl=/);
  // …nor another author: their editor and preview say 404, as for a post that does not exist.
  const ben = await pageFor(browser, testInfo, 'ben');
  expect((await ben.goto(`/write/${id}`))!.status()).toBe(404);
  expect((await ben.goto(`/write/${id}/preview`))!.status()).toBe(404);
  await ben.goto('/write');
  await expect(ben.getByRole('link', { name: title })).toHaveCount(0);

  // Preview: the post as its page will look.
  await page.getByRole('link', { name: 'Preview', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/write/${id}/preview$`));
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole('main').locator('img[src^="/uploads/"]')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Drivetribe: A Social Network on Streams' })).toBeVisible();
  await page.getByRole('link', { name: 'Back to the editor' }).click();

  // Publish now.
  await editor.openPublish();
  await editor.publishDialog.getByRole('button', { name: 'Publish now' }).click();
  await expect(editor.publishDialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Published.' })).toBeVisible();

  // Readers see it on its page, the home page, its day page and its category.
  await eventuallyShows(reader, `/posts/${slug}`, 'Everything computed at');
  await eventuallyShows(reader, '/', title);
  await eventuallyShows(reader, '/conferences/qcon-london-2018/days/1', title);
  await eventuallyShows(reader, `/categories/e2e-topic-${n}`, title);
});

test('a post scheduled a minute ahead appears by itself', async ({ page, browser }, testInfo) => {
  // Scheduled posts reach the cached reader pages through their 60 s revalidation: a minute to
  // wait for the time, then up to one revalidation period.
  test.slow();
  test.setTimeout(240_000);
  const title = `Scheduled recap ${nonce()}`;
  await signIn(page, 'ada', '/write');
  const editor = new RecapEditor(page);
  await editor.create();
  await editor.title.fill(title);
  await editor.body.fill('Written today, out in a minute.');
  await editor.waitUntilSaved();

  const at = Date.now() + 65_000;
  await editor.openPublish();
  await editor.publishDialog.getByRole('radio', { name: /^At a date and time/ }).check();
  await editor.publishDialog.getByLabel('UTC offset', { exact: true }).fill('+00:00');
  await editor.publishDialog.getByLabel('Date and time', { exact: true }).fill(new Date(at).toISOString().slice(0, 19));
  await editor.publishDialog.getByRole('button', { name: 'Schedule', exact: true }).click();
  await expect(editor.publishDialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Scheduled.' })).toBeVisible();
  await page.goto('/write?status=scheduled');
  await expect(page.getByRole('link', { name: title, exact: true })).toBeVisible();

  // Not before its time (asked once, of the post page only, so the home page stays untouched)…
  const reader = await anonymous(browser, testInfo);
  const slug = title.toLowerCase().replace(/ /g, '-');
  expect((await reader.goto(`/posts/${slug}`))!.status()).toBe(404);
  // …then there, with no further action.
  await page.waitForTimeout(Math.max(0, at - Date.now() + 1_000));
  await eventuallyShows(reader, '/', title, 120_000);
});

test('editing in two tabs: the second save gets the conflict message and no text is lost', async ({ page }) => {
  await signIn(page, 'ada', '/write');
  const one = new RecapEditor(page);
  const id = await one.create();
  await one.title.fill('Two tabs');
  await one.body.fill('The shared beginning.');
  await one.waitUntilSaved();

  const tab = await page.context().newPage();
  tab.on('dialog', (d) => void d.accept());
  await tab.goto(`/write/${id}`);
  const two = new RecapEditor(tab);
  await expect(two.body).toHaveValue('The shared beginning.');

  await one.body.fill('The shared beginning.\n\nWritten in the first tab.');
  await one.waitUntilSaved();

  await two.body.fill('The shared beginning.\n\nWritten in the second tab.');
  const conflict = tab.getByRole('alert').filter({ hasText: 'Not saved: this recap was changed somewhere else' });
  await expect(conflict).toBeVisible({ timeout: 15_000 });
  // Both texts are on screen: mine in the editor, theirs in the conflict panel…
  await expect(two.body).toHaveValue(/Written in the second tab\./);
  await expect(tab.getByLabel(/^Their version/)).toHaveValue(/Written in the first tab\./);
  // …mine is also kept in the browser…
  const kept = await tab.evaluate((postId) => localStorage.getItem(`hallway:recap:${postId}`), id);
  expect(kept).toContain('Written in the second tab.');
  // …and the server still has theirs: nothing was overwritten.
  await page.reload();
  await expect(one.body).toHaveValue(/Written in the first tab\./);

  // Coming back to the second tab later offers the text that never reached the server.
  await tab.reload();
  await tab.getByRole('button', { name: 'Restore my text' }).click();
  await expect(two.body).toHaveValue(/Written in the second tab\./);
});

test('“New recap” clicked and left leaves no empty draft on the dashboard; the first keystroke keeps it', async ({ page }) => {
  await signIn(page, 'ada', '/write');
  const editor = new RecapEditor(page);
  const abandoned = await editor.create();
  await page.getByRole('main').locator('a[href="/write"]').first().click();
  await expect(page).toHaveURL(/\/write$/);
  await expect(page.locator(`a[href="/write/${abandoned}"]`)).toHaveCount(0);

  const kept = await editor.create();
  const title = `Kept draft ${nonce()}`;
  await editor.title.fill(title);
  await editor.waitUntilSaved();
  await page.goto('/write');
  await expect(page.locator(`a[href="/write/${kept}"]`).first()).toBeVisible();
  await expect(page.getByRole('main')).toContainText(title);
});

test('an .exe renamed .png is refused', async ({ page }) => {
  await signIn(page, 'ada', '/write');
  const editor = new RecapEditor(page);
  await editor.create();
  await editor.body.fill('Some text first.');
  const exe = Buffer.concat([Buffer.from('MZ'), Buffer.from([0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff]), crypto.randomBytes(512)]);
  await editor.upload.setInputFiles({ name: 'conference-photo.png', mimeType: 'image/png', buffer: exe });
  await expect(page.getByRole('alert').filter({ hasText: '“conference-photo.png” is not a PNG, JPEG, WebP or GIF image' })).toBeVisible();
  await expect(editor.body).toHaveValue('Some text first.');
});

test('a deleted recap leaves a 410 page', async ({ page, browser }, testInfo) => {
  const title = `Short-lived ${nonce()}`;
  await signIn(page, 'ada', '/write');
  const slug = await new RecapEditor(page).publishNew(title, 'Here today.');
  const reader = await anonymous(browser, testInfo);
  await eventuallyShows(reader, `/posts/${slug}`, 'Here today.');

  await page.getByRole('button', { name: 'Delete recap…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete recap' }).click();
  await expect(page).toHaveURL(/\/write\?deleted=1$/);
  const gone = await reader.goto(`/posts/${slug}`);
  expect(gone!.status()).toBe(410);
  await expect(reader.getByRole('heading', { name: 'This recap was deleted' })).toBeVisible();
  await reader.goto('/');
  await expect(reader.getByText(title)).toHaveCount(0);
});

test("an author's page and feed follow their recaps: published, listed at once; unpublished, gone", async ({ page, browser }, testInfo) => {
  const reader = await anonymous(browser, testInfo);
  // Both are in the route cache before the change, so only revalidation can bring it.
  await reader.goto('/authors/ada');
  expect((await reader.request.get('/authors/ada/feed.xml')).status()).toBe(200);

  await signIn(page, 'ada', '/write');
  const editor = new RecapEditor(page);
  await editor.create();
  const title = `On the author page ${nonce()}`;
  await editor.title.fill(title);
  await editor.body.fill('Listed under its author.');
  await editor.waitUntilSaved();
  await editor.openPublish();
  await editor.publishDialog.getByRole('button', { name: 'Publish now' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Published.' })).toBeVisible();

  await eventuallyShows(reader, '/authors/ada', title);
  expect(await (await reader.request.get('/authors/ada/feed.xml')).text()).toContain(title);

  await editor.openPublish();
  await editor.publishDialog.getByRole('button', { name: 'Unpublish' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Unpublished: readers no longer see this recap.' })).toBeVisible();
  await expect(async () => {
    await reader.goto('/authors/ada');
    await expect(reader.getByRole('main').getByText(title)).toHaveCount(0, { timeout: 1_000 });
  }).toPass({ timeout: 20_000, intervals: [500, 1_000, 2_000] });
  expect(await (await reader.request.get('/authors/ada/feed.xml')).text()).not.toContain(title);
  await reader.context().close();
});

test('an unpublished recap takes its social image with it', async ({ page, browser }, testInfo) => {
  await signIn(page, 'ada', '/write');
  const editor = new RecapEditor(page);
  const slug = await editor.publishNew(`Briefly public ${nonce()}`, 'Out for a moment.');

  const reader = await anonymous(browser, testInfo);
  const image = `/posts/${slug}/opengraph-image`;
  await eventuallyShows(reader, `/posts/${slug}`, 'Out for a moment.');
  // Twice: the second answer comes from the route cache.
  for (let i = 0; i < 2; i++) {
    const res = await reader.request.get(image);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('image/png');
  }

  await editor.openPublish();
  await editor.publishDialog.getByRole('button', { name: 'Unpublish' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Unpublished: readers no longer see this recap.' })).toBeVisible();
  expect((await reader.request.get(image)).status()).toBe(404);
  expect((await reader.request.get(`/posts/${slug}`)).status()).toBe(404);
  await reader.context().close();
});

test('a conference with two days, two tracks and five talks, by pasting a list', async ({ page, browser }, testInfo) => {
  const n = nonce();
  const name = `Fjordline Summit ${n}`;
  // A speaker of two talks on two days: one person, one page (unique per run: the database is reused).
  const speaker = `Grace Hopper ${n}`;
  await signIn(page, 'ada', '/write/conferences');
  const create = page.getByRole('form', { name: 'New conference' });
  await create.getByLabel('Name').fill(name);
  await create.getByLabel('First day').fill('2025-09-01');
  await create.getByLabel('Last day').fill('2025-09-02');
  await create.getByLabel('Time zone').fill('Europe/Oslo');
  await create.getByRole('button', { name: 'Create conference' }).click();
  await expect(page).toHaveURL(/\/write\/conferences\/\d+\?created=1$/);

  const addDay = page.getByRole('form', { name: 'Add a day' });
  await expect(addDay.getByLabel('Date')).toHaveValue('2025-09-01');
  await addDay.getByRole('button', { name: 'Add day' }).click();
  await expect(page.getByRole('heading', { name: /^Day 1/ })).toBeVisible();
  await expect(addDay.getByLabel('Date')).toHaveValue('2025-09-02');
  await addDay.getByLabel('Theme (optional)').fill('Architecture day');
  await addDay.getByRole('button', { name: 'Add day' }).click();
  await expect(page.getByRole('heading', { name: /^Day 2/ })).toBeVisible();

  for (const [day, track, host] of [
    [1, 'Streaming', 'Tyler Akidau'],
    [2, 'Architecture', 'Wesley Reisz'],
  ] as const) {
    await page.getByText(`Add a track to day ${day}`).click();
    const form = page.getByRole('form', { name: `Add a track to day ${day}` });
    await form.getByLabel('Track name').fill(track);
    await form.getByLabel('Host (optional)').fill(host);
    await form.getByRole('button', { name: 'Add track' }).click();
    await expect(page.getByRole('list', { name: `Tracks of day ${day}` }).getByText(track, { exact: true })).toBeVisible();
  }

  const paste = page.getByRole('form', { name: 'Paste a list of talks' });
  await paste.getByLabel('Add them to').selectOption({ label: 'Day 1: Streaming' });
  await paste.getByLabel('Talks, one per line').fill(
    ['09:30 Streams and tables — Tyler Akidau', `Exactly once, really — Ada Lovelace, ${speaker}`, 'Backpressure in practice – Jane Doe'].join('\n'),
  );
  await expect(paste.getByText('3 talks recognised')).toBeVisible();
  await paste.getByRole('button', { name: 'Add 3 talks' }).click();
  await expect(paste.getByText('Added 3 talks.')).toBeVisible();
  await paste.getByLabel('Add them to').selectOption({ label: 'Day 2: Architecture' });
  await paste.getByLabel('Talks, one per line').fill([`Cells at scale — ${speaker}`, 'The boring monolith - John Roe'].join('\n'));
  await paste.getByRole('button', { name: 'Add 2 talks' }).click();
  await expect(paste.getByText('Added 2 talks.')).toBeVisible();

  // One more through the form: speakers as chips. A known name is not marked new, a comma-separated
  // entry becomes two chips, Backspace in the empty box takes the last one back, and a name still in
  // the box when the form is sent counts too.
  const addTalk = page.getByRole('form', { name: 'Add a talk' });
  await addTalk.getByLabel('Title').fill('Joins by hand');
  const speakers = addTalk.getByLabel('Speakers', { exact: true });
  await speakers.fill(speaker);
  await speakers.press('Enter');
  const chips = addTalk.getByRole('list', { name: 'Chosen speakers' });
  await expect(chips.getByRole('listitem')).toHaveText([speaker]);
  await speakers.fill(`Mo Chen ${n}, Temp Person ${n}`);
  await speakers.press('Enter');
  await expect(chips.getByRole('listitem')).toHaveText([speaker, `Mo Chen ${n}(new)`, `Temp Person ${n}(new)`]);
  await speakers.press('Backspace');
  await expect(chips.getByRole('listitem')).toHaveCount(2);
  await chips.getByRole('button', { name: `Remove speaker Mo Chen ${n}` }).click();
  await expect(chips.getByRole('listitem')).toHaveText([speaker]);
  await speakers.fill(`Rae Zee ${n}`);
  await addTalk.getByRole('button', { name: 'Add talk' }).click();
  await expect(page.getByRole('link', { name: 'Joins by hand' }).first()).toBeVisible();

  const history = page.getByRole('list', { name: 'Recent changes' });
  await expect(history.getByText(/added a talk/)).toHaveCount(6);
  await expect(history.getByText('“Cells at scale” (from a pasted list)')).toBeVisible();

  // Readers see the programme, day by day, with the speaker shared across days.
  const slug = `fjordline-summit-${n}`;
  const reader = await anonymous(browser, testInfo);
  await eventuallyShows(reader, `/conferences/${slug}/days/1`, 'Exactly once, really');
  for (const t of ['Streams and tables', 'Backpressure in practice']) await expect(reader.getByRole('link', { name: t, exact: true })).toBeVisible();
  await expect(reader.getByRole('main').getByText('Streaming', { exact: true }).first()).toBeVisible();
  await eventuallyShows(reader, `/conferences/${slug}/days/2`, 'Cells at scale');
  await expect(reader.getByRole('link', { name: 'The boring monolith', exact: true })).toBeVisible();
  await reader.goto(`/speakers/grace-hopper-${n}`);
  await expect(reader.getByRole('link', { name: 'Exactly once, really', exact: true })).toBeVisible();
  await expect(reader.getByRole('link', { name: 'Cells at scale', exact: true })).toBeVisible();
  await expect(reader.getByRole('link', { name: 'Joins by hand', exact: true })).toBeVisible();
  await reader.goto(`/speakers/rae-zee-${n}`);
  await expect(reader.getByRole('link', { name: 'Joins by hand', exact: true })).toBeVisible();
  expect((await reader.request.get(`/speakers/temp-person-${n}`)).status()).toBe(404);
});

test('speakers named in other scripts each get their own page', async ({ page }) => {
  const n = nonce();
  await signIn(page, 'ada', '/write/conferences');
  const create = page.getByRole('form', { name: 'New conference' });
  await create.getByLabel('Name').fill(`Scripts Summit ${n}`);
  await create.getByLabel('First day').fill('2025-10-01');
  await create.getByLabel('Last day').fill('2025-10-01');
  await create.getByLabel('Time zone').fill('Asia/Tokyo');
  await create.getByRole('button', { name: 'Create conference' }).click();
  await expect(page).toHaveURL(/\/write\/conferences\/\d+\?created=1$/);
  await page.getByRole('form', { name: 'Add a day' }).getByRole('button', { name: 'Add day' }).click();
  await expect(page.getByRole('heading', { name: /^Day 1/ })).toBeVisible();

  const paste = page.getByRole('form', { name: 'Paste a list of talks' });
  await paste.getByLabel('Talks, one per line').fill([`Kung fu ${n} — 李小龍`, `Kaizen ${n} — 山田太郎`, `Questions ${n} — Σωκράτης`].join('\n'));
  await paste.getByRole('button', { name: 'Add 3 talks' }).click();
  await expect(paste.getByText('Added 3 talks.')).toBeVisible();

  for (const [name, slug, mine, theirs] of [
    ['李小龍', '李小龍', `Kung fu ${n}`, `Kaizen ${n}`],
    ['山田太郎', '山田太郎', `Kaizen ${n}`, `Kung fu ${n}`],
    ['Σωκράτης', 'σωκρατης', `Questions ${n}`, `Kung fu ${n}`],
  ]) {
    const response = await page.goto(`/speakers/${encodeURIComponent(slug)}`);
    expect(response?.status(), name).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
    await expect(page.getByRole('main').getByText(mine)).toBeVisible();
    await expect(page.getByRole('main').getByText(theirs)).toHaveCount(0);
  }
  expect((await page.goto('/speakers/untitled'))!.status()).toBe(404);
});
