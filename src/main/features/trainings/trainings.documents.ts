import type { Territory } from '../../../shared/domain/territories';
import { AppError } from '../../../shared/errors';
import { certificatePage, certificatesDocx, certificatesHtml } from '../../documents/trainings/certificate';
import { certificateRegisterSheet, registerStem } from '../../documents/trainings/certificate-register';
import { attendanceSheetBlocks, participantsListBlocks } from '../../documents/trainings/participant-lists';
import type { TrainingDocData } from '../../documents/trainings/training-words';
import { pack } from '../../documents/minutes/minutes.docx';
import { page } from '../../documents/minutes/minutes.html';
import { renderXlsx, XLSX_MIME } from '../../documents/table/xlsx';
import type { FeatureHandlers } from '../../kernel/context';
import { deliver, printerFor } from '../../kernel/document-file';
import type { Db } from '../../store/connection';
import { getSetting } from '../../store/settings';
import { refuse } from '../persons/persons.repository';
import { getTerritories } from '../territories/territories.repository';
import { certificateNumber, certificatesOfYear, loadTraining } from './trainings.repository';

/** How a place prints: the settlement with its kind, and the hromada it lies in. */
function placeName(t: Territory): string {
  const prefix: Partial<Record<Territory['category'], string>> = {
    M: 'м. ',
    K: 'м. ',
    X: 'с-ще ',
    C: 'с. ',
  };
  if (t.category === 'H') return `${t.name} громада`;
  if (t.category === 'P') return `${t.name} район`;
  const hromada = t.within.find((w) => w.category === 'H');
  // A city is known by itself; a village or a settlement is told apart from its namesakes by its hromada.
  const within = hromada && (t.category === 'C' || t.category === 'X') ? `, ${hromada.name} громада` : '';
  return `${prefix[t.category] ?? ''}${t.name}${within}`;
}

const STEMS = {
  certificate: 'sertyfikat',
  certificates: 'sertyfikaty',
  participants: 'spysok-uchasnykiv',
  attendance: 'lyst-reiestratsii',
} as const;
const ACTIONS = {
  certificate: 'document.training_certificate',
  certificates: 'document.training_certificates',
  participants: 'document.training_participants',
  attendance: 'document.training_attendance',
} as const; // audit action

function documentData(db: Db, trainingId: string, document: keyof typeof STEMS, participantId: string | undefined): TrainingDocData {
  const training = loadTraining(db, trainingId, getSetting(db, 'trainingOptions').minSharePercent);
  if (!training) throw new AppError('NOT_FOUND', 'no such training');
  let participants = training.participantList;
  if (document === 'certificate') {
    participants = participants.filter((x) => x.id === participantId);
    if (participants.length === 0)
      throw new AppError('NOT_FOUND', 'no such participant', {
        field: 'participantId',
      });
    if (!participants[0]!.certificate) refuse({ reason: 'no_certificate' });
  }
  if (document === 'certificates') {
    participants = participants.filter((x) => x.certificate);
    if (participants.length === 0) refuse({ reason: 'no_certificate' });
  }
  const codes = [...new Set([training.venue, ...participants.map((x) => x.territory)].filter(Boolean))];
  const places = Object.fromEntries(getTerritories(db, codes).map((t) => [t.code, placeName(t)]));
  return {
    training,
    venueName: training.venue ? (places[training.venue] ?? '') : '',
    places,
    participants,
  };
}

/**
 * Certificates, the participants list and the attendance sheet, and the year's register of certificates. Read and
 * audited in one transaction (ids and counts only), rendered outside it: the docx and exceljs packages write
 * asynchronously.
 */
export const trainingDocumentHandlers = {
  'trainings:document': async (input, { core }) => {
    const store = core.requireStore();
    const printer = printerFor(core, input.format);
    const data = store.db.transaction((): TrainingDocData => {
      const loaded = documentData(store.db, input.trainingId, input.document, input.participantId);
      core.audit({
        action: ACTIONS[input.document],
        entity: 'training',
        entityId: input.trainingId,
        details: {
          format: input.format,
          participants: loaded.participants.length,
          ...(input.participantId ? { participantId: input.participantId } : {}),
        },
      });
      return loaded;
    })();
    const t = data.training;
    if (input.document === 'certificate' || input.document === 'certificates') {
      const pages = data.participants.map((x) => certificatePage(data, x));
      const title = input.document === 'certificate' ? `Сертифікат ${pages[0]!.number}` : `Сертифікати: ${t.title}`;
      const stem = input.document === 'certificate' ? `${STEMS.certificate}-${data.participants[0]!.certificate!.number.replace('/', '-')}` : `${STEMS.certificates}-${t.startsOn}`;
      return deliver(
        input.format,
        printer,
        stem,
        () => certificatesHtml(pages, title),
        () => certificatesDocx(pages, title),
      );
    }
    const blocks = input.document === 'participants' ? participantsListBlocks(data) : attendanceSheetBlocks(data);
    const title = input.document === 'participants' ? `Список учасників: ${t.title}` : `Лист реєстрації: ${t.title}`;
    return deliver(
      input.format,
      printer,
      `${STEMS[input.document]}-${t.startsOn}`,
      () => page(title, blocks, { landscape: true }),
      () => pack(blocks, title, { landscape: true }),
    );
  },

  'trainings:register': async (input, { core }) => {
    const store = core.requireStore();
    const rows = store.db.transaction(() => {
      const found = certificatesOfYear(store.db, input.year);
      core.audit({
        action: 'document.certificate_register',
        entity: 'training',
        entityId: String(input.year),
        details: { year: input.year, certificates: found.length },
      });
      return found;
    })();
    const sheet = certificateRegisterSheet(
      input.year,
      rows.map((r) => ({ ...r, number: certificateNumber(r.year, r.seq) })),
    );
    return {
      fileName: `${registerStem(input.year)}.xlsx`,
      mimeType: XLSX_MIME,
      base64: (await renderXlsx(sheet)).toString('base64'),
    };
  },
} satisfies Pick<FeatureHandlers<'trainings'>, 'trainings:document' | 'trainings:register'>;
