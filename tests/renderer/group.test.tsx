import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Member } from '../../src/shared/domain/group';
import type { Organisation } from '../../src/shared/domain/organisations';
import type { Role } from '../../src/shared/permissions';
import { fail, fakeBridge, renderApp, sessionOf, unlockedShell } from './fake-api';
import { describedText, EMPTY_DASHBOARD, fixToday, groupSettings, member, openPage, organisation, organisationOptionsOf, pick, rowOf, typeDate, type User } from './samples';

const CURRENT: Member[] = [
  member('m-1', 'Коваленко', 'Олена', 'Петрівна', { role: 'chair', position: 'заступник голови облдержадміністрації' }),
  member('m-2', 'Шевчук', 'Ігор', 'Васильович', {
    role: 'deputy_chair',
    position: 'начальник служби у справах дітей',
    organisationId: 'o-1',
    organisationName: 'Служба у справах дітей ОДА',
  }),
  member('m-3', 'Мар’яненко', 'Ірина', 'Олегівна', { role: 'secretary' }),
  member('m-4', 'Бойко', 'Олег', 'Іванович', { organisationId: 'o-2', organisationName: 'ГУНП в Полтавській області' }),
  member('m-5', 'Гнатюк', 'Марія', ''),
  member('m-6', 'Ткаченко', 'Андрій', 'Сергійович'),
  member('m-7', 'Литвин', 'Оксана', 'Миколаївна'),
  member('m-8', 'Савчук', 'Віктор', 'Петрович'),
];
const FORMER = member('m-0', 'Руденко', 'Тарас', 'Ілліч', { role: 'chair', validFrom: '2022-05-10', validTo: '2024-01-31' });

const SETTINGS = groupSettings({
  orderNumber: '214',
  orderDate: '2024-01-18',
  regulation: 'Положення затверджено розпорядженням голови ОДА № 214 від 18.01.2024.',
});

const ORGANISATIONS: Organisation[] = [
  ['o-1', 'Служба у справах дітей ОДА', 'ССД', 'children_service', true],
  ['o-2', 'ГУНП в Полтавській області', 'ГУНП', 'police', true],
  ['o-3', 'Обласний центр соціальних служб', 'ОЦСС', 'social_services_centre', true],
  ['o-4', 'Громадська організація «Світанок»', '', 'ngo', false],
].map(([id, name, shortName, type, active]) =>
  organisation(id as string, name as string, {
    shortName: shortName as string,
    type: type as Organisation['type'],
    active: active as boolean,
    createdAt: '2025-03-01T08:00:00.000Z',
    updatedAt: '2025-03-01T08:00:00.000Z',
  }),
);

function groupBridge(roles: Role[] = ['secretary']) {
  const current = [...CURRENT];
  return fakeBridge({
    ...unlockedShell(sessionOf(roles)),
    'dashboard:get': () => EMPTY_DASHBOARD,
    'organisations:list': (input) => ORGANISATIONS.filter((o) => input.includeInactive || o.active),
    'organisations:options': (input) => organisationOptionsOf(ORGANISATIONS.filter((o) => input.includeInactive || o.active)),
    'group:members': (input) => (input.all ? [FORMER, ...current] : current),
    'group:saveMember': (input) => {
      const organisation = ORGANISATIONS.find((o) => o.id === input.organisationId);
      const saved = member(input.id ?? `m-${current.length + 1}`, input.surname, input.givenName, input.patronymic ?? '', {
        position: input.position,
        organisationId: input.organisationId,
        organisationName: organisation?.name ?? null,
        role: input.role,
        validFrom: input.validFrom,
        validTo: input.validTo ?? null,
      });
      current.push(saved);
      return saved;
    },
    'group:endMember': (input) => {
      const at = current.findIndex((m) => m.id === input.id);
      const ended = { ...current[at]!, validTo: input.validTo };
      current.splice(at, 1);
      return ended;
    },
    'group:get': () => SETTINGS,
    'group:update': (input) => ({ ...SETTINGS, ...input }),
  });
}

