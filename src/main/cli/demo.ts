import type { Channel, InputOf, OutputOf } from '../../shared/contract';
import { deserializeError } from '../../shared/errors';
import { addDays, kyivDate } from '../../shared/time';
import type { Dispatch } from '../ipc/dispatcher';
import { seededRandom } from '../../shared/seeded-random';

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
}

export interface DemoReport {
  members: number;
  meetings: number;
  assignments: number;
}

const PEOPLE: [string, string, string, string, 'chair' | 'deputy_chair' | 'secretary' | 'member'][] = [
  ['Мельник', 'Оксана', 'Іванівна', 'Заступник голови обласної військової адміністрації', 'chair'],
  ['Шевчук', 'Андрій', 'Петрович', 'Директор департаменту соціального захисту населення', 'deputy_chair'],
  ['Коваль', 'Наталія', 'Олегівна', 'Головний спеціаліст відділу з питань сім’ї та ґендерної політики', 'secretary'],
  ['Бондар', 'Ігор', 'Васильович', 'Начальник відділу протидії торгівлі людьми ГУНП в області', 'member'],
  ['Ткаченко', 'Світлана', 'Миколаївна', 'Прокурор відділу обласної прокуратури', 'member'],
  ['Кравець', 'Олег', 'Романович', 'Начальник служби у справах дітей', 'member'],
  ['Олійник', 'Мар’яна', 'Степанівна', 'Директор обласного центру соціальних служб', 'member'],
  ['Лисенко', 'Тетяна', 'Юріївна', 'Координаторка ГО «Ла Страда-Україна» в області', 'member'],
  ['Гончаренко', 'Василь', 'Іванович', 'Заступник директора обласного центру зайнятості', 'member'],
  ['Савчук', 'Ірина', 'Павлівна', 'Директор регіонального центру з надання БПД', 'member'],
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


export async function fillDemo(dispatch: Dispatch, options: DemoOptions): Promise<DemoReport> {
  const rnd = seededRandom(options.seed ?? 2026);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const call = async <C extends Channel>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> => {
    const result = await dispatch(channel, input);
    if (!result.ok) throw deserializeError(result.error);
    return result.value as OutputOf<C>;
  };

  const today = kyivDate(options.today);
  const total = 8 * options.scale;
  const years = Math.max(2, Math.ceil(total / MEETINGS_PER_YEAR_AT_MOST));
  const firstYear = Number(today.slice(0, 4)) - years + 1;
  const orgs = await call('organisations:list', {});
  const seatedFrom = `${firstYear}-01-01`;
  const members: OutputOf<'group:saveMember'>[] = [];
  const seats = Math.min(PEOPLE.length, 8 + Math.max(0, options.scale - 1) * 2);
  for (let i = 0; i < seats; i++) {
    const [surname, givenName, patronymic, position, role] = PEOPLE[i]!;
    members.push(await call('group:saveMember', { surname, givenName, patronymic, position, role, organisationId: orgs[i % orgs.length]!.id, validFrom: seatedFrom }));
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
    const planned = await call('meetings:plan', { date, time: pick(['10:00', '11:00', '14:30']), place: 'м. Полтава, вул. Соборності, 45, зал засідань', format: pick(['in_person', 'mixed', 'online'] as const) });
    meetings += 1;
    if (date >= today) continue;
    // The chair and the secretary attend (approval wants them), as do the first five; the rest mostly do.
    const signatories = new Set([planned.chairMemberId, planned.secretaryMemberId]);
    const present = planned.attendance.map((a, i) => ({ memberId: a.memberId, present: i < 5 || signatories.has(a.memberId) || rnd() < 0.85 }));
    const attending = present.filter((a) => a.present).length;
    const carry = planned.agenda[0];
    const reviewed = carry?.reviewedAssignmentIds ?? [];
    const items = Array.from({ length: 2 + Math.floor(rnd() * 3) }, (_, i) => ({
      title: `${TOPICS[(index + i) % TOPICS.length]!}`,
      rapporteurMemberId: pick(members).id,
      heard: 'Інформацію доповідача про виконану роботу, виявлені проблеми та пропозиції щодо їх розв’язання.',
      speeches: rnd() < 0.7 ? [{ speaker: pick(members).shortName, summary: 'Підтримала пропозиції доповідача та запропонувала залучити громадські організації.' }] : [],
      decisions: [
        { text: 'Інформацію взяти до відома.', votesFor: null, votesAgainst: null, votesAbstained: null },
        { text: `${pick(TASKS)}.`, votesFor: Math.min(6, attending - 1), votesAgainst: 0, votesAbstained: rnd() < 0.3 ? 1 : 0 },
      ],
    }));
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
      attendance: present,
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
  return { members: members.length, meetings, assignments };
}
