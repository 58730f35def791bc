/**
 * `npm run bench`: the figures the store and the screens are held to, measured on this machine. Prints Markdown.
 *
 * - the store: unlock as the key derivation plus everything else (goal: everything else ≤ 150 ms at demo scale 40),
 *   audit append and verification (≤ 10 s per million), a resumed verification, one commit, a backup's peak memory
 *   against the store's size;
 * - every list and dashboard channel at demo scales 40 and 160 side by side (p50, p95, rows returned), and the
 *   time to fill each scale;
 * - the Electron renderer bundle and, in Chromium through the harness, the time to the unlock form and to the
 *   overview, and the lists.
 *
 * BENCH_SCALES=40,160 (default), BENCH_AUDIT_EVENTS=200000, BENCH_RUNS=30.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Channel, InputOf, OutputOf } from '../src/shared/contract';
import { fillDemo } from '../src/main/cli/demo';
import { createRuntime, type Runtime } from '../src/main/runtime';
import { deriveKey, PRODUCTION_KDF, TEST_KDF } from '../src/main/store/crypto';
import { benchBrowser, browserBenchUnavailable, bundleFigures } from './browser.bench';
import { benchChannels, type ChannelFigure } from './channels.bench';
import { median, mib, ms, table } from './measure';

const SCALES = (process.env.BENCH_SCALES ?? '40,160').split(',').map(Number);
const EVENTS = Number(process.env.BENCH_AUDIT_EVENTS ?? 200_000);
const ADMIN = { login: 'admin', passphrase: 'довга фраза для вимірювання', displayName: 'Адміністратор' };
const root = mkdtempSync(join(tmpdir(), 'zlagoda-bench-'));
const out: string[] = [];
const say = (line = '') => {
  out.push(line);
  console.log(line);
};

function runtimeFor(storeDir: string, kdf = PRODUCTION_KDF): Runtime {
  return createRuntime({ storeDir, migrationsFolder: resolve('migrations'), version: 'bench', kdf, validateOutput: false });
}

async function call<C extends Channel>(runtime: Runtime, channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
  const result = await runtime.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code}`);
  return result.value as OutputOf<C>;
}

/**
 * Unlock split into the key derivation and everything else (the slot's check, opening the database, the session
 * and its audit events). Everything else is measured on its own, by unlocking the same store through a slot made
 * with the cheap test derivation (its own 1 MiB scrypt subtracted); the production unlock is measured whole.
 */
async function unlockSplit(storeDir: string): Promise<{ total: number; kdf: number; rest: number }> {
  const production = runtimeFor(storeDir);
  const cheap = runtimeFor(storeDir, TEST_KDF);
  const fast = { login: 'bench.fast', passphrase: 'швидкий пароль для вимірювання' };
  await call(cheap, 'session:unlock', { login: ADMIN.login, passphrase: ADMIN.passphrase });
  if (!(await call(cheap, 'users:list', {})).some((u) => u.login === fast.login)) {
    await call(cheap, 'users:add', { login: fast.login, displayName: 'Вимірювання', roles: ['member'], initialPassphrase: fast.passphrase });
  }
  await call(cheap, 'session:lock', {});
  const totals: number[] = [];
  const kdfs: number[] = [];
  const rests: number[] = [];
  for (let i = 0; i < 3; i++) {
    let t = performance.now();
    (await deriveKey(ADMIN.passphrase, Buffer.alloc(16, i), PRODUCTION_KDF)).fill(0);
    kdfs.push(performance.now() - t);
    t = performance.now();
    await call(production, 'session:unlock', { login: ADMIN.login, passphrase: ADMIN.passphrase });
    totals.push(performance.now() - t);
    await call(production, 'session:lock', {});
  }
  for (let i = 0; i < 7; i++) {
    let t = performance.now();
    (await deriveKey(fast.passphrase, Buffer.alloc(16, i), TEST_KDF)).fill(0);
    const cheapKdf = performance.now() - t;
    t = performance.now();
    await call(cheap, 'session:unlock', fast);
    rests.push(performance.now() - t - cheapKdf);
    await call(cheap, 'session:lock', {});
  }
  return { total: median(totals), kdf: median(kdfs), rest: median(rests) };
}

