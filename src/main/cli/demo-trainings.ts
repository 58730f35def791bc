import type { Channel, InputOf, OutputOf } from '../../shared/contract';
import type { OrganisationType } from '../../shared/domain/organisations';
import type { PreventionKind, TargetGroup, TrainingKind } from '../../shared/domain/training-codes';
import { addDays } from '../../shared/time';

type Call = <C extends Channel>(channel: C, input: InputOf<C>) => Promise<OutputOf<C>>;

/** Name parts the demo's group members are made of (demo.ts), recombined for the staff trained in the hromadas. */
export interface DemoNames {
  surnames: readonly string[];
  female: { given: readonly string[]; patronymics: readonly string[] };
  male: { given: readonly string[]; patronymics: readonly string[] };
}

export interface TrainingDemoOptions {
  today: string;
  scale: number;
  rnd: () => number;
  /** The oblast's КАТОТТГ code: the store's oblast when it has none yet. */
  oblast: string;
  names: DemoNames;
  /** Who leads the sessions: the group's members, by name and organisation. */
  trainers: readonly { name: string; affiliation: string }[];
}

export interface TrainingDemoReport {
  trainings: number;
  participants: number;
  events: number;
  /** Hromadas with a coordinator or an agreement recorded. */
  setUp: number;
}

/**
 * Trainings and events a year per unit of scale, and at most: an oblast holds tens of trainings a year, not
 * thousands, and the cap keeps scale 40 within a few seconds more than the rest of the demo.
 */
const TRAININGS_PER_YEAR = 6;
const TRAININGS_PER_YEAR_AT_MOST = 120;
const EVENTS_PER_YEAR = 10;
const EVENTS_PER_YEAR_AT_MOST = 240;

const TITLES: { title: string; topics: string[]; kind: TrainingKind }[] = [
  { title: 'Національний механізм взаємодії суб’єктів у громаді', topics: ['nrm', 'law'], kind: 'training' },
  { title: 'Виявлення осіб, які постраждали від торгівлі людьми: алгоритм дій фахівця', topics: ['identification', 'nrm'], kind: 'training' },
  { title: 'Встановлення статусу особи, яка постраждала від торгівлі людьми', topics: ['status', 'law'], kind: 'seminar' },
  { title: 'Протидія торгівлі дітьми: роль служби у справах дітей', topics: ['children', 'identification'], kind: 'seminar' },
  { title: 'Ризики торгівлі людьми серед внутрішньо переміщених осіб', topics: ['war', 'prevention'], kind: 'webinar' },
  { title: 'Трудова експлуатація: ознаки та перенаправлення', topics: ['labour', 'identification'], kind: 'workshop' },
  { title: 'Вербування в інтернеті: як розпізнати й попередити', topics: ['online', 'prevention'], kind: 'webinar' },
  { title: 'Допомога та реабілітація постраждалих осіб', topics: ['assistance'], kind: 'training' },
  { title: 'Підготовка тренерів з протидії торгівлі людьми', topics: ['nrm', 'prevention', 'identification'], kind: 'tot' },
  { title: 'Розслідування злочинів, пов’язаних із торгівлею людьми', topics: ['investigation', 'law'], kind: 'seminar' },
];

const EVENTS: { kind: PreventionKind; title: string; groups: TargetGroup[] }[] = [
  { kind: 'school_session', title: 'Урок безпеки «Безпечна подорож і працевлаштування»', groups: ['pupils'] },
  { kind: 'school_session', title: 'Інформаційне заняття для студентів про ризики вербування', groups: ['students'] },
  { kind: 'round_table', title: 'Круглий стіл «Протидія торгівлі людьми в громаді»', groups: ['professionals', 'public'] },
  { kind: 'campaign', title: 'Інформаційна кампанія до Європейського дня боротьби з торгівлею людьми', groups: ['public', 'parents'] },
  { kind: 'media', title: 'Виступ на місцевому радіо про безпечне працевлаштування за кордоном', groups: [] },
  { kind: 'idp_outreach', title: 'Зустріч із внутрішньо переміщеними особами в центрі підтримки', groups: ['displaced'] },
  { kind: 'job_fair', title: 'Інформаційний стенд на ярмарку вакансій', groups: ['job_seekers'] },
  { kind: 'other', title: 'Батьківські збори «Діти в інтернеті: ризики і захист»', groups: ['parents'] },
];

