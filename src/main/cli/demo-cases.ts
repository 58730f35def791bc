import type { Channel, InputOf, OutputOf } from '../../shared/contract';
import { addDays } from '../../shared/time';

type Call = <C extends Channel>(channel: C, input: InputOf<C>) => Promise<OutputOf<C>>;
type Person = NonNullable<InputOf<'cases:create'>['person']>;
type StepInput = InputOf<'cases:addStep'>['step'];
type Spec = StepInput extends infer S ? (S extends StepInput ? Omit<S, 'date' | 'official' | 'documents' | 'note'> & { note?: string } : never) : never;
type StepSpec = [offset: number, step: Spec];
/** An extension by half a year from the certificate's term, whatever day the case was granted. */
const HALF_YEAR = 'half-year';

/**
 * Surnames no one carries: a demo store is shown on projectors and in trainings, and nobody should wonder whether
 * a real person's file is on the screen.
 */
const SURNAMES: [string, string][] = [
  ['Прикладенко', 'Прикладенко'],
  ['Зразкевич', 'Зразкевич'],
  ['Вигаданчук', 'Вигаданчук'],
  ['Умовненко', 'Умовненко'],
  ['Макетний', 'Макетна'],
  ['Ескізенко', 'Ескізенко'],
  ['Чернеткін', 'Чернеткіна'],
  ['Шаблонюк', 'Шаблонюк'],
];
const MEN = [['Уявлен', 'Уявленович'], ['Вигадан', 'Вигаданович'], ['Зразок', 'Зразкович']];
const WOMEN = [['Уявлена', 'Уявленівна'], ['Вигадана', 'Вигаданівна'], ['Мрія', 'Зразківна']];

const FILE = ['копія паспорта громадянина України', 'пояснення заявника'];
const INTERVIEWED: StepSpec[] = [
  [1, { kind: 'interview' }],
  [1, { kind: 'undertaking' }],
];
const CHECKED: StepSpec[] = [...INTERVIEWED, [3, { kind: 'police_request', number: '01-15/2' }], [12, { kind: 'police_answer', number: '7/3411', proceedings: true, proceedingsNumber: '12024170000000211' }]];
const FORWARDED: StepSpec[] = [...CHECKED, [13, { kind: 'file_compiled' }], [14, { kind: 'forwarded', number: '01-15/4' }]];
const GRANTED: StepSpec[] = [...FORWARDED, [24, { kind: 'decision', outcome: 'granted', number: 'Р-1' }], [25, { kind: 'notified', number: '01-15/6' }], [26, { kind: 'certificate', number: 'Д-1' }]];
const REFUSED: StepSpec[] = [
  ...FORWARDED,
  [24, { kind: 'decision', outcome: 'refused', number: 'Р-2', refusalReason: 'not_classified_by_police' }],
  [26, { kind: 'notified', number: '01-15/7' }],
];

interface Scenario {
  /** Registered this many days before today; every step's offset counts from the registration. */
  daysAgo: number;
  steps: StepSpec[];
  person?: Partial<Person>;
  forms: InputOf<'cases:create'>['fields']['forms'];
  countries: string[];
  referred?: boolean;
  aid?: { after: number; paidAfter: number | null; category: 'working_age' | 'child_6_18' };
}

/** A case in every step and outcome: children and foreigners among them, one past its retention term. */
const SCENARIOS: Scenario[] = [
  { daysAgo: 6, steps: [], forms: ['labour'], countries: ['PL'] },
  { daysAgo: 2, steps: [], person: { birthDate: null, ageAtIdentification: null }, forms: ['begging'], countries: ['UA'], referred: true },
  { daysAgo: 4, steps: INTERVIEWED, forms: ['sexual'], countries: ['DE'] },
  { daysAgo: 12, steps: [...INTERVIEWED, [3, { kind: 'police_request', number: '01-15/2' }]], forms: ['labour'], countries: ['RU'], referred: true },
  { daysAgo: 20, steps: [...CHECKED, [13, { kind: 'file_compiled' }]], forms: ['armed_conflict'], countries: ['RU'] },
  { daysAgo: 25, steps: FORWARDED, forms: ['criminal_activity'], countries: ['UA'] },
  { daysAgo: 40, steps: [...FORWARDED, [24, { kind: 'decision', outcome: 'incomplete', number: 'Р-3', note: 'Додати копію трудового договору.' }]], forms: ['labour'], countries: ['CZ'] },
  { daysAgo: 28, steps: [...FORWARDED, [26, { kind: 'decision', outcome: 'granted', number: 'Р-5' }]], forms: ['labour'], countries: ['SK'] },
  { daysAgo: 35, steps: [...FORWARDED, [27, { kind: 'decision', outcome: 'granted', number: 'Р-6' }], [28, { kind: 'notified', number: '01-15/8' }]], forms: ['begging'], countries: ['UA'] },
  { daysAgo: 60, steps: GRANTED, forms: ['labour', 'sexual'], countries: ['PL', 'DE'], aid: { after: 30, paidAfter: 40, category: 'working_age' } },
  { daysAgo: 90, steps: REFUSED, forms: ['other'], countries: ['AE'] },
  { daysAgo: 150, steps: [...REFUSED, [50, { kind: 'appeal', court: 'окружний адміністративний суд' }]], forms: ['labour'], countries: ['TR'] },
  {
    daysAgo: 30,
    steps: [
      [1, { kind: 'interview_waived', waiverReason: 'young_age' }],
      [2, { kind: 'police_request', number: '01-15/3' }],
      [9, { kind: 'police_answer', number: '7/3500', proceedings: false }],
      [10, { kind: 'file_compiled' }],
      [10, { kind: 'forwarded', number: '01-15/5' }],
      [20, { kind: 'decision', outcome: 'granted', number: 'Р-4' }],
      [21, { kind: 'notified' }],
      [22, { kind: 'certificate', number: 'Д-2' }],
    ],
    person: { birthDate: 'child', representative: { name: 'Служба у справах дітей', relation: 'орган опіки та піклування', contacts: '' } },
    forms: ['sale_of_children'],
    countries: ['UA'],
    aid: { after: 25, paidAfter: null, category: 'child_6_18' },
  },
  {
    daysAgo: 200,
    steps: [[0, { kind: 'foreigner_certificate', number: 'ДЗ-1' }], ...GRANTED, [150, { kind: 'extension', number: 'П-1', validUntil: null, note: 'Повернення до країни походження небезпечне для особи.' }]],
    person: { citizenship: 'UZ', languages: 'узбецька, російська', interpreterNeeded: true, birthDate: '1991-06-02' },
    forms: ['labour'],
    countries: ['UA'],
  },
  { daysAgo: 400, steps: [...GRANTED, [300, { kind: 'ended', endReason: 'deprivation', note: 'Рішення ґрунтувалося на завідомо неправдивих відомостях заявника.' }]], forms: ['labour'], countries: ['IT'] },
  { daysAgo: 800, steps: GRANTED, forms: ['sexual'], countries: ['TR'] },
  { daysAgo: 700, steps: [...GRANTED, [650, { kind: 'extension', number: 'П-2', validUntil: HALF_YEAR, note: 'Особа бере участь у кримінальному провадженні як потерпіла.' }]], forms: ['labour'], countries: ['PL'] },
  { daysAgo: 2400, steps: REFUSED, forms: ['labour'], countries: ['RU'] },
];

