import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { InboxStatus, Sender } from '../../src/shared/domain/inbox';
import { fail, fakeBridge, renderApp, sessionOf, unlockedShell, type Handlers } from './fake-api';
import { fixToday, rowOf } from './samples';

fixToday();

const POLTAVA = { code: 'UA53000000000028050', name: 'Полтавська' };
const KYIV = { code: 'UA32000000000030281', name: 'Київська' };
const ZHYTOMYR = { code: 'UA18000000000041385', name: 'Житомирська' };

const received = (id: string, fileName: string, extra: Partial<InboxStatus['senders'][number]['accepted'][number]> = {}) => ({
  id,
  fileName,
  profile: 'ministry',
  generatedAt: '2026-01-05T09:30:00Z',
  keyId: 'ABCDEF0123456789',
  receivedAt: '2026-01-06T10:00:00.000Z',
  status: 'accepted' as const,
  reason: null,
  reasonWords: null,
  ...extra,
});

const STATUS: InboxStatus = {
  period: '2025-Q4',
  senders: [
    { sender: POLTAVA, state: 'received', accepted: [received('b1', 'poltava.zip')], latestInvalid: null, superseded: 1 },
    { sender: KYIV, state: 'invalid', accepted: [], latestInvalid: received('b2', 'kyiv.zip', { status: 'invalid', reason: 'rollback', reasonWords: 'пакет старіший' }), superseded: 0 },
    { sender: ZHYTOMYR, state: 'missing', accepted: [], latestInvalid: null, superseded: 0 },
  ],
  unknown: [{ ...received('b3', 'stranger.zip', { status: 'invalid', reason: 'unknown_key', reasonWords: 'пакет підписано ключем, якого немає серед довірених' }), sender: null, period: null }],
};

const SENDERS: Sender[] = [
  { ...POLTAVA, keys: [{ keyId: 'ABCDEF0123456789', fingerprint: 'ABCDEF0123456789 AAAA-BBBB-CCCC-DDDD', publicKey: 'x', validFrom: '2025-01-01T00:00:00Z', validTo: null, addedAt: '2025-01-01T00:00:00Z', source: 'added' }] },
];

function handlers(roles: ('reporting_officer' | 'analyst')[], extra: Handlers = {}): Handlers {
  return { ...unlockedShell(sessionOf(roles)), 'inbox:status': () => STATUS, 'inbox:keys': () => SENDERS, ...extra };
}

async function openInbox() {
  const user = userEvent.setup();
  await user.click(await screen.findByRole('button', { name: 'Вхідні звіти' }));
  return { user, table: await screen.findByRole('table', { name: 'Стан звітів за період' }) };
}

describe('the inbox', () => {
  it('shows each sender of the quarter before today: received, refused with the reason in words, or missing', async () => {
    const bridge = fakeBridge(handlers(['reporting_officer']));
    renderApp(bridge);
    const { table } = await openInbox();
    // 10 March 2026: the reports due are those of the fourth quarter of 2025.
    expect(bridge.callsOf('inbox:status')[0]).toEqual({ period: '2025-Q4' });
    expect(rowOf(table, 'Полтавська').textContent).toContain('отримано');
    expect(rowOf(table, 'Полтавська').textContent).toContain('ABCDEF0123456789');
    const kyiv = rowOf(table, 'Київська').textContent!;
    expect(kyiv).toContain('недійсний');
    expect(kyiv).toContain('пакет старіший за вже прийнятий від цього відправника за цей період (kyiv.zip)');
    expect(rowOf(table, 'Житомирська').textContent).toContain('немає');
    expect(rowOf(screen.getByRole('table', { name: 'Пакети від невідомих відправників або нечитабельні' }), 'stranger.zip').textContent).toContain('якого немає серед довірених');
    expect(rowOf(screen.getByRole('table', { name: 'Довірені ключі відправників' }), 'Полтавська').textContent).toContain('ABCDEF0123456789 AAAA-BBBB-CCCC-DDDD');
  });

  it('imports the .zip files of a picked folder as base64, skipping other files, and shows each verdict', async () => {
    const bridge = fakeBridge(
      handlers(['reporting_officer'], {
        'inbox:import': (input) => ({
          files: input.files.map((f, i) => ({ name: f.name, status: i === 0 ? 'accepted' : 'invalid', reason: i === 0 ? null : 'replay', reasonWords: i === 0 ? null : 'уже отримано', sender: POLTAVA.code, period: '2025-Q4', profile: 'ministry', generatedAt: '2026-01-05T09:30:00Z' })),
          accepted: 1,
          invalid: input.files.length - 1,
        }),
      }),
    );
    renderApp(bridge);
    const { user } = await openInbox();
    const zip = (name: string) => new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00])], name, { type: 'application/zip' });
    await user.upload(screen.getByTestId('inbox-folder'), [zip('poltava.zip'), new File(['x'], 'notes.txt'), zip('poltava-again.zip')]);
    await waitFor(() => expect(bridge.callsOf('inbox:import')).toHaveLength(1));
    expect(bridge.callsOf('inbox:import')[0]).toEqual({ files: [{ name: 'poltava.zip', data: 'UEsDBBQA' }, { name: 'poltava-again.zip', data: 'UEsDBBQA' }] });
    const results = await screen.findByRole('table', { name: 'Результати імпорту' });
    expect(rowOf(results, 'poltava.zip').textContent).toContain('прийнято');
    expect(rowOf(results, 'poltava-again.zip').textContent).toContain('цей пакет (той самий відправник, період, профіль і час формування) уже отримано');
    expect(screen.getByText('Прийнято: 1, відхилено: 1')).toBeTruthy();
  });

  it('says a register refusal in words, and shows an analyst the status without import or key changes', async () => {
    const bridge = fakeBridge(handlers(['reporting_officer'], { 'inbox:addKey': () => fail('INVALID_STATE', { reason: 'key_taken' }) }));
    const { unmount } = renderApp(bridge);
    const { user } = await openInbox();
    await user.type(screen.getByRole('textbox', { name: 'Код КАТОТТГ відправника' }), KYIV.code);
    await user.type(screen.getByRole('textbox', { name: 'Назва відправника' }), KYIV.name);
    await user.type(screen.getByRole('textbox', { name: 'Відкритий ключ minisign' }), 'RWQ=');
    await user.click(screen.getByRole('button', { name: 'Додати ключ' }));
    expect(await screen.findByText('Цей ключ уже зареєстровано за іншим відправником. Один ключ підписує звіти лише одного відправника.')).toBeTruthy();
    expect(bridge.callsOf('inbox:addKey')).toEqual([{ senderCode: KYIV.code, senderName: KYIV.name, publicKey: 'RWQ=', validFrom: '2025-12-31T22:00:00.000Z' }]);
    // The key counts from the first of January of this year unless the officer picks another day (Kyiv's midnight).
    unmount();

    renderApp(fakeBridge(handlers(['analyst'])));
    await openInbox();
    expect(screen.queryByRole('button', { name: 'Імпортувати теку' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Додати ключ' })).toBeNull();
    expect(within(screen.getByRole('table', { name: 'Довірені ключі відправників' })).queryByRole('button')).toBeNull();
  });
});
