// Rebuilds the codifier the app ships (resources/territories/) from an official КАТОТТГ CSV:
//   node scripts/build-territories.mjs path/to/katottg-YYYY-MM-DD.csv [edition]
// The edition defaults to the date in the file name. The CSV is kept as published (gzipped, line ends made LF,
// a byte-order mark dropped): the app reads it with the same parser that checks an edition an admin loads, so
// there is one reading of the format, not two. Only the shape is checked here; the app's tests load the result.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { gzipSync } from 'node:zlib';

const [source, editionArg] = process.argv.slice(2);
if (!source) {
  console.error('usage: node scripts/build-territories.mjs FILE.csv [edition]');
  process.exit(2);
}
const edition = editionArg ?? /\d{4}-\d{2}-\d{2}/.exec(basename(source))?.[0];
if (!edition) {
  console.error('no edition: give it after the file name (e.g. 2025-05-16)');
  process.exit(2);
}
const raw = readFileSync(source);
const text = raw.toString('utf8').replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
const lines = text.split('\n').filter((line) => line.length > 0);
const bad = lines.map((line, i) => [i + 1, line.split(';').length]).filter(([, n]) => n !== 7);
if (bad.length > 0) {
  console.error(`rows without 7 columns: ${bad.slice(0, 20).map(([row]) => row).join(', ')}`);
  process.exit(1);
}
const units = lines.length - 1;
// gzip from zlib writes no time stamp: a rebuild from the same CSV gives the same bytes, and no change in git.
writeFileSync('resources/territories/katottg.csv.gz', gzipSync(Buffer.from(text, 'utf8'), { level: 9 }));
writeFileSync(
  'resources/territories/edition.json',
  `${JSON.stringify({ edition, units, source: basename(source), sha256: createHash('sha256').update(raw).digest('hex') }, null, 2)}\n`,
);
console.log(`resources/territories: edition ${edition}, ${units} units`);
