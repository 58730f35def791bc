/**
 * `node scripts/run-ts.mjs bench/large-store.ts [GiB]`: a store past the sizes where 32-bit offsets and whole-file
 * buffers break (default 2.2 GiB) is backed up and restored, both streaming. Prints the sizes, the times and the
 * process's peak memory. Not part of `npm run bench`: it writes about three times the store's size to disk.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createRuntime } from '../src/main/runtime';
import { TEST_KDF } from '../src/main/store/crypto';
import { mib, ms } from './measure';

const GIB = Number(process.argv[2] ?? '2.2');
const ADMIN = { login: 'admin', passphrase: 'довга фраза для великого сховища', displayName: 'Адміністратор' };
const root = mkdtempSync(join(tmpdir(), 'zlagoda-large-'));
const storeDir = join(root, 'store');

try {
  const runtime = createRuntime({ storeDir, migrationsFolder: resolve('migrations'), version: 'bench', kdf: TEST_KDF, validateOutput: false });
  const setup = await runtime.dispatch('session:setup', ADMIN);
  if (!setup.ok) throw new Error(setup.error.code);
  const store = runtime.core.requireStore();
  // Random bytes, so the encrypted pages cannot be told from real records by their size.
  store.db.exec('CREATE TABLE bench_fill (id INTEGER PRIMARY KEY, payload BLOB NOT NULL)');
  const insert = store.db.prepare('INSERT INTO bench_fill (payload) VALUES (?)');
  const chunk = randomBytes(256 * 1024);
  const rows = Math.ceil((GIB * 1024 ** 3) / chunk.length);
  let t = performance.now();
  for (let i = 0; i < rows; i += 256) store.db.transaction(() => {
    for (let j = i; j < Math.min(rows, i + 256); j++) insert.run(chunk);
  })();
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  const bytes = statSync(join(storeDir, 'zlagoda.db')).size;
  console.log(`- filled a ${mib(bytes)} MiB store in ${ms(performance.now() - t)} ms`);
  const out = join(root, 'large.zbak');
  const peakBefore = process.resourceUsage().maxRSS * 1024;
  t = performance.now();
  const report = await runtime.core.backup(out);
  console.log(`- backup with verification: ${ms(performance.now() - t)} ms, ${mib(report.bytes)} MiB file; peak memory ${mib(peakBefore)} → ${mib(process.resourceUsage().maxRSS * 1024)} MiB`);
  runtime.core.close();
  const target = createRuntime({ storeDir: join(root, 'restored'), migrationsFolder: resolve('migrations'), version: 'bench', kdf: TEST_KDF, validateOutput: false });
  t = performance.now();
  const restored = await target.core.restore(out, ADMIN.login, ADMIN.passphrase);
  console.log(
    `- restore with verification: ${ms(performance.now() - t)} ms (${restored.events} audit events); restored database ${mib(statSync(join(root, 'restored', 'zlagoda.db')).size)} MiB; peak memory ${mib(process.resourceUsage().maxRSS * 1024)} MiB`,
  );
} finally {
  rmSync(root, { recursive: true, force: true });
}
