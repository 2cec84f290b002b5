import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { request as playwrightRequest, type APIRequestContext, type APIResponse } from '@playwright/test';
import { startClientAddress, type ClientAddress } from './client-address';
import { createAccount, DEMO_PASSWORD, expect, personas, signIn, test } from './fixtures';

/**
 * Every server action of the build, called with raw `Next-Action` requests as every kind of
 * caller. Server actions are public POST endpoints whatever the UI shows, so this checks the rules
 * where they are enforced: the action wrapper (lib/action.ts).
 *
 * ADDING AN ACTION? Add a row to `expected` below, above the sign-out rows (they must run last):
 * the test "every server action has a row" fails until you do. Give a payload that would succeed
 * (or, for destructive actions, one that passes the role check but fails validation, so the demo
 * accounts survive), and the outcome for each caller.
 */

type Caller = 'anonymous' | 'reader' | 'author' | 'author2' | 'admin';
/**
 * - signin: redirected to /signin (signed out on a protected action)
 * - forbidden: refused for the role
 * - invalid: passed the guards, refused by validation (field errors)
 * - failed: passed the guards and validation, refused by the action itself (an expected failure)
 * - ok: done
 * - redirect: done, then redirected elsewhere
 */
type Outcome = 'signin' | 'forbidden' | 'invalid' | 'failed' | 'ok' | 'redirect';
type Person = { id: number; email: string; name: string };
type Ctx = { self: Person | null; target: Person; nonce: string };
type Row = {
  payload: (ctx: Ctx) => Record<string, string>;
  expect: Record<Caller, Outcome>;
  /** Outcomes that must leave the database as it was; refusals always must. */
  unchangedOn?: Outcome[];
};

const everyone = (outcome: Outcome): Record<Caller, Outcome> => ({ anonymous: outcome, reader: outcome, author: outcome, author2: outcome, admin: outcome });
const signedIn = (outcome: Outcome): Record<Caller, Outcome> => ({ ...everyone(outcome), anonymous: 'signin' });
const adminOnly = (outcome: Outcome): Record<Caller, Outcome> => ({ anonymous: 'signin', reader: 'forbidden', author: 'forbidden', author2: 'forbidden', admin: outcome });
const authorsOnly = (outcome: Outcome): Record<Caller, Outcome> => ({ anonymous: 'signin', reader: 'forbidden', author: outcome, author2: outcome, admin: outcome });
/** An id no row has: authoring rows that would otherwise change shared demo data target it. */
const NO_SUCH_ID = '2147483647';

