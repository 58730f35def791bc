import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import canonicalize from 'canonicalize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatPublicKey, generateKeyPair, keyIdHex } from '../../src/main/bundles/minisign';
import { writeZip } from '../../src/main/bundles/zip-write';
import { consolidatedReport } from '../../src/main/features/inbox/inbox.consolidation';
import { reportSchema } from '../../src/shared/reports/report';
import { KYIV, POLTAVA, rotation, senderBundle, senderReport, ZHYTOMYR } from '../fixtures/inbox';
import { cleanupTempDirs, tempDir } from '../fixtures/store';
import { entriesOf, flipByte } from '../fixtures/tamper';
import { buildCommand, runCommand } from '../fixtures/cli';

/** The real command as a script at the Ministry runs it: the built bundle, a separate process, no store. */

let home: string;

function zlagoda(args: string[]) {
  return runCommand(home, args);
}

beforeAll(() => {
  buildCommand();
  home = tempDir('zlagoda-cli-consolidate-');
});
afterAll(cleanupTempDirs);

const poltava = generateKeyPair();
const kyivOld = generateKeyPair();
const kyivNew = generateKeyPair();
const ROTATED_AT = '2026-10-03T12:00:00.000Z';

function folders(name: string): { keys: string; inbox: string; out: string } {
  const keys = join(home, name, 'keys');
  const inbox = join(home, name, 'in');
  mkdirSync(keys, { recursive: true });
  mkdirSync(inbox, { recursive: true });
  writeFileSync(join(keys, `${POLTAVA.code}.pub`), formatPublicKey(poltava));
  writeFileSync(join(keys, `${KYIV.code}.pub`), formatPublicKey(kyivOld));
  const { statement, signature } = rotation(KYIV.code, kyivOld, kyivNew, ROTATED_AT);
  writeFileSync(join(keys, `${KYIV.code}.rotation.txt`), statement);
  writeFileSync(join(keys, `${KYIV.code}.rotation.txt.minisig`), signature);
  writeFileSync(join(keys, 'README.txt'), 'not a key');
  return { keys, inbox, out: join(home, name, 'out') };
}

const POLTAVA_OPTIONS = { sender: POLTAVA, seed: 21 };
const KYIV_OPTIONS = { sender: KYIV, seed: 22, generatedAt: '2026-10-05T10:00:00Z' };

