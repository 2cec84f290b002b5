import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { query } from './e2e-data';
import { expect, signIn, test } from './fixtures';

/**
 * /write/conferences/import in the browser: check a schedule file, import it, use the programme
 * (day page, talk page, a rating), then import a changed version and find everything kept.
 * Each test imports a conference of its own name, so runs and other specs never meet.
 */

const FIXTURE = fs.readFileSync(path.join(import.meta.dirname, '..', 'lib', 'schedule', 'fixtures', 'lakeside-2025.xml'), 'utf8');

function programme(name: string, edit: (xml: string) => string = (x) => x) {
  return { name: 'schedule.xml', mimeType: 'application/xml', buffer: Buffer.from(edit(FIXTURE.replace('Lakeside Systems Days 2025', name))) };
}

/** One talk renamed, one moved by an hour and a half, one gone. */
const changed = (xml: string) =>
  xml
    .replace('Queues Without Tears', 'Queues Without Fear')
    .replace('<date>2025-05-14T10:00:00+02:00</date>\n        <start>10:00</start>\n        <duration>00:30</duration>\n        <room>Pier Hall</room>', '<date>2025-05-14T11:30:00+02:00</date>\n        <start>11:30</start>\n        <duration>00:30</duration>\n        <room>Pier Hall</room>')
    .replace(/<room name="Pier Hall" guid="[^"]+">\s*<event guid="4fad[\s\S]*?<\/event>\s*<\/room>/, '');

async function check(page: Page, file: ReturnType<typeof programme>) {
  await page.goto('/write/conferences/import');
  await page.getByLabel('Schedule file').setInputFiles(file);
  const answered = page.waitForResponse((r) => r.url().endsWith('/write/conferences/import/check'));
  await page.getByRole('button', { name: 'Check the schedule' }).click();
  await answered;
}

test.describe.configure({ timeout: 90_000 });

