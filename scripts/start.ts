/**
 * `npm start`: one command from a fresh clone to a running journal. Prepares the data folder
 * (database, migrations, demo journal, auth secret), builds when there is no build yet, then
 * serves the production app.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { prepareDataFolder } from './prepare';

// Before anything loads React or Next: the production builds of both, as `next start` would pick.
Object.assign(process.env, { NODE_ENV: 'production' });

const port = Number(process.env.PORT || 3000);
const distDir = process.env.NEXT_DIST_DIR || '.next';
const nextBin = path.join(process.cwd(), 'node_modules', 'next', 'dist', 'bin', 'next');

const { seeded, demoAccounts } = await prepareDataFolder();

if (!fs.existsSync(path.join(distDir, 'BUILD_ID'))) {
  console.log('No production build yet: building (about a minute)…');
  const build = spawnSync(process.execPath, [nextBin, 'build'], { stdio: 'inherit', env: process.env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const { startFrontServer } = await import('@/lib/server/front-server');
// HOST: an address to listen on alone (behind a reverse proxy, 127.0.0.1); all of them by default.
await startFrontServer({ port, host: process.env.HOST || undefined });
console.log(`\nHallway is running at http://localhost:${port}`);
const { unsetSiteUrlWarning } = await import('@/lib/site-address');
const siteUrlWarning = unsetSiteUrlWarning({ siteUrlSet: !!process.env.SITE_URL, port, host: process.env.HOST });
if (siteUrlWarning) console.warn(`\nWarning: ${siteUrlWarning}`);
if (demoAccounts.length) {
  console.log(`Demo accounts${seeded ? ' (just created)' : ''}, password "hallway-demo":`);
  for (const a of demoAccounts) console.log(`  ${a.email.padEnd(22)} ${a.role}`);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => process.exit(0));
}