const expected: Record<string, Row> = {
  // ---- app/(auth)/actions.ts: public, but still behind the Origin check and validation
  'app/(auth)/actions.ts#signInAction': {
    payload: ({ nonce }) => ({ email: `nobody-${nonce}@example.com`, password: 'not a real password', callbackUrl: '/' }),
    expect: everyone('failed'),
  },
  'app/(auth)/actions.ts#signUpAction': {
    payload: ({ nonce }) => ({ name: 'Raw Request', email: `raw-${nonce}@example.com`, password: 'short' }),
    expect: everyone('invalid'),
  },
  'app/(auth)/actions.ts#setupAction': {
    // The demo database has an admin: setup is closed for everyone.
    payload: ({ nonce }) => ({ name: 'Raw Admin', email: `raw-admin-${nonce}@example.com`, password: 'a perfectly fine passphrase' }),
    expect: everyone('failed'),
    unchangedOn: ['failed'],
  },
  'app/(auth)/actions.ts#oauthSignInAction': {
    // No OAuth provider is configured in the test build.
    payload: () => ({ provider: 'github', callbackUrl: '/' }),
    expect: everyone('invalid'),
  },

  // ---- app/account/actions.ts: the signed-in user's own account only
  'app/account/actions.ts#updateNameAction': { payload: ({ self }) => ({ name: self?.name ?? 'Mallory' }), expect: signedIn('ok') },
  'app/account/actions.ts#updateEmailAction': { payload: ({ self }) => ({ email: self?.email ?? 'mallory@example.com' }), expect: signedIn('ok') },
  'app/account/actions.ts#updatePasswordAction': {
    payload: () => ({ currentPassword: DEMO_PASSWORD, newPassword: 'a brand new passphrase', confirmPassword: 'a different passphrase' }),
    expect: signedIn('invalid'),
  },
  'app/account/actions.ts#updateJournalVisibilityAction': { payload: () => ({}), expect: signedIn('ok') },
  'app/account/actions.ts#deleteAccountAction': { payload: () => ({ confirmation: 'not my email' }), expect: signedIn('invalid') },

  // ---- app/admin/users/actions.ts: admins only
  'app/admin/users/actions.ts#updateUserRoleAction': {
    payload: ({ target }) => ({ userId: String(target.id), role: 'author' }),
    expect: adminOnly('ok'),
  },
  'app/admin/users/actions.ts#updateUserStatusAction': {
    payload: ({ target }) => ({ userId: String(target.id), disabled: 'true' }),
    expect: adminOnly('ok'),
  },

  // ---- app/journal/actions.ts: ratings and the journal, the rater is always the session's user
  'app/journal/actions.ts#saveRatingAction': {
    // A talk that does not exist (the demo talks' averages stay as they are); the `userId` is ignored.
    payload: ({ target }) => ({ talkId: NO_SUCH_ID, userId: String(target.id), seen: 'on', seenHow: 'room', stars: '4' }),
    expect: signedIn('failed'),
    unchangedOn: ['failed'],
  },
  'app/journal/actions.ts#moderateRatingAction': {
    // Hiding needs a recap covering the talk (or admin); the admin then finds no such review.
    payload: ({ target }) => ({ talkId: NO_SUCH_ID, raterId: String(target.id), op: 'hide' }),
    expect: { anonymous: 'signin', reader: 'forbidden', author: 'forbidden', author2: 'forbidden', admin: 'failed' },
    unchangedOn: ['failed'],
  },
  'app/journal/actions.ts#importJournalAction': { payload: () => ({}), expect: signedIn('invalid') },
  // The journal page's public/private switch: the caller's own journal only.
  'app/journal/visibility-actions.ts#setJournalPublicAction': { payload: () => ({ journalPublic: 'false' }), expect: signedIn('ok') },
  // Resetting needs the explicit intent; without it nothing changes for anyone.
  'app/journal/calendar-actions.ts#resetCalendarTokenAction': { payload: () => ({}), expect: signedIn('invalid') },

  // ---- app/agenda/actions.ts: "I'm going", the planner is always the session's user
  'app/agenda/actions.ts#setPlanAction': {
    // A talk that does not exist (no going count moves); the `userId` is ignored.
    payload: ({ target }) => ({ talkId: NO_SUCH_ID, userId: String(target.id), going: 'on' }),
    expect: signedIn('failed'),
    unchangedOn: ['failed'],
  },

  // ---- app/posts/[slug]/actions.ts: comments; ownership and moderation rights are in the queries
  'app/posts/[slug]/actions.ts#createCommentAction': { payload: () => ({ postId: NO_SUCH_ID, body: 'Raw comment' }), expect: signedIn('failed'), unchangedOn: ['failed'] },
  'app/posts/[slug]/actions.ts#editCommentAction': { payload: () => ({ commentId: NO_SUCH_ID, body: 'Raw edit' }), expect: signedIn('failed'), unchangedOn: ['failed'] },
  'app/posts/[slug]/actions.ts#deleteCommentAction': { payload: () => ({ commentId: NO_SUCH_ID }), expect: signedIn('failed'), unchangedOn: ['failed'] },
  'app/posts/[slug]/actions.ts#reportCommentAction': { payload: () => ({ commentId: NO_SUCH_ID, reason: 'spam' }), expect: signedIn('failed'), unchangedOn: ['failed'] },
  'app/posts/[slug]/actions.ts#moderateCommentAction': { payload: () => ({ commentId: NO_SUCH_ID, op: 'hide' }), expect: signedIn('failed'), unchangedOn: ['failed'] },
  'app/posts/[slug]/actions.ts#setThreadAction': { payload: () => ({ postId: NO_SUCH_ID, op: 'lock' }), expect: signedIn('failed'), unchangedOn: ['failed'] },
  'app/admin/comments/actions.ts#resolveReportsAction': { payload: () => ({ commentId: NO_SUCH_ID, op: 'keep' }), expect: adminOnly('failed'), unchangedOn: ['failed'] },

  // ---- app/write/import/actions.ts: uploads are required, so these stop at validation
  'app/write/import/actions.ts#previewImportAction': { payload: () => ({}), expect: authorsOnly('invalid') },
  'app/write/import/actions.ts#runImportAction': { payload: () => ({}), expect: authorsOnly('invalid') },

  // ---- app/write/actions.ts: the recap editor, authors and admins; ownership is in the queries
  'app/write/actions.ts#createPostAction': { payload: () => ({ utcOffset: '+00:00' }), expect: authorsOnly('redirect') },
  'app/write/actions.ts#savePostAction': {
    // No such post (another author's post answers the same): refused, nothing written.
    payload: () => ({ id: NO_SUCH_ID, version: '1', title: 'Raw save', slugAuto: 'on', body: 'text', talks: '[]' }),
    expect: authorsOnly('failed'),
    unchangedOn: ['failed'],
  },
  'app/write/actions.ts#saveWorkingCopyAction': {
    payload: () => ({ id: NO_SUCH_ID, version: '1', title: 'Raw copy', slugAuto: 'on', body: 'text', talks: '[]' }),
    expect: authorsOnly('failed'),
    unchangedOn: ['failed'],
  },
  'app/write/actions.ts#discardWorkingCopyAction': { payload: () => ({ id: NO_SUCH_ID }), expect: authorsOnly('failed'), unchangedOn: ['failed'] },
  'app/write/actions.ts#deletePostAction': { payload: () => ({ id: NO_SUCH_ID }), expect: authorsOnly('invalid') },
  'app/write/actions.ts#restoreRevisionAction': { payload: () => ({ id: NO_SUCH_ID, revisionId: '1' }), expect: authorsOnly('failed'), unchangedOn: ['failed'] },
  'app/write/actions.ts#uploadImageAction': { payload: () => ({ file: 'not a file' }), expect: authorsOnly('invalid') },
  'app/write/actions.ts#createConferenceInlineAction': { payload: () => ({ name: '', startDate: '2025-01-01', endDate: '2025-01-02', timeZone: 'UTC' }), expect: authorsOnly('invalid') },

  // ---- app/write/conferences/actions.ts: shared conference data, any author; every change audited
  'app/write/conferences/actions.ts#createConferenceAction': { payload: () => ({ name: '', startDate: '2025-01-01', endDate: '2025-01-02', timeZone: 'UTC' }), expect: authorsOnly('invalid') },
  'app/write/conferences/actions.ts#updateConferenceAction': { payload: () => ({ id: NO_SUCH_ID, name: '', startDate: '2025-01-01', endDate: '2025-01-02', timeZone: 'UTC' }), expect: authorsOnly('invalid') },
  'app/write/conferences/actions.ts#deleteConferenceAction': { payload: () => ({ id: NO_SUCH_ID }), expect: authorsOnly('invalid') },
  'app/write/conferences/actions.ts#addDayAction': { payload: () => ({ conferenceId: NO_SUCH_ID, date: 'not a date' }), expect: authorsOnly('invalid') },
  'app/write/conferences/actions.ts#addMissingDaysAction': { payload: () => ({ conferenceId: NO_SUCH_ID }), expect: authorsOnly('failed'), unchangedOn: ['failed'] },
  'app/write/conferences/actions.ts#updateDayAction': { payload: () => ({ conferenceId: NO_SUCH_ID, dayId: NO_SUCH_ID, date: 'not a date' }), expect: authorsOnly('invalid') },
  'app/write/conferences/actions.ts#deleteDayAction': { payload: () => ({ conferenceId: NO_SUCH_ID, dayId: NO_SUCH_ID }), expect: authorsOnly('failed'), unchangedOn: ['failed'] },
  'app/write/conferences/actions.ts#addTrackAction': { payload: () => ({ conferenceId: NO_SUCH_ID, dayId: NO_SUCH_ID, name: '' }), expect: authorsOnly('invalid') },
  'app/write/conferences/actions.ts#updateTrackAction': { payload: () => ({ conferenceId: NO_SUCH_ID, trackId: NO_SUCH_ID, name: '' }), expect: authorsOnly('invalid') },
  'app/write/conferences/actions.ts#deleteTrackAction': { payload: () => ({ conferenceId: NO_SUCH_ID, trackId: NO_SUCH_ID }), expect: authorsOnly('failed'), unchangedOn: ['failed'] },
  'app/write/conferences/actions.ts#createTalkAction': { payload: () => ({ conferenceId: NO_SUCH_ID, title: '', kind: 'talk' }), expect: authorsOnly('invalid') },
  'app/write/conferences/actions.ts#updateTalkAction': { payload: () => ({ conferenceId: NO_SUCH_ID, talkId: NO_SUCH_ID, title: '', kind: 'talk' }), expect: authorsOnly('invalid') },
  'app/write/conferences/actions.ts#deleteTalkAction': { payload: () => ({ conferenceId: NO_SUCH_ID, talkId: NO_SUCH_ID }), expect: authorsOnly('failed'), unchangedOn: ['failed'] },
  // Without a checked file (no file, no hash) the import stops at validation for everyone.
  'app/write/conferences/import/actions.ts#importScheduleAction': { payload: () => ({ conference: 'auto' }), expect: authorsOnly('invalid') },
  'app/write/conferences/actions.ts#pasteTalksAction': { payload: () => ({ conferenceId: NO_SUCH_ID, list: '' }), expect: authorsOnly('invalid') },

  // ---- Last: signing out ends every session of the persona, so no row after these could sign in.
  // "Sign out everywhere" first (it needs a session); the plain sign-out is public and still
  // answers once the session is gone.
  'app/account/actions.ts#signOutEverywhereAction': { payload: () => ({}), expect: signedIn('redirect') },
  'app/(auth)/actions.ts#signOutAction': { payload: () => ({}), expect: everyone('ok') },
};

