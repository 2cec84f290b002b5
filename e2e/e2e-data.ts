import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { APIRequestContext } from '@playwright/test';

/**
 * What the browser tests share about the test server: its database (to arrange data no other spec
 * touches, and to check what a request changed) and raw server-action requests (to call actions
 * the way an attacker would, whatever the UI shows).
 */

const root = path.resolve(import.meta.dirname, '..');
export const port = process.env.E2E_PORT || '3100';
export const dbPath = path.join(root, 'e2e', '.data', port, 'hallway.db');
export const distDir = path.join(root, `.next-e2e-${port}`);
const manifestPath = path.join(distDir, 'server', 'server-reference-manifest.json');

export function openDb() {
  const db = new Database(dbPath, { fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  return db;
}

export function query<T>(sql: string, ...params: unknown[]): T[] {
  const db = openDb();
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

export function userIdByEmail(email: string): number {
  return query<{ id: number }>('SELECT id FROM users WHERE email = ?', email)[0].id;
}

/** The build's id of the server action `name` exported by `file` (`app/journal/actions.ts`). */
export function actionId(file: string, name: string): string {
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as { node: Record<string, { filename: string; exportedName: string }> };
  const hit = Object.entries(manifest.node).find(([, a]) => a.filename === file && a.exportedName === name);
  if (!hit) throw new Error(`${file}#${name} is not in the build`);
  return hit[0];
}

export type RawState = { ok: boolean; message?: string; fieldErrors?: Record<string, string[]>; values?: Record<string, string> };

/**
 * Posts a server action the way React does for a `useActionState` form: multipart, the fields
 * prefixed `_1_`, and the argument list `[prevState, $K1]` as the LAST part "0" (a FormData keeps
 * that order). Returns the status, the redirect if any, and the action's returned state.
 */
export async function postAction(
  api: APIRequestContext,
  { file, name }: { file: string; name: string },
  pagePath: string,
  fields: Record<string, string>,
) {
  const multipart = new FormData();
  for (const [k, v] of Object.entries(fields)) multipart.append(`_1_${k}`, v);
  multipart.append('0', JSON.stringify([{ ok: false }, '$K1']));
  const base = `http://localhost:${port}`;
  const res = await api.post(pagePath, {
    headers: { 'Next-Action': actionId(file, name), Accept: 'text/x-component', Origin: base, Referer: `${base}${pagePath}` },
    multipart,
    maxRedirects: 0,
    failOnStatusCode: false,
  });
  const rows = flightRows(await res.body());
  const ref = /"a":"\$@(\w+)"/.exec(rows.get('0') ?? '')?.[1];
  return {
    status: res.status(),
    redirect: res.headers()['x-action-redirect'],
    state: ref ? (JSON.parse(rows.get(ref) ?? 'null') as RawState | null) : null,
  };
}

/**
 * The rows of an RSC (Flight) response: `id:json\n`, except long strings, sent as `id:T<hex byte
 * length>,<bytes>` with no newline after them (an echoed 2,001-character review is one).
 */
function flightRows(body: Buffer): Map<string, string> {
  const rows = new Map<string, string>();
  let i = 0;
  while (i < body.length) {
    const colon = body.indexOf(':', i);
    if (colon < 0) break;
    const id = body.subarray(i, colon).toString();
    if (body[colon + 1] === 0x54 /* T */) {
      const comma = body.indexOf(',', colon);
      const length = parseInt(body.subarray(colon + 2, comma).toString(), 16);
      rows.set(id, body.subarray(comma + 1, comma + 1 + length).toString());
      i = comma + 1 + length;
    } else {
      const end = body.indexOf('\n', colon);
      rows.set(id, body.subarray(colon + 1, end < 0 ? body.length : end).toString());
      i = end < 0 ? body.length : end + 1;
    }
  }
  return rows;
}
