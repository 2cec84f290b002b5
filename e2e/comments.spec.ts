import crypto from 'node:crypto';
import type { Locator, Page } from '@playwright/test';
import { openDb, postAction, query, userIdByEmail } from './e2e-data';
import { createAccount, expect, newClientContext, pageFor, personas, signIn, signUp, test } from './fixtures';

/**
 * Comments under a recap, end to end against the production build. Every test comments on a
 * published recap of its own (by Ada), written straight into the e2e database with an old date,
 * so no other spec's comments, locks or cached pages get in the way.
 */

const ACTIONS = 'app/posts/[slug]/actions.ts';
const CREATE = { file: ACTIONS, name: 'createCommentAction' };
const EDIT = { file: ACTIONS, name: 'editCommentAction' };
const DELETE = { file: ACTIONS, name: 'deleteCommentAction' };

type Seeded = { id: number; slug: string; path: string; title: string };

function seedPost(label: string, { commentsEnabled = true } = {}): Seeded {
  const db = openDb();
  try {
    const nonce = crypto.randomBytes(4).toString('hex');
    const slug = `comments-${label}-${nonce}`;
    const title = `Comment test ${label} ${nonce}`;
    // An old date: the recap sits deep in the archive, never on anyone's first page.
    const publishedAt = Date.UTC(2016, 0, 1) + crypto.randomInt(1_000_000_000);
    const ada = userIdByEmail(personas.ada.email);
    const id = db
      .prepare(
        `INSERT INTO posts (slug, author_id, title, body_markdown, body_html, excerpt_html, status, published_at, comments_enabled, created_at, updated_at)
         VALUES (?, ?, ?, 'Body.', '<p>Body.</p>', '<p>Body.</p>', 'published', ?, ?, ?, ?)`,
      )
      .run(slug, ada, title, publishedAt, commentsEnabled ? 1 : 0, publishedAt, publishedAt).lastInsertRowid as number;
    return { id, slug, path: `/posts/${slug}`, title };
  } finally {
    db.close();
  }
}

type CommentRow = { id: number; parent_id: number | null; author_id: number | null; body_markdown: string; edited_at: number | null; deleted_at: number | null; hidden_at: number | null };
const commentsOf = (postId: number) => query<CommentRow>('SELECT * FROM comments WHERE post_id = ? ORDER BY id', postId);

const thread = (page: Page) => page.getByRole('region', { name: /^Comments/ });
/** One comment of the thread, by its writer's name (replies included). */
const commentBy = (page: Page, name: string, text?: string): Locator => {
  const all = thread(page).getByRole('article', { name, exact: true });
  return text ? all.filter({ hasText: text }) : all;
};

/** Waits for the viewer-dependent controls: after hydration, the islands ask who is reading. */
async function waitForViewer(page: Page) {
  await page.waitForResponse((r) => r.url().includes('/api/me/comments'), { timeout: 20_000 }).catch(() => {});
}

async function openPost(page: Page, path: string) {
  const viewer = waitForViewer(page);
  await page.goto(path);
  await viewer;
}

async function writeComment(page: Page, text: string) {
  await thread(page).getByLabel('Add a comment').fill(text);
  await thread(page).getByRole('button', { name: 'Post comment' }).click();
}

test.describe.configure({ timeout: 120_000 });

