import type { Step } from '../../../shared/domain/cases';
import type { Block } from '../minutes/minutes.model';
import { birthText, bySex, citizenshipText, date, fullName, LAW, STATUS } from './case-words';
import { formTitle, headSignature, letterheadBlocks, outgoingLine, text, type CaseDocumentData } from './letter';

/**
 * The certificate that a foreigner or stateless person applied for status (Law art. 14(4)): the ground for their
 * registration with the migration service while the application is decided. Its number and date are those of the
 * foreigner_certificate step.
 */
export function foreignerCertificateBlocks(d: CaseDocumentData, step: Step): Block[] {
  const { card } = d;
  const person = d.person!;
  const document = person.identityDocument.trim();
  return [
    ...letterheadBlocks(d),
    outgoingLine(step.date, step.number),
    ...formTitle('ДОВІДКА', `про звернення іноземця або особи без громадянства із заявою про встановлення ${STATUS}`),
    text(
      `Видана ${d.dative ?? fullName(person)}, дата народження: ${birthText(person)}, громадянство: ${citizenshipText(person.citizenship)}` +
        `${document ? `, документ, що посвідчує особу: ${document}` : ''}, про те, що ${bySex(person.sex, 'вона', 'він')} ` +
        `${date(card.fields.registrationDate)} ${bySex(person.sex, 'звернулася', 'звернувся')} із заявою про встановлення ${STATUS}; ` +
        `заяву зареєстровано за № ${card.fields.registrationNumber}.`,
      true,
    ),
    text(
      `Довідку видано відповідно до частини четвертої статті 14 ${LAW}. Вона є підставою для реєстрації ` +
        `${bySex(person.sex, 'іноземки (особи без громадянства)', 'іноземця (особи без громадянства)')} в територіальному органі Державної міграційної служби України.`,
    ),
    ...headSignature(d.letterhead, true),
  ];
}
