import type { Channel, InputOf, OutputOf } from '../../shared/contract';
import { deserializeError } from '../../shared/errors';
import { addDays, kyivDate } from '../../shared/time';
import type { Dispatch } from '../ipc/dispatcher';
import { seededRandom } from '../../shared/seeded-random';
import { fillDemoCases } from './demo-cases';
import { fillDemoReferrals } from './demo-referrals';
import { fillDemoTrainings } from './demo-trainings';

/**
 * Fills an unlocked store with two years of a realistic oblast group: organisations, members, meetings in
 * every status and assignments in every state. Everything goes through the dispatcher, so it is validated
 * and audited like a secretary's own input. Deterministic for a given seed and date, for benchmarks.
 *
 * `scale` multiplies the meetings (8 per unit: quarterly over two years at scale 1). Past a few hundred a year
 * the history grows longer instead, so numbers stay within a year's range; each meeting costs the same
 * whatever came before it, so the fill takes time linear in the scale.
 */
export const MAX_DEMO_SCALE = 1000;
const MEETINGS_PER_YEAR_AT_MOST = 400;
export interface DemoOptions {
  scale: number;
  today: Date;
  seed?: number;
  /** The oblast as КАТОТТГ names it («Полтавська»): the administration, the agencies and the meeting place follow it. */
  oblast?: string;
}

export interface DemoReport {
  members: number;
  meetings: number;
  assignments: number;
  cases: number;
  /** Presumed victims recorded with referrals around them. */
  referrals: number;
  trainings: number;
  preventionEvents: number;
}

/** The demo's user: the group's secretary, who keeps the minutes (a store the demo creates gets this name). */
export const DEMO_USER_NAME = 'Наталія Коваль';
export const DEFAULT_OBLAST = 'Полтавська';

/** Oblasts of КАТОТТГ (edition of 16.05.2025, level O, Crimea aside: it has no oblast administration) and their centres. */
export const OBLASTS: Record<string, { katottg: string; centre: string }> = {
  Вінницька: { katottg: 'UA05000000000010236', centre: 'Вінниця' },
  Волинська: { katottg: 'UA07000000000024379', centre: 'Луцьк' },
  Дніпропетровська: { katottg: 'UA12000000000090473', centre: 'Дніпро' },
  Донецька: { katottg: 'UA14000000000091971', centre: 'Краматорськ' },
  Житомирська: { katottg: 'UA18000000000041385', centre: 'Житомир' },
  Закарпатська: { katottg: 'UA21000000000011690', centre: 'Ужгород' },
  Запорізька: { katottg: 'UA23000000000064947', centre: 'Запоріжжя' },
  'Івано-Франківська': { katottg: 'UA26000000000069363', centre: 'Івано-Франківськ' },
  Київська: { katottg: 'UA32000000000030281', centre: 'Київ' },
  Кіровоградська: { katottg: 'UA35000000000016081', centre: 'Кропивницький' },
  Луганська: { katottg: 'UA44000000000018893', centre: 'Дніпро' },
  Львівська: { katottg: 'UA46000000000026241', centre: 'Львів' },
  Миколаївська: { katottg: 'UA48000000000039575', centre: 'Миколаїв' },
  Одеська: { katottg: 'UA51000000000030770', centre: 'Одеса' },
  Полтавська: { katottg: 'UA53000000000028050', centre: 'Полтава' },
  Рівненська: { katottg: 'UA56000000000066151', centre: 'Рівне' },
  Сумська: { katottg: 'UA59000000000057109', centre: 'Суми' },
  Тернопільська: { katottg: 'UA61000000000060328', centre: 'Тернопіль' },
  Харківська: { katottg: 'UA63000000000041885', centre: 'Харків' },
  Херсонська: { katottg: 'UA65000000000030969', centre: 'Херсон' },
  Хмельницька: { katottg: 'UA68000000000099709', centre: 'Хмельницький' },
  Черкаська: { katottg: 'UA71000000000010357', centre: 'Черкаси' },
  Чернівецька: { katottg: 'UA73000000000044923', centre: 'Чернівці' },
  Чернігівська: { katottg: 'UA74000000000025378', centre: 'Чернігів' },
};

