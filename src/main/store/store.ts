import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { AppError } from '../../shared/errors';
import type { Role } from '../../shared/permissions';
import * as schema from '../db/schema';
import { AuditChain } from './audit-chain';
import { openEncrypted, type Db } from './connection';
import { newRecoveryKey, normalizeRecoveryKey, subkey, wipe, type KdfParams } from './crypto';
import {
  findUserSlot,
  makeSlot,
  newSlotFile,
  readSlotFile,
  recoverySlot,
  unwrapSlot,
  verifySlotFile,
  writeSlotFile,
  type Slot,
  type SlotFile,
} from './keyslots';
import { storePaths } from './layout';
import { migrate, type MigrationOutcome } from './migrations';

export type Orm = BetterSQLite3Database<typeof schema>;

export interface StoreEnv {
  migrationsFolder: string;
  /** Default records of a new store, written in the set-up transaction. */
  seed?: (store: OpenStore, actor: { userId: string; workstation: string }) => void;
  kdf: KdfParams;
  clock: () => Date;
  workstation: string;
}

/** An unlocked store: the only holder of the data key in the process. */
export class OpenStore {
  readonly orm: Orm;
  readonly audit: AuditChain;
  private closed = false;

  constructor(
    readonly dir: string,
    readonly db: Db,
    private dek: Buffer,
    public slots: SlotFile,
    readonly migration: MigrationOutcome,
    readonly env: StoreEnv,
  ) {
    this.orm = drizzle(db, { schema });
    this.audit = new AuditChain(db, subkey(dek, 'audit'), env.clock);
  }

  get paths() {
    return storePaths(this.dir);
  }

  /** Wraps the data key for a new secret; the caller decides when to save. */
  async newSlot(secret: string, fields: Parameters<typeof makeSlot>[3]): Promise<Slot> {
    return makeSlot(this.slots, this.dek, secret, fields, this.env.kdf, this.env.clock());
  }

  saveSlots(slots: Slot[]): void {
    const next = { ...this.slots, slots };
    writeSlotFile(this.paths.slots, next, this.dek);
    this.slots = next;
  }

  /** The raw key, for backup verification; never leaves the main process. */
  keyForCopy(): Buffer {
    return Buffer.from(this.dek);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      this.db.close();
    } finally {
      wipe(this.dek);
    }
  }

  get isClosed(): boolean {
    return this.closed;
  }
}

export function storeExists(dir: string): boolean {
  const paths = storePaths(dir);
  return existsSync(paths.slots) || existsSync(paths.db);
}

function isEmptyOrMissing(dir: string): boolean {
  return !existsSync(dir) || readdirSync(dir).length === 0;
}

function openDatabase(dir: string, dek: Buffer, slots: SlotFile, env: StoreEnv): OpenStore {
  const paths = storePaths(dir);
  const db = openEncrypted(paths.db, dek);
  try {
    const migration = migrate(db, {
      migrationsFolder: env.migrationsFolder,
      dbPath: paths.db,
      backupDir: paths.premigration,
      now: env.clock(),
    });
    return new OpenStore(dir, db, dek, slots, migration, env);
  } catch (error) {
    db.close();
    throw error;
  }
}

export interface CreatedStore {
  store: OpenStore;
  adminId: string;
  recoveryKey: string;
}

