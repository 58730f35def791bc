import { AID_CATEGORIES, AID_CATEGORY_WORDS, EXPLOITATION_FORM_SETS, EXPLOITATION_FORM_WORDS, countryName, type FormsVersion, type Words } from '../domain/case-codes';
import { ORGANISATION_TYPES } from '../domain/organisations';
import { OUTCOMES, OUTCOME_WORDS, SERVICES, SERVICE_WORDS } from '../domain/referral-codes';
import { PREVENTION_KINDS, PREVENTION_KIND_WORDS, TARGET_GROUPS, TARGET_GROUP_WORDS, TRAINING_KINDS, TRAINING_KIND_WORDS } from '../domain/training-codes';
import organisationsEn from '../i18n/features/organisations.en.json';
import organisationsUk from '../i18n/features/organisations.uk.json';
import type { CodeList, ReportSection, Totals, Unit } from './report';
import type { CellLink } from './tables';

/**
 * What the report holds: every table with its title, unit and code lists, and the code lists themselves. The
 * report's computation, its outputs, the code book and the recipient's consolidation all read this one catalogue.
 */

export interface TableDefinition {
  name: string;
  section: ReportSection;
  title: Words;
  unit: Unit;
  protected: boolean;
  totals: Totals;
  /** false: a stock at the period's end or distinct people over the period; not the sum of its sub-periods. */
  additive: boolean;
  rowList: string;
  columnList: string | null;
  /** Cells that are the same quantity as a cell of another table (see CellLink). */
  links?: CellLink[];
}

/** The persons granted status in the period: the decisions' «granted» row, and the total of forms and of citizenship. */
const GRANTED: CellLink[] = [{ key: 'granted_persons', row: '*', column: '*' }];

const t = (d: TableDefinition): TableDefinition => d;

export const REPORT_TABLES: readonly TableDefinition[] = [
  t({
    name: 'status.applications',
    section: 'status',
    title: { uk: 'Заяви про встановлення статусу, подані за період', en: 'Applications for status filed in the period' },
    unit: 'applications',
    protected: true,
    totals: 'all',
    additive: true,
    rowList: 'sex_age',
    columnList: null,
  }),
  t({
    name: 'status.decisions',
    section: 'status',
    title: { uk: 'Рішення за заявами, ухвалені за період', en: 'Decisions on applications taken in the period' },
    unit: 'decisions',
    protected: true,
    totals: 'all',
    additive: true,
    rowList: 'decision_outcome',
    columnList: 'sex_age',
    // A decision per case in a period, almost always: where a case was decided twice the counts differ and the link is not used.
    links: [{ key: 'granted_persons', row: 'granted', column: '*' }],
  }),
  t({
    name: 'status.pending',
    section: 'status',
    title: { uk: 'Заяви без остаточного рішення на кінець періоду', en: 'Applications without a final decision at the end of the period' },
    unit: 'applications',
    protected: true,
    totals: 'all',
    additive: false,
    rowList: 'sex_age',
    columnList: null,
  }),
  t({
    name: 'status.forms',
    section: 'status',
    title: { uk: 'Особи, яким встановлено статус, за формою експлуатації', en: 'Persons granted status, by form of exploitation' },
    unit: 'persons',
    protected: true,
    totals: 'all',
    additive: true,
    rowList: 'forms',
    columnList: null,
    links: GRANTED,
  }),
  t({
    name: 'status.countries',
    section: 'status',
    title: { uk: 'Особи, яким встановлено статус, за країною експлуатації (особу враховано в кожній названій країні)', en: 'Persons granted status, by country of exploitation (a person counts in each country named)' },
    unit: 'mentions',
    protected: true,
    totals: 'all',
    additive: true,
    rowList: 'countries',
    columnList: null,
  }),
  t({
    name: 'status.citizenship',
    section: 'status',
    title: { uk: 'Особи, яким встановлено статус, за громадянством', en: 'Persons granted status, by citizenship' },
    unit: 'persons',
    protected: true,
    totals: 'all',
    additive: true,
    rowList: 'citizenship',
    columnList: null,
    links: GRANTED,
  }),
  t({
    name: 'aid.payments',
    section: 'aid',
    title: { uk: 'Одноразова матеріальна допомога, виплачена за період', en: 'One-time financial assistance paid in the period' },
    unit: 'payments',
    protected: true,
    totals: 'all',
    additive: true,
    rowList: 'aid_category',
    columnList: null,
  }),
  t({
    name: 'aid.amounts',
    section: 'aid',
    title: { uk: 'Сума виплаченої допомоги, коп.', en: 'Amount of assistance paid, kopecks' },
    unit: 'kop',
    protected: true,
    totals: 'all',
    additive: true,
    rowList: 'aid_category',
    columnList: null,
  }),
  t({
    name: 'referrals.outcomes',
    section: 'referrals',
    title: { uk: 'Перенаправлення, надіслані за період, за видом допомоги і результатом', en: 'Referrals sent in the period, by type of assistance and result' },
    unit: 'referrals',
    protected: true,
    totals: 'all',
    additive: true,
    rowList: 'service',
    columnList: 'referral_result',
  }),
  t({
    name: 'referrals.recipients',
    section: 'referrals',
    title: { uk: 'Перенаправлення, надіслані за період, за типом організації-отримувача', en: 'Referrals sent in the period, by type of receiving organisation' },
    unit: 'referrals',
    protected: true,
    totals: 'all',
    additive: true,
    rowList: 'organisation_type',
    columnList: null,
  }),
  t({
    name: 'meetings.summary',
    section: 'meetings',
    title: { uk: 'Засідання і рішення', en: 'Meetings and decisions' },
    unit: 'meetings',
    protected: false,
    totals: 'none',
    additive: true,
    rowList: 'meeting_measure',
    columnList: null,
  }),
  t({
    name: 'assignments.summary',
    section: 'assignments',
    title: { uk: 'Доручення', en: 'Assignments' },
    unit: 'assignments',
    protected: false,
    totals: 'none',
    additive: false,
    rowList: 'assignment_measure',
    columnList: null,
  }),
  t({
    name: 'trainings.events',
    section: 'trainings',
    title: { uk: 'Навчальні заходи, що завершилися за період', en: 'Trainings that ended in the period' },
    unit: 'events',
    protected: false,
    totals: 'all',
    additive: true,
    rowList: 'training_kind',
    columnList: null,
  }),
  t({
    name: 'trainings.people',
    section: 'trainings',
    title: { uk: 'Навчені особи за типом організації і районом роботи', en: 'People trained, by type of organisation and raion of work' },
    unit: 'persons',
    protected: false,
    totals: 'all',
    additive: false,
    rowList: 'organisation_type',
    columnList: 'raion',
  }),
  t({
    name: 'prevention.events',
    section: 'prevention',
    title: { uk: 'Профілактичні заходи за видом', en: 'Prevention events by kind' },
    unit: 'events',
    protected: false,
    totals: 'all',
    additive: true,
    rowList: 'prevention_kind',
    columnList: null,
  }),
  t({
    name: 'prevention.reach',
    section: 'prevention',
    title: { uk: 'Охоплено профілактичними заходами, осіб, за цільовою групою', en: 'People reached by prevention events, by target group' },
    unit: 'persons',
    protected: false,
    totals: 'all',
    additive: true,
    rowList: 'target_group',
    columnList: null,
  }),
  t({
    name: 'coverage.hromadas',
    section: 'coverage',
    title: { uk: 'Охоплення територіальних громад за районом', en: 'Coverage of hromadas by raion' },
    unit: 'hromadas',
    protected: false,
    totals: 'columns',
    additive: false,
    rowList: 'raion',
    columnList: 'coverage_measure',
  }),
];

