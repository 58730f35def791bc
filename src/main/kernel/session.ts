import { eq } from 'drizzle-orm';
import type { AppStatus, SessionInfo } from '../../shared/domain/auth';
import { AppError } from '../../shared/errors';
import { checkPassphrase } from '../../shared/passphrase-policy';
import { permissionsOf, type Role } from '../../shared/permissions';
import * as schema from '../db/schema';
import type { AuditInput } from '../store/audit-chain';
import { findUserSlot, unwrapSlot } from '../store/keyslots';
import { createStore, storeExists, unlockStore, unlockWithRecoveryKey, type OpenStore, type StoreEnv } from '../store/store';
import { wipe } from '../store/crypto';
import { getSetting, IDLE_LOCK_DEFAULT } from '../store/settings';
import { delayAfter, type AttemptLog } from './attempts';
import type { PdfPrinter } from './pdf';

export interface CoreDeps {
  storeDir: string;
  env: StoreEnv;
  attempts: AttemptLog;
  version: string;
  /** Absent where no browser engine is at hand (the CLI): PDF export then says so. */
  pdf?: PdfPrinter;
}

/** Channels a user who must change the passphrase may still use. */
const ALLOWED_BEFORE_CHANGE = new Set(['session:status', 'session:lock', 'session:changePassphrase', 'session:activity']);

/** `field` is the input's path of the passphrase, so a form puts the reason under the box it was typed in. */
export function assertStrongPassphrase(passphrase: string, login: string | undefined, field: string): void {
  const problem = checkPassphrase(passphrase, login);
  if (problem) throw new AppError('WEAK_PASSPHRASE', problem, { problem, field });
}

/**
 * The one place that knows whether the store is open and who is in. Holds the only reference to the
 * open store; locking closes it and wipes the key.
 */
export class AppCore {
  private store: OpenStore | null = null;
  private current: SessionInfo | null = null;
  private lastActivity = 0;
  private idleMinutes = IDLE_LOCK_DEFAULT;
  private readonly lockListeners = new Set<(reason: string) => void>();

  constructor(readonly deps: CoreDeps) {}

  get storeDir(): string {
    return this.deps.storeDir;
  }

  get session(): SessionInfo | null {
    return this.current;
  }

  onLock(listener: (reason: string) => void): () => void {
    this.lockListeners.add(listener);
    return () => this.lockListeners.delete(listener);
  }

  private now(): Date {
    return this.deps.env.clock();
  }

  status(): AppStatus {
    this.checkIdle();
    const storeState = this.store ? 'unlocked' : storeExists(this.deps.storeDir) ? 'locked' : 'absent';
    return { storeState, session: this.current, idleLockMinutes: this.idleMinutes };
  }

  /** After an await (a key derivation) the store may have been locked meanwhile: the work then stops as LOCKED. */
  assertStillOpen(store: OpenStore): void {
    if (this.store !== store) throw new AppError('LOCKED', 'the store was locked meanwhile');
  }

  requireStore(): OpenStore {
    this.checkIdle();
    if (!this.store || !this.current) throw new AppError('LOCKED', 'the store is locked');
    return this.store;
  }

  /** Throws unless the session may use a channel at all: locked, or a passphrase change pending. */
  requireSession(channel: string): SessionInfo {
    this.requireStore();
    const session = this.current!;
    if (session.mustChangePassphrase && !ALLOWED_BEFORE_CHANGE.has(channel)) {
      throw new AppError('PASSPHRASE_CHANGE_REQUIRED', 'change the initial passphrase first');
    }
    return session;
  }

  touch(): void {
    this.lastActivity = this.now().getTime();
  }

  /** Locks when the user has been idle longer than the store's setting. Returns true if it locked. */
  checkIdle(): boolean {
    if (!this.store) return false;
    if (this.now().getTime() - this.lastActivity >= this.idleMinutes * 60_000) {
      this.lock('idle');
      return true;
    }
    return false;
  }

  setIdleMinutes(minutes: number): void {
    this.idleMinutes = minutes;
  }

  audit(input: AuditInput): void {
    const store = this.requireStore();
    store.audit.append({ userId: this.current?.userId ?? null, workstation: this.deps.env.workstation }, input);
  }

