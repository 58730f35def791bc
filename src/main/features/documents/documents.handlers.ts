import { AppError } from '../../../shared/errors';
import { kyivDate } from '../../../shared/time';
import { pack, renderExtractDocx, renderMinutesDocx } from '../../documents/minutes/minutes.docx';
import { page, renderExtractHtml, renderMinutesHtml } from '../../documents/minutes/minutes.html';
import { noticeBlocks } from '../../documents/notice/notice.blocks';
import { getGroup } from '../group/group.repository';
import { buildExtractModel, buildMinutesModel, type ExtractScope } from '../../documents/minutes/minutes.model';
import type { Handlers } from '../../ipc/dispatcher';
import { findMeeting } from '../meetings/meetings.repository';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * The docx package packs asynchronously, so this handler reads the model and writes its audit event in one
 * transaction of its own, then renders outside it.
 */
export const documentsHandlers = {
  'documents:minutes': async (input, { core }) => {
    const store = core.requireStore();
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
    if (input.format === 'html') {
      const html = model.kind === 'extract' ? renderExtractHtml(model.value) : renderMinutesHtml(model.value);
      return { fileName: `${stem}.html`, mimeType: 'text/html', base64: Buffer.from(html, 'utf8').toString('base64') };
    }
    const docx = model.kind === 'extract' ? await renderExtractDocx(model.value) : await renderMinutesDocx(model.value);
    return { fileName: `${stem}.docx`, mimeType: DOCX, base64: docx.toString('base64') };
  },

  'documents:notice': async (input, { core }) => {
    const store = core.requireStore();
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
    if (input.format === 'html') return { fileName: `${stem}.html`, mimeType: 'text/html', base64: Buffer.from(page(title, blocks), 'utf8').toString('base64') };
    return { fileName: `${stem}.docx`, mimeType: DOCX, base64: (await pack(blocks, title)).toString('base64') };
  },
} satisfies Partial<Handlers>;