/**
 * The oblast's adjective in the cases the names need: «Полтавська обласна державна адміністрація», «Полтавської
 * обласної…», «у Полтавській області», «Полтавський обласний центр…», «Полтавського обласного центру…». Every
 * oblast's name is a feminine adjective in -а, so one ending changes.
 */
function oblastForms(oblast: string) {
  const stem = oblast.slice(0, -1);
  // «у» before в/ф and their clusters, «в» elsewhere (Полтавській, but у Вінницькій, у Волинській).
  const prep = /^[ВвФф]|^Льв/.test(oblast) ? 'у' : 'в';
  return { nom: oblast, gen: `${stem}ої`, loc: `${prep} ${stem}ій`, mNom: `${stem}ий`, mGen: `${stem}ого` };
}
type Forms = ReturnType<typeof oblastForms>;

/**
 * The seeded organisations (known by their short names) as this oblast's own; those not listed (the Border Guard
 * detachment, IOM, the NGOs) keep the seed's names. `oblastLevel`: the body serves the oblast, so it carries its
 * КАТОТТГ code and territory.
 */
const OWN_NAMES: Record<string, (f: Forms) => { name: string; shortName: string }> = {
  ОВА: (f) => ({ name: `${f.nom} обласна державна адміністрація`, shortName: 'ОДА' }),
  'ДСЗН ОВА': (f) => ({ name: `Департамент соціального захисту населення ${f.gen} обласної державної адміністрації`, shortName: 'ДСЗН ОДА' }),
  'ССД ОВА': (f) => ({ name: `Служба у справах дітей ${f.gen} обласної державної адміністрації`, shortName: 'ССД ОДА' }),
  ГУНП: (f) => ({ name: `Головне управління Національної поліції ${f.loc} області`, shortName: 'ГУНП' }),
  Прокуратура: (f) => ({ name: `${f.nom} обласна прокуратура`, shortName: 'Обласна прокуратура' }),
  ОЦСС: (f) => ({ name: `${f.mNom} обласний центр соціальних служб`, shortName: 'ОЦСС' }),
  'ДОЗ ОВА': (f) => ({ name: `Департамент охорони здоров’я ${f.gen} обласної державної адміністрації`, shortName: 'ДОЗ ОДА' }),
  'ДОН ОВА': (f) => ({ name: `Департамент освіти і науки ${f.gen} обласної державної адміністрації`, shortName: 'ДОН ОДА' }),
  ОЦЗ: (f) => ({ name: `${f.mNom} обласний центр зайнятості`, shortName: 'ОЦЗ' }),
  'РЦ БПД': (f) => ({ name: `Регіональний центр з надання безоплатної правничої допомоги ${f.loc} області`, shortName: 'РЦ БПД' }),
  УДМС: (f) => ({ name: `Управління Державної міграційної служби України ${f.loc} області`, shortName: 'УДМС' }),
  Держпраці: (f) => ({ name: `Головне управління Держпраці ${f.loc} області`, shortName: 'Держпраці' }),
};

type Role = 'chair' | 'deputy_chair' | 'secretary' | 'member';

/**
 * Who sits on an oblast group (domain.md §3.2, §5.2): the administration's deputy head in the chair, the social
 * protection department, the police, prosecutors, the children's service, social services, an NGO, employment
 * and legal aid. Each is seated for the organisation (by the seed's short name) their position is in.
 */
