import fs from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import type { Page } from '@playwright/test';
import { expect, png, signIn, submitAndWait, test } from './fixtures';
import { budgetForSize } from '../lib/budgeted-worker';

/**
 * Hostile input, each refused or finished within a bound measured against a baseline in the same
 * run (never a fixed time), while other readers' requests keep being served. Uploads to
 * /write/import: a zip entry that claims one byte and inflates to hundreds of megabytes, a recap
 * far over the editor's length limit, and markdown the parser finds quadratic (thousands of nested
 * brackets). The editor: one big upload shown 400 times, thousands of nested quotes, and the same
 * quadratic markdown in the preview and in a save.
 */
test.describe.configure({ mode: 'serial', timeout: 240_000 });

const FIXTURES = path.join(import.meta.dirname, '..', 'lib', 'jekyll', 'fixtures');
const small = { name: '2023-05-12-riverside-js-2023.markdown', mimeType: 'text/markdown', buffer: fs.readFileSync(path.join(FIXTURES, '2023-05-12-riverside-js-2023.markdown')) };
const front = (title: string) => `---\ntitle: "${title}"\ndate: 2020-01-01 10:00:00 +0000\n---\n\n`;
const file = (name: string, text: string) => ({ name, mimeType: 'text/markdown', buffer: Buffer.from(text) });

/** A long recap of ordinary shape: days, bold talks with links, notes. */
function realistic(chars: number): string {
  let body = '';
  for (let i = 0; body.length < chars; i++) {
    body += `### Day ${(i % 3) + 1}: Track ${i}\n\n**[Talk number ${i}](https://lakeside.example/talks/t${i})** by Ann Lee\n\n[Slides](https://lakeside.example/${i}.pdf)\n\n`;
    body += 'A note about the talk, with a [link](https://lakeside.example/more) and *some emphasis*, long enough to read like one. '.repeat(6) + '\n\n';
  }
  return body.slice(0, chars);
}

/** A zip whose one entry says it holds 1 byte and inflates to `size` bytes. */
function lyingZip(size: number): Buffer {
  const zip = zipSync({ 'images/posts/x.png': new Uint8Array(size) }, { level: 9 });
  const view = new DataView(zip.buffer);
  view.setUint32(22, 1, true);
  for (let i = zip.length - 22; i >= 0; i--) if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 1, true);
  return Buffer.from(zip);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Time of one "Check files" with these uploads, in ms. */
async function check(page: Page, files: { name: string; mimeType: string; buffer: Buffer }[], zip?: Buffer) {
  await page.goto('/write/import');
  await page.getByLabel('Markdown files').setInputFiles(files);
  if (zip) await page.getByLabel('Images (optional zip)').setInputFiles({ name: 'images.zip', mimeType: 'application/zip', buffer: zip });
  const started = Date.now();
  await submitAndWait(page, page.getByRole('button', { name: 'Check files' }));
  return Date.now() - started;
}

/** Latencies of reader requests sent one after another while `work` runs. */
async function whileRunning(page: Page, work: Promise<number>) {
  const latencies: number[] = [];
  let done = false;
  const result = work.finally(() => (done = true));
  while (!done) {
    const started = Date.now();
    await page.request.get('/conferences');
    latencies.push(Date.now() - started);
  }
  return { took: await result, latencies };
}

async function readerBaseline(page: Page) {
  const latencies: number[] = [];
  for (let i = 0; i < 15; i++) {
    const started = Date.now();
    await page.request.get('/conferences');
    latencies.push(Date.now() - started);
  }
  return median(latencies);
}

test('hostile imports are refused or finish within a bound, and never stall other requests', async ({ page }) => {
  await signIn(page, 'ada', '/write/import');
  const reader = await readerBaseline(page);
  const baseline = median([await check(page, [small]), await check(page, [small]), await check(page, [small])]);

  // 1. A zip bomb: one entry claims a byte and inflates to a gigabyte (a zip of about 1 MB).
  const bomb = await whileRunning(page, check(page, [small], lyingZip(1024 * 1024 * 1024)));
  await expect(page.getByText(/images\/posts\/x\.png holds more than its header says \(1 bytes\)/)).toBeVisible();
  expect(bomb.took, `zip bomb took ${bomb.took} ms; an ordinary check takes ${baseline} ms`).toBeLessThan(3 * baseline);
  expect(median(bomb.latencies), `readers waited ${median(bomb.latencies)} ms (normally ${reader} ms)`).toBeLessThan(10 * reader);

  // 2. A recap ten times longer than the editor takes: refused before it is parsed.
  const long = front('Too long') + realistic(250_000);
  const oversized = await check(page, [file('2020-01-01-too-long.md', long)]);
  await expect(page.getByText(/characters long; a recap is at most 200,000 \(as in the editor\): split it into two/)).toBeVisible();
  expect(oversized, `the oversized recap took ${oversized} ms; an ordinary check takes ${baseline} ms`).toBeLessThan(3 * baseline);

  // 3. Markdown the parser finds quadratic, against an ordinary recap of the same size checked
  //    under the same conditions (readers' requests running beside it).
  const size = 150_000;
  const ordinary = (await whileRunning(page, check(page, [file('2020-01-01-ordinary.md', front('Ordinary') + realistic(size))]))).took;
  await expect(page.getByRole('article', { name: 'Ordinary' })).toBeVisible();
  const brackets = await whileRunning(page, check(page, [file('2020-01-01-brackets.md', front('Brackets') + '['.repeat(size / 2) + ']'.repeat(size / 2))]));
  await expect(page.getByRole('region', { name: 'Review' })).toBeVisible();
  // Read within the parse's time budget for its size (a few seconds of scheduling aside), or cut
  // off by it, however fast an ordinary recap reads: without the budget it would run for minutes.
  const budget = budgetForSize(size);
  expect(brackets.took, `the bracket storm took ${brackets.took} ms; its budget is ${budget} ms, an ordinary recap of its size ${ordinary} ms`).toBeLessThan(budget + 3_000);
  expect(median(brackets.latencies), `readers waited ${median(brackets.latencies)} ms (normally ${reader} ms)`).toBeLessThan(10 * reader);
  console.log(
    `[hostile import] reader request ${reader} ms, ordinary check ${baseline} ms; zip bomb ${bomb.took} ms (readers ${median(bomb.latencies)} ms); ` +
      `250 KB recap ${oversized} ms; ${size / 1000} KB of brackets ${brackets.took} ms vs an ordinary ${size / 1000} KB recap ${ordinary} ms (readers ${median(brackets.latencies)} ms)`,
  );
});

