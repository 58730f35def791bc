import { createHash, randomUUID, type Hash } from 'node:crypto';
import { closeSync, createWriteStream, existsSync, fsyncSync, mkdirSync, mkdtempSync, openSync, readdirSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Zip, ZipPassThrough } from 'fflate';
import * as yauzl from 'yauzl';
import { z } from 'zod';
import { AppError } from '../../shared/errors';
import { fingerprint, integrityCheck, openEncrypted } from './connection';
import { fsyncDir, writeFileAtomic } from './files';
import { storePaths } from './layout';
import { schemaVersion } from './migrations';
import { getSetting } from './settings';
import { unlockStore, type OpenStore, type StoreEnv } from './store';

/**
 * A backup is one zip holding the encrypted database file as it is on disk, the key-slot file and a
 * manifest of their SHA-256. It is never decrypted on the way: the SQLite backup API could write a
 * plaintext copy (security.md §0.3), so the file itself is copied after a checkpoint. The copy streams
 * through fixed-size chunks both ways, so a backup of a store of any size costs a few MiB of memory.
 */
const ManifestSchema = z
  .object({
    format: z.literal('zlagoda-backup'),
    version: z.literal(1),
    storeId: z.string(),
    createdAt: z.string(),
    schemaVersion: z.number().int(),
    files: z.object({ 'zlagoda.db': z.string(), 'keyslots.json': z.string() }).strict(),
  })
  .strict();
type Manifest = z.infer<typeof ManifestSchema>;

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
}

/** Streams a file into a zip entry in fixed chunks, hashing on the way; returns the SHA-256. */
function streamInto(zip: Zip, name: string, path: string): string {
  const entry = new ZipPassThrough(name);
  entry.mtime = FIXED_MTIME;
  zip.add(entry);
  const hash = createHash('sha256');
  const fd = openSync(path, 'r');
  try {
    for (;;) {
      const chunk = Buffer.allocUnsafe(CHUNK);
      const read = readSync(fd, chunk, 0, CHUNK, null);
      if (read === 0) break;
      const part = chunk.subarray(0, read);
      hash.update(part);
      entry.push(part);
    }
  } finally {
    closeSync(fd);
  }
  entry.push(new Uint8Array(0), true);
  return hash.digest('hex');
}

/** Writes the zip synchronously: the single connection cannot write between the checkpoint and the last read. */
function writeBackupZip(file: string, store: OpenStore): Manifest {
  const paths = storePaths(store.dir);
  const fd = openSync(file, 'wx', 0o600);
  try {
    const zip = new Zip((error, chunk) => {
      if (error) throw error;
      writeSync(fd, chunk);
    });
    const files = { [DB]: streamInto(zip, DB, paths.db), [SLOTS]: streamInto(zip, SLOTS, paths.slots) };
    const manifest: Manifest = {
      format: 'zlagoda-backup',
      version: 1,
      storeId: getSetting(store.db, 'storeId'),
      createdAt: store.env.clock().toISOString(),
      schemaVersion: schemaVersion(store.db),
      files: files as Manifest['files'],
    };
    const entry = new ZipPassThrough(MANIFEST);
    entry.mtime = FIXED_MTIME;
    zip.add(entry);
    entry.push(new TextEncoder().encode(JSON.stringify(manifest, null, 2)), true);
    zip.end();
    fsyncSync(fd);
    return manifest;
  } finally {
    closeSync(fd);
  }
}

export async function backupStore(store: OpenStore, outFile: string): Promise<BackupReport> {
  if (existsSync(outFile)) throw new AppError('FILE_EXISTS', 'the backup file already exists', { path: outFile });
  if (!existsSync(dirname(outFile))) throw new AppError('FILE_NOT_FOUND', 'the folder for the backup does not exist', { path: dirname(outFile) });
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  const expected = fingerprint(store.db);
  const tmp = `${outFile}.partial-${randomUUID().slice(0, 8)}`;
  try {
    const manifest = writeBackupZip(tmp, store);
    await verifyBackupFile(tmp, store.keyForCopy(), expected);
    renameSync(tmp, outFile);
    fsyncDir(dirname(outFile));
    return { path: outFile, bytes: statSync(outFile).size, schemaVersion: manifest.schemaVersion, tables: expected.tables };
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
}

const invalid = (reason: string) => new AppError('BACKUP_INVALID', reason);

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, autoClose: false, strictFileNames: true, validateEntrySizes: true }, (error, zip) =>
      error ? reject(invalid('the file is not a Zlagoda backup')) : resolve(zip),
    );
  });
}

