import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { AppError } from '../../shared/errors';
import type { Role } from '../../shared/permissions';
import * as schema from '../db/schema';
import { AuditChain } from './audit-chain';
import { openEncrypted, rekeyFile, tryOpenEncrypted, type Db } from './connection';
import { newRecoveryKey, normalizeRecoveryKey, subkey, wipe, type KdfParams } from './crypto';
import { fsyncDir, restrictStoreFiles } from './files';
import { newUserKeys, publicOf, type UserKeys } from './keys';
import {
  isLegacy,
  makeSlot,
  newSlotFile,
  openSeen,
  openSlot,
  parseSlotFile,
  readSlotFile,
  reboxSlots,
  recoverySlot,
  sealSeen,
  sealSlotFile,
  slotFileHolds,
  slotsForLogin,
  writeSlotFile,
  type AnySlot,
  type OpenedSlot,
  type SeenHead,
  type Slot,
  type SlotFields,
  type SlotFile,
} from './keyslots';
import { crashPoint } from './crash-points';
import { storePaths } from './layout';
import { migrate, type MigrationOutcome } from './migrations';
import { getSetting, putSetting } from './settings';
import { certify, RECOVERY_SIGNER, ROOT } from './witness';

export type Orm = BetterSQLite3Database<typeof schema>;

export interface StoreEnv {
  migrationsFolder: string;
  /** Default records of a new store, written in the set-up transaction. */
  seed?: (store: OpenStore, actor: { userId: string; workstation: string }) => void;
  kdf: KdfParams;
  clock: () => Date;
  workstation: string;
}

/** Who holds the store open: their keys sign heads and certify others; `root` is the key pinned in their slot. */
export interface Identity {
  userId: string;
  slotId: string;
  keys: UserKeys;
  root: string;
}

/** An unlocked store: the only holder of the data key in the process. */
export class OpenStore {
  private connection: Db;
  private ormFor: Orm;
  readonly audit: AuditChain;
  private closed = false;

  constructor(
    readonly dir: string,
    db: Db,
    private dek: Buffer,
    public slots: SlotFile,
    readonly migration: MigrationOutcome,
    readonly env: StoreEnv,
  ) {
    this.connection = db;
    this.ormFor = drizzle(db, { schema });
    // The chain reads the connection through the store: a rotation swaps it. Its MAC key is kept in the
    // database, not derived from the data key at each open, so that events stay verifiable across rotations.
    this.audit = new AuditChain(() => this.connection, auditKey(db, dek, env.clock()), env.clock, () => this.storeId);
  }

  get db(): Db {
    return this.connection;
  }

  get orm(): Orm {
    return this.ormFor;
  }

  get storeId(): string {
    return this.slots.storeId;
  }

  get paths() {
    return storePaths(this.dir);
  }

  /** Makes a slot for a secret under the current generation; the caller commits it with `commitSlots`. */
  async newSlot(secret: string, fields: SlotFields, keys: UserKeys, root: string): Promise<Slot> {
    return makeSlot(this.slots, this.dek, secret, fields, keys, root, this.env.kdf, this.env.clock());
  }

  /**
   * Changes the slots whole or not at all: the next file is written aside first, the database commits `work`
   * with the next generation, and only then the file is renamed over the current one. A crash before the
   * commit leaves the old file valid (the aside file is dropped at the next unlock); after it, the next unlock
   * finishes the rename. `change` gets the slots as they are on disk now (another process, the command line,
   * may have changed them since this one unlocked). Never call inside a transaction.
   */
  commitSlots(change: (slots: AnySlot[]) => AnySlot[], work: () => void = () => {}): void {
    this.reloadSlots();
    const generation = this.slots.generation + 1;
    const next = sealSlotFile({ storeId: this.storeId, generation, slots: reboxSlots(this.slots, change(this.slots.slots), this.dek, generation, false) }, this.dek);
    this.writePendingAndCommit(next, work);
    this.installPending(next);
  }

  /**
   * A new data key: every slot gets it boxed under the next generation, the database commits `work` and the
   * generation under the old key, then the file is re-keyed on a copy and swapped in. Any old slot file, and
   * any key extracted before, opens nothing after this. Legacy slots cannot follow (`LEGACY_SLOTS`).
   */
  rotate(change: (slots: AnySlot[]) => AnySlot[], work: () => void = () => {}): { bytes: number } {
    this.reloadSlots();
    const generation = this.slots.generation + 1;
    const fresh = randomBytes(32);
    try {
      const next = sealSlotFile({ storeId: this.storeId, generation, slots: reboxSlots(this.slots, change(this.slots.slots), fresh, generation, true) }, fresh);
      this.writePendingAndCommit(next, work);
      this.rekeyTo(fresh);
      crashPoint('rekey.swapped');
      this.installPending(next);
      return { bytes: statSync(this.paths.db).size };
    } catch (error) {
      if (!this.dek.equals(fresh)) wipe(fresh);
      throw error;
    }
  }

