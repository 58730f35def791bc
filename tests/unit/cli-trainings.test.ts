import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importTrainingSheet } from '../../src/main/cli/trainings-import';
import { adminRuntime, call, cleanupTempDirs, tempDir, type TestRuntime } from '../fixtures/store';
import { addParticipant, newTraining } from '../fixtures/trainings';

afterEach(cleanupTempDirs);

const count = (rt: TestRuntime, table: string) => rt.core.requireStore().db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;

function sheetFile(lines: string[]): string {
  const file = join(tempDir(), 'лист.csv');
  writeFileSync(file, lines.join('\n'));
  return file;
}

async function run(rt: TestRuntime, trainingId: string, file: string, dryRun: boolean) {
  const out: string[] = [];
  const code = await importTrainingSheet(rt.dispatch, { trainingId, file, dryRun }, (line) => out.push(line));
  return { code, out };
}

describe('zlagoda trainings import', () => {
  it('reports bad rows by sheet row number in Ukrainian, exits non-zero and changes nothing', async () => {
    const rt = await adminRuntime();
    const t = await newTraining(rt);
    const file = sheetFile(['ПІБ;Організація;Години', 'Вигадайло Зоряна Мирославівна;ОЦСС;16', ';;', 'Безпрізвищна;Невідома установа;16', 'Небувайко Остап Левкович;ОЦСС;20']);
    const before = { participants: count(rt, 'training_participants'), audit: count(rt, 'audit_events') };
    for (const dryRun of [true, false]) {
      const { code, out } = await run(rt, t.id, file, dryRun);
      expect(code).toBe(1);
      expect(out).toContain('Рядок 4: не вказано прізвище; організації «Невідома установа» немає в довіднику');
      expect(out).toContain('Рядок 5: годин більше, ніж триває навчання (16)');
      expect(out.at(-1)).toContain('Нічого не імпортовано');
    }
    expect({ participants: count(rt, 'training_participants'), audit: count(rt, 'audit_events') }).toEqual(before);
  });

  it('a dry run of a good sheet changes nothing; the run imports, taking strong matches and making the rest new', async () => {
    const rt = await adminRuntime();
    const earlier = await newTraining(rt, { title: 'Попередній', startsOn: '2026-10-01', endsOn: '2026-10-01', hours: 4 });
    const seen = (await addParticipant(rt, earlier.id, 0, { hoursAttended: 4 })).participantList[0]!;
    const t = await newTraining(rt);
    const file = sheetFile(['ПІБ;Організація;Присутність', 'Вигадайло Зоряна Мирославівна;Обласний центр соціальних служб;так', 'Небувайко Остап Левкович;ОЦСС;повністю']);
    const dry = await run(rt, t.id, file, true);
    expect(dry.code).toBe(0);
    expect(dry.out.join('\n')).toContain('придатних — 2, з помилками — 0; навчалися раніше — 1');
    expect(count(rt, 'training_participants')).toBe(1);

    const real = await run(rt, t.id, file, false);
    expect(real.code).toBe(0);
    expect(real.out.at(-1)).toBe('Імпортовано учасників: 2. Тепер у навчанні учасників: 2.');
    const card = await call(rt, 'trainings:get', { id: t.id });
    expect(card.participantList.find((x) => x.surname === 'Вигадайло')!.traineeId).toBe(seen.traineeId);
    expect(count(rt, 'trainees')).toBe(2);
  });

  it('says which columns it needs when it finds no names', async () => {
    const rt = await adminRuntime();
    const t = await newTraining(rt);
    const { code, out } = await run(rt, t.id, sheetFile(['Колонка;Інша', 'а;б']), false);
    expect(code).toBe(1);
    expect(out[0]).toContain('«ПІБ»');
  });
});
