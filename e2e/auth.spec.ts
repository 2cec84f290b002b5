import { request as playwrightRequest } from '@playwright/test';
import { loopbackAddress, startClientAddress } from './client-address';
import { postAction } from './e2e-data';
import {
  AccountMenu,
  AFTER_SUBMIT,
  AdminUsersPage,
  createAccount,
  expect,
  NEW_PASSWORD,
  pageFor,
  personas,
  signIn,
  SignInPage,
  signUp,
  submitAndWait,
  SignUpPage,
  test,
  uniqueEmail,
} from './fixtures';

const NO_ACCESS = /You don’t have access/;

// Every test signs in or up at least once: argon2id is slow on purpose, and shared CI machines are busy.
test.describe.configure({ timeout: 90_000 });

test.describe('accounts', () => {
  test('sign up, sign out, then sign in again', async ({ page }) => {
    const user = await signUp(page, { name: 'Grace Hopper', email: uniqueEmail('grace') });
    await expect(page.getByRole('heading', { name: 'Your journal' })).toBeVisible();
    const menu = new AccountMenu(page);
    await expect(menu.button('Grace Hopper')).toBeVisible();

    await menu.signOut();
    await expect(page).toHaveURL(/\/$/, AFTER_SUBMIT); // signing out of a private page goes home

    await signIn(page, user);
    await expect(menu.button('Grace Hopper')).toBeVisible();
    await page.goto('/journal');
    await expect(page.getByRole('heading', { name: 'Your journal' })).toBeVisible();
  });

  test('after signing in, the header never shows "Sign in", even while the session is slow to load', async ({ page, browser }, testInfo) => {
    const user = await createAccount(browser, testInfo, { name: 'Slow Session' });
    // A busy server: every session read takes a while, and the first one after signing in fails.
    let reads = 0;
    await page.route('**/api/auth/session', async (route) => {
      await new Promise((r) => setTimeout(r, 1_500));
      if (++reads === 2) return route.abort();
      return route.continue();
    });
    const form = new SignInPage(page);
    await form.goto();
    await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();
    await form.submit(user.email, user.password);
    await expect(page).not.toHaveURL(/\/signin/, AFTER_SUBMIT);
    // From the moment the page leaves /signin until the menu knows the person, no sign-in link.
    const header = page.getByRole('banner');
    for (let i = 0; i < 10; i++) {
      await expect(header.getByRole('link', { name: 'Sign in' })).toHaveCount(0);
      await page.waitForTimeout(300);
    }
    await expect(new AccountMenu(page).button('Slow Session')).toBeVisible({ timeout: 15_000 });
  });

  test('the same email in another case cannot register twice; typed values survive the error', async ({ page, browser }, testInfo) => {
    const email = uniqueEmail('twice');
    await createAccount(browser, testInfo, { email });
    const form = new SignUpPage(page);
    await form.goto();
    await form.submit({ name: 'Second Try', email: email.toUpperCase(), password: NEW_PASSWORD });
    const emailField = page.getByLabel('Email');
    await expect(emailField).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('An account with this email address already exists.')).toBeVisible();
    await expect(page.getByLabel('Display name')).toHaveValue('Second Try');
    await expect(emailField).toHaveValue(email.toUpperCase());
    await expect(page.getByLabel('Password')).toHaveValue('');
  });

  test('a short password is refused next to the field, keeping name and email', async ({ page }) => {
    const form = new SignUpPage(page);
    await form.goto();
    await form.submit({ name: 'Shorty', email: uniqueEmail('short'), password: 'too-short' });
    const password = page.getByLabel('Password');
    await expect(password).toHaveAttribute('aria-invalid', 'true');
    const describedBy = (await password.getAttribute('aria-describedby'))!.split(' ');
    await expect(page.locator(`[id="${describedBy[0]}"]`)).toHaveText(/at least 10 characters/);
    await expect(password).toHaveValue('');
    await expect(page.getByLabel('Display name')).toHaveValue('Shorty');
  });

  test('a wrong password gets one message for every kind of failure', async ({ page, browser }, testInfo) => {
    const user = await createAccount(browser, testInfo);
    const form = new SignInPage(page);
    await form.goto();
    await form.submit(user.email, 'not the right password');
    await expect(page.getByText('Wrong email or password.')).toBeVisible();
    await expect(form.email).toHaveValue(user.email);
    await expect(form.password).toHaveValue('');

    await form.submit(uniqueEmail('nobody'), 'not the right password');
    await expect(page.getByText('Wrong email or password.')).toBeVisible();
    await expect(page).toHaveURL(/\/signin/, AFTER_SUBMIT);
  });

  test('repeated failures lock the account out and say when to try again', async ({ page, browser }, testInfo) => {
    const user = await createAccount(browser, testInfo);
    const form = new SignInPage(page);
    await form.goto();
    for (let i = 1; i <= 5; i++) {
      await form.submit(user.email, `wrong password number ${i}`);
      await expect(page.getByText('Wrong email or password.')).toBeVisible();
      // The refusal empties the password box when React commits it, which can be a moment after
      // the response: typing the next password before that would be wiped.
      await expect(form.password).toHaveValue('');
    }
    await form.submit(user.email, user.password); // even the right password waits now
    await expect(page.getByText(/Too many failed sign-in attempts for this account\. Try again in \d+ seconds\./)).toBeVisible();
    await expect(page).toHaveURL(/\/signin/, AFTER_SUBMIT);
  });

  test('a client cannot escape the per-address limit by naming another address in a header', async ({ page }) => {
    const form = new SignInPage(page);
    await form.goto();
    for (let i = 1; i <= 6; i++) {
      // A new forwarded address (and a forged copy of the one the front server passes on) every time.
      await page.setExtraHTTPHeaders({ 'X-Forwarded-For': `198.51.100.${i}`, 'X-Hallway-Client': `203.0.113.${i}` });
      await form.submit(uniqueEmail(`spoof-${i}`), `wrong password number ${i}`);
      if (i < 6) {
        await expect(page.getByText('Wrong email or password.')).toBeVisible();
        await expect(form.password).toHaveValue('');
      }
    }
    await expect(page.getByText(/Too many failed sign-in attempts from your network\. Try again in \d+ seconds\./)).toBeVisible();
  });

  test('signing in returns to the page that asked for it', async ({ page }) => {
    await page.goto('/account');
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Faccount$/, AFTER_SUBMIT);
    await new SignInPage(page).submit(personas.sam.email, 'hallway-demo');
    await expect(page).toHaveURL(/\/account$/, AFTER_SUBMIT);
    await expect(page.getByRole('heading', { name: 'Your account' })).toBeVisible();
  });

  test('a callbackUrl to another site is ignored', async ({ page }) => {
    await page.goto('/signin?callbackUrl=https%3A%2F%2Fevil.example%2F');
    await new SignInPage(page).submit(personas.sam.email, 'hallway-demo');
    await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/$/, AFTER_SUBMIT);
  });

  test('signed in, a callbackUrl that normalises to another host redirects to a local path', async ({ page }) => {
    await signIn(page, 'sam');
    for (const pagePath of ['/signin', '/signup']) {
      for (const evil of ['/.//evil.example', '/..//evil.example', '/./\\evil.example', '/%2e//evil.example']) {
        const res = await page.request.get(`${pagePath}?callbackUrl=${encodeURIComponent(evil)}`, { maxRedirects: 0 });
        expect(res.status(), `${pagePath} ${evil}`).toBe(307);
        const location = res.headers()['location'];
        expect(new URL(location, 'http://localhost').host, `${pagePath} ${evil} → ${location}`).toBe('localhost');
        expect(location).not.toMatch(/^[/\\]{2}/);
      }
    }
    // And in the browser: following the redirect stays on this site.
    await page.goto(`/signin?callbackUrl=${encodeURIComponent('/.//evil.example')}`);
    await expect(page).toHaveURL(/^http:\/\/localhost:\d+\//);
  });

  test('an unknown error code on /signin shows the general message, even one named like an object member', async ({ page }) => {
    for (const code of ['constructor', 'toString', '__proto__', 'NoSuchError']) {
      const res = await page.goto(`/signin?error=${code}`);
      expect(res?.status(), code).toBe(200);
      await expect(page.getByRole('main').getByRole('alert')).toHaveText('Signing in did not work. Please try again.');
    }
  });

  test('the account menu is a keyboard-friendly disclosure with role-based links', async ({ page }) => {
    await signIn(page, 'sam');
    const menu = new AccountMenu(page);
    const button = menu.button(personas.sam.name);
    await button.focus();
    await page.keyboard.press('Enter');
    await expect(button).toHaveAttribute('aria-expanded', 'true');
    const banner = page.getByRole('banner');
    await expect(banner.getByRole('link', { name: 'Journal' })).toBeVisible();
    await expect(banner.getByRole('link', { name: 'Account' })).toBeVisible();
    await expect(banner.getByRole('link', { name: 'Write' })).toHaveCount(0);
    await expect(banner.getByRole('link', { name: 'Admin' })).toHaveCount(0);
    await page.keyboard.press('Escape');
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    await expect(button).toBeFocused();
    await expect(banner.getByRole('link', { name: 'Journal' })).toBeHidden();
  });

  test('the account menu keeps its width from loading to signed in', async ({ page }) => {
    await page.goto('/conferences');
    const signedOut = await page.getByRole('banner').getByRole('link', { name: 'Sign up' }).boundingBox();
    await signIn(page, 'admin');
    await page.goto('/conferences');
    const menu = new AccountMenu(page);
    const signedIn = await menu.button(personas.admin.name).boundingBox();
    // Both end at the same right edge; the signed-in button fills the reserved box.
    expect(Math.round(signedIn!.x + signedIn!.width)).toBe(Math.round(signedOut!.x + signedOut!.width));
    await menu.open();
    for (const name of ['Journal', 'Write', 'Admin', 'Account']) {
      await expect(page.getByRole('banner').getByRole('link', { name })).toBeVisible();
    }
  });
});

