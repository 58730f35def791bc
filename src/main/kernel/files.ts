/**
 * Where the user wants a file outside the store: Electron asks with its own dialogs (`app/file-chooser.ts`), the
 * harness stands in with fixed folders as a browser saves its downloads, tests with their own. The CLI has none:
 * it takes paths as arguments. The renderer never hands the main process a path of its own.
 */
export interface FileChooser {
  /** A new file for a backup, offered under `suggestedName`; null when the user cancelled. */
  saveBackup(suggestedName: string): Promise<string | null>;
  /** An existing backup to restore; null when the user cancelled. */
  openBackup(): Promise<string | null>;
  /** A folder for a restored store (it must be empty or not yet exist); null when the user cancelled. */
  storeFolder(): Promise<string | null>;
}
