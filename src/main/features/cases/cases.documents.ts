import type { Case } from '../../../shared/domain/cases';
import { AppError } from '../../../shared/errors';
import { formatKyivDateTime, kyivDate } from '../../../shared/time';
import { CASE_DOCUMENT_SPECS, caseDocumentBlocks } from '../../documents/cases/case-documents';
import { lastStep } from '../../documents/cases/case-words';
import { fullNameInDative } from '../../documents/cases/dative';
import type { CaseDocumentData } from '../../documents/cases/letter';
import { registerBlocks, registerPersons, registerSheet, registerStem, registerTitle, type RegisterData } from '../../documents/cases/registers';
import { subjectAccessBlocks, type SubjectAccessData } from '../../documents/cases/subject-access';
import { pack } from '../../documents/minutes/minutes.docx';
import { page } from '../../documents/minutes/minutes.html';
import { renderXlsx, XLSX_MIME } from '../../documents/table/xlsx';
import type { FeatureHandlers } from '../../kernel/context';
import { deliver, DOCX_MIME, printerFor } from '../../kernel/document-file';
import type { AppCore } from '../../kernel/session';
import { getSetting } from '../../store/settings';
import { clockOf } from '../parameters/parameters.repository';
import { sentReferrals } from '../referrals/referrals.repository';
import { eventWords } from './cases.event-words';
import { caseIdsOfPerson, findPerson, loadCase, loadPerson, personEvents, personFullName, registerCaseIds } from './cases.repository';

/** Every export that puts a person's name in a file is a read of their personal data, as a screen showing it is. */
function auditRead(core: AppCore, personId: string, channel: string): void {
  core.audit({ action: 'personal.read', entity: 'person', entityId: personId, details: { channel } });
}

/** The administration's name where the letterhead has none: the body that received the applications. */
const bodyOf = (body: string, cases: readonly Case[]): string => body.trim() || (cases[0]?.fields.receivingBodyName ?? '');

/**
 * The documents of the status procedure. Like the minutes, each reads its data and writes its audit events in one
 * transaction of its own and renders outside it, since the docx package packs asynchronously. A document that
 * cannot be made (its step missing, a foreigner's certificate for a citizen) is refused before anything is audited.
 * Files are named by the case code, never by the person; audit details hold codes and formats, never a name.
 */
export const caseDocumentHandlers = {
  'cases:document': async (input, { core }) => {
    const store = core.requireStore();
    const printer = printerFor(core, input.format);
    const today = kyivDate(core.deps.env.clock());
    const spec = CASE_DOCUMENT_SPECS[input.document];
    const { data, step } = store.db.transaction(() => {
      const db = store.db;
      const card = loadCase(db, input.caseId, clockOf(db, today));
      if (!card) throw new AppError('NOT_FOUND', 'no such case');
      if (spec.foreignerOnly && !card.foreigner) throw new AppError('INVALID_STATE', 'the document is for a foreigner only', { reason: 'not_foreigner' });
      const from = spec.step ? lastStep(card, spec.step) : null;
      if (spec.step && !from) throw new AppError('INVALID_STATE', 'the document needs its step', { reason: 'document_needs_step', step: spec.step });
      const person = spec.names ? (loadPerson(db, card.personId, today) ?? null) : null;
      if (spec.names && !person) throw new AppError('INVALID_STATE', 'the person was anonymised', { reason: 'anonymised' });
      core.audit({ action: 'document.case_file', entity: 'case', entityId: card.id, details: { document: input.document, format: input.format } });
      if (person) auditRead(core, person.id, 'cases:document');
      const loaded: CaseDocumentData = { letterhead: getSetting(db, 'caseOptions').letterhead, card, person, dative: null };
      return { data: loaded, step: from };
    })();
    if (data.person) data.dative = await fullNameInDative(data.person);
    const blocks = caseDocumentBlocks(input.document, data, step, today);
    return deliver(input.format, printer, `${spec.stem}-${data.card.code}`, () => page(spec.title, blocks), () => pack(blocks, spec.title));
  },

  'cases:registerBook': async (input, { core }) => {
    const store = core.requireStore();
    const printer = input.format === 'xlsx' ? null : printerFor(core, input.format);
    const today = kyivDate(core.deps.env.clock());
    const data = store.db.transaction((): RegisterData => {
      const db = store.db;
      const clock = clockOf(db, today);
      const cases = registerCaseIds(db, input.book, input.year).map((id) => {
        const card = loadCase(db, id, clock)!;
        return { card, name: personFullName(db, card.personId) };
      });
      const loaded: RegisterData = {
        book: input.book,
        year: input.year,
        body: bodyOf(getSetting(db, 'caseOptions').letterhead.body, cases.map((c) => c.card)),
        cases,
      };
      core.audit({ action: 'document.register_book', entity: 'case', entityId: String(input.year), details: { book: input.book, year: input.year, format: input.format } });
      for (const personId of registerPersons(loaded)) auditRead(core, personId, 'cases:registerBook');
      return loaded;
    })();
    const stem = registerStem(input.book, input.year);
    if (input.format === 'xlsx') return { fileName: `${stem}.xlsx`, mimeType: XLSX_MIME, base64: (await renderXlsx(registerSheet(data))).toString('base64') };
    const title = registerTitle(input.book, input.year);
    const blocks = registerBlocks(data);
    return deliver(input.format, printer, stem, () => page(title, blocks, { landscape: true }), () => pack(blocks, title, { landscape: true }));
  },

  'cases:subjectAccess': async (input, { core }) => {
    const store = core.requireStore();
    const today = kyivDate(core.deps.env.clock());
    const data = store.db.transaction((): SubjectAccessData => {
      const db = store.db;
      const person = loadPerson(db, input.personId, today);
      if (!person) {
        if (findPerson(db, input.personId)) throw new AppError('INVALID_STATE', 'the person was anonymised', { reason: 'anonymised' });
        throw new AppError('NOT_FOUND', 'no such person');
      }
      const clock = clockOf(db, today);
      const cases = caseIdsOfPerson(db, person.id).map((id) => loadCase(db, id, clock)!);
      // The log as it stood before this export: the export's own events are in the log, not in the file it makes.
      const referrals = sentReferrals(db, person.id);
      const log = personEvents(db, person.id, cases.map((c) => c.id), referrals.map((r) => r.id)).map((e) => ({ time: formatKyivDateTime(e.ts), user: e.userName ?? e.login ?? 'система', action: eventWords(e) }));
      const letterhead = getSetting(db, 'caseOptions').letterhead;
      core.audit({ action: 'document.subject_access', entity: 'person', entityId: person.id, details: {} });
      auditRead(core, person.id, 'cases:subjectAccess');
      return { body: bodyOf(letterhead.body, cases), letterhead, person, cases, referrals, log, today };
    })();
    const docx = await pack(subjectAccessBlocks(data), 'Відомості про персональні дані особи');
    return { fileName: `vidomosti-pro-osobu-${data.person.code}.docx`, mimeType: DOCX_MIME, base64: docx.toString('base64') };
  },
} satisfies Pick<FeatureHandlers<'cases'>, 'cases:document' | 'cases:registerBook' | 'cases:subjectAccess'>;
