// Fails when src/main/db/schema and migrations/ disagree: drizzle-kit would generate a new migration.
// drizzle-kit exits 0 even when it prints an error, so its output is read, and the folder compared.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync } from 'node:fs';

const scratch = '.drift-check';
rmSync(scratch, { recursive: true, force: true });
mkdirSync(scratch);
cpSync('migrations', `${scratch}/migrations`, { recursive: true });
const before = readdirSync(`${scratch}/migrations`).sort();
const run = spawnSync('npx', ['drizzle-kit', 'generate', '--config', 'drizzle.config.ts'], {
  env: { ...process.env, ZLAGODA_MIGRATIONS_OUT: `./${scratch}/migrations` },
  encoding: 'utf8',
});
const output = `${run.stdout}\n${run.stderr}`;
const after = readdirSync(`${scratch}/migrations`).sort();
rmSync(scratch, { recursive: true, force: true });

if (run.status !== 0 || /error/i.test(output.replace(/npm warn.*\n/g, ''))) {
  console.error(`schema drift check: drizzle-kit failed\n${output}`);
  process.exit(1);
}
const added = after.filter((f) => !before.includes(f));
if (added.length > 0 || !/No schema changes/i.test(output)) {
  console.error(`schema drift check: the schema has changes with no migration (${added.join(', ') || 'see output'}). Run: npm run db:generate\n${output}`);
  process.exit(1);
}
console.log('schema drift check: migrations match the schema');
