import { createHmac } from 'node:crypto';
import Papa from 'papaparse';
import { EXPLOITATION_FORM_SETS, EXPLOITATION_FORM_WORDS, FORMS_VERSIONS, countryName, type ExploitationForm } from '../../../shared/domain/case-codes';
import { kAnonymityViolations, type KAnonymityViolation } from '../../../shared/reports/k-anonymity';
import type { Period } from '../../../shared/reports/tables';
import type { Db } from '../../store/connection';

/**
 * The pseudonymised case-level export (issue 12 point 3, data/cases.csv with its code book): one line per case
 * registered or decided in the period, with only what the statistics keep — sex, a coarse age group, citizenship,
 * forms and countries of exploitation, the month of application and of decision, the outcome. No name, contact,
 * birth date, free text, organisation or territory finer than the oblast; the case code is a keyed pseudonym, so
 * nobody without the store can join a line back to the register. Refused while any combination of the
 * quasi-identifiers is rarer than k.
 *
 * Field names follow IOM's Human Trafficking Case Data Standard as the Counter-Trafficking Data Collaborative
 * publishes it (CTDC global dataset and its codebook, v6 2017 and the 2020 release header): yearOfRegistration,
 * gender (Female / Male), majorityStatus (Adult / Minor), citizenship (ISO 3166-1 alpha-2), isForcedLabour,
 * isSexualExploit, isOtherExploit, isForcedMilitary, isOrganRemoval, typeOfLabourBegging,
 * typeOfLabourIllicitActivities, CountryOfExploitation. What the standard has no field for is named zlagoda_….
 */

/** Each band a union of CTDC's ageBroad bands (0–8 + 9–17, 18–20 … 27–29, 30–38 + 39–47, 48+), coarser because
 * an oblast has tens of cases a year, not CTDC's tens of thousands, and nine bands would make almost every line
 * unique; the child/adult line of the Law (18) stays a boundary. */
