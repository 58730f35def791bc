import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { contract as appContract, type Channel, type ChannelSpec, type Contract, type OutputOf, type ParsedInputOf } from '../../shared/contract';
import { AppError, serializeError, type Result } from '../../shared/errors';
import type { SessionInfo } from '../../shared/domain/auth';
import type { AuditInput } from '../features/audit/audit.chain';
import type { AppCore } from '../features/session/core';
import type { OpenStore } from '../store/store';

export interface BaseContext {
  core: AppCore;
  session: SessionInfo | null;
  correlationId: string;
}

export interface TxContext extends BaseContext {
  store: OpenStore;
  session: SessionInfo;
  now: Date;
  /** Writes an audit event in the transaction of this call. */
  audit(input: AuditInput): void;
  /** Records a read of personal data, by record identifier only. */
  auditRead(entity: string, entityId: string): void;
}

type AsyncHandler<C extends Channel> = (input: ParsedInputOf<C>, ctx: BaseContext) => Promise<OutputOf<C>> | OutputOf<C>;
type TxHandler<C extends Channel> = (input: ParsedInputOf<C>, ctx: TxContext) => OutputOf<C>;

/** One handler per channel: a channel without one does not compile. */
export type Handlers = { [C in Channel]: Contract[C]['kind'] extends 'auth' ? AsyncHandler<C> : TxHandler<C> };

export interface Logger {
  warn(message: string, meta?: Record<string, unknown>): void;
  error(message: string, meta?: Record<string, unknown>): void;
}

export interface DispatcherOptions {
  core: AppCore;
  handlers: Handlers;
  /** Output validation costs time; on in development and tests, off in the packaged app. */
  validateOutput: boolean;
  logger: Logger;
  /** The app's contract unless a test supplies its own channels. */
  contract?: Record<string, ChannelSpec>;
}

export type Dispatch = (channel: string, input: unknown) => Promise<Result<unknown>>;

function validationError(error: z.ZodError): AppError {
  const issues = error.issues.slice(0, 20).map((issue) => {
    const extra = issue as { minimum?: unknown; maximum?: unknown };
    return {
      path: issue.path.map(String).join('.'),
      code: issue.code,
      ...(extra.minimum !== undefined ? { minimum: Number(extra.minimum) } : {}),
      ...(extra.maximum !== undefined ? { maximum: Number(extra.maximum) } : {}),
    };
  });
  return new AppError('VALIDATION', 'input does not match the contract', { issues });
}

/** Faults of the disk or the file get their own codes, because the user can act on them. */
function fromSystemError(error: unknown): AppError {
  const code = String((error as { code?: unknown })?.code ?? '');
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code.startsWith('SQLITE_IOERR')) return new AppError('DISK', message);
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return new AppError('STORE_BUSY', message);
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return new AppError('STORE_CORRUPT', message);
  return new AppError('INTERNAL', message);
}

/**
 * Validate, authorise, run in one transaction with its audit event, and wrap the result. Pure: no
 * Electron, no HTTP. Errors never throw out of it; the caller gets `{ ok: false, error }`.
 */
export function createDispatcher(options: DispatcherOptions): Dispatch {
  const { core, handlers, logger } = options;
  const contract = (options.contract ?? appContract) as Record<Channel, ChannelSpec>;
  const isChannel = (name: string): name is Channel => Object.prototype.hasOwnProperty.call(contract, name);

  function authorise(channel: Channel): SessionInfo | null {
    const access = contract[channel].access;
    if (access === 'public') return core.session;
    const session = core.requireSession(channel);
    if (access === 'session' || session.permissions.includes(access)) return session;
    const store = core.requireStore();
    store.db.transaction(() => core.audit({ action: 'access.denied', details: { channel, permission: access } }))();
    throw new AppError('FORBIDDEN', `permission ${access} is required`, { permission: access });
  }

  function runInTransaction(channel: Channel, input: unknown, base: BaseContext): unknown {
    const spec = contract[channel];
    const store = core.requireStore();
    const session = base.session!;
    let writes = 0;
    let reads = 0;
    const ctx: TxContext = {
      ...base,
      store,
      session,
      now: core.deps.env.clock(),
      audit(event) {
        writes += 1;
        core.audit(event);
      },
      auditRead(entity, entityId) {
        reads += 1;
        core.audit({ action: 'personal.read', entity, entityId, details: { channel } });
      },
    };
    const handler = handlers[channel] as unknown as (i: unknown, c: TxContext) => unknown;
    return store.db.transaction(() => {
      const value = handler(input, ctx);
      if (value instanceof Promise) throw new AppError('INTERNAL', `${channel}: a transactional handler must be synchronous`);
      if (spec.kind === 'mutation' && writes === 0) throw new AppError('INTERNAL', `${channel}: a change must write an audit event`);
      if (spec.personalData && reads === 0) {
        throw new AppError('INTERNAL', `${channel}: a read of personal data must be audited`);
      }
      return value;
    })();
  }

  return async function dispatch(channel, rawInput) {
    const correlationId = randomUUID().slice(0, 8);
    try {
      if (!isChannel(channel)) throw new AppError('UNKNOWN_CHANNEL', 'no such channel', { channel });
      const spec = contract[channel];
      core.checkIdle();
      const parsed = spec.input.safeParse(rawInput ?? {});
      if (!parsed.success) throw validationError(parsed.error);
      const session = authorise(channel);
      if (!spec.passive && core.session) core.touch();
      const base: BaseContext = { core, session, correlationId };
      const value =
        spec.kind === 'auth'
          ? await (handlers[channel] as unknown as (i: unknown, c: BaseContext) => unknown)(parsed.data, base)
          : runInTransaction(channel, parsed.data, base);
      if (options.validateOutput) {
        const checked = spec.output.safeParse(value);
        if (!checked.success) throw new AppError('INTERNAL', `${channel}: output does not match the contract`);
      }
      return { ok: true, value };
    } catch (error) {
      const appError = error instanceof AppError ? error : fromSystemError(error);
      if (appError.code === 'INTERNAL') {
        // The message may name a file or a constraint, never the input: inputs can hold personal data.
        logger.error('request failed', { channel, correlationId, message: appError.message });
      }
      return { ok: false, error: serializeError(appError, correlationId) };
    }
  };
}