/** Creates the directory, the database, the first admin and the recovery slot. Never touches an existing store. */
export async function createStore(
  dir: string,
  admin: { login: string; displayName: string; passphrase: string },
  env: StoreEnv,
): Promise<CreatedStore> {
  if (!isEmptyOrMissing(dir)) {
    throw new AppError('STORE_EXISTS', 'the directory is not empty', { dir });
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const paths = storePaths(dir);
  const dek = randomBytes(32);
  const storeId = randomUUID();
  const recoveryKey = newRecoveryKey();
  let store: OpenStore | null = null;
  try {
    const slotFile = newSlotFile(storeId);
    const adminId = randomUUID();
    const adminSlot = await makeSlot(slotFile, dek, admin.passphrase, { kind: 'user', login: admin.login, userId: adminId, mustChange: false }, env.kdf, env.clock());
    const rescue = await makeSlot(slotFile, dek, recoveryKey, { kind: 'recovery', login: null, userId: null, mustChange: false }, env.kdf, env.clock());
    const db = openEncrypted(paths.db, dek, { fileMustExist: false });
    const migration = migrate(db, { migrationsFolder: env.migrationsFolder, dbPath: paths.db, backupDir: paths.premigration, now: env.clock() });
    store = new OpenStore(dir, db, dek, slotFile, migration, env);
    const created = store;
    const now = env.clock().toISOString();
    const actor = { userId: adminId, workstation: env.workstation };
    db.transaction(() => {
      created.orm.insert(schema.settings).values({ key: 'storeId', value: storeId, updatedAt: now }).run();
      created.orm
        .insert(schema.users)
        .values({ id: adminId, login: admin.login, displayName: admin.displayName, roles: ['admin'] satisfies Role[], createdAt: now, lastUnlockAt: now })
        .run();
      created.audit.append(actor, { action: 'store.created', entity: 'store', entityId: storeId, details: { schemaVersion: migration.schemaVersion } });
      created.audit.append(actor, { action: 'user.created', entity: 'user', entityId: adminId, details: { roles: ['admin'] } });
      created.audit.append(actor, { action: 'recovery.created', entity: 'store', entityId: storeId });
      env.seed?.(created, actor);
      // Inside the transaction: if the slot file cannot be written, the rows roll back with it.
      created.saveSlots([adminSlot, rescue]);
    })();
    return { store: created, adminId, recoveryKey };
  } catch (error) {
    store?.close();
    if (!store) wipe(dek);
    rmSync(paths.db, { force: true });
    rmSync(paths.wal, { force: true });
    rmSync(paths.shm, { force: true });
    rmSync(paths.slots, { force: true });
    throw error;
  }
}

export interface Unlocked {
  store: OpenStore;
  slot: Slot;
}

/**
 * Tries the passphrase against the login's slot. On failure nothing on disk is written or even opened
 * for writing; a login with no slot costs the same KDF time so that timing does not reveal which logins exist.
 */
export async function unlockStore(dir: string, login: string, passphrase: string, env: StoreEnv): Promise<Unlocked> {
  const file = readSlotFile(storePaths(dir).slots);
  const slot = findUserSlot(file, login);
  if (!slot) {
    await unwrapSlot(file, { ...file.slots[0]!, salt: randomBytes(16).toString('base64') }, passphrase).catch(() => null);
    throw new AppError('WRONG_CREDENTIALS', 'login or passphrase is wrong');
  }
  const dek = await unwrapSlot(file, slot, passphrase);
  if (!dek) throw new AppError('WRONG_CREDENTIALS', 'login or passphrase is wrong');
  try {
    verifySlotFile(file, dek);
  } catch (error) {
    wipe(dek);
    throw error;
  }
  return { store: openDatabase(dir, dek, file, env), slot };
}

export async function unlockWithRecoveryKey(dir: string, recoveryKey: string, env: StoreEnv): Promise<OpenStore> {
  const file = readSlotFile(storePaths(dir).slots);
  const slot = recoverySlot(file);
  if (!slot) throw new AppError('WRONG_RECOVERY_KEY', 'this store has no recovery slot');
  const dek = await unwrapSlot(file, slot, normalizeRecoveryKey(recoveryKey));
  if (!dek) throw new AppError('WRONG_RECOVERY_KEY', 'the recovery key does not open this store');
  try {
    verifySlotFile(file, dek);
  } catch (error) {
    wipe(dek);
    throw error;
  }
  return openDatabase(dir, dek, file, env);
}
