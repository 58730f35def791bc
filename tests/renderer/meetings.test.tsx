import { notifications } from '@mantine/notifications';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { InputOf } from '../../src/shared/contract';
import { quorumNeeded, type Member, type MemberRole } from '../../src/shared/domain/group';
import type { Meeting, MeetingSummary } from '../../src/shared/domain/meetings';
import type { Organisation } from '../../src/shared/domain/organisations';
import type { Role } from '../../src/shared/permissions';
import { toValues } from '../../src/renderer/src/features/meetings/meeting-form';
import { fail, fakeBridge, renderApp, sessionOf, type Handlers, unlockedShell, unlockedStatus } from './fake-api';
import * as sample from './samples';
import { assignment, dataRows, EMPTY_DASHBOARD, fixToday, groupSettings, meetingSummary, organisation, organisationOptionsOf, pick, typeDate, type User } from './samples';

const ORGANISATIONS = [
  organisation('o-oda', 'Полтавська обласна державна адміністрація'),
  organisation('o-dszn', 'Департамент соціального захисту населення ОДА'),
  organisation('o-police', 'Головне управління Національної поліції в області'),
  organisation('o-css', 'Обласний центр соціальних служб'),
];

function member(id: string, surname: string, givenName: string, patronymic: string, role: MemberRole, position: string, org: Organisation): Member {
  return sample.member(id, surname, givenName, patronymic, { role, position, organisationId: org.id, organisationName: org.name, validFrom: '2025-01-01' });
}

const [ODA, DSZN, POLICE, CSS] = ORGANISATIONS as [Organisation, Organisation, Organisation, Organisation];
const MEMBERS: Member[] = [
  member('m-chair', 'Коваленко', 'Олександр', 'Петрович', 'chair', 'Заступник голови обласної державної адміністрації', ODA),
  member('m-deputy', 'Литвиненко', 'Ганна', 'Іванівна', 'deputy_chair', 'Директор департаменту соціального захисту населення', DSZN),
  member('m-secretary', 'Мельник', 'Тетяна', 'Василівна', 'secretary', 'Головний спеціаліст відділу з питань протидії торгівлі людьми', DSZN),
  member('m-police', 'Іваненко', 'Петро', 'Сергійович', 'member', 'Заступник начальника ГУНП', POLICE),
  member('m-css', 'Шевчук', 'Ірина', 'Володимирівна', 'member', 'Директор обласного центру соціальних служб', CSS),
  member('m-ssd', 'Бойко', 'Марія', 'Олегівна', 'member', 'Начальник служби у справах дітей', ODA),
  member('m-edu', 'Ткаченко', 'Андрій', 'Миколайович', 'member', 'Заступник директора департаменту освіти', ODA),
  member('m-ngo', 'Савчук', 'Мар’яна', 'Юріївна', 'member', 'Координаторка громадської організації', CSS),
];

const GROUP = groupSettings();

const ASSIGNMENTS = [
  assignment('a-old-late', {
    decisionNumber: '3.1',
    meetingId: 'm-12',
    meetingYear: 2025,
    meetingNumber: 12,
    text: 'Провести перевірки агенцій з працевлаштування за кордоном',
    leadOrganisationId: 'o-police',
    leadOrganisationName: 'Головне управління Національної поліції в області',
    dueDate: '2026-01-31',
    state: 'overdue',
  }),
  assignment('a-old-open', {}),
  assignment('a-m2', {
    decisionId: 'd-2-1',
    decisionNumber: '2.1',
    meetingId: 'm-2',
    meetingNumber: 2,
    text: 'Надати узагальнену інформацію про виявлені випадки',
    leadOrganisationId: 'o-police',
    leadOrganisationName: 'Головне управління Національної поліції в області',
    leadPerson: 'Іваненко П. С.',
    dueDate: '2026-05-15',
  }),
];

const MEETINGS: MeetingSummary[] = [
  meetingSummary('m-2', 2, 2026, '2026-02-12', { status: 'minutes_drafted', format: 'mixed' }),
  meetingSummary('m-3', 3, 2026, '2026-03-19', { status: 'planned', time: '14:30', items: 1, kind: 'extraordinary', format: 'online', place: '' }),
  meetingSummary('m-12', 12, 2025, '2025-12-11'),
  meetingSummary('m-1', 1, 2026, '2026-01-15'),
];

const PRESENT = new Set(['m-chair', 'm-deputy', 'm-secretary', 'm-police']);

function quorumOf(attendance: { memberId: string; present: boolean }[]) {
  const present = attendance.filter((a) => a.present).length;
  const needed = quorumNeeded(MEMBERS.length, GROUP);
  return { members: MEMBERS.length, present, needed, met: present >= needed };
}

function meetingTwo(): Meeting {
  const attendance = MEMBERS.map((m) => ({ memberId: m.id, present: PRESENT.has(m.id), absenceReason: '', substitute: '' }));
  const { items: _items, ...base } = MEETINGS[0]!;
  return {
    ...base,
    chairMemberId: 'm-chair',
    secretaryMemberId: 'm-secretary',
    approvedAt: null,
    contentHash: null,
    statusReason: '',
    rescheduledFrom: null,
    noticeSentOn: null,
    agenda: [
      {
        id: 'i-1',
        position: 1,
        title: 'Про стан виконання доручень попередніх засідань',
        rapporteurMemberId: 'm-secretary',
        rapporteurText: '',
        heard: '1. Провести перевірки агенцій…',
        carryOver: true,
        speeches: [],
        decisions: [{ id: 'd-1-1', number: '1.1', text: 'Інформацію взяти до відома.', votesFor: null, votesAgainst: null, votesAbstained: null }],
        reviewedAssignmentIds: ['a-old-late', 'a-old-open'],
      },
      {
        id: 'i-2',
        position: 2,
        title: 'Про виявлення випадків торгівлі людьми у 2025 році',
        rapporteurMemberId: 'm-police',
        rapporteurText: '',
        heard: 'Іваненко П. С. поінформував про 14 виявлених випадків.',
        carryOver: false,
        speeches: [{ id: 's-1', speaker: 'Шевчук І. В.', summary: 'Про допомогу постраждалим особам.' }],
        decisions: [{ id: 'd-2-1', number: '2.1', text: 'Інформацію взяти до відома.', votesFor: 6, votesAgainst: 0, votesAbstained: 1 }],
        reviewedAssignmentIds: [],
      },
    ],
    attendance,
    guests: [{ id: 'g-1', name: 'Олена Бондар', role: 'Представниця МОМ в Україні' }],
    quorum: quorumOf(attendance),
    amendments: [],
  };
}

