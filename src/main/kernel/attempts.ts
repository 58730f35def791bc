import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { writeFileAtomic } from '../store/files';

/**
 * Failed unlocks are counted outside the store: a wrong passphrase must leave every store file untouched.
 * The failures wait here until the next successful unlock writes them into the audit chain.
 */
export interface AttemptState {
  failures: number;
  lastFailureAt: number;
}

export interface PendingFailure {
  at: string;
  /** Key of the attempt: a login as typed is not recorded, only whether it matched a user. */
  kind: 'unlock' | 'recovery';
  userId: string | null;
  /** The user whose login was typed, when it matched one: whose account was tried, not who tried it. */
  accountId?: string | null;
}

export interface AttemptLog {
  get(key: string): AttemptState;
  recordFailure(key: string, failure: PendingFailure, now: number): AttemptState;
  reset(key: string): void;
  takePending(): PendingFailure[];
}

interface Persisted {
  counters: Record<string, AttemptState>;
  pending: PendingFailure[];
}

const MAX_PENDING = 1000;
/** `unlock:` and the user id a login belongs to (or `unknown`), `recovery`, `restore` (see AppCore.throttleKey). */
const HASHED_KEY = /^(unlock:([0-9a-f-]{36}|unknown)|recovery|restore)$/;

export class MemoryAttemptLog implements AttemptLog {
  protected state: Persisted = { counters: {}, pending: [] };

  get(key: string): AttemptState {
    return this.state.counters[key] ?? { failures: 0, lastFailureAt: 0 };
  }

  recordFailure(key: string, failure: PendingFailure, now: number): AttemptState {
    const next = { failures: this.get(key).failures + 1, lastFailureAt: now };
    this.state.counters[key] = next;
    this.state.pending = [...this.state.pending, failure].slice(-MAX_PENDING);
    this.persist();
    return next;
  }

  reset(key: string): void {
    if (!this.state.counters[key]) return;
    delete this.state.counters[key];
    this.persist();
  }

  takePending(): PendingFailure[] {
    const pending = this.state.pending;
    if (pending.length === 0) return pending;
    this.state.pending = [];
    this.persist();
    return pending;
  }

  protected persist(): void {}
}

/** Survives restarts, so that closing the app does not reset the delay. Lives in the app's state folder, not the store. */
export class FileAttemptLog extends MemoryAttemptLog {
  constructor(private readonly path: string) {
    super();
    if (existsSync(path)) {
      try {
        const loaded = JSON.parse(readFileSync(path, 'utf8')) as Persisted;
        if (loaded && typeof loaded === 'object' && loaded.counters && Array.isArray(loaded.pending)) {
          // Counters of older versions were keyed by the login as typed (or its hash); they are dropped, never kept.
          const hashed = Object.entries(loaded.counters).filter(([key]) => HASHED_KEY.test(key));
          this.state = { counters: Object.fromEntries(hashed), pending: loaded.pending };
          if (hashed.length !== Object.keys(loaded.counters).length) this.persist();
        }
      } catch {
        // A damaged counter file only resets the delay; the KDF cost still bounds guessing.
      }
    }
  }

  protected override persist(): void {
    mkdirSync(dirname(this.path), { recursive: true });
    writeFileAtomic(this.path, JSON.stringify(this.state));
  }
}

/** 5 free tries, then 30 s, doubling, capped at 15 min (security.md §8.1). Never a permanent lock-out. */
export function delayAfter(failures: number): number {
  if (failures < 5) return 0;
  return Math.min(30_000 * 2 ** (failures - 5), 15 * 60_000);
}
