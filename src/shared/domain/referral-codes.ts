import type { Words } from './case-codes';

/**
 * The coded lists of the national referral mechanism (Law No. 3739-VI art. 13; CMU No. 783; domain.md §3). Reports
 * group by the codes, documents print the Ukrainian words; a code never changes meaning.
 */

/** Types of assistance (domain.md §3.4), and the two the Programme adds: education or retraining, a shelter for children. */
export const SERVICES = [
  'medical',
  'psychological',
  'social',
  'legal',
  'accommodation',
  'information',
  'financial',
  'employment',
  'return',
  'compensation',
  'education',
  'child_shelter',
] as const;
export type Service = (typeof SERVICES)[number];

export const SERVICE_WORDS: Record<Service, Words> = {
  medical: { uk: 'медична допомога', en: 'medical assistance' },
  psychological: { uk: 'психологічна допомога', en: 'psychological assistance' },
  social: { uk: 'соціальні послуги та супровід', en: 'social services and support' },
  legal: { uk: 'правова допомога (зокрема безоплатна правнича)', en: 'legal assistance (including free legal aid)' },
  accommodation: { uk: 'тимчасове розміщення (заклад допомоги, притулок)', en: 'temporary accommodation (shelter)' },
  information: { uk: 'інформування мовою, яку особа розуміє', en: 'information in the person’s language' },
  financial: { uk: 'одноразова матеріальна допомога', en: 'one-time financial assistance' },
  employment: { uk: 'сприяння у працевлаштуванні', en: 'employment assistance' },
  return: { uk: 'повернення, репатріація (консульська допомога)', en: 'return, repatriation (consular help)' },
  compensation: { uk: 'відшкодування шкоди (через суд)', en: 'compensation of damage (through the court)' },
  education: { uk: 'освіта, професійне навчання, перекваліфікація', en: 'education, vocational training, retraining' },
  child_shelter: { uk: 'притулок для дітей', en: 'shelter for children' },
};

/** Who owns a provider: the NGOs asked that civil society and private providers be subjects of the mechanism too. */
export const OWNERSHIPS = ['state', 'communal', 'ngo', 'international', 'private'] as const;
export type Ownership = (typeof OWNERSHIPS)[number];
export const OWNERSHIP_WORDS: Record<Ownership, Words> = {
  state: { uk: 'державна', en: 'state' },
  communal: { uk: 'комунальна', en: 'communal' },
  ngo: { uk: 'громадська організація', en: 'NGO' },
  international: { uk: 'міжнародна організація', en: 'international organisation' },
  private: { uk: 'приватний надавач послуг', en: 'private provider' },
};

/** For whom a provider works. An organisation that names none serves everyone. */
export const CLIENT_GROUPS = ['adults', 'children', 'men', 'women', 'foreigners'] as const;
export type ClientGroup = (typeof CLIENT_GROUPS)[number];
export const CLIENT_GROUP_WORDS: Record<ClientGroup, Words> = {
  adults: { uk: 'дорослі', en: 'adults' },
  children: { uk: 'діти', en: 'children' },
  men: { uk: 'чоловіки', en: 'men' },
  women: { uk: 'жінки', en: 'women' },
  foreigners: { uk: 'іноземці та особи без громадянства', en: 'foreigners and stateless persons' },
};

export const URGENCIES = ['urgent', 'normal'] as const;
export type Urgency = (typeof URGENCIES)[number];
export const URGENCY_WORDS: Record<Urgency, Words> = {
  urgent: { uk: 'невідкладно', en: 'urgent' },
  normal: { uk: 'у звичайному порядку', en: 'normal' },
};

export const CONSENT_FORMS = ['written', 'oral'] as const;
export type ConsentForm = (typeof CONSENT_FORMS)[number];
export const CONSENT_FORM_WORDS: Record<ConsentForm, Words> = {
  written: { uk: 'письмова', en: 'written' },
  oral: { uk: 'усна, у присутності свідка', en: 'oral, before a witness' },
};

