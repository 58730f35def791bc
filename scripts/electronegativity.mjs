// Runs Electronegativity over src/ and fails on any finding above "note".
// The tool exits 0 whatever it finds (security.md §1.2), so the gate is this script reading its SARIF report.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const report = join(root, 'reports', 'electronegativity.sarif');
const require = createRequire(import.meta.url);
// The installed Electron decides which security fixes count as available; without -e the tool guesses from package.json ranges.
const electronVersion = require('electron/package.json').version;

mkdirSync(dirname(report), { recursive: true });
rmSync(report, { force: true });
const run = spawnSync(
  'npx',
  ['-y', '@doyensec/electronegativity@1.10.3', '-i', 'src', '-o', report, '-r', '-v', 'false', '-e', electronVersion],
  { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', shell: process.platform === 'win32' },
);
if (run.status !== 0) {
  process.stderr.write(run.stdout ?? '');
  process.stderr.write(run.stderr ?? '');
  console.error(`electronegativity: the tool failed (exit ${run.status})`);
  process.exit(2);
}

let sarif;
try {
  sarif = JSON.parse(readFileSync(report, 'utf8'));
} catch (error) {
  console.error(`electronegativity: no readable report at ${report}: ${error instanceof Error ? error.message : error}`);
  process.exit(2);
}

const RANK = { none: 0, note: 1, warning: 2, error: 3 };
const findings = [];
for (const sarifRun of sarif.runs ?? []) {
  const rules = new Map((sarifRun.tool?.driver?.rules ?? []).map((rule) => [rule.id, rule]));
  for (const result of sarifRun.results ?? []) {
    // SARIF's default level is "warning" when neither the result nor its rule names one.
    const level = result.level ?? rules.get(result.ruleId)?.defaultConfiguration?.level ?? 'warning';
    if ((RANK[level] ?? RANK.warning) <= RANK.note) continue;
    const location = result.locations?.[0]?.physicalLocation;
    const where = location ? `${location.artifactLocation?.uri ?? '?'}:${location.region?.startLine ?? '?'}` : '(global)';
    findings.push(`${level.padEnd(7)} ${result.ruleId} ${where} ${result.message?.text ?? ''}`.trim());
  }
}

if (findings.length > 0) {
  console.error(`electronegativity: ${findings.length} finding(s) above note:`);
  for (const line of findings) console.error(`  ${line}`);
  process.exit(1);
}
console.log('electronegativity: 0 findings above note');
