import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/** Reader journeys on the demo journal (seeded fresh for every test run). */

test('home → post → day → talk → speaker', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Conference recaps' })).toBeVisible();

  const first = page.getByRole('article').first();
  await expect(first.getByRole('heading', { name: 'Why recaps beat slides' })).toBeVisible();

  const qcon = page.getByRole('article').filter({ has: page.getByRole('heading', { name: /QCon London 2018: streams/ }) });
  // The author wrote -0700 on 12 March: the day must not move with the server's zone (tests run it at UTC+14).
  await expect(qcon.locator('time')).toHaveText('12 March 2018');
  await expect(qcon).toContainText('Three days in London');
  await expect(qcon).not.toContainText('Why this conference works');
  await qcon.getByRole('link', { name: /Continue reading/ }).click();

  await expect(page).toHaveURL(/\/posts\/qcon-london-2018$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/QCon London 2018/);
  await expect(page.getByRole('navigation', { name: 'On this page' })).toBeVisible();
  await expect(page.locator('table')).toContainText('Wednesday');
  await expect(page.locator('pre code.hljs')).toBeVisible();
  await expect(page.locator('iframe[src^="https://www.slideshare.net/slideshow/embed_code/key/zSt0T8CldF2BK"]')).toHaveAttribute('sandbox', /allow-scripts/);
  const img = page.getByRole('img', { name: /write-time aggregation pipeline/ });
  await expect(img).toHaveAttribute('width', '900');
  await expect(img).toHaveAttribute('height', '420');

  const talks = page.getByRole('region', { name: 'Talks in this recap' });
  await expect(talks.getByRole('heading', { name: /Day 1/ })).toBeVisible();
  await expect(talks).toContainText('Stream Processing in the Modern Age · hosted by Tyler Akidau');
  await talks.getByRole('link', { name: /^Day 1/ }).click();

  await expect(page).toHaveURL(/\/conferences\/qcon-london-2018\/days\/1$/);
  const track = page.getByRole('region', { name: 'Stream Processing in the Modern Age' });
  await expect(track).toContainText('Hosted by Tyler Akidau');
  await expect(track.getByRole('article')).toHaveCount(3);
  const drivetribe = track.getByRole('article').filter({ hasText: 'Drivetribe' });
  // The outside link says it leaves the site; Hallway's own talk page is behind the title.
  await expect(drivetribe.getByRole('link', { name: /Talk page/ })).toHaveCount(0);
  await expect(drivetribe.getByRole('link', { name: /^On the conference site/ })).toHaveAttribute('href', 'https://qconlondon.com/london2018/presentation/drivetribe-social-network-streams');
  await expect(drivetribe.getByRole('link', { name: /Presentation/ })).toHaveAttribute('href', 'https://www.infoq.com/presentations/drivetribe');
  await expect(drivetribe).toContainText('No ratings yet');
  await expect(drivetribe.getByRole('link', { name: 'QCon London 2018: streams, actors and a self-driving car' })).toBeVisible();
  await drivetribe.getByRole('link', { name: 'Drivetribe: A Social Network on Streams', exact: true }).click();

  await expect(page).toHaveURL(/\/talks\/drivetribe-social-network-streams$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Drivetribe: A Social Network on Streams');
  await expect(page.getByRole('region', { name: 'From the recaps' })).toContainText('monoids');
  await page.getByRole('link', { name: 'Aris Koliopoulos' }).click();

  await expect(page).toHaveURL(/\/speakers\/aris-koliopoulos$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Aris Koliopoulos');
});

test('a day without tracks lists its sessions, with pending videos and slides', async ({ page }) => {
  await page.goto('/conferences/qcon-london-2018/days/3');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Day 3: A bit of everything');
  const actors = page.getByRole('article').filter({ hasText: 'High Performance Actors' });
  await expect(actors).toContainText('Video not yet available');
  await expect(actors.getByRole('link', { name: /Slides/ })).toHaveAttribute('href', /high-performance-akka\.pdf$/);
  const ama = page.getByRole('article').filter({ hasText: 'AMA: Actor-Based Architectures' });
  await expect(ama).toContainText('AMA');
  await expect(ama).toContainText('Yaroslav Tkachenko, Jonas Bonér and Kiki Carter');
});

test('conference overview lists days, tracks and recaps', async ({ page }) => {
  await page.goto('/conferences');
  await page.getByRole('link', { name: 'QCon London 2018' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('QCon London 2018');
  await expect(page.getByText('5–7 March 2018')).toBeVisible();
  const days = page.getByRole('region', { name: 'Programme by day' });
  await expect(days.getByRole('listitem').filter({ hasText: 'Day 2' })).toContainText("Architectures You've Always Wondered About");
  await expect(page.getByRole('region', { name: 'Recaps' }).getByRole('article')).toHaveCount(3);
});

test('every recap of a conference has a page of its own; numbered list pages past the end are 404', async ({ page, request }) => {
  await page.goto('/conferences/qcon-london-2018/recaps');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Recaps');
  await expect(page.getByText('3 recaps of QCon London 2018, newest first')).toBeVisible();
  await expect(page.getByRole('main').getByRole('article')).toHaveCount(3);
  await page.getByRole('main').getByRole('link', { name: 'QCon London 2018', exact: true }).first().click();
  await expect(page).toHaveURL(/\/conferences\/qcon-london-2018$/);
  for (const past of ['/conferences/qcon-london-2018/recaps?page=2', '/speakers?page=2', '/categories/notes?page=2', '/conferences/nothing-here/recaps']) {
    expect((await request.get(past)).status(), past).toBe(404);
  }
  // Page 1 has one address.
  const first = await request.get('/speakers?page=1', { maxRedirects: 0 });
  expect(first.status()).toBe(308);
  expect(first.headers().location).toMatch(/\/speakers$/);
});

test('a speaker with several sessions across a conference', async ({ page }) => {
  await page.goto('/speakers/maren-holt');
  await expect(page.getByRole('article')).toHaveCount(2);
  await expect(page.getByRole('article').filter({ hasText: 'Hands-on: Building a Stream Join' })).toContainText('Workshop');
});

test('a speaker page lists the tracks they hosted, each linking to its day', async ({ page }) => {
  await page.goto('/speakers/tyler-akidau');
  const hosted = page.getByRole('region', { name: 'Tracks hosted' });
  await expect(hosted.getByRole('listitem')).toHaveCount(1);
  await expect(hosted).toContainText('QCon London 2018, day 1 (Monday, 5 March 2018)');
  await hosted.getByRole('link', { name: 'Stream Processing in the Modern Age' }).click();
  await expect(page).toHaveURL(/\/conferences\/qcon-london-2018\/days\/1#track-\d+$/);
  await expect(page.getByRole('heading', { level: 2, name: 'Stream Processing in the Modern Age' })).toBeVisible();
  await expect(page.getByText('Hosted by Tyler Akidau')).toBeVisible();

  // Someone who hosted nothing has no such section.
  await page.goto('/speakers/maren-holt');
  await expect(page.getByRole('heading', { level: 1, name: 'Maren Holt' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Tracks hosted' })).toHaveCount(0);
});

test('pagination: ten per page, ?page=N, and a 404 past the end', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('main').getByRole('article')).toHaveCount(10);
  const pager = page.getByRole('navigation', { name: 'Pagination' });
  await pager.getByRole('link', { name: /Older posts/ }).click();
  await expect(page).toHaveURL(/\/\?page=2$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Conference recaps, page 2');
  await expect(page.getByRole('main').getByRole('article')).toHaveCount(2);
  await expect(page.getByRole('main')).toContainText('How I take notes at a conference');
  await expect(pager.getByRole('link', { name: 'Page 2' })).toHaveAttribute('aria-current', 'page');

  const past = await page.goto('/?page=9');
  expect(past?.status()).toBe(404);
});

test('drafts are invisible to readers', async ({ page }) => {
  const res = await page.goto('/posts/notes-from-the-meetup');
  expect(res?.status()).toBe(404);
  await page.goto('/categories/notes');
  await expect(page.getByRole('main')).not.toContainText('Notes from the meetup');
});

for (const path of [
  '/posts/no-such-post',
  '/conferences/no-such-conference',
  '/conferences/qcon-london-2018/days/9',
  '/conferences/qcon-london-2018/days/1.5',
  '/conferences/qcon-london-2018/talks/no-such-talk',
  '/speakers/nobody',
  '/categories/nothing',
  '/page/abc',
]) {
  test(`unknown address ${path} gives a real 404 page`, async ({ page }) => {
    const res = await page.goto(path);
    expect(res?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Latest recaps' })).toBeVisible();
  });
}

test('dark mode toggles and persists across visits', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  const html = page.locator('html');
  await expect(html).not.toHaveClass(/dark/);
  const toggle = page.getByRole('button', { name: 'Dark mode' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(html).toHaveClass(/dark/);
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await page.goto('/conferences');
  await expect(html).toHaveClass(/dark/);
  await page.reload();
  await expect(html).toHaveClass(/dark/);
  await page.getByRole('button', { name: 'Dark mode' }).click();
  await expect(html).not.toHaveClass(/dark/);
});

test('system dark preference applies before any choice', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/');
  await expect(page.locator('html')).toHaveClass(/dark/);
});

test('skip link moves focus to the content', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#content$/);
});

const pageTypes: [string, string][] = [
  ['home', '/'],
  ['home page 2', '/?page=2'],
  ['post', '/posts/qcon-london-2018'],
  ['conferences', '/conferences'],
  ['conference', '/conferences/qcon-london-2018'],
  ['day', '/conferences/qcon-london-2018/days/1'],
  ['talk', '/conferences/qcon-london-2018/talks/drivetribe-social-network-streams'],
  ['speakers', '/speakers'],
  ['speaker', '/speakers/tyler-akidau'],
  ['category', '/categories/streaming'],
  ['404', '/posts/missing'],
];

async function expectNoSeriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

for (const scheme of ['light', 'dark'] as const) {
  for (const [name, path] of pageTypes) {
    test(`accessibility (${scheme}): ${name}`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(path);
      await expectNoSeriousViolations(page);
    });
  }
}

test('a recap shows its comment thread, and the home page its comment count', async ({ page }) => {
  await page.goto('/');
  const qcon = page.getByRole('article').filter({ has: page.getByRole('heading', { name: /QCon London 2018: streams/ }) });
  await expect(qcon.getByRole('link', { name: /^3 comments on QCon London 2018/ })).toHaveAttribute('href', '/posts/qcon-london-2018#comments');

  await page.goto('/posts/qcon-london-2018');
  const thread = page.getByRole('region', { name: 'Comments 3' });
  const question = thread.getByRole('article', { name: 'Sam Rivera' }).filter({ hasText: 'Drivetribe' });
  await expect(question.locator('em')).toHaveText('video not yet available');
  // Relative time in words, the exact time on hover.
  await expect(question.locator('time')).toHaveAttribute('title', /^12 March 2018, \d\d:\d\d UTC$/);
  await expect(question.locator('time')).toHaveText(/ago$/);
  await expect(thread.getByRole('list', { name: 'Replies to Sam Rivera' }).getByRole('article', { name: 'Ada Okafor' })).toContainText('update the talk page');
  await expect(thread.getByRole('article', { name: 'Ben Lindqvist' }).locator('code')).toHaveText('allowedLateness');
  await expect(thread.getByRole('link', { name: 'Sign in to comment' })).toBeVisible();
});

test('reading time counts the notes on talks as well as the text', async ({ page }) => {
  // The QCon recap: 222 words of text and 324 in its notes on talks, 546 words at 230 a minute.
  await page.goto('/');
  const qcon = page.getByRole('article').filter({ has: page.getByRole('heading', { name: /QCon London 2018: streams/ }) });
  await expect(qcon.getByText(/\d+ min read/)).toHaveText('2 min read');
  await page.goto('/posts/qcon-london-2018');
  await expect(page.getByRole('main').getByText(/^\d+ min read$/).first()).toHaveText('2 min read');
});