/** Time of one preview of `markdown` by raw request (as the editor sends it), in ms, with the answer. */
async function preview(page: Page, markdown: string) {
  const started = Date.now();
  const response = await page.request.post('/write/preview', { data: { markdown }, headers: { Origin: test.info().project.use.baseURL! } });
  const took = Date.now() - started;
  return { took, status: response.status(), body: (await response.json()) as { html?: string; error?: string } };
}

test('hostile recaps in the editor are refused or finish within a bound, and never stall other requests', async ({ page }) => {
  await signIn(page, 'ada', '/write');
  const reader = await readerBaseline(page);

  // An upload of a few megabytes, shown 400 times: sized once, not read 400 times.
  await page.getByRole('button', { name: 'New recap' }).click();
  await expect(page).toHaveURL(/\/write\/\d+$/, { timeout: 20_000 });
  const big = png(1200, 1000, [0, 0, 0], { noise: true });
  await page.getByLabel('Image file to upload').setInputFiles({ name: 'crowd.png', mimeType: 'image/png', buffer: big });
  const body = page.getByLabel('Recap text (Markdown)');
  await expect(body).toHaveValue(/!\[crowd\]\(\/uploads\/[0-9a-f]{64}\.png\)/, { timeout: 20_000 });
  const upload = /\/uploads\/[0-9a-f]{64}\.png/.exec(await body.inputValue())![0];
  const times = (src: string) => Array.from({ length: 400 }, (_, i) => `Shot ${i}: ![crowd](${src})`).join('\n\n');
  // Each side is timed with readers' requests running beside it, so both wait for the same load.
  const remotely = async () => (await whileRunning(page, preview(page, times('https://images.example/crowd.png')).then((r) => r.took))).took;
  const remote = median([await remotely(), await remotely(), await remotely()]);
  const images = await whileRunning(page, preview(page, times(upload)).then((r) => {
    expect(r.status).toBe(200);
    expect(r.body.html!.match(/width="1200" height="1000"/g)).toHaveLength(400);
    return r.took;
  }));
  expect(images.took, `400 references to a ${Math.round(big.length / 1024)} KB upload took ${images.took} ms; to a remote image ${remote} ms`).toBeLessThan(2 * remote);
  expect(median(images.latencies), `readers waited ${median(images.latencies)} ms (normally ${reader} ms)`).toBeLessThan(10 * reader);

  // Thousands of nested quotes: previewed and saved (they used to fail with a 500).
  const quotes = `${'> '.repeat(2_000)}the deepest quote`;
  const nested = await preview(page, quotes);
  expect(nested.status).toBe(200);
  expect(nested.body.html).toContain('the deepest quote');
  await body.fill(quotes);
  await expect(page.getByRole('status').filter({ hasText: /^Saved at \d{2}:\d{2}$/ })).toBeVisible({ timeout: 30_000 });
  await page.reload();
  await expect(body).toHaveValue(quotes);

  // Markdown the parser finds quadratic, against an ordinary recap of the same size.
  const size = 150_000;
  const ordinarily = async () => (await whileRunning(page, preview(page, realistic(size)).then((r) => r.took))).took;
  const ordinary = median([await ordinarily(), await ordinarily()]);
  const storm = '['.repeat(size / 2) + ']'.repeat(size / 2);
  const brackets = await whileRunning(page, preview(page, storm).then((r) => {
    expect(r.status).toBe(422);
    expect(r.body.error).toMatch(/could not be rendered/);
    return r.took;
  }));
  // Refused by the render's time budget for its size (a few seconds of scheduling aside), however
  // fast an ordinary recap renders: without the budget the parse would run for minutes.
  const budget = budgetForSize(Buffer.byteLength(storm));
  expect(brackets.took, `the bracket storm took ${brackets.took} ms; its budget is ${budget} ms, an ordinary recap of its size ${ordinary} ms`).toBeLessThan(budget + 3_000);
  expect(median(brackets.latencies), `readers waited ${median(brackets.latencies)} ms (normally ${reader} ms)`).toBeLessThan(10 * reader);

  // Saved, it is refused next to the text, and the text stays as typed.
  await body.fill(storm);
  await expect(page.getByText(/could not be rendered/).first()).toBeVisible({ timeout: 60_000 });
  await expect(body).toHaveAttribute('aria-invalid', 'true');
  await expect(body).toHaveValue(storm);
  console.log(
    `[hostile editor] reader request ${reader} ms; 400 upload references ${images.took} ms vs 400 remote ${remote} ms (readers ${median(images.latencies)} ms); ` +
      `${size / 1000} KB of brackets refused in ${brackets.took} ms vs an ordinary ${size / 1000} KB preview ${ordinary} ms (readers ${median(brackets.latencies)} ms)`,
  );
});
