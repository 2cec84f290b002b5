/**
 * What the benchmarks share: starting the app the way `npm start` does, load from wrk, signed-in
 * sessions minted with the server's own secret, and server actions posted by raw request.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { encode } from 'next-auth/jwt';

const root = process.cwd();
export const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
const tsxCli = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');

/** Runs a project script with tsx (`react-server` condition, as the CLI scripts do). */
export function runScript(script: string, args: string[], env: NodeJS.ProcessEnv) {
  return spawnSync(process.execPath, [tsxCli, '--conditions=react-server', script, ...args], { env, encoding: 'utf8' });
}

/** `next build` into `distDir`, unless BENCH_REUSE_BUILD=1 and a build is there (its route cache cleared). */
export function buildOnce(distDir: string, env: NodeJS.ProcessEnv) {
  if (process.env.BENCH_REUSE_BUILD === '1' && fs.existsSync(path.join(distDir, 'BUILD_ID'))) {
    fs.rmSync(path.join(distDir, 'cache'), { recursive: true, force: true });
    return;
  }
  fs.rmSync(distDir, { recursive: true, force: true });
  console.log(`Building into ${distDir}…`);
  const build = spawnSync(process.execPath, [nextBin, 'build'], { stdio: 'ignore', env: { ...env, NEXT_DIST_DIR: distDir } });
  if (build.status !== 0) throw new Error('next build failed');
}

export type App = { base: string; log: () => string; stop: () => Promise<void> };

/** Starts the production app with `scripts/start.ts`, exactly as `npm start` does, and waits until it answers. */
export async function startApp({ port, env }: { port: number; env: NodeJS.ProcessEnv }): Promise<App> {
  const child: ChildProcess = spawn(process.execPath, [tsxCli, 'scripts/start.ts'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...env, PORT: String(port) },
  });
  let log = '';
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  const kill = () => child.kill('SIGTERM');
  process.on('exit', kill);
  const base = `http://localhost:${port}`;
  await waitFor(`${base}/conferences`, () => log);
  return {
    base,
    log: () => log,
    stop: async () => {
      process.off('exit', kill);
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      kill();
      await exited;
    },
  };
}

export async function waitFor(url: string, log: () => string = () => '') {
  for (let i = 0; i < 480; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`Server did not answer: ${url}\n${log().slice(-2000)}`);
}

export type WrkResult = { rps: number; p50: number; p99: number; errors: number };

type WrkOptions = { seconds: number; connections?: number; headers?: Record<string, string> };

function wrkArgs(url: string, { seconds, connections = 50, headers = {} }: WrkOptions): string[] {
  const headerArgs = Object.entries(headers).flatMap(([k, v]) => ['-H', `${k}: ${v}`]);
  return ['-t2', `-c${connections}`, `-d${seconds}s`, '--latency', ...headerArgs, url];
}

function wrkResult(out: string): WrkResult {
  const ms = (label: string) => {
    const m = new RegExp(`^\\s*${label}%\\s+([\\d.]+)(us|ms|s)`, 'm').exec(out);
    if (!m) return NaN;
    return Number(m[1]) * (m[2] === 'us' ? 0.001 : m[2] === 's' ? 1000 : 1);
  };
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  return {
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? NaN),
    p50: ms('50'),
    p99: ms('99'),
    errors: non2xx + (socket ? socket.slice(1).reduce((a, b) => a + Number(b), 0) : 0),
  };
}

/** Requests/s and latency percentiles (ms) of one URL under `connections` keep-alive connections, from wrk. */
export function wrk(url: string, options: WrkOptions): WrkResult {
  const run = spawnSync('wrk', wrkArgs(url, options), { encoding: 'utf8' });
  if (run.error) throw new Error('wrk is not installed: apt-get install -y wrk');
  return wrkResult(run.stdout);
}

/** `wrk` without holding this process up, for load that runs beside other requests of its own. */
export function wrkInBackground(url: string, options: WrkOptions): Promise<WrkResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('wrk', wrkArgs(url, options), { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout!.on('data', (d) => (out += d));
    child.once('error', () => reject(new Error('wrk is not installed: apt-get install -y wrk')));
    child.once('close', () => resolve(wrkResult(out)));
  });
}

// Auth.js on plain http: the cookie is `authjs.session-token`, and its name is the JWE salt.
const SESSION_COOKIE = 'authjs.session-token';

/** A session cookie for a user row, as the server's Auth.js would issue it. */
export async function sessionCookie({ secret, user }: { secret: string; user: { id: number; name: string; email: string; role: string; sessionVersion: number } }) {
  const token = await encode({
    salt: SESSION_COOKIE,
    secret,
    maxAge: 3600,
    token: { sub: String(user.id), uid: user.id, sv: user.sessionVersion, role: user.role, name: user.name, email: user.email },
  });
  return `${SESSION_COOKIE}=${token}`;
}

/** The id of a server action in a build, for posting it by raw request. */
export function actionId(distDir: string, file: string, exportedName: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(distDir, 'server', 'server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  const id = Object.entries(manifest.node).find(([, a]) => a.filename === file && a.exportedName === exportedName)?.[0];
  if (!id) throw new Error(`${file} ${exportedName} is not in the build`);
  return id;
}

/** A save through `POST /api/ratings`, as the page's script sends it: whether it was saved. */
export async function postRating(base: string, cookie: string, fields: Record<string, string>): Promise<{ status: number; ok: boolean; text: string }> {
  const res = await fetch(`${base}/api/ratings`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: base, 'Sec-Fetch-Site': 'same-origin', Cookie: cookie },
    body: new URLSearchParams(fields),
    redirect: 'manual',
  });
  const text = await res.text();
  let ok = false;
  try {
    ok = res.ok && (JSON.parse(text) as { ok?: boolean }).ok === true;
  } catch {}
  return { status: res.status, ok, text };
}

/** The argument list React sends for a useActionState form: [prevState, FormData], the fields prefixed `_1_`. */
export function actionBody(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(`_1_${k}`, v);
  form.append('0', JSON.stringify([{ ok: false }, '$K1']));
  return form;
}

/** The action's returned state out of the RSC response: row 0 names the row holding it. */
export function actionState(text: string): { ok: boolean; message?: string } | null {
  const rows = new Map(text.split('\n').map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1)]));
  const ref = /"a":"\$@(\w+)"/.exec(rows.get('0') ?? '')?.[1];
  try {
    return ref ? JSON.parse(rows.get(ref) ?? 'null') : null;
  } catch {
    return null;
  }
}

export function percentile(list: number[], p: number) {
  if (list.length === 0) return 0;
  const sorted = [...list].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
