import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import { QueryClientProvider } from '@tanstack/react-query';
import type { Assignment } from '../../src/shared/domain/assignments';
import { isLaterMeeting, type Meeting, type MeetingSummary } from '../../src/shared/domain/meetings';
import type { Role } from '../../src/shared/permissions';
import { createApi } from '../../src/renderer/src/app/api';
import { ApiContext } from '../../src/renderer/src/app/api-context';
import { createQueryClient } from '../../src/renderer/src/app/data';
import { createI18n } from '../../src/renderer/src/app/i18n';
import { AssignmentFormModal } from '../../src/renderer/src/features/assignments/AssignmentFormModal';
import { fail, fakeBridge, renderApp, sessionOf, type Handlers, unlockedShell } from './fake-api';
import * as sample from './samples';
import { dataRows, EMPTY_DASHBOARD, fixToday, openPage, optionsOf, organisation, organisationOptionsOf, pick, typeDate, type User } from './samples';

const ORGANISATIONS = [
  organisation('o-police', 'Головне управління Національної поліції в області', { shortName: 'ГУНП' }),
  organisation('o-css', 'Обласний центр соціальних служб', { shortName: 'ОЦСС' }),
  organisation('o-edu', 'Департамент освіти і науки облдержадміністрації'),
];

/** This file's assignments belong to meeting «m-1-2026» unless told otherwise. */
const assignment = (id: string, overrides: Partial<Assignment> = {}) => sample.assignment(id, { meetingId: 'm-1-2026', ...overrides });

const ASSIGNMENTS: Assignment[] = [
  assignment('a-late', {
    decisionNumber: '2.2',
    text: 'Провести перевірки агенцій з працевлаштування за кордоном',
    leadOrganisationId: 'o-police',
    leadOrganisationName: 'Головне управління Національної поліції в області',
    leadPerson: 'Заступник начальника Іваненко П. С.',
    coExecutorIds: ['o-css', 'o-edu'],
    dueDate: '2026-03-01',
    state: 'overdue',
    givenApproved: true,
    reports: [
      { id: 'r-1', receivedOn: '2026-01-20', text: 'Перевірено дві агенції, порушень не виявлено.', reference: '01-12/45' },
      { id: 'r-2', receivedOn: '2026-02-25', text: 'Перевірено ще три агенції; матеріали передано до прокуратури.', reference: '' },
    ],
  }),
  assignment('a-open', {}),
  assignment('a-done', {
    decisionNumber: '3.1',
    meetingId: 'm-12-2025',
    meetingYear: 2025,
    meetingNumber: 12,
    text: 'Оновити перелік надавачів соціальних послуг',
    dueDate: '2026-01-15',
    state: 'done',
    closedOn: '2026-02-12',
    closedByDecisionNumber: '1.1',
  }),
  assignment('a-removed', {
    decisionNumber: '4.1',
    text: 'Підготувати буклет для шкіл',
    leadOrganisationId: 'o-edu',
    leadOrganisationName: 'Департамент освіти і науки облдержадміністрації',
    dueDate: '2026-02-01',
    state: 'removed',
  }),
];

function meetingSummary(year: number, number: number, date: string): MeetingSummary {
  return sample.meetingSummary(`m-${number}-${year}`, number, year, date, { place: 'м. Полтава' });
}

const MEETINGS: MeetingSummary[] = [
  meetingSummary(2026, 3, '2026-03-05'),
  meetingSummary(2026, 2, '2026-02-12'),
  meetingSummary(2026, 1, '2026-01-15'),
  meetingSummary(2025, 12, '2025-12-11'),
];

function decision(id: string, number: string, text: string) {
  return { id, number, text, votesFor: 9, votesAgainst: 0, votesAbstained: 0 };
}

const MEETING_3: Meeting = {
  ...meetingSummary(2026, 3, '2026-03-05'),
  chairMemberId: null,
  secretaryMemberId: null,
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
      rapporteurMemberId: null,
      rapporteurText: '',
      heard: '',
      carryOver: true,
      speeches: [],
      decisions: [decision('d-3-1', '1.1', 'Доручення щодо перевірок агенцій вважати виконаним.'), decision('d-3-2', '1.2', 'Зняти з контролю доручення 2.2.')],
      reviewedAssignmentIds: [],
    },
  ],
  attendance: [],
  guests: [],
  quorum: { members: 12, present: 9, needed: 7, met: true },
  amendments: [],
};

