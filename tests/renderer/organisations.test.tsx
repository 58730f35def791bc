import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Organisation } from '../../src/shared/domain/organisations';
import type { Role } from '../../src/shared/permissions';
import { fail, fakeBridge, renderApp, sessionOf, unlockedShell } from './fake-api';
import * as sample from './samples';
import { describedText, EMPTY_DASHBOARD, openPage, pick, rowOf } from './samples';
import { pickTerritory } from './territory-samples';

const STAMP = '2025-03-01T08:00:00.000Z';

/** This file's organisations are stamped 01.03.2025 unless told otherwise. */
function organisation(id: string, name: string, overrides: Partial<Organisation>): Organisation {
  return sample.organisation(id, name, { createdAt: STAMP, updatedAt: STAMP, ...overrides });
}

const ORGANISATIONS: Organisation[] = [
  organisation('o-1', 'Служба у справах дітей Полтавської обласної державної адміністрації', {
    shortName: 'ССД ОДА',
    type: 'children_service',
    katottg: 'UA53080370010073240',
    territoryName: 'м. Полтава',
    address: 'м. Полтава, вул. Соборності, 45',
    phone: '+380 532 56 11 22',
    email: 'ssd@adm-pl.gov.ua',
    contactPerson: 'Ірина Мельник',
    nrmSubject: true,
    ownership: 'state',
    services: ['social', 'child_shelter'],
    clientGroups: ['children'],
  }),
  organisation('o-2', 'Головне управління Національної поліції в Полтавській області', {
    shortName: 'ГУНП',
    type: 'police',
    contactPerson: 'Олег Бойко',
    phone: '102',
    services: ['information'],
  }),
  organisation('o-3', 'Громадська організація «Світанок»', { type: 'ngo', active: false }),
];

function orgBridge(roles: Role[] = ['secretary']) {
  const organisations = [...ORGANISATIONS];
  return fakeBridge({
    ...unlockedShell(sessionOf(roles)),
    'dashboard:get': () => EMPTY_DASHBOARD,
    'organisations:list': (input) => organisations.filter((o) => input.includeInactive || o.active),
    'organisations:save': (input) => {
      const saved = organisation(input.id ?? `o-${organisations.length + 1}`, input.name, { ...input, updatedAt: '2026-03-10T09:00:00.000Z' });
      const at = organisations.findIndex((o) => o.id === saved.id);
      if (at >= 0) organisations[at] = saved;
      else organisations.push(saved);
      return saved;
    },
    // The main process's rule, in short: the same words after «ГО».
    'organisations:similar': (input) =>
      organisations
        .filter((o) => o.id !== input.exceptId && input.name.includes('Світанок') && o.name.includes('Світанок'))
        .map(({ id, name, shortName, active }) => ({ id, name, shortName, active })),
    'organisations:merge': (input) => {
      const at = organisations.findIndex((o) => o.id === input.duplicateId);
      organisations[at] = { ...organisations[at]!, active: false, mergedIntoId: input.keepId };
      return organisations.find((o) => o.id === input.keepId)!;
    },
  });
}

const openOrganisations = () => openPage('Організації');