async function storeFigures(): Promise<void> {
  say('## The store');
  const runtime = runtimeFor(join(root, 'audit'));
  await call(runtime, 'session:setup', ADMIN);
  await call(runtime, 'session:lock', {});
  const split = await unlockSplit(join(root, 'audit'));
  say(`- unlock of a new store: ${ms(split.total)} ms; the key derivation alone ${ms(split.kdf)} ms (scrypt N=2^18, r=8: 256 MiB), everything else ${ms(split.rest)} ms`);

  await call(runtime, 'session:unlock', { login: ADMIN.login, passphrase: ADMIN.passphrase });
  const store = runtime.core.requireStore();
  const actor = { userId: null, workstation: 'bench' };
  let t = performance.now();
  const batch = 1000;
  for (let i = 0; i < EVENTS; i += batch) {
    store.db.transaction(() => {
      for (let j = 0; j < batch; j++) store.audit.append(actor, { action: 'bench.event', entity: 'bench', entityId: String(i + j), details: { n: i + j } });
    })();
  }
  say(`- audit append, ${EVENTS} events in batches of ${batch}: ${(((performance.now() - t) / EVENTS) * 1000).toFixed(1)} µs per event (goal ≤ 1000 µs)`);
  t = performance.now();
  const full = await call(runtime, 'audit:verify', { full: true });
  const fullMs = performance.now() - t;
  if (full.status !== 'intact') throw new Error('chain broken in bench');
  say(`- audit verification, whole chain of ${full.count} events: ${ms(fullMs)} ms, ${((fullMs / full.count) * 1000).toFixed(1)} s per million (goal ≤ 10 s)`);
  for (let i = 0; i < 1000; i++) store.db.transaction(() => store.audit.append(actor, { action: 'bench.later' }))();
  t = performance.now();
  const resumed = await call(runtime, 'audit:verify', {});
  say(`- audit verification resumed from the last checkpoint: ${resumed.count} new events of ${resumed.status === 'intact' ? resumed.total : '?'} in ${ms(performance.now() - t)} ms`);
  const pages = [undefined, Math.floor(EVENTS / 2), 100];
  for (const before of pages) {
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      const s = performance.now();
      await call(runtime, 'audit:list', { limit: 50, ...(before ? { before } : {}) });
      times.push(performance.now() - s);
    }
    say(`- audit:list, a page of 50 ${before ? `below event № ${before}` : 'from the head'}: ${ms(median(times))} ms`);
  }
  t = performance.now();
  const single = 200;
  for (let i = 0; i < single; i++) store.db.transaction(() => store.audit.append(actor, { action: 'bench.single' }))();
  say(`- one change per transaction (synchronous=FULL, fsync each): ${((performance.now() - t) / single).toFixed(2)} ms per commit`);
  runtime.core.close();

  // A backup's peak memory, in a process of its own, on a store of the same size opened without the 256 MiB KDF.
  const small = runtimeFor(join(root, 'backup'), TEST_KDF);
  await call(small, 'session:setup', ADMIN);
  const copy = small.core.requireStore();
  for (let i = 0; i < EVENTS; i += batch) {
    copy.db.transaction(() => {
      for (let j = 0; j < batch; j++) copy.audit.append(actor, { action: 'bench.event', entity: 'bench', entityId: String(i + j), details: { n: i + j } });
    })();
  }
  small.core.close();
  const measured = JSON.parse(
    execFileSync(process.execPath, ['scripts/run-ts.mjs', 'bench/backup-memory.ts', join(root, 'backup'), ADMIN.login, ADMIN.passphrase, join(root, 'bench.backup')], { encoding: 'utf8' }),
  ) as { storeBytes: number; backupBytes: number; peakBefore: number; peakAfter: number; ms: number };
  say(
    `- backup with verification of a ${mib(measured.storeBytes)} MiB store: ${ms(measured.ms)} ms; the process's peak memory rose by ${mib(Math.max(0, measured.peakAfter - measured.peakBefore))} MiB (${((Math.max(0, measured.peakAfter - measured.peakBefore) / measured.storeBytes) * 100).toFixed(0)} % of the store; peak ${mib(measured.peakAfter)} MiB in all)`,
  );

  // A rotation of the data key (a user removed, or on demand): the file is re-keyed on a copy and swapped in.
  const again = runtimeFor(join(root, 'backup'), TEST_KDF);
  await call(again, 'session:unlock', { login: ADMIN.login, passphrase: ADMIN.passphrase });
  t = performance.now();
  const rotated = await call(again, 'users:rotateKey', {});
  const rotateMs = performance.now() - t;
  say(`- data-key rotation of a ${mib(rotated.bytes)} MiB store (copy, re-key, verify, swap): ${ms(rotateMs)} ms, ${(rotateMs / (rotated.bytes / 1024 ** 2)).toFixed(1)} ms per MiB`);
  again.core.close();
}

