import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CHANNELS, contract, type Channel, type InputOf } from '../../src/shared/contract';
import { ROLE_PERMISSIONS, ROLES, type Permission } from '../../src/shared/permissions';
import { createDispatcher } from '../../src/main/ipc/dispatcher';
import type { Handlers } from '../../src/main/kernel/context';
import { silentLogger } from '../../src/main/kernel/log';
import { draftOf, holdMeeting, seatGroup } from '../fixtures/meetings';
import { adminRuntime, call, cleanupTempDirs, failure, testRuntime, type TestRuntime } from '../fixtures/store';

afterEach(cleanupTempDirs);

type Ready = TestRuntime & { recoveryKey: string; memberId: string };

/** A store with an admin (signed in) and a read-only member. */
async function ready(): Promise<Ready> {
  const rt = await adminRuntime();
  const member = await call(rt, 'users:add', { login: 'member1', displayName: 'Член Групи', roles: ['member'], initialPassphrase: 'тимчасовий пароль 12345' });
  return { ...rt, memberId: member.id };
}

/** Signs in as a new user holding only a role that lacks the permission. */
async function signInWithout(rt: Ready, permission: Permission): Promise<void> {
  const role = ROLES.find((r) => !ROLE_PERMISSIONS[r].includes(permission))!;
  await call(rt, 'users:add', { login: 'limited', displayName: 'Обмежений Доступ', roles: [role], initialPassphrase: 'тимчасовий пароль 12345' });
  await call(rt, 'session:lock', {});
  await call(rt, 'session:unlock', { login: 'limited', passphrase: 'тимчасовий пароль 12345' });
  await call(rt, 'session:changePassphrase', { current: 'тимчасовий пароль 12345', next: 'власний пароль обмеженого' });
}

/** A valid call for every channel: the Record type makes a new channel without an example fail to compile. */
const EXAMPLES: { [C in Channel]: (rt: Ready) => Promise<InputOf<C>> | InputOf<C> } = {
  'session:status': () => ({}),
  'session:setup': () => ({ login: 'admin', displayName: 'Адміністратор Сховища', passphrase: 'довгий пароль адміністратора' }),
  'session:unlock': () => ({ login: 'olena', passphrase: 'весна у Полтаві 2026 року' }),
  'session:lock': () => ({}),
  'session:activity': () => ({}),
  'session:changePassphrase': () => ({ current: 'весна у Полтаві 2026 року', next: 'осінь у Полтаві 2026 року' }),
  'session:recover': (rt) => ({ recoveryKey: rt.recoveryKey, login: 'olena', newPassphrase: 'зима у Полтаві 2026 року' }),
  'users:list': () => ({}),
  'users:add': () => ({ login: 'new.user', displayName: 'Нова Людина', roles: ['analyst'], initialPassphrase: 'тимчасовий пароль 67890' }),
  'users:setRoles': (rt) => ({ userId: rt.memberId, roles: ['member', 'auditor'] }),
  'users:remove': (rt) => ({ userId: rt.memberId }),
  'audit:list': () => ({ limit: 10 }),
  'audit:actions': () => ({}),
  'audit:verify': () => ({}),
  'about:get': () => ({}),
  'settings:get': () => ({}),
  'settings:update': () => ({ idleLockMinutes: 15 }),
  'organisations:list': () => ({}),
  'organisations:options': () => ({ includeInactive: true }),
  'organisations:save': () => ({ name: 'Громадська організація «Вектор надії»', type: 'ngo', katottg: 'UA53080370010073240' }),
  'group:get': () => ({}),
  'group:update': async (rt) => ({ ...(await call(rt, 'group:get', {})), quorumNumerator: 2, quorumDenominator: 3, quorumStrict: false }),
  'group:members': () => ({ on: '2026-11-20' }),
  'group:saveMember': async (rt) => ({
    surname: 'Мельник',
    givenName: 'Оксана',
    patronymic: 'Іванівна',
    position: 'Заступник голови обласної військової адміністрації',
    organisationId: (await call(rt, 'organisations:list', {}))[0]!.id,
    role: 'chair',
    validFrom: '2026-01-01',
  }),
  'group:endMember': async (rt) => {
    const member = await call(rt, 'group:saveMember', { surname: 'Бойко', givenName: 'Петро', position: 'Начальник відділу', organisationId: null, role: 'member', validFrom: '2026-01-01' });
    return { id: member.id, validTo: '2026-12-31' };
  },
  'dashboard:get': () => ({}),
  'meetings:notice': async (rt) => ({ meetingId: (await call(rt, 'meetings:plan', PLAN)).id, format: 'html' }),
  'meetings:minutes': async (rt) => ({ meetingId: (await heldMeeting(rt)).id, format: 'docx', item: 2 }),
  'meetings:list': () => ({ year: 2026 }),
  'meetings:years': () => ({}),
  'meetings:get': async (rt) => ({ id: (await call(rt, 'meetings:plan', PLAN)).id }),
  'meetings:plan': () => PLAN,
  'meetings:update': async (rt) => draftOf(await call(rt, 'meetings:plan', PLAN), { place: 'Онлайн, платформа «Zoom»' }),
  'meetings:approve': async (rt) => ({ id: (await heldMeeting(rt)).id }),
  'meetings:amend': async (rt) => {
    const meeting = await heldMeeting(rt);
    await call(rt, 'meetings:approve', { id: meeting.id });
    return { id: meeting.id, reason: 'Описка', text: 'У п. 2.1 читати «до відома».' };
  },
  'assignments:list': () => ({ states: ['in_progress', 'overdue'] }),
  'assignments:get': async (rt) => ({ id: (await call(rt, 'assignments:create', await assignmentDraft(rt, await heldMeeting(rt)))).id }),
  'assignments:create': async (rt) => assignmentDraft(rt, await heldMeeting(rt)),
  'assignments:report': async (rt) => {
    const assignment = await call(rt, 'assignments:create', await assignmentDraft(rt, await heldMeeting(rt)));
    return { assignmentId: assignment.id, receivedOn: '2026-04-01', text: 'Виконано частково.', reference: '№ 12/01' };
  },
  'assignments:close': async (rt) => {
    const assignment = await call(rt, 'assignments:create', await assignmentDraft(rt, await heldMeeting(rt)));
    const later = await holdMeeting(rt, '2026-06-11', 6);
    return { assignmentId: assignment.id, decisionId: later.agenda[1]!.decisions[0]!.id, outcome: 'done' };
  },
};

