import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { hoursPhrase, tookPart } from '../../src/main/documents/trainings/training-words';
import { docxText } from '../fixtures/docx';
import { adminRuntime, call, cleanupTempDirs, failure } from '../fixtures/store';
import { certifiedTraining, newTraining, addParticipant } from '../fixtures/trainings';

afterEach(cleanupTempDirs);

/** ZLAGODA_DOCS_OUT=/some/dir keeps the files for a look (rendered to PDF and PNG by hand). */
const keep = (name: string, base64: string) => {
  if (process.env.ZLAGODA_DOCS_OUT) writeFileSync(`${process.env.ZLAGODA_DOCS_OUT}/${name}`, Buffer.from(base64, 'base64'));
};

describe('training documents', () => {
  it('prints a certificate with the number, the full name, the kind and title in quotes, dates, hours and organiser', async () => {
    const rt = await adminRuntime();
    const t = await certifiedTraining(rt, { title: 'Ідентифікація постраждалих від торгівлі людьми' });
    const holder = t.participantList.find((x) => x.certificate)!;
    const file = await call(rt, 'trainings:document', { trainingId: t.id, document: 'certificate', participantId: holder.id, format: 'docx' });
    keep('certificate.docx', file.base64);
    expect(file.fileName).toBe('sertyfikat-2026-001.docx');
    const text = docxText(Buffer.from(file.base64, 'base64'));
    for (const expected of [
      'СЕРТИФІКАТ',
      '№ 2026/001',
      'засвідчує, що',
      'Вигадайло Зоряна Мирославівна',
      'взяла участь у тренінгу',
      '«Ідентифікація постраждалих від торгівлі людьми»',
      '10.11.2026–11.11.2026, м. Полтава',
      'обсягом 16 академічних годин',
      'Дата видачі: 11.11.2026',
      t.organisers[0]!.name,
    ])
      expect(text).toContain(expected);
    expect(text).not.toContain('Небувайко');
    const audit = rt.core.requireStore().db.prepare("SELECT details FROM audit_events WHERE action = 'document.training_certificate'").pluck().get() as string;
    expect(JSON.parse(audit)).toEqual({ format: 'docx', participants: 1, participantId: holder.id });
  });

  it('prints all certificates of a training one a page, and refuses a participant without one', async () => {
    const rt = await adminRuntime();
    const t = await certifiedTraining(rt);
    const file = await call(rt, 'trainings:document', { trainingId: t.id, document: 'certificates', format: 'docx' });
    keep('certificates.docx', file.base64);
    const text = docxText(Buffer.from(file.base64, 'base64'));
    expect(text.match(/СЕРТИФІКАТ/g)).toHaveLength(2);
    expect(text).toContain('Небувайко Остап Левкович');
    expect(text).toContain('взяв участь');
    expect(text).not.toContain('Уявненко');
    const without = t.participantList.find((x) => !x.certificate)!;
    expect((await failure(rt, 'trainings:document', { trainingId: t.id, document: 'certificate', participantId: without.id, format: 'docx' })).details).toMatchObject({ reason: 'no_certificate' });
  });

  it('lists the participants with full names, positions, organisations, places, hours and certificates', async () => {
    const rt = await adminRuntime();
    const t = await certifiedTraining(rt);
    const file = await call(rt, 'trainings:document', { trainingId: t.id, document: 'participants', format: 'docx' });
    keep('participants.docx', file.base64);
    const text = docxText(Buffer.from(file.base64, 'base64'));
    for (const expected of ['СПИСОК УЧАСНИКІВ', 'тренінгу «Ідентифікація', 'Уявненко Ярина Богданівна', 'головний спеціаліст', 'Обласний центр соціальних служб', 'с. Андріївка, Решетилівська громада', '2026/002', 'Усього учасників: 3; отримали сертифікат: 2.'])
      expect(text).toContain(expected);
  });

  it('makes an attendance sheet with a signature column a day and blank rows to write in', async () => {
    const rt = await adminRuntime();
    const t = await newTraining(rt);
    await addParticipant(rt, t.id, 0);
    const file = await call(rt, 'trainings:document', { trainingId: t.id, document: 'attendance', format: 'docx' });
    keep('attendance.docx', file.base64);
    const text = docxText(Buffer.from(file.base64, 'base64'));
    for (const expected of ['ЛИСТ РЕЄСТРАЦІЇ УЧАСНИКІВ', 'Дата проведення: 10.11.2026–11.11.2026', 'Місце проведення: м. Полтава, вул. Соборності, 45, зала засідань', 'Підпис\n10.11.2026', 'Підпис\n11.11.2026', 'Вигадайло Зоряна Мирославівна'])
      expect(text).toContain(expected);
    // One listed, eight blank: rows numbered to 9.
    expect(text).toContain('\n9\n');
  });

  it('refuses PDF where no printer is, before auditing', async () => {
    const rt = await adminRuntime();
    const t = await newTraining(rt);
    const before = rt.core.requireStore().db.prepare('SELECT COUNT(*) FROM audit_events').pluck().get();
    expect((await failure(rt, 'trainings:document', { trainingId: t.id, document: 'attendance', format: 'pdf' })).code).toBe('PDF_UNAVAILABLE');
    expect(rt.core.requireStore().db.prepare('SELECT COUNT(*) FROM audit_events').pluck().get()).toBe(before);
  });

  it('writes the register of a year’s certificates as a workbook, by number', async () => {
    const rt = await adminRuntime();
    await certifiedTraining(rt);
    await certifiedTraining(rt, { title: 'Другий', startsOn: '2026-11-16', endsOn: '2026-11-17' });
    const file = await call(rt, 'trainings:register', { year: 2026 });
    keep('register.xlsx', file.base64);
    expect(file.fileName).toBe('reiestr-sertyfikativ-2026.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const ws = book.worksheets[0]!;
    expect(ws.getRow(1).getCell(2).value).toBe('Номер сертифіката');
    expect([2, 3, 4, 5].map((r) => ws.getRow(r).getCell(2).value)).toEqual(['2026/001', '2026/002', '2026/003', '2026/004']);
    expect(ws.getRow(2).getCell(4).value).toBe('Вигадайло Зоряна Мирославівна');
    expect(ws.getRow(4).getCell(6).value).toBe('Другий');
    expect(ws.getRow(2).getCell(3).value).toEqual(new Date('2026-11-11T00:00:00Z'));
    const audit = rt.core.requireStore().db.prepare("SELECT details FROM audit_events WHERE action = 'document.certificate_register'").pluck().get() as string;
    expect(JSON.parse(audit)).toEqual({ year: 2026, certificates: 4 });
  });

  it('words agree with the number and the person', () => {
    expect(hoursPhrase(1)).toBe('1 академічна година');
    expect(hoursPhrase(3)).toBe('3 академічні години');
    expect(hoursPhrase(16)).toBe('16 академічних годин');
    expect(hoursPhrase(7.5)).toBe('7,5 академічної години');
    expect([tookPart('Петрівна'), tookPart('Ілліч'), tookPart('Петрович'), tookPart('')]).toEqual(['взяла', 'взяв', 'взяв', 'взяв(ла)']);
  });
});