  /** The slot file as it is on disk, which must still be this store's under this key. */
  private reloadSlots(): void {
    // A store being created has no slot file yet: its first one is the one being committed.
    if (this.slots.generation === 0 && !existsSync(this.paths.slots)) return;
    const disk = readSlotFile(this.paths.slots);
    if (!slotFileHolds(disk, this.dek)) throw new AppError('STORE_TAMPERED', 'key-slot file was changed outside the app');
    this.slots = disk;
  }

  private writePendingAndCommit(next: SlotFile, work: () => void): void {
    const paths = this.paths;
    writeSlotFile(paths.pendingSlots, next);
    crashPoint('slots.pending-written');
    try {
      // IMMEDIATE: the generation read and the one written are one step, whoever else holds the store.
      this.connection
        .transaction(() => {
          if (getSetting(this.connection, 'keyGeneration') !== next.generation - 1) {
            throw new AppError('STORE_BUSY', 'another window or command changed the users meanwhile');
          }
          work();
          putSetting(this.connection, 'keyGeneration', next.generation, this.env.clock());
        })
        .immediate();
    } catch (error) {
      // Only our own aside file: another process's may be waiting for its rename.
      if (readPending(paths.pendingSlots)?.mac === next.mac) rmSync(paths.pendingSlots, { force: true });
      throw error;
    }
    crashPoint('slots.committed');
  }

  private installPending(next: SlotFile): void {
    renameSync(this.paths.pendingSlots, this.paths.slots);
    fsyncDir(this.dir);
    this.slots = next;
  }

  private rekeyTo(fresh: Buffer): void {
    rekeyFile(this.connection, this.paths.db, { key: this.dek, form: 'raw' }, fresh);
    this.connection = openEncrypted(this.paths.db, fresh);
    this.ormFor = drizzle(this.connection, { schema });
    wipe(this.dek);
    this.dek = fresh;
  }

  /**
   * Keeps, under the user's own key, the head they saw last (same generation: nothing else changes). Written
   * from the file on disk under the database's write lock, and skipped while another process's change of
   * slots is between its commit and its rename: a lost "seen" costs a weaker check, a stale file would not.
   */
  recordSeen(identity: Identity, head: SeenHead): void {
    this.connection
      .transaction(() => {
        const disk = readSlotFile(this.paths.slots);
        if (!slotFileHolds(disk, this.dek) || disk.generation !== getSetting(this.connection, 'keyGeneration')) return;
        const slots = disk.slots.map((s) => (s.id === identity.slotId && !isLegacy(s) ? sealSeen(identity.keys, s, head) : s));
        const next = sealSlotFile({ storeId: this.storeId, generation: disk.generation, slots }, this.dek);
        writeSlotFile(this.paths.slots, next);
        this.slots = next;
      })
      .immediate();
  }

  /** The raw key, for backup verification and the backup's manifest MAC; never leaves the main process. */
  keyForCopy(): Buffer {
    return Buffer.from(this.dek);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      this.connection.close();
    } finally {
      wipe(this.dek);
    }
  }

  get isClosed(): boolean {
    return this.closed;
  }
}

/** Stores from before rotation derived the audit key from the data key at every open; it is kept from then on. */
function auditKey(db: Db, dek: Buffer, now: Date): Buffer {
  const stored = getSetting(db, 'auditKey');
  if (/^[0-9a-f]{64}$/.test(stored)) return Buffer.from(stored, 'hex');
  const key = subkey(dek, 'audit');
  putSetting(db, 'auditKey', key.toString('hex'), now);
  return key;
}

export function storeExists(dir: string): boolean {
  const paths = storePaths(dir);
  return existsSync(paths.slots) || existsSync(paths.db);
}

function isEmptyOrMissing(dir: string): boolean {
  return !existsSync(dir) || readdirSync(dir).length === 0;
}

/** Refuses a database that is not this store's before anything writes to it: no schema, no id, another id. */
function assertSameStore(db: Db, storeId: string): void {
  const hasSettings = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'settings'").get() as { n: number };
  if (hasSettings.n === 0) throw new AppError('STORE_CORRUPT', 'the database has no schema', { empty: true });
  const id = getSetting(db, 'storeId');
  if (!id) throw new AppError('STORE_CORRUPT', 'the database has no store id', { empty: true });
  if (id !== storeId) throw new AppError('STORE_TAMPERED', 'the key-slot file belongs to another store');
}