// ------------------------------------------------------------ the build and its database

const root = path.resolve(import.meta.dirname, '..');
const port = process.env.E2E_PORT || '3100';
const manifestPath = path.join(root, `.next-e2e-${port}`, 'server', 'server-reference-manifest.json');
const dbPath = path.join(root, 'e2e', '.data', port, 'hallway.db');

type ActionInfo = { id: string; file: string; name: string; page: string };

/** Every server action in the e2e build: id, source file, export name, and a page that serves it. */
function actionsInBuild(): ActionInfo[] {
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as {
    node: Record<string, { filename: string; exportedName: string; workers: Record<string, unknown> }>;
  };
  return Object.entries(manifest.node).map(([id, a]) => ({
    id,
    file: a.filename,
    name: a.exportedName,
    page: pagePath(Object.keys(a.workers)),
  }));
}

/** `app/(auth)/signin/page` → `/signin`; a page without dynamic segments, else `/`. */
function pagePath(workers: string[]): string {
  for (const w of workers) {
    if (!w.endsWith('/page') || w.includes('[')) continue;
    const p = w.replace(/^app/, '').replace(/\/page$/, '').replace(/\/\([^)]*\)/g, '');
    return p || '/';
  }
  return '/';
}

/**
 * What an action could have changed, for the people involved: their rows in every table the
 * account and admin actions write to, and anything under the emails used in payloads. Scoped to
 * these rows so that other spec files writing in parallel cannot make it flaky.
 */
