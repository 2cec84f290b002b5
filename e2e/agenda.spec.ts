import crypto from 'node:crypto';
import type { Page } from '@playwright/test';
import ICAL from 'ical.js';
import { openDb, query, userIdByEmail } from './e2e-data';
import { expect, newClientContext, signUp, test } from './fixtures';

/**
 * "I'm going", the agenda and what it feeds: the calendar, the public "N going" and "Most wanted".
 *
 * Every test plans talks of an upcoming conference of its own, written straight into the e2e
 * database a few weeks ahead of now (the server refuses plans for talks that are over), in Tokyo's
 * zone (no daylight saving, so the expected wall-clock times are fixed), as fresh accounts.
 */

const MINUTE = 60_000;

type SeededTalk = { id: number; slug: string; title: string; path: string; startsAt: number };

/**
 * One day, three weeks from now: "Opening keynote" 09:00–09:45 and "Parallel workshop" 09:30–10:15
 * overlap; "Afternoon talk" is at 13:00; "Closing panel" at 16:00 (not planned here).
 */
function seedConference(label: string) {
  const db = openDb();
  try {
    const nonce = crypto.randomBytes(4).toString('hex');
    const slug = `agenda-${label}-${nonce}`;
    const name = `Agenda Conf ${label} ${nonce}`;
    const now = Date.now();
    const date = new Date(now + 21 * 24 * 60 * MINUTE).toISOString().slice(0, 10);
    // 09:00 in Tokyo (UTC+9) is 00:00 UTC.
    const at = (hhmm: string) => Date.parse(`${date}T${hhmm}:00+09:00`);
    return db.transaction(() => {
      const conf = db
        .prepare(`INSERT INTO conferences (slug, name, start_date, end_date, time_zone, created_at, updated_at) VALUES (?, ?, ?, ?, 'Asia/Tokyo', ?, ?)`)
        .run(slug, name, date, date, now, now).lastInsertRowid as number;
      const day = db.prepare(`INSERT INTO days (conference_id, number, date) VALUES (?, 1, ?)`).run(conf, date).lastInsertRowid as number;
      const insert = db.prepare(
        `INSERT INTO talks (conference_id, day_id, slug, title, starts_at, duration_minutes, room, position, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      const talk = (i: number, title: string, hhmm: string, minutes: number, room: string): SeededTalk => {
        const tslug = `${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${nonce}`;
        const startsAt = at(hhmm);
        const id = insert.run(conf, day, tslug, `${title} ${nonce}`, startsAt, minutes, room, i, now, now).lastInsertRowid as number;
        return { id, slug: tslug, title: `${title} ${nonce}`, path: `/conferences/${slug}/talks/${tslug}`, startsAt };
      };
      const keynote = talk(0, 'Opening keynote', '09:00', 45, 'Hall A');
      const workshop = talk(1, 'Parallel workshop', '09:30', 45, 'Room 2');
      const afternoon = talk(2, 'Afternoon talk', '13:00', 45, 'Hall A');
      const panel = talk(3, 'Closing panel', '16:00', 45, 'Hall A');
      return { slug, name, conferencePath: `/conferences/${slug}`, dayPath: `/conferences/${slug}/days/1`, keynote, workshop, afternoon, panel };
    })();
  } finally {
    db.close();
  }
}

const talkCard = (page: Page, title: string) => page.getByRole('article', { name: title });
const goingButton = (page: Page, title: string) => talkCard(page, title).getByRole('button', { name: `I’m going to “${title}”` });

function goingCount(talkId: number) {
  return query<{ n: number }>('SELECT going_count AS n FROM talks WHERE id = ?', talkId)[0].n;
}

test('plan three talks: the agenda shows the clash and the free time, the calendar holds them as tentative, and a started one asks "Did you see it?"', async ({ page }) => {
  const conf = seedConference('plan');
  const { email } = await signUp(page, { name: 'Agenda Planner' });

  await page.goto(conf.dayPath);
  for (const talk of [conf.keynote, conf.workshop, conf.afternoon]) {
    const button = goingButton(page, talk.title);
    await expect(button).toHaveAttribute('aria-pressed', 'false');
    await button.click();
    await expect(button).toHaveAttribute('aria-pressed', 'true');
    await expect(talkCard(page, talk.title).getByText('1 going')).toBeVisible();
    await expect.poll(() => goingCount(talk.id)).toBe(1);
  }
  await expect(goingButton(page, conf.panel.title)).toHaveAttribute('aria-pressed', 'false');

  // The toggles come back pressed from the per-user request, not from the cached page.
  await page.reload();
  await expect(goingButton(page, conf.keynote.title)).toHaveAttribute('aria-pressed', 'true');
  await expect(goingButton(page, conf.panel.title)).toHaveAttribute('aria-pressed', 'false');

  // The agenda: by conference and day, in the conference's zone, clashes on both talks, the gap.
  await page.goto('/journal');
  await page.getByRole('navigation', { name: 'Your talks' }).getByRole('link', { name: 'Agenda' }).click();
  await expect(page).toHaveURL(/\/agenda$/);
  const section = page.getByRole('region', { name: conf.name });
  await expect(section.getByRole('heading', { name: /^Day 1/ })).toBeVisible();
  const keynote = talkCard(page, conf.keynote.title);
  const workshop = talkCard(page, conf.workshop.title);
  const afternoon = talkCard(page, conf.afternoon.title);
  await expect(keynote).toContainText('09:00–09:45');
  await expect(workshop).toContainText('09:30–10:15');
  await expect(keynote).toContainText(`Clashes with “${conf.workshop.title}”`);
  await expect(workshop).toContainText(`Clashes with “${conf.keynote.title}”`);
  await expect(afternoon).not.toContainText('Clashes');
  await expect(section.getByText('Free 10:15–13:00')).toBeVisible();
  await expect(page.getByRole('article', { name: conf.panel.title })).toHaveCount(0);
  const order = await section.getByRole('article').evaluateAll((els) => els.map((e) => e.querySelector('h4')?.textContent));
  expect(order).toEqual([conf.keynote.title, conf.workshop.title, conf.afternoon.title]);

  // The private calendar feed, parsed: the three planned talks as tentative events.
  const userId = userIdByEmail(email);
  const token = crypto.randomBytes(24).toString('base64url');
  const db = openDb();
  db.prepare('UPDATE users SET calendar_token = ? WHERE id = ?').run(token, userId);
  db.close();
  const feed = await page.request.get(`/journal/calendar.ics?token=${token}`);
  expect(feed.status()).toBe(200);
  const calendar = new ICAL.Component(ICAL.parse(await feed.text()));
  const events = calendar.getAllSubcomponents('vevent').map((c) => ({
    summary: c.getFirstPropertyValue('summary'),
    status: c.getFirstPropertyValue('status'),
    start: (c.getFirstPropertyValue('dtstart') as ICAL.Time).toString(),
    tzid: c.getFirstProperty('dtstart')?.getParameter('tzid'),
  }));
  expect(events.sort((a, b) => String(a.start).localeCompare(String(b.start)))).toEqual(
    [conf.keynote, conf.workshop, conf.afternoon].map((t) => ({
      summary: t.title,
      status: 'TENTATIVE',
      start: `${new Date(t.startsAt + 9 * 60 * MINUTE).toISOString().slice(0, 16)}:00`,
      tzid: 'Asia/Tokyo',
    })),
  );

  // Before the keynote starts nothing asks; once the (browser's) clock passes its start, it does.
  await page.clock.install();
  await page.reload();
  await expect(keynote.getByText('Did you see it?')).toHaveCount(0);
  await page.clock.setSystemTime(conf.keynote.startsAt + MINUTE);
  await page.clock.runFor(31_000);
  await expect(keynote.getByText('Did you see it?')).toBeVisible();
  await expect(afternoon.getByText('Did you see it?')).toHaveCount(0);
  // The answer is one tap on a star, right there: one request, the talk logged as seen in the room.
  // The server goes by its own clock, so the keynote is moved to have begun a minute ago.
  const started = openDb();
  started.prepare('UPDATE talks SET starts_at = ? WHERE id = ?').run(Date.now() - MINUTE, conf.keynote.id);
  started.close();
  await page.reload();
  const stars = keynote.getByRole('radiogroup', { name: `Your stars for “${conf.keynote.title}”` });
  await expect(stars).toBeVisible();
  const posts: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST') posts.push(new URL(r.url()).pathname);
  });
  await stars.locator('label').filter({ has: page.getByRole('radio', { name: '4 stars – very good', exact: true }) }).click();
  await expect(keynote.getByText('Saw it')).toBeVisible();
  await expect
    .poll(() => query<{ stars: number; how: string }>('SELECT stars, seen_how AS how FROM ratings WHERE user_id = ? AND talk_id = ?', userId, conf.keynote.id))
    .toEqual([{ stars: 4, how: 'room' }]);
  expect(posts).toEqual(['/api/ratings']);
  // The crowd's numbers follow on the talk page and the day list, for everyone.
  await page.goto(conf.keynote.path);
  await expect(page.getByRole('main')).toContainText('4.0 out of 5 (1 rating)');
  await page.goto(conf.dayPath);
  await expect(talkCard(page, conf.keynote.title)).toContainText('4.0 out of 5 (1 rating)');

  // Removing from the agenda takes it off the list and the count down.
  await page.goto('/agenda');
  await talkCard(page, conf.afternoon.title).getByRole('button', { name: `Remove “${conf.afternoon.title}” from your agenda` }).click();
  await expect(talkCard(page, conf.afternoon.title)).toHaveCount(0);
  await expect.poll(() => goingCount(conf.afternoon.id)).toBe(0);
});

test('"N going" on the day list and the talk page, and "Most wanted" on the conference page', async ({ page, browser }, testInfo) => {
  const conf = seedConference('counts');
  await signUp(page, { name: 'First Planner' });
  await page.goto(conf.dayPath);
  for (const talk of [conf.keynote, conf.afternoon]) {
    await goingButton(page, talk.title).click();
    await expect(goingButton(page, talk.title)).toHaveAttribute('aria-pressed', 'true');
  }
  await expect.poll(() => goingCount(conf.afternoon.id)).toBe(1);

  const other = await newClientContext(browser, testInfo, 'second');
  const second = await other.newPage();
  await signUp(second, { name: 'Second Planner' });
  await second.goto(conf.keynote.path);
  await expect(second.getByText('1 going')).toBeVisible();
  await second.getByRole('button', { name: `I’m going to “${conf.keynote.title}”` }).click();
  await expect(second.getByText('2 going')).toBeVisible();
  await expect.poll(() => goingCount(conf.keynote.id)).toBe(2);
  await other.close();

  // The public pages, as anyone gets them from the cache: the counts are in the HTML.
  const visitor = await newClientContext(browser, testInfo, 'visitor');
  const anyone = await visitor.newPage();
  await expect(async () => {
    await anyone.goto(conf.dayPath);
    await expect(talkCard(anyone, conf.keynote.title).getByText('2 going')).toBeVisible({ timeout: 1_000 });
  }).toPass();
  await expect(talkCard(anyone, conf.afternoon.title).getByText('1 going')).toBeVisible();
  await expect(talkCard(anyone, conf.panel.title).getByText(/going$/)).toHaveCount(0);
  await expect(talkCard(anyone, conf.keynote.title).getByRole('link', { name: `Sign in to plan “${conf.keynote.title}”` })).toBeVisible();
  await anyone.goto(conf.keynote.path);
  await expect(anyone.getByText('2 going')).toBeVisible();

  await anyone.goto(conf.conferencePath);
  const whole = anyone.getByRole('group', { name: 'Whole conference' });
  const wanted = whole.getByRole('listitem').filter({ hasText: 'going' });
  await expect(wanted).toHaveCount(2);
  await expect(wanted.nth(0)).toContainText(conf.keynote.title);
  await expect(wanted.nth(0)).toContainText('2 going');
  await expect(wanted.nth(1)).toContainText(conf.afternoon.title);
  await expect(anyone.getByRole('group', { name: 'Day 1' }).getByRole('heading', { name: 'Most wanted' })).toBeVisible();
  await visitor.close();
});

test('"I\'m going" works without JavaScript, and rolls back with a message when the save fails', async ({ page, browser, context }, testInfo) => {
  const conf = seedConference('no-js');
  await signUp(page, { name: 'Plain Planner' });

  const plain = await newClientContext(browser, testInfo, 'no-js', { javaScriptEnabled: false, storageState: await context.storageState() });
  const noJs = await plain.newPage();
  await noJs.goto(conf.dayPath);
  await goingButton(noJs, conf.workshop.title).click();
  await expect(goingButton(noJs, conf.workshop.title)).toHaveAttribute('aria-pressed', 'true');
  await expect(talkCard(noJs, conf.workshop.title).getByText('1 going')).toBeVisible();
  expect(goingCount(conf.workshop.id)).toBe(1);
  // Pressed again, it takes the talk off.
  await goingButton(noJs, conf.workshop.title).click();
  await expect(goingButton(noJs, conf.workshop.title)).toHaveAttribute('aria-pressed', 'false');
  expect(goingCount(conf.workshop.id)).toBe(0);
  // The agenda's Remove button is a plain form too.
  await goingButton(noJs, conf.panel.title).click();
  await noJs.goto('/agenda');
  await talkCard(noJs, conf.panel.title).getByRole('button', { name: /Remove/ }).click();
  await expect(noJs.getByText('Nothing on your agenda yet.')).toBeVisible();
  await plain.close();

  // With JavaScript, a failed save puts the button back and says so.
  await page.goto(conf.dayPath);
  const button = goingButton(page, conf.keynote.title);
  await expect(button).toHaveAttribute('aria-pressed', 'false');
  await page.route(`**${conf.dayPath}`, (route) => (route.request().method() === 'POST' ? route.abort() : route.continue()));
  await button.click();
  await expect(talkCard(page, conf.keynote.title).getByText('Hallway could not be reached, so your agenda did not change.', { exact: false })).toBeVisible();
  await expect(button).toHaveAttribute('aria-pressed', 'false');
  expect(goingCount(conf.keynote.id)).toBe(0);
});

test('/agenda asks a visitor to sign in and comes back; an empty agenda says how to add talks', async ({ page }) => {
  await page.goto('/agenda');
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fagenda$/);
  await signUp(page, { name: 'Empty Planner' });
  await page.goto('/agenda');
  await expect(page.getByText('Nothing on your agenda yet.')).toBeVisible();
  await expect(page.getByRole('main').getByRole('link', { name: 'conferences' })).toHaveAttribute('href', '/conferences');
});
