import type { Block } from '../minutes/minutes.model';
import { p } from '../minutes/minutes.model';
import { signatureName } from '../minutes/format';
import { birthText, citizenshipText, date, fullName, officialSignature, sexText, STATUS } from './case-words';
import { addresseeBlocks, field, formTitle, text, type CaseDocumentData } from './letter';

const fills = (n: number): Block[] => Array.from({ length: n }, () => ({ t: 'fill' }) as Block);
/** The representative's name as entered («Мельник Ірина Петрівна») as signed, or a blank when none was entered. */
const signatureOf = (name: string): string => (name.trim() ? officialSignature(name) : '');
const section = (title: string): Block => p([{ text: title, bold: true }], { align: 'left', gap: true, keepNext: true });

/**
 * The application for status (MSP order No. 366, form 1), filled in from what the register holds, with lines left
 * for what only the applicant writes: the circumstances, the signature and its date. For a child or an incapable
 * person the applicant is the legal representative, named apart from the person (CMU No. 417, p. 2).
 */
export function applicationBlocks(d: CaseDocumentData): Block[] {
  const { card } = d;
  const person = d.person!;
  const represented = card.child || person.incapable;
  const rep = person.representative;
  const registration = card.steps.find((s) => s.kind === 'registration');
  const contacts = [person.phone, person.email].map((s) => s.trim()).filter(Boolean).join(', ');
  return [
    ...addresseeBlocks([card.fields.receivingBodyName]),
    ...formTitle('ЗАЯВА', `про встановлення ${STATUS}`),
    text(
      represented
        ? `Прошу встановити статус особи, яка постраждала від торгівлі людьми, особі, відомості про яку наведено нижче.`
        : `Прошу встановити мені статус особи, яка постраждала від торгівлі людьми.`,
      true,
    ),
    section(represented ? 'Відомості про особу, щодо якої подано заяву' : 'Відомості про заявника'),
    field('Прізвище, ім’я, по батькові', fullName(person)),
    field('Дата народження', birthText(person)),
    field('Стать', sexText(person.sex)),
    field('Громадянство', citizenshipText(person.citizenship)),
    field('Документ, що посвідчує особу', person.identityDocument),
    field('Адреса місця перебування', person.address),
    field('Телефон, електронна пошта', contacts),
    field('Мова спілкування', person.languages),
    field('Потреба в перекладачеві', person.interpreterNeeded ? 'так' : 'ні'),
    ...(represented
      ? [
          section('Відомості про законного представника (заявника)'),
          ...(rep.name.trim() ? [field('Прізвище, ім’я, по батькові', rep.name)] : [{ t: 'fill', label: 'Прізвище, ім’я, по батькові:' } as Block]),
          ...(rep.relation.trim() ? [field('Ким доводиться особі', rep.relation)] : [{ t: 'fill', label: 'Ким доводиться особі:' } as Block]),
          ...(rep.contacts.trim() ? [field('Контакти', rep.contacts)] : [{ t: 'fill', label: 'Контакти:' } as Block]),
        ]
      : []),
    section('Обставини, за яких особа постраждала від торгівлі людьми (коли, де, ким і як):'),
    ...fills(4),
    section('До заяви додаю:'),
    ...card.fields.documentsReceived.map((doc, i) => p(`${i + 1}. ${doc}`, { align: 'left', smallGap: true })),
    ...fills(1),
    text(
      'Даю згоду на обробку персональних даних, зазначених у цій заяві та доданих до неї документах, зокрема тих, що належать до ' +
        'особливих категорій, з метою встановлення статусу та надання допомоги відповідно до Закону України «Про захист персональних даних».',
      true,
    ),
    { t: 'dateline', date: '«____» ______________ 20___ р.', number: `______________ ${represented ? signatureOf(rep.name) : signatureName(person.givenName, person.surname)}` },
    p(`Заяву зареєстровано в журналі реєстрації заяв ${date(card.fields.registrationDate)} за № ${card.fields.registrationNumber}.`, { align: 'left', gap: true, keepNext: true }),
    { t: 'signatures', compact: true, rows: [{ label: 'Відповідальна посадова особа', position: '', name: registration ? officialSignature(registration.official) : '' }] },
  ];
}