function finishOpen(dir: string, db: Db, dek: Buffer, slots: SlotFile, env: StoreEnv): OpenStore {
  const paths = storePaths(dir);
  try {
    assertSameStore(db, slots.storeId);
    const migration = migrate(db, { migrationsFolder: env.migrationsFolder, dbPath: paths.db, backupDir: paths.premigration, now: env.clock() });
    restrictStoreFiles(dir);
    return new OpenStore(dir, db, dek, slots, migration, env);
  } catch (error) {
    db.close();
    throw error;
  }
}

export interface CreatedStore {
  store: OpenStore;
  identity: Identity;
  recoveryKey: string;
}

/** Creates the directory, the database, the first admin (whose key is the root) and the recovery slot. Never touches an existing store. */
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
    const adminKeys = newUserKeys();
    const rescueKeys = newUserKeys();
    const root = publicOf(adminKeys.sign);
    const adminSlot = await makeSlot(slotFile, dek, admin.passphrase, { kind: 'user', login: admin.login, userId: adminId, mustChange: false }, adminKeys, root, env.kdf, env.clock());
    const rescue = await makeSlot(slotFile, dek, recoveryKey, { kind: 'recovery', login: null, userId: null, mustChange: false }, rescueKeys, root, env.kdf, env.clock());
    const db = openEncrypted(paths.db, dek, { fileMustExist: false });
    const migration = migrate(db, { migrationsFolder: env.migrationsFolder, dbPath: paths.db, backupDir: paths.premigration, now: env.clock() });
    store = new OpenStore(dir, db, dek, { ...slotFile, generation: 0 }, migration, env);
    const created = store;
    const now = env.clock();
    const actor = { userId: adminId, workstation: env.workstation };
    const founder = { userId: ROOT, sign: adminKeys.sign };
    created.commitSlots(() => [adminSlot, rescue], () => {
      created.orm.insert(schema.settings).values({ key: 'storeId', value: storeId, updatedAt: now.toISOString() }).run();
      created.orm
        .insert(schema.users)
        .values({ id: adminId, login: admin.login, displayName: admin.displayName, roles: ['admin'] satisfies Role[], createdAt: now.toISOString(), lastUnlockAt: now.toISOString() })
        .run();
      certify(db, storeId, founder, { userId: ROOT, publicKey: root, mayCertify: true }, now);
      certify(db, storeId, founder, { userId: adminId, publicKey: root, mayCertify: true }, now);
      certify(db, storeId, founder, { userId: RECOVERY_SIGNER, publicKey: publicOf(rescueKeys.sign), mayCertify: true }, now);
      created.audit.append(actor, { action: 'store.created', entity: 'store', entityId: storeId, details: { schemaVersion: migration.schemaVersion } });
      created.audit.append(actor, { action: 'user.created', entity: 'user', entityId: adminId, details: { roles: ['admin'] } });
      created.audit.append(actor, { action: 'recovery.created', entity: 'store', entityId: storeId });
      env.seed?.(created, actor);
    });
    restrictStoreFiles(dir);
    return { store: created, identity: { userId: adminId, slotId: adminSlot.id, keys: adminKeys, root }, recoveryKey };
  } catch (error) {
    store?.close();
    if (!store) wipe(dek);
    for (const path of [paths.db, paths.wal, paths.shm, paths.slots, paths.pendingSlots]) rmSync(path, { force: true });
    throw error;
  }
}

/** What an unlock found: the open store, the slot the secret opened, and the head that user saw last. */
export interface Unlocked {
  store: OpenStore;
  opened: OpenedSlot;
  seen: SeenHead | null;
  /** The slot file was behind the database (a crash after a commit) and has been brought level. */
  settled: boolean;
}

