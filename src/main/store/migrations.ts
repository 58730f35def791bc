import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { AppError } from '../../shared/errors';
import type { Db } from './connection';

export interface MigrationOutcome {
  applied: number;
  schemaVersion: number;
  /** Encrypted copy taken before pending migrations ran on a store that already had a schema. */
  backupPath: string | null;
}

const TABLE = '__drizzle_migrations';

/**
 * Applies drizzle-kit's migrations with the safeguards drizzle's own migrator lacks: refuse a store written
 * by a newer app, keep an encrypted copy before changing an existing schema, and check foreign keys before
 * committing. The bookkeeping table is drizzle's, so either migrator can read it.
 */
export function migrate(db: Db, options: { migrationsFolder: string; dbPath: string; backupDir: string; now: Date }): MigrationOutcome {
  const known = readMigrationFiles({ migrationsFolder: options.migrationsFolder });
  db.exec(`CREATE TABLE IF NOT EXISTS ${TABLE} (id INTEGER PRIMARY KEY, hash TEXT NOT NULL, created_at NUMERIC)`);
  const applied = db.prepare(`SELECT hash, created_at AS createdAt FROM ${TABLE} ORDER BY created_at`).all() as {
    hash: string;
    createdAt: number;
  }[];
  const knownHashes = new Set(known.map((m) => m.hash));
  const newest = known.at(-1)?.folderMillis ?? 0;
  if (applied.some((m) => !knownHashes.has(m.hash) || Number(m.createdAt) > newest)) {
    throw new AppError('STORE_TOO_NEW', 'the store was written by a newer version of Zlagoda', {
      storeMigrations: applied.length,
      appMigrations: known.length,
    });
  }
  const lastApplied = applied.length ? Number(applied.at(-1)!.createdAt) : -1;
  const pending = known.filter((m) => m.folderMillis > lastApplied);
  if (pending.length === 0) return { applied: 0, schemaVersion: applied.length, backupPath: null };

  let backupPath: string | null = null;
  if (applied.length > 0) {
    db.pragma('wal_checkpoint(TRUNCATE)');
    mkdirSync(options.backupDir, { recursive: true });
    const stamp = options.now.toISOString().replace(/[:.]/g, '-');
    backupPath = join(options.backupDir, `zlagoda-v${applied.length}-${stamp}.db`);
    copyFileSync(options.dbPath, backupPath);
  }

  db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      const record = db.prepare(`INSERT INTO ${TABLE} (hash, created_at) VALUES (?, ?)`);
      for (const migration of pending) {
        for (const statement of migration.sql) if (statement.trim()) db.exec(statement);
        record.run(migration.hash, migration.folderMillis);
      }
      const violations = db.pragma('foreign_key_check') as unknown[];
      if (violations.length > 0) {
        throw new AppError('STORE_CORRUPT', 'foreign keys do not hold after migration', { violations: violations.length });
      }
    })();
  } finally {
    db.pragma('foreign_keys = ON');
  }
  return { applied: pending.length, schemaVersion: applied.length + pending.length, backupPath };
}

export function schemaVersion(db: Db): number {
  return (db.prepare(`SELECT count(*) AS n FROM ${TABLE}`).get() as { n: number }).n;
}