const openGroup = () => openPage('Склад ради');

async function openSettings(user: User) {
  await user.click(screen.getByRole('tab', { name: 'Положення і правила' }));
  return screen.findByRole('tabpanel', { name: 'Положення і правила' });
}

fixToday();

describe('council membership', () => {
  it('lists today’s members chair first, with short names, Ukrainian roles and dates; the switch adds former members', async () => {
    const bridge = groupBridge(['member']);
    renderApp(bridge);
    const { user, table } = await openGroup();
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(9);
    expect(rows[1]!.textContent).toContain('Коваленко Олена Петрівна');
    expect(rows[1]!.textContent).toContain('Коваленко О. П.');
    expect(rows[1]!.textContent).toContain('Голова');
    expect(rows[1]!.textContent).toContain('01.02.2024');
    expect(rows[2]!.textContent).toContain('Заступник голови');
    expect(rows[2]!.textContent).toContain('Служба у справах дітей ОДА');
    expect(rows[3]!.textContent).toContain('Секретар');
    expect(rowOf(table, 'Гнатюк').textContent).toContain('Гнатюк М.');
    expect(rowOf(table, 'Бойко').textContent).toContain('Член');
    expect(table.textContent).not.toContain('Руденко');

    await user.type(screen.getByRole('textbox', { name: 'Пошук' }), 'секретар');
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(2));
    expect(table.textContent).toContain('Мар’яненко');
    await user.clear(screen.getByRole('textbox', { name: 'Пошук' }));

    await user.click(screen.getByLabelText('Показати колишніх членів'));
    await waitFor(() => expect(bridge.callsOf('group:members')).toContainEqual({ all: true }));
    const former = rowOf(await screen.findByRole('table', { name: 'Склад ради' }), 'Руденко Тарас Ілліч');
    expect(former.textContent).toContain('10.05.2022');
    expect(former.textContent).toContain('31.01.2024');
  });

  it('adds a member with an organisation chosen from the list and checks the dates first', async () => {
    const bridge = groupBridge();
    renderApp(bridge);
    const { user } = await openGroup();
    await user.click(screen.getByRole('button', { name: 'Додати члена ради' }));
    const dialog = await screen.findByRole('dialog', { name: 'Новий член ради' });
    expect((within(dialog).getByLabelText(/^У складі з/) as HTMLInputElement).value).toBe('10.03.2026');

    await user.type(within(dialog).getByLabelText(/^Прізвище/), 'Кравець');
    await user.type(within(dialog).getByLabelText(/^Ім’я/), 'Наталія');
    await user.type(within(dialog).getByLabelText(/^По батькові/), 'Андріївна');
    await user.type(within(dialog).getByLabelText(/^Посада/), 'директорка обласного центру соціальних служб');
    await waitFor(() => expect(within(dialog).getByRole('textbox', { name: /^Організація/ }).hasAttribute('disabled')).toBe(false));
    // The inactive organisation is not offered for a new seat.
    expect(screen.getByRole('listbox', { name: /^Організація/, hidden: true }).textContent).not.toContain('Світанок');
    // From the keyboard: a few letters narrow the list to one, and Enter takes it.
    await user.type(within(dialog).getByRole('textbox', { name: /^Організація/ }), 'ОЦСС{Enter}');
    expect((within(dialog).getByRole('textbox', { name: /^Організація/ }) as HTMLInputElement).value).toBe('Обласний центр соціальних служб (ОЦСС)');
    await pick(user, /^Роль у раді/, 'Секретар', dialog);
    await typeDate(user, within(dialog).getByLabelText(/^У складі з/), '01.03.2026');
    await typeDate(user, within(dialog).getByLabelText(/^У складі по/), '01.02.2026');
    await user.click(within(dialog).getByRole('button', { name: 'Зберегти' }));
    expect(await within(dialog).findByText('Дата «по» не може бути раніше дати «з». Виправте одну з дат.')).toBeTruthy();
    expect(bridge.callsOf('group:saveMember')).toHaveLength(0);

    await typeDate(user, within(dialog).getByLabelText(/^У складі по/), '');
    await user.click(within(dialog).getByRole('button', { name: 'Зберегти' }));
    await waitFor(() =>
      expect(bridge.callsOf('group:saveMember')).toEqual([
        {
          surname: 'Кравець',
          givenName: 'Наталія',
          patronymic: 'Андріївна',
          position: 'директорка обласного центру соціальних служб',
          organisationId: 'o-3',
          role: 'secretary',
          validFrom: '2026-03-01',
          validTo: null,
        },
      ]),
    );
    expect(await screen.findByText('Кравець Н. А. — додано до складу ради.')).toBeTruthy();
    await waitFor(() => expect(within(screen.getByRole('table', { name: 'Склад ради' })).getAllByRole('row')).toHaveLength(10));
  });

  it('shows a service validation error next to the field when correcting a member', async () => {
    const bridge = groupBridge(['admin']);
    bridge.handlers['group:saveMember'] = () => fail('VALIDATION', { issues: [{ path: 'position', code: 'too_big', maximum: 300 }] });
    renderApp(bridge);
    const { user, table } = await openGroup();
    await user.click(rowOf(table, 'Бойко Олег Іванович'));
    const dialog = await screen.findByRole('dialog', { name: 'Дані члена ради' });
    expect((within(dialog).getByLabelText(/^Прізвище/) as HTMLInputElement).value).toBe('Бойко');
    await waitFor(() => expect((within(dialog).getByRole('textbox', { name: /^Організація/ }) as HTMLInputElement).value).toBe('ГУНП в Полтавській області (ГУНП)'));
    await user.click(within(dialog).getByRole('button', { name: 'Зберегти' }));
    const position = within(dialog).getByLabelText(/^Посада/);
    await waitFor(() => expect(position.getAttribute('aria-invalid')).toBe('true'));
    expect(describedText(position)).toContain('Задовге значення: не більше 300 символів.');
    expect(bridge.callsOf('group:saveMember')[0]).toMatchObject({ id: 'm-4', surname: 'Бойко', organisationId: 'o-2', validTo: null });
  });

  it('ends a seat on the chosen date, explaining that the history stays', async () => {
    const bridge = groupBridge();
    renderApp(bridge);
    const { user, table } = await openGroup();
    await user.click(within(rowOf(table, 'Ткаченко')).getByRole('button', { name: 'Вивести зі складу: Ткаченко А. С.' }));
    const dialog = await screen.findByRole('dialog', { name: 'Вивести зі складу ради' });
    expect(dialog.textContent).toContain('Ткаченко Андрій Сергійович перестане входити до складу ради після вказаного дня.');
    expect(dialog.textContent).toContain('Запис залишиться в історії');
    const date = within(dialog).getByLabelText(/^Останній день у складі/) as HTMLInputElement;
    expect(date.value).toBe('10.03.2026');

    await typeDate(user, date, '15.01.2024');
    await user.click(within(dialog).getByRole('button', { name: 'Вивести зі складу' }));
    expect(await within(dialog).findByText(/^Людина входить до складу з 01\.02\.2024, тому дата виведення не може бути раніше/)).toBeTruthy();
    expect(bridge.callsOf('group:endMember')).toHaveLength(0);

    await typeDate(user, date, '31.03.2026');
    await user.click(within(dialog).getByRole('button', { name: 'Вивести зі складу' }));
    await waitFor(() => expect(bridge.callsOf('group:endMember')).toEqual([{ id: 'm-6', validTo: '2026-03-31' }]));
    expect(await screen.findByText('Ткаченко А. С. — виведено зі складу ради, останній день — 31.03.2026.')).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('table', { name: 'Склад ради' }).textContent).not.toContain('Ткаченко'));
    // The edit form did not open on the way.
    expect(bridge.callsOf('group:saveMember')).toHaveLength(0);
  });

  it('gives a member-role user neither add, edit nor end, and the rules read-only', async () => {
    const bridge = groupBridge(['member']);
    renderApp(bridge);
    const { user, table } = await openGroup();
    expect(screen.queryByRole('button', { name: 'Додати члена ради' })).toBeNull();
    expect(within(table).queryByRole('button', { name: /Вивести зі складу/ })).toBeNull();
    await user.click(rowOf(table, 'Коваленко'));
    expect(screen.queryByRole('dialog')).toBeNull();

    const panel = await openSettings(user);
    const name = (await within(panel).findByLabelText(/^Повна назва ради/)) as HTMLInputElement;
    expect(name.value).toBe(SETTINGS.name);
    expect(name.disabled).toBe(true);
    expect((within(panel).getByLabelText(/^Частка: знаменник/) as HTMLInputElement).disabled).toBe(true);
    expect((within(panel).getByLabelText(/^Не менше ніж частка/) as HTMLInputElement).disabled).toBe(true);
    expect(within(panel).queryByRole('button', { name: 'Зберегти' })).toBeNull();
    expect(panel.textContent).toContain('Змінювати положення і правила ради можуть секретар ради або адміністратор.');
  });
});

