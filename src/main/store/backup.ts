import { createHash, randomUUID, type Hash } from 'node:crypto';
import { closeSync, createWriteStream, existsSync, fsyncSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Zip, ZipPassThrough } from 'fflate';
import canonicalize from 'canonicalize';
import * as yauzl from 'yauzl';
import { z } from 'zod';
import { AppError } from '../../shared/errors';
import { fingerprint, integrityCheck, openEncrypted, type Db } from './connection';
import { equalHex, hmacHex, subkey } from './crypto';
import { fsyncDir, writeFileAtomic } from './files';
import { storePaths } from './layout';
import { schemaVersion } from './migrations';
import { parseSlotFile, slotFileHolds } from './keyslots';
import { getSetting } from './settings';
import { withSlotLock } from './store-lock';
import { unlockStore, type OpenStore, type StoreEnv, type Unlocked } from './store';

/**
 * A backup is one zip holding the encrypted database file as it is on disk, the key-slot file and a
 * manifest of their SHA-256. It is never decrypted on the way: the SQLite backup API could write a
 * plaintext copy (security.md §0.3), so the file itself is copied after a checkpoint. The copy streams
 * through fixed-size chunks both ways, so a backup of a store of any size costs a few MiB of memory.
 */
const HeadSchema = z.object({ seq: z.number().int(), hash: z.string(), userId: z.string().nullable(), signedAt: z.string().nullable(), signature: z.string().nullable() }).strict();
const manifestFields = {
  format: z.literal('zlagoda-backup'),
  storeId: z.string(),
  createdAt: z.string(),
  schemaVersion: z.number().int(),
  files: z.object({ 'zlagoda.db': z.string(), 'keyslots.json': z.string() }).strict(),
};
/**
 * Version 2 names the slot generation and carries the chain head signed by the user who made the copy, and
 * a MAC under a key derived from the data key: a manifest made up to match a swapped file does not verify.
 */
const ManifestSchema = z.union([
  z.object({ ...manifestFields, version: z.literal(2), generation: z.number().int(), head: HeadSchema, mac: z.string() }).strict(),
  z.object({ ...manifestFields, version: z.literal(1) }).strict(),
]);
type Manifest = z.infer<typeof ManifestSchema>;
type ManifestV2 = Extract<Manifest, { version: 2 }>;

function manifestMac(dek: Buffer, manifest: Omit<ManifestV2, 'mac'>): string {
  return hmacHex(subkey(dek, 'backup'), canonicalize(manifest) ?? '');
}

const DB = 'zlagoda.db';
const SLOTS = 'keyslots.json';
const MANIFEST = 'manifest.json';
const ALLOWED = new Set([MANIFEST, DB, SLOTS]);
/** The manifest and the slot file are small; anything larger is not ours. */
const SMALL_MAX = 1024 * 1024;
const DB_MAX = 64 * 1024 ** 3;
const CHUNK = 1024 * 1024;
/** Entries are stored, never deflated: a backup cannot inflate into more than its own size. */
const STORED = 0;
const FIXED_MTIME = new Date('2000-01-01T00:00:00Z');

export interface BackupReport {
  path: string;
  bytes: number;
  schemaVersion: number;
  tables: Record<string, number>;
  head: { seq: number; hash: string };
}

/**
 * Streams a file into a zip entry in fixed chunks, hashing on the way; returns the SHA-256. It yields to the event
 * loop after every chunk, so the window can ask how far it got; the file stays still meanwhile (`pinFile`).
 */
async function streamInto(zip: Zip, name: string, path: string, onChunk: (done: number, total: number) => void): Promise<string> {
  const entry = new ZipPassThrough(name);
  entry.mtime = FIXED_MTIME;
  zip.add(entry);
  const hash = createHash('sha256');
  const fd = openSync(path, 'r');
  const total = statSync(path).size;
  let done = 0;
  try {
    for (;;) {
      const chunk = Buffer.allocUnsafe(CHUNK);
      const read = readSync(fd, chunk, 0, CHUNK, null);
      if (read === 0) break;
      const part = chunk.subarray(0, read);
      hash.update(part);
      entry.push(part);
      done += read;
      onChunk(done, total);
      await nextTurn();
    }
  } finally {
    closeSync(fd);
  }
  entry.push(new Uint8Array(0), true);
  return hash.digest('hex');
}

