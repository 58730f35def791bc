/** Referral records for the renderer tests; each test passes overrides for the values it cares about. */
import type { PersonFile, Referral, ReferralPreview, ReferralSummary } from '../../src/shared/domain/referrals';

/** A row of the referral list: sent on 02.03.2026 for psychological help, the answer due in three days. */
export function referralSummary(id: string, overrides: Partial<ReferralSummary> = {}): ReferralSummary {
  return {
    id,
    personId: 'p-1',
    code: 'ОС-7K2M-Q9XD',
    number: '12/2026',
    toOrganisationId: 'o-centre',
    toName: 'Полтавський обласний центр соціальних служб',
    needs: ['psychological'],
    urgency: 'normal',
    state: 'sent',
    sentOn: '2026-03-02',
    dueKind: 'answer',
    dueOn: '2026-03-13',
    daysLeft: 3,
    consentRevoked: false,
    ...overrides,
  };
}

/** The card of a draft for psychological help, made from the assessment a-2, disclosing nothing beyond the needs. */
export function referralRecord(id: string, overrides: Partial<Referral> = {}): Referral {
  return {
    ...referralSummary(id, { number: '', state: 'draft', sentOn: null, dueKind: null, dueOn: null, daysLeft: null }),
    assessmentId: 'a-2',
    fromOrganisationId: 'o-oda',
    fromName: 'Полтавська обласна військова адміністрація',
    officerId: 'u-admin',
    officerName: 'Олена Петренко',
    officerContact: '+380 532 000 000',
    disclose: [],
    circumstances: '',
    documents: [],
    note: '',
    answerDueOn: null,
    serviceDueOn: null,
    consentId: null,
    consentRevokedOn: null,
    declineReason: null,
    outcome: null,
    revokeReason: null,
    allowedEvents: ['send'],
    history: [{ id: 'h-1', kind: 'created', state: 'draft', date: '2026-03-09', reason: null, outcome: null, note: '', recordedBy: 'Олена Петренко', recordedAt: '2026-03-09T08:00:00.000Z' }],
    services: [],
    updatedAt: '2026-03-09T08:00:00.000Z',
    ...overrides,
  };
}

/** What the recipient of a draft would see under a consent of 01.03.2026 that covers the needs only. */
export function referralPreview(overrides: Partial<ReferralPreview['disclosure']> = {}, rest: Partial<Omit<ReferralPreview, 'disclosure'>> = {}): ReferralPreview {
  return {
    disclosure: {
      code: 'ОС-7K2M-Q9XD',
      number: '',
      fromName: 'Полтавська обласна військова адміністрація',
      toName: 'Полтавський обласний центр соціальних служб',
      needs: ['psychological'],
      urgency: 'normal',
      child: false,
      name: null,
      contacts: null,
      representative: null,
      birthDate: null,
      circumstances: null,
      documents: null,
      officerName: 'Олена Петренко',
      officerContact: '+380 532 000 000',
      answerDueOn: null,
      withheld: ['name_contacts', 'birth_date', 'circumstances', 'documents'],
      ...overrides,
    },
    consent: { id: 'k-1', date: '2026-03-01', validUntil: null },
    refusal: null,
    ...rest,
  };
}

/** A person's file with two assessments (the later one finds psychological, legal and accommodation needs). */
export function personFile(id: string, overrides: Partial<PersonFile> = {}): PersonFile {
  return {
    id,
    code: 'ОС-7K2M-Q9XD',
    child: false,
    incapable: false,
    adultOn: '2016-05-01',
    anonymised: false,
    identification: { identifiedOn: '2026-02-20', identifiedByOrganisationId: null, identifiedByName: '', identifiedKatottg: '' },
    cases: [],
    assessments: [
      { id: 'a-1', date: '2026-02-21', assessedBy: 'Іваненко Марія', needs: ['medical'], urgency: 'normal', notes: '', referrals: 0 },
      { id: 'a-2', date: '2026-03-05', assessedBy: 'Савченко Ірина', needs: ['psychological', 'legal', 'accommodation'], urgency: 'urgent', notes: '', referrals: 0 },
    ],
    consents: [],
    services: [],
    referrals: [],
    timeline: [],
    ...overrides,
  };
}
