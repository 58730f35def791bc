import { AppError } from '../../../shared/errors';
import { kyivDate } from '../../../shared/time';
import { TIMELINE_STEM, TIMELINE_TITLE, timelineDocumentBlocks } from '../../documents/referrals/referral-documents';
import type { TimelineDocumentData } from '../../documents/referrals/timeline';
import { pack } from '../../documents/minutes/minutes.docx';
import { page } from '../../documents/minutes/minutes.html';
import type { FeatureHandlers } from '../../kernel/context';
import { deliver, printerFor } from '../../kernel/document-file';
import { getSetting } from '../../store/settings';
import { loadPersonFile } from './persons.repository';

/** The person's timeline for a case conference: by code, never the name; read and audited in one transaction. */
export const personDocumentHandlers = {
  'persons:timelineDocument': async (input, { core }) => {
    const store = core.requireStore();
    const printer = printerFor(core, input.format);
    const today = kyivDate(core.deps.env.clock());
    const data = store.db.transaction((): TimelineDocumentData => {
      const db = store.db;
      const file = loadPersonFile(db, input.personId, today);
      if (!file) throw new AppError('NOT_FOUND', 'no such person');
      core.audit({ action: 'document.person_timeline', entity: 'person', entityId: file.id, details: { format: input.format, entries: file.timeline.length } });
      // Its notes, circumstances and descriptions may say who the person is, as on the screen that shows them.
      core.audit({ action: 'personal.read', entity: 'person', entityId: file.id, details: { channel: 'persons:timelineDocument' } });
      return { letterhead: getSetting(db, 'caseOptions').letterhead, code: file.code, child: file.child, identification: file.identification, cases: file.cases, entries: file.timeline, today };
    })();
    const blocks = timelineDocumentBlocks(data);
    const title = `${TIMELINE_TITLE} ${data.code}`;
    return deliver(input.format, printer, `${TIMELINE_STEM}-${data.code}`, () => page(title, blocks), () => pack(blocks, title));
  },
} satisfies Pick<FeatureHandlers<'persons'>, 'persons:timelineDocument'>;
