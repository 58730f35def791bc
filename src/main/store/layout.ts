import { join } from 'node:path';

/** A store is a directory: the encrypted database, its WAL, and the key-slot file. */
export function storePaths(dir: string) {
  return {
    dir,
    db: join(dir, 'zlagoda.db'),
    wal: join(dir, 'zlagoda.db-wal'),
    shm: join(dir, 'zlagoda.db-shm'),
    slots: join(dir, 'keyslots.json'),
    premigration: join(dir, 'pre-migration'),
  };
}
