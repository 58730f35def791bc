import { execFileSync } from 'node:child_process';
import { chmodSync, closeSync, fsyncSync, openSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Write to a temporary file, fsync, rename over the target, fsync the directory: a crash leaves old or new, never half. */
export function writeFileAtomic(path: string, data: string | Buffer): void {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, data, { mode: 0o600 });
  const fd = openSync(tmp, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  fsyncDir(dirname(path));
}

export function fsyncDir(dir: string): void {
  // Directories cannot be opened for fsync on Windows; there the rename is already durable enough.
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * The store's folder readable by its owner only, and every file in it (the database, its WAL and shared memory,
 * the slot files, the copies taken before a migration). Run at every open: a file copied in, or created by
 * SQLite under a loose umask, is tightened before the first key touches it. On Windows the owner's ACL.
 */
export function restrictStoreFiles(dir: string): void {
  if (process.platform === 'win32') {
    restrictOnWindows(dir);
    return;
  }
  const walk = (folder: string) => {
    chmodSync(folder, 0o700);
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) chmodSync(path, 0o600);
    }
  };
  walk(dir);
}

/** Inheritance off, the current user full control, nobody else. */
function restrictOnWindows(dir: string): void {
  const user = process.env.USERNAME;
  if (!user) return;
  execFileSync('icacls', [dir, '/inheritance:r', '/grant:r', `${user}:(OI)(CI)F`, '/T', '/Q'], { stdio: 'ignore', windowsHide: true });
}