describe('organisations page', () => {
  it('lists active organisations with Ukrainian type names, territory code and contacts; search and the inactive switch filter', async () => {
    const bridge = orgBridge();
    renderApp(bridge);
    const { user, table } = await openOrganisations();
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(bridge.callsOf('organisations:list')).toEqual([{ includeInactive: false }]);

    const children = rowOf(table, 'ССД ОДА');
    expect(children.textContent).toContain('Служба у справах дітей');
    expect(within(children).getByText('UA53080370010073240')).toBeTruthy();
    expect(children.textContent).toContain('м. Полтава');
    expect(children.textContent).toContain('Ірина Мельник');
    expect(children.textContent).toContain('ssd@adm-pl.gov.ua');
    expect(children.textContent).toContain('Діє');
    expect(rowOf(table, 'ГУНП').textContent).toContain('Національна поліція');

    // Search by a type's Ukrainian name, and by a contact.
    const search = screen.getByRole('textbox', { name: 'Пошук' });
    await user.type(search, 'поліція');
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(2));
    expect(table.textContent).toContain('ГУНП');
    expect(table.textContent).not.toContain('ССД ОДА');
    await user.clear(search);
    await user.type(search, 'мельник');
    await waitFor(() => expect(table.textContent).not.toContain('ГУНП'));
    expect(table.textContent).toContain('ССД ОДА');
    await user.clear(search);

    await user.click(screen.getByLabelText('Показати недіючі'));
    await waitFor(() => expect(bridge.callsOf('organisations:list')).toEqual([{ includeInactive: false }, { includeInactive: true }]));
    const ngo = rowOf(await screen.findByRole('table', { name: 'Організації' }), 'Світанок');
    expect(ngo.textContent).toContain('Громадська організація');
    expect(ngo.textContent).toContain('Не діє');
  });

  it('checks the fields before sending, takes the КАТОТТГ code from the codifier with its place name, then adds the organisation and reloads the list', async () => {
    const bridge = orgBridge();
    renderApp(bridge);
    const { user } = await openOrganisations();
    await user.click(screen.getByRole('button', { name: 'Додати організацію' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('Нова організація')).toBeTruthy();

    await user.click(within(dialog).getByRole('button', { name: 'Зберегти' }));
    expect(await within(dialog).findByText('Заповніть це поле.')).toBeTruthy();
    expect(within(dialog).getByText('Оберіть тип організації зі списку.')).toBeTruthy();

    await user.type(within(dialog).getByLabelText(/^Повна назва/), 'Полтавський обласний центр соціальних служб');
    await user.type(within(dialog).getByLabelText(/^Скорочена назва/), 'ОЦСС');
    await pick(user, /^Тип організації/, 'Центр соціальних служб', dialog);
    await user.type(within(dialog).getByLabelText(/^Електронна пошта/), 'ocss@');
    await user.click(within(dialog).getByRole('button', { name: 'Зберегти' }));
    expect(await within(dialog).findByText('Вкажіть адресу на кшталт name@example.gov.ua або залиште поле порожнім.')).toBeTruthy();
    expect(bridge.callsOf('organisations:save')).toHaveLength(0);

    // A name typed with another case finds the city with the units it lies in; the choice names the place too.
    await pickTerritory(user, /^Код КАТОТТГ/, 'полтава', /^м\. Полтава, Полтавська громада, Полтавський район, Полтавська область/, dialog);
    expect(within(dialog).getByText('UA53080370010073240')).toBeTruthy();
    expect(within(dialog).getByLabelText(/^Територія/)).toHaveProperty('value', 'м. Полтава, Полтавська громада, Полтавський район, Полтавська область');
    await user.clear(within(dialog).getByLabelText(/^Електронна пошта/));
    await user.type(within(dialog).getByLabelText(/^Електронна пошта/), 'ocss@pl.gov.ua');
    await user.type(within(dialog).getByLabelText(/^Контактна особа/), 'Марія Гнатюк, директорка');
    await user.click(within(dialog).getByRole('button', { name: 'Зберегти' }));

    await waitFor(() =>
      expect(bridge.callsOf('organisations:save')).toEqual([
        {
          name: 'Полтавський обласний центр соціальних служб',
          shortName: 'ОЦСС',
          type: 'social_services_centre',
          katottg: 'UA53080370010073240',
          territoryName: 'м. Полтава, Полтавська громада, Полтавський район, Полтавська область',
          address: '',
          phone: '',
          email: 'ocss@pl.gov.ua',
          contactPerson: 'Марія Гнатюк, директорка',
          active: true,
          nrmSubject: false,
          ownership: null,
          services: [],
          clientGroups: [],
        },
      ]),
    );
    expect(await screen.findByText('Організацію «ОЦСС» збережено.')).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const table = screen.getByRole('table', { name: 'Організації' });
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(4));
    expect(rowOf(table, 'ОЦСС').textContent).toContain('Центр соціальних служб');
  });

  it('warns while a name is typed that the organisation may be listed already, and merges a duplicate into it', async () => {
    const bridge = orgBridge(['admin']);
    renderApp(bridge);
    const { user, table } = await openOrganisations();
    await user.click(screen.getByRole('button', { name: 'Додати організацію' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText(/^Повна назва/), 'ГО "Світанок"');
    const warning = await within(dialog).findByRole('status', {}, { timeout: 3000 });
    expect(warning.textContent).toContain('Схожі організації вже є в довіднику');
    expect(warning.textContent).toContain('Громадська організація «Світанок» — неактивна');
    // Entering it anyway is allowed: the warning informs, it does not forbid.
    await pick(user, /^Тип організації/, 'Громадська організація', dialog);
    await user.click(within(dialog).getByRole('button', { name: 'Зберегти' }));
    await waitFor(() => expect(bridge.callsOf('organisations:save')).toHaveLength(1));

    await user.click(await waitFor(() => rowOf(table, 'ГО "Світанок"')));
    const editing = await screen.findByRole('dialog');
    const again = await within(editing).findByRole('status', {}, { timeout: 3000 });
    expect(bridge.callsOf('organisations:similar').at(-1)).toMatchObject({ exceptId: 'o-4' });
    await user.click(within(again).getByRole('button', { name: 'Об’єднати з цією' }));
    const confirm = await screen.findByRole('dialog', { name: 'Об’єднати дублікат' });
    expect(confirm.textContent).toContain('Члени ради, доручення й співвиконання запису «ГО "Світанок"» перейдуть до «Громадська організація «Світанок»»');
    await user.click(within(confirm).getByRole('button', { name: 'Об’єднати' }));
    await waitFor(() => expect(bridge.callsOf('organisations:merge')).toEqual([{ keepId: 'o-3', duplicateId: 'o-4' }]));
  });

  it('opens a row for editing and deactivates the organisation instead of deleting it', async () => {
    const bridge = orgBridge(['admin']);
    renderApp(bridge);
    const { user, table } = await openOrganisations();
    await user.click(rowOf(table, 'ГУНП'));
    const dialog = await screen.findByRole('dialog');
    expect((within(dialog).getByLabelText(/^Повна назва/) as HTMLInputElement).value).toBe(
      'Головне управління Національної поліції в Полтавській області',
    );
    // Mantine puts the switch's hint inside its label.
    const active = within(dialog).getByRole('switch', { name: /^Діє/ }) as HTMLInputElement;
    expect(active.checked).toBe(true);
    expect(active.closest('label')?.textContent).toContain('історія засідань і доручень залишається');
    await user.click(active);
    await user.click(within(dialog).getByRole('button', { name: 'Зберегти' }));
    await waitFor(() => expect(bridge.callsOf('organisations:save')).toHaveLength(1));
    expect(bridge.callsOf('organisations:save')[0]).toMatchObject({ id: 'o-2', type: 'police', active: false });
    // The list shows active ones only: the deactivated one leaves it.
    await waitFor(() => expect(screen.getByRole('table', { name: 'Організації' }).textContent).not.toContain('ГУНП'));
  });

  it('puts a validation error from the service next to its field', async () => {
    const bridge = orgBridge();
    bridge.handlers['organisations:save'] = () => fail('VALIDATION', { issues: [{ path: 'email', code: 'invalid_union', key: 'email' }] });
    renderApp(bridge);
    const { user } = await openOrganisations();
    await user.click(screen.getByRole('button', { name: 'Додати організацію' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText(/^Повна назва/), 'Благодійний фонд «Надія»');
    await pick(user, /^Тип організації/, 'Громадська організація', dialog);
    const email = within(dialog).getByLabelText(/^Електронна пошта/);
    await user.type(email, 'fond@nadia.org.ua');
    await user.click(within(dialog).getByRole('button', { name: 'Зберегти' }));

    await waitFor(() => expect(email.getAttribute('aria-invalid')).toBe('true'));
    expect(describedText(email)).toContain('Вкажіть адресу на кшталт name@example.gov.ua');
    expect(within(dialog).queryByRole('alert')).toBeNull();
    expect(bridge.callsOf('organisations:save')).toHaveLength(1);
  });

  it('shows a member the details without any way to change them', async () => {
    const bridge = orgBridge(['member']);
    renderApp(bridge);
    const { user, table } = await openOrganisations();
    expect(screen.queryByRole('button', { name: 'Додати організацію' })).toBeNull();
    await user.click(rowOf(table, 'ССД ОДА'));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('Служба у справах дітей Полтавської обласної державної адміністрації');
    expect(dialog.textContent).toContain('UA53080370010073240');
    expect(dialog.textContent).toContain('Змінювати дані організацій можуть секретар ради або адміністратор.');
    expect(within(dialog).queryAllByRole('textbox')).toHaveLength(0);
    expect(within(dialog).queryByRole('button', { name: 'Зберегти' })).toBeNull();
    // The footer's button; the corner's × has the same name.
    await user.click(within(dialog).getAllByRole('button', { name: 'Закрити' }).at(-1)!);
    expect(bridge.callsOf('organisations:save')).toHaveLength(0);
  });

  it('shows the referral profile in the list and filters by service and by «лише суб’єкти НМВ»', async () => {
    renderApp(orgBridge());
    const { user, table } = await openOrganisations();
    const children = rowOf(table, 'ССД ОДА');
    expect(children.textContent).toContain('Суб’єкт НМВ');
    expect(children.textContent).toContain('соціальні послуги та супровід, притулок для дітей');
    const police = rowOf(table, 'ГУНП');
    expect(police.textContent).not.toContain('Суб’єкт НМВ');
    expect(police.textContent).toContain('інформування мовою, яку особа розуміє');

    await user.click(screen.getByRole('switch', { name: 'Лише суб’єкти НМВ' }));
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(2));
    expect(table.textContent).toContain('ССД ОДА');
    await user.click(screen.getByRole('switch', { name: 'Лише суб’єкти НМВ' }));
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(3));

    await user.click(screen.getByRole('textbox', { name: 'Послуга' }));
    await user.click(screen.getByRole('option', { name: 'інформування мовою, яку особа розуміє', hidden: true }));
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(2));
    expect(table.textContent).toContain('ГУНП');
    expect(table.textContent).not.toContain('ССД ОДА');
  });

  it('edits the referral profile: subject switch, ownership, services and client groups go to the channel, and nothing is lost', async () => {
    const bridge = orgBridge(['admin']);
    renderApp(bridge);
    const { user, table } = await openOrganisations();
    await user.click(rowOf(table, 'ССД ОДА'));
    const dialog = await screen.findByRole('dialog');
    const subject = within(dialog).getByRole('switch', { name: /^Суб’єкт національного механізму взаємодії/ }) as HTMLInputElement;
    expect(subject.checked).toBe(true);
    expect(describedText(within(dialog).getByRole('textbox', { name: 'Для кого працює' }))).toContain('Якщо нічого не обрано, організація обслуговує всіх.');
    await pick(user, 'Форма власності', 'комунальна', dialog);
    await pick(user, 'Послуги, які надає', 'психологічна допомога', dialog);
    await user.click(within(dialog).getByRole('button', { name: 'Зберегти' }));
    await waitFor(() => expect(bridge.callsOf('organisations:save')).toHaveLength(1));
    expect(bridge.callsOf('organisations:save')[0]).toMatchObject({
      id: 'o-1',
      nrmSubject: true,
      ownership: 'communal',
      services: ['social', 'child_shelter', 'psychological'],
      clientGroups: ['children'],
    });
  });
});
