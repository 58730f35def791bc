import { createHash } from 'node:crypto';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { DATA_NAME, SIGNATURE, TAG_FILES } from '../../src/main/bundles/bundle';
import { readZip } from '../../src/main/bundles/zip-read';
import { DOS_DATE, DOS_TIME, writeZip } from '../../src/main/bundles/zip-write';
import { hostileZips, rawZip } from '../fixtures/hostile-zips';

const ROOT = join(__dirname, '..', '..');
const temps: string[] = [];
function temp(): string {
  const dir = mkdtempSync(join(tmpdir(), 'zlagoda-zip-'));
  temps.push(dir);
  return dir;
}
afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const bundleNames = new Set<string>([...TAG_FILES, SIGNATURE]);
const allow = (name: string) => bundleNames.has(name) || DATA_NAME.test(name);
const text = (s: string) => new TextEncoder().encode(s);
const sample = () =>
  new Map<string, Uint8Array>([
    ['data/report.json', text('{"applications":3,"granted":2}')],
    ['bagit.txt', text('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n')],
    ['data/tables/figures.csv', text('a,b\n1,2\n')],
  ]);

/** Every local header's DOS time and date fields, walked by the sizes the headers give. */
function dosStamps(zip: Uint8Array): Array<[number, number]> {
  const buf = Buffer.from(zip);
  const stamps: Array<[number, number]> = [];
  for (let at = 0; buf.readUInt32LE(at) === 0x04034b50; at += 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28) + buf.readUInt32LE(at + 18)) {
    stamps.push([buf.readUInt16LE(at + 10), buf.readUInt16LE(at + 12)]);
  }
  return stamps;
}

describe('writeZip', () => {
  it('gives the same bytes for the same files, whatever order they come in', () => {
    const a = writeZip(sample());
    const b = writeZip(new Map([...sample()].reverse()));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(readZip(a, { allow }).ok).toBe(true);
  });

  it('dates every entry 1980-01-01 00:00 in raw DOS fields, with no extra fields', () => {
    const zip = writeZip(sample());
    const stamps = dosStamps(zip);
    expect(stamps).toHaveLength(3);
    for (const stamp of stamps) expect(stamp).toEqual([DOS_TIME, DOS_DATE]);
    expect(DOS_DATE).toBe((0 << 9) | (1 << 5) | 1);
  });

  it('gives the same bytes in time zones far apart (a separate process per zone)', () => {
    const dir = temp();
    const script = join(dir, 'zip-hash.ts');
    writeFileSync(
      script,
      `import { createHash } from 'node:crypto';\nimport { writeZip } from ${JSON.stringify(join(ROOT, 'src/main/bundles/zip-write.ts'))};\n` +
        `const files = new Map([['data/a.txt', new TextEncoder().encode('a')], ['data/b.txt', new TextEncoder().encode('b')]]);\n` +
        `console.log(createHash('sha256').update(writeZip(files)).digest('hex'), new Date(0).getTimezoneOffset());\n`,
    );
    const run = (tz: string) => execFileSync(join(ROOT, 'node_modules', '.bin', 'tsx'), [script], { env: { ...process.env, TZ: tz }, encoding: 'utf8' }).trim().split(' ');
    const [kiritimati, offsetK] = run('Pacific/Kiritimati');
    const [stJohns, offsetS] = run('America/St_Johns');
    expect(offsetK).not.toBe(offsetS);
    expect(kiritimati).toBe(stJohns);
    const files = new Map([['data/a.txt', text('a')], ['data/b.txt', text('b')]]);
    expect(kiritimati).toBe(createHash('sha256').update(writeZip(files)).digest('hex'));
  });

  it('is read back by stock unzip, with the files and date it was given', () => {
    const dir = temp();
    writeFileSync(join(dir, 'b.zip'), writeZip(sample()));
    const test = spawnSync('unzip', ['-t', join(dir, 'b.zip')], { encoding: 'utf8' });
    if (test.error) throw test.error;
    expect(test.status).toBe(0);
    expect(execFileSync('zipinfo', ['-T', join(dir, 'b.zip')], { encoding: 'utf8' })).toContain('19800101.000000');
  });

  it('reads back what it wrote, for random payloads (property)', () => {
    const name = fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,12}\.(json|csv|txt)$/).map((n) => `data/${n}`);
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(name, fc.uint8Array({ maxLength: 2000 })), { minLength: 1, maxLength: 12, selector: ([n]) => n.toLowerCase() }), (pairs) => {
        const files = new Map(pairs);
        const read = readZip(writeZip(files), { allow });
        if (!read.ok) return false;
        return read.entries.size === files.size && [...files].every(([n, bytes]) => Buffer.from(read.entries.get(n)!).equals(Buffer.from(bytes)));
      }),
      { numRuns: 200, seed: 20261130 },
    );
  });
});

describe('readZip refuses hostile archives, each for its own reason, touching no file', () => {
  const cases = hostileZips();

  it('has at least 50 of them, each with a distinct name', () => {
    expect(cases.length).toBeGreaterThanOrEqual(50);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, hostile) => {
    const sandbox = temp();
    const result = readZip(hostile.bytes, { allow });
    expect(result).toMatchObject({ ok: false, reason: hostile.reason });
    expect(readdirSync(sandbox)).toEqual([]);
  });

  it('has no way to write: the reader imports nothing but zlib and the name rules', () => {
    const source = readFileSync(join(ROOT, 'src/main/bundles/zip-read.ts'), 'utf8');
    const imports = [...source.matchAll(/^import .* from '([^']+)';$/gm)].map((m) => m[1]);
    expect(imports.sort()).toEqual(['./entry-names', 'node:zlib']);
  });

  it('takes the same archive when it is honest (the fixture writer is not what fails)', () => {
    const honest = rawZip([{ name: 'data/report.json', data: text('{}') }, { name: 'bagit.txt', data: text('x') }]);
    expect(readZip(honest, { allow })).toMatchObject({ ok: true });
  });

  it('counts the total on the bytes it inflates, with limits the caller may lower', () => {
    const files = new Map([0, 1, 2].map((i) => [`data/f${i}.bin`, new Uint8Array(40_000).fill(i + 65)] as const));
    const zip = writeZip(files);
    expect(readZip(zip, { allow, maxTotalBytes: 100_000 })).toMatchObject({ ok: false, reason: 'total_too_large' });
    expect(readZip(zip, { allow, maxEntryBytes: 39_999 })).toMatchObject({ ok: false, reason: 'entry_too_large' });
    expect(readZip(zip, { allow, maxEntries: 2 })).toMatchObject({ ok: false, reason: 'too_many_entries' });
    expect(readZip(zip, { allow, ratioFloor: 0 })).toMatchObject({ ok: false, reason: 'ratio' });
    expect(readZip(zip, { allow })).toMatchObject({ ok: true });
  });

  it('lets a caller name the entries that may be zip-based documents', () => {
    const docx = writeZip(new Map([['word/document.xml', text('<w:document/>')]]));
    const zip = writeZip(new Map([['data/report.docx', docx]]));
    expect(readZip(zip, { allow })).toMatchObject({ ok: false, reason: 'nested_archive' });
    expect(readZip(zip, { allow, mayBeArchive: (n) => n.endsWith('.docx') })).toMatchObject({ ok: true });
  });
});