const POSITION_OF: Partial<Record<OrganisationType, string[]>> = {
  state_admin: ['Головний спеціаліст відділу соціального захисту', 'Начальник відділу з питань сім’ї та молоді'],
  children_service: ['Головний спеціаліст служби у справах дітей', 'Начальник служби у справах дітей'],
  social_services_centre: ['Фахівець із соціальної роботи', 'Психолог центру соціальних служб'],
  police: ['Інспектор ювенальної превенції', 'Дільничний офіцер поліції'],
  employment: ['Кар’єрний радник центру зайнятості'],
  legal_aid: ['Юрист бюро правничої допомоги'],
  health: ['Лікар загальної практики — сімейний лікар'],
  ngo: ['Консультантка громадської організації'],
};
const POSITIONS_ELSEWHERE = ['Фахівець із соціальної роботи', 'Староста', 'Спеціаліст виконавчого комітету'];

const COORDINATOR_POSITIONS = [
  'Начальник відділу соціального захисту населення виконавчого комітету',
  'Начальник служби у справах дітей',
  'Заступник міського (сільського, селищного) голови з питань діяльності виконавчих органів',
  'Директор центру надання соціальних послуг',
];

/**
 * Two years of trainings and prevention events over the real raions and hromadas of the store's oblast, with the gaps
 * a real oblast has: about a third of the hromadas never reached, some reached only by events, some only more than a
 * year ago; coordinators and agreements in about half. All through the dispatcher, as the coordinator would enter them.
 */
