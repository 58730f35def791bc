import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { organisation } from './samples';
import { fail, fakeBridge, renderApp, sessionOf, unlockedShell } from './fake-api';
import { openPage, optionsOf } from './samples';
import { TERRITORIES } from './territory-samples';

/** The picker as the organisation form has it: the simplest form that holds a КАТОТТГ field. */
function bridgeWith(save: () => unknown = () => fail('VALIDATION', { field: 'katottg', reason: 'unknown_territory', issues: [{ path: 'katottg', code: 'custom', key: 'unknownTerritory' }] })) {
  return fakeBridge({
    ...unlockedShell(sessionOf(['secretary'])),
    'organisations:list': () => [organisation('o-1', 'Служба у справах дітей', { katottg: 'UA53080370010073240' })],
    'organisations:similar': () => [],
    'organisations:save': save as never,
  });
}

async function openNewOrganisation(language: 'uk' | 'en' = 'uk') {
  const bridge = bridgeWith();
  renderApp(bridge, language);
  const { user } = await openPage(language === 'uk' ? 'Організації' : 'Organisations');
  await user.click(screen.getByRole('button', { name: language === 'uk' ? 'Додати організацію' : 'Add organisation' }));
  const dialog = await screen.findByRole('dialog');
  return { user, bridge, dialog };
}

describe('the territory picker', () => {
  it('is a labelled combobox: typed words search the codifier, places of one name are told apart by where they lie, the keyboard chooses', async () => {
    const { user, bridge, dialog } = await openNewOrganisation();
    const box = within(dialog).getByRole('textbox', { name: /^Код КАТОТТГ/ });
    await user.type(box, 'а');
    // One letter asks nothing: 31,748 units are not a list to read.
    expect(bridge.callsOf('territories:search')).toEqual([]);
    await user.type(box, 'ндріївка');
    const options = await waitFor(() => {
      const found = optionsOf(/^Код КАТОТТГ/).getAllByRole('option', { hidden: true });
      expect(found).toHaveLength(2);
      return found;
    });
    expect(options.map((o) => o.textContent)).toEqual([
      'с. Андріївка, Полтавська громада, Полтавський район, Полтавська областьUA53080370030037977',
      'с. Андріївка, Андріївська громада, Бахчисарайський район, Автономна Республіка КримUA01020010010075540',
    ]);
    expect(bridge.callsOf('territories:search').at(-1)).toEqual({ text: 'андріївка', limit: 30 });
    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    await waitFor(() => expect(box).toHaveProperty('value', 'с. Андріївка, Андріївська громада, Бахчисарайський район, Автономна Республіка Крим'));
    expect(within(dialog).getByText('UA01020010010075540')).toBeTruthy();
    expect(within(dialog).getByLabelText(/^Територія/)).toHaveProperty('value', 'с. Андріївка, Андріївська громада, Бахчисарайський район, Автономна Республіка Крим');
  });

  it('finds by code, says when nothing matches, and puts the main process’s refusal under the field', async () => {
    const { user, bridge, dialog } = await openNewOrganisation();
    const box = within(dialog).getByRole('textbox', { name: /^Код КАТОТТГ/ });
    await user.type(box, 'UA9999');
    expect(await screen.findByText('Нічого не знайдено. Перевірте назву або введіть код КАТОТТГ.')).toBeTruthy();
    await user.clear(box);
    await user.type(box, 'UA530803700100');
    await user.click(await screen.findByRole('option', { name: /^м\. Полтава/, hidden: true }));
    await user.type(within(dialog).getByLabelText(/^Повна назва/), 'Полтавська міська рада');
    await user.click(within(dialog).getByRole('textbox', { name: /^Тип організації/ }));
    await user.click(await screen.findByRole('option', { name: 'Орган місцевого самоврядування', hidden: true }));
    await user.click(within(dialog).getByRole('button', { name: 'Зберегти' }));
    await waitFor(() => expect(bridge.callsOf('organisations:save')).toHaveLength(1));
    expect(bridge.callsOf('organisations:save')[0]).toMatchObject({ katottg: 'UA53080370010073240' });
    expect(await within(dialog).findByText(/^Такого коду немає в кодифікаторі КАТОТТГ/)).toBeTruthy();
    expect(box.getAttribute('aria-invalid')).toBe('true');
  });

  it('names the units in English words around the codifier’s Ukrainian names', async () => {
    const { user, dialog } = await openNewOrganisation('en');
    await user.type(within(dialog).getByRole('textbox', { name: /^KATOTTH code/ }), 'Полтава');
    expect((await waitFor(() => optionsOf(/^KATOTTH code/).getByRole('option', { hidden: true }))).textContent).toBe(`Полтава city, Полтавська hromada, Полтавський raion, Полтавська oblast${TERRITORIES[3]!.code}`);
  });
});
