import { CASE_DOCUMENTS, type CaseDocument } from '../../../shared/contract/cases';
import { STEP_KINDS, type StepKind } from '../../../shared/domain/cases';
import audit from '../../../shared/i18n/features/audit.uk.json';
import cases from '../../../shared/i18n/features/cases.uk.json';
import referrals from '../../../shared/i18n/features/referrals.uk.json';
import { CASE_DOCUMENT_SPECS } from '../../documents/cases/case-documents';
import { STEP_WORDS } from '../../documents/cases/case-words';
import { lowerFirst } from '../../documents/minutes/format';
import type { PersonEvent } from './cases.repository';

/**
 * An event about a person, in the Ukrainian words the audit log uses, for the file a person asks for: the action's
 * label from the interface texts, and what it was about (which screen read the data, which step, which document).
 * The labels come from the features that write events about a person: the audit log, the cases, the referrals (which
 * add verbs to the same entities, so each entity's verbs are merged, not replaced).
 */
type Labels = Record<string, Record<string, string> | undefined>;
const LABELS: Labels = {};
for (const part of [audit.audit.auditActions, cases.cases.auditActions, referrals.referrals.auditActions] as Labels[]) {
  for (const [entity, verbs] of Object.entries(part)) LABELS[entity] = { ...LABELS[entity], ...verbs };
}

/** Where a read of personal data happened. */
const CHANNEL_WORDS: Record<string, string> = {
  'cases:person': 'картка особи',
  'cases:search': 'пошук за іменем',
  'cases:savePerson': 'виправлення відомостей про особу',
  'cases:document': 'документ справи',
  'cases:registerBook': 'журнал реєстрації',
  'cases:subjectAccess': 'відомості на запит особи',
  'persons:get': 'сторінка особи',
  'persons:timelineDocument': 'хронологія допомоги',
  'referrals:preview': 'що побачить отримувач направлення',
  'referrals:document': 'лист-направлення',
};

const isStep = (value: unknown): value is StepKind => (STEP_KINDS as readonly unknown[]).includes(value);
const isDocument = (value: unknown): value is CaseDocument => (CASE_DOCUMENTS as readonly unknown[]).includes(value);

export function eventWords(event: Pick<PersonEvent, 'action' | 'details'>): string {
  const [entity = '', verb = ''] = event.action.split('.');
  const label = LABELS[entity]?.[verb] ?? event.action;
  const { channel, kind, document } = event.details;
  const about =
    event.action === 'personal.read' && typeof channel === 'string'
      ? (CHANNEL_WORDS[channel] ?? '')
      : isStep(kind)
        ? lowerFirst(STEP_WORDS[kind])
        : isDocument(document)
          ? lowerFirst(CASE_DOCUMENT_SPECS[document].title)
          : '';
  return about ? `${label}: ${about}` : label;
}
