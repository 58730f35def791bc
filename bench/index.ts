/**
 * `npm run bench`: the figures security.md holds the store to, measured on this machine.
 * Targets: unlock 0.5–1.5 s (K4); audit append ≤ 1 ms and verify of 1M events ≤ 10 s (A4).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createRuntime } from '../src/main/runtime';
import { backupStore } from '../src/main/store/backup';
import { PRODUCTION_KDF } from '../src/main/store/crypto';
import { fillDemo } from '../src/main/cli/demo';
import { benchLists, browserBenchUnavailable } from './lists.browser';

const EVENTS = Number(process.env.BENCH_AUDIT_EVENTS ?? 200_000);
const root = mkdtempSync(join(tmpdir(), 'zlagoda-bench-'));
const results: Record<string, string> = {};

async function main(): Promise<void> {
  const runtime = createRuntime({ storeDir: join(root, 'store'), migrationsFolder: resolve('migrations'), version: 'bench', kdf: PRODUCTION_KDF });
  const call = async (channel: string, input: unknown) => {
    const r = await runtime.dispatch(channel, input);
    if (!r.ok) throw new Error(`${channel}: ${r.error.code}`);
    return r.value;
  };
  const admin = { login: 'admin', passphrase: 'довга фраза для вимірювання' };
  await call('session:setup', { ...admin, displayName: 'Адміністратор' });
  await call('session:lock', {});

  const unlocks: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    await call('session:unlock', admin);
    unlocks.push(performance.now() - t);
    await call('session:lock', {});
  }
  results['unlock (scrypt N=2^18, r=8: 256 MiB), median of 3'] = `${median(unlocks).toFixed(0)} ms (target 500–1500 ms)`;

  await call('session:unlock', admin);
  const store = runtime.core.requireStore();
  const actor = { userId: null, workstation: 'bench' };
  let t = performance.now();
  const batch = 1000;
  for (let i = 0; i < EVENTS; i += batch) {
    store.db.transaction(() => {
      for (let j = 0; j < batch; j++) store.audit.append(actor, { action: 'bench.event', entity: 'bench', entityId: String(i + j), details: { n: i + j } });
    })();
  }
  const appendMs = performance.now() - t;
  results[`audit append, ${EVENTS} events in batches of ${batch}`] = `${((appendMs / EVENTS) * 1000).toFixed(1)} µs per event (target ≤ 1000 µs)`;

  t = performance.now();
  const report = store.audit.verify();
  const verifyMs = performance.now() - t;
  if (report.status !== 'intact') throw new Error('chain broken in bench');
  results[`audit verify, ${report.count} events`] = `${verifyMs.toFixed(0)} ms; projected for 1M: ${((verifyMs / report.count) * 1e6 / 1000).toFixed(1)} s (target ≤ 10 s)`;

  t = performance.now();
  const single = 200;
  for (let i = 0; i < single; i++) store.db.transaction(() => store.audit.append(actor, { action: 'bench.single' }))();
  results['one change per transaction (synchronous=FULL, fsync each)'] = `${((performance.now() - t) / single).toFixed(2)} ms per commit`;

  t = performance.now();
  const backup = await backupStore(store, join(root, 'bench.backup'));
  results[`backup + verification, ${(backup.bytes / 2 ** 20).toFixed(1)} MiB`] = `${(performance.now() - t).toFixed(0)} ms`;

  const scale = Number(process.env.BENCH_DEMO_SCALE ?? 40);
  t = performance.now();
  const demo = await fillDemo(runtime.dispatch, { scale, today: new Date() });
  results[`demo fill at scale ${scale}`] = `${demo.meetings} meetings, ${demo.assignments} assignments in ${((performance.now() - t) / 1000).toFixed(1)} s`;
  for (const [label, channel, input] of [
    ['meetings:list (all years)', 'meetings:list', {}],
    ['assignments:list (all)', 'assignments:list', {}],
    ['dashboard:get', 'dashboard:get', {}],
  ] as const) {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      await call(channel, input);
      times.push(performance.now() - t0);
    }
    results[`${label}, median of 5`] = `${median(times).toFixed(1)} ms`;
  }

  const rss = process.memoryUsage().rss / 2 ** 20;
  results['peak-ish RSS at the end'] = `${rss.toFixed(0)} MiB`;
  runtime.core.close();

  // The same store, now as a user sees it: the harness opens it in a process of its own.
  const unavailable = browserBenchUnavailable();
  if (unavailable) results['browser: lists at demo scale'] = `skipped: ${unavailable}`;
  else await benchLists(join(root, 'store'), admin, results);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

main()
  .then(() => {
    for (const [name, value] of Object.entries(results)) console.log(`${name}: ${value}`);
  })
  .finally(() => rmSync(root, { recursive: true, force: true }));
