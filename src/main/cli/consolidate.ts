import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { MAX_BUNDLE_BYTES } from '../../shared/domain/inbox';
import { ConsolidationError } from '../../shared/reports/consolidate';
import { outputFiles } from '../documents/reports/report-files';
import type { Report, ReportProfile } from '../../shared/reports/report';
import { keyIdHex, parsePublicKey } from '../bundles/minisign';
import { receive, type Decision, type RegisteredKey } from '../features/inbox/inbox.check';
import { consolidatedReport } from '../features/inbox/inbox.consolidation';
import { checkRotation } from '../features/inbox/inbox.rotation';
import { inboxRefusalWords } from '../features/inbox/inbox.words';
import { UsageError } from './passphrase';

/**
 * `zlagoda consolidate`: the recipient's mode without a store, for scripts at the Ministry. The register is a folder
 * of `<КАТОТТГ>.pub` files (the sender is the file's name) with, optionally, the sender's rotation statement beside
 * it; every bundle of the input folder is read into memory and checked as the app's import checks it, and the
 * accepted ministry reports of one period are summed.
 */

const PUB = /^(UA\d{17})\.pub$/;

/** The register from the keys folder: a key of each .pub file, and the key each rotation statement brought in. */
export function loadRegister(keysDir: string): { keys: RegisteredKey[]; lines: string[] } {
  if (!existsSync(keysDir) || !statSync(keysDir).isDirectory()) throw new UsageError(`--keys: теки ${keysDir} немає`);
  const keys: RegisteredKey[] = [];
  const lines: string[] = [];
  for (const name of readdirSync(keysDir).sort()) {
    const match = PUB.exec(name);
    if (!match) continue;
    const sender = match[1]!;
    const key = parsePublicKey(readFileSync(join(keysDir, name), 'utf8').slice(0, 4096));
    if (!key) throw new UsageError(`--keys: ${name} не є відкритим ключем minisign`);
    const keyId = keyIdHex(key.keyId);
    const other = keys.find((k) => k.keyId === keyId);
    if (other) throw new UsageError(`--keys: ключ ${keyId} із ${name} уже названо ключем ${other.sender}`);
    keys.push({ keyId, publicKey: key, sender });
    lines.push(`Ключ відправника ${sender}: ${keyId}`);
    const statementFile = join(keysDir, `${sender}.rotation.txt`);
    if (!existsSync(statementFile)) continue;
    const signatureFile = `${statementFile}.minisig`;
    if (!existsSync(signatureFile)) throw new UsageError(`--keys: до ${basename(statementFile)} немає підпису ${basename(signatureFile)}`);
    const checked = checkRotation(sender, readFileSync(statementFile, 'utf8'), readFileSync(signatureFile, 'utf8'), keys);
    if (!checked.ok) throw new UsageError(`--keys: заяву ${basename(statementFile)} не прийнято [${checked.reason}: ${checked.detail}]`);
    const old = keys.find((k) => k.keyId === checked.oldKeyId)!;
    old.validTo = checked.date;
    keys.push({ keyId: checked.newKeyId, publicKey: checked.newKey, sender, validFrom: checked.date });
    lines.push(`Ключ відправника ${sender}: ${checked.newKeyId} (за заявою від ${checked.date}; ${checked.oldKeyId} чинний до цієї дати)`);
  }
  if (keys.length === 0) throw new UsageError(`--keys: у теці ${keysDir} немає файлів <КАТОТТГ>.pub`);
  return { keys, lines };
}

function line(d: Decision): string {
  const c = d.claim;
  const what = `${c.sender} ${c.period} ${c.profile}, сформовано ${c.generatedAt}, ключ ${c.keyId}`;
  if (d.status === 'accepted') return `прийнято: ${d.name} — ${what}`;
  if (d.status === 'superseded') return `замінено новішим: ${d.name} — ${what}`;
  return `відхилено: ${d.name} — ${inboxRefusalWords(d.reason!)} [${d.reason}: ${d.detail}]`;
}

/** The consolidated outputs, made as an oblast's own: the data, the CSV with its code book, the workbook, the text. */
export async function writeConsolidated(out: string, report: Report): Promise<string[]> {
  mkdirSync(out, { recursive: true });
  const written: string[] = [];
  for (const output of ['json', 'csv', 'xlsx', 'docx'] as const) {
    for (const f of await outputFiles(report, output)) {
      const file = join(out, f.name);
      writeFileSync(file, f.bytes, { flag: 'wx' });
      written.push(file);
    }
  }
  return written;
}

export interface ConsolidateOptions {
  inDir: string;
  keysDir: string;
  out: string;
  period?: string;
  profile: ReportProfile;
  recipient: { code: string; name: string };
  version: string;
  now: Date;
}

/** Runs the command; prints a line per bundle and per file written. 0 when every bundle was valid, else 1. */
export async function consolidateFolder(options: ConsolidateOptions, print: (line: string) => void, warn: (line: string) => void): Promise<number> {
  if (!existsSync(options.inDir) || !statSync(options.inDir).isDirectory()) throw new UsageError(`--in: теки ${options.inDir} немає`);
  if (existsSync(join(options.out, 'report.json'))) throw new UsageError(`--out: у теці ${options.out} уже є report.json`);
  const register = loadRegister(options.keysDir);
  register.lines.forEach(print);
  const names = readdirSync(options.inDir).filter((n) => n.toLowerCase().endsWith('.zip')).sort();
  if (names.length === 0) throw new UsageError(`--in: у теці ${options.inDir} немає файлів .zip`);
  const files = names.map((name, i) => {
    const path = join(options.inDir, name);
    // A file far larger than a bundle may be is not read into memory at all.
    const bytes = statSync(path).size > MAX_BUNDLE_BYTES ? new Uint8Array() : new Uint8Array(readFileSync(path));
    return { id: String(i), name, bytes };
  });
  const { decisions } = receive(files, register.keys, () => []);
  for (const d of decisions) (d.status === 'invalid' ? warn : print)(line(d));
  const invalid = decisions.filter((d) => d.status === 'invalid').length;

  const ministry = decisions.filter((d) => d.status === 'accepted' && d.claim.profile === 'ministry');
  const periods = [...new Set(ministry.map((d) => d.claim.period!))].sort();
  const period = options.period ?? (periods.length === 1 ? periods[0] : undefined);
  if (!period) {
    warn(periods.length === 0 ? 'Немає жодного дійсного пакета з профілем «для Міністерства»: зводити нічого.' : `Пакети за кілька періодів (${periods.join(', ')}): вкажіть --period.`);
    return 1;
  }
  const chosen = ministry.filter((d) => d.claim.period === period);
  if (chosen.length === 0) {
    warn(`За період ${period} немає жодного дійсного пакета з профілем «для Міністерства».`);
    return 1;
  }
  let report: Report;
  try {
    report = consolidatedReport(
      chosen.map((d) => d.reportJson!),
      options.recipient,
      { profile: options.profile, computedAt: options.now.toISOString(), softwareVersion: options.version },
    );
  } catch (error) {
    if (!(error instanceof ConsolidationError)) throw error;
    warn(`Звіти не можна підсумувати: ${error.message}`);
    return 1;
  }
  for (const file of await writeConsolidated(options.out, report)) print(`Зведений звіт (${period}, ${options.profile}, відправників — ${chosen.length}: ${report.senders?.join(', ')}) збережено: ${file}`);
  if (invalid > 0) warn(`Відхилено пакетів: ${invalid}. Зведено лише дійсні.`);
  return invalid > 0 ? 1 : 0;
}