/** Everyone present: the copy in the window meets every approval condition. */
function approvable(meeting: Meeting): Meeting {
  const attendance = meeting.attendance.map((a) => ({ ...a, present: true }));
  return { ...meeting, attendance, quorum: quorumOf(attendance) };
}

const HASH = '9f2c4b7a1e0d3c5b8a6f4e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b';

function meetingOne(): Meeting {
  const two = meetingTwo();
  const attendance = MEMBERS.map((m) => ({ memberId: m.id, present: true, absenceReason: '', substitute: '' }));
  return {
    ...two,
    id: 'm-1',
    number: 1,
    date: '2026-01-15',
    format: 'in_person',
    status: 'approved',
    approvedAt: '2026-01-15T10:30:00.000Z',
    contentHash: HASH,
    attendance,
    quorum: quorumOf(attendance),
    agenda: two.agenda.map((item) => ({ ...item, id: `m1-${item.id}`, decisions: item.decisions.map((d) => ({ ...d, id: `m1-${d.id}` })) })),
  };
}

function meetingThree(): Meeting {
  const { items: _items, ...base } = MEETINGS[1]!;
  return {
    ...base,
    chairMemberId: 'm-chair',
    secretaryMemberId: 'm-secretary',
    approvedAt: null,
    contentHash: null,
    statusReason: '',
    rescheduledFrom: null,
    noticeSentOn: null,
    agenda: [],
    attendance: MEMBERS.map((m) => ({ memberId: m.id, present: false, absenceReason: '', substitute: '' })),
    guests: [],
    quorum: quorumOf([]),
    amendments: [],
  };
}

/** What the service does with a draft, in small: keeps known ids, numbers decisions, recounts the quorum. */
function applyDraft(base: Meeting, draft: InputOf<'meetings:update'>): Meeting {
  let fresh = 0;
  const agenda = draft.agenda.map((item, i) => {
    const old = base.agenda.find((a) => a.id === item.id);
    return {
      id: item.id ?? `i-new-${++fresh}`,
      position: i + 1,
      title: item.title,
      rapporteurMemberId: item.rapporteurMemberId ?? null,
      rapporteurText: item.rapporteurText ?? '',
      heard: item.heard ?? '',
      carryOver: old?.carryOver ?? false,
      speeches: (item.speeches ?? []).map((s, j) => ({ id: `s-${i + 1}-${j + 1}`, speaker: s.speaker, summary: s.summary ?? '' })),
      decisions: (item.decisions ?? []).map((d, j) => ({
        id: d.id ?? `d-new-${++fresh}`,
        number: `${i + 1}.${j + 1}`,
        text: d.text,
        votesFor: d.votesFor ?? null,
        votesAgainst: d.votesAgainst ?? null,
        votesAbstained: d.votesAbstained ?? null,
      })),
      reviewedAssignmentIds: old?.reviewedAssignmentIds ?? [],
    };
  });
  return {
    ...base,
    number: draft.number,
    date: draft.date,
    time: draft.time,
    place: draft.place,
    format: draft.format,
    kind: draft.kind,
    status: draft.status,
    chairMemberId: draft.chairMemberId,
    secretaryMemberId: draft.secretaryMemberId,
    agenda,
    attendance: draft.attendance.map((a) => ({ memberId: a.memberId, present: a.present, absenceReason: a.absenceReason ?? '', substitute: a.substitute ?? '' })),
    guests: draft.guests.map((g, i) => ({ id: `g-${i + 1}`, name: g.name, role: g.role ?? '' })),
    quorum: quorumOf(draft.attendance),
  };
}

const NO_NUMBERING = { renumbered: [], outOfOrderAfter: null };

type Meetings = Map<string, Meeting>;

/** `extra` may be a function of the fake's meetings, for handlers that change them (approval, amendment). */
function bridgeFor(roles: Role[] = ['secretary'], extra: Handlers | ((meetings: Meetings) => Handlers) = {}) {
  const session = sessionOf(roles);
  const meetings: Meetings = new Map<string, Meeting>([
    ['m-1', meetingOne()],
    ['m-2', meetingTwo()],
    ['m-3', meetingThree()],
    ['m-12', { ...meetingOne(), id: 'm-12', year: 2025, number: 12, date: '2025-12-11' }],
  ]);
  const years = [...new Set(MEETINGS.map((m) => m.year))].sort((a, b) => b - a);
  return fakeBridge({
    ...unlockedShell(session),
    'dashboard:get': () => EMPTY_DASHBOARD,
    'meetings:years': () => years.map((year) => ({ year, meetings: MEETINGS.filter((m) => m.year === year).length })),
    'meetings:list': (input) => MEETINGS.filter((m) => !input.year || m.year === input.year),
    'meetings:get': (input) => meetings.get(input.id) ?? fail('NOT_FOUND'),
    'group:members': () => MEMBERS,
    'organisations:list': () => ORGANISATIONS,
    'organisations:options': () => organisationOptionsOf(ORGANISATIONS),
    'group:get': () => GROUP,
    'assignments:list': (input) => {
      const reviewed = input.reviewedIn ? (meetings.get(input.reviewedIn)?.agenda.flatMap((i) => i.reviewedAssignmentIds) ?? []) : null;
      return ASSIGNMENTS.filter((a) => (!input.meetingId || a.meetingId === input.meetingId) && (!reviewed || reviewed.includes(a.id)));
    },
    'assignments:get': (input) => ASSIGNMENTS.find((a) => a.id === input.id) ?? fail('NOT_FOUND'),
    'meetings:update': (input) => {
      const saved = applyDraft(meetings.get(input.id)!, input);
      meetings.set(input.id, saved);
      return { ...saved, numbering: NO_NUMBERING };
    },
    ...(typeof extra === 'function' ? extra(meetings) : extra),
  });
}

async function openMeetings(bridge = bridgeFor()) {
  renderApp(bridge);
  const user = userEvent.setup();
  await user.click(await screen.findByRole('button', { name: 'Засідання' }));
  const table = await screen.findByRole('table', { name: 'Засідання ради' });
  // The list draws its rows once the virtualiser has measured (an effect after the first paint).
  await waitFor(() => expect(dataRows(table).length).toBeGreaterThan(0));
  return { user, table, bridge };
}

async function openMeeting(ref: string, bridge = bridgeFor()) {
  const { user, table } = await openMeetings(bridge);
  const row = dataRows(table).find((r) => within(r).queryByText(ref));
  expect(row, `row ${ref}`).toBeTruthy();
  await user.click(row!);
  await screen.findByRole('heading', { name: `Засідання № ${ref}` });
  return { user, bridge };
}

