import { DISCLOSABLE } from '../../../shared/domain/referrals';
import { AppError } from '../../../shared/errors';
import { kyivDate } from '../../../shared/time';
import { REFERRAL_DOCUMENT_SPECS, referralDocumentBlocks } from '../../documents/referrals/referral-documents';
import type { ReferralLetterData } from '../../documents/referrals/referral-letter';
import { pack } from '../../documents/minutes/minutes.docx';
import { page } from '../../documents/minutes/minutes.html';
import type { FeatureHandlers } from '../../kernel/context';
import { deliver, printerFor } from '../../kernel/document-file';
import { getSetting } from '../../store/settings';
import { personFacts, refuse } from '../persons/persons.repository';
import { consentFor, disclosureOf } from './referrals.disclosure';
import { loadReferral } from './referrals.repository';

/**
 * The referral letter and the acknowledgement form. Read and audited in one transaction, rendered outside it (the
 * docx package packs asynchronously). Either is refused when no consent covers the referral (or the one it was
 * sent under was revoked) before anything is audited; the letter names the person only as far as that consent lets
 * it, and then the export is a read of their personal data. Files are named by the person's code.
 */
export const referralDocumentHandlers = {
  'referrals:document': async (input, { core }) => {
    const store = core.requireStore();
    const printer = printerFor(core, input.format);
    const today = kyivDate(core.deps.env.clock());
    const spec = REFERRAL_DOCUMENT_SPECS[input.document];
    const data = store.db.transaction((): ReferralLetterData => {
      const db = store.db;
      const referral = loadReferral(db, input.id, today);
      if (!referral) throw new AppError('NOT_FOUND', 'no such referral');
      // The acknowledgement carries the code and the needs the recipient already holds: only the letter needs a consent.
      const { consent, refusal } = consentFor(db, referral, today);
      if (refusal && input.document === 'letter') refuse(refusal);
      const disclosure = disclosureOf(db, referral, consent, personFacts(db, referral.personId, today)!.child);
      core.audit({ action: input.document === 'letter' ? 'document.referral_letter' : 'document.referral_acknowledgement', entity: 'referral', entityId: referral.id, details: { format: input.format, withheld: disclosure.withheld } });
      // The letter lets out what the consent and the officer allowed: anything beyond the needs is a read of personal data.
      if (input.document === 'letter' && disclosure.withheld.length < DISCLOSABLE.length) core.audit({ action: 'personal.read', entity: 'person', entityId: referral.personId, details: { channel: 'referrals:document' } });
      return { letterhead: getSetting(db, 'caseOptions').letterhead, disclosure, sentOn: referral.sentOn, today };
    })();
    const blocks = referralDocumentBlocks(input.document, data);
    return deliver(input.format, printer, `${spec.stem}-${data.disclosure.code}`, () => page(spec.title, blocks), () => pack(blocks, spec.title));
  },
} satisfies Pick<FeatureHandlers<'referrals'>, 'referrals:document'>;