function bridgeFor(roles: Role[] = ['secretary'], extra: Handlers = {}) {
  const session = sessionOf(roles);
  // The fake keeps what the calls change, so a card asked again shows the new report or the closing.
  const stored = ASSIGNMENTS.map((a) => ({ ...a }));
  const update = (id: string, change: (a: Assignment) => Assignment) => {
    const at = stored.findIndex((a) => a.id === id);
    stored[at] = change(stored[at]!);
    return stored[at]!;
  };
  return fakeBridge({
    ...unlockedShell(session),
    'dashboard:get': () => EMPTY_DASHBOARD,
    'organisations:list': () => ORGANISATIONS,
    'organisations:options': () => organisationOptionsOf(ORGANISATIONS),
    'assignments:get': (input) => stored.find((a) => a.id === input.id) ?? fail('NOT_FOUND'),
    'assignments:list': (input) =>
      stored.filter(
        (a) =>
          (!input.states || input.states.includes(a.state)) &&
          (!input.organisationId || a.leadOrganisationId === input.organisationId || a.coExecutorIds.includes(input.organisationId)),
      ),
    'meetings:list': (input) => {
      const after = MEETINGS.find((m) => m.id === input.laterThan);
      return after ? MEETINGS.filter((m) => isLaterMeeting(m, after)) : MEETINGS;
    },
    'meetings:get': (input) => (input.id === MEETING_3.id ? MEETING_3 : fail('NOT_FOUND')),
    'assignments:report': (input) =>
      update(input.assignmentId, (a) => ({ ...a, reports: [...a.reports, { id: 'r-new', receivedOn: input.receivedOn, text: input.text, reference: input.reference ?? '' }] })),
    'assignments:close': (input) => update(input.assignmentId, (a) => ({ ...a, state: input.outcome, closedOn: '2026-03-05', closedByDecisionNumber: '1.2' })),
    'assignments:change': (input) =>
      update(input.assignmentId, (a) => ({
        ...a,
        dueDate: input.dueDate ?? a.dueDate,
        changes: [
          ...a.changes,
          {
            id: 'c-new',
            changedAt: '2026-03-10T09:00:00.000Z',
            byDecisionNumber: input.byDecisionId ? '1.2 (№ 3/2026)' : null,
            before: { dueDate: a.dueDate },
            after: { dueDate: input.dueDate ?? a.dueDate },
          },
        ],
      })),
    ...extra,
  });
}

const openAssignments = () => openPage('Доручення');

async function openRow(user: User, table: HTMLElement, text: string) {
  const row = dataRows(table).find((r) => r.textContent?.includes(text));
  expect(row, `row with «${text}»`).toBeTruthy();
  await user.click(row!);
  return screen.findByRole('dialog', { name: 'Картка доручення' });
}

fixToday();

