import { WAIVER_WORDS } from '../../../shared/domain/case-codes';
import type { Case, Step } from '../../../shared/domain/cases';
import { p, type Block } from '../minutes/minutes.model';
import { date, LAW, PROCEDURE, STATUS } from './case-words';
import { addresseeBlocks, executorLine, headSignature, letterHeading, letterheadBlocks, outgoingLine, text, type CaseDocumentData } from './letter';

const upperFirst = (value: string): string => value.charAt(0).toLocaleUpperCase('uk') + value.slice(1);

/** The interview, or why other data replaced it (Law art. 15(2)). */
function interviewText(card: Case, before: Step[]): string {
  const interview = [...before].reverse().find((s) => s.kind === 'interview' || s.kind === 'interview_waived');
  if (!interview) return 'Співбесіду не проведено.';
  if (interview.kind === 'interview') return `Співбесіду з опитувальником проведено ${date(interview.date)}.`;
  const reason = WAIVER_WORDS[interview.waiverReason as keyof typeof WAIVER_WORDS]?.uk ?? '';
  return `Співбесіду не проводили з підстави, передбаченої частиною другою статті 15 ${LAW}${reason ? ` (${reason})` : ''}; використано інші дані (${date(interview.date)}).`;
}

function policeText(before: Step[]): string {
  const request = [...before].reverse().find((s) => s.kind === 'police_request');
  if (!request) return '';
  const answer = before.slice(before.indexOf(request) + 1).find((s) => s.kind === 'police_answer');
  const asked = `Запит до територіального органу Національної поліції надіслано ${date(request.date)} № ${request.number}`;
  if (!answer) return `${asked}; відповіді на день направлення справи не отримано.`;
  const found = answer.proceedings ? `розпочато кримінальне провадження № ${answer.proceedingsNumber}` : 'кримінального провадження не розпочато';
  return `${asked}; відповідь від ${date(answer.date)}${answer.number ? ` № ${answer.number}` : ''}: ${found}.`;
}

/** Every paper of the file: the application, what came with it, and the documents of each step up to the forwarding. */
export function fileDocuments(card: Case, forwarded: Step): string[] {
  const before = card.steps.slice(0, card.steps.indexOf(forwarded) + 1);
  const all = [
    `Заява про встановлення ${STATUS}, від ${date(card.fields.registrationDate)} № ${card.fields.registrationNumber}`,
    ...card.fields.documentsReceived,
    ...before.flatMap((s) => s.documents),
  ].map((s) => s.trim());
  return [...new Set(all.filter(Boolean))];
}

/**
 * The cover letter that forwards the personal file to the deciding body (the forwarded step: its number, date and the
 * deciding body then in force). It names the person by code only: the file it covers carries the name, the letter
 * passes through registries that have no need of it.
 */
export function coverLetterBlocks(d: CaseDocumentData, step: Step): Block[] {
  const { card } = d;
  const before = card.steps.slice(0, card.steps.indexOf(step));
  const police = policeText(before);
  const documents = fileDocuments(card, step);
  const compiled = [...before].reverse().find((s) => s.kind === 'file_compiled');
  return [
    ...letterheadBlocks(d),
    outgoingLine(step.date, step.number),
    ...addresseeBlocks([step.decidingBody || 'Орган, що приймає рішення про встановлення статусу']),
    letterHeading('Про направлення особової справи'),
    text(
      `Відповідно до ${PROCEDURE} надсилаємо для прийняття рішення особову справу особи, яка звернулася із заявою про встановлення ${STATUS} ` +
        `(код особи ${card.code}; заяву зареєстровано ${date(card.fields.registrationDate)} за № ${card.fields.registrationNumber}).`,
      true,
    ),
    ...(card.child ? [text('Заяву подано щодо дитини.')] : []),
    ...(card.foreigner ? [text('Особа є іноземцем або особою без громадянства.')] : []),
    text(interviewText(card, before)),
    ...(police ? [text(police)] : []),
    ...(compiled ? [text(`Особову справу сформовано ${date(compiled.date)}.`)] : []),
    p('Додаток: особова справа, що містить:', { align: 'left', gap: true }),
    ...documents.map((doc, i) => p(`${i + 1}. ${upperFirst(doc)}.`.replace(/\.\.$/, '.'), { align: 'left', indent: true })),
    ...headSignature(d.letterhead),
    executorLine(step.official, d.letterhead),
  ];
}