const PEOPLE: { surname: string; givenName: string; patronymic: string; female: boolean; role: Role; org: string; position(f: Forms): string }[] = [
  { surname: 'Мельник', givenName: 'Оксана', patronymic: 'Іванівна', female: true, role: 'chair', org: 'ОВА', position: (f) => `Заступник голови ${f.gen} обласної державної адміністрації` },
  { surname: 'Шевчук', givenName: 'Андрій', patronymic: 'Петрович', female: false, role: 'deputy_chair', org: 'ДСЗН ОВА', position: (f) => `Директор Департаменту соціального захисту населення ${f.gen} обласної державної адміністрації` },
  {
    surname: 'Коваль',
    givenName: 'Наталія',
    patronymic: 'Олегівна',
    female: true,
    role: 'secretary',
    org: 'ДСЗН ОВА',
    position: (f) => `Головний спеціаліст відділу з питань сім’ї, ґендерної політики та протидії торгівлі людьми Департаменту соціального захисту населення ${f.gen} обласної державної адміністрації`,
  },
  { surname: 'Бондар', givenName: 'Ігор', patronymic: 'Васильович', female: false, role: 'member', org: 'ГУНП', position: (f) => `Начальник відділу протидії торгівлі людьми Головного управління Національної поліції ${f.loc} області` },
  { surname: 'Ткаченко', givenName: 'Світлана', patronymic: 'Миколаївна', female: true, role: 'member', org: 'Прокуратура', position: (f) => `Прокурор відділу нагляду за додержанням законів органами Національної поліції ${f.gen} обласної прокуратури` },
  { surname: 'Кравець', givenName: 'Олег', patronymic: 'Романович', female: false, role: 'member', org: 'ССД ОВА', position: (f) => `Начальник Служби у справах дітей ${f.gen} обласної державної адміністрації` },
  { surname: 'Олійник', givenName: 'Мар’яна', patronymic: 'Степанівна', female: true, role: 'member', org: 'ОЦСС', position: (f) => `Директор ${f.mGen} обласного центру соціальних служб` },
  { surname: 'Лисенко', givenName: 'Тетяна', patronymic: 'Юріївна', female: true, role: 'member', org: 'Ла Страда', position: () => 'Координаторка програм Міжнародного жіночого правозахисного центру «Ла Страда-Україна»' },
  { surname: 'Гончаренко', givenName: 'Василь', patronymic: 'Іванович', female: false, role: 'member', org: 'ОЦЗ', position: (f) => `Заступник директора ${f.mGen} обласного центру зайнятості` },
  { surname: 'Савчук', givenName: 'Ірина', patronymic: 'Павлівна', female: true, role: 'member', org: 'РЦ БПД', position: (f) => `Директор Регіонального центру з надання безоплатної правничої допомоги ${f.loc} області` },
];

/** СЛУХАЛИ: what a rapporteur's report was about, in the minutes' words. */
const HEARD = [
  'Інформацію доповідача про виконану роботу, виявлені проблеми та пропозиції щодо їх розв’язання.',
  'Про результати роботи за звітний період, кількість звернень і надані послуги.',
  'Про стан виконання заходів регіональної програми та причини невиконання окремих із них.',
  'Про взаємодію суб’єктів національного механізму перенаправлення та випадки, що потребували спільних дій.',
];

/** ВИСТУПИЛИ: what members say, in the speaker's grammatical gender. */
const SPEECHES: ((female: boolean) => string)[] = [
  (f) => `${f ? 'Підтримала' : 'Підтримав'} пропозиції доповідача та ${f ? 'запропонувала' : 'запропонував'} залучити громадські організації.`,
  (f) => `${f ? 'Поінформувала' : 'Поінформував'} про випадки, виявлені під час профілактичних заходів, і перенаправлення постраждалих осіб.`,
  (f) => `${f ? 'Звернула' : 'Звернув'} увагу на затримки з поданням інформації виконавцями доручень.`,
  (f) => `${f ? 'Запропонувала' : 'Запропонував'} провести спільне навчання для фахівців громад.`,
  (f) => `${f ? 'Наголосила' : 'Наголосив'} на потребі оновити контакти відповідальних осіб у громадах.`,
  (f) => `${f ? 'Повідомила' : 'Повідомив'} про звернення на гарячу лінію та консультації, надані за звітний період.`,
];

const TOPICS = [
  'Про стан протидії торгівлі людьми в області',
  'Про виявлення та перенаправлення осіб, які постраждали від торгівлі людьми',
  'Про проведення інформаційної кампанії до Європейського дня боротьби з торгівлею людьми',
  'Про навчання фахівців громад з питань виявлення постраждалих осіб',
  'Про взаємодію з громадськими організаціями у сфері протидії торгівлі людьми',
  'Про стан встановлення статусу особи, яка постраждала від торгівлі людьми',
  'Про запобігання торгівлі дітьми та їх експлуатації',
  'Про затвердження плану роботи ради на наступний рік',
  'Про ризики торгівлі людьми серед внутрішньо переміщених осіб',
  'Про трудову експлуатацію громадян за кордоном',
];