interface ScaleRun {
  scale: number;
  fill: { seconds: number; meetings: number; assignments: number; cases: number };
  unlock: { total: number; kdf: number; rest: number };
  channels: ChannelFigure[];
  storeDir: string;
}

async function scaleRun(scale: number): Promise<ScaleRun> {
  const storeDir = join(root, `scale-${scale}`);
  const runtime = runtimeFor(storeDir);
  await call(runtime, 'session:setup', ADMIN);
  const t = performance.now();
  const demo = await fillDemo(runtime.dispatch, { scale, today: new Date() });
  const seconds = (performance.now() - t) / 1000;
  await call(runtime, 'session:lock', {});
  const unlock = await unlockSplit(storeDir);
  await call(runtime, 'session:unlock', { login: ADMIN.login, passphrase: ADMIN.passphrase });
  const channels = await benchChannels(runtime);
  runtime.core.close();
  return { scale, fill: { seconds, meetings: demo.meetings, assignments: demo.assignments, cases: demo.cases }, unlock, channels, storeDir };
}

async function main(): Promise<void> {
  await storeFigures();

  const runs: ScaleRun[] = [];
  for (const scale of SCALES) runs.push(await scaleRun(scale));
  say();
  say('## Demo stores');
  say(
    table(
      ['scale', 'meetings', 'assignments', 'status cases', 'fill', 'per meeting', 'unlock = KDF + everything else'],
      runs.map((r) => [
        r.scale,
        r.fill.meetings,
        r.fill.assignments,
        r.fill.cases,
        `${r.fill.seconds.toFixed(1)} s`,
        `${((r.fill.seconds * 1000) / r.fill.meetings).toFixed(1)} ms`,
        `${ms(r.unlock.total)} ms: KDF ${ms(r.unlock.kdf)} ms + everything else ${ms(r.unlock.rest)} ms (${((r.unlock.rest / r.unlock.kdf) * 100).toFixed(1)} % of the KDF; goal ≤ 150 ms)`,
      ]),
    ),
  );
  say();
  say('## Lists and the dashboard (dispatcher, output validation off, ms)');
  const head = ['channel', ...runs.flatMap((r) => [`rows @${r.scale}`, `p50 @${r.scale}`, `p95 @${r.scale}`])];
  say(
    table(
      head,
      runs[0]!.channels.map((c, i) => [c.label, ...runs.flatMap((r) => [r.channels[i]!.rows, ms(r.channels[i]!.p50), ms(r.channels[i]!.p95)])]),
    ),
  );

  say();
  say('## The renderer');
  const bundle = bundleFigures();
  if (bundle) {
    say(
      `- Electron renderer bundle (out/renderer, minified): ${(bundle.jsBytes / 1024).toFixed(0)} KiB of script in ${bundle.chunks} chunks; ` +
        `${(bundle.entryBytes / 1024).toFixed(0)} KiB of it loads before the first page, plus ${(bundle.cssBytes / 1024).toFixed(0)} KiB of CSS`,
    );
  }
  const unavailable = browserBenchUnavailable();
  if (unavailable) say(`- Chromium: skipped, ${unavailable}`);
  else {
    for (const run of runs) {
      const b = await benchBrowser(run.storeDir, ADMIN);
      say(
        `- Chromium @${run.scale}: page to unlock form ${ms(b.toUnlockForm)} ms; unlock to the overview ${ms(b.unlockToOverview)} ms ` +
          `(of it the KDF ≈ ${ms(run.unlock.kdf)} ms); meetings list clicked at once ${ms(b.meetingsListAtOnce)} ms, ` +
          `after 2 s on the overview ${ms(b.meetingsList)} ms (${b.meetingsDrawn} rows drawn); ` +
          `all assignments ${ms(b.allAssignments)} ms (${b.allAssignmentsListed}); a search ${ms(b.search)} ms`,
      );
    }
  }
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => rmSync(root, { recursive: true, force: true }));
