import { join } from 'node:path';

/** A store is a directory: the encrypted database, its WAL, and the key-slot file. */
export function storePaths(dir: string) {
  return {
    dir,
    db: join(dir, 'zlagoda.db'),
    wal: join(dir, 'zlagoda.db-wal'),
    shm: join(dir, 'zlagoda.db-shm'),
    slots: join(dir, 'keyslots.json'),
    /** The next slot file, written before the database commits a change of slots and renamed over the first after. */
    pendingSlots: join(dir, 'keyslots.next.json'),
    premigration: join(dir, 'pre-migration'),
    /** Where the last backup went (path and time): named when the store is found damaged. */
    lastBackup: join(dir, 'last-backup.json'),
  };
}
