import { randomUUID } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../shared/errors';

/**
 * Two processes may hold one store: the window and the command line. Whatever decides between the slot file,
 * the aside file and the database's generation (an unlock, a change of slots, a rotation, a backup's read of
 * the slot file) runs under one lock file, created exclusively and holding its owner's pid. A lock whose
 * owner is gone (killed mid-change) is taken over, so a crash never leaves the store locked.
 */
const WAIT_MS = 15_000;
const POLL_MS = 25;

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Held within this process too: a second runtime on the same store (tests, the harness) waits like another process. */
const heldHere = new Set<string>();

/** Takes the lock if it is free or its owner is gone; false while a live owner holds it. */
function tryTake(path: string): boolean {
  if (heldHere.has(path)) return false;
  try {
    const fd = openSync(path, 'wx', 0o600);
    try {
      writeSync(fd, String(process.pid));
    } finally {
      closeSync(fd);
    }
    heldHere.add(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    let owner = 0;
    try {
      owner = Number(readFileSync(path, 'utf8').trim() || '0');
    } catch {
      return tryTake(path);
    }
    // Not held here (checked above), so a lock naming this pid is a leftover, as is one whose owner is gone.
    if (owner === process.pid || !alive(owner)) {
      rmSync(path, { force: true });
      return tryTake(path);
    }
    return false;
  }
}

function release(path: string): void {
  heldHere.delete(path);
  rmSync(path, { force: true });
}

const busy = () => new AppError('STORE_BUSY', 'another window or command is changing the store');

export function withSlotLock<T>(dir: string, work: () => T): T {
  const path = join(dir, 'keyslots.lock');
  const deadline = Date.now() + WAIT_MS;
  while (!tryTake(path)) {
    if (Date.now() > deadline) throw busy();
    sleep(POLL_MS);
  }
  try {
    return work();
  } finally {
    release(path);
  }
}

/**
 * Who has the store open: one file per open store, named by pid and a random id. A rotation swaps the
 * database file, which another holder would keep writing to unseen, so it refuses while anyone else is in.
 */
export class OpenRegistration {
  private readonly path: string;

  constructor(dir: string) {
    const folder = join(dir, 'open');
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    this.path = join(folder, `${process.pid}-${randomUUID().slice(0, 8)}`);
    closeSync(openSync(this.path, 'w', 0o600));
  }

  /** Live holders other than this one; files of processes that are gone are removed on the way. */
  others(): number {
    const folder = join(this.path, '..');
    let count = 0;
    for (const name of existsSync(folder) ? readdirSync(folder) : []) {
      const full = join(folder, name);
      if (full === this.path) continue;
      if (alive(Number(name.split('-')[0]))) count += 1;
      else rmSync(full, { force: true });
    }
    return count;
  }

  release(): void {
    rmSync(this.path, { force: true });
  }
}
