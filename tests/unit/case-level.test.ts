import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { AGE_GROUPS, ageGroupOf, caseLevelExport, caseLevelRows } from '../../src/main/features/reports/case-level';
import { parsePeriod } from '../../src/shared/reports/periods';
import { FIELDS, OFFICIAL, PERSON, PLANTED, forwardedCase, registerCase, step } from '../fixtures/cases';
import { adminRuntime, cleanupTempDirs, type TestRuntime } from '../fixtures/store';

afterEach(cleanupTempDirs);

const KEY = 'ключ цього вивантаження';
const Q4 = parsePeriod('2026-Q4')!;

const parse = (text: string): Record<string, string>[] => Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;

/** `n` applications alike in every quasi-identifier (the fixture's person: a woman of 28, Ukrainian, labour in Poland). */
async function alike(rt: TestRuntime, n: number, from = 1): Promise<void> {
  for (let i = from; i < from + n; i += 1) await registerCase(rt, { registrationNumber: String(i) });
}

describe('the case-level export', () => {
  it('is refused while a combination is rarer than k, and given once five cases are alike', async () => {
    const rt = await adminRuntime();
    const db = rt.core.requireStore().db;
    await alike(rt, 2);
    const refused = caseLevelExport(caseLevelRows(db, Q4, KEY), 5);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.violations).toEqual([
      {
        combination: {
          sex: 'female',
          ageGroup: '18--29',
          minor: false,
          citizenship: 'UA',
          formsVersion: '2024',
          forms: ['labour'],
          countries: ['PL'],
          applicationMonth: '2026-11',
          decisionMonth: null,
          outcome: null,
        },
        count: 2,
      },
    ]);

    await alike(rt, 3, 3);
    const rows = caseLevelRows(db, Q4, KEY);
    expect(rows).toHaveLength(5);
    const given = caseLevelExport(rows, 5);
    expect(given.ok).toBe(true);
    if (!given.ok) return;
    expect(given.csv.startsWith('\uFEFFzlagoda_caseCode,yearOfRegistration,zlagoda_applicationMonth,gender,zlagoda_ageGroup,majorityStatus,citizenship,zlagoda_formsVersion,')).toBe(true);
    const lines = parse(given.csv);
    expect(lines).toHaveLength(5);
    for (const line of lines) {
      expect(line).toMatchObject({ yearOfRegistration: '2026', zlagoda_applicationMonth: '2026-11', gender: 'Female', zlagoda_ageGroup: '18--29', majorityStatus: 'Adult', citizenship: 'UA', isForcedLabour: '1', isSexualExploit: '0', CountryOfExploitation: 'PL', zlagoda_decisionOutcome: '' });
      // 2024 list: no organ removal; the 2016 list's form is empty, not «no».
      expect(line.isOrganRemoval).toBe('');
      expect(line.zlagoda_caseCode).toMatch(/^[0-9a-f]{12}$/);
    }
    // One more unlike person makes a combination of one again.
    await registerCase(rt, { registrationNumber: '99', countries: ['DE'] });
    const again = caseLevelExport(caseLevelRows(db, Q4, KEY), 5);
    expect(again.ok).toBe(false);
  });

  it('carries no name, contact, birth date, number, organisation, territory or free text of the register', async () => {
    const rt = await adminRuntime();
    const db = rt.core.requireStore().db;
    await alike(rt, 5);
    const storeCodes = db.prepare('SELECT id FROM cases UNION ALL SELECT code FROM persons UNION ALL SELECT id FROM persons').pluck().all() as string[];
    const given = caseLevelExport(caseLevelRows(db, Q4, KEY), 5);
    if (!given.ok) throw new Error('refused');
    const text = given.csv + given.codebook;
    for (const secret of [
      ...Object.values(PLANTED),
      PERSON.phone!,
      PERSON.birthDate!,
      PERSON.birthDate!.slice(0, 4),
      PERSON.identityDocument!,
      FIELDS.receivingBodyName,
      FIELDS.identificationKatottg!,
      ...(FIELDS.documentsReceived ?? []),
      OFFICIAL,
      '2026-11-02',
      ...storeCodes,
    ])
      expect(text).not.toContain(secret);
  });

  it('keys its pseudonyms: stable under one key, unlike under another, never the store’s code', async () => {
    const rt = await adminRuntime();
    const db = rt.core.requireStore().db;
    await alike(rt, 3);
    const first = caseLevelRows(db, Q4, KEY).map((r) => r.caseCode);
    expect(new Set(first).size).toBe(3);
    expect(caseLevelRows(db, Q4, KEY).map((r) => r.caseCode)).toEqual(first);
    const other = caseLevelRows(db, Q4, new Uint8Array(32).fill(7)).map((r) => r.caseCode);
    expect(other.filter((c) => first.includes(c))).toEqual([]);
  });

  it('takes cases registered or decided in the period, with the last decision up to its end, by month only', async () => {
    const rt = await adminRuntime();
    const db = rt.core.requireStore().db;
    const early = await forwardedCase(rt, { registrationNumber: '7', registrationDate: '2026-09-30' });
    await step(rt, early.id, { kind: 'decision', date: '2026-11-16', number: '12', outcome: 'granted' });
    await registerCase(rt, { registrationNumber: '8', registrationDate: '2026-10-01' });

    const q4 = caseLevelRows(db, Q4, KEY);
    expect(q4.map((r) => [r.applicationMonth, r.decisionMonth, r.outcome]).sort()).toEqual([
      ['2026-09', '2026-11', 'granted'],
      ['2026-10', null, null],
    ]);
    // In the third quarter the application was filed, the decision not yet taken.
    const q3 = caseLevelRows(db, parsePeriod('2026-Q3')!, KEY);
    expect(q3.map((r) => [r.applicationMonth, r.decisionMonth, r.outcome])).toEqual([['2026-09', null, null]]);
    expect(caseLevelRows(db, parsePeriod('2026-Q2')!, KEY)).toEqual([]);
  });

  it('groups ages in bands that are unions of CTDC’s ageBroad, with the child line at 18', () => {
    expect([0, 8, 17, 18, 29, 30, 47, 48, 90].map(ageGroupOf)).toEqual(['0--17', '0--17', '0--17', '18--29', '18--29', '30--47', '30--47', '48+', '48+']);
    expect(ageGroupOf(null)).toBeNull();
    expect(AGE_GROUPS).toHaveLength(4);
  });

  it('explains every field and value in the code book', () => {
    const given = caseLevelExport(
      Array.from({ length: 3 }, (_, i) => ({
        caseCode: `00000000000${i}`,
        sex: null,
        ageGroup: null,
        minor: true,
        citizenship: 'MD',
        formsVersion: '2016',
        forms: ['organ_removal'],
        countries: ['UA', 'RO'],
        applicationMonth: '2026-10',
        decisionMonth: '2026-12',
        outcome: 'refused',
      })),
      3,
    );
    if (!given.ok) throw new Error('refused');
    const header = parse(given.csv)[0]!;
    const book = parse(given.codebook);
    for (const field of Object.keys(header)) expect(book.some((b) => b.field === field && b.code === '')).toBe(true);
    expect(header).toMatchObject({ gender: '', zlagoda_ageGroup: '', majorityStatus: 'Minor', isOrganRemoval: '1', isForcedMilitary: '', CountryOfExploitation: 'RO;UA', zlagoda_decisionOutcome: 'refused' });
    for (const code of ['MD', 'RO', 'UA']) expect(book.some((b) => b.field === 'country' && b.code === code)).toBe(true);
    expect(caseLevelExport([], 5)).toMatchObject({ ok: true });
  });
});