export const tableDefinition = (name: string): TableDefinition | undefined => REPORT_TABLES.find((d) => d.name === name);

export const SEX_AGE = ['women', 'men', 'girls', 'boys', 'sex_unknown'] as const;
export const DECISION_RESULTS = ['granted', 'refused', 'incomplete'] as const;
/** A referral's result: its outcome once the service is over, else where it stopped or stands. */
export const REFERRAL_RESULTS = [...OUTCOMES, 'declined', 'revoked', 'closed', 'open'] as const;
export const MEETING_MEASURES = ['meetings_held', 'extraordinary_held', 'decisions_taken'] as const;
export const ASSIGNMENT_MEASURES = ['given', 'done', 'removed', 'overdue_at_end', 'in_progress_at_end'] as const;
export const COVERAGE_MEASURES = ['hromadas', 'reached_by_training', 'reached_by_event', 'not_reached', 'with_coordinator', 'with_agreement'] as const;
/** Trained people working outside the oblast's raions, or where the sheet named none. */
export const RAION_UNKNOWN = 'unknown';

const w = (uk: string, en: string): Words => ({ uk, en });

const FIXED_WORDS: Record<string, Record<string, Words>> = {
  sex_age: {
    women: w('жінки', 'women'),
    men: w('чоловіки', 'men'),
    girls: w('дівчата (до 18 років)', 'girls (under 18)'),
    boys: w('хлопці (до 18 років)', 'boys (under 18)'),
    sex_unknown: w('стать не зазначено', 'sex not recorded'),
  },
  decision_outcome: { granted: w('статус встановлено', 'status granted'), refused: w('відмовлено', 'refused'), incomplete: w('неповний пакет документів', 'documents incomplete') },
  referral_result: {
    ...Object.fromEntries(OUTCOMES.map((o) => [o, OUTCOME_WORDS[o]])),
    declined: w('відмовлено отримувачем', 'declined by the recipient'),
    revoked: w('відкликано', 'revoked'),
    closed: w('закрито без результату', 'closed without a result'),
    open: w('ще триває', 'still open'),
  },
  meeting_measure: {
    meetings_held: w('засідань проведено', 'meetings held'),
    extraordinary_held: w('з них позачергових', 'of them extraordinary'),
    decisions_taken: w('рішень ухвалено', 'decisions taken'),
  },
  assignment_measure: {
    given: w('доручень надано', 'assignments given'),
    done: w('виконано за період', 'done in the period'),
    removed: w('знято з контролю за період', 'removed from control in the period'),
    overdue_at_end: w('прострочено на кінець періоду', 'overdue at the end of the period'),
    in_progress_at_end: w('на виконанні в строк на кінець періоду', 'in progress, not yet due, at the end'),
  },
  coverage_measure: {
    hromadas: w('громад', 'hromadas'),
    reached_by_training: w('охоплено навчанням за період', 'reached by training in the period'),
    reached_by_event: w('охоплено профілактичними заходами', 'reached by prevention events'),
    not_reached: w('не охоплено нічим', 'reached by nothing'),
    with_coordinator: w('мають координатора', 'with a coordinator'),
    with_agreement: w('мають меморандум чи програму', 'with a memorandum or programme'),
  },
  aid_category: Object.fromEntries(AID_CATEGORIES.map((c) => [c, AID_CATEGORY_WORDS[c]])),
  service: Object.fromEntries(SERVICES.map((s) => [s, SERVICE_WORDS[s]])),
  organisation_type: Object.fromEntries(
    ORGANISATION_TYPES.map((o) => [o, w((organisationsUk.organisations.types as Record<string, string>)[o] ?? o, (organisationsEn.organisations.types as Record<string, string>)[o] ?? o)]),
  ),
  training_kind: Object.fromEntries(TRAINING_KINDS.map((k) => [k, TRAINING_KIND_WORDS[k]])),
  prevention_kind: Object.fromEntries(PREVENTION_KINDS.map((k) => [k, PREVENTION_KIND_WORDS[k]])),
  target_group: Object.fromEntries(TARGET_GROUPS.map((g) => [g, TARGET_GROUP_WORDS[g]])),
};

