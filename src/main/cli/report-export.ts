import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import type { Channel, InputOf, OutputOf } from '../../shared/contract';
import { REPORT_OUTPUTS, type ReportOutput } from '../../shared/domain/reports';
import { deserializeError } from '../../shared/errors';
import { parsePeriod } from '../../shared/reports/periods';
import { REPORT_PROFILES, type ReportProfile } from '../../shared/reports/report';
import { reportStem } from '../documents/reports/report-files';
import type { Runtime } from '../runtime';
import { UsageError } from './passphrase';

/**
 * `zlagoda report` and `zlagoda bundle`: the report's files and the signed bundle through the dispatcher, as the
 * screen makes them (the same permission, the same release log and audit).
 */

const PERIOD_HELP = 'рік (2026), півріччя (2026-H1), квартал (2026-Q3) або дні 2026-02-01..2026-05-15';
/** What a script gets unless it asks: every aggregate output; the case-level export only when asked for. */
export const DEFAULT_OUTPUTS: ReportOutput[] = ['json', 'csv', 'xlsx', 'docx'];

export interface ReportOptions {
  period: string;
  profile: ReportProfile;
  outputs: ReportOutput[];
}

/** The options of both commands; a mistake is said in Ukrainian with what to type instead. */
export function reportOptions(period: string | undefined, profile: string | undefined, outputs: string | undefined): ReportOptions {
  if (!period || !parsePeriod(period)) throw new UsageError(`--period: ${PERIOD_HELP}`);
  const chosen = profile ?? 'ministry';
  if (!(REPORT_PROFILES as readonly string[]).includes(chosen)) throw new UsageError('--profile: ministry (точні числа для Міністерства) або publication (для оприлюднення, малі числа приховано)');
  const list = outputs === undefined ? DEFAULT_OUTPUTS : outputs.split(',').map((o) => o.trim()).filter(Boolean);
  const unknown = list.filter((o) => !(REPORT_OUTPUTS as readonly string[]).includes(o));
  if (unknown.length || list.length === 0) throw new UsageError(`--outputs: через кому з ${REPORT_OUTPUTS.join(', ')}`);
  return { period: parsePeriod(period)!.id, profile: chosen as ReportProfile, outputs: [...new Set(list)] as ReportOutput[] };
}

async function call<C extends Channel>(runtime: Runtime, channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
  const result = await runtime.dispatch(channel, input);
  if (!result.ok) throw deserializeError(result.error);
  return result.value as OutputOf<C>;
}

/** The report's files into `dir` (made if absent); no file already there is overwritten. Returns the lines to print. */
export async function writeReport(runtime: Runtime, options: ReportOptions, dir: string): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const view = await call(runtime, 'reports:get', { period: options.period, profile: options.profile });
  // Every name checked before anything is made: a file that cannot be written must not be logged as released.
  const stem = reportStem(view.report);
  const names: Record<ReportOutput, string[]> = {
    json: [`${stem}-report.json`],
    csv: ['report.csv', 'codebook.csv'],
    xlsx: [`${stem}-report.xlsx`],
    docx: [`${stem}-report.docx`],
    cases: ['cases.csv', 'cases-codebook.csv'],
  };
  for (const name of options.outputs.flatMap((o) => names[o])) if (existsSync(join(dir, name))) throw new UsageError(`--out: файл ${join(dir, name)} уже є; оберіть порожню теку`);
  const written: string[] = [];
  for (const output of options.outputs) {
    const file = await call(runtime, 'reports:export', { period: options.period, profile: options.profile, output });
    const bytes = new Uint8Array(Buffer.from(file.base64, 'base64'));
    // CSV comes as the table and its code book in one zip: a directory gets them as the two files they are.
    const files = file.mimeType === 'application/zip' ? Object.entries(unzipSync(bytes)) : [[file.fileName, bytes] as const];
    for (const [name, data] of files) {
      const path = join(dir, name);
      if (existsSync(path)) throw new UsageError(`--out: файл ${path} уже є; оберіть порожню теку`);
      writeFileSync(path, data, { flag: 'wx', mode: 0o600 });
      written.push(name);
    }
  }
  const profile = options.profile === 'ministry' ? 'для Міністерства (точні числа)' : `для оприлюднення (приховано клітинок: ${view.suppressed})`;
  return [`Звіт за ${options.period} ${profile} збережено в ${dir}: ${written.join(', ')}`, `Обчислено з даних: подій журналу — ${view.report.data.auditCount}, останній відбиток ${view.report.data.auditHash.slice(0, 16)}…`];
}

/** The signed bundle to `out`; the lines to print name the key that signed it. */
export async function writeBundle(runtime: Runtime, options: ReportOptions, out: string): Promise<string[]> {
  const file = await call(runtime, 'reports:bundle', { period: options.period, profile: options.profile, outputs: options.outputs });
  writeFileSync(out, Buffer.from(file.base64, 'base64'), { flag: 'wx', mode: 0o644 });
  const key = (await call(runtime, 'reports:keys', {})).current!;
  return [`Підписаний пакет звіту за ${options.period} збережено: ${out}`, `Підписано ключем ${key.keyId}, відбиток ${key.fingerprint}. Перевірка: zlagoda verify ${out} --pubkey ОБЛАСТЬ.pub`];
}
