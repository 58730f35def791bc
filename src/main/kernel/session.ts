import { and, eq, isNull, sql } from 'drizzle-orm';
import type { AppStatus, LockInfo, SessionInfo } from '../../shared/domain/auth';
import { AppError } from '../../shared/errors';
import { checkPassphrase } from '../../shared/passphrase-policy';
import { permissionsOf, type Role } from '../../shared/permissions';
import * as schema from '../db/schema';
import type { AuditInput } from '../store/audit-chain';
import { backupStore, lastBackupOf, restoreStore, type BackupProgress, type BackupReport } from '../store/backup';
import { newUserKeys, publicOf } from '../store/keys';
import { isLegacy, openSeen, openSlot, readSlotFile, sealSeen, slotOfUser, slotsForLogin, type OpenedSlot, type SeenHead } from '../store/keyslots';
import { storePaths } from '../store/layout';
import { createStore, storeExists, unlockStore, unlockWithRecoveryKey, type Identity, type OpenStore, type StoreEnv, type Unlocked } from '../store/store';
import { wipe } from '../store/crypto';
import { certify, publicKeyOf, RECOVERY_SIGNER, ROOT, type Signer } from '../store/witness';
import { getSetting, IDLE_LOCK_DEFAULT, LOCK_WARNING_DEFAULT } from '../store/settings';
import { delayAfter, type AttemptLog } from './attempts';
import type { FileChooser } from './files';
import type { PdfPrinter } from './pdf';

export interface CoreDeps {
  storeDir: string;
  env: StoreEnv;
  attempts: AttemptLog;
  version: string;
  /** Absent where no browser engine is at hand (the CLI): PDF export then says so. */
  pdf?: PdfPrinter;
  /** Absent in the CLI, which takes paths as arguments. */
  files?: FileChooser;
  /** The app now works with the store in another folder (a restore opened it): Electron remembers it for the next start. */
  onStoreMoved?: (dir: string) => void;
}

/** Channels a user who must change the passphrase may still use. */
const ALLOWED_BEFORE_CHANGE = new Set(['session:status', 'session:lock', 'session:changePassphrase', 'session:activity']);

/** `field` is the input's path of the passphrase, so a form puts the reason under the box it was typed in. */
export function assertStrongPassphrase(passphrase: string, login: string | undefined, field: string): void {
  const problem = checkPassphrase(passphrase, login);
  if (problem) throw new AppError('WEAK_PASSPHRASE', problem, { problem, field });
}

/** The store's root key, when it has one (a store from before users had keys gets it at its first admin's unlock). */
function rootKeyOf(store: OpenStore): string | null {
  return publicKeyOf(store.db, ROOT);
}

/** The longest idle time of a session that may read victims' personal data, whatever the store's setting. */
export const PERSONAL_IDLE_LOCK_MINUTES = 5;

/**
 * The one place that knows whether the store is open and who is in. Holds the only reference to the
 * open store; locking signs the head, keeps it as what this user saw, closes the store and wipes the key.
 */
export class AppCore {
  private store: OpenStore | null = null;
  private current: SessionInfo | null = null;
  private who: Identity | null = null;
  /** The head this user saw at their last lock, as it was read at this unlock: the verifier checks it is still on the chain. */
  private seenAtUnlock: SeenHead | null = null;
  private seenMissing = false;
  private lastActivity = 0;
  private idleMinutes = IDLE_LOCK_DEFAULT;
  /** The store's idle-lock setting; a session that may read victims' personal data locks sooner (see `idleFor`). */
  private settingIdleMinutes = IDLE_LOCK_DEFAULT;
  private warningSeconds = LOCK_WARNING_DEFAULT;
  private lastLock: LockInfo | null = null;
  private readonly draftsKept = new Set<string>();
  private readonly lockListeners = new Set<(reason: string) => void>();
  /** The folder of the store this core opens: the one it started with, until a restore opens another. */
  private dir: string;

