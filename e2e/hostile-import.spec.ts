import fs from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import type { Page } from '@playwright/test';
import { expect, signIn, submitAndWait, test } from './fixtures';

/**
 * Hostile uploads to /write/import, each refused or finished within a bound measured against a
 * baseline in the same run (never a fixed time), while other readers' requests keep being served:
 * a zip entry that claims one byte and inflates to hundreds of megabytes, a recap far over the
 * editor's length limit, and markdown the parser finds quadratic (thousands of nested brackets).
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

  // 3. Markdown the parser finds quadratic, against an ordinary recap of the same size.
  const size = 150_000;
  const ordinary = await check(page, [file('2020-01-01-ordinary.md', front('Ordinary') + realistic(size))]);
  await expect(page.getByRole('article', { name: 'Ordinary' })).toBeVisible();
  const brackets = await whileRunning(page, check(page, [file('2020-01-01-brackets.md', front('Brackets') + '['.repeat(size / 2) + ']'.repeat(size / 2))]));
  await expect(page.getByRole('region', { name: 'Review' })).toBeVisible();
  expect(brackets.took, `the bracket storm took ${brackets.took} ms; an ordinary recap of its size ${ordinary} ms`).toBeLessThan(4 * ordinary);
  expect(median(brackets.latencies), `readers waited ${median(brackets.latencies)} ms (normally ${reader} ms)`).toBeLessThan(10 * reader);
  console.log(
    `[hostile import] reader request ${reader} ms, ordinary check ${baseline} ms; zip bomb ${bomb.took} ms (readers ${median(bomb.latencies)} ms); ` +
      `250 KB recap ${oversized} ms; ${size / 1000} KB of brackets ${brackets.took} ms vs an ordinary ${size / 1000} KB recap ${ordinary} ms (readers ${median(brackets.latencies)} ms)`,
  );
});
