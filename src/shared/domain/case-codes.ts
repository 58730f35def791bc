/**
 * The coded lists of the status procedure, with their words in both languages. Documents print the Ukrainian
 * words and reports group by the codes, so a code never changes meaning; a new list is a new version.
 */
export interface Words {
  uk: string;
  en: string;
}

/**
 * Forms of exploitation as the statistics have counted them (domain.md §8): the older set (to about 2019) and the
 * 2024 set. A case keeps the version it was recorded with; new cases take the newest.
 */
export const EXPLOITATION_FORM_SETS = {
  '2016': ['labour', 'sexual', 'begging', 'sale_of_children', 'organ_removal', 'surrogacy', 'mixed', 'other'],
  '2024': ['labour', 'sexual', 'begging', 'sale_of_children', 'armed_conflict', 'criminal_activity', 'mixed', 'other'],
} as const;
export type FormsVersion = keyof typeof EXPLOITATION_FORM_SETS;
export const FORMS_VERSIONS = Object.keys(EXPLOITATION_FORM_SETS) as FormsVersion[];
export const CURRENT_FORMS_VERSION: FormsVersion = '2024';
export const EXPLOITATION_FORMS = [...new Set(Object.values(EXPLOITATION_FORM_SETS).flat())] as const;
export type ExploitationForm = (typeof EXPLOITATION_FORMS)[number];

export const EXPLOITATION_FORM_WORDS: Record<ExploitationForm, Words> = {
  labour: { uk: 'трудова експлуатація', en: 'labour exploitation' },
  sexual: { uk: 'сексуальна експлуатація', en: 'sexual exploitation' },
  begging: { uk: 'втягнення у жебрацтво', en: 'forced begging' },
  sale_of_children: { uk: 'продаж дітей', en: 'sale of children' },
  organ_removal: { uk: 'вилучення органів', en: 'organ removal' },
  surrogacy: { uk: 'примусове сурогатне материнство', en: 'forced surrogacy' },
  armed_conflict: { uk: 'використання у збройних конфліктах', en: 'use in armed conflict' },
  criminal_activity: { uk: 'втягнення у злочинну діяльність', en: 'forced criminal activity' },
  mixed: { uk: 'змішана експлуатація', en: 'mixed exploitation' },
  other: { uk: 'інші види', en: 'other forms' },
};

/** ISO 3166-1 alpha-2. As a country of exploitation, UA reads «Україна (внутрішня)»: internal trafficking. */
export const COUNTRIES = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC ' +
  'CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD ' +
  'GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH ' +
  'KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW ' +
  'MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC ' +
  'SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY ' +
  'UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
).split(' ');
export const UKRAINE = 'UA';
/** Citizenship beyond a country: none, or not established yet. */
export const STATELESS = 'stateless';
export const CITIZENSHIP_UNKNOWN = 'unknown';

const regionNames: Partial<Record<keyof Words, Intl.DisplayNames>> = {};
/** A country's name in the language asked (the runtime's ICU knows them all); UA as a place of exploitation is internal. */
export function countryName(code: string, language: keyof Words, asPlaceOfExploitation = false): string {
  if (code === UKRAINE && asPlaceOfExploitation) return language === 'uk' ? 'Україна (внутрішня)' : 'Ukraine (internal)';
  if (code === STATELESS) return language === 'uk' ? 'особа без громадянства' : 'stateless';
  if (code === CITIZENSHIP_UNKNOWN) return language === 'uk' ? 'не встановлено' : 'not established';
  regionNames[language] ??= new Intl.DisplayNames([language], { type: 'region' });
  try {
    return regionNames[language].of(code) ?? code;
  } catch {
    return code;
  }
}

export const SEXES = ['female', 'male'] as const;
export type Sex = (typeof SEXES)[number];

export const RECEIVING_BODY_KINDS = ['state_administration', 'self_government'] as const;
export const RECEIVING_BODY_WORDS: Record<(typeof RECEIVING_BODY_KINDS)[number], Words> = {
  state_administration: { uk: 'місцева державна адміністрація', en: 'local state administration' },
  self_government: { uk: 'орган місцевого самоврядування', en: 'local self-government body' },
};