test.describe('roles', () => {
  test('signed out, /write and /admin/users send you to sign in', async ({ page }) => {
    for (const path of ['/write', '/admin/users', '/journal']) {
      await page.goto(path);
      await expect(page).toHaveURL(new RegExp(`/signin\\?callbackUrl=${encodeURIComponent(path)}$`));
    }
  });

  test('a reader cannot open /write or /admin/users', async ({ page }) => {
    await signIn(page, 'sam');
    for (const path of ['/write', '/admin/users']) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(403);
      await expect(page.getByRole('heading', { name: NO_ACCESS })).toBeVisible();
    }
    await page.goto('/journal');
    await expect(page.getByRole('heading', { name: 'Your journal' })).toBeVisible();
  });

  test('an author can write but not administer', async ({ page }) => {
    await signIn(page, 'ada');
    await page.goto('/write');
    await expect(page.getByRole('heading', { name: 'Your recaps' })).toBeVisible();
    expect((await page.goto('/admin/users'))?.status()).toBe(403);
  });

  test('an admin promotes a new reader to author, who can write on the next request', async ({ page, browser }, testInfo) => {
    const user = await signUp(page, { name: `Promoted ${Date.now()}`, email: uniqueEmail('promote') });
    expect((await page.goto('/write'))?.status()).toBe(403);

    const admin = new AdminUsersPage(await pageFor(browser, testInfo, 'admin'));
    await admin.setRole(user, 'author');

    // Same session cookie, no new sign-in: the role comes from the database.
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Your recaps' })).toBeVisible();
    await new AccountMenu(page).open();
    await expect(page.getByRole('banner').getByRole('link', { name: 'Write' })).toBeVisible();
    await admin.page.context().close();
  });

  test('a demoted author loses /write on the next request', async ({ page, browser }, testInfo) => {
    const user = await signUp(page, { name: `Demoted ${Date.now()}`, email: uniqueEmail('demote') });
    const admin = new AdminUsersPage(await pageFor(browser, testInfo, 'admin'));
    await admin.setRole(user, 'author');
    await page.goto('/write');
    await expect(page.getByRole('heading', { name: 'Your recaps' })).toBeVisible();

    await admin.setRole(user, 'reader');
    expect((await page.reload())?.status()).toBe(403);
    await expect(page.getByRole('heading', { name: NO_ACCESS })).toBeVisible();
    await admin.page.context().close();
  });

  test('a disabled account is signed out on its next request and cannot sign in', async ({ page, browser }, testInfo) => {
    const user = await signUp(page, { name: `Disabled ${Date.now()}`, email: uniqueEmail('disable') });
    const admin = new AdminUsersPage(await pageFor(browser, testInfo, 'admin'));
    await admin.setDisabled(user, true);

    await page.goto('/journal');
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fjournal$/, AFTER_SUBMIT);
    await new SignInPage(page).submit(user.email, user.password);
    await expect(page.getByText(/This account has been disabled/)).toBeVisible();

    await admin.setDisabled(user, false);
    await new SignInPage(page).submit(user.email, user.password);
    await expect(page).toHaveURL(/\/journal$/, AFTER_SUBMIT);
    await admin.page.context().close();
  });

  test('an admin cannot demote the last admin', async ({ page }) => {
    // Demo data has one admin; demoting them must be refused (and nothing else may add admins meanwhile).
    await signIn(page, 'admin');
    const admin = new AdminUsersPage(page);
    await admin.search(personas.admin.email);
    const row = admin.row(personas.admin.email);
    await row.getByLabel(`Role for ${personas.admin.name}`).selectOption('reader');
    await row.getByRole('button', { name: `Save role for ${personas.admin.name}` }).click();
    await expect(row.getByText(/needs at least one active admin/)).toBeVisible();
    await page.goto('/admin/users');
    await expect(page.getByRole('heading', { name: 'Users' })).toBeVisible();
  });
});

