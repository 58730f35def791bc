import { render, type RenderResult } from '@testing-library/react';
import type { RawBridge } from '../../src/shared/api';
import { contract, isChannel, type Channel, type InputOf, type OutputOf } from '../../src/shared/contract';
import type { SessionInfo } from '../../src/shared/domain/auth';
import type { ErrorCode, Result } from '../../src/shared/errors';
import { permissionsOf, type Role } from '../../src/shared/permissions';
import { createApi, type AppApi } from '../../src/renderer/src/app/api';
import { App } from '../../src/renderer/src/app/App';
import { createI18n } from '../../src/renderer/src/app/i18n';
import { EMPTY_DASHBOARD } from './samples';
import { territoryHandlers } from './territory-samples';

/** What a handler of the fake main process returns: a value, or a failure built with `fail`. */
export class Failure {
  constructor(
    readonly code: ErrorCode,
    readonly details: Record<string, unknown> = {},
  ) {}
}
export const fail = (code: ErrorCode, details: Record<string, unknown> = {}) => new Failure(code, details);

type Handler<C extends Channel> = (input: InputOf<C>) => OutputOf<C> | Failure | Promise<OutputOf<C> | Failure>;
export type Handlers = { [C in Channel]?: Handler<C> };

export interface FakeBridge extends RawBridge {
  calls: { channel: string; input: unknown }[];
  handlers: Handlers;
  callsOf(channel: Channel): unknown[];
}

/**
 * What the fake main process saw that the real one would not take: a channel it has no handler for, an input
 * the contract refuses, an answer that breaks the contract. The renderer setup fails the test on any of them.
 */
export const contractViolations: string[] = [];

/**
 * A stand-in for the main process: no network, answers exactly as the handlers say, records every call, and
 * holds both sides to the contract, so a screen cannot pass against a fake the real process would refuse.
 */
export function fakeBridge(given: Handlers): FakeBridge {
  const calls: { channel: string; input: unknown }[] = [];
  // Every unlocked window asks for the user's kept drafts; a test that is not about them has none.
  // Territory pickers search a few real units of the codifier unless a test answers otherwise.
  const handlers: Handlers = { 'drafts:list': () => [], 'drafts:get': () => null, ...territoryHandlers, ...given };
  const bridge: FakeBridge = {
    calls,
    handlers,
    callsOf: (channel) => calls.filter((c) => c.channel === channel).map((c) => c.input),
    async invoke(channel, input): Promise<Result<unknown>> {
      // A JSON round trip, as over the real bridge, so nothing that would not survive it slips through.
      const sent = JSON.parse(JSON.stringify(input ?? {})) as unknown;
      calls.push({ channel, input: sent });
      const handler = isChannel(channel) ? (bridge.handlers[channel] as ((input: unknown) => unknown) | undefined) : undefined;
      if (!isChannel(channel) || !handler) {
        contractViolations.push(`no handler for ${channel}`);
        throw new Error(`the fake main process has no handler for ${channel}`);
      }
      const spec = contract[channel];
      const accepted = spec.input.safeParse(sent);
      if (!accepted.success) {
        contractViolations.push(`${channel} called with input the contract refuses: ${JSON.stringify(accepted.error.issues.map((i) => i.path.join('.') + ' ' + i.code))}`);
        return { ok: false, error: { code: 'VALIDATION', message: 'contract', details: { issues: [] }, correlationId: 'test' } };
      }
      const value = (await handler(sent)) as unknown;
      if (value instanceof Failure) {
        return { ok: false, error: { code: value.code, message: value.code, details: value.details, correlationId: 'corr-1234' } };
      }
      const answered = JSON.parse(JSON.stringify(value ?? null)) as unknown;
      const output = spec.output.safeParse(answered);
      if (!output.success) contractViolations.push(`${channel} answered what the contract refuses: ${JSON.stringify(output.error.issues.map((i) => i.path.join('.') + ' ' + i.code))}`);
      return { ok: true, value: answered };
    },
  };
  return bridge;
}

export function sessionOf(roles: Role[], overrides: Partial<SessionInfo> = {}): SessionInfo {
  return {
    userId: 'u-admin',
    login: 'admin',
    displayName: 'Олена Петренко',
    roles,
    permissions: permissionsOf(roles),
    mustChangePassphrase: false,
    unlockedAt: '2025-03-05T08:00:00.000Z',
    ...overrides,
  };
}

export function unlockedStatus(session: SessionInfo) {
  return { storeState: 'unlocked' as const, session, idleLockMinutes: 15, lockWarningSeconds: 60, idleLockInSeconds: null, lastLock: null };
}

export const lockedStatus = { storeState: 'locked' as const, session: null, idleLockMinutes: 15, lockWarningSeconds: 60, idleLockInSeconds: null, lastLock: null };

export function renderApp(bridge: FakeBridge, language: 'uk' | 'en' = 'uk'): RenderResult & { api: AppApi } {
  const api = createApi(bridge);
  return { api, ...render(<App api={api} i18n={createI18n(language)} />) };
}

/** The main process of an unlocked session as the shell first sees it: the status, and an overview with nothing due. */
export function unlockedShell(session: SessionInfo): Handlers {
  return { 'session:status': () => unlockedStatus(session), 'dashboard:get': () => EMPTY_DASHBOARD };
}
