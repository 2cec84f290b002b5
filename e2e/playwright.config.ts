import fs from 'node:fs';
import { chromium, defineConfig, devices } from '@playwright/test';

const port = process.env.E2E_PORT || '3100';
export const baseURL = `http://localhost:${port}`;

/**
 * Debian's Chromium when present (browser downloads are impossible on some machines), otherwise
 * Playwright's own; when neither exists, say how to get one instead of failing obscurely.
 */
function chromiumExecutable(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  if (fs.existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  let bundled = '';
  try {
    bundled = chromium.executablePath();
  } catch {}
  if (bundled && fs.existsSync(bundled)) return undefined;
  throw new Error(
    'No Chromium found for the browser tests. Install one of:\n' +
      '  Debian/Ubuntu: sudo apt-get install -y chromium\n' +
      "  anywhere else: npx playwright install chromium\n" +
      'or point CHROMIUM_PATH at a Chromium/Chrome binary.',
  );
}

export default defineConfig({
  testDir: '.',
  // Per port, so test servers running side by side do not clear each other's artefacts.
  outputDir: `../test-results/${port}`,
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never', outputFolder: '../playwright-report' }]],
  timeout: process.env.CI ? 60_000 : 30_000,
  expect: { timeout: 7_000 },
  use: {
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromiumExecutable(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    // The reader and discovery specs count posts, feed items and recaps of the demo journal; the
    // other specs publish, import, rate and comment. So the readers go first, on the journal as
    // seeded; the raw-request matrix goes last, so no other spec's writes show up in the
    // before/after snapshots it takes of the demo accounts' rows.
    { name: 'reader', testMatch: /(reader|discovery)\.spec\.ts$/, use: { ...devices['Desktop Chrome'] } },
    { name: 'chromium', testIgnore: /(reader|discovery|actions)\.spec\.ts$/, dependencies: ['reader'], use: { ...devices['Desktop Chrome'] } },
    { name: 'actions', testMatch: /actions\.spec\.ts$/, dependencies: ['chromium'], use: { ...devices['Desktop Chrome'] } },
  ],
  webServer: {
    command: 'npx tsx scripts/test-server.ts',
    cwd: '..',
    url: `${baseURL}/conferences`,
    timeout: 300_000,
    reuseExistingServer: !process.env.CI,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
