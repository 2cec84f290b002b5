import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { waitFor } from '../scripts/bench-kit';
import { nginxBinary } from '../scripts/nginx';
import { startClientAddress } from './client-address';
import { distDir as builtDir, port as e2ePort } from './e2e-data';
import { AFTER_SUBMIT, DEMO_PASSWORD, expect, personas, SignInPage, test, uniqueEmail } from './fixtures';

/**
 * Hallway behind nginx, started the way a deployment starts it (`npm run start:proxy`, the config in
 * deploy/nginx.conf), on a journal and a copy of the test build of its own, so nothing it writes
 * reaches the other specs' server or route cache.
 */

const root = path.resolve(import.meta.dirname, '..');
const distDir = `.next-e2e-${e2ePort}-proxy`;
const dataDir = path.join(root, 'e2e', '.data', `${e2ePort}-proxy`);
const POST = '/posts/qcon-london-2018';

let server: ChildProcess | null = null;
let base = '';
let log = '';

async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

test.describe.configure({ mode: 'serial', timeout: 120_000 });
test.skip(!nginxBinary(), 'nginx is not installed (Debian: apt-get install -y nginx)');

test.beforeAll(async () => {
  test.setTimeout(180_000);
  // The build the test server made, without the pages it has cached since.
  fs.rmSync(path.join(root, distDir), { recursive: true, force: true });
  fs.cpSync(builtDir, path.join(root, distDir), {
    recursive: true,
    filter: (source) => ![path.join(builtDir, 'cache'), path.join(builtDir, 'server', 'route-cache')].includes(source),
  });
  fs.rmSync(dataDir, { recursive: true, force: true });
  const [port, appPort] = [await freePort(), await freePort()];
  base = `http://localhost:${port}`;
  server = spawn(process.execPath, [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/start-proxy.ts'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PORT: String(port),
      APP_PORT: String(appPort),
      DATABASE_PATH: path.join(dataDir, 'hallway.db'),
      NEXT_DIST_DIR: distDir,
      SEED_DEMO: 'true',
      NEXT_TELEMETRY_DISABLED: '1',
    },
  });
  server.stdout!.on('data', (d) => (log += d));
  server.stderr!.on('data', (d) => (log += d));
  await waitFor(`${base}/conferences`, () => log);
});

test.afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  fs.rmSync(path.join(root, distDir), { recursive: true, force: true });
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** A browser page reaching nginx from a loopback address of its own: a client on a machine of its own. */
async function clientPage(browser: Browser, address: string): Promise<Page> {
  const client = await startClientAddress(address, address);
  const context = await browser.newContext({ baseURL: base, proxy: client.proxy });
  context.on('close', () => void client.close());
  return context.newPage();
}

const asBrowser = { headers: { Accept: 'text/html', 'Accept-Encoding': 'gzip' } };

test('pages pass through nginx unstored, each with a nonce of its own; build assets are cached as immutable', async () => {
  const first = await fetch(base + POST, asBrowser);
  const second = await fetch(base + POST, asBrowser);
  const html = await first.text();
  expect(first.status).toBe(200);
  expect(html).toContain('QCon London 2018');
  const nonce = (r: Response) => /'nonce-([^']+)'/.exec(r.headers.get('content-security-policy') ?? '')?.[1];
  expect(nonce(first)).toBeTruthy();
  expect(nonce(second)).not.toBe(nonce(first));
  expect(html).toContain(`nonce="${nonce(first)}"`);
  // No shared cache may keep a page (one nonce for every reader), and nginx did not.
  expect(first.headers.get('cache-control')).toBe('private, no-cache');
  expect(first.headers.get('x-cache-status')).toBeNull();

  const script = /<script[^>]+src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
  expect(script, 'a build script on the page').toBeTruthy();
  const asset = async () => {
    const res = await fetch(base + script!);
    await res.arrayBuffer();
    return res;
  };
  await asset();
  const cached = await asset();
  expect(cached.status).toBe(200);
  expect(cached.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  expect(cached.headers.get('x-cache-status')).toBe('HIT');
});

test('the sign-in limit counts each client by the address nginx saw, not by nginx', async ({ browser }) => {
  // Two machines on different networks (the limit is per /24), both behind the same nginx.
  const blocked = await clientPage(browser, '127.31.1.2');
  const form = new SignInPage(blocked);
  await form.goto();
  for (let i = 1; i <= 6; i++) await form.submit(uniqueEmail(`proxied-${i}`), `wrong password number ${i}`);
  await expect(blocked.getByText(/Too many failed sign-in attempts from your network\./)).toBeVisible();

  const other = await clientPage(browser, '127.32.1.2');
  const otherForm = new SignInPage(other);
  await otherForm.goto();
  await otherForm.submit(personas.sam.email, DEMO_PASSWORD);
  await expect(other).not.toHaveURL(/\/signin/, AFTER_SUBMIT);
});

test('a comment shows at once on the page read through nginx', async ({ browser }) => {
  const text = `Seen through the proxy ${crypto.randomBytes(4).toString('hex')}`;
  // Cached before the write, as a reader would have found it.
  expect(await (await fetch(base + POST, asBrowser)).text()).not.toContain(text);

  const sam = await clientPage(browser, '127.33.1.2');
  const form = new SignInPage(sam);
  await form.goto(POST);
  await form.submit(personas.sam.email, DEMO_PASSWORD);
  await expect(sam).toHaveURL(new RegExp(`${POST}$`), AFTER_SUBMIT);
  const thread = sam.getByRole('region', { name: /^Comments/ });
  await thread.getByLabel('Add a comment').fill(text);
  await thread.getByRole('button', { name: 'Post comment' }).click();
  await expect(thread.getByRole('article', { name: personas.sam.name }).filter({ hasText: text })).toBeVisible();

  // Another reader, no JavaScript, no cookie: the page itself through nginx.
  const after = await fetch(base + POST, asBrowser);
  expect(await after.text()).toContain(text);
});
