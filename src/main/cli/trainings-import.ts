import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Channel, InputOf, OutputOf } from '../../shared/contract';
import type { CheckedRow } from '../../shared/domain/trainings';
import { deserializeError } from '../../shared/errors';
import trainingsUk from '../../shared/i18n/features/trainings.uk.json';
import { rowsFromSheet } from '../features/trainings/trainings.import';
import type { Dispatch } from '../ipc/dispatcher';

/**
 * `zlagoda trainings import`: a sign-in sheet into a training's participants by the same channels the window uses
 * (readSheet → the guessed columns → checkImport → import). A person trained before is taken only when the match is
 * strong (same full name and organisation); any other row is a new person. `--dry-run` reports and changes nothing.
 */

export interface TrainingsImportOptions {
  trainingId: string;
  file: string;
  dryRun: boolean;
}

const problemWords = trainingsUk.trainings.problems as Record<string, string>;

async function call<C extends Channel>(dispatch: Dispatch, channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
  const result = await dispatch(channel, input);
  if (!result.ok) throw deserializeError(result.error);
  return result.value as OutputOf<C>;
}

/** «Рядок 7: не вказано прізвище; організації «…» немає в довіднику». */
export function rowReport(row: Pick<CheckedRow, 'row' | 'problems'>): string {
  const words = row.problems.map((p) => (problemWords[p.problem] ?? p.problem).replace(/\{\{detail\}\}/g, p.detail));
  return `Рядок ${row.row}: ${words.join('; ')}`;
}

/** The people trained before the import takes: exactly one strong match, otherwise a new person. */
const decide = (row: CheckedRow): string => {
  const strong = row.matches.filter((m) => m.strong);
  return strong.length === 1 ? strong[0]!.traineeId : 'new';
};

export async function importTrainingSheet(dispatch: Dispatch, options: TrainingsImportOptions, print: (line: string) => void): Promise<number> {
  const bytes = readFileSync(options.file);
  const training = await call(dispatch, 'trainings:get', { id: options.trainingId });
  const sheet = await call(dispatch, 'trainings:readSheet', { fileName: basename(options.file), base64: bytes.toString('base64') });
  const { mapping } = sheet;
  if (mapping.fullName === undefined && (mapping.surname === undefined || mapping.name === undefined)) {
    print('Не вдалося розпізнати стовпці з іменами: назвіть стовпець «ПІБ» або стовпці «Прізвище» та «Ім’я» і спробуйте ще раз.');
    return 1;
  }
  const rows = rowsFromSheet(sheet, mapping);
  const check = await call(dispatch, 'trainings:checkImport', { trainingId: training.id, rows });
  for (const row of check.rows) if (row.problems.length > 0) print(rowReport(row));
  const decided = rows.map((r, i) => ({ ...r, match: check.rows[i]!.matches.length ? decide(check.rows[i]!) : null }));
  const known = decided.filter((r) => r.match !== null && r.match !== 'new').length;
  print(`Навчання «${training.title}»: рядків — ${check.rows.length}, придатних — ${check.good}, з помилками — ${check.bad}; навчалися раніше — ${known}.`);
  if (check.bad > 0) {
    print('Нічого не імпортовано: виправте рядки з помилками в таблиці й запустіть команду ще раз.');
    return 1;
  }
  if (options.dryRun) {
    print('Перевірка без змін (--dry-run): нічого не імпортовано.');
    return 0;
  }
  const done = await call(dispatch, 'trainings:import', { trainingId: training.id, rows: decided });
  print(`Імпортовано учасників: ${done.imported}. Тепер у навчанні учасників: ${done.training.participants}.`);
  return 0;
}