export const ARRIVALS = ['self', 'referred'] as const;

/** Law art. 15(2): the only grounds on which other data replace the interview. */
export const WAIVER_REASONS = ['chronic_mental_illness', 'temporary_mental_disorder', 'other_morbid_state', 'young_age'] as const;
export const WAIVER_WORDS: Record<(typeof WAIVER_REASONS)[number], Words> = {
  chronic_mental_illness: { uk: 'хронічне психічне захворювання', en: 'chronic mental illness' },
  temporary_mental_disorder: { uk: 'тимчасовий розлад психічної діяльності', en: 'temporary mental disorder' },
  other_morbid_state: { uk: 'інший хворобливий стан психіки', en: 'another morbid mental state' },
  young_age: { uk: 'малолітство', en: 'young age' },
};

export const DECISION_OUTCOMES = ['granted', 'refused', 'incomplete'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];
export const OUTCOME_WORDS: Record<DecisionOutcome, Words> = {
  granted: { uk: 'статус встановлено', en: 'status granted' },
  refused: { uk: 'у встановленні статусу відмовлено', en: 'status refused' },
  incomplete: { uk: 'повернуто для доповнення документів', en: 'returned for documents' },
};

/** Reasons seen in practice (domain.md §2.6); the grounds of No. 417 are not verified, so «other» takes the text. */
export const REFUSAL_REASONS = ['grounds_not_confirmed', 'not_classified_by_police', 'documents_insufficient', 'other'] as const;
export const REFUSAL_WORDS: Record<(typeof REFUSAL_REASONS)[number], Words> = {
  grounds_not_confirmed: { uk: 'не підтверджено підстав для встановлення статусу', en: 'grounds for status not confirmed' },
  not_classified_by_police: { uk: 'поліція не кваліфікувала події як торгівлю людьми', en: 'police did not classify the events as trafficking' },
  documents_insufficient: { uk: 'недостатньо документів і матеріалів', en: 'insufficient documents and materials' },
  other: { uk: 'інша причина', en: 'other reason' },
};

/** Ends of a status someone records; loss at the end of the term (art. 15(7)) is computed, never recorded. */
export const END_REASONS = ['deprivation', 'death', 'own_request', 'danger_ended'] as const;
export type EndReason = (typeof END_REASONS)[number];
export const END_WORDS: Record<EndReason | 'expired', Words> = {
  expired: { uk: 'втрата статусу із закінченням строку (ст. 15 ч. 7 Закону)', en: 'status lost at the end of its term (Law art. 15(7))' },
  deprivation: { uk: 'позбавлення статусу (ст. 15 ч. 6 Закону)', en: 'deprivation of status (Law art. 15(6))' },
  death: { uk: 'смерть особи', en: 'death of the person' },
  own_request: { uk: 'за заявою особи', en: 'at the person’s own request' },
  danger_ended: { uk: 'небезпеку повернення іноземця усунено (ст. 16 ч. 4 Закону)', en: 'the danger of return has ended (Law art. 16(4))' },
};

/** Categories of the subsistence minimum for the one-time aid (CMU No. 660). */
export const AID_CATEGORIES = ['child_under_6', 'child_6_18', 'working_age', 'lost_capacity'] as const;
export type AidCategory = (typeof AID_CATEGORIES)[number];
export const AID_CATEGORY_WORDS: Record<AidCategory, Words> = {
  child_under_6: { uk: 'діти віком до 6 років', en: 'children under 6' },
  child_6_18: { uk: 'діти віком від 6 до 18 років', en: 'children aged 6 to 18' },
  working_age: { uk: 'працездатні особи', en: 'working-age persons' },
  lost_capacity: { uk: 'особи, які втратили працездатність', en: 'persons who lost working capacity' },
};
/** The aid is three subsistence minimums of the person's category in force on the application date. */
export const AID_MULTIPLIER = 3;