export interface CaseDemoOptions {
  today: string;
  scale: number;
  rnd: () => number;
  officer: string;
  receivingBody: string;
  referrers: string[];
}

/**
 * Fills the status procedure: every scenario once per unit of scale, each older by a week per repetition, numbered
 * in the register by date within each year, all through the dispatcher as a case officer would.
 */
export async function fillDemoCases(call: Call, options: CaseDemoOptions): Promise<number> {
  const { today, rnd } = options;
  const planned = Array.from({ length: options.scale }, (_, k) => SCENARIOS.map((s) => ({ ...s, daysAgo: s.daysAgo + k * 7 }))).flat();
  const dated = planned.map((s) => ({ s, registered: addDays(today, -s.daysAgo) })).sort((a, b) => (a.registered < b.registered ? -1 : 1));
  const numbers = new Map<string, number>();
  let n = 0;
  for (const { s, registered } of dated) {
    const year = registered.slice(0, 4);
    numbers.set(year, (numbers.get(year) ?? 0) + 1);
    const female = rnd() < 0.45;
    const [surnameM, surnameF] = SURNAMES[n % SURNAMES.length]!;
    const [given, patronymic] = (female ? WOMEN : MEN)[Math.floor(rnd() * 3)]!;
    const age = s.person?.birthDate === 'child' ? 12 : 19 + Math.floor(rnd() * 35);
    const person: Person = {
      surname: female ? surnameF : surnameM,
      givenName: given!,
      patronymic: patronymic!,
      sex: female ? 'female' : 'male',
      citizenship: 'UA',
      languages: 'українська',
      phone: `+380 00 000 ${String(1000 + n).slice(-4)}`,
      identityDocument: s.person?.citizenship && s.person.citizenship !== 'UA' ? 'паспорт іноземця' : '',
      ...s.person,
      birthDate: s.person?.birthDate === null ? null : s.person?.birthDate && s.person.birthDate !== 'child' ? s.person.birthDate : addDays(registered, -Math.round(age * 365.25) - Math.floor(rnd() * 300)),
    };
    const referredBy = s.referred && options.referrers.length ? options.referrers[n % options.referrers.length]! : null;
    let card = await call('cases:create', {
      person,
      official: options.officer,
      fields: {
        receivingBodyKind: n % 5 === 4 ? 'self_government' : 'state_administration',
        receivingBodyName: n % 5 === 4 ? 'Виконавчий комітет міської ради' : options.receivingBody,
        registrationNumber: String(numbers.get(year)),
        registrationDate: registered,
        arrival: referredBy ? 'referred' : 'self',
        referredByOrganisationId: referredBy,
        formsVersion: registered < '2020-01-01' ? '2016' : '2024',
        forms: s.forms,
        countries: s.countries,
        exploitationFrom: addDays(registered, -200),
        exploitationTo: addDays(registered, -20),
        documentsReceived: FILE,
      },
    });
    for (const [offset, spec] of s.steps) {
      const date = addDays(registered, offset);
      const step = { ...spec, date, official: options.officer, documents: [], note: spec.note ?? '' } as StepInput;
      if (step.kind === 'extension' && step.validUntil === HALF_YEAR) {
        const certificate = card.steps.find((x) => x.kind === 'certificate');
        step.validUntil = addDays(certificate!.validUntil!, 182);
      }
      card = await call('cases:addStep', { caseId: card.id, step });
    }
    const applied = s.aid ? addDays(registered, s.aid.after) : '';
    // The shipped minimums start in 2025: an older demo case records no aid rather than one the table cannot price.
    if (s.aid && applied >= '2025-01-01') {
      await call('cases:saveAid', {
        caseId: card.id,
        applicationDate: applied,
        category: s.aid.category,
        payingBody: 'Управління соціального захисту населення',
        paymentDate: s.aid.paidAfter === null ? null : addDays(registered, s.aid.paidAfter),
      });
    }
    n += 1;
  }
  return n;
}