const PLAN = { date: '2026-12-10', time: '10:00', format: 'mixed' } as const;

async function heldMeeting(rt: Ready) {
  await seatGroup(rt);
  return holdMeeting(rt, '2026-03-12', 6);
}

async function assignmentDraft(rt: Ready, meeting: Awaited<ReturnType<typeof holdMeeting>>) {
  const orgs = await call(rt, 'organisations:list', {});
  return { decisionId: meeting.agenda[1]!.decisions[1]!.id, text: 'Провести навчання.', leadOrganisationId: orgs[0]!.id, dueDate: '2026-06-30' };
}

/** session:setup succeeds only where no store exists yet. */
const NEEDS_EMPTY_STORE = new Set<Channel>(['session:setup']);

/** A location with no store yet. */
async function emptyThenReady(): Promise<Ready> {
  return { ...testRuntime(), recoveryKey: '', memberId: '' };
}

function auditCount(rt: Ready): number {
  return (rt.core.requireStore().db.prepare('SELECT count(*) AS n FROM audit_events').get() as { n: number }).n;
}

describe('every channel through the dispatcher', () => {
  it('has an example for each channel in the contract', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual([...CHANNELS].sort());
  });

  describe.each(CHANNELS)('%s', (channel) => {
    const spec = contract[channel];

    it('rejects input that does not match the contract with VALIDATION', async () => {
      const rt = await ready();
      const error = await failure(rt, channel, { unexpectedField: '<script>' });
      expect(error.code).toBe('VALIDATION');
      expect(Array.isArray(error.details.issues)).toBe(true);
      const notObject = await failure(rt, channel, 'text');
      expect(notObject.code).toBe('VALIDATION');
    });

    it(`enforces its access rule (${spec.access}) in the main process`, async () => {
      const rt = await ready();
      const input = await EXAMPLES[channel](rt);
      if (spec.access === 'public') {
        await call(rt, 'session:lock', {});
        const result = await rt.dispatch(channel, input);
        if (!result.ok) expect(['LOCKED', 'FORBIDDEN']).not.toContain(result.error.code);
        return;
      }
      const access = spec.access;
      if (access !== 'session' && ROLES.every((r) => ROLE_PERMISSIONS[r].includes(access))) {
        // Every role holds it (reading the group's own work): the lock is the only barrier to check.
        await call(rt, 'session:lock', {});
        expect((await failure(rt, channel, input)).code).toBe('LOCKED');
        return;
      }
      await call(rt, 'session:lock', {});
      expect((await failure(rt, channel, input)).code).toBe('LOCKED');
      if (access === 'session') return;
      await call(rt, 'session:unlock', { login: 'olena', passphrase: 'весна у Полтаві 2026 року' });
      await signInWithout(rt, access);
      const before = auditCount(rt);
      const denied = await failure(rt, channel, input);
      expect(denied.code).toBe('FORBIDDEN');
      expect(denied.details.permission).toBe(spec.access);
      expect(auditCount(rt)).toBe(before + 1);
      const last = rt.core.requireStore().db.prepare('SELECT action, details FROM audit_events ORDER BY seq DESC LIMIT 1').get();
      expect(last).toEqual({ action: 'access.denied', details: JSON.stringify({ channel, permission: spec.access }) });
    });

    it('succeeds with valid input, returns the contract output and audits changes', async () => {
      const rt = NEEDS_EMPTY_STORE.has(channel) ? await emptyThenReady() : await ready();
      const input = await EXAMPLES[channel](rt);
      const before = rt.core.session ? auditCount(rt) : 0;
      const result = await rt.dispatch(channel, input);
      expect(result.ok ? 'ok' : result.error.code).toBe('ok');
      if (!result.ok) return;
      expect(spec.output.safeParse(result.value).success).toBe(true);
      if (spec.kind === 'mutation' && rt.core.session) expect(auditCount(rt)).toBeGreaterThan(before);
    });
  });

  it('session:setup succeeds on an empty location and returns the recovery key once', async () => {
    const rt = testRuntime();
    const created = await call(rt, 'session:setup', { login: 'admin', displayName: 'Адміністратор Сховища', passphrase: 'довгий пароль адміністратора' });
    expect(created.recoveryKey).toMatch(/^([A-Z2-9]{4}-){7}[A-Z2-9]{4}$/);
    expect((await call(rt, 'session:status', {})).session?.roles).toEqual(['admin']);
  });

  it('unknown channels are refused', async () => {
    const rt = await ready();
    expect((await failure(rt, 'users:drop', {})).code).toBe('UNKNOWN_CHANNEL');
    expect((await failure(rt, '__proto__', {})).code).toBe('UNKNOWN_CHANNEL');
  });

  it('a failed change rolls back with its audit event', async () => {
    const rt = await ready();
    const before = auditCount(rt);
    const error = await failure(rt, 'users:setRoles', { userId: rt.core.session!.userId, roles: ['member'] });
    expect(error.code).toBe('LAST_ADMIN');
    expect(auditCount(rt)).toBe(before);
    expect((await call(rt, 'users:list', {})).find((u) => u.login === 'olena')?.roles).toEqual(['admin']);
  });
});

