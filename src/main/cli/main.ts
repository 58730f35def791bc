import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Channel, InputOf, OutputOf } from '../../shared/contract';
import { AppError, deserializeError } from '../../shared/errors';
import { ROLES, type Role } from '../../shared/permissions';
import { FileAttemptLog } from '../kernel/attempts';
import { keyIdHex, parsePublicKey } from '../bundles/minisign';
import { describeVerdict } from '../bundles/refusal-words';
import { verifyBundle } from '../bundles/verify-bundle';
import { appRoot, appVersion } from '../paths';
import { createRuntime, type Runtime } from '../runtime';
import { storeExists } from '../store/store';
import { parsePeriod } from '../../shared/reports/periods';
import { NATIONAL } from '../features/inbox/inbox.consolidation';
import { consolidateFolder } from './consolidate';
import { coverageFilter, exportCoverage } from './coverage-export';
import { reportOptions, writeBundle, writeReport } from './report-export';
import { DEFAULT_OBLAST, DEMO_USER_NAME, fillDemo, MAX_DEMO_SCALE, OBLASTS } from './demo';
import { integrityCheck } from '../store/connection';
import { newRecoveryKey } from '../store/crypto';
import { describeChainIssue, describeClockWarning, describeError } from './messages';
import { importTrainingSheet } from './trainings-import';
import { obtainPassphrase, readSecretFile, UsageError } from './passphrase';

const USAGE = `Використання:
  zlagoda init --store DIR --user NAME [--display-name "Прізвище Ім’я"]
  zlagoda user add --store DIR --user ADMIN --name NEW --roles R1,R2 [--display-name ...] [--initial-passphrase-file F]
  zlagoda user remove --store DIR --user ADMIN --name OLD
  zlagoda user list --store DIR --user NAME
  zlagoda check --store DIR --user NAME [--full]
  zlagoda rotate-key --store DIR --user ADMIN           (новий ключ шифрування після підозри на витік)
  zlagoda backup --store DIR --user NAME --out FILE
  zlagoda restore --from FILE --store NEWDIR --user NAME
  zlagoda minutes --store DIR --user NAME --meeting РІК/НОМЕР --out FILE.docx [--extract ПУНКТ]
  zlagoda register applications|certificates --store DIR --user NAME --year РРРР --out FILE.xlsx|FILE.docx
                                                       (журнал реєстрації заяв або видачі довідок за рік; для фахівця зі статусу)
  zlagoda trainings import --store DIR --user NAME --training ID --file ЛИСТ.xlsx|ЛИСТ.csv [--dry-run]   (учасники навчання з реєстраційного листа)
  zlagoda demo --store DIR --user NAME [--scale N] [--oblast НАЗВА] [--display-name "Ім’я Прізвище"]
                                                       (створює сховище, якщо його ще немає; N від 1 до ${MAX_DEMO_SCALE}; область як у КАТОТТГ, типово ${DEFAULT_OBLAST})
  zlagoda key export --store DIR --user NAME --out ОБЛАСТЬ.pub        (відкритий ключ підпису звітів; створює ключ, якщо його ще немає)
  zlagoda coverage --store DIR --user NAME --out FILE.xlsx [--raion КОД] [--gap no_training,no_event,no_coordinator,no_agreement]
                                                       (охоплення громад області: райони й громади; --gap лишає громади, яким бракує всього переліченого)
  zlagoda report --store DIR --user NAME --period 2026-Q3 --profile ministry|publication --out DIR [--outputs json,csv,xlsx,docx,cases]
                                                       (звіт за квартал, півріччя, рік або дні 2026-02-01..2026-05-15; для відповідального за звітність)
  zlagoda bundle --store DIR --user NAME --period 2026-Q3 --out FILE.zip [--profile ministry|publication] [--outputs ...]
                                                       (підписаний пакет звіту для надсилання; ключ створюється, якщо його ще немає)
  zlagoda verify ПАКЕТ.zip --pubkey ОБЛАСТЬ.pub       (перевіряє підписаний пакет звіту; сховище не потрібне)
  zlagoda consolidate --in ТЕКА --keys ТЕКА --out ТЕКА [--period 2026-Q3] [--profile ministry|publication] [--recipient КОД --name НАЗВА]
                                                       (перевіряє пакети *.zip і підсумовує дійсні звіти «для Міністерства» за період;
                                                        у --keys файли <КАТОТТГ>.pub і, за потреби, <КАТОТТГ>.rotation.txt з .minisig;
                                                        код виходу 0, лише коли всі пакети дійсні, інакше 1; сховище не потрібне)
Пароль: --passphrase-file FILE, змінна ZLAGODA_PASSPHRASE (для скриптів) або запит у терміналі.
Ролі: ${ROLES.join(', ')}`;