  async setup(input: { login: string; displayName: string; passphrase: string }): Promise<{ recoveryKey: string; session: SessionInfo }> {
    if (storeExists(this.deps.storeDir)) throw new AppError('STORE_EXISTS', 'a store already exists here');
    assertStrongPassphrase(input.passphrase, input.login, 'passphrase');
    const created = await createStore(this.deps.storeDir, input, this.deps.env);
    this.begin(created.store, created.adminId);
    return { recoveryKey: created.recoveryKey, session: this.current! };
  }

  private throttleKey(kind: 'unlock' | 'recovery', login: string): string {
    return `${kind}:${login.normalize('NFC').toLowerCase()}`;
  }

  private assertNotThrottled(key: string): void {
    const state = this.deps.attempts.get(key);
    const wait = state.lastFailureAt + delayAfter(state.failures) - this.now().getTime();
    if (wait > 0) throw new AppError('THROTTLED', 'too many failed attempts', { retryAfterSeconds: Math.ceil(wait / 1000) });
  }

  private fail(key: string, kind: 'unlock' | 'recovery', userId: string | null, error: AppError): never {
    const state = this.deps.attempts.recordFailure(key, { at: this.now().toISOString(), kind, userId }, this.now().getTime());
    const wait = delayAfter(state.failures);
    if (wait > 0) error.details.retryAfterSeconds = Math.ceil(wait / 1000);
    throw error;
  }

  async unlock(login: string, passphrase: string): Promise<SessionInfo> {
    if (this.store) this.lock('switch-user');
    if (!storeExists(this.deps.storeDir)) throw new AppError('STORE_NOT_FOUND', 'no store in this location');
    const key = this.throttleKey('unlock', login);
    this.assertNotThrottled(key);
    let unlocked;
    try {
      unlocked = await unlockStore(this.deps.storeDir, login, passphrase, this.deps.env);
    } catch (error) {
      if (error instanceof AppError && error.code === 'WRONG_CREDENTIALS') this.fail(key, 'unlock', null, error);
      throw error;
    }
    const { store, slot } = unlocked;
    const user = store.orm.select().from(schema.users).where(eq(schema.users.id, slot.userId!)).get();
    if (!user || user.removedAt) {
      store.db.transaction(() =>
        store.audit.append({ userId: slot.userId, workstation: this.deps.env.workstation }, { action: 'auth.unlock_denied', entity: 'user', entityId: slot.userId, details: { reason: 'removed' } }),
      )();
      store.close();
      this.fail(key, 'unlock', slot.userId, new AppError('WRONG_CREDENTIALS', 'login or passphrase is wrong'));
    }
    this.deps.attempts.reset(key);
    this.begin(store, user.id, slot.mustChange);
    return this.current!;
  }

  private begin(store: OpenStore, userId: string, mustChange = false): void {
    this.store = store;
    const now = this.now().toISOString();
    const actor = { userId, workstation: this.deps.env.workstation };
    const pending = this.deps.attempts.takePending();
    store.db.transaction(() => {
      for (const failure of pending) {
        store.audit.append(
          { userId: failure.userId, workstation: this.deps.env.workstation },
          { action: failure.kind === 'unlock' ? 'auth.unlock_failed' : 'auth.recovery_failed', details: { attemptedAt: failure.at } },
        );
      }
      store.orm.update(schema.users).set({ lastUnlockAt: now, mustChangePassphrase: mustChange }).where(eq(schema.users.id, userId)).run();
      store.audit.append(actor, { action: 'auth.unlock', entity: 'user', entityId: userId });
    })();
    const user = store.orm.select().from(schema.users).where(eq(schema.users.id, userId)).get()!;
    const roles = user.roles as Role[];
    this.current = {
      userId,
      login: user.login,
      displayName: user.displayName,
      roles,
      permissions: permissionsOf(roles),
      mustChangePassphrase: mustChange,
      unlockedAt: now,
    };
    this.idleMinutes = getSetting(store.db, 'idleLockMinutes');
    this.touch();
  }

