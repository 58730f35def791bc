import { notifications } from '@mantine/notifications';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AuditEvent, ChainReport } from '../../src/shared/domain/audit';
import { fail, fakeBridge, renderApp, sessionOf, unlockedShell } from './fake-api';
import { organisation } from './samples';

const EVENTS: AuditEvent[] = [
  {
    seq: 2,
    ts: '2025-07-01T21:30:00.000Z',
    actorId: 'u-admin',
    actorLogin: 'admin',
    actorName: 'Олена Коваленко',
    action: 'user.created',
    entity: 'user',
    entityId: 'u-2',
    record: { entity: 'user', id: 'u-2', name: 'm.koval — Мар’яна Коваль', year: null, number: null, decision: null },
    details: {},
    workstation: 'ODA-PC-07',
  },
  {
    seq: 1,
    ts: '2025-07-01T08:05:00.000Z',
    actorId: null,
    actorLogin: null,
    actorName: null,
    action: 'something.new',
    entity: null,
    entityId: null,
    record: null,
    details: {},
    workstation: 'ODA-PC-07',
  },
];

/** What a secretary's and an auditor's day leaves in the log, as `audit:list` names it. */
const NAMED: AuditEvent[] = [
  {
    seq: 40,
    ts: '2026-03-12T08:15:00.000Z',
    actorId: 'u-sec',
    actorLogin: 'n.koval',
    actorName: 'Наталія Коваль',
    action: 'meeting.updated',
    entity: 'meeting',
    entityId: 'm-4',
    record: { entity: 'meeting', id: 'm-4', name: null, year: 2026, number: 4, decision: null },
    details: { status: 'held', items: 3 },
    workstation: 'ODA-PC-07',
  },
  {
    seq: 39,
    ts: '2026-03-12T08:10:00.000Z',
    actorId: 'u-sec',
    actorLogin: 'n.koval',
    actorName: 'Наталія Коваль',
    action: 'assignment.created',
    entity: 'assignment',
    entityId: 'a-1',
    record: { entity: 'assignment', id: 'a-1', name: null, year: 2026, number: 3, decision: '2.1' },
    details: { decisionId: 'd-1', dueDate: '2026-06-30' },
    workstation: 'ODA-PC-07',
  },
  {
    seq: 38,
    ts: '2026-03-12T08:00:00.000Z',
    actorId: null,
    actorLogin: null,
    actorName: null,
    action: 'auth.unlock_failed',
    entity: 'user',
    entityId: 'u-sec',
    record: { entity: 'user', id: 'u-sec', name: 'n.koval — Наталія Коваль', year: null, number: null, decision: null },
    details: { attemptedAt: '2026-03-11T17:42:05.000Z' },
    workstation: 'ODA-PC-07',
  },
  {
    seq: 37,
    ts: '2026-03-11T16:30:00.000Z',
    actorId: 'u-sec',
    actorLogin: 'n.koval',
    actorName: 'Наталія Коваль',
    action: 'auth.lock',
    entity: null,
    entityId: null,
    record: null,
    details: { reason: 'idle' },
    workstation: 'ODA-PC-07',
  },
  {
    seq: 36,
    ts: '2026-03-11T16:00:00.000Z',
    actorId: 'u-sec',
    actorLogin: 'n.koval',
    actorName: 'Наталія Коваль',
    action: 'organisation.updated',
    entity: 'organisation',
    entityId: 'o-gone',
    record: null,
    details: { type: 'ngo', active: false },
    workstation: 'ODA-PC-07',
  },
  {
    seq: 35,
    ts: '2026-03-11T15:00:00.000Z',
    actorId: 'u-sec',
    actorLogin: 'n.koval',
    actorName: 'Наталія Коваль',
    action: 'organisation.updated',
    entity: 'organisation',
    entityId: 'o-old',
    record: { entity: 'organisation', id: 'o-old', name: 'Благодійний фонд «Карітас»', year: null, number: null, decision: null },
    details: { type: 'ngo', active: false },
    workstation: 'ODA-PC-07',
  },
];

afterEach(() => {
  act(() => notifications.clean());
  vi.restoreAllMocks();
});

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

