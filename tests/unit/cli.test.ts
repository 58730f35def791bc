import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forwardedCase, PLANTED, step } from '../fixtures/cases';
import { call, cleanupTempDirs, FakeClock, tempDir, testRuntime } from '../fixtures/store';

/** The real command as a user runs it: the built bundle, production key derivation, a separate process. */
const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'zlagoda.mjs');

let home: string;
let adminFile: string;

function zlagoda(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: home, XDG_STATE_HOME: join(home, 'state'), ...env },
    input: '',
  });
  return { code: result.status, stdout: result.stdout.trim(), stderr: result.stderr.trim() };
}

function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isFile()) files[name] = readFileSync(path).toString('base64');
  }
  return files;
}

beforeAll(() => {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-node.mjs')], { cwd: ROOT });
  home = tempDir('zlagoda-cli-home-');
  adminFile = join(home, 'admin.pass');
  writeFileSync(adminFile, 'довга фраза адміністратора області\n');
});
afterAll(cleanupTempDirs);

describe('zlagoda command', () => {
  // A dozen commands in a row, each unlocking with the production key derivation (0.75 s of scrypt): more than the
  // default 30 s when the machine is shared.
  it('runs the whole life cycle: init, users, check, backup, restore', () => {
    const store = join(home, 'store');
    const init = zlagoda(['init', '--store', store, '--user', 'admin', '--passphrase-file', adminFile]);
    expect(init.code).toBe(0);
    const key = /Ключ відновлення.*: ([A-Z2-9-]{39})/.exec(init.stdout)?.[1];
    expect(key).toBeDefined();

    const initial = join(home, 'ivan.pass');
    writeFileSync(initial, 'початковий пароль для Івана\n');
    const add = zlagoda(['user', 'add', '--store', store, '--user', 'admin', '--name', 'ivan', '--roles', 'secretary,member', '--initial-passphrase-file', initial, '--passphrase-file', adminFile]);
    expect(add).toMatchObject({ code: 0 });
    expect(add.stdout).toContain('ivan');

    const list = zlagoda(['user', 'list', '--store', store, '--user', 'admin'], { ZLAGODA_PASSPHRASE: 'довга фраза адміністратора області' });
    expect(list.code).toBe(0);
    expect(list.stdout.split('\n').map((l) => l.split('\t')[0])).toEqual(['admin', 'ivan']);

    const check = zlagoda(['check', '--store', store, '--user', 'admin', '--passphrase-file', adminFile]);
    expect(check).toMatchObject({ code: 0 });
    expect(check.stdout).toContain('журнал аудиту цілісний');

    const out = join(home, 'store.backup');
    expect(zlagoda(['backup', '--store', store, '--user', 'admin', '--out', out, '--passphrase-file', adminFile]).code).toBe(0);
    const again = zlagoda(['backup', '--store', store, '--user', 'admin', '--out', out, '--passphrase-file', adminFile]);
    expect(again.code).toBe(1);
    expect(again.stderr.split('\n')).toHaveLength(1);

    const restored = join(home, 'restored');
    expect(zlagoda(['restore', '--from', out, '--store', restored, '--user', 'admin', '--passphrase-file', adminFile]).code).toBe(0);
    expect(zlagoda(['user', 'list', '--store', restored, '--user', 'admin', '--passphrase-file', adminFile]).stdout).toContain('ivan');
    const overwrite = zlagoda(['restore', '--from', out, '--store', store, '--user', 'admin', '--passphrase-file', adminFile]);
    expect(overwrite.code).toBe(1);

    const remove = zlagoda(['user', 'remove', '--store', store, '--user', 'admin', '--name', 'ivan', '--passphrase-file', adminFile]);
    expect(remove.code).toBe(0);
    const gone = zlagoda(['user', 'list', '--store', store, '--user', 'ivan', '--passphrase-file', initial]);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toMatch(/^zlagoda: Невірний логін або пароль/);
  }, 90_000);

  it('answers every bad input with one line and a non-zero exit, changing nothing on disk', () => {
    const store = join(home, 'bad-inputs');
    expect(zlagoda(['init', '--store', store, '--user', 'admin', '--passphrase-file', adminFile]).code).toBe(0);
    const before = snapshot(store);
    const wrong = join(home, 'wrong.pass');
    writeFileSync(wrong, 'це не той пароль, що треба\n');
    const cases: [string[], number][] = [
      [['frobnicate'], 2],
      [['user', 'list', '--store', store], 2],
      [['user', 'list', '--store', store, '--user', 'admin', '--bogus'], 2],
      [['user', 'list', '--store', store, '--user', 'admin'], 2],
      [['user', 'list', '--store', store, '--user', 'admin', '--passphrase-file', wrong], 1],
      [['user', 'list', '--store', store, '--user', 'admin', '--passphrase-file', join(home, 'missing')], 2],
      [['user', 'add', '--store', store, '--user', 'admin', '--name', 'x y', '--roles', 'member', '--passphrase-file', adminFile], 1],
      [['user', 'add', '--store', store, '--user', 'admin', '--name', 'petro', '--roles', 'boss', '--passphrase-file', adminFile], 2],
      [['user', 'remove', '--store', store, '--user', 'admin', '--name', 'admin', '--passphrase-file', adminFile], 1],
      [['init', '--store', store, '--user', 'admin', '--passphrase-file', adminFile], 1],
      [['check', '--store', join(home, 'nowhere'), '--user', 'admin', '--passphrase-file', adminFile], 1],
      [['restore', '--from', join(home, 'nothing.backup'), '--store', join(home, 'r2'), '--user', 'admin', '--passphrase-file', adminFile], 1],
    ];
    for (const [args, code] of cases) {
      const result = zlagoda(args);
      expect(result.code, args.join(' ')).toBe(code);
      expect(result.stderr.split('\n'), args.join(' ')).toHaveLength(1);
      expect(result.stderr, args.join(' ')).toMatch(/^zlagoda: \S/);
    }
    // The remove of the last admin is refused inside a transaction, after the unlock itself was audited.
    const after = snapshot(store);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    // A lock keeps the head its user saw inside that user's slot; nothing else in the slot file may change.
    const slotsOf = (text: string | undefined) => {
      const file = JSON.parse(Buffer.from(text ?? '', 'base64').toString('utf8')) as { generation: number; slots: Record<string, unknown>[] };
      return { generation: file.generation, slots: file.slots.map(({ seen: _seen, ...slot }) => slot) };
    };
    expect(slotsOf(after['keyslots.json'])).toEqual(slotsOf(before['keyslots.json']));
    expect(existsSync(join(home, 'r2'))).toBe(false);
  });

  it('demo creates a living store once and refuses to fill it twice', () => {
    const store = join(home, 'demo');
    const unknown = zlagoda(['demo', '--store', store, '--user', 'admin', '--oblast', 'Полтава', '--passphrase-file', adminFile]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--oblast: назва області, як у КАТОТТГ');
    expect(existsSync(store)).toBe(false);
    const first = zlagoda(['demo', '--store', store, '--user', 'admin', '--passphrase-file', adminFile]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/засідань — \d+, доручень — \d+, справ щодо статусу — 18, осіб із направленнями — \d+, навчань — \d+, профілактичних заходів — \d+\./);
    // The demo's user is a person, not a login repeated; they run the demo's status cases, its trainings and its reports too.
    expect(zlagoda(['user', 'list', '--store', store, '--user', 'admin', '--passphrase-file', adminFile]).stdout).toBe('admin\tНаталія Коваль\tadmin,case_officer,secretary,reporting_officer');
    const second = zlagoda(['demo', '--store', store, '--user', 'admin', '--passphrase-file', adminFile]);
    expect(second.code).toBe(2);
    expect(second.stderr).toContain('лише до нового сховища');

    const year = new Date().getFullYear() - 1;
    const out = join(home, 'minutes.docx');
    const minutes = zlagoda(['minutes', '--store', store, '--user', 'admin', '--passphrase-file', adminFile, '--meeting', `${year}/1`, '--out', out]);
    expect(minutes).toMatchObject({ code: 0 });
    const xml = new TextDecoder().decode(unzipSync(readFileSync(out))['word/document.xml']);
    expect(xml).toContain('ПРОТОКОЛ');
    expect(xml.indexOf('ПОРЯДОК ДЕННИЙ')).toBeLessThan(xml.indexOf('УХВАЛИЛИ'));
    const extract = join(home, 'extract.docx');
    expect(zlagoda(['minutes', '--store', store, '--user', 'admin', '--passphrase-file', adminFile, '--meeting', `${year}/1`, '--out', extract, '--extract', '2']).code).toBe(0);
    expect(new TextDecoder().decode(unzipSync(readFileSync(extract))['word/document.xml'])).toContain('ВИТЯГ З ПРОТОКОЛУ');
    const again = zlagoda(['minutes', '--store', store, '--user', 'admin', '--passphrase-file', adminFile, '--meeting', `${year}/1`, '--out', out]);
    expect(again.code).toBe(1);
    expect(zlagoda(['minutes', '--store', store, '--user', 'admin', '--passphrase-file', adminFile, '--meeting', '1999/1', '--out', join(home, 'x.docx')]).code).toBe(1);
    expect(zlagoda(['minutes', '--store', store, '--user', 'admin', '--passphrase-file', adminFile, '--meeting', 'третє', '--out', join(home, 'x.docx')]).code).toBe(2);
  });

  it('register writes a year’s register for a case officer, and refuses a secretary, an existing file and another format', async () => {
    // Cases come from the app's own channels (the command has none that records one); the store is then the command's.
    const store = join(home, 'cases');
    const rt = testRuntime(store, new FakeClock(Date.now()));
    await call(rt, 'session:setup', { login: 'officer', displayName: 'Савченко Ірина Миколаївна', passphrase: 'фраза фахівця зі статусу 2026' });
    const c = await forwardedCase(rt);
    await step(rt, c.id, { kind: 'decision', date: '2026-11-16', number: '12', outcome: 'granted' });
    await step(rt, c.id, { kind: 'certificate', date: '2026-11-18', number: '5' });
    await call(rt, 'users:add', { login: 'sekretar', displayName: 'Секретар Групи', roles: ['secretary'], initialPassphrase: 'тимчасовий пароль секретаря' });
    await call(rt, 'session:lock', {});
    await call(rt, 'session:unlock', { login: 'sekretar', passphrase: 'тимчасовий пароль секретаря' });
    await call(rt, 'session:changePassphrase', { current: 'тимчасовий пароль секретаря', next: 'власний пароль секретаря групи' });
    rt.core.close();
    const officer = join(home, 'officer.pass');
    writeFileSync(officer, 'фраза фахівця зі статусу 2026\n');
    const sekretar = join(home, 'sekretar.pass');
    writeFileSync(sekretar, 'власний пароль секретаря групи\n');
    const register = (book: string, out: string, pass = officer, login = 'officer') => zlagoda(['register', book, '--store', store, '--user', login, '--year', '2026', '--out', out, '--passphrase-file', pass]);

    const xlsx = join(home, 'zhurnal-zaiav-2026.xlsx');
    const made = register('applications', xlsx);
    expect(made).toMatchObject({ code: 0 });
    expect(made.stdout).toContain(`Журнал реєстрації заяв за 2026 рік збережено: ${xlsx}`);
    expect(made.stdout).toContain('не зашифрований');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(xlsx) as unknown as ArrayBuffer);
    const row = workbook.worksheets[0]!.getRow(2).values as unknown[];
    expect(row).toContain(c.code);
    expect(row.join(' ')).toContain(PLANTED.surname);
    expect(statSync(xlsx).mode & 0o077).toBe(0);
    const docx = join(home, 'zhurnal-dovidok-2026.docx');
    expect(register('certificates', docx).code).toBe(0);
    expect(strFromU8(unzipSync(readFileSync(docx))['word/document.xml']!)).toContain('реєстрації видачі довідок');

    const again = register('applications', xlsx);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe('zlagoda: Файл із такою назвою вже існує. Оберіть іншу назву або інший каталог.');
    const csv = register('applications', join(home, 'zhurnal.csv'));
    expect(csv.code).toBe(2);
    expect(csv.stderr).toContain('--out: файл має закінчуватися на .xlsx (таблиця Excel) або .docx (документ для друку)');
    expect(register('payments', join(home, 'x.xlsx')).code).toBe(2);
    expect(zlagoda(['register', 'applications', '--store', store, '--user', 'officer', '--year', '26', '--out', join(home, 'x.xlsx'), '--passphrase-file', officer]).code).toBe(2);
    const denied = register('applications', join(home, 'sekretar.xlsx'), sekretar, 'sekretar');
    expect(denied.code).toBe(1);
    expect(denied.stderr).toMatch(/^zlagoda: У вас немає права на цю дію/);
    expect(existsSync(join(home, 'sekretar.xlsx'))).toBe(false);
    expect(existsSync(join(home, 'x.xlsx'))).toBe(false);
  });

  it('a weak initial passphrase is refused with the reason', () => {
    const store = join(home, 'weak');
    const weak = join(home, 'weak.pass');
    writeFileSync(weak, 'коротко\n');
    const result = zlagoda(['init', '--store', store, '--user', 'admin', '--passphrase-file', weak]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('zlagoda: Пароль закороткий: потрібно щонайменше 12 символів. Найпростіше — фраза з кількох слів.');
    expect(existsSync(store)).toBe(false);
  });
});
