import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { writeFileAtomic } from '../store/files';

/**
 * Where the app's store lives when a restore opened one in another folder: remembered in the profile, so the next
 * start opens the restored store and not the one it replaced. Without the file, the profile's own `store` folder.
 */
const FILE = 'store-location.json';

export function rememberedStoreDir(userData: string): string | null {
  try {
    const parsed = JSON.parse(readFileSync(join(userData, FILE), 'utf8')) as { dir?: unknown };
    return typeof parsed.dir === 'string' && isAbsolute(parsed.dir) && existsSync(parsed.dir) ? parsed.dir : null;
  } catch {
    return null;
  }
}

export function rememberStoreDir(userData: string, dir: string): void {
  writeFileAtomic(join(userData, FILE), JSON.stringify({ dir }));
}