function snapshot(people: Person[], emails: string[]): string {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const ids = people.map((p) => p.id);
    const idList = ids.map(() => '?').join(',');
    const allEmails = [...people.map((p) => p.email), ...emails];
    const emailList = allEmails.map(() => '?').join(',');
    const q = (sql: string, ...params: unknown[]) => db.prepare(sql).all(...params);
    const rows = {
      users: q(`SELECT * FROM users WHERE id IN (${idList}) OR email IN (${emailList}) ORDER BY id`, ...ids, ...allEmails),
      accounts: q(`SELECT * FROM accounts WHERE user_id IN (${idList}) ORDER BY provider, provider_account_id`, ...ids),
      ratings: q(`SELECT * FROM ratings WHERE user_id IN (${idList}) ORDER BY user_id, talk_id`, ...ids),
      plans: q(`SELECT * FROM plans WHERE user_id IN (${idList}) ORDER BY user_id, talk_id`, ...ids),
      posts: q(`SELECT * FROM posts WHERE author_id IN (${idList}) ORDER BY id`, ...ids),
      workingCopies: q(`SELECT * FROM post_working_copies WHERE editor_id IN (${idList}) ORDER BY post_id`, ...ids),
      comments: q(`SELECT * FROM comments WHERE author_id IN (${idList}) ORDER BY id`, ...ids),
      reports: q(`SELECT * FROM comment_reports WHERE reporter_id IN (${idList}) OR resolved_by IN (${idList}) ORDER BY id`, ...ids, ...ids),
      audit: q(`SELECT * FROM audit_log WHERE actor_id IN (${idList}) OR (entity = 'user' AND entity_id IN (${idList})) ORDER BY id`, ...ids, ...ids),
      attempts: q(`SELECT * FROM sign_in_attempts WHERE key IN (${emailList}) ORDER BY id`, ...allEmails.map((e) => `email:${e}`)),
    };
    return crypto.createHash('sha256').update(JSON.stringify(rows)).digest('hex');
  } finally {
    db.close();
  }
}