const OPTIONS = {
  store: { type: 'string' },
  user: { type: 'string' },
  name: { type: 'string' },
  'display-name': { type: 'string' },
  roles: { type: 'string' },
  'initial-passphrase-file': { type: 'string' },
  'passphrase-file': { type: 'string' },
  out: { type: 'string' },
  from: { type: 'string' },
  scale: { type: 'string' },
  oblast: { type: 'string' },
  meeting: { type: 'string' },
  extract: { type: 'string' },
  year: { type: 'string' },
  raion: { type: 'string' },
  period: { type: 'string' },
  profile: { type: 'string' },
  outputs: { type: 'string' },
  gap: { type: 'string' },
  training: { type: 'string' },
  file: { type: 'string' },
  'dry-run': { type: 'boolean' },
  full: { type: 'boolean' },
  pubkey: { type: 'string' },
  in: { type: 'string' },
  keys: { type: 'string' },
  recipient: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = { [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K]['type'] extends 'boolean' ? boolean : string };

function need(values: Values, name: keyof Values): string {
  const value = values[name];
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`потрібен параметр --${name}`);
  return value;
}

/** Failed-unlock counters and the log live outside the store, in the user's state folder. */
function stateDir(): string {
  const base = process.env.XDG_STATE_HOME ?? (process.platform === 'win32' ? (process.env.LOCALAPPDATA ?? homedir()) : join(homedir(), '.local', 'state'));
  return join(base, 'zlagoda');
}

function runtimeFor(storeDir: string): Runtime {
  return createRuntime({
    storeDir: resolve(storeDir),
    migrationsFolder: join(appRoot(), 'migrations'),
    version: appVersion(),
    attempts: new FileAttemptLog(join(stateDir(), 'cli-unlock-attempts.json')),
    logDir: join(stateDir(), 'logs'),
  });
}

async function call<C extends Channel>(runtime: Runtime, channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
  const result = await runtime.dispatch(channel, input);
  if (!result.ok) throw deserializeError(result.error);
  return result.value as OutputOf<C>;
}

async function unlocked(values: Values): Promise<Runtime> {
  const runtime = runtimeFor(need(values, 'store'));
  const login = need(values, 'user');
  const passphrase = await obtainPassphrase(values['passphrase-file'], { label: `Пароль користувача ${login}` });
  const session = await call(runtime, 'session:unlock', { login, passphrase });
  if (session.mustChangePassphrase) {
    runtime.core.lock('cli');
    throw new AppError('PASSPHRASE_CHANGE_REQUIRED', 'change the initial passphrase first');
  }
  return runtime;
}

