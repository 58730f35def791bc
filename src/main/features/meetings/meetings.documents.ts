import { AppError } from '../../../shared/errors';
import type { GroupSettings } from '../../../shared/domain/group';
import { kyivDate } from '../../../shared/time';
import { pack, renderExtractDocx, renderMinutesDocx } from '../../documents/minutes/minutes.docx';
import { page, renderExtractHtml, renderMinutesHtml } from '../../documents/minutes/minutes.html';
import { buildExtractModel, buildMinutesModel, type ExtractScope, type MinutesData } from '../../documents/minutes/minutes.model';
import { genitiveMembers } from '../../documents/minutes/declension';
import { noticeBlocks } from '../../documents/notice/notice.blocks';
import type { FeatureHandlers } from '../../kernel/context';
import { deliver, printerFor } from '../../kernel/document-file';
import type { OpenStore } from '../../store/store';
import { getGroup, holdsSeatOn, listMembers } from '../group/group.repository';
import { organisationNames } from '../organisations/organisations.repository';
import { givenForMinutes, reviewedForMinutes } from './meetings.frozen';
import { loadMeeting } from './meetings.repository';

/** Everything the minutes print, read in one transaction; the builders then work on plain data. */
export function loadMinutesData(store: OpenStore, meetingId: string, group: Pick<GroupSettings, 'name' | 'parentBody'> = getGroup(store.orm)): MinutesData {
  const meeting = loadMeeting(store.orm, store.db, meetingId);
  if (!meeting) throw new AppError('NOT_FOUND', 'no such meeting');
  const members = listMembers(store.orm, null);
  return {
    group: { name: group.name, parentBody: group.parentBody },
    meeting,
    members,
    seated: members.filter((m) => holdsSeatOn(m, meeting.date)),
    organisationNames: Object.fromEntries(organisationNames(store.orm)),
    assignments: givenForMinutes(store.db, meeting),
    reviewed: reviewedForMinutes(store.db, meeting),
  };
}

const twoDigits = (n: number) => String(n).padStart(2, '0');

/** The members the minutes name in the genitive: the rapporteurs, and the absent ones someone stood in for. */
function namedInGenitive(data: MinutesData) {
  const rapporteurs = new Set(data.meeting.agenda.map((i) => i.rapporteurMemberId));
  const stoodIn = new Set(data.meeting.attendance.filter((a) => !a.present && a.substitute.trim()).map((a) => a.memberId));
  return data.members.filter((m) => rapporteurs.has(m.id) || stoodIn.has(m.id));
}

/**
 * The docx package packs asynchronously, so these handlers read their data and write their audit event in one
 * transaction of their own, then render outside it.
 */
export const minutesHandlers = {
  'meetings:minutes': async (input, { core }) => {
    const store = core.requireStore();
    const printer = printerFor(core, input.format);
    const today = kyivDate(core.deps.env.clock());
    const scope: ExtractScope | null = input.item ? { item: input.item } : input.organisationId ? { organisationId: input.organisationId } : null;
    const { data, stem } = store.db.transaction(() => {
      const loaded = loadMinutesData(store, input.meetingId);
      const { meeting } = loaded;
      // Refused before the audit, so an extract that cannot be made leaves no trace of one.
      if (input.item && !meeting.agenda.some((i) => i.position === input.item)) throw new AppError('NOT_FOUND', 'no such agenda item', { item: input.item });
      if (input.organisationId && !loaded.organisationNames[input.organisationId]) throw new AppError('NOT_FOUND', 'no such organisation', { organisationId: input.organisationId });
      core.audit({
        action: scope ? 'document.extract' : 'document.minutes',
        entity: 'meeting',
        entityId: meeting.id,
        details: { format: input.format, ...(input.item ? { item: input.item } : {}), ...(input.organisationId ? { organisationId: input.organisationId } : {}) },
      });
      return { data: loaded, stem: `${scope ? 'vytiah' : 'protokol'}-${meeting.year}-${twoDigits(meeting.number)}${input.item ? `-p${input.item}` : ''}` };
    })();
    data.genitive = await genitiveMembers(namedInGenitive(data));
    const model = scope ? { kind: 'extract' as const, value: buildExtractModel(data, scope, today) } : { kind: 'minutes' as const, value: buildMinutesModel(data, today) };
    return deliver(
      input.format,
      printer,
      stem,
      () => (model.kind === 'extract' ? renderExtractHtml(model.value) : renderMinutesHtml(model.value)),
      () => (model.kind === 'extract' ? renderExtractDocx(model.value) : renderMinutesDocx(model.value)),
    );
  },

  'meetings:notice': async (input, { core }) => {
    const store = core.requireStore();
    const printer = printerFor(core, input.format);
    const today = kyivDate(core.deps.env.clock());
    const { blocks, title, stem } = store.db.transaction(() => {
      const group = getGroup(store.orm);
      const data = loadMinutesData(store, input.meetingId, group);
      core.audit({ action: 'document.notice', entity: 'meeting', entityId: data.meeting.id, details: { format: input.format } });
      const model = buildMinutesModel(data, today);
      return {
        blocks: noticeBlocks(model, group.noticeWorkingDays),
        title: `Повідомлення про засідання ${model.number}`,
        stem: `povidomlennia-${data.meeting.year}-${twoDigits(data.meeting.number)}`,
      };
    })();
    return deliver(input.format, printer, stem, () => page(title, blocks), () => pack(blocks, title));
  },
} satisfies Pick<FeatureHandlers<'meetings'>, 'meetings:minutes' | 'meetings:notice'>;
