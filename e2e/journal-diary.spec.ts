import crypto from 'node:crypto';
import type { Page } from '@playwright/test';
import { openDb, userIdByEmail } from './e2e-data';
import { expect, newClientContext, signUp, test } from './fixtures';

/**
 * The journal read as a diary, and a year in review, for a new reader whose talks seen are written
 * straight into the e2e database (with the talks' aggregates, as a save keeps them), at
 * conferences of this test's own.
 */

/**
 * Two conferences: one across the turn of September 2025 into October (two days), one in 2024.
 * The reader saw four talks in 2025 (two by one speaker) and one in 2024.
 */
function seedSeenTalks(email: string) {
  const db = openDb();
  const nonce = crypto.randomBytes(4).toString('hex');
  const now = Date.now();
  const userId = userIdByEmail(email);
  try {
    return db.transaction(() => {
      const conference = (label: string, start: string, end: string, dates: string[]) => {
        const slug = `diary-${label}-${nonce}`;
        const name = `Diary ${label} ${nonce}`;
        const id = db
          .prepare(`INSERT INTO conferences (slug, name, start_date, end_date, time_zone, created_at, updated_at) VALUES (?, ?, ?, ?, 'Europe/Oslo', ?, ?)`)
          .run(slug, name, start, end, now, now).lastInsertRowid as number;
        const days = dates.map((date, i) => db.prepare(`INSERT INTO days (conference_id, number, date) VALUES (?, ?, ?)`).run(id, i + 1, date).lastInsertRowid as number);
        return { id, slug, name, days, dates };
      };
      const speaker = (name: string) =>
        db.prepare(`INSERT INTO speakers (slug, name, created_at) VALUES (?, ?, ?)`).run(`${name.toLowerCase().replace(/\W+/g, '-')}-${nonce}`, `${name} ${nonce}`, now).lastInsertRowid as number;
      const autumn = conference('autumn', '2025-09-30', '2025-10-01', ['2025-09-30', '2025-10-01']);
      const spring = conference('spring', '2024-04-11', '2024-04-11', ['2024-04-11']);
      const [ines, omar] = [speaker('Ines Diary'), speaker('Omar Diary')];
      const see = (conf: typeof autumn, day: number, hour: number, title: string, minutes: number, stars: number | null, speakerId: number) => {
        const startsAt = Date.parse(`${conf.dates[day]}T${String(hour).padStart(2, '0')}:00:00+02:00`);
        const slug = `${title.toLowerCase().replace(/\W+/g, '-')}-${nonce}`;
        const talkId = db
          .prepare(`INSERT INTO talks (conference_id, day_id, slug, title, starts_at, duration_minutes, position, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
          .run(conf.id, conf.days[day], slug, `${title} ${nonce}`, startsAt, minutes, hour, now, now).lastInsertRowid as number;
        db.prepare(`INSERT INTO talk_speakers (talk_id, speaker_id, position) VALUES (?, ?, 0)`).run(talkId, speakerId);
        db.prepare(`INSERT INTO ratings (user_id, talk_id, stars, seen_how, created_at, updated_at) VALUES (?, ?, ?, 'room', ?, ?)`).run(userId, talkId, stars, now, now);
        db.prepare(`UPDATE talks SET attendance_count = attendance_count + 1, rating_count = rating_count + ?, rating_sum = rating_sum + ? WHERE id = ?`).run(stars === null ? 0 : 1, stars ?? 0, talkId);
      };
      see(autumn, 0, 9, 'Opening the autumn', 45, 4, ines);
      see(autumn, 0, 14, 'Afternoon of queues', 30, 5, omar);
      see(autumn, 1, 10, 'October streams', 60, 5, ines);
      see(autumn, 1, 16, 'Closing without stars', 15, null, omar);
      see(spring, 0, 11, 'Spring logs', 40, 2, ines);
      return { autumn, spring };
    })();
  } finally {
    db.close();
  }
}

const main = (page: Page) => page.getByRole('main');
/** The diary's month (level 2) or day (level 3) headings: the ones that end in a year. */
const dated = (page: Page, level: 2 | 3) => main(page).getByRole('heading', { level }).filter({ hasText: / \d{4}$/ });

test.describe.configure({ timeout: 120_000 });

test('the journal reads as a diary, newest first by month and day, and keeps the view through its filters', async ({ page }) => {
  const reader = await signUp(page, { name: 'Diary Keeper' });
  const { autumn, spring } = seedSeenTalks(reader.email);

  await page.goto('/journal');
  const views = main(page).getByRole('navigation', { name: 'Read the journal' });
  await expect(views.getByRole('link', { name: 'By conference' })).toHaveAttribute('aria-current', 'page');
  await views.getByRole('link', { name: 'Diary' }).click();
  await expect(page).toHaveURL(/\/journal\?view=diary$/);
  await expect(views.getByRole('link', { name: 'Diary' })).toHaveAttribute('aria-current', 'page');

  await expect(dated(page, 2)).toHaveText(['October 2025', 'September 2025', 'April 2024']);
  await expect(dated(page, 3)).toHaveText(['Wednesday, 1 October 2025', 'Tuesday, 30 September 2025', 'Thursday, 11 April 2024']);
  // Within a day the latest talk first; each entry names its conference, which the diary does not group by.
  const october = main(page).getByRole('region', { name: 'Wednesday, 1 October 2025' });
  await expect(october.getByRole('heading', { level: 4 })).toHaveText([/^Closing without stars/, /^October streams/]);
  await expect(october.getByRole('article').first().getByRole('link', { name: `${autumn.name}, day 2` })).toBeVisible();

  // A filter keeps the diary.
  await main(page).getByRole('form', { name: 'Filter the journal' }).getByLabel('Conference').selectOption({ label: spring.name });
  await expect(page).toHaveURL(new RegExp(`/journal\\?view=diary&conference=${spring.slug}&year=$`));
  await expect(dated(page, 2)).toHaveText(['April 2024']);
  await views.getByRole('link', { name: 'By conference' }).click();
  await expect(page).toHaveURL(new RegExp(`/journal\\?conference=${spring.slug}$`));
  await expect(main(page).getByRole('region', { name: spring.name })).toBeVisible();
});

test('a year in review counts the talks, hours, conferences, speakers and stars of that year', async ({ page, browser }, testInfo) => {
  const reader = await signUp(page, { name: 'Year Reviewer' });
  const { autumn } = seedSeenTalks(reader.email);

  await page.goto('/journal');
  const years = main(page).getByRole('navigation', { name: 'Year in review' });
  await expect(years.getByRole('link')).toHaveText(['2025', '2024']);
  await years.getByRole('link', { name: '2025' }).click();
  await expect(page).toHaveURL(/\/journal\/2025$/);
  await expect(main(page).getByRole('heading', { level: 1 })).toHaveText('Your 2025 in talks');

  const numbers = main(page).locator('dl').first();
  const value = (term: string) => numbers.locator('div').filter({ has: page.getByRole('term').filter({ hasText: term }) }).getByRole('definition');
  await expect(value('Talks seen')).toHaveText('4');
  await expect(value('Hours of talks')).toHaveText('2.5'); // 45 + 30 + 60 + 15 minutes
  await expect(value('Conferences')).toHaveText('1');
  await expect(value('Average stars given')).toHaveText('4.7');

  const conferences = main(page).getByRole('region', { name: 'Conferences' }).getByRole('listitem');
  await expect(conferences).toHaveCount(1);
  await expect(conferences.first()).toContainText(autumn.name);
  await expect(conferences.first()).toContainText('4 talks');
  const speakers = main(page).getByRole('region', { name: 'Speakers you saw most' }).getByRole('listitem');
  await expect(speakers).toHaveCount(2);
  await expect(speakers.first()).toContainText('Ines Diary');
  await expect(speakers.first()).toContainText('2 talks');
  const stars = main(page).getByRole('region', { name: 'Stars given' });
  await expect(stars.getByRole('listitem').filter({ hasText: '5 out of 5 stars' })).toContainText('2 talks');
  await expect(stars.getByRole('listitem').filter({ hasText: '4 out of 5 stars' })).toContainText('1 talk');
  await expect(stars.getByRole('listitem').filter({ hasText: '1 out of 5 stars' })).toContainText('0 talks');
  await expect(stars).toContainText('Seen without stars: 1 talk.');

  // A year without talks says so; a year that is not one is not a page.
  await page.goto('/journal/2019');
  await expect(main(page)).toContainText('No talks seen in 2019.');
  expect((await page.goto('/journal/20x9'))?.status()).toBe(404);

  // Someone else sees their own year, not this reader's.
  const other = await (await newClientContext(browser, testInfo, 'other')).newPage();
  await signUp(other, { name: 'Other Reviewer' });
  await other.goto('/journal/2025');
  await expect(main(other)).toContainText('No talks seen in 2025.');
});
