import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { CASE_DOCUMENTS, type CaseDocument } from '../../src/shared/contract/cases';
import type { DocumentFile } from '../../src/shared/contract/meetings';
import { DEFAULT_CASE_OPTIONS } from '../../src/shared/domain/parameters';
import { FIELDS, forwardedCase, OFFICIAL, PLANTED, registerCase, step } from '../fixtures/cases';
import { ready, refusedLongAgo, signInWithout } from '../fixtures/channel-examples';
import { docxText } from '../fixtures/docx';
import { ADMIN, adminRuntime, call, cleanupTempDirs, failure, type TestRuntime } from '../fixtures/store';

afterEach(cleanupTempDirs);

/** Set to keep the files for a visual check (HTML → Chromium PDF → PNG). */
const SAMPLES = process.env.ZLAGODA_SAMPLES_DIR;

function save(file: DocumentFile): void {
  if (!SAMPLES) return;
  mkdirSync(SAMPLES, { recursive: true });
  writeFileSync(join(SAMPLES, file.fileName), Buffer.from(file.base64, 'base64'));
}

const LETTERHEAD = {
  body: 'Полтавська районна військова адміністрація',
  unit: 'Управління соціального захисту населення',
  address: 'вул. Соборності, 45, м. Полтава, 36000',
  phone: '(0532) 56-00-00',
  email: 'uszn@poltava-rva.gov.ua',
  code: '12345678',
  signerPosition: 'Начальник управління соціального захисту населення',
  signerName: 'Олена ПЕТРЕНКО',
};
const FULL_NAME = `${PLANTED.surname} ${PLANTED.givenName} ${PLANTED.patronymic}`;
const FOREIGNER = { surname: 'Ковальська', givenName: 'Анна', patronymic: '', citizenship: 'PL', birthDate: '2001-07-30', identityDocument: 'паспорт громадянки Республіки Польща EA 1234567' };

/** A store with the letterhead set and a case that went the whole way: granted, notified, certificate issued. */
async function store() {
  const rt = await ready();
  await call(rt, 'parameters:saveOptions', { ...DEFAULT_CASE_OPTIONS, letterhead: LETTERHEAD });
  const c = await forwardedCase(rt, { documentsReceived: ['копія паспорта громадянина України', 'медичний висновок від 30.10.2026'] });
  await step(rt, c.id, { kind: 'decision', date: '2026-11-16', number: '12', outcome: 'granted' });
  await step(rt, c.id, { kind: 'notified', date: '2026-11-17', number: '01-15/251' });
  const granted = await step(rt, c.id, { kind: 'certificate', date: '2026-11-18', number: '5' });
  const foreign = await registerCase(rt, { registrationNumber: '2', registrationDate: '2026-11-05' }, FOREIGNER);
  await step(rt, foreign.id, { kind: 'foreigner_certificate', date: '2026-11-05', number: '01-15/236' });
  return { rt, granted, foreign };
}

function events(rt: TestRuntime, after = 0) {
  return rt.core
    .requireStore()
    .db.prepare('SELECT seq, action, entity, entity_id AS entityId, details FROM audit_events WHERE seq > ? ORDER BY seq')
    .all(after)
    .map((e) => {
      const row = e as { seq: number; action: string; entity: string; entityId: string; details: string };
      // The log keeps details canonicalised (keys sorted): compared as objects, read as text for leaks.
      return { ...row, data: JSON.parse(row.details) as unknown };
    });
}

/** The documents keep «№ 12» and «2012 р.» together with a no-break space; the checks read it as a space. */
const flat = (text: string): string => text.replace(/\u00a0/g, ' ');

const lastSeq = (rt: TestRuntime) => rt.core.requireStore().db.prepare('SELECT max(seq) FROM audit_events').pluck().get() as number;

async function document(rt: TestRuntime, caseId: string, which: CaseDocument, format: 'docx' | 'html' | 'pdf' = 'docx') {
  const file = await call(rt, 'cases:document', { caseId, document: which, format });
  save(file);
  return { file, text: flat(format === 'docx' ? docxText(Buffer.from(file.base64, 'base64')) : Buffer.from(file.base64, 'base64').toString('utf8')) };
}