function readPending(path: string): SlotFile | null {
  if (!existsSync(path)) return null;
  try {
    return parseSlotFile(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

async function openAny(file: SlotFile, candidates: AnySlot[], secret: string): Promise<OpenedSlot | null> {
  for (const slot of candidates) {
    const opened = await openSlot(file, slot, secret);
    if (opened) return opened;
  }
  return null;
}

/**
 * Opens the store with the slots `pick` chooses in the current slot file, or in the aside file a crash left
 * behind. The database's generation decides which file is true: equal to the current file's, the aside file
 * (if any) is a change that never committed and is dropped; equal to the aside file's, the change committed
 * and its rename (and re-keying, for a rotation) is finished here. Anything else is a slot file from another
 * time: STORE_TAMPERED, and nothing on disk changes. On a wrong secret nothing is written or even opened for writing.
 */
async function openWith(dir: string, pick: (file: SlotFile) => AnySlot[], secret: string, env: StoreEnv, wrong: () => AppError): Promise<Unlocked> {
  const paths = storePaths(dir);
  const current = readSlotFile(paths.slots);
  const pending = readPending(paths.pendingSlots);
  let opensSlot = false;
  let forged = false;
  for (const file of pending ? [current, pending] : [current]) {
    const opened = await openAny(file, pick(file), secret);
    if (!opened) continue;
    opensSlot = true;
    if (!slotFileHolds(file, opened.dek)) {
      wipe(opened.dek);
      forged = true;
      continue;
    }
    // The current file's key may no longer open the database: a re-key finished before the file was renamed.
    const db = tryOpenEncrypted(paths.db, opened.dek);
    if (!db) {
      wipe(opened.dek);
      continue;
    }
    return settle({ dir, current, pending, file, opened, db, pick, secret, env, wrong });
  }
  if (forged) throw new AppError('STORE_TAMPERED', 'key-slot file was changed outside the app');
  // A valid slot file whose key no longer opens the database: a copy from before a rotation.
  if (opensSlot) throw new AppError('STORE_TAMPERED', 'the key-slot file does not open this database');
  if (pick(current).length === 0 && current.slots[0]) {
    // The same key-derivation time for a login with no slot: timing does not tell which logins exist.
    const decoy = current.slots[0];
    await openSlot(current, { ...decoy, salt: randomBytes(16).toString('base64') }, secret).catch(() => null);
  }
  throw wrong();
}

interface Settling {
  dir: string;
  current: SlotFile;
  pending: SlotFile | null;
  file: SlotFile;
  opened: OpenedSlot;
  db: Db;
  pick: (file: SlotFile) => AnySlot[];
  secret: string;
  env: StoreEnv;
  wrong: () => AppError;
}

/** Decides by the database's generation which slot file is true, and finishes a change a crash interrupted. */
async function settle({ dir, current, pending, file, opened, db, pick, secret, env, wrong }: Settling): Promise<Unlocked> {
  const paths = storePaths(dir);
  const refuse = (error: AppError): never => {
    db.close();
    wipe(opened.dek);
    throw error;
  };
  let generation: number;
  try {
    assertSameStore(db, file.storeId);
    generation = getSetting(db, 'keyGeneration');
  } catch (error) {
    return refuse(error as AppError);
  }
  const seenOf = (o: OpenedSlot) => (o.keys ? openSeen(o.keys, o.slot) : null);
  if (file.generation === generation) {
    // The aside file of a change that never committed is dropped; one that committed is renamed in.
    if (file === current && pending) rmSync(paths.pendingSlots, { force: true });
    if (file === pending) {
      renameSync(paths.pendingSlots, paths.slots);
      fsyncDir(dir);
    }
    return { store: finishOpen(dir, db, opened.dek, file, env), opened, seen: seenOf(opened), settled: file === pending };
  }
  if (file === pending && current.generation === generation) {
    // The secret opens only a change that never committed (a new passphrase, a user being added).
    return refuse(wrong());
  }
  if (file === current && pending && pending.generation === generation) {
    // Committed, not yet renamed: the same data key (a change of slots) or a new one (a re-key to finish).
    const next = await openAny(pending, pick(pending), secret);
    if (!next) return refuse(wrong());
    if (!slotFileHolds(pending, next.dek)) {
      wipe(next.dek);
      return refuse(new AppError('STORE_TAMPERED', 'key-slot file was changed outside the app'));
    }
    let live = db;
    if (!next.dek.equals(opened.dek)) {
      rekeyFile(db, paths.db, { key: opened.dek, form: 'raw' }, next.dek);
      live = openEncrypted(paths.db, next.dek);
    }
    wipe(opened.dek);
    renameSync(paths.pendingSlots, paths.slots);
    fsyncDir(dir);
    return { store: finishOpen(dir, live, next.dek, pending, env), opened: next, seen: seenOf(next), settled: true };
  }
  return refuse(new AppError('STORE_TAMPERED', 'the key-slot file is from another generation than the database', { file: file.generation, database: generation }));
}

/**
 * Tries the passphrase against the login's slots (by login only to find candidates; a slot belongs to its user id).
 */
export async function unlockStore(dir: string, login: string, passphrase: string, env: StoreEnv): Promise<Unlocked> {
  return openWith(dir, (file) => slotsForLogin(file, login), passphrase, env, () => new AppError('WRONG_CREDENTIALS', 'login or passphrase is wrong'));
}

export async function unlockWithRecoveryKey(dir: string, recoveryKey: string, env: StoreEnv): Promise<Unlocked> {
  const current = readSlotFile(storePaths(dir).slots);
  if (!recoverySlot(current)) throw new AppError('WRONG_RECOVERY_KEY', 'this store has no recovery slot');
  return openWith(
    dir,
    (file) => {
      const slot = recoverySlot(file);
      return slot ? [slot] : [];
    },
    normalizeRecoveryKey(recoveryKey),
    env,
    () => new AppError('WRONG_RECOVERY_KEY', 'the recovery key does not open this store'),
  );
}