  constructor(readonly deps: CoreDeps) {
    this.dir = deps.storeDir;
  }

  get storeDir(): string {
    return this.dir;
  }

  get session(): SessionInfo | null {
    return this.current;
  }

  /** The signed-in user's signing key, to certify another user's key. */
  signer(): Signer {
    this.requireStore();
    return { userId: this.who!.userId, sign: this.who!.keys.sign };
  }

  /** What the verifier trusts: the root pinned in this user's slot and the head they saw last. */
  witness(): { root: string; anchors: { seq: number; hash: string; userId: string }[]; seenMissing: boolean } {
    this.requireStore();
    const who = this.who!;
    const anchors = this.seenAtUnlock && this.seenAtUnlock.seq > 0 ? [{ ...this.seenAtUnlock, userId: who.userId }] : [];
    return { root: who.root, anchors, seenMissing: this.seenMissing };
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
    const storeState = this.store ? 'unlocked' : storeExists(this.dir) ? 'locked' : 'absent';
    const left = this.store ? Math.max(0, Math.ceil((this.lastActivity + this.idleMinutes * 60_000 - this.now().getTime()) / 1000)) : null;
    return {
      storeState,
      session: this.current,
      idleLockMinutes: this.idleMinutes,
      lockWarningSeconds: this.warningSeconds,
      idleLockInSeconds: left,
      lastLock: this.store ? null : this.lastLock,
    };
  }

