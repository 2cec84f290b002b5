import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { test as base, expect, type Browser, type BrowserContext, type BrowserContextOptions, type Locator, type Page, type TestInfo } from '@playwright/test';
import { startClientAddress, type ClientAddress } from './client-address';

/**
 * Shared helpers for the browser tests: the demo personas, page objects for the account pages,
 * unique data per test, and a client address per test (see client-address.ts) so the sign-in rate
 * limiter (per account AND per address) never lets one test's failures block another's sign-ins.
 */

export const DEMO_PASSWORD = 'hallway-demo';

export const personas = {
  admin: { email: 'admin@hallway.test', name: 'Hallway Admin', role: 'admin' },
  ada: { email: 'ada@hallway.test', name: 'Ada Okafor', role: 'author' },
  ben: { email: 'ben@hallway.test', name: 'Ben Lindqvist', role: 'author' },
  sam: { email: 'sam@hallway.test', name: 'Sam Rivera', role: 'reader' },
} as const;
export type PersonaName = keyof typeof personas;
export type Credentials = { email: string; password: string; name?: string };

let counter = 0;
/** Unique per test and per call: `label-<worker>-<n>-<random>@example.com`. */
export function uniqueEmail(label = 'user'): string {
  return `${label}-${process.pid}-${++counter}-${crypto.randomBytes(3).toString('hex')}@example.com`;
}

export const NEW_PASSWORD = 'a long and unusual passphrase';

// ------------------------------------------------------------ page objects

export class SignInPage {
  constructor(readonly page: Page) {}

  async goto(callbackUrl?: string) {
    await this.page.goto(callbackUrl ? `/signin?callbackUrl=${encodeURIComponent(callbackUrl)}` : '/signin');
  }

  get email() {
    return this.page.getByLabel('Email');
  }
  get password() {
    return this.page.getByLabel('Password');
  }

  /** Fills and submits the form, and waits for the server's answer (so a stale message cannot pass a check). */
  async submit(email: string, password: string) {
    await this.email.fill(email);
    await this.password.fill(password);
    await submitAndWait(this.page, this.page.getByRole('button', { name: 'Sign in', exact: true }));
  }
}

/** Clicks a submit button and waits for the server action's response. */
export async function submitAndWait(page: Page, button: Locator) {
  const answered = page.waitForResponse((r) => r.request().method() === 'POST' && !!r.request().headers()['next-action'], {
    timeout: 30_000,
  });
  await button.click();
  await answered;
}

/** Navigation after a sign-in or sign-up: argon2id and a render, on a possibly busy machine. */
export const AFTER_SUBMIT = { timeout: 20_000 };

export class SignUpPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto('/signup');
  }

  async submit({ name, email, password }: { name: string; email: string; password: string }) {
    await this.page.getByLabel('Display name').fill(name);
    await this.page.getByLabel('Email').fill(email);
    await this.page.getByLabel('Password').fill(password);
    await submitAndWait(this.page, this.page.getByRole('button', { name: 'Create account' }));
  }
}

/** The header's account menu (a disclosure button named "Account: <name>"). */
export class AccountMenu {
  constructor(readonly page: Page) {}

  button(name?: string) {
    return this.page.getByRole('banner').getByRole('button', { name: name ? `Account: ${name}` : /^Account:/ });
  }

  async open(name?: string) {
    const button = this.button(name);
    if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
    await expect(button).toHaveAttribute('aria-expanded', 'true');
  }