/** The cells of the first sheet by reference («C2»): text, number, or the serial and style of a date. */
/** The first sheet read back as Excel would: its cells, row count, frozen view, fonts and formats. */
async function sheetOf(file: DocumentFile) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
  return workbook.worksheets[0]!;
}

describe('case documents', () => {
  it('makes each of the seven documents as DOCX, named by the case code, with what each must say', async () => {
    const { rt, granted, foreign } = await store();
    const expected: Record<CaseDocument, { has: string[]; named: boolean }> = {
      application: { has: ['ЗАЯВА', 'про встановлення статусу особи, яка постраждала від торгівлі людьми', FULL_NAME, '12.04.1998', 'копія паспорта громадянина України', 'Заяву зареєстровано в журналі реєстрації заяв 02.11.2026 за № 1', 'Ірина САВЧЕНКО', '______________ Фантазія ВИГАДАНЕНКО'], named: true },
      undertaking: { has: ['РОЗПИСКА', 'про нерозголошення відомостей', `Я, ${OFFICIAL}`, `справа № 1 від 02.11.2026, код ${granted.code}`, '03.11.2026', 'Ірина САВЧЕНКО'], named: false },
      record_card: { has: ['ОБЛІКОВА КАРТКА', FULL_NAME, `Код особи ${granted.code}`, 'Запит до Національної поліції', '04.11.2026', '01-15/233', 'кримінальне провадження № 12026170000000123', 'статус діє до'], named: true },
      police_request: { has: ['ПОЛТАВСЬКА РАЙОННА ВІЙСЬКОВА АДМІНІСТРАЦІЯ', 'УПРАВЛІННЯ СОЦІАЛЬНОГО ЗАХИСТУ НАСЕЛЕННЯ', 'Код згідно з ЄДРПОУ 12345678', '04.11.2026 № 01-15/233', 'Про надання інформації', FULL_NAME, 'громадянство: Україна', 'трудова експлуатація', 'Польща', 'частина третя статті 15', 'Начальник управління соціального захисту населення', 'Олена ПЕТРЕНКО', 'Савченко Ірина (0532) 56-00-00'], named: true },
      cover_letter: { has: ['11.11.2026 № 01-15/240', 'Національна соціальна сервісна служба України', 'Про направлення особової справи', `код особи ${granted.code}`, 'Запит до територіального органу Національної поліції надіслано 04.11.2026 № 01-15/233', 'кримінальне провадження № 12026170000000123', '2. Копія паспорта громадянина України.', '3. Медичний висновок від 30.10.2026.', 'Олена ПЕТРЕНКО'], named: false },
      decision_notice: { has: ['17.11.2026 № 01-15/251', 'Вигаданенко Фантазії Уявлівні', 'Про встановлення статусу', 'рішення від 16.11.2026 № 12', 'Довідку про встановлення статусу від 18.11.2026 № 5 видано', 'одноразову матеріальну допомогу'], named: true },
      foreigner_certificate: { has: ['ДОВІДКА', '05.11.2026 № 01-15/236', 'Ковальській Анні', 'громадянство: Польща', 'звернулася', 'частини четвертої статті 14', 'М. П.'], named: true },
    };
    for (const which of CASE_DOCUMENTS) {
      const c = which === 'foreigner_certificate' ? foreign : granted;
      const before = lastSeq(rt);
      const { file, text } = await document(rt, c.id, which);
      expect(file.fileName, which).toMatch(new RegExp(`^[a-z-]+-${c.code}\\.docx$`));
      expect(file.fileName).not.toContain(PLANTED.surname);
      expect(file.mimeType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      for (const needle of expected[which].has) expect(text, `${which}: «${needle}»`).toContain(needle);
      if (!expected[which].named) {
        expect(text, which).not.toContain(PLANTED.surname);
        expect(text, which).not.toContain(PLANTED.givenName);
      }
      const written = events(rt, before);
      expect(written.map((e) => e.action), which).toEqual(['document.case_file', ...(expected[which].named ? ['personal.read'] : [])]);
      expect(written[0]).toMatchObject({ entity: 'case', entityId: c.id, data: { document: which, format: 'docx' } });
      if (expected[which].named) expect(written[1]).toMatchObject({ entity: 'person', entityId: c.personId, data: { channel: 'cases:document' } });
    }
    expect((await document(rt, granted.id, 'police_request')).file.fileName).toBe(`zapyt-politsiia-${granted.code}.docx`);
    // Names belong in the files, never in the log.
    const details = events(rt).map((e) => e.details).join('\n');
    expect(details).not.toContain(PLANTED.surname);
    expect(details).not.toContain(FOREIGNER.surname);
  });

  it('refuses a letter whose step is missing, and a foreigner’s certificate for a citizen, before anything is audited', async () => {
    const rt = await ready();
    const c = await registerCase(rt);
    const before = lastSeq(rt);
    for (const [which, kind] of [
      ['police_request', 'police_request'],
      ['cover_letter', 'forwarded'],
      ['decision_notice', 'decision'],
    ] as const) {
      const error = await failure(rt, 'cases:document', { caseId: c.id, document: which, format: 'docx' });
      expect(error.code).toBe('INVALID_STATE');
      expect(error.details).toEqual({ reason: 'document_needs_step', step: kind });
    }
    const citizen = await failure(rt, 'cases:document', { caseId: c.id, document: 'foreigner_certificate', format: 'docx' });
    expect(citizen.details).toEqual({ reason: 'not_foreigner' });
    expect(lastSeq(rt)).toBe(before);
    // Without a printer PDF is refused the same way: nothing was exported, so nothing is logged.
    expect((await failure(rt, 'cases:document', { caseId: c.id, document: 'application', format: 'pdf' })).code).toBe('PDF_UNAVAILABLE');
    expect(lastSeq(rt)).toBe(before);
  });

  it('tells a refused applicant the reason and the right to go to court; the print page is the same letter', async () => {
    const rt = await ready();
    const c = await refusedLongAgo(rt);
    const { text } = await document(rt, c.id, 'decision_notice');
    expect(text).toContain('Про відмову у встановленні статусу');
    expect(text).toContain('Підстава відмови: не підтверджено підстав для встановлення статусу.');
    expect(text).toContain('частини четвертої статті 15 Закону України «Про протидію торгівлі людьми» це рішення може бути оскаржене в судовому порядку');
    // No letterhead set: the body that received the application heads the letter, and blanks wait for the signer.
    expect(text).toContain(FIELDS.receivingBodyName.toLocaleUpperCase('uk'));
    const html = await document(rt, c.id, 'decision_notice', 'html');
    expect(html.file).toMatchObject({ fileName: `povidomlennia-pro-rishennia-${c.code}.html`, mimeType: 'text/html' });
    expect(html.text).toContain('@page { size: A4;');
    expect(html.text).toContain('Підстава відмови: не підтверджено підстав для встановлення статусу.');
    expect(html.text).toContain('<title>Повідомлення про рішення</title>');
  });

  it('prints PDF from the very print page, a register across the page', async () => {
    const printed: string[] = [];
    const rt = await adminRuntime({ pdf: { print: async (html) => (printed.push(html), Buffer.from('%PDF-1.7 test')) } });
    const c = await forwardedCase(rt);
    const before = lastSeq(rt);
    const file = await call(rt, 'cases:document', { caseId: c.id, document: 'cover_letter', format: 'pdf' });
    expect(file).toMatchObject({ fileName: `suprovidnyi-lyst-${c.code}.pdf`, mimeType: 'application/pdf' });
    expect(Buffer.from(file.base64, 'base64').toString()).toBe('%PDF-1.7 test');
    expect(flat(printed[0]!)).toContain('Про направлення особової справи');
    expect(events(rt, before)[0]).toMatchObject({ action: 'document.case_file', data: { document: 'cover_letter', format: 'pdf' } });
    const register = await call(rt, 'cases:registerBook', { book: 'applications', year: 2026, format: 'pdf' });
    expect(register.fileName).toBe('zhurnal-zaiav-2026.pdf');
    expect(printed[1]).toContain('@page { size: A4 landscape; }');
  });

  it('asks an incomplete application for what is missing, line by line', async () => {
    const rt = await ready();
    const c = await forwardedCase(rt);
    await step(rt, c.id, { kind: 'decision', date: '2026-11-16', number: '13', outcome: 'incomplete', note: 'копія довідки про взяття на облік ВПО\nмедичний висновок' });
    const { text } = await document(rt, c.id, 'decision_notice');
    expect(text).toContain('Про доповнення документів');
    expect(text).toContain('повернути заяву для доповнення документів');
    expect(text).toContain('1. копія довідки про взяття на облік ВПО');
    expect(text).toContain('2. медичний висновок');
    // Not yet sent: the outgoing number and date are left for the registry.
    expect(text).toContain('____________ № ____________');
  });

  it('gives the application register as a workbook: bold frozen header, one row a case, dates as dates', async () => {
    const { rt, granted, foreign } = await store();
    await registerCase(rt, { registrationNumber: '10', registrationDate: '2026-11-19' }, { surname: 'Третяк', givenName: 'Марія', patronymic: 'Іванівна' });
    await registerCase(rt, { registrationNumber: '2025-7', registrationDate: '2025-12-30' });
    const before = lastSeq(rt);
    const file = await call(rt, 'cases:registerBook', { book: 'applications', year: 2026, format: 'xlsx' });
    save(file);
    expect(file).toMatchObject({ fileName: 'zhurnal-zaiav-2026.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    const sheet = await sheetOf(file);
    const text = (ref: string) => String(sheet.getCell(ref).value ?? '');
    expect(sheet.rowCount).toBe(1 + 3);
    expect(text('A1')).toBe('№ з/п');
    expect(text('B1')).toBe('Номер заяви');
    expect(text('E1')).toBe('Прізвище, ім’я, по батькові заявника');
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', printTitlesRow: '1:1' });
    // Ordered by registration: 02.11 (№ 1), 05.11 (№ 2), 19.11 (№ 10).
    expect([text('B2'), text('B3'), text('B4')]).toEqual(['1', '2', '10']);
    expect(sheet.getCell('A4').value).toBe(3);
    expect(sheet.getCell('C2').value).toEqual(new Date('2026-11-02T00:00:00Z'));
    expect(sheet.getCell('C2').numFmt).toBe('dd.mm.yyyy');
    expect(text('D2')).toBe(granted.code);
    expect(text('E2')).toBe(FULL_NAME);
    expect(text('G2')).toBe('статус встановлено (рішення № 12)');
    expect(sheet.getCell('H2').value).toEqual(new Date('2026-11-16T00:00:00Z'));
    expect(text('I3')).toContain('іноземець');
    expect(sheet.getColumn(1).width).toBe(7);
    // One read of personal data per person listed; the register event names the year, not a person.
    const written = events(rt, before);
    expect(written[0]).toMatchObject({ action: 'document.register_book', entity: 'case', entityId: '2026', data: { book: 'applications', year: 2026, format: 'xlsx' } });
    const read = written.filter((e) => e.action === 'personal.read').map((e) => e.entityId);
    expect(new Set(read).size).toBe(3);
    expect(read).toEqual(expect.arrayContaining([granted.personId, foreign.personId]));
    expect(written.map((e) => e.details).join('\n')).not.toContain(PLANTED.surname);
    // The same bytes for the same register: nothing in the file depends on when it was made.
    expect((await call(rt, 'cases:registerBook', { book: 'applications', year: 2026, format: 'xlsx' })).base64).toBe(file.base64);
  });

  it('gives the certificate register as a landscape DOCX table with a column for the recipient’s signature', async () => {
    const { rt, granted } = await store();
    const file = await call(rt, 'cases:registerBook', { book: 'certificates', year: 2026, format: 'docx' });
    save(file);
    expect(file.fileName).toBe('zhurnal-dovidok-2026.docx');
    const buffer = Buffer.from(file.base64, 'base64');
    expect(strFromU8(unzipSync(new Uint8Array(buffer))['word/document.xml']!)).toContain('w:orient="landscape"');
    const text = flat(docxText(buffer));
    expect(text).toContain('реєстрації видачі довідок про встановлення статусу особи, яка постраждала від торгівлі людьми');
    expect(text).toContain('Підпис особи, яка отримала довідку');
    expect(text).toContain(granted.code);
    expect(text).toContain(FULL_NAME);
    expect(text).toContain('18.11.2026');
    // Only the case with a certificate: the foreigner's application has none.
    expect(text).not.toContain(FOREIGNER.surname);
    const xlsx = await sheetOf(await call(rt, 'cases:registerBook', { book: 'certificates', year: 2026, format: 'xlsx' }));
    expect(xlsx.rowCount).toBe(2);
    expect(xlsx.getCell('B2').value).toBe('5');
    expect(xlsx.getCell('H2').numFmt).toBe('dd.mm.yyyy');
    const html = await call(rt, 'cases:registerBook', { book: 'certificates', year: 2026, format: 'html' });
    save(html);
    expect(Buffer.from(html.base64, 'base64').toString('utf8')).toContain('@page { size: A4 landscape; }');
    const empty = await call(rt, 'cases:registerBook', { book: 'certificates', year: 2019, format: 'docx' });
    expect(docxText(Buffer.from(empty.base64, 'base64'))).toContain('Записів за рік немає.');
  });

  it('gives a person everything held about them, with who worked with their data and when', async () => {
    const { rt, granted } = await store();
    await call(rt, 'cases:person', { id: granted.personId });
    await call(rt, 'cases:document', { caseId: granted.id, document: 'police_request', format: 'docx' });
    const before = lastSeq(rt);
    const file = await call(rt, 'cases:subjectAccess', { personId: granted.personId });
    save(file);
    expect(file.fileName).toBe(`vidomosti-pro-osobu-${granted.code}.docx`);
    const text = flat(docxText(Buffer.from(file.base64, 'base64')));
    for (const needle of [
      'ВІДОМОСТІ',
      'статті 8 Закону України «Про захист персональних даних»',
      FULL_NAME,
      '12.04.1998',
      'паспорт громадянина України (ID-картка) № 000000000',
      'Справа № 1 від 02.11.2026',
      'Відповідь Національної поліції',
      'територіальний орган Національної поліції: запит від 04.11.2026 № 01-15/233',
      'Національна соціальна сервісна служба України: особова справа, лист від 11.11.2026 № 01-15/240',
      'Перегляд персональних даних: картка особи',
      'Перегляд персональних даних: документ справи',
      'Етап процедури внесено: співбесіда',
      'Заяву зареєстровано',
      ADMIN.displayName,
    ]) {
      expect(text, needle).toContain(needle);
    }
    const written = events(rt, before);
    expect(written.map((e) => [e.action, e.entity, e.entityId, e.data])).toEqual([
      ['document.subject_access', 'person', granted.personId, {}],
      ['personal.read', 'person', granted.personId, { channel: 'cases:subjectAccess' }],
    ]);
  });

  it('is for case officers only: a secretary gets FORBIDDEN and no file', async () => {
    const rt = await ready();
    const c = await forwardedCase(rt);
    await signInWithout(rt, 'personal.read');
    expect((await failure(rt, 'cases:document', { caseId: c.id, document: 'police_request', format: 'docx' })).code).toBe('FORBIDDEN');
    expect((await failure(rt, 'cases:registerBook', { book: 'applications', year: 2026, format: 'xlsx' })).code).toBe('FORBIDDEN');
    expect((await failure(rt, 'cases:subjectAccess', { personId: c.personId })).code).toBe('FORBIDDEN');
    expect(events(rt).filter((e) => e.action.startsWith('document.'))).toEqual([]);
  });
});
