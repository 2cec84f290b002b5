/**
 * nginx in front of the app, from the repository's config (deploy/nginx.conf), with a prefix of its
 * own (config, pid, temp and cache folders) so it needs neither root nor the system's nginx files.
 * Used by `npm run start:proxy`, `npm run bench` and the reverse-proxy browser test.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

const TEMPLATE = path.join(process.cwd(), 'deploy', 'nginx.conf');

/** The nginx binary on this machine (Debian: apt-get install -y nginx, in /usr/sbin), or null. */
export function nginxBinary(): string | null {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter), '/usr/sbin', '/usr/local/sbin'].filter(Boolean);
  return dirs.map((dir) => path.join(dir, 'nginx')).find((file) => fs.existsSync(file)) ?? null;
}

/** deploy/nginx.conf with its placeholders filled in. */
export function nginxConfig({ port, upstream }: { port: number; upstream: string }): string {
  return fs.readFileSync(TEMPLATE, 'utf8').replaceAll('{{LISTEN}}', String(port)).replaceAll('{{UPSTREAM}}', upstream);
}

/** Run by root, nginx is started as `nobody`, its folder handed over: left to itself, its master process would stay root. */
function unprivileged(prefix: string): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) => Number(spawnSync('id', [flag, 'nobody'], { encoding: 'utf8' }).stdout.trim());
  const uid = id('-u');
  const gid = id('-g');
  for (const entry of [prefix, ...fs.readdirSync(prefix, { recursive: true, encoding: 'utf8' }).map((p) => path.join(prefix, p))]) fs.chownSync(entry, uid, gid);
  return { uid, gid };
}

export type Nginx = { port: number; stop: () => Promise<void> };

/**
 * Runs nginx in the foreground on `port`, passing requests to `upstream` (host:port), with its files
 * under `prefix`; resolves once it accepts connections. Its errors go to this process's stderr.
 */
export async function startNginx({ port, upstream, prefix }: { port: number; upstream: string; prefix: string }): Promise<Nginx> {
  const binary = nginxBinary();
  if (!binary) throw new Error('nginx is not installed (Debian: apt-get install -y nginx)');
  fs.mkdirSync(path.join(prefix, 'temp'), { recursive: true });
  fs.mkdirSync(path.join(prefix, 'cache'), { recursive: true });
  fs.writeFileSync(path.join(prefix, 'nginx.conf'), nginxConfig({ port, upstream }));
  const child = spawn(binary, ['-p', `${prefix}/`, '-c', 'nginx.conf', '-e', 'stderr', '-g', 'daemon off;'], {
    stdio: ['ignore', 'inherit', 'pipe'],
    ...unprivileged(prefix),
  });
  let errors = '';
  child.stderr!.on('data', (d) => {
    errors += d;
    process.stderr.write(d);
  });
  const stop = async () => {
    process.off('exit', kill);
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    kill();
    await exited;
  };
  const kill = () => child.kill('SIGTERM');
  process.on('exit', kill);
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`nginx exited (${child.exitCode}):\n${errors}`);
    if (await accepts(port)) return { port, stop };
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error(`nginx did not listen on port ${port}:\n${errors}`);
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