/** A small entry from memory; returns its SHA-256. */
function addSmall(zip: Zip, name: string, bytes: Buffer): string {
  const entry = new ZipPassThrough(name);
  entry.mtime = FIXED_MTIME;
  zip.add(entry);
  entry.push(bytes, true);
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * The slot file as it is on disk, read under the slot lock and proved to belong to this database now (its MAC
 * under the data key, its generation the database's): another process may have changed the users since this
 * one unlocked, and a backup whose two halves disagree would be refused at restore.
 */
function slotFileOf(store: OpenStore): { bytes: Buffer; generation: number } {
  const bytes = withSlotLock(store.dir, () => readFileSync(storePaths(store.dir).slots));
  const file = parseSlotFile(bytes.toString('utf8'));
  const key = store.keyForCopy();
  const holds = slotFileHolds(file, key);
  key.fill(0);
  if (!holds || file.generation !== getSetting(store.db, 'keyGeneration')) throw new AppError('STORE_BUSY', 'the key slots are being changed');
  return { bytes, generation: file.generation };
}

/** The chain head, with the newest signature of it if there is one (the caller signs before a backup). */
function signedHead(store: OpenStore): ManifestV2['head'] {
  const head = store.audit.head();
  const row = store.db.prepare('SELECT user_id, signed_at, signature FROM audit_heads WHERE seq = ? AND hash = ? ORDER BY id DESC LIMIT 1').get(head.seq, head.hash) as
    | { user_id: string; signed_at: string; signature: string }
    | undefined;
  return { seq: head.seq, hash: head.hash, userId: row?.user_id ?? null, signedAt: row?.signed_at ?? null, signature: row?.signature ?? null };
}

/**
 * Holds a read transaction on a second connection from just after the checkpoint until the copy is read: SQLite
 * never checkpoints WAL frames into the database file past a reader's snapshot, so the file being copied stays
 * exactly the checkpointed one while this process (or another) goes on writing into the WAL.
 */
function pinFile(store: OpenStore, key: Buffer): { release(): void } {
  const reader: Db = openEncrypted(storePaths(store.dir).db, key, { readonly: true });
  try {
    reader.exec('BEGIN');
    reader.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (error) {
    reader.close();
    throw error;
  }
  return {
    release() {
      if (reader.inTransaction) reader.exec('COMMIT');
      reader.close();
    },
  };
}

/** The phases a backup reports: the window draws them as one bar (`BACKUP_PHASES` in the contract). */
export type BackupPhase = 'checkpoint' | 'copy' | 'verify';
/** Called at each step; throwing from it (the store was locked meanwhile) abandons the backup and its partial file. */
export type BackupProgress = (phase: BackupPhase, done: number, total: number) => void;

/** What the manifest says of the store as it was at the checkpoint: read before the copy, never after. */
function manifestBody(store: OpenStore, generation: number): Omit<ManifestV2, 'mac' | 'files'> {
  return {
    format: 'zlagoda-backup',
    version: 2,
    storeId: getSetting(store.db, 'storeId'),
    generation,
    createdAt: store.env.clock().toISOString(),
    schemaVersion: schemaVersion(store.db),
    head: signedHead(store),
  };
}

async function writeBackupZip(file: string, dbPath: string, slots: Buffer, body: Omit<ManifestV2, 'mac' | 'files'>, key: Buffer, progress: BackupProgress): Promise<ManifestV2> {
  const fd = openSync(file, 'wx', 0o600);
  try {
    const zip = new Zip((error, chunk) => {
      if (error) throw error;
      writeSync(fd, chunk);
    });
    const files = { [DB]: await streamInto(zip, DB, dbPath, (done, total) => progress('copy', done, total)), [SLOTS]: addSmall(zip, SLOTS, slots) };
    const unsigned: Omit<ManifestV2, 'mac'> = { ...body, files: files as Manifest['files'] };
    const manifest: ManifestV2 = { ...unsigned, mac: manifestMac(key, unsigned) };
    addSmall(zip, MANIFEST, Buffer.from(JSON.stringify(manifest, null, 2), 'utf8'));
    zip.end();
    fsyncSync(fd);
    return manifest;
  } finally {
    closeSync(fd);
  }
}

export async function backupStore(store: OpenStore, outFile: string, progress: BackupProgress = () => undefined): Promise<BackupReport> {
  if (existsSync(outFile)) throw new AppError('FILE_EXISTS', 'the backup file already exists', { path: outFile });
  if (!existsSync(dirname(outFile))) throw new AppError('FILE_NOT_FOUND', 'the folder for the backup does not exist', { path: dirname(outFile) });
  progress('checkpoint', 0, 1);
  // From the checkpoint to the pin nothing awaits: no write of this process can come between them.
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  const expected = fingerprint(store.db);
  const slots = slotFileOf(store);
  const body = manifestBody(store, slots.generation);
  // The key is copied now: the store may be locked (and its key wiped) while the copy is read back.
  const key = store.keyForCopy();
  const tmp = `${outFile}.partial-${randomUUID().slice(0, 8)}`;
  try {
    const pin = pinFile(store, key);
    let manifest: ManifestV2;
    try {
      manifest = await writeBackupZip(tmp, storePaths(store.dir).db, slots.bytes, body, key, progress);
    } finally {
      pin.release();
    }
    await verifyBackupFile(tmp, Buffer.from(key), expected, (done, total) => {
      try {
        progress('verify', done, total);
      } catch {
        // Inside a stream's event: a refusal here is raised again just below, before the rename.
      }
    });
    progress('verify', 1, 1);
    renameSync(tmp, outFile);
    fsyncDir(dirname(outFile));
    rememberBackup(store.dir, outFile, manifest.createdAt);
    return { path: outFile, bytes: statSync(outFile).size, schemaVersion: manifest.schemaVersion, tables: expected.tables, head: { seq: manifest.head.seq, hash: manifest.head.hash } };
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  } finally {
    key.fill(0);
  }
}

/** Every refusal names its reason: the window and the command line turn it into a sentence (`backupProblems.*`). */
export type BackupProblem =
  | 'notBackup'
  | 'unexpectedFiles'
  | 'compressed'
  | 'tooLarge'
  | 'empty'
  | 'incomplete'
  | 'manifest'
  | 'checksum'
  | 'otherStore'
  | 'manifestKey'
  | 'doesNotVerify'
  | 'headMissing';

const invalid = (reason: BackupProblem) => new AppError('BACKUP_INVALID', reason, { reason });

/** Where the last backup of this store went, so that a store found damaged can name the copy to restore. */
export interface LastBackup {
  path: string;
  createdAt: string;
}

function rememberBackup(dir: string, path: string, createdAt: string): void {
  try {
    writeFileAtomic(storePaths(dir).lastBackup, JSON.stringify({ path, createdAt } satisfies LastBackup));
  } catch {
    // Only a hint for a later repair: a backup that verified is not undone by a failure to note it.
  }
}

export function lastBackupOf(dir: string): LastBackup | null {
  try {
    const parsed = JSON.parse(readFileSync(storePaths(dir).lastBackup, 'utf8')) as LastBackup;
    return typeof parsed.path === 'string' && typeof parsed.createdAt === 'string' ? { path: parsed.path.slice(0, 1000), createdAt: parsed.createdAt.slice(0, 40) } : null;
  } catch {
    return null;
  }
}

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, autoClose: false, strictFileNames: true, validateEntrySizes: true }, (error, zip) =>
      error ? reject(invalid('notBackup')) : resolve(zip),
    );
  });
}