function userByEmail(email: string): Person {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare('SELECT id, email, name FROM users WHERE email = ?').get(email) as Person | undefined;
    if (!row) throw new Error(`No user ${email} in the e2e database`);
    return row;
  } finally {
    db.close();
  }
}

// ------------------------------------------------------------ raw requests

const callerPersona = { reader: 'sam', author: 'ada', author2: 'ben', admin: 'admin' } as const;
const callers: Caller[] = ['anonymous', 'reader', 'author', 'author2', 'admin'];

type RawResult = { outcome: Outcome | 'origin' | 'error'; status: number; detail: string };

/**
 * Posts the way React does for a `useActionState` form: multipart, the form fields prefixed
 * `_1_`, and the argument list `[prevState, $K1]` (FormData reference) as the LAST part "0".
 */
async function postAction(
  api: APIRequestContext,
  action: ActionInfo,
  fields: Record<string, string>,
  origin: string | null,
): Promise<RawResult> {
  // A FormData keeps insertion order (a plain object would put "0" first, and React would then
  // resolve the arguments before the fields arrive).
  const multipart = new FormData();
  for (const [k, v] of Object.entries(fields)) multipart.append(`_1_${k}`, v);
  multipart.append('0', JSON.stringify([{ ok: false }, '$K1']));
  const headers: Record<string, string> = { 'Next-Action': action.id, Accept: 'text/x-component', Referer: new URL(action.page, baseURL()).href };
  if (origin) headers.Origin = origin;
  const res = await api.post(action.page, { headers, multipart, maxRedirects: 0, failOnStatusCode: false });
  return classify(res);
}

async function classify(res: APIResponse): Promise<RawResult> {
  const status = res.status();
  const redirect = res.headers()['x-action-redirect'];
  if (redirect) {
    const to = redirect.split(';')[0];
    return { outcome: new URL(to, baseURL()).pathname === '/signin' ? 'signin' : 'redirect', status, detail: to };
  }
  const body = await res.text();
  if (status >= 400) return { outcome: 'error', status, detail: body.slice(0, 200) };
  // Flight rows: `0:{"a":"$@1",…}` names the row holding the action's return value.
  const lines = new Map(body.split('\n').map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1)]));
  const ref = /"a":"\$@(\w+)"/.exec(lines.get('0') ?? '')?.[1];
  const state = ref ? (JSON.parse(lines.get(ref) ?? 'null') as { ok: boolean; message?: string; fieldErrors?: Record<string, string[]> } | null) : null;
  if (!state) return { outcome: 'error', status, detail: body.slice(0, 200) };
  const detail = JSON.stringify({ message: state.message, fieldErrors: state.fieldErrors });
  if (state.message?.startsWith('This request was refused')) return { outcome: 'origin', status, detail };
  if (state.message?.startsWith('You don’t have access')) return { outcome: 'forbidden', status, detail };
  // React's wire format writes `undefined` as "$undefined": only an object holds field errors.
  if (typeof state.fieldErrors === 'object' && state.fieldErrors && Object.keys(state.fieldErrors).length) {
    // "received undefined" means the payload never reached the action: the request is malformed.
    if (detail.includes('received undefined')) return { outcome: 'error', status, detail };
    return { outcome: 'invalid', status, detail };
  }
  return { outcome: state.ok ? 'ok' : 'failed', status, detail };
}

function baseURL(): string {
  return `http://localhost:${port}`;
}

// ------------------------------------------------------------ the tests

// One worker runs this file in order: the personas sign in once, in beforeAll.
test.describe.configure({ mode: 'default' });

