import { END_WORDS, RECEIVING_BODY_WORDS } from '../../../shared/domain/case-codes';
import type { Case } from '../../../shared/domain/cases';
import { plural } from '../minutes/format';
import { p, type Block } from '../minutes/minutes.model';
import {
  aidText,
  arrivalText,
  birthText,
  citizenshipText,
  countriesText,
  date,
  formsText,
  fullName,
  lastStep,
  officialSignature,
  periodText,
  sexText,
  STATE_WORDS,
  STEP_WORDS,
  stepDetail,
} from './case-words';
import { bodyName, formTitle, type CaseDocumentData } from './letter';

const section = (title: string): Block => p([{ text: title, bold: true }], { align: 'left', gap: true, keepNext: true });

/** Label and value, without a header: the form part of the card. */
const facts = (rows: [string, string][]): Block => ({ t: 'grid', small: true, columns: [{ title: '', width: 36 }, { title: '', width: 64 }], rows: rows.map(([k, v]) => [k, v || '—']) });

function stateText(card: Case): string {
  const words = [STATE_WORDS[card.state]];
  if (card.state === 'granted' && card.validUntil) words.push(`статус діє до ${date(card.validUntil)}`);
  if (card.state === 'ended' && card.endedOn) words.push(`${date(card.endedOn)}${card.endReason ? `, ${END_WORDS[card.endReason].uk}` : ''}`);
  return words.join('; ');
}

function ageText(card: Case): string {
  if (card.ageAtRegistration === null) return card.child ? 'так (вік не встановлено)' : 'ні';
  const n = card.ageAtRegistration;
  return `${card.child ? 'так' : 'ні'} (${n} ${plural(n, 'рік', 'роки', 'років')})`;
}

/** One row per step: what it was, when, under which number, who took it, and what it settled. */
export function stepRows(card: Case): string[][] {
  return card.steps.map((s, i) => [
    String(i + 1),
    STEP_WORDS[s.kind],
    date(s.date),
    s.number,
    s.official,
    [stepDetail(s), s.documents.length ? `документи: ${s.documents.join('; ')}` : '', s.note.trim()].filter(Boolean).join('\n'),
  ]);
}

export const STEP_COLUMNS = [
  { title: '№', width: 5, align: 'center' as const },
  { title: 'Етап процедури', width: 21 },
  { title: 'Дата', width: 14, align: 'center' as const },
  { title: 'Номер документа', width: 14, align: 'center' as const },
  { title: 'Посадова особа', width: 20 },
  { title: 'Відомості', width: 26 },
];

/** The case's facts as rows of label and value, shared by the record card and the subject-access file. */
export function caseFactRows(card: Case): [string, string][] {
  return [
    ['Орган, що прийняв заяву', `${card.fields.receivingBodyName} (${RECEIVING_BODY_WORDS[card.fields.receivingBodyKind].uk})`],
    ['Дата і номер реєстрації заяви', `${date(card.fields.registrationDate)} № ${card.fields.registrationNumber}`],
    ['Як особа звернулася', arrivalText(card)],
    ['Місце виявлення (код КАТОТТГ)', card.fields.identificationKatottg],
    ['Дитина на час звернення', ageText(card)],
    ['Іноземець або особа без громадянства', card.foreigner ? 'так' : 'ні'],
    ['Форми експлуатації', formsText(card)],
    ['Країна (країни) експлуатації', countriesText(card)],
    ['Період експлуатації', periodText(card)],
    ['Документи, подані із заявою', card.fields.documentsReceived.join('\n')],
    ['Стан справи', stateText(card)],
    ['Одноразова матеріальна допомога', aidText(card)],
  ];
}

/** Who the person is, as rows of label and value. */
export function personFactRows(person: NonNullable<CaseDocumentData['person']>): [string, string][] {
  const rep = person.representative;
  return [
    ['Прізвище, ім’я, по батькові', fullName(person)],
    ['Дата народження', birthText(person)],
    ['Стать', sexText(person.sex)],
    ['Громадянство', citizenshipText(person.citizenship)],
    ['Мова спілкування; потреба в перекладачеві', [person.languages.trim() || 'не зазначено', person.interpreterNeeded ? 'потрібен перекладач' : 'перекладач не потрібен'].join('; ')],
    ['Документ, що посвідчує особу', person.identityDocument],
    ['Адреса місця перебування', person.address],
    ['Телефон, електронна пошта', [person.phone, person.email].map((s) => s.trim()).filter(Boolean).join(', ')],
    ['Визнано недієздатною (недієздатним)', person.incapable ? 'так' : 'ні'],
    ['Законний представник', [rep.name.trim(), rep.relation.trim() && `(${rep.relation.trim()})`, rep.contacts.trim()].filter(Boolean).join(' ')],
  ];
}

/**
 * The record card of a person who considers themselves a victim (MSP order No. 366, form 4): every fact of the case
 * and every step with its date, as it stands on the day it is printed.
 */
export function recordCardBlocks(d: CaseDocumentData, today: string): Block[] {
  const { card } = d;
  const registration = lastStep(card, 'registration');
  return [
    p([{ text: bodyName(d).toLocaleUpperCase('uk'), bold: true }], { align: 'center' }),
    ...formTitle('ОБЛІКОВА КАРТКА', 'особи, яка вважає себе постраждалою від торгівлі людьми'),
    p(`Код особи ${card.code}; справа № ${card.fields.registrationNumber} від ${date(card.fields.registrationDate)}; станом на ${date(today)}`, { align: 'center', smallGap: true }),
    section('1. Відомості про особу'),
    facts(personFactRows(d.person!)),
    section('2. Відомості про заяву'),
    facts(caseFactRows(card)),
    section('3. Етапи процедури'),
    { t: 'grid', small: true, columns: STEP_COLUMNS, rows: stepRows(card) },
    { t: 'signatures', rows: [{ label: 'Відповідальна посадова особа', position: '', name: registration ? officialSignature(registration.official) : '' }] },
  ];
}