const TASKS = [
  'Надати інформацію про кількість виявлених осіб, які постраждали від торгівлі людьми',
  'Провести навчання для фахівців із соціальної роботи громад',
  'Розмістити інформаційні матеріали на офіційних вебсайтах',
  'Забезпечити участь представників у засіданні міжвідомчої робочої групи',
  'Підготувати пропозиції до регіональної програми протидії торгівлі людьми',
  'Організувати виїзні консультації для внутрішньо переміщених осіб',
  'Проаналізувати звернення на гарячу лінію та поінформувати раду',
];


type Call = <C extends Channel>(channel: C, input: InputOf<C>) => Promise<OutputOf<C>>;

/** Renames the seeded organisations as this oblast's (through the dispatcher, so audited) and returns them all. */
async function ownOrganisations(call: Call, forms: Forms, katottg: string): Promise<OutputOf<'organisations:list'>> {
  const orgs = await call('organisations:list', {});
  const own: OutputOf<'organisations:list'> = [];
  for (const org of orgs) {
    const rename = OWN_NAMES[org.shortName];
    if (!rename) {
      own.push(org);
      continue;
    }
    const { createdAt: _created, updatedAt: _updated, mergedIntoId: _merged, ...draft } = org;
    own.push(await call('organisations:save', { ...draft, ...rename(forms), katottg, territoryName: `${forms.nom} область` }));
  }
  return own;
}

