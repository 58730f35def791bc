import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { AuditEvent, ChainReport } from '../../src/shared/domain/audit';
import { fakeBridge, renderApp, sessionOf, unlockedShell } from './fake-api';

const EVENTS: AuditEvent[] = [
  {
    seq: 2,
    ts: '2025-07-01T21:30:00.000Z',
    actorId: 'u-admin',
    actorLogin: 'admin',
    action: 'user.created',
    entity: 'user',
    entityId: 'u-2',
    details: {},
    workstation: 'ODA-PC-07',
  },
  {
    seq: 1,
    ts: '2025-07-01T08:05:00.000Z',
    actorId: null,
    actorLogin: null,
    action: 'something.new',
    entity: null,
    entityId: null,
    details: {},
    workstation: 'ODA-PC-07',
  },
];

function auditBridge(report: ChainReport) {
  return fakeBridge({
    ...unlockedShell(sessionOf(['auditor'], { login: 'auditor', displayName: 'Ігор Бондар' })),
    'users:list': () => [],
    'audit:list': () => ({ rows: EVENTS, next: null }),
    'audit:actions': () => ['something.new', 'user.created'],
    'audit:verify': () => report,
  });
}

describe('audit log page', () => {
  it('shows events in Kyiv time with translated actions, and the verify result', async () => {
    const bridge = auditBridge({ status: 'intact', count: 12, from: 0, total: 12, heads: 3, warnings: [], head: 'abc' });
    renderApp(bridge);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Журнал подій' }));
    const table = await screen.findByRole('table', { name: 'Журнал подій' });
    const [, first, second] = within(table).getAllByRole('row');
    // 21:30 UTC on 1 July is 00:30 on 2 July in Kyiv (summer time).
    expect(first!.textContent).toContain('02.07.2025 00:30');
    expect(first!.textContent).toContain('Користувача додано');
    expect(first!.textContent).toContain('ODA-PC-07');
    // An action this build has no words for is shown as its code; an event with no actor is the system's.
    expect(second!.textContent).toContain('something.new');
    expect(second!.textContent).toContain('система');
    expect(bridge.callsOf('audit:list')[0]).toEqual({ limit: 50 });

    await user.click(screen.getByRole('button', { name: 'Перевірити нові події' }));
    expect((await screen.findByTestId('verify-result')).textContent).toBe('Журнал цілісний (12 подій) Засвідчених підписами точок: 3.');
    expect(bridge.callsOf('audit:verify')).toEqual([{ full: false }]);
    // The check writes its own event: the list is asked again.
    await waitFor(() => expect(bridge.callsOf('audit:list')).toHaveLength(2));
  });

  it('names the first finding, lists every one with who signed, and warns of a clock set back', async () => {
    const bridge = auditBridge({
      status: 'broken',
      count: 40,
      from: 0,
      total: 40,
      heads: 2,
      seq: 17,
      reason: 'link',
      issues: [
        { kind: 'link', seq: 17 },
        { kind: 'rewritten', seq: 11, to: 30, userId: 'u2', login: 'mykola' },
        { kind: 'seen', seq: 38, userId: 'u1', login: 'olena' },
      ],
      warnings: [{ kind: 'clock', seq: 25, ts: '2025-07-01T08:00:00.000Z', after: '2025-07-01T09:00:00.000Z' }],
    });
    renderApp(bridge);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Журнал подій' }));
    await user.click(await screen.findByRole('button', { name: 'Перевірити весь журнал' }));
    expect(bridge.callsOf('audit:verify')).toEqual([{ full: true }]);
    const result = await screen.findByTestId('verify-result');
    expect(result.textContent).toContain('перша знахідка — подія № 17');
    expect(result.textContent).toContain('розірвано зв’язок із попередньою подією');
    const issues = within(screen.getByTestId('verify-issues')).getAllByRole('listitem').map((li) => li.textContent);
    expect(issues).toEqual([
      '№ 17: розірвано зв’язок із попередньою подією',
      'події № 11–30: щонайменше одну змінено після того, як їх засвідчив підписом користувач mykola',
      '№ 38: ви бачили журнал до цієї події, а тепер він інший — журнал укорочено або переписано',
    ]);
    expect(screen.getByTestId('verify-warnings').textContent).toContain('годинник комп’ютера переводили назад — подія № 25');
  });

  it('sends date filters as ISO dates and rejects a malformed date', async () => {
    const bridge = auditBridge({ status: 'intact', count: 1, from: 0, total: 1, heads: 0, warnings: [], head: 'abc' });
    renderApp(bridge);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Журнал подій' }));
    await screen.findByRole('table', { name: 'Журнал подій' });
    await user.type(screen.getByLabelText('Дата з'), '31.02.2025');
    await user.click(screen.getByRole('button', { name: 'Показати' }));
    expect(await screen.findByText('Вкажіть дату повністю: день, місяць і рік (ДД.ММ.РРРР).')).toBeTruthy();
    expect((screen.getByLabelText('Дата з') as HTMLInputElement).value).toBe('31.02.2025');
    expect(bridge.callsOf('audit:list')).toHaveLength(1);

    await user.clear(screen.getByLabelText('Дата з'));
    await user.type(screen.getByLabelText('Дата з'), '01.07.2025');
    await user.type(screen.getByLabelText('Дата по'), '2.7.2025');
    await user.click(screen.getByRole('button', { name: 'Показати' }));
    await waitFor(() =>
      expect(bridge.callsOf('audit:list').at(-1)).toEqual({ from: '2025-07-01', to: '2025-07-02', limit: 50 }),
    );
  });
});

describe('audit log paging', () => {
  it('pages by the sequence number the main process names, and goes back by the cursors it kept', async () => {
    const page = (from: number) => Array.from({ length: 50 }, (_, i) => ({ ...EVENTS[0]!, seq: from - i }));
    const bridge = fakeBridge({
      ...unlockedShell(sessionOf(['auditor'])),
      'users:list': () => [],
      'audit:actions': () => ['user.created'],
      'audit:list': (input) => (input.before === 71 ? { rows: page(70), next: null } : { rows: page(120), next: 71 }),
    });
    renderApp(bridge);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Журнал подій' }));
    await screen.findByRole('table', { name: 'Журнал подій' });
    await user.click(screen.getByRole('button', { name: 'Старіші' }));
    await waitFor(() => expect(screen.getByTestId('audit-page').textContent).toBe('Сторінка 2'));
    expect(bridge.callsOf('audit:list').at(-1)).toEqual({ limit: 50, before: 71 });
    expect(screen.getByRole('button', { name: 'Старіші' }).hasAttribute('disabled')).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Новіші' }));
    await waitFor(() => expect(screen.getByTestId('audit-page').textContent).toBe('Сторінка 1'));
  });
});