describe('assignments page', () => {
  it('opens on the assignments under control, sorted by due date, with the overdue badge in Ukrainian', async () => {
    const bridge = bridgeFor();
    renderApp(bridge);
    const { table } = await openAssignments();

    expect(bridge.callsOf('assignments:list')[0]).toEqual({ states: ['in_progress', 'overdue'] });
    const rows = dataRows(table);
    expect(rows).toHaveLength(2);
    const [first, second] = rows;
    expect(first!.textContent).toContain('2.2');
    expect(first!.textContent).toContain('засідання № 1/2026');
    expect(first!.textContent).toContain('Головне управління Національної поліції в області');
    expect(first!.textContent).toContain('Заступник начальника Іваненко П. С.');
    expect(first!.textContent).toContain('01.03.2026');
    expect(within(first!).getByText('Прострочено')).toBeTruthy();
    expect(second!.textContent).toContain('30.04.2026');
    expect(within(second!).getByText('На виконанні')).toBeTruthy();
    expect(screen.getByRole('radio', { name: 'На контролі' })).toHaveProperty('checked', true);
  });

  it('filters by state and by organisation, and searches within the list', async () => {
    const bridge = bridgeFor();
    renderApp(bridge);
    const { user, table } = await openAssignments();

    await user.click(screen.getByRole('radio', { name: 'Виконано' }));
    await waitFor(() => expect(bridge.callsOf('assignments:list').at(-1)).toEqual({ states: ['done'] }));
    await waitFor(() => expect(dataRows(screen.getByRole('table', { name: 'Доручення' }))).toHaveLength(1));
    expect(screen.getByRole('table', { name: 'Доручення' }).textContent).toContain('Виконано');

    await user.click(screen.getByRole('radio', { name: 'Усі' }));
    await waitFor(() => expect(bridge.callsOf('assignments:list').at(-1)).toEqual({}));
    await waitFor(() => expect(dataRows(screen.getByRole('table', { name: 'Доручення' }))).toHaveLength(4));

    await pick(user, 'Виконавець (організація)', 'Департамент освіти і науки облдержадміністрації');
    await waitFor(() => expect(bridge.callsOf('assignments:list').at(-1)).toEqual({ organisationId: 'o-edu' }));
    await waitFor(() => expect(dataRows(screen.getByRole('table', { name: 'Доручення' }))).toHaveLength(2));

    await user.type(screen.getByRole('textbox', { name: 'Пошук' }), 'буклет');
    await waitFor(() => expect(dataRows(screen.getByRole('table', { name: 'Доручення' }))).toHaveLength(1));
    expect(screen.getByRole('table', { name: 'Доручення' }).textContent).toContain('Підготувати буклет для шкіл');
    expect(table).toBeTruthy();
  });

  it('keeps the chosen filters when an assignment is opened and closed again', async () => {
    const bridge = bridgeFor();
    renderApp(bridge);
    const { user } = await openAssignments();
    await user.click(screen.getByRole('radio', { name: 'Виконано' }));
    await waitFor(() => expect(dataRows(screen.getByRole('table', { name: 'Доручення' }))).toHaveLength(1));
    const card = await openRow(user, screen.getByRole('table', { name: 'Доручення' }), 'Оновити перелік надавачів');
    expect(await within(card).findByText('12.02.2026, рішенням 1.1')).toBeTruthy();
    await user.click(within(card).getByRole('button', { name: 'Закрити картку й повернутися до списку' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByRole('radio', { name: 'Виконано' })).toHaveProperty('checked', true);
    expect(bridge.callsOf('assignments:list').at(-1)).toEqual({ states: ['done'] });
    await waitFor(() => expect(dataRows(screen.getByRole('table', { name: 'Доручення' }))).toHaveLength(1));
  });

  it('opens an assignment with its executors and progress reports, newest first, and links to its meeting', async () => {
    const bridge = bridgeFor(['secretary'], {
      'meetings:get': (input) => ({ ...MEETING_3, ...meetingSummary(2026, 1, '2026-01-22'), agenda: [], id: input.id }),
      'group:get': () => sample.groupSettings(),
      'group:members': () => [],
    });
    renderApp(bridge);
    const { user, table } = await openAssignments();
    const card = await openRow(user, table, 'Провести перевірки агенцій');

    expect(await within(card).findByText('Доручення 2.2, засідання № 1/2026')).toBeTruthy();
    expect(within(card).getByTestId('assignment-text').textContent).toBe('Провести перевірки агенцій з працевлаштування за кордоном');
    expect(card.textContent).toContain('Обласний центр соціальних служб');
    expect(card.textContent).toContain('Департамент освіти і науки облдержадміністрації');
    expect(card.textContent).toContain('Заступник начальника Іваненко П. С.');
    const reports = within(card).getAllByTestId('assignment-report');
    expect(reports).toHaveLength(2);
    expect(reports[0]!.textContent).toContain('25.02.2026');
    expect(reports[0]!.textContent).toContain('Перевірено ще три агенції');
    expect(reports[1]!.textContent).toContain('20.01.2026');
    expect(reports[1]!.textContent).toContain('вх. № 01-12/45');

    await user.click(within(card).getByRole('button', { name: 'Відкрити засідання № 1/2026' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Засідання' }).getAttribute('aria-current')).toBe('page'));
    await waitFor(() => expect(bridge.callsOf('meetings:get')).toEqual([{ id: 'm-1-2026' }]));
  });

  it('validates a progress report on the spot, then sends it with the date, text and incoming number', async () => {
    const bridge = bridgeFor();
    renderApp(bridge);
    const { user, table } = await openAssignments();
    const card = await openRow(user, table, 'Забезпечити інформування громад');

    await user.click(within(card).getByRole('button', { name: 'Додати інформацію про стан виконання' }));
    const date = within(card).getByLabelText(/^Дата надходження/) as HTMLInputElement;
    expect(date.value).toBe('10.03.2026');
    await user.click(within(card).getByRole('button', { name: 'Зберегти інформацію' }));
    expect(await within(card).findByText('Заповніть це поле.')).toBeTruthy();

    await typeDate(user, date, '12.03.2026');
    await user.type(within(card).getByLabelText(/^Зміст інформації/), 'Проведено 14 зустрічей у громадах');
    await user.click(within(card).getByRole('button', { name: 'Зберегти інформацію' }));
    expect(await within(card).findByText('Дата надходження не може бути пізнішою за сьогодні. Виправте дату.')).toBeTruthy();
    expect(bridge.callsOf('assignments:report')).toHaveLength(0);

    await typeDate(user, date, '06.03.2026');
    await user.type(within(card).getByLabelText(/^Вхідний №/), '02-07/318');
    await user.click(within(card).getByRole('button', { name: 'Зберегти інформацію' }));
    await waitFor(() =>
      expect(bridge.callsOf('assignments:report')).toEqual([
        { assignmentId: 'a-open', receivedOn: '2026-03-06', text: 'Проведено 14 зустрічей у громадах', reference: '02-07/318' },
      ]),
    );
    const reports = await within(card).findAllByTestId('assignment-report');
    expect(reports[0]!.textContent).toContain('06.03.2026');
    expect(reports[0]!.textContent).toContain('вх. № 02-07/318');
  });

  it('closes an assignment only by a decision of a later meeting, sending that decision and the outcome', async () => {
    const bridge = bridgeFor();
    renderApp(bridge);
    const { user, table } = await openAssignments();
    const card = await openRow(user, table, 'Провести перевірки агенцій');

    await user.click(within(card).getByRole('button', { name: 'Закрити доручення' }));
    expect(card.textContent).toContain('лише рішення пізнішого засідання, ніж засідання № 1/2026');
    const meeting = await within(card).findByRole('textbox', { name: /^Засідання, що ухвалило рішення/ });

    await user.click(within(card).getByRole('button', { name: 'Закрити доручення' }));
    expect(await within(card).findByText('Оберіть засідання, на якому ухвалено рішення про це доручення.')).toBeTruthy();
    expect(bridge.callsOf('assignments:close')).toHaveLength(0);

    await user.click(meeting);
    const options = optionsOf(/^Засідання, що ухвалило рішення/).getAllByRole('option', { hidden: true }).map((o) => o.textContent);
    expect(options).toEqual(['№ 3/2026 від 05.03.2026 — Протокол затверджено', '№ 2/2026 від 12.02.2026 — Протокол затверджено']);
    await user.click(optionsOf(/^Засідання, що ухвалило рішення/).getByRole('option', { name: /^№ 3\/2026/, hidden: true }));
    await waitFor(() => expect(bridge.callsOf('meetings:get')).toEqual([{ id: 'm-3-2026' }]));

    await pick(user, /^Рішення про доручення/, '1.2 — Зняти з контролю доручення 2.2.');
    await user.click(within(card).getByRole('radio', { name: 'Знято з контролю' }));
    await user.click(within(card).getByRole('button', { name: 'Закрити доручення' }));
    await waitFor(() => expect(bridge.callsOf('assignments:close')).toEqual([{ assignmentId: 'a-late', decisionId: 'd-3-2', outcome: 'removed' }]));
    expect(await within(card).findByText('05.03.2026, рішенням 1.2')).toBeTruthy();
    expect(within(card).queryByRole('button', { name: 'Закрити доручення' })).toBeNull();
  });

  it('changes the terms of an approved assignment only by a later decision, and shows the change in its history', async () => {
    const bridge = bridgeFor();
    renderApp(bridge);
    const { user, table } = await openAssignments();
    const card = await openRow(user, table, 'Провести перевірки агенцій');
    await user.click(within(card).getByRole('button', { name: 'Змінити умови' }));
    expect(card.textContent).toContain('Протокол № 1/2026 затверджено, тож строк, зміст чи виконавців змінює лише рішення пізнішого засідання');
    await typeDate(user, within(card).getByRole('textbox', { name: /^Строк виконання/ }), '30.06.2026');
    await user.click(within(card).getByRole('button', { name: 'Зберегти нові умови' }));
    expect(await within(card).findByText('Оберіть засідання, на якому ухвалено рішення про це доручення.')).toBeTruthy();
    expect(bridge.callsOf('assignments:change')).toHaveLength(0);

    await pick(user, /^Засідання, що ухвалило рішення/, /^№ 3\/2026/);
    await pick(user, /^Рішення про доручення/, '1.2 — Зняти з контролю доручення 2.2.');
    await user.click(within(card).getByRole('button', { name: 'Зберегти нові умови' }));
    await waitFor(() => expect(bridge.callsOf('assignments:change')).toHaveLength(1));
    expect(bridge.callsOf('assignments:change')[0]).toMatchObject({ assignmentId: 'a-late', byDecisionId: 'd-3-2', dueDate: '2026-06-30' });
    const history = await within(card).findByTestId('assignment-change');
    expect(history.textContent).toContain('Рішенням 1.2 (№ 3/2026)');
    expect(history.textContent).toContain('Строк: 01.03.2026 → 30.06.2026');
  });

  it('corrects the terms of an assignment of draft minutes without a decision', async () => {
    const bridge = bridgeFor(['secretary'], { 'assignments:get': (input) => ({ ...ASSIGNMENTS.find((a) => a.id === input.id)!, givenApproved: false }) });
    renderApp(bridge);
    const { user, table } = await openAssignments();
    const card = await openRow(user, table, 'Провести перевірки агенцій');
    await user.click(within(card).getByRole('button', { name: 'Змінити умови' }));
    expect(card.textContent).toContain('Протокол № 1/2026 ще не затверджено: умови можна виправити без окремого рішення.');
    expect(within(card).queryByRole('textbox', { name: /^Засідання, що ухвалило рішення/ })).toBeNull();
    await typeDate(user, within(card).getByRole('textbox', { name: /^Строк виконання/ }), '15.04.2026');
    await user.click(within(card).getByRole('button', { name: 'Зберегти нові умови' }));
    await waitFor(() => expect(bridge.callsOf('assignments:change')).toEqual([expect.objectContaining({ assignmentId: 'a-late', byDecisionId: null, dueDate: '2026-04-15' })]));
  });

  it('explains in Ukrainian why the close was refused', async () => {
    const bridge = bridgeFor(['secretary'], { 'assignments:close': () => fail('INVALID_STATE', { reason: 'not_later' }) });
    renderApp(bridge);
    const { user, table } = await openAssignments();
    const card = await openRow(user, table, 'Провести перевірки агенцій');
    await user.click(within(card).getByRole('button', { name: 'Закрити доручення' }));
    await within(card).findByRole('textbox', { name: /^Засідання, що ухвалило рішення/ });
    await pick(user, /^Засідання, що ухвалило рішення/, /^№ 3\/2026/);
    await waitFor(() => expect(within(card).getByRole('textbox', { name: /^Рішення про доручення/ })).toHaveProperty('disabled', false));
    await pick(user, /^Рішення про доручення/, /^1\.1 — /);
    await user.click(within(card).getByRole('button', { name: 'Закрити доручення' }));

    const alert = await within(card).findByRole('alert');
    expect(alert.textContent).toContain('Цю дію зараз виконати не можна: запис у невідповідному стані.');
    expect(alert.textContent).toContain('Оберіть рішення пізнішого засідання.');
  });

  it('lets a member read an assignment but offers no report or close buttons', async () => {
    const bridge = bridgeFor(['member']);
    renderApp(bridge);
    const { user, table } = await openAssignments();
    const card = await openRow(user, table, 'Провести перевірки агенцій');
    expect(await within(card).findAllByTestId('assignment-report')).toHaveLength(2);
    expect(within(card).queryByRole('button', { name: 'Додати інформацію про стан виконання' })).toBeNull();
    expect(within(card).queryByRole('button', { name: 'Закрити доручення' })).toBeNull();
  });
});

describe('assignment form', () => {
  function Harness({ onCreated }: { onCreated(a: Assignment): void }) {
    const [opened, setOpened] = useState(true);
    return (
      <AssignmentFormModal
        decision={{ id: 'd-9', number: '3.2', text: 'Забезпечити навчання фахівців ЦНАП' }}
        opened={opened}
        onClose={() => setOpened(false)}
        onCreated={onCreated}
      />
    );
  }

  function renderForm() {
    const bridge = fakeBridge({
      'organisations:options': () => organisationOptionsOf(ORGANISATIONS),
      'assignments:create': (input) =>
        assignment('a-new', {
          decisionId: input.decisionId,
          decisionNumber: '3.2',
          text: input.text,
          leadOrganisationId: input.leadOrganisationId,
          leadPerson: input.leadPerson ?? '',
          coExecutorIds: input.coExecutorIds ?? [],
          dueDate: input.dueDate,
        }),
    });
    const onCreated = vi.fn();
    render(
      <I18nextProvider i18n={createI18n('uk')}>
        <MantineProvider>
          <Notifications />
          <ApiContext.Provider value={createApi(bridge)}>
            <QueryClientProvider client={createQueryClient()}>
              <Harness onCreated={onCreated} />
            </QueryClientProvider>
          </ApiContext.Provider>
        </MantineProvider>
      </I18nextProvider>,
    );
    return { bridge, onCreated };
  }

  it('refuses a missing lead executor and due date, then creates the assignment with lead, co-executors and due date', async () => {
    const user = userEvent.setup();
    const { bridge, onCreated } = renderForm();
    const dialog = await screen.findByRole('dialog', { name: 'Нове доручення за рішенням 3.2' });
    expect((within(dialog).getByLabelText(/^Зміст доручення/) as HTMLTextAreaElement).value).toBe('Забезпечити навчання фахівців ЦНАП');

    await user.click(within(dialog).getByRole('button', { name: 'Створити доручення' }));
    expect(await within(dialog).findByText('Оберіть відповідального виконавця зі списку організацій.')).toBeTruthy();
    expect(within(dialog).getByText('Заповніть це поле.')).toBeTruthy();
    expect(bridge.callsOf('assignments:create')).toHaveLength(0);

    await pick(user, /^Відповідальний виконавець/, 'Обласний центр соціальних служб (ОЦСС)');
    await user.type(within(dialog).getByLabelText(/^Відповідальна особа/), 'Директор Петренко О. В.');
    await user.click(within(dialog).getByRole('textbox', { name: /^Співвиконавці/ }));
    const co = optionsOf(/^Співвиконавці/);
    expect(co.queryByRole('option', { name: 'Обласний центр соціальних служб (ОЦСС)', hidden: true })).toBeNull();
    await user.click(co.getByRole('option', { name: 'Головне управління Національної поліції в області (ГУНП)', hidden: true }));
    await user.click(co.getByRole('option', { name: 'Департамент освіти і науки облдержадміністрації', hidden: true }));
    await typeDate(user, within(dialog).getByLabelText(/^Строк виконання/), '30.06.2026');
    await user.click(within(dialog).getByRole('button', { name: 'Створити доручення' }));

    await waitFor(() =>
      expect(bridge.callsOf('assignments:create')).toEqual([
        {
          decisionId: 'd-9',
          text: 'Забезпечити навчання фахівців ЦНАП',
          leadOrganisationId: 'o-css',
          leadPerson: 'Директор Петренко О. В.',
          coExecutorIds: ['o-police', 'o-edu'],
          dueDate: '2026-06-30',
        },
      ]),
    );
    await waitFor(() => expect(onCreated).toHaveBeenCalledWith(expect.objectContaining({ id: 'a-new', leadOrganisationId: 'o-css' })));
  });
});
