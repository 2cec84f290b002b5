/**
 * `npm run bench`: how fast the reader pages are served, next to the practical limit.
 *
 * Starts the production server on a scratch copy of the demo journal, then for each page measures
 * requests/s and p50/p99 latency with 50 connections (wrk), and the same for a plain node:http server
 * sending the very same bytes, measured in the same run. Only the ratio is comparable across runs.
 *
 * BENCH_SECONDS (default 10) sets the length of each measurement; BENCH_REUSE_BUILD=1 skips the build.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildOnce, startApp, waitFor, wrk, type WrkResult } from './bench-kit';
import { startNginx } from './nginx';

const seconds = Number(process.env.BENCH_SECONDS || 10);
const connections = 50;
const nextPort = Number(process.env.BENCH_PORT || 3300);
const rawPort = nextPort + 1;
const proxyPort = nextPort + 2;
const distDir = '.next-bench';
const pages = [
  ['home', '/'],
  ['post', '/posts/qcon-london-2018'],
  ['day list', '/conferences/qcon-london-2018/days/1'],
  ['talk', '/conferences/qcon-london-2018/talks/drivetribe-social-network-streams'],
] as const;

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'hallway-bench-'));
// nginx started by root runs as nobody (scripts/nginx.ts), which must reach its folder in here.
fs.chmodSync(scratch, 0o755);
Object.assign(process.env, {
  DATABASE_PATH: path.join(scratch, 'hallway.db'),
  NEXT_DIST_DIR: distDir,
  SITE_URL: `http://localhost:${nextPort}`,
  SEED_DEMO: 'true',
  NEXT_TELEMETRY_DISABLED: '1',
});
const { prepareDataFolder } = await import('./prepare');
await prepareDataFolder();

buildOnce(distDir, process.env);
const app = await startApp({ port: nextPort, env: process.env });
const nginx = await startNginx({ port: proxyPort, upstream: `127.0.0.1:${nextPort}`, prefix: path.join(scratch, 'nginx') });

// Warm the route cache and capture each page's exact bytes and headers for the baseline server.
const captured: Record<string, { body: string; type: string }> = {};
for (const [, p] of pages) {
  for (let i = 0; i < 3; i++) await fetch(`http://localhost:${nextPort}${p}`).then((r) => r.text());
  const res = await fetch(`http://localhost:${nextPort}${p}`);
  captured[p] = { body: await res.text(), type: res.headers.get('content-type') ?? 'text/html' };
}
const bodiesFile = path.join(scratch, 'bodies.json');
fs.writeFileSync(bodiesFile, JSON.stringify(captured));
const raw = spawn(
  process.execPath,
  [
    '-e',
    `const http=require('node:http');const pages=require(${JSON.stringify(bodiesFile)});
     http.createServer((req,res)=>{const p=pages[req.url];if(!p){res.statusCode=404;return res.end();}
     res.writeHead(200,{'content-type':p.type,'content-length':Buffer.byteLength(p.body)});res.end(p.body);}).listen(${rawPort});`,
  ],
  { stdio: 'ignore' },
);
process.on('exit', () => raw.kill('SIGTERM'));
await waitFor(`http://localhost:${rawPort}/`);

type Row = { page: string; kb: string; next: WrkResult; proxied: WrkResult; raw: WrkResult };
const rows: Row[] = [];
for (const [name, p] of pages) {
  process.stdout.write(`Measuring ${name} (${p})… `);
  const n = wrk(`http://localhost:${nextPort}${p}`, { seconds, connections });
  const x = wrk(`http://localhost:${proxyPort}${p}`, { seconds, connections });
  const r = wrk(`http://localhost:${rawPort}${p}`, { seconds, connections });
  rows.push({ page: name, kb: (Buffer.byteLength(captured[p].body) / 1024).toFixed(1), next: n, proxied: x, raw: r });
  console.log('done');
}
await nginx.stop();
await app.stop();
raw.kill('SIGTERM');

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
console.log(`\n${connections} connections, ${seconds} s per measurement, ${os.cpus().length} cores, Node ${process.version}\n`);
console.log(
  '| page | HTML KiB | direct req/s | p50 ms | p99 ms | errors | through nginx req/s | p50 ms | p99 ms | errors | node:http req/s | p50 ms | p99 ms | direct / node:http | nginx / direct |',
);
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
const pct = (a: number, b: number) => `${((a / b) * 100).toFixed(0)}%`;
for (const { page, kb, next: n, proxied: x, raw: r } of rows) {
  console.log(
    `| ${page} | ${kb} | ${fmt(n.rps)} | ${n.p50} | ${n.p99} | ${n.errors} | ${fmt(x.rps)} | ${x.p50} | ${x.p99} | ${x.errors} | ${fmt(r.rps)} | ${r.p50} | ${r.p99} | ${pct(n.rps, r.rps)} | ${pct(x.rps, n.rps)} |`,
  );
}
fs.rmSync(scratch, { recursive: true, force: true });
process.exit(0);
