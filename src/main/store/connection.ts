import Database from 'better-sqlite3';
import { AppError } from '../../shared/errors';

export type Db = Database.Database;

/** 128 MiB: decryption makes the page cache decide read speed (architecture.md §5). */
const CACHE_KIB = 131072;

/**
 * Opens an SQLCipher v4 file with a raw 32-byte key. `PRAGMA key` answers "ok" even for a wrong key,
 * so the sqlite_master probe is what proves the key.
 */
export function openEncrypted(path: string, dek: Buffer, options: { readonly?: boolean; fileMustExist?: boolean } = {}): Db {
  let db: Db;
  try {
    db = new Database(path, { readonly: options.readonly ?? false, fileMustExist: options.fileMustExist ?? true });
  } catch (error) {
    throw new AppError('STORE_NOT_FOUND', (error as Error).message);
  }
  try {
    db.pragma(`cipher='sqlcipher'`);
    db.pragma('legacy=4');
    db.pragma(`hexkey='${dek.toString('hex')}'`);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (error) {
    db.close();
    throw new AppError('STORE_CORRUPT', `database does not open with its key: ${(error as Error).message}`);
  }
  if (!options.readonly) applyPragmas(db);
  return db;
}

export function applyPragmas(db: Db): void {
  db.pragma('journal_mode = WAL');
  // This build defaults WAL to NORMAL, which can lose a committed transaction on power loss.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // Temporary files are not encrypted by SQLite3MC: keep them in memory.
  db.pragma('temp_store = MEMORY');
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