/** Who consented: the person, or for a child (or a person declared incapable) the legal representative or the children's service. */
export const CONSENT_GIVERS = ['person', 'representative', 'children_service'] as const;
export type ConsentGiver = (typeof CONSENT_GIVERS)[number];
export const CONSENT_GIVER_WORDS: Record<ConsentGiver, Words> = {
  person: { uk: 'особа', en: 'the person' },
  representative: { uk: 'законний представник', en: 'legal representative' },
  children_service: { uk: 'служба у справах дітей', en: 'children’s service' },
};

/**
 * The categories of data a referral may disclose. The case code always travels; the needs travel with every
 * referral, so a consent that leaves them out covers no referral.
 */
export const DATA_CATEGORIES = ['name_contacts', 'birth_date', 'needs', 'circumstances', 'documents'] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];
export const DATA_CATEGORY_WORDS: Record<DataCategory, Words> = {
  name_contacts: { uk: 'прізвище, ім’я, по батькові та контакти', en: 'name and contacts' },
  birth_date: { uk: 'дата народження', en: 'date of birth' },
  needs: { uk: 'потреби', en: 'needs' },
  circumstances: { uk: 'обставини', en: 'circumstances' },
  documents: { uk: 'документи', en: 'documents' },
};

export const REFERRAL_STATES = ['draft', 'sent', 'accepted', 'declined', 'in_progress', 'completed', 'revoked', 'closed'] as const;
export type ReferralState = (typeof REFERRAL_STATES)[number];
export const REFERRAL_STATE_WORDS: Record<ReferralState, Words> = {
  draft: { uk: 'чернетка', en: 'draft' },
  sent: { uk: 'надіслано', en: 'sent' },
  accepted: { uk: 'прийнято', en: 'accepted' },
  declined: { uk: 'відхилено', en: 'declined' },
  in_progress: { uk: 'надається допомога', en: 'in progress' },
  completed: { uk: 'завершено', en: 'completed' },
  revoked: { uk: 'відкликано', en: 'revoked' },
  closed: { uk: 'закрито без відповіді', en: 'closed without answer' },
};

export const DECLINE_REASONS = ['no_capacity', 'not_provided', 'not_eligible', 'territory', 'person_unreachable', 'other'] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];
export const DECLINE_REASON_WORDS: Record<DeclineReason, Words> = {
  no_capacity: { uk: 'немає вільних місць чи спроможності', en: 'no capacity' },
  not_provided: { uk: 'така послуга не надається', en: 'service not provided' },
  not_eligible: { uk: 'особа не належить до отримувачів', en: 'person not eligible' },
  territory: { uk: 'інша територія обслуговування', en: 'outside the service area' },
  person_unreachable: { uk: 'не вдалося зв’язатися з особою', en: 'person could not be reached' },
  other: { uk: 'інша причина', en: 'other reason' },
};

export const OUTCOMES = ['received_full', 'received_part', 'not_received', 'person_refused'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const OUTCOME_WORDS: Record<Outcome, Words> = {
  received_full: { uk: 'допомогу отримано повністю', en: 'received in full' },
  received_part: { uk: 'допомогу отримано частково', en: 'received in part' },
  not_received: { uk: 'допомогу не отримано', en: 'not received' },
  person_refused: { uk: 'особа відмовилася', en: 'the person refused' },
};

export const REVOKE_REASONS = ['consent_revoked', 'need_met_elsewhere', 'person_left', 'sent_in_error', 'other'] as const;
export type RevokeReason = (typeof REVOKE_REASONS)[number];
export const REVOKE_REASON_WORDS: Record<RevokeReason, Words> = {
  consent_revoked: { uk: 'особа відкликала згоду', en: 'consent withdrawn' },
  need_met_elsewhere: { uk: 'потребу задоволено інакше', en: 'need met elsewhere' },
  person_left: { uk: 'особа вибула', en: 'the person left' },
  sent_in_error: { uk: 'направлено помилково', en: 'sent in error' },
  other: { uk: 'інша причина', en: 'other reason' },
};
