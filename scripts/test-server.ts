/**
 * The server the browser tests run against: a fresh demo database and a build of its own
 * (`.next-e2e-<port>`), so tests never touch the journal or the route cache of `npm start`.
 * E2E_REUSE_BUILD=1 skips the rebuild when iterating on tests alone.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = process.cwd();
const port = process.env.E2E_PORT || '3100';
// Per port, so several test servers can run side by side.
const dataDir = path.join(root, 'e2e', '.data', port);
const distDir = `.next-e2e-${port}`;

fs.rmSync(dataDir, { recursive: true, force: true });
Object.assign(process.env, {
  DATABASE_PATH: path.join(dataDir, 'hallway.db'),
  NEXT_DIST_DIR: distDir,
  SITE_URL: `http://localhost:${port}`,
  SEED_DEMO: 'true',
  NEXT_TELEMETRY_DISABLED: '1',
  NODE_ENV: 'production',
  // Far from UTC, so any date printed in the server's zone instead of the writer's shows up.
  TZ: process.env.TZ || 'Pacific/Kiritimati',
});

const { prepareDataFolder } = await import('./prepare');
await prepareDataFolder();

const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
const reuse = process.env.E2E_REUSE_BUILD === '1' && fs.existsSync(path.join(distDir, 'BUILD_ID'));
if (!reuse) {
  fs.rmSync(distDir, { recursive: true, force: true });
  const build = spawnSync(process.execPath, [nextBin, 'build'], { stdio: 'inherit', env: process.env });
  if (build.status !== 0) process.exit(build.status ?? 1);
} else {
  // Pages cached by an earlier run would show that run's writes.
  fs.rmSync(path.join(distDir, 'cache'), { recursive: true, force: true });
  fs.rmSync(path.join(distDir, 'server', 'route-cache'), { recursive: true, force: true });
}

const { startFrontServer } = await import('@/lib/server/front-server');
await startFrontServer({ port: Number(port) });
console.log(`Test server ready at http://localhost:${port}`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(0));
