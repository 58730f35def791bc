import { AID_CATEGORY_WORDS, countryName, END_WORDS, EXPLOITATION_FORM_WORDS, OUTCOME_WORDS, REFUSAL_WORDS, WAIVER_WORDS } from '../../../shared/domain/case-codes';
import type { Case, CaseState, Person, Step, StepKind } from '../../../shared/domain/cases';
import { formatDate, plural, signatureName } from '../minutes/format';

/**
 * The Ukrainian words of the case documents: how a step, a state, a person's facts read on paper. Documents are in
 * the state language whatever the screen speaks, so these live beside the documents, not in the interface texts.
 */

export const STEP_WORDS: Record<StepKind, string> = {
  registration: 'Реєстрація заяви',
  foreigner_certificate: 'Видача довідки про звернення іноземця',
  interview: 'Співбесіда',
  interview_waived: 'Співбесіду замінено іншими даними',
  undertaking: 'Розписка про нерозголошення відомостей',
  file_compiled: 'Формування особової справи',
  police_request: 'Запит до Національної поліції',
  police_answer: 'Відповідь Національної поліції',
  forwarded: 'Направлення справи для прийняття рішення',
  decision: 'Рішення',
  notified: 'Повідомлення заявника про рішення',
  certificate: 'Видача довідки про встановлення статусу',
  extension: 'Продовження строку статусу',
  ended: 'Припинення статусу',
  appeal: 'Оскарження рішення в суді',
};

export const STATE_WORDS: Record<CaseState, string> = {
  open: 'заява розглядається',
  incomplete: 'заяву повернуто для доповнення документів',
  granted: 'статус встановлено',
  refused: 'у встановленні статусу відмовлено',
  ended: 'статус припинено',
};

export const LAW = 'Закону України «Про протидію торгівлі людьми»';
export const PROCEDURE =
  'Порядку встановлення статусу особи, яка постраждала від торгівлі людьми, затвердженого постановою Кабінету Міністрів України від 23 травня 2012 р. № 417';
export const STATUS = 'статусу особи, яка постраждала від торгівлі людьми';

export const date = (iso: string | null | undefined): string => (iso ? formatDate(iso) : '');

export function fullName(p: Pick<Person, 'surname' | 'givenName' | 'patronymic'>): string {
  return [p.surname, p.givenName, p.patronymic].map((s) => s.trim()).filter(Boolean).join(' ');
}

/** «12.04.1998», or the age at identification, or that neither is known (the person then counts as a child). */
export function birthText(p: Pick<Person, 'birthDate' | 'ageAtIdentification'>): string {
  if (p.birthDate) return formatDate(p.birthDate);
  if (p.ageAtIdentification !== null) {
    const n = p.ageAtIdentification;
    return `не встановлено; вік на час виявлення — ${n} ${plural(n, 'рік', 'роки', 'років')}`;
  }
  return 'не встановлено';
}

export const citizenshipText = (code: string): string => countryName(code, 'uk');
export const sexText = (sex: Person['sex']): string => (sex === 'male' ? 'чоловіча' : 'жіноча');

/** A verb or participle agreeing with the person: «звернулася» / «звернувся». */
export const bySex = (sex: Person['sex'], feminine: string, masculine: string): string => (sex === 'male' ? masculine : feminine);

export const formsText = (card: Case): string => card.fields.forms.map((f) => EXPLOITATION_FORM_WORDS[f].uk).join(', ') || 'не зазначено';
export const countriesText = (card: Case): string => card.fields.countries.map((c) => countryName(c, 'uk', true)).join(', ') || 'не зазначено';

export function periodText(card: Case): string {
  const { exploitationFrom: from, exploitationTo: to } = card.fields;
  if (from && to) return `з ${date(from)} по ${date(to)}`;
  if (from) return `з ${date(from)}`;
  if (to) return `по ${date(to)}`;
  return 'не встановлено';
}

export function arrivalText(card: Case): string {
  return card.fields.arrival === 'referred' ? `за направленням: ${card.referredByName || 'суб’єкт взаємодії'}` : 'самостійно';
}

/** The official as they sign: «Савченко Ірина Миколаївна» signs «Ірина САВЧЕНКО»; anything else as typed. */
export function officialSignature(official: string): string {
  const parts = official.trim().split(/\s+/);
  return parts.length >= 2 ? signatureName(parts[1]!, parts[0]!) : official.trim();
}

/** The executor line of a letter (ДСТУ 4163:2020): surname and given name, then the telephone. */
export function executorText(official: string, phone: string): string {
  const parts = official.trim().split(/\s+/);
  const name = parts.length >= 2 ? `${parts[0]} ${parts[1]}` : official.trim();
  return [name, phone.trim()].filter(Boolean).join(' ');
}

export const lastStep = (card: Case, kind: StepKind): Step | null => [...card.steps].reverse().find((s) => s.kind === kind) ?? null;

export const stepsAfter = (card: Case, step: Step): Step[] => card.steps.slice(card.steps.indexOf(step) + 1);

/** «статус встановлено, рішення № 12» and the like, for a decision step. */
export function decisionText(step: Step): string {
  const outcome = step.outcome ? OUTCOME_WORDS[step.outcome].uk : '';
  const reason = step.outcome === 'refused' && step.refusalReason ? `: ${refusalText(step)}` : '';
  return `${outcome}${reason}${step.number ? ` (рішення № ${step.number})` : ''}`;
}

/** The reason of a refusal in words; «other» is the note itself. */
export function refusalText(step: Step): string {
  const code = step.refusalReason as keyof typeof REFUSAL_WORDS | null;
  if (!code || code === 'other') return step.note.trim();
  return [REFUSAL_WORDS[code].uk, step.note.trim()].filter(Boolean).join('. ');
}

/** What a step settled beyond its date and number, in a few words. */
export function stepDetail(step: Step): string {
  switch (step.kind) {
    case 'interview_waived':
      return step.waiverReason ? `підстава: ${WAIVER_WORDS[step.waiverReason as keyof typeof WAIVER_WORDS]?.uk ?? step.waiverReason}` : '';
    case 'police_answer':
      return step.proceedings ? `кримінальне провадження № ${step.proceedingsNumber}` : 'кримінального провадження не розпочато';
    case 'forwarded':
      return step.decidingBody ? `до: ${step.decidingBody}` : '';
    case 'decision':
      return step.outcome ? [OUTCOME_WORDS[step.outcome].uk, step.outcome === 'refused' ? refusalText(step) : ''].filter(Boolean).join(': ') : '';
    case 'certificate':
    case 'extension':
      return step.validUntil ? `статус діє до ${date(step.validUntil)}` : 'до усунення небезпеки повернення';
    case 'ended':
      return step.endReason ? (END_WORDS[step.endReason as keyof typeof END_WORDS]?.uk ?? step.endReason) : '';
    case 'appeal':
      return step.court ? `суд: ${step.court}` : '';
    default:
      return '';
  }
}

export function aidText(card: Case): string {
  const aid = card.aid;
  if (!aid) return 'не призначалася';
  const money = (kop: number) => `${(kop / 100).toLocaleString('uk-UA', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} грн`;
  return [
    `категорія: ${AID_CATEGORY_WORDS[aid.category].uk}`,
    `заява від ${date(aid.applicationDate)}`,
    `сума ${money(aid.amountKop)} (3 × ${money(aid.minimumKop)})`,
    aid.payingBody ? `орган: ${aid.payingBody}` : '',
    aid.paymentDate ? `виплачено ${date(aid.paymentDate)}` : 'не виплачено',
  ]
    .filter(Boolean)
    .join('; ');
}
