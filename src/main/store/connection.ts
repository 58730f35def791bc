import { closeSync, copyFileSync, existsSync, fsyncSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import { crashPoint } from './crash-points';
import { fsyncDir } from './files';

export type Db = Database.Database;

/** 128 MiB: decryption makes the page cache decide read speed (architecture.md §5). */
const CACHE_KIB = 131072;

/**
 * How the data key opens the file. `raw`: the 32 bytes are the cipher key, no derivation at open. `legacy`:
 * stores written before that passed the key as hex text, which SQLite3MC ran through PBKDF2 (256,000 rounds,
 * about 120 ms) at every open; they are converted at their next unlock.
 */
export type KeyForm = 'raw' | 'legacy';

function keyed(path: string, dek: Buffer, form: KeyForm, options: { readonly: boolean; fileMustExist: boolean }): Db | null {
  let db: Db;
  try {
    db = new Database(path, { readonly: options.readonly, fileMustExist: options.fileMustExist });
  } catch (error) {
    throw new AppError('STORE_NOT_FOUND', (error as Error).message);
  }
  try {
    db.pragma(`cipher='sqlcipher'`);
    db.pragma('legacy=4');
    if (form === 'raw') db.pragma(`key="x'${dek.toString('hex')}'"`);
    else db.pragma(`hexkey='${dek.toString('hex')}'`);
    // `PRAGMA key` answers "ok" to any key: reading the schema is what proves it.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return db;
  } catch {
    db.close();
    return null;
  }
}

/**
 * Opens an SQLCipher v4 file with the raw 32-byte data key. A file in the legacy key form opens too, and
 * unless read-only is converted on the spot (`convertLegacyKey`), so the next open costs no derivation.
 */
export function openEncrypted(path: string, dek: Buffer, options: { readonly?: boolean; fileMustExist?: boolean } = {}): Db {
  const db = tryOpenEncrypted(path, dek, options);
  if (!db) throw new AppError('STORE_CORRUPT', 'database does not open with its key');
  return db;
}

/**
 * Null when the key does not open the file. An existing file must not be empty: SQLite reads a 0-byte file as
 * an empty database under any key, and the first write would turn it into a fresh, empty store.
 */
export function tryOpenEncrypted(path: string, dek: Buffer, options: { readonly?: boolean; fileMustExist?: boolean } = {}): Db | null {
  const flags = { readonly: options.readonly ?? false, fileMustExist: options.fileMustExist ?? true };
  if (flags.fileMustExist) {
    if (!existsSync(path) || statSync(path).size === 0) throw new AppError('STORE_CORRUPT', 'the database file is missing or empty', { empty: true });
  }
  let db = keyed(path, dek, 'raw', flags);
  if (!db) {
    const legacy = keyed(path, dek, 'legacy', flags);
    if (!legacy) return null;
    if (flags.readonly) db = legacy;
    else {
      convertLegacyKey(legacy, path, dek);
      db = keyed(path, dek, 'raw', flags);
      if (!db) throw new AppError('STORE_CORRUPT', 'database does not open after the key conversion');
    }
  }
  if (!flags.readonly) applyPragmas(db);
  return db;
}

/** What must be equal in two copies of a store: the rows of every table and the audit head. */
export function fingerprint(db: Db): { tables: Record<string, number>; auditHead: string } {
  const names = (db.prepare("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
  const tables: Record<string, number> = {};
  for (const name of names) tables[name] = (db.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n;
  const head = names.includes('audit_events') ? (db.prepare('SELECT hash FROM audit_events ORDER BY seq DESC LIMIT 1').get() as { hash: string } | undefined) : undefined;
  return { tables, auditHead: head?.hash ?? '' };
}

/** Re-keys a legacy store to the raw form of the same key (see `rekeyFile`). */
export function convertLegacyKey(legacy: Db, path: string, dek: Buffer): void {
  rekeyFile(legacy, path, { key: dek, form: 'legacy' }, dek);
}

/**
 * Re-keys the database file to `next` (raw form). SQLite3MC cannot re-key in WAL mode, so the work happens on a
 * copy in rollback-journal mode: checkpoint, copy, re-key the copy, reopen it with the new key and prove it
 * holds the same rows, switch it back to WAL, and only then move it over the original. A crash at any step
 * leaves the file whole under exactly one of the two keys. `open` is closed on return.
 */
export function rekeyFile(open: Db, path: string, from: { key: Buffer; form: KeyForm }, next: Buffer): void {
  let expected: ReturnType<typeof fingerprint>;
  try {
    open.pragma('wal_checkpoint(TRUNCATE)');
    expected = fingerprint(open);
  } finally {
    open.close();
  }
  const copy = `${path}.rekey`;
  rmSync(copy, { force: true });
  rmSync(`${copy}-journal`, { force: true });
  copyFileSync(path, copy);
  try {
    const flags = { readonly: false, fileMustExist: true };
    const old = keyed(copy, from.key, from.form, flags);
    if (!old) throw new AppError('STORE_CORRUPT', 'the copy does not open for re-keying');
    try {
      old.pragma('journal_mode = DELETE');
      old.pragma(`rekey="x'${next.toString('hex')}'"`);
    } finally {
      old.close();
    }
    const fresh = keyed(copy, next, 'raw', flags);
    if (!fresh) throw new AppError('STORE_CORRUPT', 'the re-keyed copy does not open with the new key');
    try {
      if (integrityCheck(fresh).length > 0 || JSON.stringify(fingerprint(fresh)) !== JSON.stringify(expected)) {
        throw new AppError('STORE_CORRUPT', 'the re-keyed copy differs from the store');
      }
      fresh.pragma('journal_mode = WAL');
    } finally {
      fresh.close();
    }
    const fd = openSync(copy, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    crashPoint('rekey.copied');
    // The WAL was checkpointed and truncated above: the original's side files hold nothing the copy lacks.
    rmSync(`${path}-wal`, { force: true });
    rmSync(`${path}-shm`, { force: true });
    renameSync(copy, path);
    fsyncDir(dirname(path));
  } finally {
    rmSync(copy, { force: true });
    rmSync(`${copy}-journal`, { force: true });
  }
}

export function applyPragmas(db: Db): void {
  db.pragma('journal_mode = WAL');
  // This build defaults WAL to NORMAL, which can lose a committed transaction on power loss.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // Temporary files are not encrypted by SQLite3MC: keep them in memory.
  db.pragma('temp_store = MEMORY');
  // A deleted row (an anonymised person's identity above all) is overwritten with zeros, not left in a free page.
  db.pragma('secure_delete = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma(`cache_size = -${CACHE_KIB}`);
  const synchronous = db.pragma('synchronous', { simple: true });
  if (synchronous !== 2) throw new AppError('INTERNAL', `synchronous is ${String(synchronous)}, expected FULL`);
}

export function integrityCheck(db: Db): string[] {
  const rows = db.pragma('integrity_check') as { integrity_check: string }[];
  const messages = rows.map((r) => r.integrity_check);
  return messages.length === 1 && messages[0] === 'ok' ? [] : messages;
}
