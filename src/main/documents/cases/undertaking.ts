import { p, type Block } from '../minutes/minutes.model';
import { date, lastStep, officialSignature, STATUS } from './case-words';
import { bodyName, formTitle, text, type CaseDocumentData } from './letter';

/**
 * The official's non-disclosure undertaking (MSP order No. 366, form 3). It is about what the official learned, so
 * it names the case by its number and code, never the person: the undertaking is filed where others may read it.
 * The official of the undertaking step signs; before that step is recorded, the official who registered the case.
 */
export function undertakingBlocks(d: CaseDocumentData): Block[] {
  const { card } = d;
  const step = lastStep(card, 'undertaking') ?? lastStep(card, 'registration');
  const official = step?.official.trim() ?? '';
  return [
    p([{ text: bodyName(d).toLocaleUpperCase('uk'), bold: true }], { align: 'center' }),
    ...formTitle('РОЗПИСКА', 'про нерозголошення відомостей'),
    text(
      `Я, ${official || '______________________________'}, відповідальна посадова особа, яка проводить процедуру встановлення ${STATUS}, ` +
        `зобов’язуюся не розголошувати відомості, що стали мені відомі під час проведення процедури встановлення статусу щодо особи, ` +
        `справа № ${card.fields.registrationNumber} від ${date(card.fields.registrationDate)}, код ${card.code}: персональні дані особи, ` +
        'відомості про обставини, за яких вона постраждала, про стан її здоров’я, надану їй допомогу та місце її перебування.',
      true,
    ),
    text('Мене попереджено, що розголошення цих відомостей тягне за собою відповідальність, установлену законом.'),
    {
      t: 'signatures',
      rows: [{ label: step?.kind === 'undertaking' ? date(step.date) : '«____» ______________ 20___ р.', position: '', name: official ? officialSignature(official) : '' }],
    },
  ];
}
