import { spawn } from 'node:child_process';
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CrashPoint } from '../../src/main/store/crash-points';
import { integrityCheck } from '../../src/main/store/connection';
import { storePaths } from '../../src/main/store/layout';
import { ADMIN, adminRuntime, call, cleanupTempDirs, failure, MIGRATIONS, tempDir, testRuntime } from '../fixtures/store';
import { seededRandom } from '../../src/shared/seeded-random';

/**
 * Key-slot changes across kill -9 at any instant: at each named step of the slot file's replacement and of the
 * re-keying, and at random moments of a loop of additions. After every kill the store opens, the change is
 * whole or absent, no slot is left without its user, and every change the process acknowledged is there.
 */

const WORKER = resolve(__dirname, '..', '..', 'out', 'test-workers', 'slot-worker.mjs');
const IVAN = 'власний пароль Івана 2026';
const NEW_ADMIN = 'новий пароль адміністратора 2026';

let base: string;
let ivanId: string;

beforeAll(async () => {
  await build({ entryPoints: [resolve(__dirname, '..', 'fixtures', 'slot-worker.ts')], outfile: WORKER, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning' });
  const rt = await adminRuntime();
  const ivan = await call(rt, 'users:add', { login: 'ivan', displayName: 'Петренко Іван', roles: ['member'], initialPassphrase: 'тимчасовий пароль 12345' });
  ivanId = ivan.id;
  await call(rt, 'session:lock', {});
  await call(rt, 'session:unlock', { login: 'ivan', passphrase: 'тимчасовий пароль 12345' });
  await call(rt, 'session:changePassphrase', { current: 'тимчасовий пароль 12345', next: IVAN });
  await call(rt, 'session:lock', {});
  base = rt.storeDir;
}, 60_000);

afterAll(cleanupTempDirs);

interface Run {
  signal: NodeJS.Signals | null;
  code: number | null;
  lines: string[];
}

function runWorker(dir: string, op: string, target: string, options: { crashAt?: CrashPoint; killAfterMs?: number } = {}): Promise<Run> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [WORKER, dir, MIGRATIONS, op, ADMIN.login, ADMIN.passphrase, target], {
      env: { ...process.env, ...(options.crashAt ? { ZLAGODA_CRASH_AT: options.crashAt } : {}) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (options.killAfterMs !== undefined && out.startsWith('ready\n') && !child.killed) {
        setTimeout(() => child.kill('SIGKILL'), options.killAfterMs).unref();
        options.killAfterMs = undefined;
      }
    });
    child.on('exit', (code, signal) => done({ code, signal, lines: out.split('\n').filter(Boolean) }));
  });
}

/** After a crash: the admin unlocks, nothing is left aside, slots and active users match one to one, the chain and pages hold. */
async function settledStore(dir: string, adminPassphrase = ADMIN.passphrase) {
  const rt = testRuntime(dir);
  await call(rt, 'session:unlock', { login: ADMIN.login, passphrase: adminPassphrase });
  const store = rt.core.requireStore();
  expect(existsSync(storePaths(dir).pendingSlots)).toBe(false);
  const active = (store.db.prepare('SELECT id, login FROM users WHERE removed_at IS NULL').all() as { id: string; login: string }[]);
  const slotUsers = (JSON.parse(readFileSync(storePaths(dir).slots, 'utf8')) as { slots: { kind: string; userId: string | null }[] }).slots
    .filter((s) => s.kind === 'user')
    .map((s) => s.userId);
  expect([...slotUsers].sort()).toEqual(active.map((u) => u.id).sort());
  expect(integrityCheck(store.db)).toEqual([]);
  expect((await call(rt, 'audit:verify', { full: true })).status).toBe('intact');
  return { rt, active };
}

function copyOfBase(): string {
  const dir = join(tempDir('zlagoda-crash-'), 'store');
  cpSync(base, dir, { recursive: true });
  return dir;
}

