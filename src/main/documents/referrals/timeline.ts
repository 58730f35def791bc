import type { CaseState } from '../../../shared/domain/cases';
import type { Letterhead } from '../../../shared/domain/parameters';
import type { PersonFile, TimelineEntry } from '../../../shared/domain/referrals';
import { p, type Block } from '../minutes/minutes.model';
import { date, STATE_WORDS } from '../cases/case-words';
import { formTitle } from '../cases/letter';
import { entryWords } from './referral-words';

/** What the timeline is made from, loaded by the persons feature: by code, never the name, which it is never given. */
export interface TimelineDocumentData {
  letterhead: Letterhead;
  code: string;
  child: boolean;
  identification: PersonFile['identification'];
  cases: PersonFile['cases'];
  entries: TimelineEntry[];
  today: string;
}

const section = (title: string): Block => p([{ text: title, bold: true }], { align: 'left', gap: true, keepNext: true });
const facts = (rows: [string, string][]): Block => ({ t: 'grid', small: true, columns: [{ title: '', width: 36 }, { title: '', width: 64 }], rows: rows.map(([k, v]) => [k, v || '—']) });

const stateWords = (state: string): string => (Object.hasOwn(STATE_WORDS, state) ? STATE_WORDS[state as CaseState] : state);

function identificationText(i: TimelineDocumentData['identification']): string {
  if (!i.identifiedOn) return 'не зазначено';
  return [date(i.identifiedOn), i.identifiedByName.trim() && `виявив: ${i.identifiedByName.trim()}`, i.identifiedKatottg && `місце (код КАТОТТГ): ${i.identifiedKatottg}`].filter(Boolean).join('; ');
}

/** By date, and within a day in the order the data gives (the order things were recorded), which a stable sort keeps. */
const byDate = (entries: TimelineEntry[]): TimelineEntry[] => [...entries].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

/**
 * The person's timeline for a case conference («Хронологія допомоги особі»): identification, needs, consents,
 * referrals, services and the status steps in date order. It names the person by code only: a conference has
 * people at the table who need to know what was done, not who it was done for.
 */
export function timelineBlocks(data: TimelineDocumentData): Block[] {
  const body = data.letterhead.body.trim();
  const entries = byDate(data.entries);
  return [
    ...(body ? [p([{ text: body.toLocaleUpperCase('uk'), bold: true }], { align: 'center' })] : []),
    ...formTitle('ХРОНОЛОГІЯ ДОПОМОГИ', `особі ${data.code}`),
    p(`станом на ${date(data.today)}`, { align: 'center', smallGap: true }),
    section('1. Відомості про особу'),
    facts([
      ['Код особи', data.code],
      ['Дитина', data.child ? 'так' : 'ні'],
      ['Виявлення', identificationText(data.identification)],
      [
        'Справи щодо встановлення статусу',
        data.cases.map((c) => `№ ${c.registrationNumber} від ${date(c.registrationDate)}: ${stateWords(c.state)}`).join('\n') || 'не порушувалися',
      ],
    ]),
    section('2. Хронологія'),
    entries.length
      ? {
          t: 'grid',
          small: true,
          columns: [
            { title: '№ з/п', width: 6, align: 'center' },
            { title: 'Дата', width: 13, align: 'center' },
            { title: 'Подія', width: 33 },
            { title: 'Суб’єкт взаємодії', width: 22 },
            { title: 'Примітка', width: 26 },
          ],
          rows: entries.map((e, i) => [String(i + 1), date(e.date), entryWords(e).join('\n'), e.organisationName.trim(), e.text.trim()]),
        }
      : p('Записів немає.', { align: 'left' }),
    p(`Сформовано ${date(data.today)}. Для службового користування.`, { align: 'left', small: true, gap: true }),
  ];
}
