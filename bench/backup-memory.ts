/**
 * Runs in a process of its own, so that its peak memory is the backup's: unlocks a store whose slot uses the
 * cheap test key derivation (the production one would itself peak at 256 MiB), notes the peak so far, makes a
 * verified backup, and prints the store's size and both peaks as JSON.
 */
import { rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createRuntime } from '../src/main/runtime';
import { backupStore } from '../src/main/store/backup';

const [storeDir, login, passphrase, out] = process.argv.slice(2) as [string, string, string, string];
const runtime = createRuntime({ storeDir, migrationsFolder: resolve('migrations'), version: 'bench', validateOutput: false });
const unlocked = await runtime.dispatch('session:unlock', { login, passphrase });
if (!unlocked.ok) throw new Error(unlocked.error.code);
const store = runtime.core.requireStore();
store.db.pragma('wal_checkpoint(TRUNCATE)');
const before = process.resourceUsage().maxRSS * 1024;
const started = performance.now();
const report = await backupStore(store, out);
const elapsed = performance.now() - started;
const after = process.resourceUsage().maxRSS * 1024;
console.log(JSON.stringify({ storeBytes: statSync(join(storeDir, 'zlagoda.db')).size, backupBytes: report.bytes, peakBefore: before, peakAfter: after, ms: elapsed }));
runtime.core.close();
rmSync(out, { force: true });
