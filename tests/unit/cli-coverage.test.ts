import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DYKANKA, HROMADA, POLTAVSKA, RAION } from '../fixtures/coverage';
import { call, cleanupTempDirs, FakeClock, tempDir, testRuntime } from '../fixtures/store';
import { buildCommand, runCommand } from '../fixtures/cli';

/** The real command as a user runs it: the built bundle, production key derivation, a separate process. */

let home: string;

function zlagoda(args: string[]) {
  return runCommand(home, args);
}

const ADMIN_PASS = 'фраза адміністратора області 2026';
const COORDINATOR_PASS = 'власний пароль координатора громад';

/** A store made through the app's channels (the command records nothing): admin, a coordinator, one hromada set up. */
async function storeWith(oblast: string): Promise<{ store: string; admin: string; coordinator: string }> {
  const store = join(home, `store-${oblast || 'none'}`);
  const rt = testRuntime(store, new FakeClock(Date.now()));
  await call(rt, 'session:setup', { login: 'admin', displayName: 'Адміністратор Сховища', passphrase: ADMIN_PASS });
  if (oblast) await call(rt, 'territories:saveOptions', { oblast });
  await call(rt, 'users:add', { login: 'koordynator', displayName: 'Координатор Навчань', roles: ['coordinator'], initialPassphrase: 'тимчасовий пароль координатора' });
  await call(rt, 'session:lock', {});
  await call(rt, 'session:unlock', { login: 'koordynator', passphrase: 'тимчасовий пароль координатора' });
  await call(rt, 'session:changePassphrase', { current: 'тимчасовий пароль координатора', next: COORDINATOR_PASS });
  if (oblast) {
    await call(rt, 'coverage:saveHromada', { code: HROMADA.dykanska, coordinatorName: 'Гриценко Людмила Степанівна', agreementKind: 'memorandum', agreementDate: '2025-03-01' });
    const orgs = await call(rt, 'organisations:options', {});
    await call(rt, 'prevention:save', { kind: 'round_table', title: 'Круглий стіл', date: '2026-01-15', territory: DYKANKA, organiserIds: [orgs[0]!.id] });
  }
  rt.core.close();
  const admin = join(home, `admin-${oblast || 'none'}.pass`);
  writeFileSync(admin, `${ADMIN_PASS}\n`);
  const coordinator = join(home, `coordinator-${oblast || 'none'}.pass`);
  writeFileSync(coordinator, `${COORDINATOR_PASS}\n`);
  return { store, admin, coordinator };
}

beforeAll(() => {
  buildCommand();
  home = tempDir('zlagoda-cli-coverage-');
});
afterAll(cleanupTempDirs);

describe('zlagoda coverage', () => {
  it('writes the workbook for a coordinator with the filters, and refuses bad options, an existing file and the admin', async () => {
    const { store, admin, coordinator } = await storeWith(POLTAVSKA);
    const run = (out: string, extra: string[] = [], pass = coordinator, user = 'koordynator') =>
      zlagoda(['coverage', '--store', store, '--user', user, '--out', out, '--passphrase-file', pass, ...extra]);

    const all = join(home, 'okhoplennia.xlsx');
    const made = run(all);
    expect(made).toMatchObject({ code: 0 });
    expect(made.stdout).toContain(`Таблицю охоплення громад (Полтавська область, громад — 60) збережено: ${all}`);
    expect(made.stdout).toContain('не зашифрований');
    expect(statSync(all).mode & 0o077).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(all) as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Райони', 'Громади']);
    const rows = book.getWorksheet('Громади')!.getSheetValues().slice(4) as unknown[][];
    expect(rows).toHaveLength(60);
    expect(rows.find((r) => r[2] === 'Диканська')!.slice(4, 5)).toEqual(['Гриценко Людмила Степанівна']);

    const gaps = join(home, 'bez-koordynatora.xlsx');
    const filtered = run(gaps, ['--raion', RAION.poltavskyi, '--gap', 'no_coordinator,no_training']);
    expect(filtered).toMatchObject({ code: 0 });
    expect(filtered.stdout).toContain('громад у відборі — 23 з 24');

    const again = run(all);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe('zlagoda: Файл із такою назвою вже існує. Оберіть іншу назву або інший каталог.');
    const gap = run(join(home, 'x.xlsx'), ['--gap', 'no_money']);
    expect(gap.code).toBe(2);
    expect(gap.stderr).toContain('--gap: невідомий відбір «no_money»; можливі: no_training');
    const foreign = run(join(home, 'x.xlsx'), ['--raion', 'UA05020000000026686']);
    expect(foreign.code).toBe(2);
    expect(foreign.stderr).toContain('--raion: Це не район області сховища. Оберіть район зі списку.');
    expect(run(join(home, 'x.xlsx'), ['--raion', 'Полтавський']).code).toBe(2);
    expect(run(join(home, 'x.csv')).code).toBe(2);
    const denied = run(join(home, 'x.xlsx'), [], admin, 'admin');
    expect(denied.code).toBe(1);
    expect(denied.stderr).toMatch(/^zlagoda: У вас немає права на цю дію/);
    expect(existsSync(join(home, 'x.xlsx'))).toBe(false);
  });

  it('says to choose the oblast first when the store has none', async () => {
    const { store, coordinator } = await storeWith('');
    const result = zlagoda(['coverage', '--store', store, '--user', 'koordynator', '--out', join(home, 'none.xlsx'), '--passphrase-file', coordinator]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('zlagoda: Спершу оберіть область сховища в налаштуваннях: громади беруться з неї.');
    expect(existsSync(join(home, 'none.xlsx'))).toBe(false);
  });
});