export const AGE_GROUPS = ['0--17', '18--29', '30--47', '48+'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

export function ageGroupOf(age: number | null): AgeGroup | null {
  if (age === null || !Number.isFinite(age) || age < 0) return null;
  if (age < 18) return '0--17';
  if (age < 30) return '18--29';
  if (age < 48) return '30--47';
  return '48+';
}

/** The forms of exploitation as CTDC names them where it has the same notion; the Ukrainian list's own otherwise. */
const FORM_FIELDS: Record<ExploitationForm, string> = {
  labour: 'isForcedLabour',
  sexual: 'isSexualExploit',
  begging: 'typeOfLabourBegging',
  criminal_activity: 'typeOfLabourIllicitActivities',
  armed_conflict: 'isForcedMilitary',
  organ_removal: 'isOrganRemoval',
  other: 'isOtherExploit',
  // CTDC's isSexAndLabour is exactly sexual and labour; «змішана» of the Ukrainian list is any several forms.
  mixed: 'zlagoda_formMixed',
  sale_of_children: 'zlagoda_formSaleOfChildren',
  surrogacy: 'zlagoda_formSurrogacy',
};

/** Every form of every version, in the order the lists give them. */
const ALL_FORMS: ExploitationForm[] = [...new Set(FORMS_VERSIONS.flatMap((v) => [...EXPLOITATION_FORM_SETS[v]]))];

export interface CaseLevelRow {
  /** HMAC-SHA256 of the case id under the export's key, first 12 hex: stable within the export, not the register's code. */
  caseCode: string;
  sex: 'female' | 'male' | null;
  ageGroup: AgeGroup | null;
  minor: boolean;
  citizenship: string;
  formsVersion: string;
  forms: string[];
  countries: string[];
  /** YYYY-MM: the month, never the day. */
  applicationMonth: string;
  decisionMonth: string | null;
  outcome: string | null;
}

/**
 * The quasi-identifiers the k-anonymity gate counts combinations of: every field the file prints but the pseudonym.
 * A month of application is as good as a name to someone who knows «she applied in March», so a line must be alike
 * in all of them, or the export does not leave.
 */
export const QUASI_IDENTIFIERS = ['sex', 'ageGroup', 'minor', 'citizenship', 'formsVersion', 'forms', 'countries', 'applicationMonth', 'decisionMonth', 'outcome'] as const;

interface CaseRecord {
  id: string;
  sex: string | null;
  citizenship: string;
  registrationDate: string;
  age: number | null;
  child: number;
  formsVersion: string;
  forms: string;
  countries: string;
  decisionDate: string | null;
  outcome: string | null;
}

const pseudonym = (key: Uint8Array | string, id: string): string => createHmac('sha256', key).update(id, 'utf8').digest('hex').slice(0, 12);

const parseList = (json: string): string[] => {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string').sort() : [];
};

/**
 * The cases registered in the period or decided in it, each with its last decision up to the period's end. `key`
 * keys the pseudonyms: a fresh random key per export makes two exports unlinkable as well.
 */
export function caseLevelRows(db: Db, period: Pick<Period, 'from' | 'to'>, key: Uint8Array | string): CaseLevelRow[] {
  const records = db
    .prepare(
      `SELECT c.id, p.sex, p.citizenship, c.registration_date AS registrationDate, c.age_at_registration AS age, c.child,
              c.forms_version AS formsVersion, c.forms, c.countries, d.date AS decisionDate, d.outcome
         FROM cases c
         JOIN persons p ON p.id = c.person_id
         LEFT JOIN case_steps d ON d.id = (
           SELECT s.id FROM case_steps s WHERE s.case_id = c.id AND s.kind = 'decision' AND s.date <= @to ORDER BY s.date DESC, s.seq DESC LIMIT 1)
        WHERE (c.registration_date BETWEEN @from AND @to)
           OR EXISTS (SELECT 1 FROM case_steps s WHERE s.case_id = c.id AND s.kind = 'decision' AND s.date BETWEEN @from AND @to)
        ORDER BY c.id`,
    )
    .all({ from: period.from, to: period.to }) as CaseRecord[];
  const rows = records.map(
    (r): CaseLevelRow => ({
      caseCode: pseudonym(key, r.id),
      sex: r.sex === 'female' || r.sex === 'male' ? r.sex : null,
      ageGroup: ageGroupOf(r.age),
      minor: r.child === 1,
      citizenship: r.citizenship,
      formsVersion: r.formsVersion,
      forms: parseList(r.forms),
      countries: parseList(r.countries),
      applicationMonth: r.registrationDate.slice(0, 7),
      decisionMonth: r.decisionDate ? r.decisionDate.slice(0, 7) : null,
      outcome: r.outcome,
    }),
  );
  // Ordered by the pseudonym, not the store's id or the date: the order must not leak the order of registration.
  return rows.sort((a, b) => (a.caseCode < b.caseCode ? -1 : a.caseCode > b.caseCode ? 1 : 0));
}

const FIELDS = [
  'zlagoda_caseCode',
  'yearOfRegistration',
  'zlagoda_applicationMonth',
  'gender',
  'zlagoda_ageGroup',
  'majorityStatus',
  'citizenship',
  'zlagoda_formsVersion',
  ...ALL_FORMS.map((f) => FORM_FIELDS[f]),
  'CountryOfExploitation',
  'zlagoda_decisionMonth',
  'zlagoda_decisionOutcome',
] as const;

const GENDER = { female: 'Female', male: 'Male' } as const;
const OUTCOME_WORDS: Record<string, { uk: string; en: string }> = {
  granted: { uk: 'статус встановлено', en: 'status granted' },
  refused: { uk: 'відмовлено', en: 'refused' },
  incomplete: { uk: 'неповний пакет документів', en: 'documents incomplete' },
};

function line(row: CaseLevelRow): string[] {
  const forms = new Set(row.forms);
  const inVersion = new Set<string>(EXPLOITATION_FORM_SETS[row.formsVersion as keyof typeof EXPLOITATION_FORM_SETS] ?? []);
  return [
    row.caseCode,
    row.applicationMonth.slice(0, 4),
    row.applicationMonth,
    row.sex ? GENDER[row.sex] : '',
    row.ageGroup ?? '',
    row.minor ? 'Minor' : 'Adult',
    row.citizenship,
    row.formsVersion,
    // A form the case's list version did not have is empty, not «0»: it could not have been chosen.
    ...ALL_FORMS.map((f) => (inVersion.has(f) ? (forms.has(f) ? '1' : '0') : '')),
    [...row.countries].sort().join(';'),
    row.decisionMonth ?? '',
    row.outcome ?? '',
  ];
}

type Words = { uk: string; en: string };
const w = (uk: string, en: string): Words => ({ uk, en });

function codebook(rows: readonly CaseLevelRow[]): string[][] {
  const out: string[][] = [];
  const field = (name: string, words: Words): void => void out.push([name, '', words.uk, words.en]);
  const value = (name: string, code: string, words: Words): void => void out.push([name, code, words.uk, words.en]);
  field('zlagoda_caseCode', w('Псевдонім справи для цього вивантаження (не реєстраційний номер)', 'Pseudonym of the case in this export (not the register number)'));
  field('yearOfRegistration', w('Рік подання заяви (HTCDS/CTDC)', 'Year the application was filed (HTCDS/CTDC)'));
  field('zlagoda_applicationMonth', w('Місяць подання заяви, РРРР-ММ', 'Month the application was filed, YYYY-MM'));
  field('gender', w('Стать (HTCDS/CTDC); порожньо — не зазначено', 'Sex (HTCDS/CTDC); empty: not recorded'));
  for (const [code, en] of Object.entries(GENDER)) value('gender', en, code === 'female' ? w('жіноча', 'female') : w('чоловіча', 'male'));
  field('zlagoda_ageGroup', w('Вікова група на день заяви; об’єднання груп ageBroad CTDC; порожньо — вік невідомий', 'Age group on the day of application; unions of CTDC ageBroad bands; empty: age unknown'));
  for (const g of AGE_GROUPS) value('zlagoda_ageGroup', g, w(g === '48+' ? '48 років і старше' : `${g.replace('--', '–')} років`, g === '48+' ? '48 and older' : `${g.replace('--', '–')} years`));
  field('majorityStatus', w('Дитина (до 18 років на день заяви; невідомий вік — дитина, ст. 3 Закону) чи доросла особа (HTCDS/CTDC)', 'Minor (under 18 on the day of application; unknown age counts as a minor) or adult (HTCDS/CTDC)'));
  value('majorityStatus', 'Minor', w('дитина', 'minor'));
  value('majorityStatus', 'Adult', w('доросла особа', 'adult'));
  field('citizenship', w('Громадянство, ISO 3166-1 alpha-2 (HTCDS/CTDC)', 'Citizenship, ISO 3166-1 alpha-2 (HTCDS/CTDC)'));
  field('zlagoda_formsVersion', w('Версія переліку форм експлуатації, за якою записано справу', 'Version of the list of forms of exploitation the case was recorded with'));
  for (const v of FORMS_VERSIONS) value('zlagoda_formsVersion', v, w(`перелік форм ${v} року`, `list of forms of ${v}`));
  for (const f of ALL_FORMS) {
    const versions = FORMS_VERSIONS.filter((v) => (EXPLOITATION_FORM_SETS[v] as readonly string[]).includes(f)).join(', ');
    field(FORM_FIELDS[f], w(`${EXPLOITATION_FORM_WORDS[f].uk}: 1 — так, 0 — ні, порожньо — немає у версії переліку справи (є у версіях ${versions})`, `${EXPLOITATION_FORM_WORDS[f].en}: 1 yes, 0 no, empty: not in the case's list version (in versions ${versions})`));
  }
  field('CountryOfExploitation', w('Країни експлуатації, ISO 3166-1 alpha-2, через «;» (HTCDS/CTDC; UA — внутрішня)', 'Countries of exploitation, ISO 3166-1 alpha-2, separated by «;» (HTCDS/CTDC; UA: internal)'));
  field('zlagoda_decisionMonth', w('Місяць останнього рішення за заявою до кінця періоду, РРРР-ММ', 'Month of the last decision on the application up to the end of the period, YYYY-MM'));
  field('zlagoda_decisionOutcome', w('Рішення за заявою', 'Decision on the application'));
  for (const [code, words] of Object.entries(OUTCOME_WORDS)) value('zlagoda_decisionOutcome', code, words);
  const countries = [...new Set(rows.flatMap((r) => [r.citizenship, ...r.countries]))].sort();
  for (const c of countries) value('country', c, w(countryName(c, 'uk', false), countryName(c, 'en', false)));
  return out;
}

const BOM = '\uFEFF';
const csv = (fields: readonly string[], data: string[][]): string => BOM + Papa.unparse({ fields: [...fields], data }, { newline: '\r\n', escapeFormulae: true }) + '\r\n';

export type CaseLevelExport = { ok: true; csv: string; codebook: string } | { ok: false; violations: KAnonymityViolation[] };

/** data/cases.csv and data/cases-codebook.csv, or the combinations rarer than k that refuse the export. */
export function caseLevelExport(rows: readonly CaseLevelRow[], k: number): CaseLevelExport {
  const violations = kAnonymityViolations(rows as unknown as Record<string, unknown>[], QUASI_IDENTIFIERS, k);
  if (violations.length > 0) return { ok: false, violations };
  return { ok: true, csv: csv(FIELDS, rows.map(line)), codebook: csv(['field', 'code', 'uk', 'en'], codebook(rows)) };
}
