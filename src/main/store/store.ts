import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
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
import { OpenRegistration, withSlotLock } from './store-lock';
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
  keys: UserKeys;
  root: string;
}

/** An unlocked store: the only holder of the data key in the process. */
export class OpenStore {
  private connection: Db;
  private ormFor: Orm;
  readonly audit: AuditChain;
  private closed = false;
  private readonly registration: OpenRegistration;

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
    this.registration = new OpenRegistration(dir);
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
    withSlotLock(this.dir, () => {
      this.reloadSlots();
      const generation = this.slots.generation + 1;
      const next = sealSlotFile({ storeId: this.storeId, generation, slots: reboxSlots(this.slots, change(this.slots.slots), this.dek, generation, false) }, this.dek);
      this.writePendingAndCommit(next, work);
      this.installPending(next);
    });
  }

  /**
   * A new data key: every slot gets it boxed under the next generation, the database commits `work` and the
   * generation under the old key, then the file is re-keyed on a copy and swapped in. Any old slot file, and
   * any key extracted before, opens nothing after this. Legacy slots cannot follow (`LEGACY_SLOTS`).
   */
  rotate(change: (slots: AnySlot[]) => AnySlot[], work: () => void = () => {}): { bytes: number } {
    return withSlotLock(this.dir, () => {
      // The database file is swapped: anyone else holding it open would go on writing to the old one, unseen.
      if (this.registration.others() > 0) throw new AppError('STORE_BUSY', 'the store is open in another window or command');
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
    });
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
    try {
      rekeyFile(this.connection, this.paths.db, { key: this.dek, form: 'raw' }, fresh);
    } catch (error) {
      // The file is whole under the old key; the committed generation waits for the next unlock to finish the re-key.
      this.connection = openEncrypted(this.paths.db, this.dek);
      this.ormFor = drizzle(this.connection, { schema });
      throw error;
    }
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
    withSlotLock(this.dir, () => {
      const disk = readSlotFile(this.paths.slots);
      if (!slotFileHolds(disk, this.dek) || disk.generation !== getSetting(this.connection, 'keyGeneration')) return;
      const slots = disk.slots.map((s) => (s.userId === identity.userId && s.kind === 'user' && !isLegacy(s) ? sealSeen(identity.keys, s, head) : s));
      const next = sealSlotFile({ storeId: this.storeId, generation: disk.generation, slots }, this.dek);
      writeSlotFile(this.paths.slots, next);
      this.slots = next;
    });
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
      this.audit.forget();
      this.registration.release();
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
  // Built in a folder beside the target and renamed into place whole: a set-up killed halfway leaves only that
  // folder, which the next set-up clears, never a half-made store that neither unlocks nor lets itself be set up.
  const parent = dirname(dir);
  mkdirSync(parent, { recursive: true });
  const prefix = `${basename(dir)}.creating-`;
  for (const name of readdirSync(parent)) if (name.startsWith(prefix)) rmSync(join(parent, name), { recursive: true, force: true });
  const staging = join(parent, `${prefix}${randomUUID().slice(0, 8)}`);
  mkdirSync(staging, { mode: 0o700 });
  const paths = storePaths(staging);
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
    store = new OpenStore(staging, db, dek, { ...slotFile, generation: 0 }, migration, env);
    const building = store;
    const now = env.clock();
    const actor = { userId: adminId, workstation: env.workstation };
    const founder = { userId: ROOT, sign: adminKeys.sign };
    building.commitSlots(() => [adminSlot, rescue], () => {
      building.orm.insert(schema.settings).values({ key: 'storeId', value: storeId, updatedAt: now.toISOString() }).run();
      building.orm
        .insert(schema.users)
        .values({ id: adminId, login: admin.login, displayName: admin.displayName, roles: ['admin'] satisfies Role[], createdAt: now.toISOString(), lastUnlockAt: now.toISOString() })
        .run();
      const rootCertificate = certify(db, storeId, founder, { userId: ROOT, publicKey: root, mayCertify: true }, now);
      const adminCertificate = certify(db, storeId, founder, { userId: adminId, publicKey: root, mayCertify: true }, now);
      const rescueCertificate = certify(db, storeId, founder, { userId: RECOVERY_SIGNER, publicKey: publicOf(rescueKeys.sign), mayCertify: true }, now);
      building.audit.append(actor, { action: 'store.created', entity: 'store', entityId: storeId, details: { schemaVersion: migration.schemaVersion, certificate: rootCertificate } });
      building.audit.append(actor, { action: 'user.created', entity: 'user', entityId: adminId, details: { roles: ['admin'], certificate: adminCertificate } });
      building.audit.append(actor, { action: 'recovery.created', entity: 'store', entityId: storeId, details: { certificate: rescueCertificate } });
      env.seed?.(building, actor);
    });
    // Closed before the rename (Windows renames no folder with open files), reopened in place after it.
    const key = Buffer.from(dek);
    building.close();
    store = null;
    if (existsSync(dir)) rmdirSync(dir);
    renameSync(staging, dir);
    fsyncDir(parent);
    const opened = finishOpen(dir, openEncrypted(storePaths(dir).db, key), key, readSlotFile(storePaths(dir).slots), env);
    return { store: opened, identity: { userId: adminId, keys: adminKeys, root }, recoveryKey };
  } catch (error) {
    store?.close();
    if (!store) wipe(dek);
    rmSync(staging, { recursive: true, force: true });
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

/** Candidates per secret are few: a hostile slot file listing thousands for one login costs no more than this. */
const MAX_CANDIDATES = 4;

async function openAny(file: SlotFile, candidates: AnySlot[], secret: string): Promise<OpenedSlot | null> {
  for (const slot of candidates.slice(0, MAX_CANDIDATES)) {
    const opened = await openSlot(file, slot, secret);
    if (opened) return opened;
  }
  return null;
}

interface Attempt {
  current: SlotFile;
  pending: SlotFile | null;
  fromCurrent: OpenedSlot | null;
  fromPending: OpenedSlot | null;
}

/**
 * Opens the store with the slots `pick` chooses, in the current slot file or in the aside file a crash left
 * behind. The key derivations run first, without the lock; the decision runs under the slot lock, on files
 * that must not have changed meanwhile (else it starts over). The database's generation decides which file is
 * true: equal to the current file's, the aside file (if any) is a change that never committed and is dropped;
 * equal to the aside file's, the change committed and its rename (and re-keying, for a rotation) is finished
 * here. Anything else is a slot file from another time: STORE_TAMPERED, and nothing on disk changes. Until a
 * file is accepted the database is open read-only, so a wrong secret or a refused file writes nothing.
 */
async function openWith(dir: string, pick: (file: SlotFile) => AnySlot[], secret: string, env: StoreEnv, wrong: () => AppError): Promise<Unlocked> {
  const paths = storePaths(dir);
  for (let round = 0; ; round += 1) {
    const current = readSlotFile(paths.slots);
    const pending = readPending(paths.pendingSlots);
    const fromCurrent = await openAny(current, pick(current), secret);
    const fromPending = pending ? await openAny(pending, pick(pending), secret) : null;
    if (!fromCurrent && !fromPending) {
      if (pick(current).length === 0 && current.slots[0]) {
        // The same key-derivation time for a login with no slot: timing does not tell which logins exist.
        const decoy = current.slots[0];
        await openSlot(current, { ...decoy, salt: randomBytes(16).toString('base64') }, secret).catch(() => null);
      }
      throw wrong();
    }
    const attempt = { current, pending, fromCurrent, fromPending };
    const outcome = withSlotLock(dir, () => {
      const unchanged = readSlotFile(paths.slots).mac === current.mac && (readPending(paths.pendingSlots)?.mac ?? null) === (pending?.mac ?? null);
      return unchanged ? decide(dir, attempt, env, wrong) : null;
    });
    if (outcome) return outcome;
    for (const opened of [fromCurrent, fromPending]) wipe(opened?.dek);
    // Another process changed the slots between the derivation and the lock: derive again on what is there now.
    if (round >= 2) throw new AppError('STORE_BUSY', 'the key slots keep changing');
  }
}

/** Under the slot lock: which file opens the database, and what its generation says. */
function decide(dir: string, { current, pending, fromCurrent, fromPending }: Attempt, env: StoreEnv, wrong: () => AppError): Unlocked {
  const paths = storePaths(dir);
  let forged = false;
  for (const [file, opened] of [[current, fromCurrent], [pending, fromPending]] as const) {
    if (!file || !opened) continue;
    if (!slotFileHolds(file, opened.dek)) {
      forged = true;
      continue;
    }
    // The current file's key may no longer open the database: a re-key finished before the file was renamed.
    const db = tryOpenEncrypted(paths.db, opened.dek, { readonly: true });
    if (!db) continue;
    const other = file === current ? fromPending : fromCurrent;
    try {
      return settle({ dir, current, pending, file, opened, other, db, env, wrong });
    } finally {
      if (db.open) db.close();
    }
  }
  for (const opened of [fromCurrent, fromPending]) wipe(opened?.dek);
  if (forged) throw new AppError('STORE_TAMPERED', 'key-slot file was changed outside the app');
  // A valid slot file whose key no longer opens the database: a copy from before a rotation.
  throw new AppError('STORE_TAMPERED', 'the key-slot file does not open this database');
}

interface Settling {
  dir: string;
  current: SlotFile;
  pending: SlotFile | null;
  file: SlotFile;
  opened: OpenedSlot;
  /** What the same secret opened in the other file, if anything. */
  other: OpenedSlot | null;
  /** Read-only: closed by the caller; a read-write connection is opened once the file is accepted. */
  db: Db;
  env: StoreEnv;
  wrong: () => AppError;
}

/** Decides by the database's generation which slot file is true, and finishes a change a crash interrupted. */
function settle({ dir, current, pending, file, opened, other, db, env, wrong }: Settling): Unlocked {
  const paths = storePaths(dir);
  const refuse = (error: AppError): never => {
    wipe(opened.dek);
    wipe(other?.dek);
    throw error;
  };
  let generation: number;
  try {
    assertSameStore(db, file.storeId);
    generation = getSetting(db, 'keyGeneration');
  } catch (error) {
    return refuse(error instanceof AppError ? error : new AppError('STORE_CORRUPT', 'the database cannot be read'));
  }
  const accept = (slots: SlotFile, chosen: OpenedSlot, settled: boolean): Unlocked => {
    db.close();
    if (chosen !== opened) wipe(opened.dek);
    if (other && chosen !== other) wipe(other.dek);
    const live = openEncrypted(paths.db, chosen.dek);
    return { store: finishOpen(dir, live, chosen.dek, slots, env), opened: chosen, seen: chosen.keys ? openSeen(chosen.keys, chosen.slot) : null, settled };
  };
  if (file.generation === generation) {
    // The aside file of a change that never committed is dropped; one that committed is renamed in.
    if (file === current && pending) rmSync(paths.pendingSlots, { force: true });
    if (file === pending) {
      renameSync(paths.pendingSlots, paths.slots);
      fsyncDir(dir);
    }
    return accept(file, opened, file === pending);
  }
  // The secret opens only a change that never committed (a new passphrase, a user being added).
  if (file === pending && current.generation === generation) return refuse(wrong());
  if (file === current && pending && pending.generation === generation) {
    // Committed, not yet renamed: the same data key (a change of slots) or a new one (a re-key to finish).
    const next = other;
    if (!next) return refuse(wrong());
    if (!slotFileHolds(pending, next.dek)) return refuse(new AppError('STORE_TAMPERED', 'key-slot file was changed outside the app'));
    if (!next.dek.equals(opened.dek)) {
      db.close();
      rekeyFile(openEncrypted(paths.db, opened.dek), paths.db, { key: opened.dek, form: 'raw' }, next.dek);
    }
    renameSync(paths.pendingSlots, paths.slots);
    fsyncDir(dir);
    return accept(pending, next, true);
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