test.describe('account page', () => {
  test('changing the password keeps this session and signs out the others', async ({ page, browser }, testInfo) => {
    const user = await signUp(page, { name: 'Two Devices', email: uniqueEmail('pw') });
    const other = await pageFor(browser, testInfo, user);

    await page.goto('/account');
    const section = page.getByRole('region', { name: 'Password' });
    await section.getByLabel('Current password', { exact: true }).fill(user.password);
    await section.getByLabel('New password', { exact: true }).fill('another long passphrase');
    await section.getByLabel('Repeat the new password').fill('another long passphrase');
    await submitAndWait(page, section.getByRole('button', { name: 'Change password' }));
    await expect(section.getByText(/Password changed/)).toBeVisible();

    await page.reload();
    await expect(page.getByRole('heading', { name: 'Your account' })).toBeVisible();
    await other.goto('/account');
    await expect(other).toHaveURL(/\/signin\?callbackUrl=%2Faccount$/, AFTER_SUBMIT);
    await new SignInPage(other).submit(user.email, 'another long passphrase');
    await expect(other).toHaveURL(/\/account$/, AFTER_SUBMIT);
    await other.context().close();
  });

  test('signing out ends the session everywhere: a copy of the cookie stops working too', async ({ page, browser }, testInfo) => {
    const user = await signUp(page, { name: 'Cookie Owner', email: uniqueEmail('cookie') });
    const copy = await browser.newContext({ baseURL: testInfo.project.use.baseURL, storageState: await page.context().storageState() });
    const thief = await copy.newPage();
    await thief.goto('/account');
    await expect(thief.getByRole('heading', { name: 'Your account' })).toBeVisible();

    await new AccountMenu(page).signOut();
    await thief.goto('/account');
    await expect(thief).toHaveURL(/\/signin\?callbackUrl=%2Faccount$/, AFTER_SUBMIT);
    const session = await (await thief.request.get('/api/auth/session')).json();
    expect(session?.user).toBeUndefined();
    await copy.close();

    // Signing in again works as before.
    await signIn(page, user);
    await page.goto('/account');
    await expect(page.getByRole('heading', { name: 'Your account' })).toBeVisible();
  });

  test('“Sign out everywhere” on the account page signs out this browser and every other', async ({ page, browser }, testInfo) => {
    const user = await signUp(page, { name: 'Many Devices', email: uniqueEmail('everywhere') });
    const other = await pageFor(browser, testInfo, user);
    await page.goto('/account');
    const section = page.getByRole('region', { name: 'Sessions' });
    await submitAndWait(page, section.getByRole('button', { name: 'Sign out everywhere' }));
    await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/$/, AFTER_SUBMIT);
    await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();
    await other.goto('/account');
    await expect(other).toHaveURL(/\/signin\?callbackUrl=%2Faccount$/, AFTER_SUBMIT);
    await other.context().close();
  });

  test('changing the email keeps this session and signs out the others', async ({ page, browser }, testInfo) => {
    const user = await signUp(page, { name: 'New Address', email: uniqueEmail('mail') });
    const other = await pageFor(browser, testInfo, user);
    const email = uniqueEmail('mail-new');

    await page.goto('/account');
    const section = page.getByRole('region', { name: 'Email address' });
    await section.getByLabel('Email', { exact: true }).fill(email);
    await section.getByLabel('Current password', { exact: true }).fill(user.password);
    await submitAndWait(page, section.getByRole('button', { name: 'Save email' }));
    await expect(page.getByRole('region', { name: 'Email address' }).getByText(`Email changed. Sign in with ${email} from now on.`)).toBeVisible();

    await page.reload();
    await expect(page.getByRole('heading', { name: 'Your account' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Email address' }).getByLabel('Email', { exact: true })).toHaveValue(email);
    await other.goto('/account');
    await expect(other).toHaveURL(/\/signin\?callbackUrl=%2Faccount$/, AFTER_SUBMIT);
    await other.context().close();
  });

  test('a wrong current password is refused without echoing anything', async ({ page }) => {
    await signUp(page, { name: 'Careful', email: uniqueEmail('careful') });
    await page.goto('/account');
    const section = page.getByRole('region', { name: 'Password' });
    await section.getByLabel('Current password', { exact: true }).fill('definitely not it');
    await section.getByLabel('New password', { exact: true }).fill('another long passphrase');
    await section.getByLabel('Repeat the new password').fill('another long passphrase');
    await submitAndWait(page, section.getByRole('button', { name: 'Change password' }));
    await expect(section.getByText('That is not your current password.')).toBeVisible();
    await expect(section.getByLabel('Current password', { exact: true })).toHaveValue('');
  });

  test('display name changes show in the header', async ({ page }) => {
    await signUp(page, { name: 'Old Name', email: uniqueEmail('rename') });
    await page.goto('/account');
    const section = page.getByRole('region', { name: 'Profile' });
    await section.getByLabel('Display name').fill('New Name');
    await submitAndWait(page, section.getByRole('button', { name: 'Save name' }));
    await expect(section.getByText('Display name saved.')).toBeVisible();
    await expect(new AccountMenu(page).button('New Name')).toBeVisible();
  });

  test('the public journal toggle persists', async ({ page }) => {
    await signUp(page, { name: 'Public Person', email: uniqueEmail('public') });
    await page.goto('/account');
    const section = page.getByRole('region', { name: 'Journal visibility' });
    await section.getByLabel('Make my journal public').check();
    await submitAndWait(page, section.getByRole('button', { name: 'Save visibility' }));
    await expect(section.getByText(/Your journal is public at \/u\//)).toBeVisible();
    await page.reload();
    await expect(page.getByRole('region', { name: 'Journal visibility' }).getByLabel('Make my journal public')).toBeChecked();
  });

  test('deleting the account needs the typed email, then signs out for good', async ({ page }) => {
    const user = await signUp(page, { name: 'Leaving Soon', email: uniqueEmail('leave') });
    await page.goto('/account');
    const section = page.getByRole('region', { name: 'Delete my account' });
    const confirmation = section.getByLabel(/to confirm/);
    await confirmation.fill('something else');
    await submitAndWait(page, section.getByRole('button', { name: 'Delete my account' }));
    await expect(section.getByText(`Type ${user.email} to confirm.`)).toBeVisible();
    await expect(confirmation).toHaveValue('something else');

    await confirmation.fill(user.email);
    await submitAndWait(page, section.getByRole('button', { name: 'Delete my account' }));
    await expect(page).toHaveURL(/\/signin\?notice=deleted$/, AFTER_SUBMIT);
    await expect(page.getByText('Your account has been deleted.', { exact: false })).toBeVisible();
    await new SignInPage(page).submit(user.email, user.password);
    await expect(page.getByText('Wrong email or password.')).toBeVisible();
  });
});

test.describe('sign-up limits', () => {
  const SIGN_UP = { file: 'app/(auth)/actions.ts', name: 'signUpAction' };

  /** One raw sign-up from `address`, as the form posts it. */
  async function rawSignUp(baseURL: string, address: string, email: string) {
    const client = await startClientAddress(address, address);
    const api = await playwrightRequest.newContext({ baseURL, proxy: client.proxy });
    try {
      return await postAction(api, SIGN_UP, '/signup', { name: 'Many Accounts', email, password: NEW_PASSWORD });
    } finally {
      await api.dispose();
      await client.close();
    }
  }
  /** Where a sign-up that went through sends the new member. */
  const landedOn = (redirect: string | undefined) => (redirect ? new URL(redirect.split(';')[0], 'http://localhost').pathname : null);
  /** Addresses of one /24 network, different hosts. */
  const networkOf = (seed: string) => {
    const prefix = loopbackAddress(seed).split('.').slice(0, 3).join('.');
    return (host: number) => `${prefix}.${host}`;
  };

  test('a network gets five sign-ups, then waits; a taken address costs a try like a new one', async ({}, testInfo) => {
    const baseURL = testInfo.project.use.baseURL!;
    const host = networkOf(`${testInfo.testId}-net`);
    const taken = uniqueEmail('taken');
    expect(landedOn((await rawSignUp(baseURL, host(1), taken)).redirect)).toBe('/journal');
    for (let i = 2; i <= 5; i++) {
      const again = await rawSignUp(baseURL, host(i), taken);
      expect(again.state?.fieldErrors?.email).toEqual(['An account with this email address already exists. Sign in instead?']);
    }
    const sixth = await rawSignUp(baseURL, host(6), uniqueEmail('sixth'));
    expect(sixth.redirect).toBeUndefined();
    expect(sixth.state).toMatchObject({ ok: false, message: expect.stringMatching(/^Too many sign-ups from your network\. Try again in \d+ seconds\.$/) });
    // Another network is not held up.
    expect(landedOn((await rawSignUp(baseURL, networkOf(`${testInfo.testId}-other`)(1), uniqueEmail('elsewhere'))).redirect)).toBe('/journal');
  });

  test('one email address gets five tries from anywhere, then waits', async ({}, testInfo) => {
    const baseURL = testInfo.project.use.baseURL!;
    const email = uniqueEmail('probe');
    for (let i = 1; i <= 5; i++) {
      const tried = await rawSignUp(baseURL, networkOf(`${testInfo.testId}-${i}`)(1), email);
      expect(tried.state?.message ?? '', `try ${i}`).not.toMatch(/Too many/);
    }
    const sixth = await rawSignUp(baseURL, networkOf(`${testInfo.testId}-6`)(1), email);
    expect(sixth.state).toMatchObject({ ok: false, message: expect.stringMatching(/^Too many sign-ups with this email address\. Try again in \d+ seconds\.$/) });
  });
});

test('/setup is closed once an admin exists', async ({ page }) => {
  await page.goto('/setup');
  await expect(page.getByRole('heading', { name: 'Hallway is set up' })).toBeVisible();
  await expect(page.getByLabel('Password')).toHaveCount(0);
});
