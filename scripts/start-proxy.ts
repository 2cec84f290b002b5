/**
 * `npm run start:proxy`: Hallway as it runs in production, behind nginx (deploy/nginx.conf).
 *
 * nginx listens on PORT (default 3000); the app (`npm start`) on APP_PORT (default PORT + 1), bound
 * to 127.0.0.1 only: a client that could reach it directly could name any address in
 * X-Forwarded-For, which the app trusts one hop deep (TRUSTED_PROXIES=1) behind this proxy.
 * nginx keeps its config, pid, temp and cache folders in `<data folder>/nginx`.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { DEFAULT_DATABASE_PATH } from '@/lib/database-path';
import { waitFor } from './bench-kit';
import { startNginx } from './nginx';

const port = Number(process.env.PORT || 3000);
const appPort = Number(process.env.APP_PORT || port + 1);
const dataDir = path.dirname(path.resolve(process.env.DATABASE_PATH || DEFAULT_DATABASE_PATH));

const app = spawn(process.execPath, [path.join(process.cwd(), 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/start.ts'], {
  stdio: 'inherit',
  env: {
    ...process.env,
    PORT: String(appPort),
    HOST: '127.0.0.1',
    TRUSTED_PROXIES: process.env.TRUSTED_PROXIES || '1',
    // Links, feeds and the actions' origin check name the address people use: nginx's.
    SITE_URL: process.env.SITE_URL || `http://localhost:${port}`,
  },
});
const stopApp = () => app.kill('SIGTERM');
process.on('exit', stopApp);
app.once('exit', (code) => {
  console.error(`The app stopped (${code ?? 'signal'}).`);
  process.exit(code || 1);
});

await waitFor(`http://127.0.0.1:${appPort}/conferences`);
const nginx = await startNginx({ port, upstream: `127.0.0.1:${appPort}`, prefix: path.join(dataDir, 'nginx') });
console.log(`nginx is serving Hallway at http://localhost:${port} (app on 127.0.0.1:${appPort})`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    await nginx.stop();
    process.exit(0);
  });
}
