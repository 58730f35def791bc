import type { Disclosure } from '../../../shared/domain/referrals';
import type { Letterhead } from '../../../shared/domain/parameters';
import { p, type Block } from '../minutes/minutes.model';
import { date, LAW } from '../cases/case-words';
import { addresseeBlocks, executorLine, field, formTitle, headSignature, letterheadOf, text } from '../cases/letter';
import { referralRef, serviceWords, urgencyWords } from './referral-words';

/**
 * What the referral documents are made from, loaded by the referrals feature: the builders never read the store.
 * The disclosure is already cut to the consent's scope, so what is null here was never the builders' to print.
 */
export interface ReferralLetterData {
  letterhead: Letterhead;
  disclosure: Disclosure;
  /** The day the letter was sent; null for a draft, whose number and date are left blank. */
  sentOn: string | null;
  today: string;
}

/** The law the confidentiality rests on, in full the first time a letter cites it. */
export const LAW_IN_FULL = `${LAW} від 20 вересня 2011 р. № 3739-VI`;

/**
 * Said once, whatever was withheld: naming what the recipient does not get would tell them it exists (that there are
 * documents, that circumstances were recorded), which is itself a disclosure the consent did not cover.
 */
export const WITHHELD_LINE = 'Інші відомості про особу передаються лише за її згодою; для їх отримання зверніться до відповідальної посадової особи.';

const item = (value: string): Block => p(value, { align: 'left', indent: true });
const heading = (value: string): Block => p(value, { align: 'left', smallGap: true, keepNext: true });
const list = (values: string[]): Block[] => values.map((v, i) => item(`${i + 1}. ${v}${i === values.length - 1 ? '.' : ';'}`));

/** The body name on the letterhead: the administration's letterhead, or the sending organisation where none is set. */
export const senderName = (data: ReferralLetterData): string => data.letterhead.body.trim() || data.disclosure.fromName;

/** Whether anything about the person stays behind: then the recipient is told, in the one neutral line, whom to ask. */
function somethingWithheld(d: Disclosure): boolean {
  return d.withheld.length > 0 || d.name === null || d.contacts === null || d.birthDate === null || d.circumstances === null || d.documents === null;
}

/** Who the person is and how to reach them, each part only when the consent let it travel. */
function personBlocks(d: Disclosure): Block[] {
  const c = d.contacts;
  const r = d.representative;
  return [
    field('Код особи', d.code),
    field('Вікова категорія', d.child ? 'дитина' : 'повнолітня особа'),
    ...(d.name !== null ? [field('Прізвище, ім’я, по батькові', d.name)] : []),
    ...(d.birthDate !== null ? [field('Дата народження', date(d.birthDate))] : []),
    ...(c !== null
      ? [
          ...(c.phone.trim() ? [field('Телефон', c.phone.trim())] : []),
          ...(c.email.trim() ? [field('Електронна пошта', c.email.trim())] : []),
          ...(c.address.trim() ? [field('Адреса місця перебування', c.address.trim())] : []),
          field('Мова спілкування', c.languages.trim() || 'не зазначено'),
          field('Потреба в перекладачеві', c.interpreterNeeded ? 'потрібен перекладач' : 'не потрібен'),
        ]
      : []),
    ...(r !== null ? [field('Законний представник', [r.name.trim(), r.relation.trim() && `(${r.relation.trim()})`].filter(Boolean).join(' ') + (r.contacts.trim() ? `, ${r.contacts.trim()}` : ''))] : []),
  ];
}

/**
 * The referral letter («Направлення», Law No. 3739-VI, CMU No. 783) from the sending organisation to the recipient.
 * It carries the code, whether the person is a child, the needs, the urgency, the answer's term and the officer
 * responsible; anything else only as far as the disclosure carries it.
 */
export function referralLetterBlocks(data: ReferralLetterData): Block[] {
  const d = data.disclosure;
  const circumstances = d.circumstances?.split(/\r?\n/).map((l) => l.trim()).filter(Boolean) ?? [];
  const term = d.answerDueOn ? `до ${date(d.answerDueOn)}` : 'у найкоротший строк';
  return [
    ...letterheadOf(data.letterhead, senderName(data)),
    ...addresseeBlocks([d.toName]),
    ...formTitle('НАПРАВЛЕННЯ', referralRef(d.number, data.sentOn)),
    p('для надання допомоги особі, яка постраждала від торгівлі людьми', { align: 'center' }),
    text(`Відповідно до ${LAW} направляємо особу для надання допомоги, зазначеної нижче.`, true),
    heading('Відомості про особу:'),
    ...personBlocks(d),
    heading('Потреби особи (види допомоги):'),
    ...list(d.needs.map(serviceWords)),
    p(`Терміновість: ${urgencyWords(d.urgency)}`, { align: 'left', smallGap: true }),
    ...(circumstances.length ? [heading('Обставини, які необхідно знати для надання допомоги:'), ...circumstances.map((l) => text(l))] : []),
    ...(somethingWithheld(d) ? [text(WITHHELD_LINE, true)] : []),
    p([{ text: 'Відповідальна посадова особа: ' }, { text: [d.officerName.trim(), d.officerContact.trim()].filter(Boolean).join(', ') }], { align: 'left', gap: true }),
    text(
      `Відповідно до ${LAW_IN_FULL} інформація про особу, яка постраждала від торгівлі людьми, є конфіденційною. ` +
        'Відомості цього направлення використовуються лише для надання особі допомоги і не передаються іншим особам.',
      true,
    ),
    text(
      `Про прийняття направлення або відмову просимо повідомити ${term}, заповнивши додану форму відповіді, а після завершення надання ` +
        'допомоги повернути її, заповнену повністю, відповідальній посадовій особі.',
    ),
    p('Додаток:', { align: 'left', gap: true, keepNext: true }),
    ...list(['форма відповіді на направлення', ...(d.documents ?? [])]),
    ...headSignature(data.letterhead),
    executorLine(d.officerName, data.letterhead),
  ];
}
