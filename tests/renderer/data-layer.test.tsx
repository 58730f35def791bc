import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import type { UserSummary } from '../../src/shared/domain/users';
import { createI18n } from '../../src/renderer/src/app/i18n';
import { PageBoundary } from '../../src/renderer/src/app/PageBoundary';
import { fakeBridge, lockedStatus, renderApp, sessionOf, unlockedShell } from './fake-api';
import { organisation, organisationOptionsOf } from './samples';

const user = (id: string, displayName: string): UserSummary => ({
  id,
  login: id,
  displayName,
  roles: ['member'],
  mustChangePassphrase: false,
  createdAt: '2025-03-01T08:00:00.000Z',
  lastUnlockAt: null,
});

describe('the data layer', () => {
  it('keeps nothing across a lock: after unlocking, a page asks the main process again', async () => {
    let locked = false;
    let answer = [user('u-1', 'Перша Відповідь')];
    const admin = sessionOf(['admin']);
    const bridge = fakeBridge({
      ...unlockedShell(admin),
      'session:status': () => (locked ? lockedStatus : { storeState: 'unlocked' as const, session: admin, idleLockMinutes: 15, lockWarningSeconds: 60, idleLockInSeconds: null, lastLock: null }),
      'session:lock': () => {
        locked = true;
        return { locked: true as const };
      },
      'session:unlock': () => {
        locked = false;
        return admin;
      },
      'users:list': () => answer,
    });
    renderApp(bridge);
    const ui = userEvent.setup();
    await ui.click(await screen.findByRole('button', { name: 'Користувачі' }));
    expect(await screen.findByText('Перша Відповідь')).toBeTruthy();

    fireEvent.keyDown(document.body, { key: 'l', code: 'KeyL', ctrlKey: true });
    await screen.findByRole('button', { name: 'Розблокувати' });
    expect(screen.queryByText('Перша Відповідь')).toBeNull();
    answer = [user('u-2', 'Друга Відповідь')];
    await ui.type(screen.getByLabelText(/^Логін/), 'admin');
    await ui.type(screen.getByLabelText(/^Пароль/), 'довга фраза для входу{Enter}');
    await ui.click(await screen.findByRole('button', { name: 'Користувачі' }));
    // A cache that survived the lock would show the first answer at once; a new one asks.
    expect(await screen.findByText('Друга Відповідь')).toBeTruthy();
    expect(screen.queryByText('Перша Відповідь')).toBeNull();
    expect(bridge.callsOf('users:list')).toHaveLength(2);
  });

  it('a change refreshes the queries of the features it names, by channel prefix; one not on screen is asked again when shown', async () => {
    const organisations = [organisation('o-1', 'Обласний центр соціальних служб')];
    const bridge = fakeBridge({
      ...unlockedShell(sessionOf(['secretary'])),
      'organisations:list': () => organisations,
      'organisations:options': () => organisationOptionsOf(organisations),
      'organisations:save': (input) => {
        const saved = organisation(`o-${organisations.length + 1}`, input.name, { type: input.type });
        organisations.push(saved);
        return saved;
      },
    });
    renderApp(bridge);
    const ui = userEvent.setup();
    await ui.click(await screen.findByRole('button', { name: 'Організації' }));
    await screen.findByText('Обласний центр соціальних служб');
    const dashboards = bridge.callsOf('dashboard:get').length;
    await ui.click(screen.getByRole('button', { name: 'Додати організацію' }));
    await ui.type(await screen.findByLabelText(/^Повна назва/), 'Громадська організація «Вектор надії»');
    await ui.click(screen.getByRole('textbox', { name: /^Тип/ }));
    await ui.click(screen.getByRole('option', { name: 'Громадська організація', hidden: true }));
    await ui.click(screen.getByRole('button', { name: 'Зберегти' }));
    expect(await screen.findByText('Громадська організація «Вектор надії»')).toBeTruthy();
    expect(bridge.callsOf('organisations:list')).toHaveLength(2);
    // The overview is not on screen: it is marked stale, not asked again until it is.
    expect(bridge.callsOf('dashboard:get')).toHaveLength(dashboards);
    await ui.click(screen.getByRole('button', { name: 'Огляд' }));
    await waitFor(() => expect(bridge.callsOf('dashboard:get')).toHaveLength(dashboards + 1));
  });
});

function Broken(): never {
  throw new TypeError('a page that cannot draw');
}

describe('the crash boundary around a page', () => {
  it('replaces only the failed page with a sentence and two ways back', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const home = vi.fn();
    const { rerender } = render(
      <I18nextProvider i18n={createI18n('uk')}>
        <MantineProvider>
          <p>Навігація лишається</p>
          <PageBoundary resetKey="meetings:" onHome={home}>
            <Broken />
          </PageBoundary>
        </MantineProvider>
      </I18nextProvider>,
    );
    const failure = await screen.findByTestId('page-failure');
    expect(failure.textContent).toContain('Цей розділ не вдалося показати');
    expect(failure.textContent).toContain('сховище не постраждали');
    expect(failure.textContent).toContain('TypeError');
    expect(failure.textContent).not.toContain('a page that cannot draw');
    expect(screen.getByText('Навігація лишається')).toBeTruthy();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Перейти на огляд' }));
    expect(home).toHaveBeenCalledTimes(1);

    // Another page (a new key) draws again.
    rerender(
      <I18nextProvider i18n={createI18n('uk')}>
        <MantineProvider>
          <PageBoundary resetKey="dashboard:" onHome={home}>
            <p>Огляд на місці</p>
          </PageBoundary>
        </MantineProvider>
      </I18nextProvider>,
    );
    expect(await screen.findByText('Огляд на місці')).toBeTruthy();
    expect(screen.queryByTestId('page-failure')).toBeNull();
  });
});