describe('key-slot changes killed at each step', () => {
  const slotSteps: CrashPoint[] = ['slots.pending-written', 'slots.committed'];
  const rekeySteps: CrashPoint[] = ['slots.pending-written', 'slots.committed', 'rekey.copied', 'rekey.swapped'];

  it.each(slotSteps)('adding a user, killed at %s: the user is there whole (and unlocks) or not at all', async (step) => {
    const dir = copyOfBase();
    const run = await runWorker(dir, 'add', '', { crashAt: step });
    expect(run.signal).toBe('SIGKILL');
    const { rt, active } = await settledStore(dir);
    const added = active.filter((u) => u.login.startsWith('crash'));
    expect(added).toHaveLength(step === 'slots.committed' ? 1 : 0);
    rt.core.close();
    if (added[0]) {
      const again = testRuntime(dir);
      expect((await call(again, 'session:unlock', { login: added[0].login, passphrase: 'тимчасовий пароль 12345' })).mustChangePassphrase).toBe(true);
      again.core.close();
    }
  }, 60_000);

  it.each(slotSteps)('changing a passphrase, killed at %s: exactly one of old and new opens', async (step) => {
    const dir = copyOfBase();
    const run = await runWorker(dir, 'passphrase', NEW_ADMIN, { crashAt: step });
    expect(run.signal).toBe('SIGKILL');
    const committed = step === 'slots.committed';
    const [works, refused] = committed ? [NEW_ADMIN, ADMIN.passphrase] : [ADMIN.passphrase, NEW_ADMIN];
    const probe = testRuntime(dir);
    expect((await failure(probe, 'session:unlock', { login: ADMIN.login, passphrase: refused })).code).toBe('WRONG_CREDENTIALS');
    const { rt } = await settledStore(dir, works);
    rt.core.close();
  }, 60_000);

  it.each(rekeySteps)('removing a user (a rotation), killed at %s: removed under the new key, or present under the old', async (step) => {
    const dir = copyOfBase();
    const run = await runWorker(dir, 'remove', ivanId, { crashAt: step });
    expect(run.signal).toBe('SIGKILL');
    const { rt, active } = await settledStore(dir);
    const removed = step !== 'slots.pending-written';
    expect(active.some((u) => u.id === ivanId)).toBe(!removed);
    rt.core.close();
    const probe = testRuntime(dir);
    if (removed) expect((await failure(probe, 'session:unlock', { login: 'ivan', passphrase: IVAN })).code).toBe('WRONG_CREDENTIALS');
    else await call(probe, 'session:unlock', { login: 'ivan', passphrase: IVAN });
    probe.core.close();
  }, 60_000);

  it.each(rekeySteps)('rotating on demand, killed at %s: every user still unlocks', async (step) => {
    const dir = copyOfBase();
    const run = await runWorker(dir, 'rotate', '', { crashAt: step });
    expect(run.signal).toBe('SIGKILL');
    const { rt } = await settledStore(dir);
    rt.core.close();
    const probe = testRuntime(dir);
    await call(probe, 'session:unlock', { login: 'ivan', passphrase: IVAN });
    probe.core.close();
  }, 60_000);
});

describe('key-slot changes killed at random moments', () => {
  it('20 kills in a loop of additions: every acknowledged user is there and unlocks, no orphan slot', async () => {
    const dir = copyOfBase();
    const next = seededRandom(424242);
    const acknowledged: string[] = [];
    for (let round = 0; round < 20; round++) {
      const run = await runWorker(dir, 'add', '', { killAfterMs: Math.floor(next() * 400) });
      expect(run.signal).toBe('SIGKILL');
      acknowledged.push(...run.lines.filter((l) => l.startsWith('added ')).map((l) => l.slice(6)));
      const { rt, active } = await settledStore(dir);
      const logins = new Set(active.map((u) => u.login));
      for (const login of acknowledged) expect(logins.has(login), login).toBe(true);
      rt.core.close();
    }
    expect(acknowledged.length).toBeGreaterThan(0);
    const probe = testRuntime(dir);
    await call(probe, 'session:unlock', { login: acknowledged.at(-1)!, passphrase: 'тимчасовий пароль 12345' });
    probe.core.close();
  }, 180_000);
});