export async function fillDemo(dispatch: Dispatch, options: DemoOptions): Promise<DemoReport> {
  const rnd = seededRandom(options.seed ?? 2026);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const call: Call = async <C extends Channel>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> => {
    const result = await dispatch(channel, input);
    if (!result.ok) throw deserializeError(result.error);
    return result.value as OutputOf<C>;
  };

  const today = kyivDate(options.today);
  const total = 8 * options.scale;
  const years = Math.max(2, Math.ceil(total / MEETINGS_PER_YEAR_AT_MOST));
  const firstYear = Number(today.slice(0, 4)) - years + 1;
  const oblast = options.oblast ?? DEFAULT_OBLAST;
  const where = OBLASTS[oblast];
  // The command checks the name first and says what to type; this guards other callers.
  if (!where) throw new Error(`no oblast named ${oblast}`);
  const forms = oblastForms(oblast);
  const orgs = await ownOrganisations(call, forms, where.katottg);
  const byShortName = new Map(orgs.map((o) => [o.shortName, o] as const));
  const group = await call('group:get', {});
  await call('group:update', { ...group, parentBody: byShortName.get('ОДА')?.name ?? `${oblast} обласна державна адміністрація` });
  const hall = oblast === DEFAULT_OBLAST ? 'м. Полтава, вул. Соборності, 45, зал засідань' : `м. ${where.centre}, приміщення обласної державної адміністрації, зал засідань`;
  // An online meeting has no hall: the minutes name the city they were drawn up in and the platform.
  const online = `м. ${where.centre}, відеоконференція (Zoom)`;

  const seatedFrom = `${firstYear}-01-01`;
  const members: (OutputOf<'group:saveMember'> & { female: boolean })[] = [];
  const seats = Math.min(PEOPLE.length, 8 + Math.max(0, options.scale - 1) * 2);
  for (const person of PEOPLE.slice(0, seats)) {
    const { surname, givenName, patronymic, role, female } = person;
    const organisation = byShortName.get(OWN_NAMES[person.org]?.(forms).shortName ?? person.org);
    if (!organisation) throw new Error(`the seeded organisations have no ${person.org}`);
    const saved = await call('group:saveMember', { surname, givenName, patronymic, position: person.position(forms), role, organisationId: organisation.id, validFrom: seatedFrom });
    members.push({ ...saved, female });
  }

  // Meetings spread over each year (quarterly at scale 1), one planned ahead of today.
  const perYear = Math.ceil(total / years);
  const dates: string[] = [];
  for (let year = firstYear; year < firstYear + years; year++) {
    for (let k = 0; k < perYear; k++) {
      const day = Math.min(364, Math.floor(((k + 0.3 + rnd() * 0.4) * 365) / perYear));
      dates.push(addDays(`${year}-01-01`, day));
    }
  }
  const past = dates.filter((d) => d < today).sort();
  const later = dates.filter((d) => d >= today).sort();
  const ahead = later.length ? later.slice(0, 1) : [addDays(today, 21)];
  let assignments = 0;
  let meetings = 0;

  for (const [index, date] of [...past, ...ahead].entries()) {
    const format = pick(['in_person', 'mixed', 'online'] as const);
    const planned = await call('meetings:plan', { date, time: pick(['10:00', '11:00', '14:30']), place: format === 'online' ? online : hall, format });
    meetings += 1;
    if (date >= today) continue;
    // The first five always come, and so do the chair and the secretary (approval wants them): every meeting has a quorum.
    const signatories = new Set([planned.chairMemberId, planned.secretaryMemberId]);
    const attendance = planned.attendance.map((a, i) => ({ memberId: a.memberId, present: rnd() < 0.85 || i < 5 || signatories.has(a.memberId) }));
    const here = members.filter((m) => attendance.some((a) => a.memberId === m.id && a.present));
    const attending = attendance.filter((a) => a.present).length;
    const carry = planned.agenda[0];
    const reviewed = carry?.reviewedAssignmentIds ?? [];
    /** Up to two present members other than the rapporteur, each saying something of their own. */
    const speechesFor = (rapporteurId: string) => {
      const speakers = here.filter((m) => m.id !== rapporteurId);
      const count = Math.min(speakers.length, Math.floor(rnd() * 3));
      const first = Math.floor(rnd() * speakers.length);
      const template = Math.floor(rnd() * SPEECHES.length);
      return Array.from({ length: count }, (_, k) => {
        const speaker = speakers[(first + k) % speakers.length]!;
        return { speaker: speaker.shortName, summary: SPEECHES[(template + k) % SPEECHES.length]!(speaker.female) };
      });
    };
    const items = Array.from({ length: 2 + Math.floor(rnd() * 3) }, (_, i) => {
      const rapporteur = pick(here);
      return {
        title: `${TOPICS[(index + i) % TOPICS.length]!}`,
        rapporteurMemberId: rapporteur.id,
        heard: pick(HEARD),
        speeches: speechesFor(rapporteur.id),
        decisions: [
          { text: 'Інформацію взяти до відома.', votesFor: null, votesAgainst: null, votesAbstained: null },
          { text: `${pick(TASKS)}.`, votesFor: Math.min(6, attending - 1), votesAgainst: 0, votesAbstained: rnd() < 0.3 ? 1 : 0 },
        ],
      };
    });
    const agenda = [
      ...(carry
        ? [{ id: carry.id, title: carry.title, rapporteurMemberId: members[2]!.id, heard: carry.heard, speeches: [], decisions: [{ text: 'Зняти з контролю виконані доручення; інші залишити на контролі.', votesFor: null, votesAgainst: null, votesAbstained: null }] }]
        : []),
      ...items,
    ];
    const saved = await call('meetings:update', {
      id: planned.id,
      number: planned.number,
      date,
      time: planned.time,
      place: planned.place,
      format: planned.format,
      kind: planned.kind,
      status: 'minutes_drafted',
      chairMemberId: planned.chairMemberId,
      secretaryMemberId: planned.secretaryMemberId,
      agenda,
      attendance,
      guests: rnd() < 0.5 ? [{ name: 'Петренко О. В.', role: 'представник Представництва МОМ в Україні' }] : [],
    });
    // Earlier assignments reviewed now: most are done, some removed from control, the rest stay open.
    const closing = saved.agenda[0]?.carryOver ? saved.agenda[0].decisions[0] : undefined;
    if (closing) {
      for (const id of reviewed) {
        const roll = rnd();
        if (roll < 0.55) await call('assignments:close', { assignmentId: id, decisionId: closing.id, outcome: 'done' });
        else if (roll < 0.65) await call('assignments:close', { assignmentId: id, decisionId: closing.id, outcome: 'removed' });
      }
    }
    for (const [n, item] of saved.agenda.filter((i) => !i.carryOver).entries()) {
      const decision = item.decisions[1]!;
      const lead = pick(orgs);
      // The latest meeting always leaves one assignment a few days past due, so the dashboard has work to show.
      const lapsed = date === past.at(-1) && n === 0 && addDays(today, -3) > date;
      const created = await call('assignments:create', {
        decisionId: decision.id,
        text: decision.text.replace(/\.$/, ''),
        leadOrganisationId: lead.id,
        leadPerson: '',
        coExecutorIds: rnd() < 0.4 ? [pick(orgs).id] : [],
        // The rest of the latest meeting's work is still ahead, so the lists always hold some in progress.
        dueDate: lapsed ? addDays(today, -3) : date === past.at(-1) ? addDays(today, 14 + Math.floor(rnd() * 60)) : addDays(date, 30 + Math.floor(rnd() * 120)),
      });
      assignments += 1;
      if (rnd() < 0.5 && addDays(date, 20) <= today) await call('assignments:report', { assignmentId: created.id, receivedOn: addDays(date, 20), text: 'Інформацію про стан виконання отримано.', reference: `лист № ${100 + Math.floor(rnd() * 900)}` });
    }
    // The latest minutes stay a draft, as they would while awaiting signatures.
    if (date !== past.at(-1) && saved.quorum.met) await call('meetings:approve', { id: saved.id });
  }
  const cases = await demoCases(call, { today, scale: options.scale, rnd, forms, centre: where.centre, byShortName });
  const { session } = await call('session:status', {});
  const referrals = session ? await fillDemoReferrals(call, { today, scale: options.scale, officerId: session.userId, officer: session.displayName, katottg: where.katottg }) : 0;
  const sex = (female: boolean) => ({ given: PEOPLE.filter((p) => p.female === female).map((p) => p.givenName), patronymics: PEOPLE.filter((p) => p.female === female).map((p) => p.patronymic) });
  const coverage = await fillDemoTrainings(call, {
    today,
    scale: options.scale,
    rnd,
    oblast: where.katottg,
    names: { surnames: PEOPLE.map((p) => p.surname), female: sex(true), male: sex(false) },
    trainers: members.map((m) => ({ name: `${m.surname} ${m.givenName} ${m.patronymic}`, affiliation: m.organisationName ?? '' })),
  });
  // The demo's user also prepares the reports, so the report screen shows the two years just filled.
  const last = (await call('session:status', {})).session;
  if (last && !last.roles.includes('reporting_officer')) await call('users:setRoles', { userId: last.userId, roles: [...last.roles, 'reporting_officer'] });
  return { members: members.length, meetings, assignments, cases, referrals, trainings: coverage.trainings, preventionEvents: coverage.events };
}