async function openTab(user: User, name: RegExp) {
  await user.click(screen.getByRole('tab', { name }));
}

/** Types a long text at once (as a paste): typing it key by key only makes the test slow. */
async function fill(user: User, field: HTMLElement, text: string) {
  await user.click(field);
  await user.paste(text);
}

const quorumText = () => screen.getByTestId('quorum').textContent ?? '';

fixToday();

afterEach(() => {
  // Mantine's notifications live in a module-wide store: start each test with none shown or queued.
  act(() => notifications.clean());
  vi.restoreAllMocks();
});

describe('meetings list', () => {
  it('lists meetings newest first with Ukrainian kinds, formats and statuses, filters by year and opens a meeting', async () => {
    const { user, table, bridge } = await openMeetings();
    // This year's meetings first, not every meeting ever held: the years come with their counts.
    expect(bridge.callsOf('meetings:list')).toEqual([{ year: 2026 }]);
    const rows = dataRows(table);
    expect(rows.map((r) => within(r).getAllByRole('cell')[0]!.textContent)).toEqual(['3/2026', '2/2026', '1/2026']);
    const [third, second] = rows;
    expect(third!.textContent).toContain('19.03.2026 14:30');
    expect(third!.textContent).toContain('Позачергове');
    expect(third!.textContent).toContain('Онлайн (відеоконференція)');
    expect(within(third!).getByText('Заплановано')).toBeTruthy();
    expect(second!.textContent).toContain('12.02.2026 10:00');
    expect(second!.textContent).toContain('Чергове');
    expect(second!.textContent).toContain('Змішаний');
    expect(second!.textContent).toContain('м. Полтава, вул. Соборності, 45');
    expect(within(second!).getByText('Протокол складено')).toBeTruthy();
    expect(within(rows[2]!).getByText('Протокол затверджено')).toBeTruthy();

    await pick(user, 'Рік засідань', 'Усі роки');
    await waitFor(() => expect(bridge.callsOf('meetings:list').at(-1)).toEqual({}));
    await waitFor(() => expect(dataRows(screen.getByRole('table', { name: 'Засідання ради' }))).toHaveLength(4));
    await pick(user, 'Рік засідань', '2025 (1 засідання)');
    await waitFor(() => expect(bridge.callsOf('meetings:list').at(-1)).toEqual({ year: 2025 }));
    await waitFor(() => expect(dataRows(screen.getByRole('table', { name: 'Засідання ради' }))).toHaveLength(1));

    await user.click(dataRows(screen.getByRole('table', { name: 'Засідання ради' }))[0]!);
    expect(await screen.findByRole('heading', { name: 'Засідання № 12/2025' })).toBeTruthy();
    expect(bridge.callsOf('meetings:get')).toEqual([{ id: 'm-12' }]);
  });

  it('plans a meeting with an automatic number, explaining the carry-over item, and opens it', async () => {
    const planned = meetingThree();
    const bridge = bridgeFor(['secretary'], { 'meetings:plan': () => ({ ...planned, numbering: NO_NUMBERING }) });
    const { user } = await openMeetings(bridge);
    await user.click(screen.getByRole('button', { name: 'Запланувати засідання' }));
    const dialog = await screen.findByRole('dialog', { name: 'Нове засідання' });
    expect(dialog.textContent).toContain('номер буде присвоєно автоматично — наступний за порядком у році засідання');
    expect(dialog.textContent).toContain('Першим пунктом порядку денного чергового засідання стане «Про стан виконання доручень попередніх засідань»');

    await user.click(within(dialog).getByRole('button', { name: 'Запланувати' }));
    expect(await within(dialog).findByText('Заповніть це поле.')).toBeTruthy();
    expect(bridge.callsOf('meetings:plan')).toHaveLength(0);

    await typeDate(user, within(dialog).getByLabelText(/^Дата/), '31.02.2026');
    await user.click(within(dialog).getByRole('button', { name: 'Запланувати' }));
    expect(await within(dialog).findByText('Вкажіть справжню дату засідання у форматі ДД.ММ.РРРР.')).toBeTruthy();
    expect(bridge.callsOf('meetings:plan')).toHaveLength(0);

    await typeDate(user, within(dialog).getByLabelText(/^Дата/), '19.03.2026');
    // 24 hours whatever the system's locale: two digits of hours, then the minutes box takes the rest.
    await user.type(within(dialog).getByRole('spinbutton', { name: 'Години' }), '1430');
    await user.type(within(dialog).getByLabelText(/^Місце проведення/), 'Zoom');
    await pick(user, /^Форма проведення/, 'Онлайн (відеоконференція)', dialog);
    await user.click(within(dialog).getByRole('button', { name: 'Запланувати' }));

    await waitFor(() =>
      expect(bridge.callsOf('meetings:plan')).toEqual([{ date: '2026-03-19', time: '14:30', place: 'Zoom', format: 'online', kind: 'regular', confirmDate: false }]),
    );
    expect(await screen.findByRole('heading', { name: 'Засідання № 3/2026' })).toBeTruthy();
    expect(bridge.callsOf('meetings:get').at(-1)).toEqual({ id: 'm-3' });
    expect(bridge.callsOf('group:members').at(-1)).toEqual({ on: '2026-03-19' });
  });

  it('shows a taken number next to the number field of the plan form', async () => {
    const bridge = bridgeFor(['secretary'], { 'meetings:plan': () => fail('CONFLICT', { field: 'number', key: 'numberTaken', year: 2026, number: 2 }) });
    const { user } = await openMeetings(bridge);
    await user.click(screen.getByRole('button', { name: 'Запланувати засідання' }));
    const dialog = await screen.findByRole('dialog', { name: 'Нове засідання' });
    await typeDate(user, within(dialog).getByLabelText(/^Дата/), '19.03.2026');
    await user.type(within(dialog).getByLabelText(/^Номер засідання/), '2');
    await user.click(within(dialog).getByRole('button', { name: 'Запланувати' }));
    expect(await within(dialog).findByText('Засідання з таким номером у цьому році вже є. Вкажіть інший номер.')).toBeTruthy();
    expect(bridge.callsOf('meetings:plan')).toEqual([{ date: '2026-03-19', time: '10:00', place: '', format: 'in_person', kind: 'regular', number: 2, confirmDate: false }]);
  });
});