test('comment, reply, edit, and delete with the reply kept under a stub', async ({ page, browser }, testInfo) => {
  const post = seedPost('flow');
  await signIn(page, 'sam', post.path);
  await waitForViewer(page);

  await writeComment(page, 'Was the **video** ever published?');
  const mine = commentBy(page, personas.sam.name, 'Was the video ever published?');
  await expect(mine).toBeVisible();
  await expect(mine.locator('strong')).toHaveText('video');
  await expect(thread(page).getByRole('heading', { level: 2 })).toHaveText('Comments 1');
  // The form is empty again, ready for the next one.
  await expect(thread(page).getByLabel('Add a comment')).toHaveValue('');

  // Ada, the recap's author, replies.
  const ada = await pageFor(browser, testInfo, 'ada');
  await openPost(ada, post.path);
  const question = commentBy(ada, personas.sam.name, 'Was the video ever published?');
  await question.getByRole('button', { name: 'Reply' }).click();
  await question.getByLabel(`Reply to ${personas.sam.name}`).fill('Not yet: I will link it here when it is out.');
  await question.getByRole('button', { name: 'Post reply' }).click();
  const replies = thread(ada).getByRole('list', { name: `Replies to ${personas.sam.name}` });
  await expect(replies.getByRole('article', { name: personas.ada.name })).toContainText('I will link it here');
  // The reply form closed: keyboard focus is on the new reply, not lost.
  await expect(replies.getByRole('article', { name: personas.ada.name })).toBeFocused();

  // Sam edits the question: marked edited.
  await openPost(page, post.path);
  await mine.getByRole('button', { name: 'Edit' }).click();
  await mine.getByLabel('Edit your comment').fill('Was the video of the keynote ever published?');
  await mine.getByRole('button', { name: 'Save' }).click();
  const edited = commentBy(page, personas.sam.name, 'of the keynote');
  await expect(edited).toContainText('(edited)');

  // Sam deletes it: the reply stays, under "deleted".
  await edited.getByRole('button', { name: 'Delete' }).click();
  await edited.getByRole('button', { name: 'Delete comment' }).click();
  await expect(thread(page)).toContainText('This comment was deleted.');
  await expect(thread(page)).not.toContainText('of the keynote');
  await expect(thread(page).getByRole('list', { name: /^Replies to/ }).getByRole('article', { name: personas.ada.name })).toBeVisible();

  // A visitor sees the same, and a link to sign in that comes back here.
  const visitor = await browser.newPage({ baseURL: testInfo.project.use.baseURL });
  await openPost(visitor, post.path);
  await expect(thread(visitor)).toContainText('This comment was deleted.');
  await expect(thread(visitor).getByRole('article', { name: personas.ada.name })).toContainText('I will link it here');
  const signInLink = thread(visitor).getByRole('link', { name: 'Sign in to comment' });
  await expect(signInLink).toHaveAttribute('href', `/signin?callbackUrl=${encodeURIComponent(`${post.path}#comments`)}`);
  await expect(thread(visitor).getByLabel('Add a comment')).toHaveCount(0);
  await visitor.close();
  await ada.context().close();
});

test("someone else's comment cannot be edited or deleted by a raw request", async ({ browser }, testInfo) => {
  const post = seedPost('owner');
  const sam = await pageFor(browser, testInfo, 'sam');
  const made = await postAction(sam.request, CREATE, post.path, { postId: String(post.id), body: 'Mine, and only mine.' });
  expect(made.state).toMatchObject({ ok: true });
  const [before] = commentsOf(post.id);

  // Ben (an author) and the admin try; so does Ada, the recap's own author.
  for (const who of ['ben', 'admin', 'ada'] as const) {
    const intruder = await pageFor(browser, testInfo, who);
    const edit = await postAction(intruder.request, EDIT, post.path, { commentId: String(before.id), body: 'Defaced.' });
    expect(edit.state).toMatchObject({ ok: false, message: 'You can only edit your own comments.' });
    const del = await postAction(intruder.request, DELETE, post.path, { commentId: String(before.id) });
    expect(del.state).toMatchObject({ ok: false, message: 'You can only delete your own comments.' });
    await intruder.context().close();
  }
  expect(commentsOf(post.id)).toEqual([before]);

  // Signed out, the request is sent to sign in.
  const anonymous = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
  const res = await postAction(anonymous.request, EDIT, post.path, { commentId: String(before.id), body: 'Defaced.' });
  expect(res.redirect).toMatch(/^\/signin\?callbackUrl=/);
  await anonymous.close();
  expect(commentsOf(post.id)).toEqual([before]);
  await sam.context().close();
});

test("the recap's author hides a comment: readers lose it, its writer sees it marked hidden", async ({ page, browser }, testInfo) => {
  const post = seedPost('hide');
  const sam = await pageFor(browser, testInfo, 'sam');
  await openPost(sam, post.path);
  await writeComment(sam, 'Buy cheap conference tickets at example.com');
  await expect(commentBy(sam, personas.sam.name, 'cheap conference tickets')).toBeVisible();

  // Ben, another author, gets no moderation controls.
  await signIn(page, 'ben', post.path);
  await waitForViewer(page);
  await expect(commentBy(page, personas.sam.name).getByRole('button', { name: 'Report' })).toBeVisible();
  await expect(commentBy(page, personas.sam.name).getByRole('button', { name: 'Hide' })).toHaveCount(0);

  const ada = await pageFor(browser, testInfo, 'ada');
  await openPost(ada, post.path);
  await commentBy(ada, personas.sam.name).getByRole('button', { name: 'Hide' }).click();
  await expect(commentBy(ada, personas.sam.name)).toHaveCount(0);
  const moderated = thread(ada).getByRole('region', { name: /Hidden from readers/ });
  await expect(moderated).toContainText('cheap conference tickets');

  const visitor = await browser.newPage({ baseURL: testInfo.project.use.baseURL });
  await openPost(visitor, post.path);
  await expect(thread(visitor)).not.toContainText('cheap conference tickets');
  await expect(thread(visitor)).toContainText('No comments yet.');
  await visitor.close();

  await openPost(sam, post.path);
  const own = thread(sam).getByRole('region', { name: 'Your hidden comments (only you see these)' });
  await expect(own).toContainText('cheap conference tickets');
  await expect(own).toContainText('hidden');

  // And back.
  await openPost(ada, post.path);
  await moderated.getByRole('button', { name: 'Show again' }).click();
  await expect(commentBy(ada, personas.sam.name, 'cheap conference tickets')).toBeVisible();
  await ada.context().close();
  await sam.context().close();
});

test('a hidden comment leaves its thread open: readers reply to the thread and to its replies under a placeholder', async ({ page, browser }, testInfo) => {
  const post = seedPost('hidden-thread');
  const sam = await pageFor(browser, testInfo, 'sam');
  await openPost(sam, post.path);
  await writeComment(sam, 'Cheap tickets at example.com, and was the keynote recorded?');
  const ada = await pageFor(browser, testInfo, 'ada');
  await openPost(ada, post.path);
  const question = commentBy(ada, personas.sam.name, 'Cheap tickets');
  await question.getByRole('button', { name: 'Reply' }).click();
  await question.getByLabel(`Reply to ${personas.sam.name}`).fill('The keynote was recorded: the video is linked above.');
  await question.getByRole('button', { name: 'Post reply' }).click();
  await expect(commentBy(ada, personas.ada.name, 'the video is linked above')).toBeVisible();
  await question.getByRole('button', { name: 'Hide' }).click();
  await expect(commentBy(ada, personas.sam.name, 'Cheap tickets')).toHaveCount(0);
  await ada.context().close();
  await sam.context().close();

  // Ben, another reader, finds the thread under a placeholder and replies to it, then to Ada's answer.
  await signIn(page, 'ben', post.path);
  await waitForViewer(page);
  const placeholder = thread(page).getByRole('article', { name: 'Hidden comment' });
  await expect(placeholder).toContainText('Hidden comment');
  await expect(thread(page)).not.toContainText('Cheap tickets');
  await expect(placeholder.getByRole('button', { name: 'Report' })).toHaveCount(0);
  await placeholder.getByRole('button', { name: 'Reply' }).click();
  await placeholder.getByLabel('Reply to the hidden comment').fill('Thanks for the video link.');
  await placeholder.getByRole('button', { name: 'Post reply' }).click();
  const replies = thread(page).getByRole('list', { name: 'Replies to the hidden comment' });
  await expect(replies.getByRole('article', { name: personas.ben.name }).filter({ hasText: 'Thanks for the video link.' })).toBeVisible();
  await expect(thread(page)).not.toContainText('no longer there');

  const answer = replies.getByRole('article', { name: personas.ada.name });
  await answer.getByRole('button', { name: 'Reply' }).click();
  await answer.getByLabel(`Reply to ${personas.ada.name}`).fill('Were the slides shared too?');
  await answer.getByRole('button', { name: 'Post reply' }).click();
  await expect(replies.getByRole('article', { name: personas.ben.name }).filter({ hasText: 'Were the slides shared too?' })).toBeVisible();

  // Both joined the hidden comment's thread, which stays hidden.
  const rows = commentsOf(post.id);
  const top = rows.find((r) => r.parent_id === null)!;
  expect(top.hidden_at).not.toBeNull();
  expect(rows.filter((r) => r.parent_id === top.id).map((r) => r.body_markdown)).toEqual([
    'The keynote was recorded: the video is linked above.',
    'Thanks for the video link.',
    'Were the slides shared too?',
  ]);
});

test('a reader reports a comment; an admin hides it from /admin/comments and the report is resolved', async ({ page, browser }, testInfo) => {
  const post = seedPost('report');
  const writer = await createAccount(browser, testInfo, { name: 'Spam Writer' });
  const spammer = await pageFor(browser, testInfo, writer);
  await openPost(spammer, post.path);
  await writeComment(spammer, 'Visit my totally unrelated shop');
  await expect(commentBy(spammer, 'Spam Writer')).toBeVisible();
  // No "Report" on one's own comment.
  await expect(commentBy(spammer, 'Spam Writer').getByRole('button', { name: 'Report' })).toHaveCount(0);

  await signIn(page, 'sam', post.path);
  await waitForViewer(page);
  const spam = commentBy(page, 'Spam Writer');
  await spam.getByRole('button', { name: 'Report' }).click();
  await spam.getByLabel('What is wrong with this comment?').fill('Advertising');
  await spam.getByRole('button', { name: 'Report to the admins' }).click();
  await expect(spam.getByRole('status')).toHaveText('Thank you: an admin will look at it.');

  const admin = await pageFor(browser, testInfo, 'admin');
  await admin.goto('/admin/comments');
  const reported = admin.getByRole('list', { name: 'Open reports' }).getByRole('article').filter({ hasText: 'Visit my totally unrelated shop' });
  await expect(reported).toContainText(`${personas.sam.name}: “Advertising”`);
  await expect(reported.getByRole('link', { name: post.title })).toHaveAttribute('href', new RegExp(`^${post.path}#comment-\\d+$`));
  await reported.getByRole('button', { name: 'Hide and resolve' }).click();
  await expect(admin.getByRole('article').filter({ hasText: 'Visit my totally unrelated shop' })).toHaveCount(0);

  await admin.getByRole('link', { name: 'Resolved' }).click();
  await expect(admin.getByRole('list', { name: 'Resolved reports' }).getByRole('article').filter({ hasText: 'Visit my totally unrelated shop' })).toContainText('hidden');

  await openPost(page, post.path);
  await expect(thread(page)).not.toContainText('Visit my totally unrelated shop');

  // Readers cannot open the admin page.
  await page.goto('/admin/comments');
  await expect(page.getByRole('heading', { name: 'Reported comments' })).toHaveCount(0);
  await admin.context().close();
  await spammer.context().close();
});

test('comments turned off: no form and no thread, and a raw request is refused', async ({ page, browser }, testInfo) => {
  const post = seedPost('off');
  const ada = await pageFor(browser, testInfo, 'ada');
  await openPost(ada, post.path);
  await thread(ada).getByRole('button', { name: 'Lock thread' }).click();
  await expect(thread(ada)).toContainText('This thread is locked');
  await expect(thread(ada).getByLabel('Add a comment')).toHaveCount(0);
  await thread(ada).getByRole('button', { name: 'Turn comments off' }).click();
  await expect(thread(ada)).toContainText('Comments are turned off for this recap.');
  await ada.context().close();

  await signIn(page, 'sam', post.path);
  await waitForViewer(page);
  await expect(thread(page)).toContainText('Comments are turned off for this recap.');
  await expect(thread(page).getByRole('textbox')).toHaveCount(0);
  await expect(thread(page).getByRole('button')).toHaveCount(0);

  const raw = await postAction(page.request, CREATE, post.path, { postId: String(post.id), body: 'Sneaking in.' });
  expect(raw.state).toMatchObject({ ok: false, message: 'Comments are turned off for this recap.' });
  expect(commentsOf(post.id)).toEqual([]);
});

test('a draft takes no comments, even by a raw request', async ({ page }) => {
  const post = seedPost('draft');
  const db = openDb();
  db.prepare(`UPDATE posts SET status = 'draft', published_at = NULL WHERE id = ?`).run(post.id);
  db.close();
  await signIn(page, 'sam');
  const raw = await postAction(page.request, CREATE, '/', { postId: String(post.id), body: 'Early bird.' });
  expect(raw.state).toMatchObject({ ok: false, message: 'This recap does not take comments.' });
  expect(commentsOf(post.id)).toEqual([]);
});

test('the eleventh comment within ten minutes is refused with the wait, and the text is kept', async ({ page }) => {
  const post = seedPost('rate');
  const account = await signUp(page, { name: 'Quick Typist' });
  const me = userIdByEmail(account.email);
  // Ten comments in the last minutes, as if typed just now.
  const db = openDb();
  const now = Date.now();
  const insert = db.prepare(`INSERT INTO comments (post_id, author_id, body_markdown, body_html, created_at) VALUES (?, ?, ?, ?, ?)`);
  for (let i = 0; i < 10; i++) insert.run(post.id, me, `Note ${i}`, `<p>Note ${i}</p>`, now - (9 - i) * 30_000);
  db.close();

  await openPost(page, post.path);
  await writeComment(page, 'One more thought');
  const box = thread(page).getByLabel('Add a comment');
  await expect(thread(page).getByText(/You can post 10 comments every 10 minutes\. Please wait (\d+ minutes?|\d+ seconds?) before posting again\./)).toBeVisible();
  await expect(box).toHaveValue('One more thought');
  await expect(box).toHaveAttribute('aria-invalid', 'true');
  expect(commentsOf(post.id)).toHaveLength(10);
});

test('posting works without JavaScript', async ({ browser }, testInfo) => {
  const post = seedPost('nojs');
  const withJs = await newClientContext(browser, testInfo, 'with-js');
  await signUp(await withJs.newPage(), { name: 'Plain Form' });
  const storageState = await withJs.storageState();
  await withJs.close();

  const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL, javaScriptEnabled: false, storageState });
  const page = await context.newPage();
  await page.goto(post.path);
  await page.getByLabel('Add a comment').fill('Posted by a plain form.');
  await page.getByRole('button', { name: 'Post comment' }).click();
  await expect(page.getByText('Your comment is posted.')).toBeVisible();
  await expect(commentBy(page, 'Plain Form', 'Posted by a plain form.')).toBeVisible();

  // And it is in the cached page for everyone.
  await page.goto(post.path);
  await expect(commentBy(page, 'Plain Form', 'Posted by a plain form.')).toBeVisible();
  await context.close();
});