export async function fillDemoTrainings(call: Call, o: TrainingDemoOptions): Promise<TrainingDemoReport> {
  const { rnd } = o;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const between = (min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));

  const { session } = await call('session:status', {});
  if (!session) return { trainings: 0, participants: 0, events: 0, setUp: 0 };
  // The demo's user is the group's secretary: the role that runs trainings and keeps the coverage map.
  if (!session.permissions.includes('trainings.write')) await call('users:setRoles', { userId: session.userId, roles: [...session.roles, 'secretary'] });
  if ((await call('territories:options', {})).oblast === '') await call('territories:saveOptions', { oblast: o.oblast });

  const coverage = await call('coverage:get', {});
  const hromadas = coverage.hromadas.map((h) => h.code);
  if (hromadas.length === 0) return { trainings: 0, participants: 0, events: 0, setUp: 0 };
  // A fixed share of the oblast for each kind of history, drawn by the seed.
  const order = hromadas.map((code) => ({ code, key: rnd() })).sort((a, b) => a.key - b.key).map((h) => h.code);
  const cut = (share: number) => Math.round(order.length * share);
  const never = new Set(order.slice(0, cut(0.34)));
  const eventsOnly = order.slice(cut(0.34), cut(0.5));
  const longAgo = order.slice(cut(0.5), cut(0.65));
  const active = order.slice(cut(0.65));
  const since = coverage.since;
  const start = addDays(o.today, -730);

  const orgs = (await call('organisations:options', {})).filter((x) => x.active);
  const byType = (types: OrganisationType[]) => orgs.filter((x) => types.includes(x.type));
  const organisers = byType(['state_admin', 'social_services_centre']).map((x) => x.id);
  const partners = byType(['ngo', 'international']).map((x) => x.id);
  const workplaces = orgs.filter((x) => x.type !== 'international');
  const topics = new Set((await call('trainings:topics', {})).filter((t) => t.active).map((t) => t.code));

  const trainees = new Map<string, string>();
  const perYear = (n: number, most: number) => Math.min(most, n * o.scale);
  let participants = 0;
  let trainings = 0;
  const trainingCount = perYear(TRAININGS_PER_YEAR, TRAININGS_PER_YEAR_AT_MOST) * 2;
  for (let k = 0; k < trainingCount; k += 1) {
    const endsOn = addDays(start, Math.floor(((k + rnd()) * 729) / trainingCount));
    const recent = endsOn >= since;
    // Who a training reached depends on when: the hromadas reached «only long ago» stop a year before today.
    const reachable = recent ? active : [...active, ...longAgo];
    const spec = TITLES[k % TITLES.length]!;
    const online = spec.kind === 'webinar';
    const venue = online ? '' : pick(reachable);
    const days = spec.kind === 'tot' ? 2 : rnd() < 0.3 ? 1 : 0;
    const hours = spec.kind === 'tot' ? 16 : pick([4, 6, 8]);
    const saved = await call('trainings:save', {
      title: spec.title,
      kind: spec.kind,
      topics: spec.topics.filter((t) => topics.has(t)).length ? spec.topics.filter((t) => topics.has(t)) : [...topics].slice(0, 1),
      startsOn: addDays(endsOn, -days),
      endsOn,
      hours,
      format: online ? 'online' : 'in_person',
      venue,
      place: online ? 'Zoom' : 'Зала засідань виконавчого комітету',
      organiserIds: [pick(organisers)],
      partnerIds: partners.length && rnd() < 0.5 ? [pick(partners)] : [],
      trainers: [pick(o.trainers)],
    });
    trainings += 1;
    const size = between(8, 25);
    const home = venue || pick(reachable);
    const taken = new Set<string>();
    const rows: InputOf<'trainings:import'>['rows'] = [];
    for (let i = 0; rows.length < size && i < size * 4; i += 1) {
      const female = rnd() < 0.7;
      const parts = female ? o.names.female : o.names.male;
      const surname = pick(o.names.surnames);
      const name = pick(parts.given);
      const key = `${surname} ${name}`;
      if (taken.has(key)) continue;
      taken.add(key);
      const workplace = pick(workplaces);
      // Most come from the hromada it was held in, others from around the oblast; some from the oblast's own bodies.
      const roll = rnd();
      const territory = roll < 0.55 ? home : roll < 0.9 ? pick(reachable) : '';
      const attendance = rnd();
      const known = trainees.get(key);
      rows.push({
        row: rows.length + 2,
        surname,
        name,
        patronymic: pick(parts.patronymics),
        position: pick(POSITION_OF[workplace.type] ?? POSITIONS_ELSEWHERE),
        organisationId: workplace.id,
        territoryCode: territory,
        hours: String(rows.length === 0 || attendance < 0.8 ? hours : attendance < 0.93 ? hours / 2 : 0),
        match: known ?? 'new',
      });
    }
    const imported = await call('trainings:import', { trainingId: saved.id, rows });
    participants += imported.imported;
    for (const p of imported.training.participantList) trainees.set(`${p.surname} ${p.name}`, p.traineeId);
    // Certificates go out on the last day, or a few days later; the latest training may still be waiting for them.
    const issuedOn = addDays(endsOn, between(0, 5));
    if (issuedOn <= o.today) await call('trainings:issueCertificates', { trainingId: saved.id, issuedOn });
  }
  // One planned ahead: a training on the calendar reaches no one until it is held.
  if (active.length) await call('trainings:save', {
    title: 'Національний механізм взаємодії суб’єктів у громаді',
    kind: 'training',
    topics: topics.has('nrm') ? ['nrm'] : [...topics].slice(0, 1),
    startsOn: addDays(o.today, 20),
    endsOn: addDays(o.today, 20),
    hours: 6,
    format: 'in_person',
    venue: pick(active),
    organiserIds: [pick(organisers)],
  });

  let events = 0;
  const eventCount = perYear(EVENTS_PER_YEAR, EVENTS_PER_YEAR_AT_MOST) * 2;
  for (let k = 0; k < eventCount; k += 1) {
    const date = addDays(start, Math.floor(((k + rnd()) * 730) / eventCount));
    const recent = date >= since;
    const reachable = recent ? [...active, ...eventsOnly] : [...active, ...eventsOnly, ...longAgo];
    const spec = pick(EVENTS);
    const groups = Object.fromEntries(spec.groups.map((g) => [g, between(10, g === 'public' ? 400 : 80)]));
    await call('prevention:save', {
      kind: spec.kind,
      title: spec.title,
      date,
      territory: pick(reachable),
      organiserIds: [pick(organisers)],
      partnerIds: partners.length && rnd() < 0.4 ? [pick(partners)] : [],
      groups,
      materials: spec.kind === 'campaign' ? between(200, 1500) : between(0, 100),
      mediaAudience: spec.kind === 'media' ? between(2000, 30000) : 0,
    });
    events += 1;
  }

  // Coordinators and agreements: likelier where work is going on, absent from most of the hromadas never reached.
  let setUp = 0;
  for (const code of order) {
    const chance = never.has(code) ? 0.15 : 0.7;
    if (rnd() >= chance) continue;
    const female = rnd() < 0.7;
    const parts = female ? o.names.female : o.names.male;
    const withCoordinator = rnd() < 0.8;
    const agreement = rnd() < 0.6 ? pick(['memorandum', 'programme'] as const) : null;
    if (!withCoordinator && !agreement) continue;
    const coordinatorSince = addDays(start, between(-400, 600));
    await call('coverage:saveHromada', {
      code,
      ...(withCoordinator
        ? { coordinatorName: `${pick(o.names.surnames)} ${pick(parts.given)} ${pick(parts.patronymics)}`, coordinatorPosition: pick(COORDINATOR_POSITIONS), coordinatorSince }
        : {}),
      ...(agreement ? { agreementKind: agreement, agreementNumber: agreement === 'memorandum' ? `${between(1, 40)}` : `${between(1, 300)}/${between(1, 12)}`, agreementDate: addDays(start, between(-300, 500)) } : {}),
    });
    setUp += 1;
  }
  return { trainings, participants, events, setUp };
}