/**
 * The status procedure of the oblast centre's raion administration. The demo's user runs it, so they take the case
 * officer's role (a real office gives it to its case officers only) and the administration's letterhead is filled.
 */
async function demoCases(
  call: Call,
  o: { today: string; scale: number; rnd: () => number; forms: Forms; centre: string; byShortName: Map<string, OutputOf<'organisations:save'>> },
): Promise<number> {
  const { session } = await call('session:status', {});
  if (!session) return 0;
  if (!session.roles.includes('case_officer')) await call('users:setRoles', { userId: session.userId, roles: [...session.roles, 'case_officer'] });
  const body = `${o.forms.nom} районна державна адміністрація`;
  const parameters = await call('parameters:get', {});
  await call('parameters:saveOptions', {
    ...parameters.options,
    letterhead: {
      body,
      unit: 'Управління соціального захисту населення',
      address: `м. ${o.centre}, вул. Незалежності, 1`,
      phone: '(000) 000-00-00',
      email: 'uszn@example.gov.ua',
      code: '00000000',
      signerPosition: 'Начальник управління соціального захисту населення',
      signerName: 'Олена ЗРАЗКОВА',
    },
  });
  const referrers = ['ГУНП', 'Ла Страда', 'ОЦСС', 'ДПСУ'].map((short) => o.byShortName.get(short)?.id).filter((id): id is string => Boolean(id));
  return fillDemoCases(call, { today: o.today, scale: o.scale, rnd: o.rnd, officer: session.displayName, receivingBody: body, referrers });
}
