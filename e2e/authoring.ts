import type { Browser, Page, TestInfo } from '@playwright/test';
import { expect, newClientContext } from './fixtures';

/** What the authoring specs share: the recap editor's page object, and a reader's view of the result. */

/** The recap editor (/write/<id>), as an author uses it. */
export class RecapEditor {
  constructor(readonly page: Page) {}

  get title() {
    return this.page.getByLabel('Title', { exact: true });
  }
  get body() {
    return this.page.getByLabel('Recap text (Markdown)');
  }
  get slug() {
    return this.page.getByLabel('Slug', { exact: true });
  }
  get saved() {
    return this.page.getByRole('status').filter({ hasText: /^Saved at \d{2}:\d{2}$/ });
  }
  get upload() {
    return this.page.getByLabel('Image file to upload');
  }
  get preview() {
    return this.page.getByLabel('Preview', { exact: true });
  }
  get publishDialog() {
    return this.page.getByRole('dialog');
  }

  /** From the dashboard: "New recap" opens an empty draft; returns its id. */
  async create(): Promise<number> {
    await this.page.goto('/write');
    await this.page.getByRole('button', { name: 'New recap' }).click();
    await expect(this.page).toHaveURL(/\/write\/\d+$/, { timeout: 20_000 });
    return Number(new URL(this.page.url()).pathname.split('/').pop());
  }

  /** Waits until the autosave has the latest text (the status says so only when nothing is pending). */
  async waitUntilSaved() {
    await expect(this.saved).toBeVisible({ timeout: 15_000 });
  }

  async openPublish() {
    await this.page.getByRole('button', { name: /^Publish/ }).click();
    await expect(this.publishDialog).toBeVisible();
  }

  /** A new recap with this title and body, published now; returns its slug. */
  async publishNew(title: string, body: string): Promise<string> {
    await this.create();
    await this.title.fill(title);
    await this.body.fill(body);
    await this.waitUntilSaved();
    const slug = await this.slug.inputValue();
    await this.openPublish();
    await this.publishDialog.getByRole('button', { name: 'Publish now' }).click();
    await expect(this.page.getByRole('status').filter({ hasText: 'Published.' })).toBeVisible();
    return slug;
  }
}

export async function anonymous(browser: Browser, testInfo: TestInfo): Promise<Page> {
  const context = await newClientContext(browser, testInfo, 'anonymous');
  return context.newPage();
}

/** Reader pages are cached and refreshed on the next request after a write: reload until it shows. */
export async function eventuallyShows(page: Page, path: string, text: string, timeout = 20_000) {
  await expect(async () => {
    await page.goto(path);
    await expect(page.getByRole('main').getByText(text).first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout, intervals: [500, 1_000, 2_000] });
}
