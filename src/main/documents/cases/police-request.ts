import type { Step } from '../../../shared/domain/cases';
import { p, type Block } from '../minutes/minutes.model';
import { birthText, citizenshipText, countriesText, date, formsText, fullName, LAW, periodText, PROCEDURE, STATUS } from './case-words';
import { addresseeBlocks, executorLine, headSignature, letterHeading, letterheadBlocks, outgoingLine, text, type CaseDocumentData } from './letter';

const item = (value: string): Block => p(value, { align: 'left', indent: true });

/**
 * The request to the territorial body of the National Police (CMU No. 417): whether criminal proceedings exist about
 * what the applicant told. The police need to know whom it is about, so this letter names the person; the number and
 * date are those of the police_request step.
 */
export function policeRequestBlocks(d: CaseDocumentData, step: Step): Block[] {
  const { card } = d;
  const person = d.person!;
  return [
    ...letterheadBlocks(d),
    outgoingLine(step.date, step.number),
    ...addresseeBlocks(['Керівникові територіального органу (підрозділу) Національної поліції']),
    letterHeading('Про надання інформації'),
    text(
      `Відповідно до ${LAW} та ${PROCEDURE}, розглядається заява про встановлення ${STATUS}, ` +
        `зареєстрована ${date(card.fields.registrationDate)} за № ${card.fields.registrationNumber}.`,
      true,
    ),
    text(
      'Просимо повідомити, чи розпочато досудове розслідування (кримінальне провадження) за фактом торгівлі людьми або іншого ' +
        'кримінального правопорушення, пов’язаного з обставинами, викладеними нижче, щодо такої особи, і надати наявні відомості про ці обставини:',
    ),
    item(`прізвище, ім’я, по батькові: ${fullName(person)};`),
    item(`дата народження: ${birthText(person)};`),
    item(`громадянство: ${citizenshipText(person.citizenship)};`),
    item(`документ, що посвідчує особу: ${person.identityDocument.trim() || 'відсутній'};`),
    ...(person.address.trim() ? [item(`адреса місця перебування: ${person.address.trim()};`)] : []),
    item(`форми експлуатації: ${formsText(card)};`),
    item(`країна (країни) експлуатації: ${countriesText(card)};`),
    item(`період: ${periodText(card)}.`),
    text(
      `Відповідь просимо надати якнайшвидше: строк розгляду заяви не може перевищувати одного місяця з дня проведення співбесіди ` +
        `(частина третя статті 15 ${LAW}).`,
    ),
    text('Лист містить персональні дані, які обробляються лише з метою, зазначеною в ньому, відповідно до Закону України «Про захист персональних даних».'),
    ...headSignature(d.letterhead),
    executorLine(step.official, d.letterhead),
  ];
}