describe('audit log records and export', () => {
  function namedBridge(extra: Parameters<typeof fakeBridge>[0] = {}) {
    return fakeBridge({
      ...unlockedShell(sessionOf(['auditor'], { login: 'auditor', displayName: 'Ігор Бондар' })),
      'users:list': () => [],
      'audit:list': () => ({ rows: NAMED, next: null }),
      'audit:actions': () => ['assignment.created', 'auth.lock', 'auth.unlock_failed', 'meeting.updated', 'organisation.updated'],
      'assignments:list': () => [],
      'organisations:options': () => [],
      'assignments:get': () => fail('NOT_FOUND'),
      ...extra,
    });
  }

  it('names each record as the minutes do, links it to its screen, and says when a failed attempt was and why the store locked', async () => {
    const bridge = namedBridge();
    renderApp(bridge);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Журнал подій' }));
    const table = await screen.findByRole('table', { name: 'Журнал подій' });
    const [, meeting, assignment, failed, lock, organisation] = within(table).getAllByRole('row');
    expect(within(meeting!).getByRole('button', { name: 'засідання № 4/2026' })).toBeTruthy();
    expect(within(assignment!).getByRole('button', { name: 'доручення 2.1 протоколу № 3/2026' })).toBeTruthy();
    // The attempt happened the evening before; it entered the log at the next unlock.
    expect(failed!.textContent).toContain('12.03.2026 10:00');
    expect(failed!.textContent).toContain('спроба о 11.03.2026 19:42:05');
    expect(failed!.textContent).toContain('n.koval — Наталія Коваль');
    expect(lock!.textContent).toContain('через бездіяльність у програмі');
    // A record no longer in the store keeps its identifier, and no link leads nowhere.
    expect(organisation!.textContent).toContain('o-gone');
    expect(within(organisation!).queryByRole('button')).toBeNull();

    await user.click(within(assignment!).getByRole('button', { name: 'доручення 2.1 протоколу № 3/2026' }));
    await waitFor(() => expect(bridge.callsOf('assignments:get')).toEqual([{ id: 'a-1' }]));
  });

  it('opens an organisation’s card from its event, widening the list when the organisation is no longer active', async () => {
    const bridge = namedBridge({
      'organisations:list': (input) => (input.includeInactive ? [organisation('o-old', 'Благодійний фонд «Карітас»', { type: 'ngo', active: false })] : []),
    });
    renderApp(bridge);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Журнал подій' }));
    await user.click(await screen.findByRole('button', { name: 'Благодійний фонд «Карітас»' }));
    // An auditor reads: the card, not the form.
    const card = await screen.findByRole('dialog', { name: 'Організація' });
    expect(within(card).getByRole('table', { name: 'Благодійний фонд «Карітас»' })).toBeTruthy();
    expect(bridge.callsOf('organisations:list')).toEqual([{ includeInactive: false }, { includeInactive: true }]);
  });

  it('saves the filtered log as CSV, and says what to do when PDF cannot be made here', async () => {
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const bridge = namedBridge({
      'audit:export': (input) => {
        if (input.format === 'pdf') return fail('PDF_UNAVAILABLE');
        return { fileName: 'zhurnal-podii-2026-03-01--2026-03-31.csv', mimeType: 'text/csv;charset=utf-8', base64: '77u/' };
      },
    });
    renderApp(bridge);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Журнал подій' }));
    await screen.findByRole('table', { name: 'Журнал подій' });
    await user.type(screen.getByLabelText('Дата з'), '01.03.2026');
    await user.type(screen.getByLabelText('Дата по'), '31.03.2026');
    await user.click(screen.getByRole('button', { name: 'Показати' }));
    await waitFor(() => expect(bridge.callsOf('audit:list').at(-1)).toEqual({ from: '2026-03-01', to: '2026-03-31', limit: 50 }));

    await user.click(screen.getByRole('button', { name: 'Зберегти журнал' }));
    const menu = await screen.findByRole('menu', { hidden: true });
    expect(within(menu).getByRole('note', { hidden: true }).textContent).toContain('Збережений файл не зашифровано');
    await user.click(await screen.findByRole('menuitem', { name: 'Зберегти в CSV', hidden: true }));
    // The whole filter, not the page: no limit, no cursor.
    await waitFor(() => expect(bridge.callsOf('audit:export')).toEqual([{ from: '2026-03-01', to: '2026-03-31', format: 'csv' }]));
    await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
    expect(await screen.findByText('Журнал збережено у файл «zhurnal-podii-2026-03-01--2026-03-31.csv». Збережений файл не зашифровано.')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Зберегти журнал' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Зберегти в PDF', hidden: true }));
    await waitFor(() => expect(bridge.callsOf('audit:export')).toHaveLength(2));
    expect(await screen.findByText(/Тут PDF не створюється\. Збережіть журнал у CSV/)).toBeTruthy();
    expect(click).toHaveBeenCalledTimes(1);
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
