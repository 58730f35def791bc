import type { Step } from '../../../shared/domain/cases';
import { p, type Block } from '../minutes/minutes.model';
import { date, fullName, LAW, refusalText, STATUS, stepsAfter } from './case-words';
import { addresseeBlocks, executorLine, headSignature, letterHeading, letterheadBlocks, outgoingLine, text, type CaseDocumentData } from './letter';

const HEADINGS = { granted: 'Про встановлення статусу', refused: 'Про відмову у встановленні статусу', incomplete: 'Про доповнення документів' } as const;

/** The rights of a person with status (domain.md §2.7, after the Ministry's list), told once status is granted. */
const RIGHTS =
  'Особа, якій установлено статус, має право на безоплатне отримання інформації про свої права мовою, яку вона розуміє, медичної, ' +
  'психологічної, соціальної, юридичної та іншої необхідної допомоги, на тимчасове розміщення в закладі допомоги, на відшкодування ' +
  'моральної та матеріальної шкоди за рахунок осіб, які її завдали, на одноразову матеріальну допомогу (постанова Кабінету Міністрів ' +
  'України від 25 липня 2012 р. № 660) та сприяння в працевлаштуванні.';

/**
 * The notice of the decision to the applicant (the decision step: outcome, number, date). A child's or an incapable
 * person's notice goes to the legal representative. Its outgoing number and date are those of the notified step
 * when one is recorded; until then they are left blank for the registry.
 */
export function decisionNoticeBlocks(d: CaseDocumentData, decision: Step): Block[] {
  const { card, letterhead } = d;
  const person = d.person!;
  const rep = person.representative;
  const represented = (card.child || person.incapable) && rep.name.trim() !== '';
  const later = stepsAfter(card, decision);
  const notified = later.find((s) => s.kind === 'notified') ?? null;
  const certificate = later.find((s) => s.kind === 'certificate') ?? null;
  // The decision keeps the body that decided; a decision recorded before it did, the body the file went to.
  const body = decision.decidingBody || ([...card.steps.slice(0, card.steps.indexOf(decision))].reverse().find((s) => s.kind === 'forwarded')?.decidingBody ?? '');
  const outcome = decision.outcome ?? 'granted';
  const address = letterhead.address.trim();
  const application = `${represented ? `заяви щодо ${fullName(person)}` : 'Вашої заяви'} про встановлення ${STATUS}, зареєстрованої ${date(card.fields.registrationDate)} за № ${card.fields.registrationNumber}`;
  const decided = `прийнято рішення від ${date(decision.date)} № ${decision.number}${body ? ` (${body})` : ''}`;
  const out: Block[] = [
    ...letterheadBlocks(d),
    outgoingLine(notified?.date ?? null, notified?.number ?? ''),
    ...addresseeBlocks(represented ? [rep.name.trim(), '(законний представник)', rep.contacts] : [d.dative ?? fullName(person), person.address]),
    letterHeading(HEADINGS[outcome]),
  ];
  if (outcome === 'granted') {
    out.push(text(`Повідомляємо, що за результатами розгляду ${application} ${decided} про встановлення ${represented ? '' : 'Вам '}${STATUS}.`, true));
    if (certificate) {
      const until = certificate.validUntil ? `статус діє до ${date(certificate.validUntil)}` : 'статус діє до усунення небезпеки повернення';
      out.push(text(`Довідку про встановлення статусу від ${date(certificate.date)} № ${certificate.number} видано; ${until}.`));
    } else {
      out.push(text(`Для отримання довідки про встановлення статусу просимо звернутися${address ? ` за адресою: ${address}` : ' до нас особисто'}${letterhead.phone.trim() ? ` (тел. ${letterhead.phone.trim()})` : ''}.`));
    }
    out.push(text(RIGHTS));
  } else if (outcome === 'refused') {
    out.push(text(`Повідомляємо, що за результатами розгляду ${application} ${decided} про відмову у встановленні ${STATUS}.`, true));
    out.push(text(`Підстава відмови: ${refusalText(decision) || 'не зазначено'}.`.replace(/\.\.$/, '.')));
    out.push(text(`Відповідно до частини четвертої статті 15 ${LAW} це рішення може бути оскаржене в судовому порядку.`));
  } else {
    out.push(text(`Повідомляємо, що за результатами розгляду ${application} ${decided} повернути заяву для доповнення документів.`, true));
    out.push(text('Для повторного розгляду заяви просимо подати:'));
    const missing = decision.note.split('\n').map((l) => l.trim()).filter(Boolean);
    out.push(...(missing.length ? missing.map((l, i) => p(`${i + 1}. ${l}`, { align: 'left', indent: true })) : Array.from({ length: 3 }, () => ({ t: 'fill' }) as Block)));
    out.push(text(`Документи можна подати${address ? ` за адресою: ${address}` : ' особисто'}${letterhead.phone.trim() ? `; довідки за тел. ${letterhead.phone.trim()}` : ''}.`));
  }
  out.push(...headSignature(letterhead), executorLine((notified ?? decision).official, letterhead));
  return out;
}