test('import a programme, rate one of its talks, re-import a changed file: the rating stays', async ({ page }) => {
  const nonce = crypto.randomBytes(3).toString('hex');
  const name = `Lakeside ${nonce}`;
  const slug = `lakeside-${nonce}`;
  await signIn(page, 'ada');

  await check(page, programme(name));
  const report = page.getByRole('region', { name: `A new conference: ${name}` });
  await expect(report).toContainText('Nothing has been saved yet.');
  await expect(report).toContainText('frab / pretalx schedule XML');
  await expect(report).toContainText('Europe/Oslo');
  await expect(report).toContainText('Boathouse, Pier Hall, Sauna');
  await expect(report).toContainText('2 days, 5 talks');
  await expect(report).toContainText('4 new speakers');
  expect(query('SELECT id FROM conferences WHERE slug = ?', slug)).toEqual([]);

  await report.getByRole('button', { name: 'Import 5 talks' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported: 5 talks added' })).toBeVisible({ timeout: 20_000 });
  await page.getByRole('link', { name: 'Day 1' }).click();

  // The day page: times in the conference's zone, rooms, the after-midnight talk on day 1.
  await expect(page).toHaveURL(`/conferences/${slug}/days/1`);
  const queues = page.getByRole('article').filter({ has: page.getByRole('heading', { name: 'Queues Without Tears' }) });
  await expect(queues).toContainText('10:00');
  await expect(queues).toContainText('Boathouse');
  await expect(queues).toContainText('Tomas Berg');
  await expect(page.getByRole('heading', { name: 'Midnight Lightning Round' })).toBeVisible();

  await queues.getByRole('link', { name: 'Queues Without Tears', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Queues Without Tears' })).toBeVisible();
  // One tap on the fifth star saves the talk as seen with five stars.
  const form = page.getByRole('form', { name: /Your rating of/ });
  await expect(form.getByRole('radio', { name: '5 stars – excellent', exact: true })).toBeEnabled();
  // What a pointer taps: the star drawn by the radio's label.
  await form.locator('label').filter({ has: page.getByRole('radio', { name: '5 stars – excellent', exact: true }) }).click();
  await expect(page.getByRole('region', { name: 'Ratings' }).getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  const talkPath = new URL(page.url()).pathname;

  // The changed file: exactly the renamed and moved talks change; the gone one is only offered.
  await check(page, programme(name, changed));
  const update = page.getByRole('region', { name: `Updates ${name}` });
  await expect(update).toContainText('0 new talks, 2 changed talks, 2 unchanged.');
  await expect(update).toContainText('Queues Without Fear (title)');
  await expect(update).toContainText('Schema Drift in Practice (time)');
  const offered = update.getByRole('group', { name: 'No longer in the schedule' });
  await expect(offered.getByLabel('Remove “Hands-on: Tracing a Request”')).not.toBeChecked();
  await update.getByRole('button', { name: 'Update the programme' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported: 0 talks added, 2 changed, 2 unchanged, 0 removed.' })).toBeVisible({ timeout: 20_000 });

  // Same page, new title, the rating still counted.
  await page.goto(talkPath);
  await expect(page.getByRole('heading', { level: 1, name: 'Queues Without Fear' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Ratings' }).getByRole('table')).toContainText('Average 5.0 out of 5 from 1 rating');
  await page.goto(`/conferences/${slug}/days/2`);
  await expect(page.getByRole('heading', { name: 'Hands-on: Tracing a Request' })).toBeVisible();
  const log = query<{ detail: string }>("SELECT detail FROM audit_log WHERE action = 'schedule.import' AND entity_id = (SELECT id FROM conferences WHERE slug = ?) ORDER BY id", slug);
  expect(log.map((l) => JSON.parse(l.detail))).toMatchObject([{ added: 5, format: 'frab-xml' }, { added: 0, updated: 2, kept: 1 }]);

  // Schedule apps read the programme back.
  const json = await page.request.get(`/conferences/${slug}/schedule.json`);
  expect(json.headers()['content-type']).toContain('application/json');
  const body = (await json.json()) as { schedule: { conference: { title: string; days: { rooms: Record<string, { title: string }[]> }[] } } };
  expect(body.schedule.conference.title).toBe(name);
  expect(Object.values(body.schedule.conference.days[0].rooms).flat().map((e) => e.title)).toContain('Queues Without Fear');
  const xml = await page.request.get(`/conferences/${slug}/schedule.xml`);
  expect(await xml.text()).toContain('<title>Queues Without Fear</title>');
});

test('a file that is not a schedule is refused next to the field, and nothing is written', async ({ page }) => {
  await signIn(page, 'ben');
  // Other tests add conferences meanwhile: what this file wrote is found by its (unique) name in the audit log.
  const fileName = `notes-${crypto.randomBytes(3).toString('hex')}.json`;
  await check(page, { name: fileName, mimeType: 'application/json', buffer: Buffer.from('{"hello": "world"}') });
  await expect(page.getByLabel('Schedule file')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText(/This is not a schedule we can read/)).toBeVisible();
  expect(query<{ n: number }>('SELECT count(*) AS n FROM audit_log WHERE detail LIKE ?', `%${fileName}%`)[0].n).toBe(0);
});

test('a reader cannot check or import; the check endpoint refuses other sites', async ({ page, request }) => {
  await signIn(page, 'sam');
  await page.goto('/write/conferences/import');
  await expect(page.getByRole('heading', { name: 'Import a programme' })).toHaveCount(0);
  const asReader = await page.request.post('/write/conferences/import/check', { headers: { Origin: new URL(page.url()).origin }, multipart: { conference: 'auto' } });
  expect(asReader.status()).toBe(403);
  const foreign = await request.post('/write/conferences/import/check', { headers: { Origin: 'https://evil.example' }, multipart: { conference: 'auto' } });
  expect(foreign.status()).toBe(403);
});

for (const [label, viewport] of [
  ['desktop', { width: 1280, height: 900 }],
  ['phone', { width: 390, height: 844 }],
] as const) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`the checked report fits the ${label} screen in ${scheme} mode`, async ({ page }, testInfo) => {
      await page.setViewportSize(viewport);
      await page.emulateMedia({ colorScheme: scheme });
      await signIn(page, 'ada');
      await check(page, programme(`Screenshot ${crypto.randomBytes(3).toString('hex')}`));
      const report = page.getByRole('region', { name: /A new conference/ });
      await expect(report).toBeVisible();
      await report.locator('summary').first().click();
      // Nothing wider than the screen.
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await page.screenshot({ path: testInfo.outputPath(`import-${label}-${scheme}.png`), fullPage: true });
    });
  }
}