async function collect(stream: NodeJS.ReadableStream, hash: Hash): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > SMALL_MAX) throw invalid('tooLarge');
    hash.update(chunk);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * Reads a backup by its central directory, entry by entry: only the three known names, each once, stored
 * (not compressed), within its size limit. The database streams to `dbPath`; the other two are small and
 * kept in memory. The checksums must match the manifest's.
 */
async function readBackup(file: string, dbPath: string, onBytes: (done: number, total: number) => void = () => undefined): Promise<{ manifest: Manifest; slots: Buffer }> {
  if (!existsSync(file)) throw new AppError('FILE_NOT_FOUND', 'the backup file does not exist', { path: file });
  const archiveBytes = statSync(file).size;
  const zip = await openZip(file);
  try {
    if (zip.entryCount !== ALLOWED.size) throw invalid('unexpectedFiles');
    const hashes: Record<string, string> = {};
    const small: Record<string, Buffer> = {};
    for await (const entry of zip.eachEntry()) {
      const name = entry.fileName;
      if (!ALLOWED.has(name) || name in hashes) throw invalid('unexpectedFiles');
      // Stored entries only: what comes out is what the archive holds, so no entry can inflate past the file's own size.
      if (entry.compressionMethod !== STORED || entry.isEncrypted() || entry.compressedSize !== entry.uncompressedSize) throw invalid('compressed');
      if (entry.uncompressedSize > Math.min(archiveBytes, name === DB ? DB_MAX : SMALL_MAX)) throw invalid('tooLarge');
      if (name === DB && entry.uncompressedSize === 0) throw invalid('empty');
      const stream = await zip.openReadStreamPromise(entry);
      const hash = createHash('sha256');
      if (name === DB) {
        let done = 0;
        stream.on('data', (chunk: Buffer) => {
          hash.update(chunk);
          done += chunk.length;
          onBytes(done, entry.uncompressedSize);
        });
        await pipeline(stream, createWriteStream(dbPath, { flags: 'wx', mode: 0o600 }));
      } else {
        small[name] = await collect(stream, hash);
      }
      hashes[name] = hash.digest('hex');
    }
    const manifestBytes = small[MANIFEST];
    const slots = small[SLOTS];
    if (!manifestBytes || !slots || !hashes[DB]) throw invalid('incomplete');
    let manifest: Manifest;
    try {
      manifest = ManifestSchema.parse(JSON.parse(manifestBytes.toString('utf8')));
    } catch {
      throw invalid('manifest');
    }
    if (hashes[DB] !== manifest.files[DB] || hashes[SLOTS] !== manifest.files[SLOTS]) throw invalid('checksum');
    return { manifest, slots };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw invalid('notBackup');
  } finally {
    zip.close();
  }
}