describe('meeting editor', () => {
  it('tells a planned meeting before its start what its quorum will need, without alarm', async () => {
    await openMeeting('3/2026');
    const banner = screen.getByTestId('quorum');
    expect(banner.textContent).toContain('Кворум рахуватиметься з відміток на вкладці «Присутні»: у складі ради 8, для кворуму потрібно щонайменше 5 присутніх');
    expect(banner.textContent).not.toContain('Кворуму немає');
  });

  it('counts the quorum live from the attendance ticks, and the saved count agrees', async () => {
    const { user, bridge } = await openMeeting('2/2026');
    expect(bridge.callsOf('group:members')).toEqual([{ on: '2026-02-12' }]);
    expect(quorumText()).toContain('Кворуму немає: присутні 4 з 8, потрібно щонайменше 5.');
    expect(quorumText()).toContain('більше ніж 1/2 складу ради');

    await openTab(user, /^Присутні/);
    const tick = screen.getByRole('checkbox', { name: 'Присутній: Шевчук І. В.' });
    expect(tick).toHaveProperty('checked', false);
    const row = tick.closest('tr')!;
    expect(row.textContent).toContain('Директор обласного центру соціальних служб');
    expect(row.textContent).toContain('Обласний центр соціальних служб');
    expect(row.textContent).toContain('Член');
    await user.click(tick);
    expect(quorumText()).toContain('Кворум є: присутні 5 з 8, потрібно щонайменше 5.');
    expect(screen.getByTestId('quorum').getAttribute('data-met')).toBe('true');

    await user.click(screen.getByRole('checkbox', { name: 'Присутній: Мельник Т. В.' }));
    expect(quorumText()).toContain('Кворуму немає: присутні 4 з 8');
    await user.click(screen.getByRole('checkbox', { name: 'Присутній: Мельник Т. В.' }));

    // Ctrl+S saves from wherever the focus is, whatever the keyboard layout.
    await user.keyboard('{Control>}[KeyS]{/Control}');
    await waitFor(() => expect(bridge.callsOf('meetings:update')).toHaveLength(1));
    const draft = bridge.callsOf('meetings:update')[0] as InputOf<'meetings:update'>;
    expect(draft.attendance.filter((a) => a.present).map((a) => a.memberId)).toEqual(['m-chair', 'm-deputy', 'm-secretary', 'm-police', 'm-css']);
    expect(draft.attendance).toHaveLength(8);
    expect(draft.guests).toEqual([{ id: 'g-1', name: 'Олена Бондар', role: 'Представниця МОМ в Україні' }]);
    await waitFor(() => expect(screen.queryByText('Є незбережені зміни')).toBeNull());
    expect(quorumText()).toContain('Кворум є: присутні 5 з 8, потрібно щонайменше 5.');
  });

  it('tabs from field to field past every ✕, and removes the row the focus is in with Ctrl+Delete', async () => {
    const { user } = await openMeeting('2/2026');
    await openTab(user, /^Порядок денний/);
    const item2 = screen.getByRole('region', { name: 'Пункт 2' });
    const remove = within(item2).getByRole('button', { name: /Вилучити виступ 1/ });
    expect(remove.getAttribute('tabindex')).toBe('-1');
    expect(remove.getAttribute('aria-keyshortcuts')).toBe('Control+Delete');

    // From the first speech's summary, Tab goes on to the next button of the form, never to the ✕ beside it.
    const summary = within(item2).getAllByLabelText(/^Зміст виступу/)[0]!;
    summary.focus();
    await user.tab();
    expect(document.activeElement).not.toBe(remove);
    expect(document.activeElement?.textContent).not.toBe('✕');

    summary.focus();
    await user.keyboard('{Control>}{Delete}{/Control}');
    await waitFor(() => expect(within(item2).queryAllByLabelText(/^Зміст виступу/)).toHaveLength(0));
    // The item itself is still there: only the innermost row goes.
    expect(screen.getByRole('region', { name: 'Пункт 2' })).toBeTruthy();
  });

  it('saves agenda items with speeches, decisions and votes, keeping the ids of saved ones, and shows the new numbers', async () => {
    const { user, bridge } = await openMeeting('2/2026');
    await openTab(user, /^Порядок денний/);
    const item2 = screen.getByRole('region', { name: 'Пункт 2' });
    expect(within(item2).getByRole('group', { name: 'Рішення 2.1' })).toBeTruthy();

    await user.click(within(item2).getByRole('button', { name: 'Додати виступ до пункту 2' }));
    const speakers = within(item2).getAllByLabelText(/^Хто виступав/);
    // The new speech's speaker has the focus: typing goes straight into it.
    await waitFor(() => expect(document.activeElement).toBe(speakers[1]));
    await user.type(speakers[1]!, 'Бойко М. О.');
    await fill(user, within(item2).getAllByLabelText(/^Зміст виступу/)[1]!, 'Про роботу з дітьми, які повернулися з-за кордону.');

    await user.click(within(item2).getByRole('button', { name: 'Додати рішення до пункту 2' }));
    const fresh = within(item2).getByRole('group', { name: 'Нове рішення 2' });
    expect(fresh.textContent).toContain('Номер 2.2 буде присвоєно під час збереження.');
    await fill(user, within(fresh).getByLabelText(/^Текст рішення/), 'Рекомендувати ГУНП щокварталу інформувати раду.');
    await user.type(within(fresh).getByRole('spinbutton', { name: 'За' }), '7');
    await user.type(within(fresh).getByRole('spinbutton', { name: 'Проти' }), '0');
    await user.type(within(fresh).getByRole('spinbutton', { name: 'Утрималися' }), '1');

    await user.click(screen.getByRole('button', { name: 'Додати питання' }));
    const item3 = screen.getByRole('region', { name: 'Пункт 3' });
    await fill(user, within(item3).getByLabelText(/^Питання/), 'Про план роботи ради на II квартал');
    await user.click(within(item3).getByRole('button', { name: 'Додати рішення до пункту 3' }));

    await user.click(screen.getByRole('button', { name: 'Зберегти' }));
    expect(await within(item3).findByText('Впишіть текст рішення або вилучіть порожнє рішення.')).toBeTruthy();
    expect(screen.getByRole('tab', { name: /Помилок на вкладці: 1/ })).toBeTruthy();
    expect(bridge.callsOf('meetings:update')).toHaveLength(0);

    await fill(user, within(item3).getByLabelText(/^Текст рішення/), 'План роботи затвердити.');
    await user.click(screen.getByRole('button', { name: 'Зберегти' }));
    await waitFor(() => expect(bridge.callsOf('meetings:update')).toHaveLength(1));
    const draft = bridge.callsOf('meetings:update')[0] as InputOf<'meetings:update'>;
    expect(draft).toMatchObject({ id: 'm-2', number: 2, date: '2026-02-12', time: '10:00', status: 'minutes_drafted', chairMemberId: 'm-chair', secretaryMemberId: 'm-secretary' });
    expect(draft.agenda).toEqual([
      {
        id: 'i-1',
        title: 'Про стан виконання доручень попередніх засідань',
        rapporteurMemberId: 'm-secretary',
        rapporteurText: '',
        heard: '1. Провести перевірки агенцій…',
        speeches: [],
        decisions: [{ id: 'd-1-1', text: 'Інформацію взяти до відома.', votesFor: null, votesAgainst: null, votesAbstained: null }],
      },
      {
        id: 'i-2',
        title: 'Про виявлення випадків торгівлі людьми у 2025 році',
        rapporteurMemberId: 'm-police',
        rapporteurText: '',
        heard: 'Іваненко П. С. поінформував про 14 виявлених випадків.',
        speeches: [
          { id: 's-1', speaker: 'Шевчук І. В.', summary: 'Про допомогу постраждалим особам.' },
          { speaker: 'Бойко М. О.', summary: 'Про роботу з дітьми, які повернулися з-за кордону.' },
        ],
        decisions: [
          { id: 'd-2-1', text: 'Інформацію взяти до відома.', votesFor: 6, votesAgainst: 0, votesAbstained: 1 },
          { text: 'Рекомендувати ГУНП щокварталу інформувати раду.', votesFor: 7, votesAgainst: 0, votesAbstained: 1 },
        ],
      },
      {
        title: 'Про план роботи ради на II квартал',
        rapporteurMemberId: null,
        rapporteurText: '',
        heard: '',
        speeches: [],
        decisions: [{ text: 'План роботи затвердити.', votesFor: null, votesAgainst: null, votesAbstained: null }],
      },
    ]);
    expect(await screen.findByRole('group', { name: 'Рішення 2.2' })).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Рішення 3.1' })).toBeTruthy();
  });

  it('keeps the carry-over item first, lists the assignments it reviews, and reorders the other items', async () => {
    const { user, bridge } = await openMeeting('2/2026');
    await openTab(user, /^Порядок денний/);
    const item1 = screen.getByRole('region', { name: 'Пункт 1' });
    expect(within(item1).getByText('Постійний пункт')).toBeTruthy();
    expect(within(item1).getByRole('button', { name: 'Вилучити пункт 1' })).toHaveProperty('disabled', true);
    expect(within(item1).getByRole('button', { name: 'Перемістити пункт 1 нижче' })).toHaveProperty('disabled', true);
    expect(within(screen.getByRole('region', { name: 'Пункт 2' })).getByRole('button', { name: 'Перемістити пункт 2 вище' })).toHaveProperty('disabled', true);
    // Item 2 gave an assignment: it cannot be removed either.
    expect(within(screen.getByRole('region', { name: 'Пункт 2' })).getByRole('button', { name: 'Вилучити пункт 2' })).toHaveProperty('disabled', true);

    const reviewed = within(item1).getAllByTestId('reviewed-assignment');
    expect(reviewed).toHaveLength(2);
    expect(reviewed[0]!.textContent).toContain('3.1, засідання № 12/2025');
    expect(reviewed[0]!.textContent).toContain('Провести перевірки агенцій');
    expect(within(reviewed[0]!).getByText('Прострочено')).toBeTruthy();
    expect(within(reviewed[1]!).getByText('На виконанні')).toBeTruthy();
    expect(item1.textContent).toContain('Усього доручень: 2, з них прострочених: 1.');

    await user.click(screen.getByRole('button', { name: 'Додати питання' }));
    await user.type(within(screen.getByRole('region', { name: 'Пункт 3' })).getByLabelText(/^Питання/), 'Різне');
    await user.click(screen.getByRole('button', { name: 'Перемістити пункт 3 вище' }));
    expect((within(screen.getByRole('region', { name: 'Пункт 2' })).getByLabelText(/^Питання/) as HTMLTextAreaElement).value).toBe('Різне');
    await user.click(screen.getByRole('button', { name: 'Зберегти' }));
    await waitFor(() => expect(bridge.callsOf('meetings:update')).toHaveLength(1));
    const draft = bridge.callsOf('meetings:update')[0] as InputOf<'meetings:update'>;
    expect(draft.agenda.map((i) => i.id ?? i.title)).toEqual(['i-1', 'Різне', 'i-2']);
  });

  it('places server refusals next to their fields: a validation issue in the agenda and a taken number', async () => {
    let answer: ReturnType<typeof fail> = fail('VALIDATION', { issues: [{ path: 'agenda.1.decisions.0.text', code: 'too_big', maximum: 20000 }] });
    const bridge = bridgeFor(['secretary'], { 'meetings:update': () => answer });
    const { user } = await openMeeting('2/2026', bridge);
    await user.type(screen.getByLabelText(/^Місце проведення/), ', каб. 210');
    await user.click(screen.getByRole('button', { name: 'Зберегти' }));
    expect(await screen.findByText('Задовге значення: не більше 20000 символів.')).toBeTruthy();
    expect(screen.getByRole('tab', { name: /^Порядок денний/ }).getAttribute('aria-selected')).toBe('true');
    const alert = screen.getAllByRole('alert').find((a) => a.getAttribute('data-error-code') === 'VALIDATION');
    expect(alert?.textContent).toContain('Деякі поля заповнено неправильно.');

    answer = fail('CONFLICT', { field: 'number', key: 'numberTaken', year: 2026, number: 2 });
    await user.click(screen.getByRole('button', { name: 'Зберегти' }));
    expect(await screen.findByText('Засідання з таким номером у цьому році вже є. Вкажіть інший номер.')).toBeTruthy();
    expect(screen.getByRole('tab', { name: /^Відомості/ }).getAttribute('aria-selected')).toBe('true');
  });

  it('lists the assignments of a decision, opens one, and creates a new one from the decision', async () => {
    const { user } = await openMeeting('2/2026');
    await openTab(user, /^Порядок денний/);
    const decision = within(screen.getByRole('region', { name: 'Пункт 2' })).getByRole('group', { name: 'Рішення 2.1' });
    const given = within(decision).getByTestId('decision-assignment');
    expect(given.textContent).toContain('Головне управління Національної поліції в області');
    expect(given.textContent).toContain('строк — 15.05.2026');
    expect(within(given).getByText('На виконанні')).toBeTruthy();

    await user.click(within(decision).getByRole('button', { name: 'Доручення за рішенням 2.1' }));
    const dialog = await screen.findByRole('dialog', { name: 'Нове доручення за рішенням 2.1' });
    expect((within(dialog).getByLabelText(/^Зміст доручення/) as HTMLTextAreaElement).value).toBe('Інформацію взяти до відома.');
    await user.click(within(dialog).getByRole('button', { name: 'Скасувати' }));

    await user.click(given);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Доручення' }).getAttribute('aria-current')).toBe('page'));
  });

  it('approves the minutes only after the confirmation, explaining a missing quorum in Ukrainian', async () => {
    let approvals = 0;
    const bridge = bridgeFor(['secretary'], (meetings) => ({
      // The window's copy meets every condition; the main process, which reads the store, still has the last word.
      'meetings:get': (input) => {
        const saved = meetings.get(input.id)!;
        return input.id === 'm-2' && saved.status !== 'approved' ? approvable(saved) : saved;
      },
      'meetings:approve': (input) => {
        approvals += 1;
        if (approvals === 1) return fail('NO_QUORUM', { members: 8, present: 4, needed: 5, met: false });
        const approved: Meeting = { ...meetingTwo(), id: input.id, status: 'approved', approvedAt: '2026-02-13T08:15:00.000Z', contentHash: HASH };
        meetings.set(input.id, approved);
        return approved;
      },
    }));
    const { user } = await openMeeting('2/2026', bridge);
    await openTab(user, /^Затвердження/);
    await user.click(screen.getByRole('button', { name: 'Затвердити протокол' }));
    const dialog = await screen.findByRole('dialog', { name: 'Затвердити протокол № 2/2026?' });
    expect(dialog.textContent).toContain('змінити в ньому нічого не можна');
    expect(dialog.textContent).toContain('лише пронумерованими доповненнями');
    expect(dialog.textContent).toContain('буде записано до журналу подій');
    expect(bridge.callsOf('meetings:approve')).toHaveLength(0);

    await user.click(within(dialog).getByRole('button', { name: 'Затвердити' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toContain('Засідання неправомочне: немає кворуму. Перевірте відмітки про присутніх або перенесіть засідання.');
    expect(alert.textContent).toContain('Присутні 4 з 8, а потрібно щонайменше 5.');

    await user.click(within(dialog).getByRole('button', { name: 'Затвердити' }));
    await waitFor(() => expect(bridge.callsOf('meetings:approve')).toEqual([{ id: 'm-2' }, { id: 'm-2' }]));
    expect(await screen.findByText('Затверджено 13.02.2026 10:15.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Зберегти' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Внести доповнення' })).toBeTruthy();
  });

  it('explains why minutes without a chair or secretary cannot be approved', async () => {
    const bridge = bridgeFor(['secretary'], (meetings) => ({
      'meetings:get': (input) => (input.id === 'm-2' ? approvable(meetingTwo()) : meetings.get(input.id)!),
      'meetings:approve': () => fail('INVALID_STATE', { reason: 'no_signatories' }),
    }));
    const { user } = await openMeeting('2/2026', bridge);
    await openTab(user, /^Затвердження/);
    await user.click(screen.getByRole('button', { name: 'Затвердити протокол' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Затвердити' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toContain('Цю дію зараз виконати не можна');
    expect(alert.textContent).toContain('Не обрано головуючого або секретаря.');
  });

  it('says what planned minutes lack before they can be approved', async () => {
    const { user } = await openMeeting('3/2026');
    await openTab(user, /^Затвердження/);
    expect(screen.getByRole('button', { name: 'Затвердити протокол' })).toHaveProperty('disabled', true);
    expect(screen.getByText(/Затвердити можна лише протокол зі станом «Протокол складено»/)).toBeTruthy();
    const checks = screen.getByRole('list', { name: 'Умови затвердження протоколу' });
    expect(checks.textContent).toContain('кворум (присутні 0 з 8, потрібно щонайменше 5) — ще ні');
    expect(checks.textContent).toContain('у порядку денному є хоча б одне питання — ще ні');
    expect(checks.textContent).toContain('засідання вже відбулося (від 19.03.2026 14:30) — ще ні');
    expect(checks.textContent).toContain('головуючий і секретар присутні (або діє особа за їх дорученням) — ще ні');
  });

  it('lists every approval condition of the shared rule and offers approval only when all hold', async () => {
    const bridge = bridgeFor(['secretary'], (meetings) => ({
      'meetings:get': (input) => {
        const two = approvable(meetingTwo());
        if (input.id !== 'm-2') return meetings.get(input.id)!;
        // Item 2 has no decision and item 1 counts nine votes with eight present.
        const [first, second] = two.agenda;
        return { ...two, agenda: [{ ...first!, decisions: [{ ...first!.decisions[0]!, votesFor: 9 }] }, { ...second!, decisions: [] }] };
      },
    }));
    const { user } = await openMeeting('2/2026', bridge);
    await openTab(user, /^Затвердження/);
    const checks = screen.getByRole('list', { name: 'Умови затвердження протоколу' });
    expect(checks.textContent).toContain('до кожного питання ухвалено рішення (без рішення: 2) — ще ні');
    expect(checks.textContent).toContain('голосів у кожному рішенні не більше, ніж присутніх (перевищено: 1.1) — ще ні');
    expect(checks.textContent).toContain('головуючий і секретар присутні (або діє особа за їх дорученням) — виконано');
    expect(screen.getByRole('button', { name: 'Затвердити протокол' })).toHaveProperty('disabled', true);
    expect(screen.getByText('Спершу виконайте умови, позначені ✗, і збережіть засідання.')).toBeTruthy();
  });

  it('does not offer approval until the changes are saved', async () => {
    const { user } = await openMeeting('2/2026');
    await pick(user, /^Стан/, 'Проведено');
    await openTab(user, /^Затвердження/);
    expect(screen.getByRole('button', { name: 'Затвердити протокол' })).toHaveProperty('disabled', true);
    expect(screen.getByText('Спершу збережіть зміни: затверджується збережена версія протоколу.')).toBeTruthy();
  });

  it('shows approved minutes read-only with their hash, and takes a numbered amendment', async () => {
    const bridge = bridgeFor(['secretary'], (meetings) => ({
      'meetings:amend': (input) => {
        const amended: Meeting = { ...meetingOne(), amendments: [{ number: 1, reason: input.reason, text: input.text, createdAt: '2026-03-10T09:00:00.000Z' }] };
        meetings.set(input.id, amended);
        return amended;
      },
    }));
    const { user } = await openMeeting('1/2026', bridge);
    expect(screen.getByText(/Протокол затверджено 15\.01\.2026 12:30, тому його вже не можна змінити/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Зберегти' })).toBeNull();
    expect(screen.getByLabelText(/^Місце проведення/)).toHaveProperty('readOnly', true);
    await openTab(user, /^Присутні/);
    expect(screen.getByRole('checkbox', { name: 'Присутній: Шевчук І. В.' })).toHaveProperty('disabled', true);
    await openTab(user, /^Порядок денний/);
    expect(screen.queryByRole('button', { name: 'Додати питання' })).toBeNull();
    expect(within(screen.getByRole('region', { name: 'Пункт 2' })).getByLabelText(/^СЛУХАЛИ/)).toHaveProperty('readOnly', true);

    await openTab(user, /^Затвердження/);
    expect(screen.getByText('Затверджено 15.01.2026 12:30.')).toBeTruthy();
    const hash = screen.getByTestId('content-hash');
    expect(hash.textContent).toBe('9f2c4b7a1e0d3c5b…');
    expect(hash.getAttribute('title')).toBe(HASH);
    expect(screen.getByText('Доповнень немає.')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Внести доповнення' }));
    const dialog = await screen.findByRole('dialog', { name: 'Доповнення до протоколу № 1/2026' });
    expect(dialog.textContent).toContain('отримає № 1');
    await user.click(within(dialog).getByRole('button', { name: 'Внести доповнення' }));
    expect(await within(dialog).findAllByText('Заповніть це поле.')).toHaveLength(2);
    expect(bridge.callsOf('meetings:amend')).toHaveLength(0);
    await fill(user, within(dialog).getByLabelText(/^Причина/), 'Технічна помилка в прізвищі доповідача');
    await fill(user, within(dialog).getByLabelText(/^Текст доповнення/), 'У пункті 2 замість «Іваненко П. С.» читати «Іваненко П. Є.».');
    await user.click(within(dialog).getByRole('button', { name: 'Внести доповнення' }));
    await waitFor(() =>
      expect(bridge.callsOf('meetings:amend')).toEqual([
        { id: 'm-1', reason: 'Технічна помилка в прізвищі доповідача', text: 'У пункті 2 замість «Іваненко П. С.» читати «Іваненко П. Є.».' },
      ]),
    );
    const amendment = await screen.findByTestId('amendment');
    expect(amendment.textContent).toContain('Доповнення № 1 від 10.03.2026 11:00');
    expect(amendment.textContent).toContain('Причина: Технічна помилка в прізвищі доповідача');
  });

  it('exports the minutes as DOCX and an extract of one item, saying each time that the saved file is not encrypted', async () => {
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const file = { fileName: 'Протокол_2_2026.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', base64: 'UEsDBA==' };
    const bridge = bridgeFor(['member'], { 'meetings:minutes': () => file });
    const { user } = await openMeeting('2/2026', bridge);
    const notice = 'Збережений файл не зашифровано: тримайте його лише там, де дозволено зберігати службові документи, і видаліть, коли він більше не потрібен.';
    await user.click(screen.getByRole('button', { name: 'Документи' }));
    const menu = await screen.findByRole('menu', { hidden: true });
    // A menu holds only items: the notice is in it as the menu's description.
    expect(document.getElementById(menu.getAttribute('aria-describedby') ?? '')?.textContent).toBe(notice);
    expect(within(menu).getByTestId('export-notice').textContent).toBe(notice);
    await user.click(await screen.findByRole('menuitem', { name: 'Протокол (DOCX)', hidden: true }));
    await waitFor(() => expect(bridge.callsOf('meetings:minutes')).toEqual([{ meetingId: 'm-2', format: 'docx' }]));
    await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
    expect(await screen.findByText('Документ «Протокол_2_2026.docx» сформовано. Збережений файл не зашифровано.')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Документи' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Витяг з протоколу за пунктом…', hidden: true }));
    const dialog = await screen.findByRole('dialog', { name: 'Витяг з протоколу за пунктом порядку денного' });
    expect(within(dialog).getByRole('note').textContent).toBe(notice);
    await user.click(within(dialog).getByRole('button', { name: 'Сформувати' }));
    expect(await within(dialog).findByText('Оберіть пункт порядку денного, з якого зробити витяг.')).toBeTruthy();
    await pick(user, /^Пункт порядку денного/, '2. Про виявлення випадків торгівлі людьми у 2025 році', dialog);
    await user.click(within(dialog).getByRole('button', { name: 'Сформувати' }));
    await waitFor(() => expect(bridge.callsOf('meetings:minutes').at(-1)).toEqual({ meetingId: 'm-2', format: 'docx', item: 2 }));
  });

  it('lets a council member read a meeting and export it, but offers no button that changes anything', async () => {
    const { user } = await openMeetings(bridgeFor(['member']));
    expect(screen.queryByRole('button', { name: 'Запланувати засідання' })).toBeNull();
    await user.click(dataRows(screen.getByRole('table', { name: 'Засідання ради' })).find((r) => r.textContent?.includes('2/2026'))!);
    await screen.findByRole('heading', { name: 'Засідання № 2/2026' });
    expect(screen.getByText(/Ви переглядаєте засідання/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Документи' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Зберегти' })).toBeNull();
    expect(screen.getByLabelText(/^Номер засідання/)).toHaveProperty('readOnly', true);

    await openTab(user, /^Присутні/);
    expect(screen.getByRole('checkbox', { name: 'Присутній: Шевчук І. В.' })).toHaveProperty('disabled', true);
    expect(screen.queryByRole('button', { name: 'Позначити всіх' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Додати запрошеного' })).toBeNull();

    await openTab(user, /^Порядок денний/);
    expect(screen.queryByRole('button', { name: 'Додати питання' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Додати рішення/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Доручення за рішенням/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Перемістити/ })).toBeNull();
    expect(screen.getAllByTestId('decision-assignment')).toHaveLength(1);

    await openTab(user, /^Затвердження/);
    expect(screen.queryByRole('button', { name: 'Затвердити протокол' })).toBeNull();
    expect(screen.getByText('Протокол затверджує секретар ради або адміністратор.')).toBeTruthy();
  });

  it('goes back to the list, asking first when there are unsaved changes', async () => {
    const { user } = await openMeeting('2/2026');
    await user.type(screen.getByLabelText(/^Місце проведення/), ' (зала 2)');
    await user.click(screen.getByRole('button', { name: '← До списку засідань' }));
    const dialog = await screen.findByRole('dialog', { name: 'Вийти без збереження?' });
    await user.click(within(dialog).getByRole('button', { name: 'Залишитися' }));
    expect(screen.getByRole('heading', { name: 'Засідання № 2/2026' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '← До списку засідань' }));
    await user.click(within(await screen.findByRole('dialog', { name: 'Вийти без збереження?' })).getByRole('button', { name: 'Вийти без збереження' }));
    expect(await screen.findByRole('table', { name: 'Засідання ради' })).toBeTruthy();
  });

  it('asks before the sidebar leaves a meeting with unsaved changes, and not when everything is saved', async () => {
    const { user } = await openMeeting('2/2026');
    await user.type(screen.getByLabelText(/^Місце проведення/), ' (зала 2)');
    await user.click(screen.getByRole('button', { name: 'Доручення' }));
    const dialog = await screen.findByRole('dialog', { name: 'Вийти без збереження?' });
    await user.click(within(dialog).getByRole('button', { name: 'Залишитися' }));
    expect((screen.getByLabelText(/^Місце проведення/) as HTMLInputElement).value).toMatch(/\(зала 2\)$/);
    expect(screen.getByRole('button', { name: 'Засідання' }).getAttribute('aria-current')).toBe('page');
    await user.click(screen.getByRole('button', { name: 'Доручення' }));
    await user.click(within(await screen.findByRole('dialog', { name: 'Вийти без збереження?' })).getByRole('button', { name: 'Вийти без збереження' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Доручення' }).getAttribute('aria-current')).toBe('page'));

    // Nothing unsaved: the sidebar goes at once, and the guard left with the editor.
    await user.click(screen.getByRole('button', { name: 'Засідання' }));
    await user.click(screen.getByRole('button', { name: 'Організації' }));
    expect(screen.queryByRole('dialog', { name: 'Вийти без збереження?' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Організації' }).getAttribute('aria-current')).toBe('page');
  });

  it('keeps unsaved minutes as a draft when locked by hand, before the lock, and says so on the lock screen', async () => {
    let draft: { key: string; label: string; payload: string } | null = null;
    const bridge = bridgeFor(['secretary'], {
      'drafts:save': (input) => {
        draft = input;
        return { savedAt: '2026-11-20T10:15:00.000Z' };
      },
      'session:lock': () => ({ locked: true as const }),
    });
    const { user } = await openMeeting('2/2026', bridge);
    await user.type(screen.getByLabelText(/^Місце проведення/), ' (зала 2)');
    fireEvent.keyDown(document.body, { key: 'l', code: 'KeyL', ctrlKey: true });
    expect((await screen.findByTestId('lock-reason')).textContent).toBe(
      'Сховище заблоковано вручну. Незбережені зміни (1) збережено як зашифровану чернетку: їх буде запропоновано після розблокування.',
    );
    expect(draft).toMatchObject({ key: 'meetings:m-2', label: 'засідання № 2/2026' });
    expect((JSON.parse(draft!.payload) as { place: string }).place).toMatch(/\(зала 2\)$/);
    // The draft was kept before the lock was asked for.
    const order = bridge.calls.map((c) => c.channel).filter((c) => c === 'drafts:save' || c === 'session:lock');
    expect(order).toEqual(['drafts:save', 'session:lock']);
  });

  it('offers a kept draft on its meeting and after unlock; restoring puts it in the form, unsaved', async () => {
    const kept = { key: 'meetings:m-2', label: 'засідання № 2/2026', savedAt: '2026-11-20T10:15:00.000Z' };
    let present = true;
    const bridge = bridgeFor(['secretary'], {
      'drafts:list': () => (present ? [kept] : []),
      'drafts:get': (input) => (present && input.key === kept.key ? { ...kept, payload: JSON.stringify({ ...toValues(meetingTwo(), MEMBERS), place: 'м. Полтава, зала 7' }) } : null),
      'drafts:discard': () => {
        present = false;
        return { discarded: true };
      },
    });
    renderApp(bridge);
    const user = userEvent.setup();
    const offer = await screen.findByTestId('kept-drafts');
    expect(offer.textContent).toContain('засідання № 2/2026');
    await user.click(within(offer).getByRole('button', { name: 'Відкрити' }));
    const notice = await screen.findByTestId('kept-draft');
    expect(screen.queryByTestId('kept-drafts')).toBeNull();
    await user.click(within(notice).getByRole('button', { name: 'Відновити зміни' }));
    expect((screen.getByLabelText(/^Місце проведення/) as HTMLInputElement).value).toBe('м. Полтава, зала 7');
    expect(screen.getByText('Є незбережені зміни')).toBeTruthy();
    await waitFor(() => expect(bridge.callsOf('drafts:discard')).toEqual([{ key: 'meetings:m-2', restored: true }]));
    await waitFor(() => expect(screen.queryByTestId('kept-draft')).toBeNull());
  });

  it('counts down before the idle lock, lets the secretary stay, and keeps the unsaved minutes just before the end', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let left = 3600;
    const bridge = bridgeFor(['secretary'], {
      'session:status': () => ({ ...unlockedStatus(sessionOf(['secretary'])), idleLockInSeconds: left }),
      'session:activity': () => {
        left = 600;
        return { ok: true as const };
      },
      'drafts:save': () => ({ savedAt: '2026-11-20T10:15:00.000Z' }),
    });
    const { user } = await openMeeting('2/2026', bridge);
    await user.type(screen.getByLabelText(/^Місце проведення/), ' (зала 2)');
    left = 40;
    await act(async () => {
      await vi.advanceTimersByTimeAsync(5_000);
    });
    const dialog = await screen.findByRole('dialog', { name: 'Сховище скоро буде заблоковано' });
    expect(within(dialog).getByTestId('idle-countdown').textContent).toMatch(/через (40|39) секунд сховище буде заблоковано/);
    await user.click(within(dialog).getByRole('button', { name: 'Продовжити роботу' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Сховище скоро буде заблоковано' })).toBeNull());
    expect(bridge.callsOf('session:activity').length).toBeGreaterThan(0);
    expect(bridge.callsOf('drafts:save')).toEqual([]);

    left = 7;
    await act(async () => {
      await vi.advanceTimersByTimeAsync(5_000);
    });
    await waitFor(() => expect(bridge.callsOf('drafts:save')).toHaveLength(1));
    expect(bridge.callsOf('drafts:save')[0]).toMatchObject({ key: 'meetings:m-2' });
    vi.useRealTimers();
  });
});
