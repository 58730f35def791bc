import type { Words } from './case-codes';

/**
 * The coded lists of trainings and prevention work. Reports group by the codes, documents print the Ukrainian
 * words; a code never changes meaning. Training topics are not here: the office edits them (table training_topics, seeded by migration 0014).
 */

export const TRAINING_KINDS = ['training', 'seminar', 'webinar', 'workshop', 'tot'] as const;
export type TrainingKind = (typeof TRAINING_KINDS)[number];
export const TRAINING_KIND_WORDS: Record<TrainingKind, Words> = {
  training: { uk: 'тренінг', en: 'training' },
  seminar: { uk: 'семінар', en: 'seminar' },
  webinar: { uk: 'вебінар', en: 'webinar' },
  workshop: { uk: 'практикум', en: 'workshop' },
  tot: { uk: 'тренінг для тренерів', en: 'training of trainers' },
};

export const TRAINING_FORMATS = ['in_person', 'online', 'blended'] as const;
export type TrainingFormat = (typeof TRAINING_FORMATS)[number];
export const TRAINING_FORMAT_WORDS: Record<TrainingFormat, Words> = {
  in_person: { uk: 'очно', en: 'in person' },
  online: { uk: 'онлайн', en: 'online' },
  blended: { uk: 'змішано', en: 'blended' },
};

/** How a participant attended: the hours attended decide the certificate, this only says it in a word. */
export const ATTENDANCES = ['full', 'partial', 'absent'] as const;
export type Attendance = (typeof ATTENDANCES)[number];
export const ATTENDANCE_WORDS: Record<Attendance, Words> = {
  full: { uk: 'повністю', en: 'full' },
  partial: { uk: 'частково', en: 'partly' },
  absent: { uk: 'не був(-ла)', en: 'absent' },
};

export const PREVENTION_KINDS = ['round_table', 'school_session', 'campaign', 'media', 'idp_outreach', 'job_fair', 'other'] as const;
export type PreventionKind = (typeof PREVENTION_KINDS)[number];
export const PREVENTION_KIND_WORDS: Record<PreventionKind, Words> = {
  round_table: { uk: 'круглий стіл', en: 'round table' },
  school_session: { uk: 'інформаційне заняття в школі чи закладі освіти', en: 'information session at a school or college' },
  campaign: { uk: 'інформаційна кампанія', en: 'campaign' },
  media: { uk: 'виступ у ЗМІ', en: 'media appearance' },
  idp_outreach: { uk: 'робота з внутрішньо переміщеними особами', en: 'outreach to internally displaced people' },
  job_fair: { uk: 'ярмарок вакансій', en: 'job fair' },
  other: { uk: 'інший захід', en: 'other' },
};

export const TARGET_GROUPS = ['pupils', 'students', 'job_seekers', 'displaced', 'parents', 'professionals', 'public'] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];
export const TARGET_GROUP_WORDS: Record<TargetGroup, Words> = {
  pupils: { uk: 'учні', en: 'pupils' },
  students: { uk: 'студенти', en: 'students' },
  job_seekers: { uk: 'шукачі роботи', en: 'job seekers' },
  displaced: { uk: 'внутрішньо переміщені особи', en: 'displaced people' },
  parents: { uk: 'батьки', en: 'parents' },
  professionals: { uk: 'фахівці', en: 'professionals' },
  public: { uk: 'широка громадськість', en: 'general public' },
};

/** A hromada's local basis for the mechanism: a cooperation memorandum or a local programme. */
export const AGREEMENT_KINDS = ['memorandum', 'programme'] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];
export const AGREEMENT_KIND_WORDS: Record<AgreementKind, Words> = {
  memorandum: { uk: 'меморандум про співпрацю', en: 'cooperation memorandum' },
  programme: { uk: 'місцева програма', en: 'local programme' },
};
