import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { appRoot } from '../../paths';

/**
 * The codifier edition the app ships (resources/territories, made by scripts/build-territories.mjs). It sits beside
 * migrations/ and is found the same way: from the source tree in tests, from out/node for the command line and the
 * harness, and from the app's archive in the packaged app (electron-builder.yml lists the folder). A plain file
 * rather than an imported asset keeps 3 MB of text out of the main bundle and lets the CLI read the same bytes.
 */
export function shippedCodifier(root = appRoot()): { edition: string; csv: string } {
  const folder = join(root, 'resources', 'territories');
  const { edition } = JSON.parse(readFileSync(join(folder, 'edition.json'), 'utf8')) as { edition: string };
  return { edition, csv: gunzipSync(readFileSync(join(folder, 'katottg.csv.gz'))).toString('utf8') };
}