  /** Refreshes roles after an admin changed them for the signed-in user. */
  refreshSession(): void {
    if (!this.store || !this.current) return;
    const user = this.store.orm.select().from(schema.users).where(eq(schema.users.id, this.current.userId)).get();
    if (!user) return;
    const roles = user.roles as Role[];
    this.current = { ...this.current, roles, permissions: permissionsOf(roles), displayName: user.displayName };
  }

  lock(reason: string = 'manual'): void {
    const store = this.store;
    if (!store) return;
    try {
      store.db.transaction(() => store.audit.append({ userId: this.current?.userId ?? null, workstation: this.deps.env.workstation }, { action: 'auth.lock', details: { reason } }))();
    } finally {
      this.store = null;
      this.current = null;
      store.close();
      for (const listener of this.lockListeners) listener(reason);
    }
  }

  async changePassphrase(currentPassphrase: string, next: string): Promise<SessionInfo> {
    const store = this.requireStore();
    const session = this.current!;
    const slot = findUserSlot(store.slots, session.login);
    if (!slot) throw new AppError('WRONG_CREDENTIALS', 'no key slot for this user');
    const key = this.throttleKey('unlock', session.login);
    this.assertNotThrottled(key);
    const check = await unwrapSlot(store.slots, slot, currentPassphrase);
    this.assertStillOpen(store);
    if (!check) this.fail(key, 'unlock', session.userId, new AppError('WRONG_CREDENTIALS', 'the current passphrase is wrong', { field: 'current' }));
    wipe(check);
    if (currentPassphrase === next) throw new AppError('SAME_PASSPHRASE', 'the new passphrase equals the current one', { field: 'next' });
    assertStrongPassphrase(next, session.login, 'next');
    const replacement = await store.newSlot(next, { kind: 'user', login: slot.login, userId: slot.userId, mustChange: false });
    this.assertStillOpen(store);
    store.db.transaction(() => {
      store.orm.update(schema.users).set({ mustChangePassphrase: false }).where(eq(schema.users.id, session.userId)).run();
      store.audit.append({ userId: session.userId, workstation: this.deps.env.workstation }, { action: 'auth.passphrase_changed', entity: 'user', entityId: session.userId });
      store.saveSlots(store.slots.slots.map((s) => (s.id === slot.id ? replacement : s)));
    })();
    this.current = { ...session, mustChangePassphrase: false };
    return this.current;
  }

  async recover(recoveryKey: string, login: string, newPassphrase: string): Promise<SessionInfo> {
    if (this.store) this.lock('switch-user');
    if (!storeExists(this.deps.storeDir)) throw new AppError('STORE_NOT_FOUND', 'no store in this location');
    const key = this.throttleKey('recovery', '*');
    this.assertNotThrottled(key);
    let store: OpenStore;
    try {
      store = await unlockWithRecoveryKey(this.deps.storeDir, recoveryKey, this.deps.env);
    } catch (error) {
      if (error instanceof AppError && error.code === 'WRONG_RECOVERY_KEY') this.fail(key, 'recovery', null, error);
      throw error;
    }
    try {
      const user = store.orm
        .select()
        .from(schema.users)
        .all()
        .find((u) => !u.removedAt && u.login.toLowerCase() === login.toLowerCase());
      if (!user || !(user.roles as Role[]).includes('admin')) throw new AppError('NOT_AN_ADMIN', 'the recovery key resets only an admin');
      assertStrongPassphrase(newPassphrase, user.login, 'newPassphrase');
      const replacement = await store.newSlot(newPassphrase, { kind: 'user', login: user.login, userId: user.id, mustChange: false });
      store.db.transaction(() => {
        store.audit.append({ userId: user.id, workstation: this.deps.env.workstation }, { action: 'auth.recovery_used', entity: 'user', entityId: user.id });
        store.saveSlots([...store.slots.slots.filter((s) => s.userId !== user.id), replacement]);
      })();
      this.deps.attempts.reset(key);
      this.begin(store, user.id);
      return this.current!;
    } catch (error) {
      if (this.store !== store) store.close();
      throw error;
    }
  }

  /** For shutdown. */
  close(): void {
    this.lock('shutdown');
  }
}