  async signOut() {
    await this.open();
    await this.page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
    await expect(this.page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();
  }
}

/** Signs `page` in as a demo persona or any account, through the sign-in form. */
export async function signIn(page: Page, who: PersonaName | Credentials, callbackUrl?: string) {
  const creds = typeof who === 'string' ? { email: personas[who].email, password: DEMO_PASSWORD } : who;
  const form = new SignInPage(page);
  await form.goto(callbackUrl);
  await form.submit(creds.email, creds.password);
  await expect(page).not.toHaveURL(/\/signin/, AFTER_SUBMIT);
}

/** Signs a new reader up through the form; `page` ends signed in as them, on /journal. */
export async function signUp(page: Page, { name = 'Test Reader', email = uniqueEmail(), password = NEW_PASSWORD } = {}) {
  const form = new SignUpPage(page);
  await form.goto();
  await form.submit({ name, email, password });
  await expect(page).toHaveURL(/\/journal$/, AFTER_SUBMIT);
  return { name, email, password };
}

// What the browser reported as blocked by the Content-Security-Policy during the current test.
const cspViolations: string[] = [];

/**
 * Records every Content-Security-Policy violation in `context`'s pages: the browser's own console
 * report and the page's `securitypolicyviolation` event. A test with any fails (see `test`).
 */
async function watchContentSecurityPolicy(context: BrowserContext) {
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'an inline script or style'}`),
    );
  });
  context.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|CSP violation/i.test(message.text())) {
      cspViolations.push(`${message.location().url}: ${message.text()}`);
    }
  });
}

/**
 * A browser context that is a client of its own: another person, on another machine, as far as
 * the server can tell. Its client address closes with it.
 */
export async function newClientContext(browser: Browser, testInfo: TestInfo, seed: string, options: BrowserContextOptions = {}) {
  const client = await startClientAddress(`${testInfo.testId}-${testInfo.retry}-${seed}`);
  const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL, proxy: client.proxy, ...options });
  context.on('close', () => void client.close());
  await watchContentSecurityPolicy(context);
  return context;
}

/** A new reader account created in a throwaway browser context (the caller's page stays as it was). */
export async function createAccount(browser: Browser, testInfo: TestInfo, opts: { name?: string; email?: string } = {}) {
  const context = await newClientContext(browser, testInfo, `create-${++counter}`);
  try {
    return await signUp(await context.newPage(), opts);
  } finally {
    await context.close();
  }
}

/** A signed-in page for `who` in its own browser context (for tests with two people at once). */
export async function pageFor(browser: Browser, testInfo: TestInfo, who: PersonaName | Credentials) {
  const context = await newClientContext(browser, testInfo, typeof who === 'string' ? who : who.email);
  const page = await context.newPage();
  await signIn(page, who);
  return page;
}

export const test = base.extend<{ clientAddress: ClientAddress; contentSecurityPolicyHeld: void }>({
  // Every test is its own client address as far as the rate limiter can tell.
  clientAddress: async ({}, use, testInfo) => {
    const client = await startClientAddress(`${testInfo.testId}-${testInfo.retry}`);
    await use(client);
    await client.close();
  },
  proxy: async ({ clientAddress }, use) => {
    await use(clientAddress.proxy);
  },
  // No page of any test may run into the Content-Security-Policy.
  contentSecurityPolicyHeld: [
    async ({ context }, use) => {
      cspViolations.length = 0;
      await watchContentSecurityPolicy(context);
      await use();
      expect(cspViolations, 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** /admin/users, as seen by an admin. */
export class AdminUsersPage {
  constructor(readonly page: Page) {}

  async search(query: string) {
    await this.page.goto(`/admin/users?q=${encodeURIComponent(query)}`);
  }

  row(email: string) {
    return this.page.getByRole('list', { name: 'Users' }).getByRole('listitem').filter({ hasText: email });
  }

  async setRole(user: { email: string; name: string }, role: 'reader' | 'author' | 'admin') {
    await this.search(user.email);
    const row = this.row(user.email);
    await row.getByLabel(`Role for ${user.name}`).selectOption(role);
    await submitAndWait(this.page, row.getByRole('button', { name: `Save role for ${user.name}` }));
    await expect(row.getByText(`Role changed to ${role}.`)).toBeVisible();
  }

  async setDisabled(user: { email: string; name: string }, disabled: boolean) {
    await this.search(user.email);
    const row = this.row(user.email);
    await submitAndWait(this.page, row.getByRole('button', { name: `${disabled ? 'Disable' : 'Enable'} ${user.name}` }));
    await expect(row.getByText(disabled ? /Account disabled/ : 'Account enabled.')).toBeVisible();
  }
}

/** A real PNG that image-size can read: one colour, or noise (which no compression shrinks: a big file). */
export function png(width: number, height: number, [r, g, b]: [number, number, number], { noise = false } = {}): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour
  const row = () => Buffer.concat([Buffer.from([0]), noise ? crypto.randomBytes(width * 3) : Buffer.alloc(width * 3, Buffer.from([r, g, b]))]);
  const raw = Buffer.concat(Array.from({ length: height }, row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
