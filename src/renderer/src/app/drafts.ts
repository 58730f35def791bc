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
  /** What was last kept of each form, so a form that did not change since is not written again. */
  private readonly kept = new Map<string, string>();

  register(source: DraftSource): () => void {
    this.sources.add(source);
    return () => this.sources.delete(source);
  }

  /** Keeps every dirty form; a failure (the store already locked) loses only what could not be kept anyway. */
  async keepAll(api: AppApi): Promise<number> {
    return this.keep(api, false);
  }

  /**
   * Keeps the dirty forms that changed since they were last kept. Run every minute while unlocked: a lock the
   * window hears of only afterwards (the computer locked or asleep) then loses a minute at most, not the work.
   */
  async keepChanged(api: AppApi): Promise<number> {
    return this.keep(api, true);
  }

  /** The form's edits were saved to their record: a draft kept of them is stale, and goes. */
  async forget(api: AppApi, key: string): Promise<void> {
    if (!this.kept.delete(key)) return;
    await api.call('drafts:discard', { key }).catch(() => undefined);
  }

  private async keep(api: AppApi, onlyChanged: boolean): Promise<number> {
    let kept = 0;
    for (const source of this.sources) {
      const payload = source.read();
      if (payload === null) continue;
      if (onlyChanged && this.kept.get(source.key) === payload) continue;
      try {
        await api.call('drafts:save', { key: source.key, label: source.label, payload });
        this.kept.set(source.key, payload);
        kept += 1;
      } catch {
        // Locked meanwhile: nothing more can be written.
      }
    }
    return kept;
  }
}
