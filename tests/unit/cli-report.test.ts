import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportSchema } from '../../src/shared/reports/report';
import { POLTAVSKA } from '../fixtures/coverage';
import { FIELDS, PERSON } from '../fixtures/cases';
import { call, cleanupTempDirs, FakeClock, tempDir, testRuntime } from '../fixtures/store';
import { buildCommand, runCommand } from '../fixtures/cli';

/**
 * `zlagoda report`, `zlagoda bundle`, `zlagoda key export` and `zlagoda verify` as a script runs them, and the bundle
 * checked with the stock tools alone (unzip, sha512sum -c, minisign -Vm), as the Ministry would.
 */

let home: string;
let store: string;
let pass: string;

function zlagoda(args: string[]) {
  return runCommand(home, args);
}
const as = (args: string[]) => zlagoda([...args, '--store', store, '--user', 'zvit', '--passphrase-file', pass]);

const PASS = 'пароль відповідальної за звітність 2026';

beforeAll(async () => {
  buildCommand();
  home = tempDir('zlagoda-cli-report-');
  store = join(home, 'store');
  const rt = testRuntime(store, new FakeClock(Date.parse('2026-10-05T09:00:00Z')));
  await call(rt, 'session:setup', { login: 'admin', displayName: 'Адміністратор Сховища', passphrase: 'фраза адміністратора області 2026' });
  await call(rt, 'territories:saveOptions', { oblast: POLTAVSKA });
  await call(rt, 'users:setRoles', { userId: rt.core.session!.userId, roles: [...rt.core.session!.roles, 'case_officer'] });
  for (const n of ['1', '2', '3', '4', '5', '6']) {
    await call(rt, 'cases:create', { person: PERSON, fields: { ...FIELDS, registrationNumber: n, registrationDate: '2026-08-0' + n }, official: 'Савченко Ірина Миколаївна' });
  }
  await call(rt, 'users:add', { login: 'zvit', displayName: 'Звітна Оксана Петрівна', roles: ['reporting_officer'], initialPassphrase: 'тимчасовий пароль звітності' });
  await call(rt, 'session:lock', {});
  await call(rt, 'session:unlock', { login: 'zvit', passphrase: 'тимчасовий пароль звітності' });
  await call(rt, 'session:changePassphrase', { current: 'тимчасовий пароль звітності', next: PASS });
  rt.core.close();
  pass = join(home, 'zvit.pass');
  writeFileSync(pass, `${PASS}\n`);
}, 120_000);
afterAll(cleanupTempDirs);

describe('zlagoda report and bundle', () => {
  it('writes the report for a period and refuses bad options', () => {
    const dir = join(home, 'zvit-q3');
    const made = as(['report', '--period', '2026-Q3', '--profile', 'ministry', '--out', dir]);
    expect(made).toMatchObject({ code: 0 });
    expect(made.stdout).toContain('Звіт за 2026-Q3 для Міністерства');
    const names = readdirSync(dir).sort();
    const stem = 'zvit-UA53000000000028050-2026-Q3-ministry';
    expect(names).toEqual(['codebook.csv', 'report.csv', `${stem}-report.docx`, `${stem}-report.json`, `${stem}-report.xlsx`].sort());
    const name = `${stem}-report.json`;
    const report = reportSchema.parse(JSON.parse(readFileSync(join(dir, name), 'utf8')));
    expect(report.tables.find((t) => t.name === 'status.applications')!.current.total).toBe(6);
    expect(statSync(join(dir, name)).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, 'report.csv'), 'utf8')).toContain('status.applications');

    expect(as(['report', '--period', '2026-Q5', '--out', dir]).stderr).toContain('--period');
    expect(as(['report', '--period', '2026-Q3', '--profile', 'press', '--out', dir]).stderr).toContain('--profile');
    expect(as(['report', '--period', '2026-Q3', '--outputs', 'pdf', '--out', dir]).stderr).toContain('--outputs');
    const again = as(['report', '--period', '2026-Q3', '--profile', 'ministry', '--out', dir, '--outputs', 'json']);
    // Six alike cases pass k = 5; the Ministry's copy may carry them.
    const cases = as(['report', '--period', '2026-Q3', '--out', join(home, 'cases'), '--outputs', 'cases']);
    expect(cases).toMatchObject({ code: 0 });
    expect(readdirSync(join(home, 'cases')).sort()).toEqual(['cases-codebook.csv', 'cases.csv']);
    const publicCases = as(['report', '--period', '2026-Q3', '--profile', 'publication', '--out', join(home, 'cases-public'), '--outputs', 'cases']);
    expect(publicCases.code).not.toBe(0);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain('уже є');
  });

  it('signs a bundle that zlagoda verify, unzip, sha512sum -c and minisign -Vm accept, and verify refuses a tampered copy', () => {
    const zip = join(home, 'paket.zip');
    const made = as(['bundle', '--period', '2026-Q3', '--out', zip]);
    expect(made).toMatchObject({ code: 0 });
    const pub = join(home, 'oblast.pub');
    expect(as(['key', 'export', '--out', pub]).code).toBe(0);
    const ok = zlagoda(['verify', zip, '--pubkey', pub]);
    expect(ok.code).toBe(0);

    const bag = join(home, 'bag');
    execFileSync('unzip', ['-q', zip, '-d', bag]);
    execFileSync('sha512sum', ['-c', '--quiet', 'manifest-sha512.txt'], { cwd: bag });
    execFileSync('sha512sum', ['-c', '--quiet', 'tagmanifest-sha512.txt'], { cwd: bag });
    const minisign = spawnSync('minisign', ['-Vm', 'tagmanifest-sha512.txt', '-p', pub], { cwd: bag, encoding: 'utf8' });
    expect(minisign.status).toBe(0);
    expect(minisign.stdout).toContain(`${POLTAVSKA}|2026-Q3|ministry`);

    const bytes = readFileSync(zip);
    const tampered = join(home, 'tampered.zip');
    // A byte inside the first entry's data (the entries are sorted: bag-info.txt comes first).
    const copy = Buffer.from(bytes);
    copy[80] = copy[80]! ^ 0x20;
    writeFileSync(tampered, copy);
    const refused = zlagoda(['verify', tampered, '--pubkey', pub]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('недійсний');
    for (const f of ['report.json', 'report.csv', 'codebook.csv', 'report.xlsx', 'report.docx']) expect(existsSync(join(bag, 'data', f))).toBe(true);
  });
});