describe('zlagoda consolidate', () => {
  it('checks every bundle, sums the valid ones, writes report.json and exits 0 when all were valid', () => {
    const { keys, inbox, out } = folders('all-valid');
    writeFileSync(join(inbox, 'poltava.zip'), senderBundle(poltava, POLTAVA_OPTIONS));
    // Signed with Kyiv's new key, after the rotation the keys folder carries.
    writeFileSync(join(inbox, 'kyiv.zip'), senderBundle(kyivNew, KYIV_OPTIONS));
    // An older bundle of Poltava in the same folder: superseded by the newer, not an error.
    writeFileSync(join(inbox, 'poltava-older.zip'), senderBundle(poltava, { ...POLTAVA_OPTIONS, seed: 99, generatedAt: '2026-10-01T09:30:00Z' }));
    const run = zlagoda(['consolidate', '--in', inbox, '--keys', keys, '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Ключ відправника ${KYIV.code}: ${keyIdHex(kyivNew.keyId)} (за заявою від ${ROTATED_AT}`);
    expect(run.stdout).toContain(`прийнято: kyiv.zip — ${KYIV.code} 2026-Q3 ministry`);
    expect(run.stdout).toContain('замінено новішим: poltava-older.zip');
    const text = readFileSync(join(out, 'report.json'), 'utf8');
    const report = reportSchema.parse(JSON.parse(text));
    expect(canonicalize(report)).toBe(text);
    const expected = consolidatedReport(
      [canonicalize(senderReport(POLTAVA_OPTIONS))!, canonicalize(senderReport(KYIV_OPTIONS))!],
      { code: 'UA00000000000000000', name: 'Україна' },
      { profile: 'ministry', computedAt: report.computedAt, softwareVersion: report.softwareVersion },
    );
    expect(report).toEqual(expected);
    expect(report.senders).toEqual([KYIV.code, POLTAVA.code]);
    expect(run.stdout).toContain(`Зведений звіт (2026-Q3, ministry, відправників — 2: ${KYIV.code}, ${POLTAVA.code}) збережено: ${join(out, 'report.json')}`);

    // The same folders again: the output is not overwritten.
    const again = zlagoda(['consolidate', '--in', inbox, '--keys', keys, '--out', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('уже є report.json');
  });

  it('refuses tampered, unknown and out-of-validity bundles with the reason, sums the rest, and exits 1', () => {
    const { keys, inbox, out } = folders('some-invalid');
    writeFileSync(join(inbox, 'poltava.zip'), senderBundle(poltava, POLTAVA_OPTIONS));
    // One figure of the report changed after signing, zipped again.
    const entries = entriesOf(senderBundle(kyivNew, KYIV_OPTIONS));
    entries.set('data/report.json', flipByte(entries.get('data/report.json')!, 200));
    writeFileSync(join(inbox, 'kyiv-tampered.zip'), writeZip(entries));
    writeFileSync(join(inbox, 'kyiv-old-key.zip'), senderBundle(kyivOld, { ...KYIV_OPTIONS, generatedAt: '2026-10-04T00:00:00Z' }));
    writeFileSync(join(inbox, 'zhytomyr.zip'), senderBundle(generateKeyPair(), { sender: ZHYTOMYR }));
    writeFileSync(join(inbox, 'not-a-zip.zip'), 'hello');
    const run = zlagoda(['consolidate', '--in', inbox, '--keys', keys, '--out', out, '--period', '2026-Q3', '--profile', 'publication']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('прийнято: poltava.zip');
    expect(run.stderr).toMatch(/відхилено: kyiv-old-key\.zip — ключ не був чинний на дату формування пакета \[key_not_valid_then/);
    expect(run.stderr).toMatch(/відхилено: kyiv-tampered\.zip — .*\[payload_hash_mismatch: data\/report\.json/);
    expect(run.stderr).toMatch(/відхилено: zhytomyr\.zip — пакет підписано ключем, якого немає серед довірених \[unknown_key/);
    expect(run.stderr).toMatch(/відхилено: not-a-zip\.zip — .*\[not_zip/);
    expect(run.stderr).toContain('Відхилено пакетів: 4. Зведено лише дійсні.');
    const report = reportSchema.parse(JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')));
    expect([report.profile, report.threshold, report.senders]).toEqual(['publication', 5, [POLTAVA.code]]);
  });

  it('says what is wrong with the options or the keys, with exit 2', () => {
    const { keys, inbox, out } = folders('usage');
    expect(zlagoda(['consolidate', '--keys', keys, '--out', out])).toMatchObject({ code: 2, stderr: expect.stringContaining('--in') });
    expect(zlagoda(['consolidate', '--in', inbox, '--keys', keys, '--out', out, '--profile', 'all'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--profile') });
    expect(zlagoda(['consolidate', '--in', inbox, '--keys', keys, '--out', out, '--period', '2026-Q5'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--period') });
    expect(zlagoda(['consolidate', '--in', inbox, '--keys', keys, '--out', out])).toMatchObject({ code: 2, stderr: expect.stringContaining('немає файлів .zip') });
    writeFileSync(join(keys, `${KYIV.code}.rotation.txt`), 'змінена заява\n');
    writeFileSync(join(inbox, 'poltava.zip'), senderBundle(poltava, POLTAVA_OPTIONS));
    expect(zlagoda(['consolidate', '--in', inbox, '--keys', keys, '--out', out])).toMatchObject({ code: 2, stderr: expect.stringContaining('rotation_malformed') });
    const help = zlagoda(['--help']);
    expect(help.stdout).toContain('zlagoda consolidate --in ТЕКА --keys ТЕКА --out ТЕКА');
    expect(help.stdout).toContain('код виходу 0, лише коли всі пакети дійсні, інакше 1');
  });
});
