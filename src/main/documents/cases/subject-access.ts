import type { Case, Person } from '../../../shared/domain/cases';
import type { Letterhead } from '../../../shared/domain/parameters';
import { DATA_CATEGORY_WORDS, type DataCategory } from '../../../shared/domain/referral-codes';
import { p, type Block } from '../minutes/minutes.model';
import { date, STATUS } from './case-words';
import { formTitle, headSignature, polish, text } from './letter';
import { caseFactRows, personFactRows, STEP_COLUMNS, stepRows } from './record-card';

/** One event of the log about the person or their cases, already in words. */
export interface AccessLine {
  /** ДД.ММ.РРРР ГГ:ХХ, Kyiv time. */
  time: string;
  user: string;
  action: string;
}

/** A referral that sent the person's data on (Law No. 2297-VI art. 21): to whom, when, and which categories. */
export interface ReferralTransfer {
  toName: string;
  sentOn: string;
  number: string;
  categories: DataCategory[];
}

export interface SubjectAccessData {
  body: string;
  referrals: ReferralTransfer[];
  letterhead: Letterhead;
  person: Person;
  cases: Case[];
  log: AccessLine[];
  today: string;
}

const section = (title: string): Block => p([{ text: title, bold: true }], { align: 'left', gap: true, keepNext: true });
const facts = (rows: [string, string][]): Block => ({ t: 'grid', small: true, columns: [{ title: '', width: 36 }, { title: '', width: 64 }], rows: rows.map(([k, v]) => [k, v || '—']) });

/** Who received the person's data from the administration: the steps and the referrals that sent it (Law No. 2297-VI art. 21). */
function transfers(cases: Case[], referrals: ReferralTransfer[]): string[] {
  const sentOn = referrals.map((r) => `${r.toName}: направлення від ${date(r.sentOn)} № ${r.number} (${r.categories.map((c) => DATA_CATEGORY_WORDS[c].uk).join(', ')})`);
  return [...sentOn, ...cases.flatMap((c) =>
    c.steps.flatMap((s) => {
      if (s.kind === 'police_request') return [`територіальний орган Національної поліції: запит від ${date(s.date)} № ${s.number} (справа № ${c.fields.registrationNumber})`];
      if (s.kind === 'forwarded') return [`${s.decidingBody || 'орган, що приймає рішення'}: особова справа, лист від ${date(s.date)} № ${s.number} (справа № ${c.fields.registrationNumber})`];
      return [];
    }),
  )];
}

/**
 * Everything the administration holds about one person, for the person's own request (Law No. 2297-VI art. 8): who
 * they are, every case with its facts and steps, to whom the data went, and who worked with them and when.
 */
export function subjectAccessBlocks(d: SubjectAccessData): Block[] {
  const sent = transfers(d.cases, d.referrals);
  return polish([
    p([{ text: d.body.toLocaleUpperCase('uk'), bold: true }], { align: 'center' }),
    ...formTitle('ВІДОМОСТІ', 'про персональні дані особи, які обробляються'),
    text(`Надаються на запит суб’єкта персональних даних відповідно до статті 8 Закону України «Про захист персональних даних» станом на ${date(d.today)}.`, true),
    text(`Мета обробки: встановлення ${STATUS} та надання допомоги відповідно до Закону України «Про протидію торгівлі людьми». Код особи: ${d.person.code}.`),
    section('1. Відомості про особу'),
    facts(personFactRows(d.person)),
    section(`2. Справи щодо встановлення статусу (${d.cases.length})`),
    ...d.cases.flatMap((c) => [
      p([{ text: `Справа № ${c.fields.registrationNumber} від ${date(c.fields.registrationDate)}`, bold: true }], { align: 'left', smallGap: true, keepNext: true }),
      facts(caseFactRows(c)),
      ...(c.steps.length ? [{ t: 'grid', small: true, columns: STEP_COLUMNS, rows: stepRows(c) } as Block] : []),
    ]),
    section('3. Кому передавалися відомості'),
    ...(sent.length ? sent.map((s, i) => p(`${i + 1}. ${s}.`, { align: 'left', indent: true })) : [text('Відомості нікому не передавалися.')]),
    section('4. Хто і коли працював із персональними даними особи'),
    d.log.length
      ? {
          t: 'grid',
          small: true,
          columns: [
            { title: '№ з/п', width: 6, align: 'center' },
            { title: 'Дата і час', width: 18, align: 'center' },
            { title: 'Користувач', width: 30 },
            { title: 'Дія', width: 46 },
          ],
          rows: d.log.map((l, i) => [String(i + 1), l.time, l.user, l.action]),
        }
      : text('Записів немає.'),
    ...headSignature(d.letterhead),
  ]);
}