describe('council regulation and rules', () => {
  it('explains the quorum rule with today’s member count as it changes, and saves the rules', async () => {
    const bridge = groupBridge();
    renderApp(bridge);
    const { user } = await openGroup();
    expect(screen.getByText(/Обласна координаційна рада з питань протидії торгівлі людьми · Утворена розпорядженням № 214 від 18\.01\.2024\./)).toBeTruthy();
    const panel = await openSettings(user);
    const sentence = await within(panel).findByTestId('quorum-sentence');
    await waitFor(() => expect(sentence.textContent).toBe('Кворум: більше ніж 1/2 членів ради (зараз 8 членів → потрібно 5)'));

    await user.click(within(panel).getByLabelText(/^Не менше ніж частка/));
    expect(sentence.textContent).toBe('Кворум: не менше ніж 1/2 членів ради (зараз 8 членів → потрібно 4)');

    const numerator = within(panel).getByLabelText(/^Частка: чисельник/);
    const denominator = within(panel).getByLabelText(/^Частка: знаменник/);
    await user.clear(denominator);
    await user.type(denominator, '3');
    await user.clear(numerator);
    await user.type(numerator, '2');
    expect(sentence.textContent).toBe('Кворум: не менше ніж 2/3 членів ради (зараз 8 членів → потрібно 6)');

    await pick(user, /^Як ухвалюються рішення/, 'Двома третинами голосів присутніх членів', panel);
    await user.click(within(panel).getByRole('button', { name: 'Зберегти' }));
    await waitFor(() =>
      expect(bridge.callsOf('group:update')).toEqual([
        { ...SETTINGS, quorumNumerator: 2, quorumDenominator: 3, quorumStrict: false, decisionRule: 'two_thirds_present' },
      ]),
    );
    expect(await screen.findByText('Положення і правила ради збережено.')).toBeTruthy();
  });

  it('refuses a fraction above one before sending', async () => {
    const bridge = groupBridge(['admin']);
    renderApp(bridge);
    const { user } = await openGroup();
    const panel = await openSettings(user);
    const numerator = await within(panel).findByLabelText(/^Частка: чисельник/);
    await user.clear(numerator);
    await user.type(numerator, '3');
    expect(within(panel).getByTestId('quorum-sentence').textContent).toBe('Вкажіть частку правильно, щоб побачити, скільки членів потрібно для кворуму.');
    await user.click(within(panel).getByRole('button', { name: 'Зберегти' }));
    expect(await within(panel).findByText('Чисельник не може бути більшим за знаменник. Виправте частку.')).toBeTruthy();
    expect(bridge.callsOf('group:update')).toHaveLength(0);
  });
});
