import crypto from 'node:crypto';
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { openDb, port, postAction, query, userIdByEmail } from './e2e-data';
import { createAccount, expect, newClientContext, pageFor, signUp, test } from './fixtures';

/**
 * Talk ratings and the attendee's journal, end to end against the production build.
 *
 * Every test rates talks of a conference of its own, written straight into the e2e database
 * (unique slugs, never requested before, so no cached page stands in the way and no other spec's
 * ratings change the numbers), and rates as a fresh account made through /signup.
 */

const HOUR = 3_600_000;
const SAVE_RATING = { file: 'app/journal/actions.ts', name: 'saveRatingAction' };
const MODERATE_RATING = { file: 'app/journal/actions.ts', name: 'moderateRatingAction' };

type Seeded = {
  slug: string;
  name: string;
  dayPath: string;
  talks: { id: number; slug: string; title: string; path: string }[];
  future: { id: number; slug: string; title: string; path: string; startsAt: number };
};

/** A conference with one day, one track, three talks that have started and one that starts tomorrow. */
function seedConference(label: string): Seeded {
  const db = openDb();
  try {
    const nonce = crypto.randomBytes(4).toString('hex');
    const slug = `rated-${label}-${nonce}`;
    const name = `Rated Conf ${label} ${nonce}`;
    const now = Date.now();
    return db.transaction(() => {
      const conf = db
        .prepare(`INSERT INTO conferences (slug, name, start_date, end_date, time_zone, created_at, updated_at) VALUES (?, ?, '2024-06-03', '2024-06-03', 'Europe/Oslo', ?, ?)`)
        .run(slug, name, now, now).lastInsertRowid as number;
      const day = db.prepare(`INSERT INTO days (conference_id, number, date) VALUES (?, 1, '2024-06-03')`).run(conf).lastInsertRowid as number;
      const track = db.prepare(`INSERT INTO tracks (day_id, name, position) VALUES (?, 'Main track', 0)`).run(day).lastInsertRowid as number;
      const insert = db.prepare(
        `INSERT INTO talks (conference_id, day_id, track_id, slug, title, starts_at, position, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      const talk = (i: number, title: string, startsAt: number) => {
        const tslug = `${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${nonce}`;
        const id = insert.run(conf, day, track, tslug, `${title} ${nonce}`, startsAt, i, now, now).lastInsertRowid as number;
        return { id, slug: tslug, title: `${title} ${nonce}`, path: `/conferences/${slug}/talks/${tslug}`, startsAt };
      };
      const started = Date.UTC(2024, 5, 3, 7, 0);
      const talks = [talk(0, 'Streams in practice', started), talk(1, 'Queues at scale', started + HOUR), talk(2, 'Logs all the way down', started + 2 * HOUR)];
      const future = talk(3, 'Tomorrow’s talk', now + 24 * HOUR);
      return { slug, name, dayPath: `/conferences/${slug}/days/1`, talks, future };
    })();
  } finally {
    db.close();
  }
}

/** A published recap by `authorEmail` covering one talk, written straight into the database. */
function seedRecap({ authorEmail, talkId, slug, publishedAt }: { authorEmail: string; talkId: number; slug: string; publishedAt: number }) {
  const db = openDb();
  try {
    const now = Date.now();
    const post = db
      .prepare(
        `INSERT INTO posts (slug, author_id, title, status, published_at, created_at, updated_at)
         SELECT ?, id, 'Moderation recap', 'published', ?, ?, ? FROM users WHERE email = ?`,
      )
      .run(slug, publishedAt, now, now, authorEmail).lastInsertRowid;
    db.prepare('INSERT INTO post_talks (post_id, talk_id, position) VALUES (?, ?, 0)').run(post, talkId);
  } finally {
    db.close();
  }
}

/** The talk's card on a day list. */
function talkCard(page: Page, title: string): Locator {
  return page.getByRole('article').filter({ has: page.getByRole('heading', { name: title }) });
}

const STAR_NAMES = { 1: '1 star – poor', 2: '2 stars – fair', 3: '3 stars – good', 4: '4 stars – very good', 5: '5 stars – excellent' } as const;
type Stars = keyof typeof STAR_NAMES;

function star(scope: Locator, n: Stars): Locator {
  return scope.getByRole('radio', { name: STAR_NAMES[n], exact: true });
}

/** What a pointer taps: the star drawn by the radio's label. */
function starButton(scope: Locator, n: Stars): Locator {
  return scope.locator('label').filter({ has: scope.page().getByRole('radio', { name: STAR_NAMES[n], exact: true }) });
}

/** Runs `act` and returns the JSON answer of the `POST /api/ratings` it caused. */
async function answered(page: Page, act: () => Promise<unknown>) {
  const response = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/ratings' && r.request().method() === 'POST');
  await act();
  return (await response).json();
}

/** One tap on a star of a day list's card, once the user's entry has loaded. */
async function tapStar(card: Locator, n: Stars) {
  await expect(star(card, n)).toBeEnabled();
  const answer = await answered(card.page(), () => starButton(card, n).click());
  expect(answer).toMatchObject({ ok: true });
  await expect(card.getByRole('status')).toHaveText(/Saved to your journal\.|Already saved/);
}

/** On a day list's card: the stars (if any) with one tap, then the rest through "More" and Save. */
async function rateOnCard(card: Locator, { stars, how, review, seenOn }: { stars?: Stars; how?: string; review?: string; seenOn?: string }) {
  if (stars) await tapStar(card, stars);
  if (!how && !seenOn && review === undefined) return;
  await expect(card.getByRole('button', { name: /^More/ })).toBeVisible();
  await card.getByRole('button', { name: /^More/ }).click();
  const more = card.getByRole('form', { name: /Your rating of/ });
  if (how) await more.getByLabel(how, { exact: true }).check();
  if (seenOn) await more.getByLabel('Date seen').fill(seenOn);
  if (review !== undefined) await more.getByLabel(/^Review/).fill(review);
  expect(await answered(card.page(), () => more.getByRole('button', { name: 'Save' }).click())).toMatchObject({ ok: true });
}

/** On the talk page: fills the optional fields, then taps the stars (which saves the whole form) or presses Save. */
async function rateOnTalkPage(page: Page, { stars, how, review, seenOn }: { stars?: Stars; how?: string; review?: string; seenOn?: string }) {
  const form = page.getByRole('form', { name: /Your rating of/ });
  if (how) await form.getByLabel(how, { exact: true }).check();
  if (seenOn) await form.getByLabel('Date seen').fill(seenOn);
  if (review !== undefined) await form.getByLabel(/^Review/).fill(review);
  const answer = await answered(page, () => (stars ? starButton(form, stars).click() : form.getByRole('button', { name: 'Save' }).click()));
  expect(answer).toMatchObject({ ok: true });
  return answer;
}

// ------------------------------------------------------------ the tests

// Each test makes its own accounts (argon2id hashing on sign-up): slower than a page check.
test.describe.configure({ timeout: 120_000 });

test('one tap on a star saves the talk as seen, with one request and no page render; the day list and the talk page show the new numbers', async ({ page }) => {
  const conf = seedConference('flow');
  const [talk] = conf.talks;
  await signUp(page, { name: 'Rita Rater' });

  await page.goto(conf.dayPath);
  const card = talkCard(page, talk.title);
  await expect(card).toContainText('No ratings yet');
  await expect(card.getByRole('radiogroup', { name: `Your stars for “${talk.title}”` })).toBeVisible();
  await expect(star(card, 4)).toBeEnabled();

  // Every request the tap causes; Next's prefetches of links coming into view are not the tap's.
  await page.waitForLoadState('networkidle');
  const requests: { method: string; url: string; rsc: boolean }[] = [];
  page.on('request', (r) => {
    const h = r.headers();
    if (!('next-router-prefetch' in h) && !('next-router-segment-prefetch' in h)) requests.push({ method: r.method(), url: r.url(), rsc: 'rsc' in r.headers() || r.url().includes('_rsc=') });
  });
  const answer = await answered(page, () => starButton(card, 4).click());
  await expect(card.getByRole('status')).toHaveText('Saved to your journal.');
  // The numbers come with the answer: shown at once, without asking for the page again.
  await expect(card).toContainText('4.0');
  await expect(card).toContainText('(1 rating)');
  await expect(card).toContainText('1 saw it');
  await expect(card).toContainText('Saw it in the room');
  await expect(star(card, 4)).toBeChecked();
  expect(requests).toEqual([{ method: 'POST', url: `http://localhost:${port}/api/ratings`, rsc: false }]);
  expect(answer).toEqual({
    ok: true,
    message: 'Saved to your journal.',
    talkId: talk.id,
    rating: { stars: 4, review: null, seenHow: 'room', seenOn: null, hidden: false, excluded: false },
    aggregates: { ratingCount: 1, ratingSum: 4, attendanceCount: 1 },
  });
  expect(query('SELECT stars, seen_how, seen_on FROM ratings WHERE talk_id = ?', talk.id)).toEqual([{ stars: 4, seen_how: 'room', seen_on: null }]);

  // The cached day list was only marked stale: its next read shows the new average.
  await page.reload();
  await expect(talkCard(page, talk.title)).toContainText('4.0');
  await expect(talkCard(page, talk.title)).toContainText('(1 rating)');
  await expect(star(talkCard(page, talk.title), 4)).toBeChecked();

  await page.goto(talk.path);
  const ratings = page.getByRole('region', { name: 'Ratings' });
  await expect(page.getByRole('main').locator('article > header')).toContainText('4.0');
  await expect(ratings.getByRole('table')).toContainText('Average 4.0 out of 5 from 1 rating');
  const form = ratings.getByRole('form', { name: /Your rating of/ });
  await expect(star(form, 4)).toBeChecked();
  await expect(form).toContainText('Saw it in the room');

  // A second tap on the talk page changes the stars; the header's numbers follow at once.
  await rateOnTalkPage(page, { stars: 2 });
  await expect(page.getByRole('main').locator('article > header')).toContainText('2.0');
  await expect(form.getByRole('status')).toHaveText('Saved to your journal.');
  await page.goto(conf.dayPath);
  await expect(talkCard(page, talk.title)).toContainText('2.0');
});

test('the stars are one radio group: arrow keys move without saving, Enter and Space save', async ({ page }) => {
  const conf = seedConference('keys');
  const talk = conf.talks[1];
  await signUp(page, { name: 'Key Rater' });
  await page.goto(conf.dayPath);
  const card = talkCard(page, talk.title);
  await expect(star(card, 1)).toBeEnabled();

  let posts = 0;
  page.on('request', (r) => r.method() === 'POST' && posts++);
  await star(card, 1).focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(star(card, 3)).toBeFocused();
  await expect(star(card, 3)).not.toBeChecked();
  expect(posts).toBe(0);
  expect(await answered(page, () => page.keyboard.press('Enter'))).toMatchObject({ ok: true, rating: { stars: 3 } });
  await expect(star(card, 3)).toBeChecked();

  await page.keyboard.press('ArrowRight');
  await expect(star(card, 4)).toBeFocused();
  expect(await answered(page, () => page.keyboard.press('Space'))).toMatchObject({ ok: true, rating: { stars: 4 } });
  await expect(star(card, 4)).toBeChecked();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(star(card, 2)).toBeFocused();
  expect(posts).toBe(2);
  expect(query('SELECT stars FROM ratings WHERE talk_id = ?', talk.id)).toEqual([{ stars: 4 }]);
});

test('"More" holds the rest of the entry: how, a later date seen and a review; removing it takes the numbers back', async ({ page }) => {
  const conf = seedConference('more');
  const talk = conf.talks[2];
  await signUp(page, { name: 'Late Watcher' });
  await page.goto(conf.dayPath);
  const card = talkCard(page, talk.title);
  await tapStar(card, 5);

  await card.getByRole('button', { name: /^More/ }).click();
  const more = card.getByRole('form', { name: `Your rating of “${talk.title}”` });
  await expect(more.getByLabel('In the room', { exact: true })).toBeChecked();
  // The date seen starts as the talk's own day.
  await expect(more.getByLabel('Date seen')).toHaveValue('2024-06-03');
  await more.getByLabel('Recording', { exact: true }).check();
  await more.getByLabel('Date seen').fill('2024-06-20');
  await more.getByLabel(/^Review/).fill('Watched it at home.\nStill great.');
  const answer = await answered(page, () => more.getByRole('button', { name: 'Save' }).click());
  expect(answer).toMatchObject({ ok: true, rating: { stars: 5, seenHow: 'recording', seenOn: '2024-06-20', review: 'Watched it at home.\nStill great.' } });
  await expect(card).toContainText('Saw it from the recording');
  expect(query('SELECT stars, seen_how, seen_on, review FROM ratings WHERE talk_id = ?', talk.id)).toEqual([
    { stars: 5, seen_how: 'recording', seen_on: '2024-06-20', review: 'Watched it at home.\nStill great.' },
  ]);

  // A day still to come is refused next to the field, and what was typed stays.
  await more.getByLabel('Date seen').fill('2099-01-01');
  await more.getByLabel(/^Review/).fill('Changed my mind.');
  expect(await answered(page, () => more.getByRole('button', { name: 'Save' }).click())).toMatchObject({ ok: false, fieldErrors: { seenOn: ['That day has not come yet.'] } });
  await expect(more.getByText('That day has not come yet.')).toBeVisible();
  await expect(more.getByLabel('Date seen')).toHaveAttribute('aria-invalid', 'true');
  await expect(more.getByLabel(/^Review/)).toHaveValue('Changed my mind.');
  await expect(card).toContainText('Saw it from the recording');

  // Another tap keeps the how, the date and the review: it changes the stars only.
  await tapStar(card, 3);
  expect(query('SELECT stars, seen_how, seen_on, review FROM ratings WHERE talk_id = ?', talk.id)).toEqual([
    { stars: 3, seen_how: 'recording', seen_on: '2024-06-20', review: 'Watched it at home.\nStill great.' },
  ]);

  await page.goto(talk.path);
  const form = page.getByRole('region', { name: 'Ratings' }).getByRole('form', { name: /Your rating of/ });
  await expect(form).toContainText('Saw it from the recording on 20 June 2024');
  await expect(form.getByLabel('Date seen')).toHaveValue('2024-06-20');
  await expect(form.getByLabel(/^Review/)).toHaveValue('Watched it at home.\nStill great.');
  await expect(page.getByRole('region', { name: 'Reviews' })).toContainText('Watched it at home.');

  await page.goto(conf.dayPath);
  await talkCard(page, talk.title).getByRole('button', { name: /^More/ }).click();
  const removed = await answered(page, () => talkCard(page, talk.title).getByRole('button', { name: 'Remove from my journal' }).click());
  expect(removed).toMatchObject({ ok: true, rating: null, aggregates: { ratingCount: 0, ratingSum: 0, attendanceCount: 0 } });
  await expect(talkCard(page, talk.title).getByRole('status')).toHaveText('Removed from your journal.');
  await expect(talkCard(page, talk.title)).toContainText('No ratings yet');
  await expect(star(talkCard(page, talk.title), 3)).not.toBeChecked();
  expect(query('SELECT rating_count, rating_sum, attendance_count FROM talks WHERE id = ?', talk.id)).toEqual([{ rating_count: 0, rating_sum: 0, attendance_count: 0 }]);
});

test('a tap that does not reach the server is taken back, with a message', async ({ page }) => {
  const conf = seedConference('offline');
  const talk = conf.talks[0];
  await signUp(page, { name: 'Offline Rater' });
  await page.goto(conf.dayPath);
  const card = talkCard(page, talk.title);
  await expect(star(card, 5)).toBeEnabled();
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route('**/api/ratings', async (route) => {
    await held;
    await route.abort('internetdisconnected');
  });
  await starButton(card, 5).click();
  // Shown at once…
  await expect(star(card, 5)).toBeChecked();
  await expect(card).toContainText('Saw it in the room');
  release();
  // …and taken back when the save fails.
  await expect(card.getByRole('status')).toHaveText(/could not be reached, so nothing was saved/);
  await expect(star(card, 5)).not.toBeChecked();
  await expect(card).not.toContainText('Saw it in the room');
  expect(query('SELECT count(*) AS n FROM ratings WHERE talk_id = ?', talk.id)).toEqual([{ n: 0 }]);
});

test('two raters: the day list shows their average with one decimal', async ({ browser }, testInfo) => {
  const conf = seedConference('avg');
  const talk = conf.talks[1];
  for (const stars of [5, 4] as const) {
    const context = await newClientContext(browser, testInfo, `rater-${stars}`);
    const page = await context.newPage();
    await signUp(page, { name: `Avg ${stars}` });
    await page.goto(conf.dayPath);
    await tapStar(talkCard(page, talk.title), stars);
    await page.context().close();
  }
  const page = await browser.newPage({ baseURL: testInfo.project.use.baseURL });
  await page.goto(conf.dayPath);
  await expect(talkCard(page, talk.title)).toContainText('4.5');
  await expect(talkCard(page, talk.title)).toContainText('(2 ratings)');
  await page.close();
});

test.describe('without JavaScript', () => {
  test('the talk page is a plain form with the same fields that posts and comes back; the day list links to it', async ({ browser }, testInfo) => {
    const conf = seedConference('nojs');
    const talk = conf.talks[2];
    // Sign up with JavaScript, then carry the session cookie into a context without it.
    const withJs = await newClientContext(browser, testInfo, 'with-js');
    await signUp(await withJs.newPage(), { name: 'No Script' });
    const storageState = await withJs.storageState();
    await withJs.close();
    const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL, javaScriptEnabled: false, storageState });
    const page = await context.newPage();

    await page.goto(conf.dayPath);
    const rate = talkCard(page, talk.title).getByRole('link', { name: `Rate this talk “${talk.title}”` });
    await expect(rate).toHaveAttribute('href', `${talk.path}#your-rating`);
    await rate.click();
    await expect(page).toHaveURL(new RegExp(`${talk.path}#your-rating$`));

    const form = page.getByRole('region', { name: 'Ratings' }).getByRole('form', { name: /Your rating of/ });
    await starButton(form, 5).click();
    await form.getByLabel('Livestream', { exact: true }).check();
    await form.getByLabel('Date seen').fill('2024-06-04');
    await form.getByLabel(/^Review/).fill('Worked without scripts.');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('Saved to your journal.')).toBeVisible();
    expect(query('SELECT stars, seen_how, seen_on, review FROM ratings WHERE talk_id = ?', talk.id)).toEqual([
      { stars: 5, seen_how: 'livestream', seen_on: '2024-06-04', review: 'Worked without scripts.' },
    ]);

    await page.goto(talk.path);
    await expect(page.getByRole('region', { name: 'Ratings' }).getByRole('table')).toContainText('Average 5.0 out of 5 from 1 rating');
    await expect(page.getByRole('region', { name: 'Reviews' })).toContainText('Worked without scripts.');
    await context.close();
  });
});

test('a signed-out visitor is sent to sign in and comes back to the same talk', async ({ page, browser }, testInfo) => {
  const conf = seedConference('visitor');
  const talk = conf.talks[0];
  const account = await createAccount(browser, testInfo, { name: 'Back Again' });
  await page.goto(talk.path);
  const ratings = page.getByRole('region', { name: 'Ratings' });
  await ratings.getByRole('link', { name: /Sign in to rate/ }).click();
  await expect(page).toHaveURL(new RegExp(`/signin\\?callbackUrl=${encodeURIComponent(talk.path).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${talk.path}$`));
  await expect(page.getByRole('region', { name: 'Ratings' })).toContainText('Tap a star to save it to your journal.');
  await expect(star(page.getByRole('region', { name: 'Ratings' }), 3)).toBeEnabled();
});

test('the rating island keeps its place: the talk card does not move when it loads', async ({ page }) => {
  const conf = seedConference('shift');
  const talk = conf.talks[0];
  await signUp(page, { name: 'Still Card' });
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route('**/api/me/ratings?*', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(conf.dayPath);
  const card = talkCard(page, talk.title);
  await expect(card.getByRole('link', { name: /Rate this talk/ })).toBeVisible();
  const before = await card.boundingBox();
  release();
  await expect(star(card, 3)).toBeVisible();
  const after = await card.boundingBox();
  expect(after?.height).toBe(before?.height);
});

test('the journal lists what was rated; its CSV export imports back, and unmatched lines are reported', async ({ page }) => {
  const conf = seedConference('journal');
  const [a, b] = conf.talks;
  await signUp(page, { name: 'Journal Keeper' });
  await page.goto(conf.dayPath);
  await rateOnCard(talkCard(page, a.title), { stars: 5, review: 'Best of the day, "quoted", with a comma' });
  await rateOnCard(talkCard(page, b.title), { how: 'Recording', seenOn: '2024-07-01' });

  await page.goto('/journal');
  const section = page.getByRole('region', { name: conf.name });
  await expect(section.getByRole('heading', { name: /Day 1/ })).toBeVisible();
  await expect(section.getByRole('article')).toHaveCount(2);
  await expect(section.getByRole('article').filter({ hasText: a.title })).toContainText('Saw it in the room');
  await expect(section.getByRole('article').filter({ hasText: a.title })).toContainText('Best of the day');
  await expect(section.getByRole('article').filter({ hasText: b.title })).toContainText('Saw it from the recording');
  const totals = page.getByRole('main').locator('dl').first().getByRole('definition');
  await expect(totals.nth(0)).toHaveText('2');
  await expect(totals.nth(1)).toHaveText('1');
  await expect(totals.nth(2)).toContainText('5.0');

  // Filters: by year (the conference is in 2024) and by conference.
  await page.goto('/journal?year=2019');
  await expect(page.getByRole('region', { name: conf.name })).toHaveCount(0);
  await page.goto(`/journal?conference=${conf.slug}`);
  await expect(page.getByRole('region', { name: conf.name }).getByRole('article')).toHaveCount(2);

  // Export.
  const res = await page.request.get('/journal/export.csv');
  expect(res.headers()['content-type']).toContain('text/csv');
  expect(res.headers()['cache-control']).toContain('no-store');
  const csv = (await res.text()).replace(/^\uFEFF/, '');
  const lines = csv.split('\r\n');
  expect(lines[0]).toBe('date,conference,day,track,talk,speakers,how seen,stars,review,talk URL,seen on');
  expect(csv).toContain(`2024-06-03,${conf.name},1,Main track,${a.title},,room,5,"Best of the day, ""quoted"", with a comma",http://localhost:${port}${a.path},2024-06-03`);
  expect(csv).toContain(`2024-06-03,${conf.name},1,Main track,${b.title},,recording,,,http://localhost:${port}${b.path},2024-07-01`);

  // Wipe the two entries, then import the file back with one line that matches nothing.
  for (const t of [a, b]) {
    await page.goto(t.path);
    const ratings = page.getByRole('region', { name: 'Ratings' });
    expect(await answered(page, () => ratings.getByRole('button', { name: 'Remove from my journal' }).click())).toMatchObject({ ok: true, rating: null });
    await expect(ratings.getByRole('status').filter({ hasText: 'Removed' })).toBeVisible();
  }
  await page.goto('/journal');
  await expect(page.getByRole('region', { name: conf.name })).toHaveCount(0);
  const withUnknown = `${csv.trimEnd()}\r\n2024-06-03,${conf.name},1,,Nope,,room,3,,http://localhost:${port}/conferences/${conf.slug}/talks/no-such-talk,\r\n`;
  await page.getByLabel('CSV file to import').setInputFiles({ name: 'journal.csv', mimeType: 'text/csv', buffer: Buffer.from(withUnknown) });
  await page.getByRole('button', { name: 'Import CSV' }).click();
  await expect(page.getByText(/Import done: 2 entries added or changed, 1 line not imported\./)).toBeVisible();
  await expect(page.getByText('Line 4 (“Nope”): no such talk on Hallway.')).toBeVisible();
  const restored = page.getByRole('region', { name: conf.name });
  await expect(restored.getByRole('article')).toHaveCount(2);
  await expect(restored.getByRole('article').filter({ hasText: a.title })).toContainText('Best of the day, "quoted", with a comma');

  // Round trip: exporting again gives the same lines for this conference.
  const again = (await (await page.request.get('/journal/export.csv')).text()).replace(/^\uFEFF/, '');
  const mineOnly = (text: string) => text.split('\r\n').filter((l) => l.includes(conf.name)).sort();
  expect(mineOnly(again)).toEqual(mineOnly(csv));
  // The talk's own day comes back as "the talk's day"; a later one as that date.
  expect(query('SELECT talk_id, seen_on FROM ratings WHERE talk_id IN (?, ?) ORDER BY talk_id', a.id, b.id)).toEqual([
    { talk_id: a.id, seen_on: null },
    { talk_id: b.id, seen_on: '2024-07-01' },
  ]);
  expect(query<{ rating_count: number; rating_sum: number; attendance_count: number }>('SELECT rating_count, rating_sum, attendance_count FROM talks WHERE id = ?', a.id)).toEqual([
    { rating_count: 1, rating_sum: 5, attendance_count: 1 },
  ]);
});

test('a public journal is at /u/<handle> only while its owner makes it public', async ({ page, browser }, testInfo) => {
  const conf = seedConference('public');
  const me = await signUp(page, { name: 'Open Book' });
  const handle = query<{ handle: string }>('SELECT handle FROM users WHERE email = ?', me.email)[0].handle;
  await page.goto(conf.dayPath);
  await rateOnCard(talkCard(page, conf.talks[0].title), { stars: 3, review: 'Public words.' });

  const visitor = await browser.newPage({ baseURL: testInfo.project.use.baseURL });
  expect((await visitor.goto(`/u/${handle}`))?.status()).toBe(404);
  await page.goto('/account');
  await page.getByRole('checkbox', { name: 'Make my journal public' }).check();
  await page.getByRole('button', { name: 'Save visibility' }).click();
  await expect(page.getByText(`Your journal is public at /u/${handle}.`)).toBeVisible();
  expect((await visitor.goto(`/u/${handle}`))?.status()).toBe(200);
  await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Open Book’s journal');
  await expect(visitor.getByRole('region', { name: conf.name })).toContainText('Public words.');
  // Read-only: no rating form for the visitor.
  await expect(visitor.getByRole('form', { name: /Your rating of/ })).toHaveCount(0);
  await visitor.close();
});

test('the journal page makes the journal public or private where it says so, and copies its link', async ({ page, browser, context }, testInfo) => {
  const me = await signUp(page, { name: 'Toggle Keeper' });
  const handle = query<{ handle: string }>('SELECT handle FROM users WHERE email = ?', me.email)[0].handle;
  const visitor = await browser.newPage({ baseURL: testInfo.project.use.baseURL });
  const header = page.getByRole('main').locator('header').first();

  await page.goto('/journal');
  await expect(header).toContainText('Only you can see it.');
  await header.getByRole('button', { name: 'Make it public' }).click();
  await expect(header.getByRole('status')).toHaveText('Your journal is now public.');
  await expect(header).toContainText(`It is public at /u/${handle}`);
  await expect(header.getByRole('button', { name: 'Make it private' })).toBeVisible();
  expect((await visitor.goto(`/u/${handle}`))?.status()).toBe(200);

  // The copy button puts the full address on the clipboard.
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await header.getByRole('button', { name: 'Copy link' }).click();
  await expect(header.getByText('Copied.')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${testInfo.project.use.baseURL}/u/${handle}`);

  await header.getByRole('button', { name: 'Make it private' }).click();
  await expect(header.getByRole('status')).toHaveText('Your journal is now private.');
  await expect(header.getByRole('button', { name: 'Make it public' })).toBeVisible();
  expect((await visitor.goto(`/u/${handle}`))?.status()).toBe(404);
  await visitor.close();

  // Without JavaScript: the toggle is a form that still works, and "Copy link" is the plain link.
  const plain = await newClientContext(browser, testInfo, 'no-js', { javaScriptEnabled: false, storageState: await context.storageState() });
  const noJs = await plain.newPage();
  await noJs.goto('/journal');
  await noJs.getByRole('button', { name: 'Make it public' }).click();
  await expect(noJs.getByRole('main').getByText('Your journal is now public.')).toBeVisible();
  await expect(noJs.getByRole('main').getByRole('link', { name: 'Copy link' })).toHaveAttribute('href', `/u/${handle}`);
  await noJs.getByRole('main').getByRole('link', { name: 'Copy link' }).click();
  await expect(noJs.getByRole('heading', { level: 1 })).toHaveText('Toggle Keeper’s journal');
  await plain.close();
});

test('journal filters apply as they change, and with the Show button when JavaScript is off', async ({ page, browser, context }, testInfo) => {
  const first = seedConference('filter-a');
  const second = seedConference('filter-b');
  await signUp(page, { name: 'Filter Keeper' });
  for (const conf of [first, second]) {
    await page.goto(conf.dayPath);
    await tapStar(talkCard(page, conf.talks[0].title), 4);
  }

  await page.goto('/journal');
  const filters = page.getByRole('form', { name: 'Filter the journal' });
  await expect(filters.getByRole('button', { name: 'Show' })).toBeHidden();
  await filters.getByLabel('Conference').selectOption({ label: first.name });
  await expect(page).toHaveURL(new RegExp(`/journal\\?conference=${first.slug}&year=$`));
  await expect(page.getByRole('region', { name: first.name })).toBeVisible();
  await expect(page.getByRole('region', { name: second.name })).toHaveCount(0);
  await expect(filters.getByLabel('Conference')).toHaveValue(first.slug);

  const plain = await newClientContext(browser, testInfo, 'no-js', { javaScriptEnabled: false, storageState: await context.storageState() });
  const noJs = await plain.newPage();
  await noJs.goto('/journal');
  const plainFilters = noJs.getByRole('form', { name: 'Filter the journal' });
  await plainFilters.getByLabel('Conference').selectOption({ label: second.name });
  await expect(noJs).toHaveURL(/\/journal$/);
  await plainFilters.getByRole('button', { name: 'Show' }).click();
  await expect(noJs).toHaveURL(new RegExp(`/journal\\?conference=${second.slug}&year=$`));
  await expect(noJs.getByRole('region', { name: second.name })).toBeVisible();
  await expect(noJs.getByRole('region', { name: first.name })).toHaveCount(0);
  await plain.close();
});

test('the author of a recap covering the talk hides a review; the rater still sees it, marked', async ({ page, browser }, testInfo) => {
  const conf = seedConference('moderation');
  const talk = conf.talks[0];
  // A recap by Ada covering this talk, out since an hour ago: the right comes from a recap readers can see.
  seedRecap({ authorEmail: 'ada@hallway.test', talkId: talk.id, slug: `moderation-recap-${conf.slug}`, publishedAt: Date.now() - HOUR });

  const rater = await signUp(page, { name: 'Loud Rater' });
  await page.goto(talk.path);
  await rateOnTalkPage(page, { stars: 1, review: 'Something rude.' });

  // Ben covers no recap of this talk: no controls for him.
  const ben = await pageFor(browser, testInfo, 'ben');
  const asked = ben.waitForResponse((r) => r.url().includes('/api/me/ratings') && r.url().includes('moderation=1'));
  await ben.goto(talk.path);
  await expect(ben.getByRole('region', { name: 'Reviews' })).toContainText('Something rude.');
  expect((await (await asked).json()).moderation).toEqual({});
  await expect(ben.getByRole('button', { name: 'Hide' })).toHaveCount(0);
  await ben.context().close();

  const ada = await pageFor(browser, testInfo, 'ada');
  await ada.goto(talk.path);
  const review = ada.getByRole('region', { name: 'Reviews' }).getByRole('listitem').filter({ hasText: 'Something rude.' });
  await review.getByRole('button', { name: 'Hide' }).click();
  await expect(ada.getByRole('region', { name: 'Hidden or excluded (only moderators see this)' })).toContainText('Something rude.');
  await ada.reload();
  // Off the public list (only moderators' own box still shows it, with the way back).
  await expect(ada.getByRole('region', { name: 'Reviews' }).getByText('No reviews yet.')).toBeVisible();
  await expect(ada.getByRole('region', { name: 'Hidden or excluded (only moderators see this)' }).getByRole('button', { name: 'Show again' })).toBeVisible();
  // Hidden, not excluded: the star still counts.
  await expect(ada.getByRole('region', { name: 'Ratings' }).getByRole('table')).toContainText('Average 1.0 out of 5 from 1 rating');
  await ada.context().close();

  const visitor = await browser.newPage({ baseURL: testInfo.project.use.baseURL });
  await visitor.goto(talk.path);
  await expect(visitor.getByRole('region', { name: 'Reviews' })).not.toContainText('Something rude.');
  await visitor.close();

  await page.goto('/journal');
  const entry = page.getByRole('article').filter({ hasText: talk.title });
  await expect(entry).toContainText('Something rude.');
  await expect(entry).toContainText('Review hidden from public pages by a moderator');
  const audit = query<{ action: string; detail: string }>(`SELECT action, detail FROM audit_log WHERE entity = 'talk' AND entity_id = ?`, talk.id);
  expect(audit.map((a) => [a.action, JSON.parse(a.detail).raterId])).toEqual([['rating.hide', userIdByEmail(rater.email)]]);
});

test('a rater’s new name and account deletion refresh the pages showing their ratings, and leave other cached pages alone', async ({ page }) => {
  const mine = seedConference('renamed-rater');
  const elsewhere = seedConference('untouched');
  const talk = mine.talks[0];
  const user = await signUp(page, { name: 'Before Rename' });
  const rated = await postAction(page.request, SAVE_RATING, talk.path, { talkId: String(talk.id), seen: 'on', seenHow: 'room', stars: '5', review: 'Loved it.' });
  expect(rated.state?.ok).toBe(true);

  const anonymous = await page.context().browser()!.newContext({ baseURL: `http://localhost:${port}` });
  const cacheOf = async (path: string) => (await anonymous.request.get(path)).headers()['x-nextjs-cache'];
  const reviews = async (path: string) => {
    const html = await (await anonymous.request.get(path)).text();
    return { before: html.includes('Before Rename'), after: html.includes('After Rename') };
  };
  // Both pages rendered once and cached.
  for (const path of [talk.path, elsewhere.talks[0].path]) {
    await anonymous.request.get(path);
    expect(await cacheOf(path), path).toBe('HIT');
  }
  expect(await reviews(talk.path)).toEqual({ before: true, after: false });

  const renamed = await postAction(page.request, { file: 'app/account/actions.ts', name: 'updateNameAction' }, '/account', { name: 'After Rename' });
  expect(renamed.state?.ok).toBe(true);
  expect(await reviews(talk.path)).toEqual({ before: false, after: true });
  expect(await cacheOf(elsewhere.talks[0].path)).toBe('HIT');

  const deleted = await postAction(page.request, { file: 'app/account/actions.ts', name: 'deleteAccountAction' }, '/account', { confirmation: user.email });
  expect(deleted.redirect).toMatch(/\/signin\?notice=deleted(;|$)/);
  expect(await reviews(talk.path)).toEqual({ before: false, after: false });
  expect(await cacheOf(elsewhere.talks[0].path)).toBe('HIT');
  await anonymous.close();
});

test.describe('the rating endpoint, by raw request', () => {
  const base = `http://localhost:${port}`;
  const post = (api: APIRequestContext, form: Record<string, string>, headers: Record<string, string> = { Origin: base }) =>
    api.post('/api/ratings', { form, headers, failOnStatusCode: false, maxRedirects: 0 });

  test('signed out: 401, nothing written', async ({ request }) => {
    const conf = seedConference('api-anon');
    const res = await post(request, { talkId: String(conf.talks[0].id), seen: 'on', stars: '5' });
    expect(res.status()).toBe(401);
    expect(await res.json()).toEqual({ ok: false, message: 'Sign in to rate talks.' });
    expect(res.headers()['cache-control']).toContain('no-store');
    expect(query('SELECT count(*) AS n FROM ratings WHERE talk_id = ?', conf.talks[0].id)).toEqual([{ n: 0 }]);
  });

  test('bad input gets 400 with a message per field, a talk not started 409, an unknown talk 404; another site, no Origin and the wrong body are refused', async ({ page }) => {
    const conf = seedConference('api-refuse');
    const me = await signUp(page, { name: 'Raw Rater' });
    const id = String(conf.talks[0].id);
    const cases: [Record<string, string>, number, Record<string, unknown>][] = [
      [{ talkId: id, seen: 'on', stars: '6' }, 400, { fieldErrors: { stars: ['Choose between 1 and 5 stars, or no stars.'] } }],
      [{ talkId: id, seen: 'on', review: 'x'.repeat(2001) }, 400, { fieldErrors: { review: ['A review can be at most 2,000 characters.'] } }],
      [{ talkId: id, seen: 'on', seenHow: 'telepathy' }, 400, { fieldErrors: { seenHow: [expect.stringContaining('Choose how you saw it')] } }],
      [{ talkId: id, seen: 'on', seenOn: '2024-13-01' }, 400, { fieldErrors: { seenOn: [expect.stringContaining('day of the calendar')] } }],
      [{ talkId: id, seen: 'on', seenOn: '2024-01-01' }, 400, { fieldErrors: { seenOn: ['You cannot have seen it before the day of the talk.'] } }],
      [{ talkId: 'abc', seen: 'on', stars: '3' }, 400, { fieldErrors: { talkId: ['Unknown talk.'] } }],
      [{ talkId: id, stars: '3' }, 400, { message: 'Ratings and reviews are for talks you saw.' }],
      [{ talkId: String(conf.future.id), seen: 'on', stars: '5' }, 409, { message: expect.stringMatching(/has not started yet\. Ratings open when it starts: .* 2\d{3}/) }],
      [{ talkId: '99999999', seen: 'on', stars: '3' }, 404, { message: 'That talk does not exist.' }],
    ];
    for (const [form, status, body] of cases) {
      const res = await post(page.request, form);
      expect(res.status(), JSON.stringify(form).slice(0, 80)).toBe(status);
      expect(await res.json()).toMatchObject({ ok: false, ...body });
    }
    const good = { talkId: id, seen: 'on', stars: '4' };
    for (const [headers, status] of [
      [{ Origin: 'http://evil.example' }, 403],
      [{}, 403],
      [{ Origin: base, 'Sec-Fetch-Site': 'cross-site' }, 403],
    ] as const) {
      const res = await post(page.request, good, headers);
      expect(res.status(), JSON.stringify(headers)).toBe(status);
      expect(await res.json()).toEqual({ ok: false, message: 'This request was refused: it did not come from this site.' });
    }
    const json = await page.request.post('/api/ratings', { data: good, headers: { Origin: base }, failOnStatusCode: false });
    expect(json.status()).toBe(415);
    const huge = await post(page.request, { ...good, review: 'x'.repeat(40_000) });
    expect(huge.status()).toBe(413);
    const ids = [conf.future.id, ...conf.talks.map((t) => t.id)];
    expect(query(`SELECT count(*) AS n FROM ratings WHERE talk_id IN (${ids.join(',')})`)).toEqual([{ n: 0 }]);

    // The rater is the session's user, whatever the payload says.
    const victim = userIdByEmail('sam@hallway.test');
    const res = await post(page.request, { ...good, userId: String(victim), user_id: String(victim) });
    expect(res.status()).toBe(200);
    expect(query('SELECT user_id, stars FROM ratings WHERE talk_id = ?', conf.talks[0].id)).toEqual([{ user_id: userIdByEmail(me.email), stars: 4 }]);
  });
});

test.describe('request level (raw Next-Action posts)', () => {
  test('another user’s id in the payload is ignored: the rating is the caller’s', async ({ page, browser }, testInfo) => {
    const conf = seedConference('spoof');
    const talk = conf.talks[0];
    const victim = await createAccount(browser, testInfo, { name: 'Victim' });
    const victimId = userIdByEmail(victim.email);
    const me = await signUp(page, { name: 'Spoofer' });
    const meId = userIdByEmail(me.email);

    const result = await postAction(page.request, SAVE_RATING, talk.path, {
      talkId: String(talk.id),
      userId: String(victimId),
      user_id: String(victimId),
      seen: 'on',
      seenHow: 'room',
      stars: '1',
    });
    expect(result.state).toMatchObject({ ok: true, message: 'Saved to your journal.' });
    expect(query('SELECT user_id, stars FROM ratings WHERE talk_id = ? ORDER BY user_id', talk.id)).toEqual([{ user_id: meId, stars: 1 }]);
  });

  test('a future talk is refused, and so are bad stars, an over-long review and an unknown talk; nothing is written', async ({ page }) => {
    const conf = seedConference('refuse');
    await signUp(page, { name: 'Early Bird' });
    const cases: [Record<string, string>, RegExp][] = [
      [{ talkId: String(conf.future.id), seen: 'on', seenHow: 'room', stars: '5' }, /has not started yet\. Ratings open when it starts: .* 2\d{3}/],
      [{ talkId: String(conf.talks[0].id), seen: 'on', seenHow: 'room', stars: '6' }, /correct the highlighted fields/],
      [{ talkId: String(conf.talks[0].id), seen: 'on', seenHow: 'room', stars: '0' }, /correct the highlighted fields/],
      [{ talkId: String(conf.talks[0].id), seen: 'on', seenHow: 'room', review: 'x'.repeat(2001) }, /correct the highlighted fields/],
      [{ talkId: String(conf.talks[0].id), seen: 'on', seenHow: 'telepathy' }, /correct the highlighted fields/],
      [{ talkId: '99999999', seen: 'on', seenHow: 'room', stars: '3' }, /That talk does not exist\./],
      [{ talkId: String(conf.talks[0].id), stars: '3' }, /Ratings and reviews are for talks you saw\./],
    ];
    for (const [fields, message] of cases) {
      const result = await postAction(page.request, SAVE_RATING, conf.talks[0].path, fields);
      expect(result.state?.ok, JSON.stringify(fields).slice(0, 100)).toBe(false);
      expect(result.state?.message).toMatch(message);
    }
    const bad = await postAction(page.request, SAVE_RATING, conf.talks[0].path, { talkId: String(conf.talks[0].id), seen: 'on', stars: '6' });
    expect(bad.state?.fieldErrors?.stars).toEqual(['Choose between 1 and 5 stars, or no stars.']);
    const ids = [conf.future.id, ...conf.talks.map((t) => t.id)];
    expect(query(`SELECT count(*) AS n FROM ratings WHERE talk_id IN (${ids.join(',')})`)).toEqual([{ n: 0 }]);
    expect(query(`SELECT sum(attendance_count) AS n FROM talks WHERE id IN (${ids.join(',')})`)).toEqual([{ n: 0 }]);

    // The form says when it opens (computed in the browser from the talk's start).
    await page.goto(conf.dayPath);
    await expect(talkCard(page, conf.future.title)).toContainText('Rating opens when the talk starts:');
  });

  test('a recap scheduled years ahead gives its author no right to hide reviews or to read hidden ones', async ({ page, browser }, testInfo) => {
    const conf = seedConference('scheduled-moderator');
    const talk = conf.talks[0];
    seedRecap({ authorEmail: 'ben@hallway.test', talkId: talk.id, slug: `scheduled-recap-${conf.slug}`, publishedAt: Date.now() + 3650 * 24 * HOUR });
    await signUp(page, { name: 'Plain Rater' });
    const rated = await postAction(page.request, SAVE_RATING, talk.path, { talkId: String(talk.id), seen: 'on', seenHow: 'room', stars: '2', review: 'Not for me.' });
    expect(rated.state?.ok).toBe(true);
    const raterId = query<{ user_id: number }>('SELECT user_id FROM ratings WHERE talk_id = ?', talk.id)[0].user_id;

    const ben = await pageFor(browser, testInfo, 'ben');
    const rights = await ben.request.get(`/api/me/ratings?talk=${talk.id}&moderation=1`);
    expect((await rights.json()).moderation).toEqual({});
    const hidden = await postAction(ben.request, MODERATE_RATING, talk.path, { talkId: String(talk.id), raterId: String(raterId), op: 'hide' });
    expect(hidden.state).toMatchObject({ ok: false });
    expect(query('SELECT hidden_at FROM ratings WHERE talk_id = ?', talk.id)).toEqual([{ hidden_at: null }]);
    await ben.context().close();
  });

  test('signed out, the action sends you to sign in and back to the page', async ({ request }) => {
    const conf = seedConference('anon');
    const result = await postAction(request, SAVE_RATING, conf.talks[0].path, { talkId: String(conf.talks[0].id), seen: 'on', stars: '5' });
    expect(result.redirect?.split(';')[0]).toBe(`/signin?callbackUrl=${encodeURIComponent(conf.talks[0].path)}`);
    expect(query('SELECT count(*) AS n FROM ratings WHERE talk_id = ?', conf.talks[0].id)).toEqual([{ n: 0 }]);
  });
});

