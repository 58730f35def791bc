import { writeFileSync } from 'node:fs';
import type { Channel, InputOf, OutputOf } from '../../shared/contract';
import { COVERAGE_GAPS, type CoverageGap } from '../../shared/domain/coverage';
import { AppError, deserializeError } from '../../shared/errors';
import uk from '../../shared/i18n/uk.json';
import type { Runtime } from '../runtime';
import { UsageError } from './passphrase';

/** `zlagoda coverage`: the coverage workbook through the dispatcher, as the screen's «Export» makes it. */

const GAP_HELP = 'no_training (без навчань за 12 місяців), no_event (без профілактичних заходів), no_coordinator (без координатора), no_agreement (без меморандуму чи програми)';

/** The filter from the command's options; a mistake is said in Ukrainian with what to type instead. */
export function coverageFilter(raion: string | undefined, gap: string | undefined): { raion: string; gaps: CoverageGap[] } {
  const code = (raion ?? '').trim().toUpperCase();
  if (code !== '' && !/^UA\d{17}$/.test(code)) throw new UsageError('--raion: код району КАТОТТГ — латинські «UA» і 17 цифр, наприклад UA53080000000068029');
  const gaps = (gap ?? '').split(',').map((g) => g.trim()).filter(Boolean);
  const unknown = gaps.filter((g) => !(COVERAGE_GAPS as readonly string[]).includes(g));
  if (unknown.length) throw new UsageError(`--gap: невідомий відбір «${unknown.join(', ')}»; можливі: ${GAP_HELP}`);
  return { raion: code, gaps: [...new Set(gaps)] as CoverageGap[] };
}

async function call<C extends Channel>(runtime: Runtime, channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
  const result = await runtime.dispatch(channel, input);
  if (!result.ok) throw deserializeError(result.error);
  return result.value as OutputOf<C>;
}

const validation = uk.validation as Record<string, string>;

/** Writes the workbook to `out` (a new file, readable by this user only) and returns the lines to print. */
export async function exportCoverage(runtime: Runtime, filter: { raion: string; gaps: CoverageGap[] }, out: string): Promise<string[]> {
  let coverage: OutputOf<'coverage:get'>;
  try {
    coverage = await call(runtime, 'coverage:get', filter);
  } catch (error) {
    // A raion of another oblast is the option's mistake: said against --raion, in the window's words.
    const key = error instanceof AppError && error.details.field === 'raion' ? (error.details.issues as { key?: string }[] | undefined)?.[0]?.key : undefined;
    if (key && validation[key]) throw new UsageError(`--raion: ${validation[key]}`);
    throw error;
  }
  if (!coverage.oblast) throw new Error(validation.oblastNotSet);
  const file = await call(runtime, 'coverage:export', filter);
  // The workbook names the hromadas' coordinators: readable by this user only, and the message says it is not encrypted.
  writeFileSync(out, Buffer.from(file.base64, 'base64'), { flag: 'wx', mode: 0o600 });
  const scope = filter.raion || filter.gaps.length ? `громад у відборі — ${coverage.hromadas.length} з ${coverage.total}` : `громад — ${coverage.total}`;
  return [
    `Таблицю охоплення громад (${coverage.oblast.name} область, ${scope}) збережено: ${out}`,
    'Увага: файл містить імена координаторів у громадах і не зашифрований. Тримайте його лише там, де дозволено зберігати службові документи, і видаліть, коли він більше не потрібен.',
  ];
}