function parseRoles(text: string): Role[] {
  const roles = text.split(',').map((r) => r.trim()).filter(Boolean);
  const unknown = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
  if (unknown.length || roles.length === 0) throw new UsageError(`невідома роль: ${unknown.join(', ') || '(порожньо)'}; можливі: ${ROLES.join(', ')}`);
  return roles as Role[];
}

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  const [command, sub] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  const key = sub && command === 'user' ? `user ${sub}` : command;
  switch (key) {
    case 'init': {
      const storeDir = need(values, 'store');
      const login = need(values, 'user');
      const passphrase = await obtainPassphrase(values['passphrase-file'], { label: `Новий пароль адміністратора ${login}`, confirm: true });
      const runtime = runtimeFor(storeDir);
      const created = await call(runtime, 'session:setup', { login, displayName: values['display-name'] ?? login, passphrase });
      runtime.core.close();
      console.log(`Сховище створено: ${resolve(storeDir)}`);
      console.log(`Ключ відновлення (показується один раз; запишіть і зберігайте в сейфі): ${created.recoveryKey}`);
      return 0;
    }
    case 'user add': {
      const name = need(values, 'name');
      const roles = parseRoles(need(values, 'roles'));
      const file = values['initial-passphrase-file'];
      const initial = file ? readSecretFile(file) : newRecoveryKey().toLowerCase();
      const runtime = await unlocked(values);
      try {
        const user = await call(runtime, 'users:add', { login: name, displayName: values['display-name'] ?? name, roles, initialPassphrase: initial });
        console.log(`Користувача ${user.login} додано (ролі: ${user.roles.join(', ')}). Пароль треба змінити під час першого входу.`);
        if (!file) console.log(`Початковий пароль (передайте користувачеві особисто): ${initial}`);
      } finally {
        runtime.core.close();
      }
      return 0;
    }
    case 'user remove': {
      const name = need(values, 'name');
      const runtime = await unlocked(values);
      try {
        const list = await call(runtime, 'users:list', {});
        const target = list.find((u) => u.login.toLowerCase() === name.toLowerCase());
        if (!target) throw new AppError('NOT_FOUND', `no user ${name}`);
        await call(runtime, 'users:remove', { userId: target.id });
        console.log(`Користувача ${target.login} вилучено, ключ шифрування сховища змінено: його старий пароль і будь-яка копія його ключа доступу більше нічого не відкривають.`);
      } finally {
        runtime.core.close();
      }
      return 0;
    }
    case 'user list': {
      const runtime = await unlocked(values);
      try {
        const list = await call(runtime, 'users:list', {});
        for (const u of list) console.log(`${u.login}\t${u.displayName}\t${u.roles.join(',')}${u.mustChangePassphrase ? '\t(має змінити пароль)' : ''}`);
      } finally {
        runtime.core.close();
      }
      return 0;
    }
    case 'check': {
      const runtime = await unlocked(values);
      try {
        const store = runtime.core.requireStore();
        const problems = integrityCheck(store.db);
        const chain = await call(runtime, 'audit:verify', { full: values.full === true });
        if (problems.length > 0) {
          console.log(`Помилка цілісності бази: ${problems[0]}`);
          return 1;
        }
        for (const warning of chain.warnings) console.log(describeClockWarning(warning));
        if (chain.status === 'broken') {
          console.log(`Журнал аудиту порушено, знахідок: ${chain.issues.length}.`);
          for (const issue of chain.issues) console.log(`  ${describeChainIssue(issue)}`);
          return 1;
        }
        const scope = chain.from > 0 ? `${chain.count} нових подій після перевіреної № ${chain.from}, усього ${chain.total}` : `${chain.count} подій`;
        console.log(`Перевірку пройдено: база цілісна (integrity_check = ok), журнал аудиту цілісний (${scope}; засвідчених підписами точок: ${chain.heads}).`);
        return 0;
      } finally {
        runtime.core.close();
      }
    }
    case 'backup': {
      const out = resolve(need(values, 'out'));
      const runtime = await unlocked(values);
      try {
        const report = await runtime.core.backup(out);
        console.log(`Резервну копію створено й перевірено: ${report.path} (${report.bytes} байт, зашифровано).`);
      } finally {
        runtime.core.close();
      }
      return 0;
    }
    case 'rotate-key': {
      const runtime = await unlocked(values);
      try {
        const rotated = await call(runtime, 'users:rotateKey', {});
        console.log(`Ключ шифрування сховища змінено (покоління ключів доступу ${rotated.generation}, ${rotated.bytes} байт перешифровано). Старі копії файлу ключів доступу більше нічого не відкривають; давні резервні копії відкриваються старими паролями.`);
      } finally {
        runtime.core.close();
      }
      return 0;
    }
    case 'restore': {
      const from = resolve(need(values, 'from'));
      const storeDir = resolve(need(values, 'store'));
      const login = need(values, 'user');
      const passphrase = await obtainPassphrase(values['passphrase-file'], { label: `Пароль користувача ${login}` });
      const runtime = runtimeFor(storeDir);
      const restored = await runtime.core.restore(from, login, passphrase);
      console.log(`Сховище відновлено в ${storeDir} і перевірено (подій у журналі аудиту: ${restored.events}).`);
      return 0;
    }
    case 'minutes': {
      const match = /^(\d{4})\/(\d{1,3})$/.exec(need(values, 'meeting'));
      if (!match) throw new UsageError('--meeting: вкажіть рік і номер засідання, наприклад 2026/3');
      const out = resolve(need(values, 'out'));
      if (!out.toLowerCase().endsWith('.docx')) throw new UsageError('--out: файл має закінчуватися на .docx');
      if (existsSync(out)) throw new AppError('FILE_EXISTS', 'the output file exists', { path: out });
      const item = values.extract === undefined ? null : Number(values.extract);
      if (item !== null && (!Number.isInteger(item) || item < 1)) throw new UsageError('--extract: номер пункту порядку денного, ціле число від 1');
      const runtime = await unlocked(values);
      try {
        const [year, number] = [Number(match[1]), Number(match[2])];
        const meeting = (await call(runtime, 'meetings:list', { year })).find((m) => m.number === number);
        if (!meeting) throw new AppError('NOT_FOUND', `no meeting ${year}/${number}`);
        if (item !== null && item > meeting.items) throw new UsageError(`--extract: у засіданні ${year}/${number} лише ${meeting.items} пункт(и) порядку денного`);
        const file = await call(runtime, 'meetings:minutes', { meetingId: meeting.id, format: 'docx', ...(item !== null ? { item } : {}) });
        // The document leaves the encryption: readable by this user only, and the message says so.
        writeFileSync(out, Buffer.from(file.base64, 'base64'), { flag: 'wx', mode: 0o600 });
        console.log(`${item === null ? 'Протокол' : `Витяг (пункт ${item})`} засідання № ${number}/${year} збережено: ${out}`);
        console.log('Увага: цей файл не зашифровано. Тримайте його лише там, де дозволено зберігати службові документи, і видаліть, коли він більше не потрібен.');
      } finally {
        runtime.core.close();
      }
      return 0;
    }
    case 'register': {
      if (sub !== 'applications' && sub !== 'certificates') {
        throw new UsageError('register: вкажіть журнал — applications (журнал реєстрації заяв) або certificates (журнал реєстрації видачі довідок)');
      }
      const yearText = need(values, 'year');
      const year = Number(yearText);
      if (!/^\d{4}$/.test(yearText) || year < 2000 || year > 2100) throw new UsageError('--year: рік чотирма цифрами, від 2000 до 2100');
      const out = resolve(need(values, 'out'));
      const format = /\.(xlsx|docx)$/i.exec(out)?.[1]?.toLowerCase() as 'xlsx' | 'docx' | undefined;
      if (!format) throw new UsageError('--out: файл має закінчуватися на .xlsx (таблиця Excel) або .docx (документ для друку)');
      if (existsSync(out)) throw new AppError('FILE_EXISTS', 'the output file exists', { path: out });
      const runtime = await unlocked(values);
      try {
        const file = await call(runtime, 'cases:registerBook', { book: sub, year, format });
        // The register holds names: readable by this user only, and the message says the file is not encrypted.
        writeFileSync(out, Buffer.from(file.base64, 'base64'), { flag: 'wx', mode: 0o600 });
        console.log(`${sub === 'applications' ? 'Журнал реєстрації заяв' : 'Журнал реєстрації видачі довідок'} за ${year} рік збережено: ${out}`);
        console.log('Увага: файл містить персональні дані й не зашифрований. Тримайте його лише там, де дозволено зберігати такі документи, і видаліть, коли він більше не потрібен.');
      } finally {
        runtime.core.close();
      }
      return 0;
    }
    case 'key': {
      if (sub !== 'export') throw new UsageError('key: вкажіть дію — export (відкритий ключ підпису звітів у файлі .pub)');
      const out = resolve(need(values, 'out'));
      if (!out.toLowerCase().endsWith('.pub')) throw new UsageError('--out: файл має закінчуватися на .pub (відкритий ключ minisign)');
      if (existsSync(out)) throw new AppError('FILE_EXISTS', 'the output file exists', { path: out });
      const runtime = await unlocked(values);
      try {
        // Made on first use, by one who may sign; anyone who reads the reports may export the public half after.
        const keys = await call(runtime, 'reports:keys', {});
        const key = keys.current ?? (await call(runtime, 'reports:createKey', {}));
        const file = await call(runtime, 'reports:publicKeyFile', {});
        writeFileSync(out, Buffer.from(file.base64, 'base64'), { flag: 'wx', mode: 0o644 });
        if (!keys.current) console.log('Ключ підпису звітів створено (таємна частина — лише у зашифрованому сховищі).');
        console.log(`Відкритий ключ збережено: ${out}`);
        console.log(`Відбиток ключа (звірте з тим, що зареєстровано в Міністерстві): ${key.fingerprint}`);
      } finally {
        runtime.core.close();
      }
      return 0;
    }
    case 'coverage': {
      const out = resolve(need(values, 'out'));
      if (!out.toLowerCase().endsWith('.xlsx')) throw new UsageError('--out: файл має закінчуватися на .xlsx (таблиця Excel)');
      const filter = coverageFilter(values.raion, values.gap);
      if (existsSync(out)) throw new AppError('FILE_EXISTS', 'the output file exists', { path: out });
      const runtime = await unlocked(values);
      try {
        for (const line of await exportCoverage(runtime, filter, out)) console.log(line);
      } finally {
        runtime.core.close();
      }
      return 0;
    }
    case 'report': {
      const options = reportOptions(values.period, values.profile, values.outputs);
      const dir = resolve(need(values, 'out'));
      const runtime = await unlocked(values);
      try {
        for (const line of await writeReport(runtime, options, dir)) console.log(line);
      } finally {
        runtime.core.close();
      }
      return 0;
    }
    case 'bundle': {
      const options = reportOptions(values.period, values.profile, values.outputs);
      const out = resolve(need(values, 'out'));
      if (!out.toLowerCase().endsWith('.zip')) throw new UsageError('--out: файл пакета має закінчуватися на .zip');
      if (existsSync(out)) throw new AppError('FILE_EXISTS', 'the output file exists', { path: out });
      const runtime = await unlocked(values);
      try {
        for (const line of await writeBundle(runtime, options, out)) console.log(line);
      } finally {
        runtime.core.close();
      }
      return 0;
    }
    case 'trainings': {
      if (sub !== 'import') throw new UsageError('trainings: вкажіть дію — import (учасники з реєстраційного листа)');
      const file = resolve(need(values, 'file'));
      if (!/\.(xlsx|csv)$/i.test(file)) throw new UsageError('--file: таблиця .xlsx або .csv');
      if (!existsSync(file)) throw new UsageError(`--file: файлу ${file} немає`);
      const trainingId = need(values, 'training');
      const runtime = await unlocked(values);
      try {
        return await importTrainingSheet(runtime.dispatch, { trainingId, file, dryRun: values['dry-run'] === true }, (line) => console.log(line));
      } finally {
        runtime.core.close();
      }
    }
    case 'demo': {
      const scale = Number(values.scale ?? '1');
      if (!Number.isInteger(scale) || scale < 1 || scale > MAX_DEMO_SCALE) throw new UsageError(`--scale: ціле число від 1 до ${MAX_DEMO_SCALE}`);
      const oblast = values.oblast ?? DEFAULT_OBLAST;
      if (!OBLASTS[oblast]) throw new UsageError(`--oblast: назва області, як у КАТОТТГ, з великої літери (наприклад, ${DEFAULT_OBLAST} або Івано-Франківська)`);
      const storeDir = need(values, 'store');
      const login = need(values, 'user');
      let runtime: Runtime;
      if (storeExists(resolve(storeDir))) {
        runtime = await unlocked(values);
      } else {
        const passphrase = await obtainPassphrase(values['passphrase-file'], { label: `Новий пароль адміністратора ${login}`, confirm: true });
        runtime = runtimeFor(storeDir);
        // The demo's user is its secretary by name, so the header, the log and the documents name a person.
        const created = await call(runtime, 'session:setup', { login, displayName: values['display-name'] ?? DEMO_USER_NAME, passphrase });
        console.log(`Сховище створено: ${resolve(storeDir)}`);
        console.log(`Ключ відновлення (показується один раз; запишіть і зберігайте в сейфі): ${created.recoveryKey}`);
      }
      try {
        if ((await call(runtime, 'meetings:list', {})).length > 0) {
          throw new UsageError('у сховищі вже є засідання: демонстраційні дані додаються лише до нового сховища');
        }
        const report = await fillDemo(runtime.dispatch, { scale, today: new Date(), oblast });
        console.log(`Демонстраційні дані додано: членів групи — ${report.members}, засідань — ${report.meetings}, доручень — ${report.assignments}, справ щодо статусу — ${report.cases}, осіб із направленнями — ${report.referrals}, навчань — ${report.trainings}, профілактичних заходів — ${report.preventionEvents}.`);
      } finally {
        runtime.core.close();
      }
      return 0;
    }
    case 'verify': {
      if (!sub || positionals.length !== 2) throw new UsageError('verify: вкажіть один файл пакета .zip');
      const file = resolve(sub);
      const pubkey = resolve(need(values, 'pubkey'));
      for (const path of [file, pubkey]) if (!existsSync(path)) throw new UsageError(`файлу ${path} немає`);
      // The reader's own limit is 50 MiB of content; a file far larger is refused before it is read into memory.
      if (statSync(file).size > 64 * 1024 * 1024) {
        console.error(`zlagoda: Пакет недійсний: файл завеликий для пакета звіту [total_too_large: ${file}].`);
        return 1;
      }
      const key = parsePublicKey(readFileSync(pubkey, 'utf8').slice(0, 4096));
      if (!key) throw new UsageError(`--pubkey: ${pubkey} не є відкритим ключем minisign`);
      const verdict = verifyBundle(readFileSync(file), [{ keyId: keyIdHex(key.keyId), publicKey: key }]);
      if (verdict.ok) console.log(describeVerdict(verdict));
      else console.error(`zlagoda: ${describeVerdict(verdict)}`);
      return verdict.ok ? 0 : 1;
    }
    case 'consolidate': {
      const profile = values.profile ?? 'ministry';
      if (profile !== 'ministry' && profile !== 'publication') throw new UsageError('--profile: ministry (точні числа) або publication (для оприлюднення)');
      if (values.period !== undefined && !parsePeriod(values.period)) throw new UsageError('--period: період як 2026-Q3, 2026-H1, 2026 або 2026-01-01..2026-02-15');
      const recipientCode = values.recipient ?? NATIONAL.code;
      if (!/^UA\d{17}$/.test(recipientCode)) throw new UsageError('--recipient: код КАТОТТГ — латинські «UA» і 17 цифр');
      const recipient = { code: recipientCode, name: values.name ?? (values.recipient ? recipientCode : NATIONAL.name) };
      return consolidateFolder(
        { inDir: resolve(need(values, 'in')), keysDir: resolve(need(values, 'keys')), out: resolve(need(values, 'out')), period: values.period, profile, recipient, version: appVersion(), now: new Date() },
        (line) => console.log(line),
        (line) => console.error(`zlagoda: ${line}`),
      );
    }
    default:
      throw new UsageError(`невідома команда: ${positionals.join(' ')}`);
  }
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`zlagoda: ${(error as Error).message}. Довідка: zlagoda --help`);
      process.exit(2);
    }
    console.error(`zlagoda: ${describeError(error)}`);
    process.exit(1);
  },
);
