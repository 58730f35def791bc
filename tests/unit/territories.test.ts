import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCodifier } from '../../src/main/features/territories/territories.codifier';
import { ensureTerritories, getTerritories, searchTerritories, writeEdition } from '../../src/main/features/territories/territories.repository';
import { shippedCodifier } from '../../src/main/features/territories/territories.shipped';
import { openEncrypted, type Db } from '../../src/main/store/connection';
import { migrate } from '../../src/main/store/migrations';
import { cleanupTempDirs, MIGRATIONS, tempDir } from '../fixtures/store';

afterEach(cleanupTempDirs);

const NOW = new Date('2026-11-20T09:00:00Z');

function emptyStore(): Db {
  const dir = tempDir('zlagoda-territories-');
  const path = join(dir, 'zlagoda.db');
  const db = openEncrypted(path, randomBytes(32), { fileMustExist: false });
  migrate(db, { migrationsFolder: MIGRATIONS, dbPath: path, backupDir: join(dir, 'pre'), now: NOW });
  return db;
}

describe('the shipped codifier', () => {
  it('parses whole: 31,748 units, 27 top-level, every category counted, no bad row', () => {
    const { edition, csv } = shippedCodifier();
    const parsed = parseCodifier(csv);
    expect(edition).toBe('2025-05-16');
    expect(parsed.issues).toEqual([]);
    expect(parsed.units).toHaveLength(31_748);
    expect(parsed.units.filter((u) => u.parentCode === null)).toHaveLength(27);
    const counts: Record<string, number> = {};
    for (const u of parsed.units) counts[u.category] = (counts[u.category] ?? 0) + 1;
    expect(counts).toEqual({ O: 25, K: 2, P: 136, H: 1772, M: 461, X: 2007, C: 27_237, B: 108 });
  });

  it('fills an empty store once, in well under a second', () => {
    const db = emptyStore();
    const started = performance.now();
    ensureTerritories(db, NOW);
    const took = performance.now() - started;
    console.log(`territories: shipped codifier loaded into the store in ${took.toFixed(0)} ms`);
    expect(db.prepare('SELECT count(*) FROM territories').pluck().get()).toBe(31_748);
    expect(db.prepare('SELECT count(*) FROM territories WHERE oblast_code IS NULL').pluck().get()).toBe(27);
    ensureTerritories(db, NOW);
    expect(db.prepare('SELECT count(*) FROM territories').pluck().get()).toBe(31_748);
    expect(took).toBeLessThan(3000);
  });
});