async function collect(stream: NodeJS.ReadableStream, hash: Hash): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > SMALL_MAX) throw invalid('an entry is larger than it can be');
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
async function readBackup(file: string, dbPath: string): Promise<{ manifest: Manifest; slots: Buffer }> {
  if (!existsSync(file)) throw new AppError('FILE_NOT_FOUND', 'the backup file does not exist', { path: file });
  const zip = await openZip(file);
  try {
    if (zip.entryCount !== ALLOWED.size) throw invalid('unexpected files in the backup');
    const hashes: Record<string, string> = {};
    const small: Record<string, Buffer> = {};
    for await (const entry of zip.eachEntry()) {
      const name = entry.fileName;
      if (!ALLOWED.has(name) || name in hashes) throw invalid('unexpected file in the backup');
      if (entry.compressionMethod !== STORED || entry.isEncrypted()) throw invalid('a backup entry is compressed or encrypted');
      if (entry.uncompressedSize > (name === DB ? DB_MAX : SMALL_MAX)) throw invalid('an entry is larger than it can be');
      const stream = await zip.openReadStreamPromise(entry);
      const hash = createHash('sha256');
      if (name === DB) {
        stream.on('data', (chunk: Buffer) => hash.update(chunk));
        await pipeline(stream, createWriteStream(dbPath, { flags: 'wx', mode: 0o600 }));
      } else {
        small[name] = await collect(stream, hash);
      }
      hashes[name] = hash.digest('hex');
    }
    const manifestBytes = small[MANIFEST];
    const slots = small[SLOTS];
    if (!manifestBytes || !slots || !hashes[DB]) throw invalid('the backup is incomplete');
    let manifest: Manifest;
    try {
      manifest = ManifestSchema.parse(JSON.parse(manifestBytes.toString('utf8')));
    } catch {
      throw invalid('the backup manifest is damaged');
    }
    if (hashes[DB] !== manifest.files[DB] || hashes[SLOTS] !== manifest.files[SLOTS]) throw invalid('the backup is damaged: checksums differ');
    return { manifest, slots };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw invalid('the backup cannot be read');
  } finally {
    zip.close();
  }
}

/** Reopens the copy with the key in a scratch folder: integrity_check and the same row counts and audit head. */
async function verifyBackupFile(file: string, dek: Buffer, expected: ReturnType<typeof fingerprint>): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), 'zlagoda-verify-'));
  try {
    const path = join(scratch, DB);
    await readBackup(file, path);
    const copy = openEncrypted(path, dek, { readonly: true });
    try {
      if (integrityCheck(copy).length > 0) throw invalid('the copy fails integrity_check');
      if (JSON.stringify(fingerprint(copy)) !== JSON.stringify(expected)) throw invalid('the copy differs from the store');
    } finally {
      copy.close();
    }
  } finally {
    dek.fill(0);
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Restores into a new, empty directory and proves it opens and verifies; never overwrites anything. */
export async function restoreStore(file: string, dir: string, login: string, passphrase: string, env: StoreEnv): Promise<OpenStore> {
  if (existsSync(dir) && readdirSync(dir).length > 0) throw new AppError('STORE_EXISTS', 'the target directory is not empty', { dir });
  const created = !existsSync(dir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const paths = storePaths(dir);
  try {
    const partial = `${paths.db}.partial`;
    const { slots } = await readBackup(file, partial);
    renameSync(partial, paths.db);
    writeFileAtomic(paths.slots, slots);
    const { store, slot } = await unlockStore(dir, login, passphrase, env);
    const problems = integrityCheck(store.db);
    const chain = store.audit.verify();
    if (problems.length > 0 || chain.status !== 'intact') {
      store.close();
      throw new AppError('BACKUP_INVALID', 'the restored store does not verify', { integrity: problems.length, chain: chain.status });
    }
    store.db.transaction(() =>
      store.audit.append({ userId: slot.userId, workstation: env.workstation }, { action: 'store.restored', entity: 'store', details: { audited: chain.count } }),
    )();
    return store;
  } catch (error) {
    if (created) rmSync(dir, { recursive: true, force: true });
    else for (const name of readdirSync(dir)) rmSync(join(dir, name), { recursive: true, force: true });
    throw error;
  }
}