const LIST_TITLES: Record<string, Words> = {
  sex_age: w('Стать і вікова група (дитина — до 18 років на день заяви)', 'Sex and age group (child: under 18 on the day of application)'),
  decision_outcome: w('Рішення за заявою', 'Decision on the application'),
  forms: w('Форма експлуатації (кілька форм — «змішана»)', 'Form of exploitation (several forms count as «mixed»)'),
  countries: w('Країна експлуатації (ISO 3166-1; UA — внутрішня)', 'Country of exploitation (ISO 3166-1; UA is internal)'),
  citizenship: w('Громадянство (ISO 3166-1)', 'Citizenship (ISO 3166-1)'),
  aid_category: w('Категорія отримувача допомоги (ПКМУ № 660)', 'Category of the recipient of aid (CMU No. 660)'),
  service: w('Вид допомоги', 'Type of assistance'),
  referral_result: w('Результат перенаправлення', 'Result of the referral'),
  organisation_type: w('Тип організації', 'Type of organisation'),
  raion: w('Район (КАТОТТГ)', 'Raion (KATOTTH)'),
  meeting_measure: w('Показник засідань', 'Meeting measure'),
  assignment_measure: w('Показник доручень', 'Assignment measure'),
  coverage_measure: w('Показник охоплення', 'Coverage measure'),
  training_kind: w('Вид навчального заходу', 'Kind of training'),
  prevention_kind: w('Вид профілактичного заходу', 'Kind of prevention event'),
  target_group: w('Цільова група', 'Target group'),
};

/** Code lists whose version is the app's own; forms, countries and raions carry theirs. */
export const APP_LIST_VERSION = 'zlagoda-1';

/** A fixed code list in the order of its codes. */
export function fixedCodeList(id: string): CodeList {
  const words = FIXED_WORDS[id];
  if (!words) throw new Error(`no fixed code list ${id}`);
  return { id, version: APP_LIST_VERSION, title: LIST_TITLES[id]!, codes: Object.entries(words).map(([code, ww]) => ({ code, uk: ww.uk, en: ww.en })) };
}

export const fixedCodes = (id: string): string[] => Object.keys(FIXED_WORDS[id] ?? {});

/** The forms of exploitation as counted with one version of the list. */
export function formsCodeList(version: FormsVersion): CodeList {
  return { id: 'forms', version, title: LIST_TITLES.forms!, codes: EXPLOITATION_FORM_SETS[version].map((code) => ({ code, ...EXPLOITATION_FORM_WORDS[code] })) };
}

/** Countries (of exploitation or citizenship) that occur, named in both languages. */
export function countryCodeList(id: 'countries' | 'citizenship', codes: readonly string[]): CodeList {
  const asPlace = id === 'countries';
  return { id, version: 'ISO 3166-1', title: LIST_TITLES[id]!, codes: codes.map((code) => ({ code, uk: countryName(code, 'uk', asPlace), en: countryName(code, 'en', asPlace) })) };
}

/** The oblast's raions as the territory edition names them, and the code of the trained with no raion. */
export function raionCodeList(edition: string, raions: readonly { code: string; name: string }[]): CodeList {
  return {
    id: 'raion',
    version: edition || 'none',
    title: LIST_TITLES.raion!,
    codes: [...raions.map((r) => ({ code: r.code, uk: r.name, en: r.name })), { code: RAION_UNKNOWN, uk: 'поза районами області або не зазначено', en: 'outside the oblast’s raions or not given' }],
  };
}
