import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { FileChooser } from '../kernel/files';

/**
 * The harness has no dialogs, so it chooses as a browser saves downloads: a backup goes into the downloads folder
 * under the name offered (numbered when taken), «choose a backup» takes the newest backup in that folder, and a
 * restore goes into a new folder beside the store (`<store>-restored-N`). Tests and `dev:web` only.
 */
export function createFolderFileChooser(options: { downloads: string; storeDir: string }): FileChooser {
  return {
    async saveBackup(suggestedName) {
      mkdirSync(options.downloads, { recursive: true, mode: 0o700 });
      const ext = extname(suggestedName);
      const stem = suggestedName.slice(0, suggestedName.length - ext.length);
      for (let n = 0; ; n += 1) {
        const path = join(options.downloads, n === 0 ? suggestedName : `${stem} (${n})${ext}`);
        if (!existsSync(path)) return path;
      }
    },
    async openBackup() {
      if (!existsSync(options.downloads)) return null;
      const newest = readdirSync(options.downloads)
        .filter((name) => name.endsWith('.zlagoda'))
        .map((name) => ({ path: join(options.downloads, name), at: statSync(join(options.downloads, name)).mtimeMs }))
        .sort((a, b) => b.at - a.at)[0];
      return newest?.path ?? null;
    },
    async storeFolder() {
      for (let n = 1; ; n += 1) {
        const path = `${options.storeDir}-restored-${n}`;
        if (!existsSync(path)) return path;
      }
    },
  };
}
