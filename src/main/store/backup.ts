import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { z } from 'zod';
import { AppError } from '../../shared/errors';
import { integrityCheck, openEncrypted, type Db } from './connection';
import { fsyncDir, writeFileAtomic } from './files';
import { storePaths } from './layout';
import { schemaVersion } from './migrations';
import { unlockStore, type OpenStore, type StoreEnv } from './store';
import { getSetting } from '../features/system/settings.repository';

/**
 * A backup is one zip holding the encrypted database file as it is on disk, the key-slot file and a
 * manifest of their SHA-256. It is never decrypted on the way: the SQLite backup API could write a
 * plaintext copy (security.md §0.3), so the file itself is copied after a checkpoint.
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

const ALLOWED = new Set(['manifest.json', 'zlagoda.db', 'keyslots.json']);
/** Generous for a decade of an oblast's records; refuses anything that would exhaust memory. */
const MAX_BACKUP_BYTES = 2 * 1024 ** 3;

const sha256 = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** What must be equal in the source and the copy. */
function fingerprint(db: Db): { tables: Record<string, number>; auditHead: string } {
  const names = (db.prepare("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
  const tables: Record<string, number> = {};
  for (const name of names) tables[name] = (db.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n;
  const head = db.prepare('SELECT hash FROM audit_events ORDER BY seq DESC LIMIT 1').get() as { hash: string } | undefined;
  return { tables, auditHead: head?.hash ?? '' };
}

export interface BackupReport {
  path: string;
  bytes: number;
  schemaVersion: number;
  tables: Record<string, number>;
}

export function backupStore(store: OpenStore, outFile: string): BackupReport {
  if (existsSync(outFile)) throw new AppError('FILE_EXISTS', 'the backup file already exists', { path: outFile });
  if (!existsSync(dirname(outFile))) throw new AppError('FILE_NOT_FOUND', 'the folder for the backup does not exist', { path: dirname(outFile) });
  const paths = storePaths(store.dir);
  // Single connection, synchronous: nothing writes between the checkpoint and the reads.
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  const dbBytes = readFileSync(paths.db);
  const slotBytes = readFileSync(paths.slots);
  const expected = fingerprint(store.db);
  const manifest = {
    format: 'zlagoda-backup' as const,
    version: 1 as const,
    storeId: getSetting(store, 'storeId'),
    createdAt: store.env.clock().toISOString(),
    schemaVersion: schemaVersion(store.db),
    files: { 'zlagoda.db': sha256(dbBytes), 'keyslots.json': sha256(slotBytes) },
  };
  const zip = zipSync(
    { 'manifest.json': new TextEncoder().encode(JSON.stringify(manifest, null, 2)), 'zlagoda.db': dbBytes, 'keyslots.json': slotBytes },
    { level: 0, mtime: new Date('2000-01-01T00:00:00Z') },
  );
  const tmp = `${outFile}.partial-${randomUUID().slice(0, 8)}`;
  try {
    writeFileAtomic(tmp, Buffer.from(zip));
    verifyBackupFile(tmp, store.keyForCopy(), expected);
    renameSync(tmp, outFile);
    fsyncDir(dirname(outFile));
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
  return { path: outFile, bytes: zip.length, schemaVersion: manifest.schemaVersion, tables: expected.tables };
}

function readBackup(file: string): { manifest: z.infer<typeof ManifestSchema>; db: Uint8Array; slots: Uint8Array } {
  if (!existsSync(file)) throw new AppError('FILE_NOT_FOUND', 'the backup file does not exist', { path: file });
  if (statSync(file).size > MAX_BACKUP_BYTES) throw new AppError('BACKUP_INVALID', 'the file is too large to be a backup');
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(readFileSync(file), {
      filter: (entry) => {
        if (!ALLOWED.has(entry.name)) throw new AppError('BACKUP_INVALID', 'unexpected file in the backup');
        return true;
      },
    });
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('BACKUP_INVALID', 'the file is not a Zlagoda backup');
  }
  const manifestBytes = entries['manifest.json'];
  const db = entries['zlagoda.db'];
  const slots = entries['keyslots.json'];
  if (!manifestBytes || !db || !slots) throw new AppError('BACKUP_INVALID', 'the backup is incomplete');
  let manifest;
  try {
    manifest = ManifestSchema.parse(JSON.parse(new TextDecoder().decode(manifestBytes)));
  } catch {
    throw new AppError('BACKUP_INVALID', 'the backup manifest is damaged');
  }
  if (sha256(db) !== manifest.files['zlagoda.db'] || sha256(slots) !== manifest.files['keyslots.json']) {
    throw new AppError('BACKUP_INVALID', 'the backup is damaged: checksums differ');
  }
  return { manifest, db, slots };
}

/** Reopens the copy with the key in a scratch folder: integrity_check and the same row counts and audit head. */
function verifyBackupFile(file: string, dek: Buffer, expected: ReturnType<typeof fingerprint>): void {
  const { db } = readBackup(file);
  const scratch = mkdtempSync(join(tmpdir(), 'zlagoda-verify-'));
  try {
    const path = join(scratch, 'zlagoda.db');
    writeFileSync(path, db, { mode: 0o600 });
    const copy = openEncrypted(path, dek, { readonly: true });
    try {
      if (integrityCheck(copy).length > 0) throw new AppError('BACKUP_INVALID', 'the copy fails integrity_check');
      const actual = fingerprint(copy);
      if (JSON.stringify(actual) !== JSON.stringify(expected)) throw new AppError('BACKUP_INVALID', 'the copy differs from the store');
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
  const { db, slots } = readBackup(file);
  const created = !existsSync(dir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const paths = storePaths(dir);
  try {
    writeFileAtomic(paths.db, Buffer.from(db));
    writeFileAtomic(paths.slots, Buffer.from(slots));
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