describe('dispatcher rules for future channels', () => {
  const testContract = {
    'test:silentChange': { input: z.object({}).strict(), output: z.null(), access: 'session', kind: 'mutation' },
    'test:readPerson': { input: z.object({ id: z.string() }).strict(), output: z.object({ code: z.string() }), access: 'personal.read', kind: 'query', personalData: true },
    'test:readPersonUnaudited': { input: z.object({}).strict(), output: z.null(), access: 'session', kind: 'query', personalData: true },
    'test:badOutput': { input: z.object({}).strict(), output: z.object({ n: z.number() }), access: 'session', kind: 'query' },
  } as const;
  const testHandlers = {
    'test:silentChange': () => null,
    'test:readPerson': (input: { id: string }, ctx: { auditRead(e: string, id: string): void }) => {
      ctx.auditRead('person', input.id);
      return { code: 'PTL-2026-001' };
    },
    'test:readPersonUnaudited': () => null,
    'test:badOutput': () => ({ n: 'not a number' }),
  };

  async function testDispatch() {
    const rt = await ready();
    const dispatch = createDispatcher({
      core: rt.core,
      handlers: testHandlers as unknown as Handlers,
      validateOutput: true,
      logger: silentLogger,
      contract: testContract,
    });
    return { rt, dispatch };
  }

  it('a change that writes no audit event fails and changes nothing', async () => {
    const { dispatch } = await testDispatch();
    const result = await dispatch('test:silentChange', {});
    expect(result.ok ? 'ok' : result.error.code).toBe('INTERNAL');
  });

  it('a read of personal data writes personal.read in the same transaction, by identifier only', async () => {
    const { rt, dispatch } = await testDispatch();
    const denied = await dispatch('test:readPerson', { id: 'case-17' });
    expect(denied.ok ? 'ok' : denied.error.code).toBe('FORBIDDEN');
    const user = await call(rt, 'users:add', { login: 'officer', displayName: 'Фахівець', roles: ['case_officer'], initialPassphrase: 'тимчасовий пароль 12345' });
    await call(rt, 'session:lock', {});
    await call(rt, 'session:unlock', { login: 'officer', passphrase: 'тимчасовий пароль 12345' });
    await call(rt, 'session:changePassphrase', { current: 'тимчасовий пароль 12345', next: 'пароль фахівця зі статусу' });
    const result = await dispatch('test:readPerson', { id: 'case-17' });
    expect(result).toEqual({ ok: true, value: { code: 'PTL-2026-001' } });
    const event = rt.core.requireStore().db.prepare("SELECT * FROM audit_events WHERE action = 'personal.read'").get() as Record<string, string>;
    expect(event).toMatchObject({ actor_id: user.id, entity: 'person', entity_id: 'case-17' });
    const unaudited = await dispatch('test:readPersonUnaudited', {});
    expect(unaudited.ok ? 'ok' : unaudited.error.code).toBe('INTERNAL');
  });

  it('an output that breaks the contract is caught, with a correlation id', async () => {
    const { dispatch } = await testDispatch();
    const result = await dispatch('test:badOutput', {});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ code: 'INTERNAL', correlationId: expect.stringMatching(/^[0-9a-f]{8}$/) });
  });
});
