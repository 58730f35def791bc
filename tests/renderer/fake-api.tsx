import { render, type RenderResult } from '@testing-library/react';
import type { RawBridge } from '../../src/shared/api';
import type { Channel, InputOf, OutputOf } from '../../src/shared/contract';
import type { SessionInfo } from '../../src/shared/domain/auth';
import type { ErrorCode, Result } from '../../src/shared/errors';
import { permissionsOf, type Role } from '../../src/shared/permissions';
import { createApi, type AppApi } from '../../src/renderer/src/app/api';
import { App } from '../../src/renderer/src/app/App';
import { createI18n } from '../../src/renderer/src/app/i18n';

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

/** A stand-in for the main process: no network, answers exactly as the handlers say, records every call. */
export function fakeBridge(handlers: Handlers): FakeBridge {
  const calls: { channel: string; input: unknown }[] = [];
  const bridge: FakeBridge = {
    calls,
    handlers,
    callsOf: (channel) => calls.filter((c) => c.channel === channel).map((c) => c.input),
    async invoke(channel, input): Promise<Result<unknown>> {
      calls.push({ channel, input });
      const handler = bridge.handlers[channel as Channel] as ((input: unknown) => unknown) | undefined;
      if (!handler) return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: channel, details: {}, correlationId: 'test' } };
      // A JSON round trip, as over the real bridge, so nothing that would not survive it slips through.
      const value = (await handler(JSON.parse(JSON.stringify(input ?? {})))) as unknown;
      if (value instanceof Failure) {
        return { ok: false, error: { code: value.code, message: value.code, details: value.details, correlationId: 'corr-1234' } };
      }
      return { ok: true, value: JSON.parse(JSON.stringify(value ?? null)) };
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
  return { storeState: 'unlocked' as const, session, idleLockMinutes: 15 };
}

export const lockedStatus = { storeState: 'locked' as const, session: null, idleLockMinutes: 15 };

export function renderApp(bridge: FakeBridge, language: 'uk' | 'en' = 'uk'): RenderResult & { api: AppApi } {
  const api = createApi(bridge);
  return { api, ...render(<App api={api} i18n={createI18n(language)} />) };
}
