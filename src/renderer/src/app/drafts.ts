import type { AppApi } from './api';

/** A form with unsaved edits, offered to the lock: its record's key and name, and its values when dirty. */
export interface DraftSource {
  key: string;
  label: string;
  /** The values as JSON while they differ from the saved record; null when there is nothing to keep. */
  read(): string | null;
}

/**
 * The forms on screen that may hold unsaved edits. Before any lock the window asks each for its values and keeps
 * them in the store as an encrypted draft (never in the window's own storage), so a lock loses no work.
 */
export class DraftRegistry {
  private readonly sources = new Set<DraftSource>();

  register(source: DraftSource): () => void {
    this.sources.add(source);
    return () => this.sources.delete(source);
  }

  /** Keeps every dirty form; a failure (the store already locked) loses only what could not be kept anyway. */
  async keepAll(api: AppApi): Promise<number> {
    let kept = 0;
    for (const source of this.sources) {
      const payload = source.read();
      if (payload === null) continue;
      try {
        await api.call('drafts:save', { key: source.key, label: source.label, payload });
        kept += 1;
      } catch {
        // Locked meanwhile: nothing more can be written.
      }
    }
    return kept;
  }
}