/** Reopens the copy with the key in a scratch folder: integrity_check and the same row counts and audit head. */
async function verifyBackupFile(file: string, dek: Buffer, expected: ReturnType<typeof fingerprint>, onBytes: (done: number, total: number) => void): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), 'zlagoda-verify-'));
  try {
    const path = join(scratch, DB);
    await readBackup(file, path, onBytes);
    const copy = openEncrypted(path, dek, { readonly: true });
    try {
      if (integrityCheck(copy).length > 0) throw invalid('doesNotVerify');
      if (JSON.stringify(fingerprint(copy)) !== JSON.stringify(expected)) throw invalid('doesNotVerify');
    } finally {
      copy.close();
    }
  } finally {
    dek.fill(0);
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * Restores into a new, empty directory and proves, before reporting success, that it is the store the
 * manifest names: the manifest's MAC under the restored data key, the same store id and slot generation,
 * integrity_check, the chain intact with the head the backup carried still on it.
 */
export async function restoreStore(file: string, dir: string, login: string, passphrase: string, env: StoreEnv): Promise<OpenStore> {
  if (existsSync(dir) && readdirSync(dir).length > 0) throw new AppError('STORE_EXISTS', 'the target directory is not empty', { dir });
  const created = !existsSync(dir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const paths = storePaths(dir);
  let store: OpenStore | null = null;
  try {
    const partial = `${paths.db}.partial`;
    const { manifest, slots } = await readBackup(file, partial);
    renameSync(partial, paths.db);
    writeFileAtomic(paths.slots, slots);
    let unlocked: Unlocked;
    try {
      unlocked = await unlockStore(dir, login, passphrase, env);
    } catch (error) {
      // A database that is not a store (empty, no schema, another store's) is the backup's fault, not the user's.
      if (error instanceof AppError && (error.code === 'STORE_CORRUPT' || error.code === 'STORE_TAMPERED')) throw invalid('otherStore');
      throw error;
    }
    store = unlocked.store;
    if (manifest.storeId !== store.storeId) throw invalid('otherStore');
    if (manifest.version === 2) {
      const key = store.keyForCopy();
      const { mac, ...body } = manifest;
      const holds = /^[0-9a-f]{64}$/.test(mac) && equalHex(mac, manifestMac(key, body));
      key.fill(0);
      if (!holds || manifest.generation !== store.slots.generation) throw invalid('manifestKey');
      if (manifest.head.seq > 0 && store.audit.hashAt(manifest.head.seq) !== manifest.head.hash) throw invalid('headMissing');
    }
    // The chain's own links and MACs: what the signed heads say is for the verifier to report afterwards, never a
    // reason to refuse the only copy there is.
    const chain = store.audit.verify();
    if (integrityCheck(store.db).length > 0 || chain.status !== 'intact') throw invalid('doesNotVerify');
    const opened = store;
    opened.db.transaction(() =>
      opened.audit.append({ userId: unlocked.opened.slot.userId, workstation: env.workstation }, { action: 'store.restored', entity: 'store', details: { audited: chain.count, manifest: manifest.version } }),
    )();
    return opened;
  } catch (error) {
    store?.close();
    if (created) rmSync(dir, { recursive: true, force: true });
    else for (const name of readdirSync(dir)) rmSync(join(dir, name), { recursive: true, force: true });
    throw error;
  }
}
