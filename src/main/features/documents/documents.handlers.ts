import { AppError } from '../../../shared/errors';
import { kyivDate } from '../../../shared/time';
import { pack, renderExtractDocx, renderMinutesDocx } from '../../documents/minutes/minutes.docx';
import { page, renderExtractHtml, renderMinutesHtml } from '../../documents/minutes/minutes.html';
import { noticeBlocks } from '../../documents/notice/notice.blocks';
import { getGroup } from '../group/group.repository';
import { buildExtractModel, buildMinutesModel, type ExtractScope } from '../../documents/minutes/minutes.model';
import type { Handlers } from '../../ipc/dispatcher';
import type { PdfPrinter } from '../../documents/pdf';
import type { AppCore } from '../session/core';
import { findMeeting } from '../meetings/meetings.repository';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

type Format = 'docx' | 'html' | 'pdf';
type DocumentFile = { fileName: string; mimeType: string; base64: string };

/** Asked before anything is read or audited, so an export that cannot happen leaves no trace of one. */
function printerFor(core: AppCore, format: Format): PdfPrinter | null {
  if (format !== 'pdf') return null;
  if (!core.deps.pdf) throw new AppError('PDF_UNAVAILABLE', 'no PDF printer in this process');
  return core.deps.pdf;
}

/** The one document in the asked format: the print HTML as it is, PDF printed from it, or the DOCX. */
async function deliver(format: Format, printer: PdfPrinter | null, stem: string, html: () => string, docx: () => Promise<Buffer>): Promise<DocumentFile> {
  if (format === 'html') return { fileName: `${stem}.html`, mimeType: 'text/html', base64: Buffer.from(html(), 'utf8').toString('base64') };
  if (printer) return { fileName: `${stem}.pdf`, mimeType: 'application/pdf', base64: (await printer.print(html())).toString('base64') };
  return { fileName: `${stem}.docx`, mimeType: DOCX, base64: (await docx()).toString('base64') };
}

/**
 * The docx package packs asynchronously, so this handler reads the model and writes its audit event in one
 * transaction of its own, then renders outside it.
 */
export const documentsHandlers = {
  'documents:minutes': async (input, { core }) => {
    const store = core.requireStore();
    const printer = printerFor(core, input.format);
    const today = kyivDate(core.deps.env.clock());
    const scope: ExtractScope | null = input.item ? { item: input.item } : input.organisationId ? { organisationId: input.organisationId } : null;
    const { model, stem } = store.db.transaction(() => {
      const meeting = findMeeting(store.orm, input.meetingId);
      if (!meeting) throw new AppError('NOT_FOUND', 'no such meeting');
      core.audit({
        action: scope ? 'document.extract' : 'document.minutes',
        entity: 'meeting',
        entityId: meeting.id,
        details: { format: input.format, ...(input.item ? { item: input.item } : {}), ...(input.organisationId ? { organisationId: input.organisationId } : {}) },
      });
      const name = `${scope ? 'vytiah' : 'protokol'}-${meeting.year}-${String(meeting.number).padStart(2, '0')}${input.item ? `-p${input.item}` : ''}`;
      return {
        stem: name,
        model: scope ? { kind: 'extract' as const, value: buildExtractModel(store.orm, meeting.id, scope, today) } : { kind: 'minutes' as const, value: buildMinutesModel(store.orm, meeting.id, today) },
      };
    })();
    return deliver(
      input.format,
      printer,
      stem,
      () => (model.kind === 'extract' ? renderExtractHtml(model.value) : renderMinutesHtml(model.value)),
      () => (model.kind === 'extract' ? renderExtractDocx(model.value) : renderMinutesDocx(model.value)),
    );
  },

  'documents:notice': async (input, { core }) => {
    const store = core.requireStore();
    const printer = printerFor(core, input.format);
    const today = kyivDate(core.deps.env.clock());
    const { blocks, title, stem } = store.db.transaction(() => {
      const meeting = findMeeting(store.orm, input.meetingId);
      if (!meeting) throw new AppError('NOT_FOUND', 'no such meeting');
      core.audit({ action: 'document.notice', entity: 'meeting', entityId: meeting.id, details: { format: input.format } });
      const model = buildMinutesModel(store.orm, meeting.id, today);
      return {
        blocks: noticeBlocks(model, getGroup(store.orm).noticeWorkingDays),
        title: `Повідомлення про засідання ${model.number}`,
        stem: `povidomlennia-${meeting.year}-${String(meeting.number).padStart(2, '0')}`,
      };
    })();
    return deliver(input.format, printer, stem, () => page(title, blocks), () => pack(blocks, title));
  },
} satisfies Partial<Handlers>;
