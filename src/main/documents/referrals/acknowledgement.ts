import { DECLINE_REASON_WORDS, OUTCOME_WORDS } from '../../../shared/domain/referral-codes';
import { p, type Block } from '../minutes/minutes.model';
import { date } from '../cases/case-words';
import { field, formTitle } from '../cases/letter';
import type { ReferralLetterData } from './referral-letter';
import { DATE_BLANK, referralRef, serviceWords } from './referral-words';

const BOX = '☐';

const section = (title: string): Block => p([{ text: title, bold: true }], { align: 'left', gap: true, keepNext: true });
const box = (value: string): Block => p(`${BOX} ${value}`, { align: 'left', smallGap: true, keepNext: true });
const option = (value: string): Block => p(`${BOX} ${value}`, { align: 'left', indent: true });

/**
 * The answer a recipient that does not use the app fills in by hand and sends back («Відповідь на направлення»): the
 * decision, the start of the service and its outcome, in the codes the sender records. It names the person by code
 * only, even when the letter named them: the form travels back through registries that have no need of the name.
 */
export function acknowledgementBlocks(data: ReferralLetterData): Block[] {
  const d = data.disclosure;
  const ref = referralRef(d.number, data.sentOn);
  const sendTo = [d.officerName.trim(), d.officerContact.trim()].filter(Boolean).join(', ');
  return [
    p(`Додаток до направлення ${ref}`, { align: 'left', rightHalf: true, small: true }),
    ...formTitle('ВІДПОВІДЬ', `на направлення ${ref}`),
    p(`Код особи: ${d.code}`, { align: 'left', gap: true }),
    field('Отримувач направлення', d.toName),
    field('Організація, що направила', d.fromName),
    section('1. Потреби, зазначені в направленні, і що зроблено щодо кожної'),
    ...d.needs.map((need, i): Block => ({ t: 'fill', label: `${i + 1}) ${serviceWords(need)}:` })),
    section('2. Рішення щодо направлення (позначте)'),
    box(`направлення прийнято ${DATE_BLANK}`),
    box(`у прийнятті направлення відмовлено ${DATE_BLANK} з причини:`),
    ...Object.values(DECLINE_REASON_WORDS).map((w) => option(w.uk)),
    { t: 'fill', label: 'Пояснення причини відмови:' },
    section('3. Надання допомоги'),
    box(`надання допомоги розпочато ${DATE_BLANK}`),
    section('4. Результат (позначте)'),
    ...Object.values(OUTCOME_WORDS).map((w) => option(w.uk)),
    { t: 'fill', label: 'Яку допомогу надано:' },
    { t: 'fill' },
    { t: 'fill' },
    p(`Дата завершення надання допомоги: ${DATE_BLANK}`, { align: 'left', smallGap: true }),
    section('5. Відповідь заповнив (заповнила)'),
    { t: 'fill', label: 'Посада:' },
    { t: 'fill', label: 'Прізвище, ім’я, по батькові:' },
    p(`Підпис ______________        Дата ${DATE_BLANK}`, { align: 'left', gap: true }),
    p(
      `Про прийняття направлення або відмову просимо повідомити ${d.answerDueOn ? `до ${date(d.answerDueOn)}` : 'у найкоротший строк'}, а після завершення ` +
        `надання допомоги надіслати цю форму, заповнену повністю, відповідальній посадовій особі: ${sendTo || '______________________________'} (${d.fromName}).`,
      { indent: true, gap: true },
    ),
  ];
}
