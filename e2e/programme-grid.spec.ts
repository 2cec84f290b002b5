import crypto from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { devices, type Locator, type Page } from '@playwright/test';
import { openDb, port, userIdByEmail } from './e2e-data';
import { expect, newClientContext, signUp, test } from './fixtures';

/**
 * A day's programme as a list and as a grid: parallel rooms side by side on a desktop, a list on
 * a phone, the view and the filters in the address (shared, kept on reload), talks without a time
 * in their own group, "Now / Next" only while the conference is on — and the page still the one
 * cached for everyone.
 */

/** One day in Bergen (Europe/Oslo, UTC+2 in May): two rooms, two tracks, two talks at 10:00, one without a time. */
function seedProgramme() {
  const db = openDb();
  try {
    const nonce = crypto.randomBytes(4).toString('hex');
    const slug = `grid-${nonce}`;
    const now = Date.now();
    return db.transaction(() => {
      const conf = db
        .prepare(`INSERT INTO conferences (slug, name, start_date, end_date, time_zone, created_at, updated_at) VALUES (?, ?, '2025-05-14', '2025-05-14', 'Europe/Oslo', ?, ?)`)
        .run(slug, `Grid Days ${nonce}`, now, now).lastInsertRowid as number;
      // The conference's own room order, not the alphabet's.
      db.prepare(`INSERT INTO rooms (conference_id, name, position) VALUES (?, 'Pier Hall', 0), (?, 'Boathouse', 1)`).run(conf, conf);
      const day = db.prepare(`INSERT INTO days (conference_id, number, date) VALUES (?, 1, '2025-05-14')`).run(conf).lastInsertRowid as number;
      const track = (name: string, position: number) => db.prepare(`INSERT INTO tracks (day_id, name, position) VALUES (?, ?, ?)`).run(day, name, position).lastInsertRowid as number;
      const data = track('Data', 0);
      const ops = track('Operations', 1);
      const insert = db.prepare(
        `INSERT INTO talks (conference_id, day_id, track_id, slug, title, starts_at, duration_minutes, room, position, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      const at = (hhmm: string) => Date.parse(`2025-05-14T${hhmm}:00+02:00`);
      const talk = (i: number, title: string, trackId: number, startsAt: number | null, minutes: number | null, room: string | null) =>
        insert.run(conf, day, trackId, `${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${nonce}`, title, startsAt, minutes, room, i, now, now);
      talk(0, 'Pagers at Dawn', ops, at('09:00'), 45, 'Boathouse');
      talk(1, 'Queues Without Tears', data, at('10:00'), 30, 'Boathouse');
      talk(2, 'Schema Drift in Practice', data, at('10:00'), 30, 'Pier Hall');
      talk(3, 'Tracing a Request', ops, at('11:00'), 60, 'Pier Hall');
      talk(4, 'Hallway Wrap-up', ops, null, null, null);
      return { slug, dayPath: `/conferences/${slug}/days/1`, tracks: { data, ops } };
    })();
  } finally {
    db.close();
  }
}

const card = (page: Page, title: string): Locator => page.getByRole('article').filter({ has: page.getByRole('heading', { name: title, exact: true }) });

/** Sums the page's layout shifts from its first paint on (read with `layoutShift`). */
async function watchLayoutShift(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { shifted: number };
    w.shifted = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!e.hadRecentInput) w.shifted += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
}
const layoutShift = (page: Page) => page.evaluate(() => (window as unknown as { shifted: number }).shifted);

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  if (!b) throw new Error('not laid out');
  return b;
}

test('the grid puts parallel rooms side by side on a desktop, in the conference’s room order; a phone gets the list', async ({ page, browser }, testInfo) => {
  const { dayPath } = seedProgramme();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(dayPath);

  // The list: a heading per start time, start and end in the conference's zone.
  const ten = page.getByRole('region', { name: '10:00' });
  await expect(ten.getByRole('article')).toHaveCount(2);
  await expect(card(page, 'Queues Without Tears')).toContainText('10:00–10:30');
  await expect(card(page, 'Queues Without Tears')).toContainText('Boathouse');
  await expect(card(page, 'Queues Without Tears')).toContainText('Data');
  let [a, b] = [await box(card(page, 'Schema Drift in Practice')), await box(card(page, 'Queues Without Tears'))];
  expect(b.y).toBeGreaterThan(a.y + a.height - 1);

  await page.getByRole('navigation', { name: 'Programme view' }).getByRole('link', { name: 'Grid' }).click();
  await expect(page).toHaveURL(/\?view=grid$/);
  [a, b] = [await box(card(page, 'Schema Drift in Practice')), await box(card(page, 'Queues Without Tears'))];
  expect(Math.abs(a.y - b.y)).toBeLessThan(2);
  expect(b.x).toBeGreaterThanOrEqual(a.x + a.width);
  // Rows follow the clock: the hour-long talk is about twice as tall as the half-hour ones.
  const hour = await box(card(page, 'Tracing a Request'));
  expect(hour.height / a.height).toBeGreaterThan(1.6);
  expect(hour.y).toBeGreaterThan(a.y + a.height);

  // Remembered: the plain address opens the grid again, laid out so from the first paint.
  await watchLayoutShift(page);
  await page.goto(dayPath);
  [a, b] = [await box(card(page, 'Schema Drift in Practice')), await box(card(page, 'Queues Without Tears'))];
  expect(Math.abs(a.y - b.y)).toBeLessThan(2);
  await expect(page.getByRole('navigation', { name: 'Programme view' }).getByRole('link', { name: 'Grid' })).toHaveAttribute('aria-current', 'true');
  expect(await layoutShift(page)).toBeLessThan(0.01);

  const phone = await newClientContext(browser, testInfo, 'phone', { ...devices['Pixel 7'] });
  const onPhone = await phone.newPage();
  await onPhone.goto(`${dayPath}?view=grid`);
  [a, b] = [await box(card(onPhone, 'Schema Drift in Practice')), await box(card(onPhone, 'Queues Without Tears'))];
  expect(b.y).toBeGreaterThan(a.y + a.height - 1);
  expect(Math.abs(a.x - b.x)).toBeLessThan(2);
  await phone.close();
});

test('talks without a time have their own group after the programme', async ({ page }) => {
  const { dayPath } = seedProgramme();
  await page.goto(dayPath);
  const untimed = page.getByRole('region', { name: 'Time not announced' });
  await expect(untimed.getByRole('article')).toHaveText([/Hallway Wrap-up/]);
  await expect(untimed.getByRole('region', { name: 'Operations' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Tracks' })).toContainText('Operations');
});

test('every track keeps the anchor speaker pages link to, whether its talks have times or not', async ({ page }) => {
  const { dayPath, tracks } = seedProgramme();
  await page.goto(`${dayPath}#track-${tracks.data}`);
  await expect(page.locator(`#track-${tracks.data}`)).toHaveText('Data');
  await expect(page.locator(`#track-${tracks.ops}`)).toHaveText('Operations');
  await expect(page.getByRole('region', { name: 'Time not announced' }).getByRole('heading', { name: 'Operations' })).toHaveAttribute('id', `track-${tracks.ops}`);
});

test('without JavaScript the day is the plain list, every talk in it, with no controls that could not work', async ({ browser }, testInfo) => {
  const { dayPath } = seedProgramme();
  const context = await newClientContext(browser, testInfo, 'no-js', { javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${dayPath}?view=grid&track=Data`);
  await expect(page.getByRole('article')).toHaveCount(5);
  await expect(page.getByRole('form', { name: 'Programme filters' })).toBeHidden();
  const [a, b] = [await box(card(page, 'Schema Drift in Practice')), await box(card(page, 'Queues Without Tears'))];
  expect(b.y).toBeGreaterThan(a.y + a.height - 1);
  await context.close();
});

test('the grid has no serious accessibility violation, light or dark', async ({ page }) => {
  const { dayPath } = seedProgramme();
  await page.setViewportSize({ width: 1280, height: 900 });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`${dayPath}?view=grid`);
    await expect(page.locator('html')).toHaveAttribute('data-programme-view', 'grid');
    const { violations } = await new AxeBuilder({ page }).include('main').analyze();
    const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`), scheme).toEqual([]);
  }
});

test('filters by track and room live in the address: shared, kept on reload, cleared with one click', async ({ page }) => {
  const { dayPath } = seedProgramme();
  await page.goto(`${dayPath}?track=Data`);
  await expect(page.getByLabel('Track', { exact: true })).toHaveValue('Data');
  await expect(page.getByRole('article')).toHaveText([/Schema Drift in Practice/, /Queues Without Tears/]);
  // A time with nothing left under it is gone too.
  await expect(page.getByRole('heading', { name: '09:00' })).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Showing 2 of 5 talks.' })).toBeVisible();

  await page.getByLabel('Room', { exact: true }).selectOption('Boathouse');
  await expect(page).toHaveURL(/\?track=Data&room=Boathouse$/);
  await expect(page.getByRole('article')).toHaveText([/Queues Without Tears/]);
  await page.reload();
  await expect(page.getByLabel('Room', { exact: true })).toHaveValue('Boathouse');
  await expect(page.getByRole('article')).toHaveText([/Queues Without Tears/]);

  await page.getByRole('button', { name: 'Show all' }).click();
  await expect(page).toHaveURL(new RegExp(`${dayPath}$`));
  await expect(page.getByRole('article')).toHaveCount(5);
});

test('"only my agenda" asks a signed-out reader to sign in and filters nothing', async ({ page }) => {
  const { dayPath } = seedProgramme();
  await page.goto(`${dayPath}?mine=1`);
  await expect(page.getByLabel('Only my agenda')).toBeChecked();
  const status = page.getByRole('form', { name: 'Programme filters' }).getByRole('status');
  await expect(status).toContainText('Sign in to see your agenda.');
  await expect(status.getByRole('link', { name: 'Sign in' })).toHaveAttribute('href', `/signin?callbackUrl=${encodeURIComponent(`${dayPath}?mine=1`)}`);
  await expect(page.getByRole('article')).toHaveCount(5);
});

test('"only my agenda" keeps the talks a signed-in reader plans to see, in the list and in the grid', async ({ page }) => {
  const { slug, dayPath } = seedProgramme();
  const { email } = await signUp(page, { name: 'Grid Planner' });
  const db = openDb();
  try {
    const userId = userIdByEmail(email);
    const ids = db
      .prepare(`SELECT t.id FROM talks t JOIN conferences c ON c.id = t.conference_id WHERE c.slug = ? AND t.title IN ('Pagers at Dawn', 'Schema Drift in Practice')`)
      .all(slug) as { id: number }[];
    expect(ids).toHaveLength(2);
    const plan = db.prepare('INSERT INTO plans (user_id, talk_id, created_at) VALUES (?, ?, ?)');
    for (const { id } of ids) plan.run(userId, id, Date.now());
  } finally {
    db.close();
  }
  await page.goto(`${dayPath}?mine=1`);
  await expect(page.getByRole('article')).toHaveText([/Pagers at Dawn/, /Schema Drift in Practice/]);
  await expect(page.getByRole('form', { name: 'Programme filters' }).getByRole('status')).toContainText('Showing 2 of 5 talks.');
  // In the grid the planned talks keep their agenda control; the talk has started, so it asks.
  await page.getByRole('navigation', { name: 'Programme view' }).getByRole('link', { name: 'Grid' }).click();
  await expect(card(page, 'Pagers at Dawn').getByText('Did you see it?')).toBeVisible();
  await page.getByLabel('Only my agenda').uncheck();
  await expect(page.getByRole('article')).toHaveCount(5);
});

test('"Now" and "Next" show during the conference, with the time line on the grid, and not outside it', async ({ page }) => {
  // QCon London 2018, day 2, 14:00 in London (GMT in March): one talk on, the next at 14:55.
  await page.clock.install({ time: new Date('2018-03-06T14:00:00Z') });
  await page.setViewportSize({ width: 1280, height: 900 });
  await watchLayoutShift(page);
  await page.goto('/conferences/qcon-london-2018/days/2?view=grid');
  const nowNext = page.getByRole('region', { name: 'Now and next' });
  await expect(nowNext).toContainText('NowLambda Architectures: a Snapshot, a Stream, & a Bunch of Deltas (Fleming, 3rd floor), until 14:30');
  await expect(nowNext).toContainText('Next14:55Actors or Not: Async Event Architectures');
  await expect(page.locator('.programme-now-line')).toBeVisible();
  // Its space was there before it was filled: nothing below it moved.
  expect(await layoutShift(page)).toBeLessThan(0.01);

  await page.goto('/conferences/qcon-london-2018');
  await expect(page.getByRole('region', { name: 'Now and next' })).toContainText('Lambda Architectures');

  const outside = await page.context().browser()!.newContext({ baseURL: `http://localhost:${port}` });
  const later = await outside.newPage();
  await later.clock.install({ time: new Date('2018-03-09T14:00:00Z') });
  await later.goto('/conferences/qcon-london-2018/days/2?view=grid');
  await expect(later.getByRole('heading', { level: 1 })).toHaveText('Day 2');
  await expect(later.getByRole('region', { name: 'Now and next' })).toBeHidden();
  await expect(later.locator('.programme-now-line')).toHaveCount(0);
  await later.goto('/conferences/qcon-london-2018');
  await expect(later.getByRole('region', { name: 'Now and next' })).toBeHidden();
  await outside.close();
});

test('the day page stays cached for everyone, whatever view or filter is asked', async ({ browser }) => {
  const { dayPath } = seedProgramme();
  const anonymous = await browser.newContext({ baseURL: `http://localhost:${port}` });
  await anonymous.request.get(dayPath);
  for (const path of [dayPath, `${dayPath}?view=grid`, `${dayPath}?track=Data&room=Boathouse&mine=1`]) {
    const res = await anonymous.request.get(path);
    expect(res.headers()['x-nextjs-cache'], path).toBe('HIT');
  }
  await anonymous.close();
});
