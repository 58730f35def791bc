import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CHANNELS, contract, type Channel } from '../../src/shared/contract';
import { ROLE_PERMISSIONS, ROLES } from '../../src/shared/permissions';
import { createDispatcher } from '../../src/main/ipc/dispatcher';
import type { Handlers } from '../../src/main/kernel/context';
import { silentLogger } from '../../src/main/kernel/log';
import { EXAMPLES, ready, signInWithout, type Ready } from '../fixtures/channel-examples';
import { call, cleanupTempDirs, failure, testRuntime } from '../fixtures/store';

afterEach(cleanupTempDirs);

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

  it('refuses, before any check of the user, inputs no contract can hold: a cycle, nesting past 64 levels, a sparse array of 2³¹, a foreign object deep inside', async () => {
    const { dispatch } = await testDispatch();
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    let deep: Record<string, unknown> = {};
    for (let i = 0; i < 200; i += 1) deep = { next: deep };
    const sparse: unknown[] = [];
    sparse.length = 2 ** 31;
    const shared = { a: 1 };
    for (const input of [cycle, deep, { junk: sparse }, { a: { b: [{ c: new Date(0) }] } }, { x: shared, y: shared }]) {
      const result = await dispatch('test:silentChange', input);
      expect(result.ok ? 'ok' : result.error.code).toBe('VALIDATION');
    }
  });

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