  /** A draft of unsaved edits was kept (one per record, however often): the lock screen says so. */
  noteDraftKept(key: string): void {
    this.draftsKept.add(key);
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

  setIdleMinutes(minutes: number, warningSeconds = this.warningSeconds): void {
    this.settingIdleMinutes = minutes;
    this.idleMinutes = this.idleFor(this.current);
    this.warningSeconds = warningSeconds;
  }

  /**
   * The idle lock of a session: the store's setting, but at most PERSONAL_IDLE_LOCK_MINUTES for one that may read
   * the personal data of a person who suffered from trafficking (security.md §2: five minutes on shared office PCs).
   */
  private idleFor(session: SessionInfo | null): number {
    return session?.permissions.includes('personal.read') ? Math.min(this.settingIdleMinutes, PERSONAL_IDLE_LOCK_MINUTES) : this.settingIdleMinutes;
  }

  audit(input: AuditInput): void {
    const store = this.requireStore();
    store.audit.append({ userId: this.current?.userId ?? null, workstation: this.deps.env.workstation }, input);
  }

  async setup(input: { login: string; displayName: string; passphrase: string }): Promise<{ recoveryKey: string; session: SessionInfo }> {
    if (storeExists(this.dir)) throw new AppError('STORE_EXISTS', 'a store already exists here');
    assertStrongPassphrase(input.passphrase, input.login, 'passphrase');
    const created = await createStore(this.dir, input, this.deps.env);
    this.begin(created.store, created.identity);
    return { recoveryKey: created.recoveryKey, session: this.current! };
  }

  /**
   * Counters are keyed by the user id the login belongs to, or one bucket for logins that match no one: nothing
   * typed (a passphrase typed into the login box included) lands on disk, not even hashed.
   */
  private throttleKey(kind: 'unlock' | 'recovery' | 'restore', login: string): string {
    if (kind !== 'unlock') return kind;
    let userId: string | null = null;
    try {
      userId = slotsForLogin(readSlotFile(storePaths(this.dir).slots), login)[0]?.userId ?? null;
    } catch {
      // No slot file to read (absent, damaged): the unlock itself will say so.
    }
    return `unlock:${userId ?? 'unknown'}`;
  }

  private assertNotThrottled(key: string): void {
    const state = this.deps.attempts.get(key);
    const wait = state.lastFailureAt + delayAfter(state.failures) - this.now().getTime();
    if (wait > 0) throw new AppError('THROTTLED', 'too many failed attempts', { retryAfterSeconds: Math.ceil(wait / 1000) });
  }

  private fail(key: string, kind: 'unlock' | 'recovery', userId: string | null, error: AppError): never {
    const account = /^unlock:(?!unknown$)(.+)$/.exec(key)?.[1] ?? null;
    const failure = { at: this.now().toISOString(), kind, userId, ...(account ? { accountId: account } : {}) };
    const state = this.deps.attempts.recordFailure(key, failure, this.now().getTime());
    const wait = delayAfter(state.failures);
    if (wait > 0) error.details.retryAfterSeconds = Math.ceil(wait / 1000);
    throw error;
  }

  /** Runs one passphrase attempt under the throttle: counted when wrong, cleared when right. */
  private async attempt<T>(kind: 'unlock' | 'recovery' | 'restore', login: string, wrongCode: string, tryIt: () => Promise<T>): Promise<T> {
    const key = this.throttleKey(kind, login);
    this.assertNotThrottled(key);
    try {
      const result = await tryIt();
      this.deps.attempts.reset(key);
      return result;
    } catch (error) {
      if (error instanceof AppError && error.code === wrongCode) this.fail(key, kind === 'recovery' ? 'recovery' : 'unlock', null, error);
      throw error;
    }
  }

  async unlock(login: string, passphrase: string): Promise<SessionInfo> {
    if (this.store) this.lock('switch-user');
    if (!storeExists(this.dir)) throw new AppError('STORE_NOT_FOUND', 'no store in this location');
    const unlocked = await this.attempt('unlock', login, 'WRONG_CREDENTIALS', () => unlockStore(this.dir, login, passphrase, this.deps.env)).catch((error: unknown) => {
      // A damaged store is not a wrong passphrase: the message names the backup to restore, when one is known.
      if (error instanceof AppError && error.code === 'STORE_CORRUPT') {
        const last = lastBackupOf(this.dir);
        if (last) error.details.lastBackup = last;
      }
      throw error;
    });
    const { store, opened } = unlocked;
    const user = store.orm.select().from(schema.users).where(eq(schema.users.id, opened.slot.userId!)).get();
    if (!user || user.removedAt) {
      store.db.transaction(() =>
        store.audit.append({ userId: opened.slot.userId, workstation: this.deps.env.workstation }, { action: 'auth.unlock_denied', entity: 'user', entityId: opened.slot.userId, details: { reason: 'removed' } }),
      )();
      store.close();
      this.fail(this.throttleKey('unlock', login), 'unlock', opened.slot.userId, new AppError('WRONG_CREDENTIALS', 'login or passphrase is wrong'));
    }
    try {
      const identity = await this.identityOf(store, opened, passphrase, (user.roles as Role[]).includes('admin'));
      this.begin(store, identity, { mustChange: opened.slot.mustChange, unlocked });
    } catch (error) {
      if (this.store !== store) store.close();
      throw error;
    }
    return this.current!;
  }

  /**
   * The user's keys. A slot from before users had keys gets them now: a new slot under the same passphrase,
   * its key certified by itself (the first admin's becomes the root; anyone else's waits for an admin's
   * certificate, and the verifier says so until then).
   */
  private async identityOf(store: OpenStore, opened: OpenedSlot, secret: string, isAdmin: boolean): Promise<Identity> {
    const userId = opened.slot.userId!;
    if (opened.keys && opened.root) return { userId, keys: opened.keys, root: opened.root };
    const keys = opened.keys ?? newUserKeys();
    const existingRoot = rootKeyOf(store);
    const becomesRoot = !existingRoot && isAdmin;
    // A member upgraded before any admin pins no root yet; it is pinned at a later unlock, once the first admin made one.
    const root = existingRoot ?? (becomesRoot ? publicOf(keys.sign) : '');
    if (opened.keys && !root) return { userId, keys, root };
    const made = await store.newSlot(secret, { kind: opened.slot.kind, login: opened.slot.login, userId, mustChange: opened.slot.mustChange }, keys, root);
    const seen = opened.keys ? openSeen(opened.keys, opened.slot) : null;
    const slot = seen ? sealSeen(keys, made, seen) : made;
    const actor = { userId, workstation: this.deps.env.workstation };
    store.commitSlots(
      (slots) => slots.map((s) => (s.id === opened.slot.id ? slot : s)),
      () => {
        let certificate: string | null = null;
        if (!opened.keys) {
          const own = { userId: becomesRoot ? ROOT : userId, sign: keys.sign };
          // The first admin's key becomes the root; anyone else's vouches for itself until an admin certifies it.
          if (becomesRoot) certify(store.db, store.storeId, own, { userId: ROOT, publicKey: publicOf(keys.sign), mayCertify: true }, this.now());
          certificate = certify(store.db, store.storeId, own, { userId, publicKey: publicOf(keys.sign), mayCertify: becomesRoot }, this.now());
        }
        store.audit.append(actor, { action: 'keyslots.upgraded', entity: 'user', entityId: userId, details: { root: becomesRoot, ...(certificate ? { certificate } : {}) } });
      },
    );
    return { userId, keys, root };
  }

  private begin(store: OpenStore, identity: Identity, options: { mustChange?: boolean; unlocked?: Unlocked } = {}): void {
    const userId = identity.userId;
    const mustChange = options.mustChange ?? false;
    this.store = store;
    this.who = identity;
    const seen = options.unlocked?.seen ?? null;
    this.seenAtUnlock = seen;
    // Every slot with keys holds a sealed "seen" from the day it was made: none (or one that does not open) was removed.
    this.seenMissing = options.unlocked?.opened.keys != null && seen === null;
    store.audit.setSigner({ userId, sign: identity.keys.sign });
    const now = this.now().toISOString();
    const actor = { userId, workstation: this.deps.env.workstation };
    const pending = this.deps.attempts.takePending();
    this.reconcileSlots(store, actor);
    store.db.transaction(() => {
      for (const failure of pending) {
        store.audit.append(
          { userId: failure.userId, workstation: this.deps.env.workstation },
          {
            action: failure.kind === 'unlock' ? 'auth.unlock_failed' : 'auth.recovery_failed',
            // Written at this unlock, so the event's own time is not the attempt's: the attempt keeps its own.
            ...(failure.accountId ? { entity: 'user', entityId: failure.accountId } : {}),
            details: { attemptedAt: failure.at },
          },
        );
      }
      store.orm.update(schema.users).set({ lastUnlockAt: now, mustChangePassphrase: mustChange }).where(eq(schema.users.id, userId)).run();
      if (options.unlocked?.settled) store.audit.append(actor, { action: 'keyslots.settled', details: { generation: store.slots.generation } });
      // What this user can judge at once: their own key as the store holds it, and the head they saw last.
      if (publicKeyOf(store.db, userId) !== publicOf(identity.keys.sign)) store.audit.append(actor, { action: 'audit.key_mismatch', entity: 'user', entityId: userId });
      if (seen && seen.seq > 0 && store.audit.hashAt(seen.seq) !== seen.hash) store.audit.append(actor, { action: 'audit.seen_missing', details: { seq: seen.seq } });
      if (this.seenMissing) store.audit.append(actor, { action: 'audit.seen_missing', details: { seq: -1 } });
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
    this.settingIdleMinutes = getSetting(store.db, 'idleLockMinutes');
    this.idleMinutes = this.idleFor(this.current);
    this.warningSeconds = getSetting(store.db, 'lockWarningSeconds');
    this.lastLock = null;
    this.draftsKept.clear();
    this.touch();
  }

  /** A user slot with no active user (left by a crash before slot changes were ordered, or planted) is dropped and audited. */
  private reconcileSlots(store: OpenStore, actor: { userId: string; workstation: string }): void {
    const active = new Set(store.orm.select({ id: schema.users.id }).from(schema.users).where(isNull(schema.users.removedAt)).all().map((u) => u.id));
    const orphans = store.slots.slots.filter((s) => s.kind === 'user' && (!s.userId || !active.has(s.userId)));
    if (orphans.length === 0) return;
    const gone = new Set(orphans.map((o) => o.id));
    store.commitSlots(
      (slots) => slots.filter((s) => !gone.has(s.id)),
      () => {
        for (const orphan of orphans) store.audit.append(actor, { action: 'keyslots.orphan_removed', entity: 'user', entityId: orphan.userId, details: { slotId: orphan.id } });
      },
    );
  }

  /** Refreshes roles after an admin changed them for the signed-in user. */
  refreshSession(): void {
    if (!this.store || !this.current) return;
    const user = this.store.orm.select().from(schema.users).where(eq(schema.users.id, this.current.userId)).get();
    if (!user) return;
    const roles = user.roles as Role[];
    this.current = { ...this.current, roles, permissions: permissionsOf(roles), displayName: user.displayName };
    this.idleMinutes = this.idleFor(this.current);
  }

  lock(reason: string = 'manual'): void {
    const store = this.store;
    if (!store) return;
    const who = this.who;
    try {
      store.db.transaction(() => {
        store.audit.append({ userId: this.current?.userId ?? null, workstation: this.deps.env.workstation }, { action: 'auth.lock', details: { reason } });
        store.audit.signHead();
      })();
      // What this user saw last, kept where only they can write it: a later cut below it is caught at their next
      // unlock. Best effort: a lock must lock even when the slot file cannot be written (a full disk, a busy store).
      if (who) {
        try {
          store.recordSeen(who, store.audit.head());
        } catch {
          // The previous "seen" stays; the head just signed is in the database either way.
        }
      }
    } finally {
      this.lastLock = { reason, at: this.now().toISOString(), draftsKept: this.draftsKept.size };
      this.draftsKept.clear();
      store.audit.setSigner(null);
      this.store = null;
      this.current = null;
      this.who = null;
      this.seenAtUnlock = null;
      this.seenMissing = false;
      store.close();
      for (const listener of this.lockListeners) listener(reason);
    }
  }

  async changePassphrase(currentPassphrase: string, next: string): Promise<SessionInfo> {
    const store = this.requireStore();
    const session = this.current!;
    const who = this.who!;
    const slot = slotOfUser(store.slots, session.userId);
    if (!slot) throw new AppError('WRONG_CREDENTIALS', 'no key slot for this user');
    const key = this.throttleKey('unlock', session.login);
    this.assertNotThrottled(key);
    const check = await openSlot(store.slots, slot, currentPassphrase);
    this.assertStillOpen(store);
    if (!check) this.fail(key, 'unlock', session.userId, new AppError('WRONG_CREDENTIALS', 'the current passphrase is wrong', { field: 'current' }));
    wipe(check.dek);
    if (currentPassphrase === next) throw new AppError('SAME_PASSPHRASE', 'the new passphrase equals the current one', { field: 'next' });
    assertStrongPassphrase(next, session.login, 'next');
    const made = await store.newSlot(next, { kind: 'user', login: slot.login, userId: slot.userId, mustChange: false }, who.keys, who.root);
    this.assertStillOpen(store);
    const seen = openSeen(who.keys, slot);
    const replacement = seen ? sealSeen(who.keys, made, seen) : made;
    store.commitSlots(
      (slots) => {
        // The user's slot as it is on disk now, by user id: if another process replaced it meanwhile, nothing is acknowledged.
        if (!slots.some((s) => s.id === slot.id)) throw new AppError('STORE_BUSY', 'the key slot was changed meanwhile');
        return slots.map((s) => (s.id === slot.id ? replacement : s));
      },
      () => {
        store.orm.update(schema.users).set({ mustChangePassphrase: false }).where(eq(schema.users.id, session.userId)).run();
        store.audit.append({ userId: session.userId, workstation: this.deps.env.workstation }, { action: 'auth.passphrase_changed', entity: 'user', entityId: session.userId });
      },
    );
    this.current = { ...session, mustChangePassphrase: false };
    return this.current;
  }

  async recover(recoveryKey: string, login: string, newPassphrase: string): Promise<SessionInfo> {
    if (this.store) this.lock('switch-user');
    if (!storeExists(this.dir)) throw new AppError('STORE_NOT_FOUND', 'no store in this location');
    const { store, opened } = await this.attempt('recovery', '*', 'WRONG_RECOVERY_KEY', () => unlockWithRecoveryKey(this.dir, recoveryKey, this.deps.env));
    try {
      const user = store.orm
        .select()
        .from(schema.users)
        .where(and(sql`lower(${schema.users.login}) = lower(${login})`, isNull(schema.users.removedAt)))
        .get();
      if (!user || !(user.roles as Role[]).includes('admin')) throw new AppError('NOT_AN_ADMIN', 'the recovery key resets only an admin');
      assertStrongPassphrase(newPassphrase, user.login, 'newPassphrase');
      // The admin's old private key was sealed under the forgotten passphrase: a new one, vouched for by the recovery slot.
      const keys = newUserKeys();
      const root = opened.root ?? rootKeyOf(store) ?? publicOf(keys.sign);
      const issuer: Signer = opened.keys && !isLegacy(opened.slot) ? { userId: RECOVERY_SIGNER, sign: opened.keys.sign } : { userId: user.id, sign: keys.sign };
      const replacement = await store.newSlot(newPassphrase, { kind: 'user', login: user.login, userId: user.id, mustChange: false }, keys, root);
      store.commitSlots((slots) => [...slots.filter((s) => s.userId !== user.id), replacement], () => {
        const certificate = certify(store.db, store.storeId, issuer, { userId: user.id, publicKey: publicOf(keys.sign), mayCertify: true }, this.now());
        store.audit.append({ userId: user.id, workstation: this.deps.env.workstation }, { action: 'auth.recovery_used', entity: 'user', entityId: user.id, details: { certificate } });
      });
      this.begin(store, { userId: user.id, keys, root });
      return this.current!;
    } catch (error) {
      if (this.store !== store) store.close();
      throw error;
    }
  }

  /**
   * A verified, encrypted copy of the open store; the head it carries is signed by the user who made it. A lock
   * while the copy is made abandons it (the partial file is removed): what was not audited was not made.
   */
  async backup(outFile: string, progress: BackupProgress = () => undefined): Promise<BackupReport> {
    const store = this.requireStore();
    store.db.transaction(() => store.audit.signHead())();
    const report = await backupStore(store, outFile, (phase, done, total) => {
      this.assertStillOpen(store);
      progress(phase, done, total);
    });
    store.db.transaction(() => this.audit({ action: 'store.backup', details: { bytes: report.bytes, schemaVersion: report.schemaVersion, headSeq: report.head.seq } }))();
    return report;
  }

  /**
   * Restores a backup into an empty folder (this core's own when none is given): the passphrase is tried under
   * the same throttle as an unlock.
   */
  async restore(file: string, login: string, passphrase: string, into: string = this.dir): Promise<{ events: number }> {
    if (this.store) this.lock('switch-user');
    const store = await this.attempt('restore', login, 'WRONG_CREDENTIALS', () => restoreStore(file, into, login, passphrase, this.deps.env));
    const events = store.audit.head().seq;
    store.close();
    return { events };
  }

  /** From now on this core opens the store in `dir` (a restored one); only while locked. */
  useStore(dir: string): void {
    if (this.store) this.lock('switch-user');
    if (!storeExists(dir)) throw new AppError('STORE_NOT_FOUND', 'no store in this location');
    this.dir = dir;
    this.lastLock = null;
    this.deps.onStoreMoved?.(dir);
  }

  /** For shutdown. */
  close(): void {
    this.lock('shutdown');
  }
}
