import { addDays } from '../../../shared/time';
import { TRAINING_FORMAT_WORDS } from '../../../shared/domain/training-codes';
import { formatDate, typographic } from '../minutes/format';
import { p, type Block, type GridColumn } from '../minutes/minutes.model';
import { dates, fullName, hoursText, KIND_GENITIVE, quoted, type TrainingDocData } from './training-words';

/**
 * The participants list and the attendance sheet for signatures: landscape pages of a ruled table under a heading
 * that names the training, its dates and its place. Both print the full name: people sign against it.
 */

/** Lines left empty at the foot of the sheet, for those who come without being on the list. */
export const BLANK_ROWS = 8;
/** Up to this many days the sheet has a signature column a day; a longer course is signed once. */
const DAY_COLUMNS = 5;

function heading(data: TrainingDocData, title: string): Block[] {
  const t = data.training;
  const place = t.format === 'online' ? TRAINING_FORMAT_WORDS.online.uk : [data.venueName, typographic(t.place)].filter(Boolean).join(', ');
  return [
    ...t.organisers.map((o, i) => p(typographic(o.name), { align: 'center', ...(i === 0 ? {} : {}) })),
    p([{ text: title, bold: true }], { align: 'center', gap: true }),
    p([{ text: `${KIND_GENITIVE[t.kind]} ${quoted(t.title)}`, bold: true }], {
      align: 'center',
    }),
    p([{ text: 'Дата проведення: ', bold: true }, { text: dates(t) }, { text: '   Місце проведення: ', bold: true }, { text: place || '—' }], { align: 'center', gap: true }),
    p([{ text: 'Обсяг: ', bold: true }, { text: `${hoursText(t.hours)} год.` }, { text: '   Форма: ', bold: true }, { text: TRAINING_FORMAT_WORDS[t.format].uk }], {
      align: 'center',
    }),
    p('', { gap: true }),
  ];
}

const placeOf = (data: TrainingDocData, code: string) => (code ? (data.places[code] ?? code) : '');

export function participantsListBlocks(data: TrainingDocData): Block[] {
  const columns: GridColumn[] = [
    { title: '№ з/п', width: 5, align: 'center' },
    { title: 'Прізвище, ім’я, по батькові', width: 20 },
    { title: 'Посада', width: 17 },
    { title: 'Організація', width: 22 },
    { title: 'Громада / територія', width: 15 },
    { title: 'Години', width: 7, align: 'center' },
    { title: 'Сертифікат', width: 10, align: 'center' },
  ];
  const rows = data.participants.map((x, i) => [
    String(i + 1),
    typographic(fullName(x)),
    typographic(x.position),
    typographic(x.organisationName),
    placeOf(data, x.territory),
    hoursText(x.hoursAttended),
    x.certificate ? `${x.certificate.number}\nвід ${formatDate(x.certificate.issuedOn)}` : '',
  ]);
  return [
    ...heading(data, 'СПИСОК УЧАСНИКІВ'),
    { t: 'grid', columns, rows, numbered: false, small: true },
    ...(rows.length === 0 ? [p('Учасників не внесено.', { align: 'center' })] : []),
    p(`Усього учасників: ${rows.length}; отримали сертифікат: ${data.participants.filter((x) => x.certificate).length}.`, { align: 'left' }),
  ];
}

/** The days of the training, one column each when they are few. */
function days(data: TrainingDocData): string[] {
  const out: string[] = [];
  for (let d = data.training.startsOn; d <= data.training.endsOn && out.length <= DAY_COLUMNS; d = addDays(d, 1)) out.push(d);
  return out.length > DAY_COLUMNS ? [] : out;
}

export function attendanceSheetBlocks(data: TrainingDocData): Block[] {
  const signDays = days(data);
  const signColumns: GridColumn[] =
    signDays.length > 1
      ? signDays.map((d) => ({
          title: `Підпис\n${formatDate(d)}`,
          width: Math.max(8, Math.round(30 / signDays.length)),
        }))
      : [{ title: 'Підпис', width: 16 }];
  const columns: GridColumn[] = [
    { title: '№ з/п', width: 5, align: 'center' },
    { title: 'Прізвище, ім’я, по батькові', width: 24 },
    { title: 'Посада', width: 18 },
    { title: 'Організація', width: 24 },
    ...signColumns,
  ];
  const blanks = signColumns.map(() => '');
  const listed = data.participants.map((x, i) => [String(i + 1), typographic(fullName(x)), typographic(x.position), typographic(x.organisationName), ...blanks]);
  // Empty rows carry a line's height so that a hand has room to write a name in.
  const empty = Array.from({ length: BLANK_ROWS }, (_, i) => [String(listed.length + i + 1), '\u00a0\n\u00a0', '', '', ...blanks]);
  return [...heading(data, 'ЛИСТ РЕЄСТРАЦІЇ УЧАСНИКІВ'), { t: 'grid', columns, rows: [...listed, ...empty], small: true }];
}
