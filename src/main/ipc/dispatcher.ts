import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { contract as appContract, type Channel, type ChannelSpec } from '../../shared/contract';
import { AppError, serializeError, type Result } from '../../shared/errors';
import { issueOf, type FieldIssue } from '../../shared/issues';
import type { SessionInfo } from '../../shared/domain/auth';
import type { BaseContext, Handlers, TxContext } from '../kernel/context';
import type { Logger } from '../kernel/log';
import type { AppCore } from '../kernel/session';

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

function validationError(error: z.ZodError, input: unknown): AppError {
  return new AppError('VALIDATION', 'input does not match the contract', { issues: error.issues.slice(0, 20).map((issue) => issueOf(issue, input)) });
}

/**
 * Characters no string of any channel may hold, whatever its own field rule says (a name's is stricter still):
 * control characters other than tab and line feed, lone UTF-16 surrogates (SQLite would store U+FFFD) and the
 * bidirectional overrides and isolates, which make text read in another order than it is stored. A search, not a
 * whole-string pattern, so it needs no backtracking; it runs after the contract's schema, within its length limits.
 */
const FORBIDDEN = /(?![\t\n])[\p{Cc}\p{Cs}\u202A-\u202E\u2066-\u2069]/u;

/** Where the first string (value or key) of a parsed input holds a forbidden character, or null. */
function forbiddenAt(value: unknown, path: (string | number)[] = []): (string | number)[] | null {
  if (typeof value === 'string') return FORBIDDEN.test(value) ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const found = forbiddenAt(value[i], [...path, i]);
      if (found) return found;
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = FORBIDDEN.test(key) ? [...path, key] : forbiddenAt(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

/**
 * An input given as an object must be a plain one: zod's object schemas take a Date, a Map, a Set or a RegExp for
 * an object without keys, and a channel (or a nested object, like a prevention event's group counts) whose fields are
 * all optional would run on it.
 */
function isForeignObject(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype !== Object.prototype && prototype !== null;
}

/** Bounds of the walk below: far beyond any input the contract accepts (JSON-shaped, a few thousand values). */
const WALK_NODES = 200_000;
const WALK_DEPTH = 64;

/**
 * Where the raw input holds what no contract input can be, or null: a foreign object at any depth, nesting deeper
 * than WALK_DEPTH, or more than WALK_NODES values. Runs before authorisation, so it is bounded whatever comes: each
 * object is visited once (structured clone keeps cycles and shared references), sparse arrays by their present keys,
 * and a path is built only for the answer.
 */
function foreignObjectAt(input: unknown): (string | number)[] | null {
  type Node = { value: object; key: string | number; parent: Node | null; depth: number };
  const pathOf = (node: Node | null): (string | number)[] => {
    const path: (string | number)[] = [];
    for (let at = node; at && at.parent; at = at.parent) path.unshift(at.key);
    return path;
  };
  if (input === null || typeof input !== 'object') return null;
  const seen = new WeakSet<object>();
  const stack: Node[] = [{ value: input, key: '', parent: null, depth: 0 }];
  let visited = 0;
  while (stack.length > 0) {
    const node = stack.pop()!;
    // A shared reference (the same list given twice) is legitimate data; walked once, it also ends a cycle.
    if (seen.has(node.value)) continue;
    if (isForeignObject(node.value) || node.depth > WALK_DEPTH || ++visited > WALK_NODES) return pathOf(node);
    seen.add(node.value);
    // Object.keys, not an index loop: a sparse array of length 2³¹ has only the keys it holds.
    for (const key of Object.keys(node.value)) {
      const item = (node.value as Record<string, unknown>)[key];
      if (item !== null && typeof item === 'object') stack.push({ value: item, key: Array.isArray(node.value) ? Number(key) : key, parent: node, depth: node.depth + 1 });
    }
  }
  return null;
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

/** The class, the system code and where it was thrown; a message of a library may quote data, so it stays out. */
function faultOf(error: unknown): string {
  const code = String((error as { code?: unknown })?.code ?? '');
  const frames = error instanceof Error ? (error.stack ?? '').split('\n').filter((l) => l.trim().startsWith('at ')).slice(0, 4) : [];
  return [error instanceof Error ? error.name : typeof error, code, ...frames.map((f) => f.trim())].filter(Boolean).join(' | ');
}

/** Codes a user causes and reads about on screen; everything else is a fault worth an error line. */
const EXPECTED = new Set(['VALIDATION', 'FORBIDDEN', 'LOCKED', 'WRONG_CREDENTIALS', 'THROTTLED', 'WEAK_PASSPHRASE', 'SAME_PASSPHRASE', 'WRONG_RECOVERY_KEY', 'PASSPHRASE_CHANGE_REQUIRED']);

/**
 * Validate, authorise, run in one transaction with its audit event, and wrap the result. Pure: no
 * Electron, no HTTP. Errors never throw out of it; the caller gets `{ ok: false, error }`, and the log gets
 * the channel, the code and the correlation id the user sees, never the input.
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
      if (!isChannel(channel)) throw new AppError('UNKNOWN_CHANNEL', 'no such channel', { channel: channel.slice(0, 64) });
      const spec = contract[channel];
      core.checkIdle();
      // No input at all is an empty object; anything else (null included) is judged by the contract as it came.
      const input = rawInput === undefined ? {} : rawInput;
      const foreign = foreignObjectAt(input);
      if (foreign) {
        throw new AppError('VALIDATION', 'input does not match the contract', { issues: [{ path: foreign.join('.'), code: 'invalid_type', expected: 'object' } satisfies FieldIssue] });
      }
      const parsed = spec.input.safeParse(input);
      if (!parsed.success) throw validationError(parsed.error, input);
      const unsafe = forbiddenAt(parsed.data);
      if (unsafe) {
        throw new AppError('VALIDATION', 'input does not match the contract', {
          issues: [{ path: unsafe.join('.'), code: 'invalid_format', format: 'regex', key: 'characters' } satisfies FieldIssue],
        });
      }
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
      const entry = { channel: isChannel(channel) ? channel : 'unknown', code: appError.code, correlationId };
      if (appError.code === 'INTERNAL') {
        // A message the app wrote itself, or the class and code of a system error: never the input.
        logger.error('call failed', { ...entry, fault: error instanceof AppError ? appError.message : faultOf(error) });
      } else if (!EXPECTED.has(appError.code)) logger.warn('call refused', entry);
      else logger.info('call refused', entry);
      return { ok: false, error: serializeError(appError, correlationId) };
    }
  };
}
