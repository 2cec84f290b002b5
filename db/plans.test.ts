import { testDatabasePath } from '@/lib/testing/fresh-db';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

// Dynamic imports, after fresh-db has pointed DATABASE_PATH at a new file.
const { db } = await import('./index');
const { conferences, days, plans, talks, users } = await import('./schema');
const p = await import('./plans');
const { deleteUserById } = await import('./users');

const HOUR = 3_600_000;
let seq = 0;
let conferenceId: number;
let dayId: number;

function newUser() {
  const n = ++seq;
  return db.insert(users).values({ email: `planner${n}@example.com`, name: `Planner ${n}`, handle: `planner-${n}`, role: 'reader' }).returning().get();
}
function newTalk(startsAt: number | null = Date.now() + 24 * HOUR, durationMinutes: number | null = 45) {
  const n = ++seq;
  return db.insert(talks).values({ conferenceId, dayId, slug: `plan-talk-${n}`, title: `Talk ${n}`, startsAt, durationMinutes, position: n }).returning().get().id;
}
const going = (talkId: number) => db.select({ n: talks.goingCount }).from(talks).where(eq(talks.id, talkId)).get()!.n;

beforeAll(() => {
  conferenceId = db.insert(conferences).values({ slug: 'plans-conf', name: 'Plans Conf', startDate: '2031-05-01', endDate: '2031-05-02', timeZone: 'Europe/Berlin' }).returning().get().id;
  dayId = db.insert(days).values({ conferenceId, number: 1, date: '2031-05-01' }).returning().get().id;
});

describe('going counts kept at write time', () => {
  it('counts each person once, and takes the count back down on removal', () => {
    const talk = newTalk();
    const [a, b] = [newUser(), newUser()];
    expect(p.setPlan({ userId: a.id, talkId: talk, going: true })).toEqual({ ok: true, changed: true, going: true, goingCount: 1 });
    expect(p.setPlan({ userId: a.id, talkId: talk, going: true })).toEqual({ ok: true, changed: false, going: true, goingCount: 1 });
    expect(p.setPlan({ userId: b.id, talkId: talk, going: true })).toMatchObject({ changed: true, goingCount: 2 });
    expect(p.setPlan({ userId: a.id, talkId: talk, going: false })).toEqual({ ok: true, changed: true, going: false, goingCount: 1 });
    expect(p.setPlan({ userId: a.id, talkId: talk, going: false })).toMatchObject({ changed: false, goingCount: 1 });
    expect(going(talk)).toBe(1);
    expect(p.getPlannedTalkIdsByUser({ userId: b.id, talkIds: [talk] })).toEqual([talk]);
    expect(p.checkGoingCounts().mismatches).toEqual([]);
  });

  it('refuses a talk that is over, keeps one that has started, and always lets a plan go', () => {
    const user = newUser();
    const over = newTalk(Date.now() - 2 * HOUR, 60);
    const running = newTalk(Date.now() - 10 * 60_000, 60);
    expect(p.setPlan({ userId: user.id, talkId: over, going: true })).toMatchObject({ ok: false, reason: 'over' });
    expect(going(over)).toBe(0);
    expect(p.setPlan({ userId: user.id, talkId: running, going: true })).toMatchObject({ ok: true, going: true });
    expect(p.setPlan({ userId: user.id, talkId: running, going: false, now: Date.now() + 10 * HOUR })).toMatchObject({ ok: true, changed: true });
    expect(p.setPlan({ userId: user.id, talkId: 9_999_999, going: true })).toEqual({ ok: false, reason: 'talk-not-found' });
  });

  it('recounts the talks of a deleted account', () => {
    const talk = newTalk();
    const [stays, leaves] = [newUser(), newUser()];
    p.setPlan({ userId: stays.id, talkId: talk, going: true });
    p.setPlan({ userId: leaves.id, talkId: talk, going: true });
    expect(going(talk)).toBe(2);
    expect(deleteUserById({ id: leaves.id })).toEqual({ ok: true });
    expect(going(talk)).toBe(1);
    expect(p.checkGoingCounts().mismatches).toEqual([]);
  });

  it('db:check finds a count that drifted from the rows and fixes it', () => {
    const talk = newTalk();
    const user = newUser();
    p.setPlan({ userId: user.id, talkId: talk, going: true });
    db.insert(plans).values({ userId: newUser().id, talkId: talk, createdAt: Date.now() }).run(); // behind the counter's back
    const found = p.checkGoingCounts();
    expect(found.mismatches).toEqual([expect.objectContaining({ talkId: talk, stored: 1, actual: 2 })]);
    expect(p.checkGoingCounts({ fix: true })).toMatchObject({ fixed: true });
    expect(going(talk)).toBe(2);
    expect(p.checkGoingCounts().mismatches).toEqual([]);
  });

  it('`npm run db:check` reports a drifted going count and exits 1; with --fix it stores the recount', async () => {
    const talk = newTalk();
    p.setPlan({ userId: newUser().id, talkId: talk, going: true });
    db.update(talks).set({ goingCount: 5 }).where(eq(talks.id, talk)).run();
    db.$client.pragma('wal_checkpoint(TRUNCATE)');
    const cli = (...args: string[]) =>
      promisify(execFile)(path.join(process.cwd(), 'node_modules', '.bin', 'tsx'), ['--conditions=react-server', 'scripts/db-check.ts', ...args], {
        env: { ...process.env, DATABASE_PATH: testDatabasePath },
        cwd: process.cwd(),
      });
    const failed = await cli().then(
      () => null,
      (e: { code: number; stdout: string }) => e,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stdout).toContain(`goingCount 5 → 1`);
    const fixed = JSON.parse((await cli('--fix', '--json')).stdout) as { going: { fixed: boolean } };
    expect(fixed.going.fixed).toBe(true);
    expect(going(talk)).toBe(1);
  }, 60_000);

  it('a grown journal has agendas whose going counts match their rows', async () => {
    const { growDatabase, scaledSize } = await import('./grow');
    growDatabase(db.$client, scaledSize(0.01));
    const { n } = db.$client.prepare('SELECT count(*) AS n FROM plans').get() as { n: number };
    const { sum } = db.$client.prepare('SELECT sum(going_count) AS sum FROM talks').get() as { sum: number };
    expect(n).toBeGreaterThan(1000);
    expect(sum).toBe(n);
    expect(p.checkGoingCounts().mismatches).toEqual([]);
  });

  it('lists the agenda in time order', () => {
    const user = newUser();
    const later = newTalk(Date.now() + 30 * HOUR);
    const sooner = newTalk(Date.now() + 20 * HOUR);
    p.setPlan({ userId: user.id, talkId: later, going: true });
    p.setPlan({ userId: user.id, talkId: sooner, going: true });
    expect(p.getAgendaByUser({ userId: user.id }).talks.map((t) => t.id)).toEqual([sooner, later]);
  });
});