const storage = new Map<Caller, Awaited<ReturnType<APIRequestContext['storageState']>>>();
const people = new Map<Caller, Person | null>();
let target: Person;
// Each caller signs in from one client address and sends its raw requests from another.
const clients = new Map<string, ClientAddress>();
async function clientFor(name: string): Promise<ClientAddress> {
  if (!clients.has(name)) clients.set(name, await startClientAddress(`actions-${name}`));
  return clients.get(name)!;
}

test.afterAll(async () => {
  for (const client of clients.values()) await client.close();
});

test.beforeAll(async ({ browser }, testInfo) => {
  testInfo.setTimeout(120_000); // five sign-ins and a sign-up, each hashing with argon2id
  for (const caller of callers) {
    const context = await browser.newContext({ baseURL: baseURL(), proxy: (await clientFor(caller)).proxy });
    if (caller !== 'anonymous') await signIn(await context.newPage(), callerPersona[caller]);
    storage.set(caller, await context.storageState());
    people.set(caller, caller === 'anonymous' ? null : userByEmail(personas[callerPersona[caller]].email));
    await context.close();
  }
  // The account admin actions act on: a fresh reader, so nothing else depends on it.
  const created = await createAccount(browser, testInfo, { name: 'Action Target' });
  target = userByEmail(created.email);
});

async function apiFor(caller: Caller): Promise<APIRequestContext> {
  return playwrightRequest.newContext({
    baseURL: baseURL(),
    storageState: storage.get(caller),
    proxy: (await clientFor(`raw-${caller}`)).proxy,
  });
}

function involved(): Person[] {
  return [...people.values(), target].filter((p): p is Person => !!p);
}

test('every server action in the build has a row in the expected table', () => {
  const actions = actionsInBuild();
  expect(actions.length).toBeGreaterThan(0);
  const inBuild = actions.map((a) => `${a.file}#${a.name}`).sort();
  const missing = inBuild.filter((key) => !(key in expected));
  expect(missing, `Server actions without a row in e2e/actions.spec.ts → expected:\n${missing.join('\n')}`).toEqual([]);
  const stale = Object.keys(expected).filter((key) => !inBuild.includes(key));
  expect(stale, `Rows in e2e/actions.spec.ts for actions no longer in the build:\n${stale.join('\n')}`).toEqual([]);
});

for (const [key, row] of Object.entries(expected)) {
  const [file, name] = key.split('#');
  test.describe(`${name} (${file})`, () => {
    const find = () => {
      const action = actionsInBuild().find((a) => a.file === file && a.name === name);
      if (!action) throw new Error(`${key} is not in the build`);
      return action;
    };

    for (const caller of callers) {
      const want = row.expect[caller];
      test(`as ${caller}: ${want}`, async () => {
        const action = find();
        const ctx: Ctx = { self: people.get(caller) ?? null, target, nonce: crypto.randomBytes(4).toString('hex') };
        const fields = row.payload(ctx);
        const emails = Object.values(fields).filter((v) => v.includes('@'));
        const before = snapshot(involved(), emails);
        const api = await apiFor(caller);
        try {
          const result = await postAction(api, action, fields, baseURL());
          expect(result.outcome, `${key} as ${caller}: ${result.detail}`).toBe(want);
          if (['signin', 'forbidden', 'invalid', ...(row.unchangedOn ?? [])].includes(want)) {
            expect(snapshot(involved(), emails), `${key} as ${caller} was refused but changed the database`).toBe(before);
          }
        } finally {
          await api.dispose();
        }
      });
    }

    for (const [label, origin] of [
      ['without an Origin header', null],
      ['from another site', 'https://evil.example'],
    ] as const) {
      test(`is refused ${label}, changing nothing`, async () => {
        const action = find();
        const ctx: Ctx = { self: people.get('admin') ?? null, target, nonce: crypto.randomBytes(4).toString('hex') };
        const fields = row.payload(ctx);
        const emails = Object.values(fields).filter((v) => v.includes('@'));
        const before = snapshot(involved(), emails);
        const api = await apiFor('admin'); // the most powerful caller
        try {
          const result = await postAction(api, action, fields, origin);
          // Next.js itself rejects a mismatched Origin (500); our wrapper rejects a missing one.
          expect(['origin', 'error'], `${key} ${label}: ${result.outcome} ${result.detail}`).toContain(result.outcome);
          if (origin === null) expect(result.outcome).toBe('origin');
          expect(snapshot(involved(), emails)).toBe(before);
        } finally {
          await api.dispose();
        }
      });
    }
  });
}
