import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCodifier } from '../../src/main/features/territories/territories.codifier';
import { ensureTerritories, getTerritories, searchTerritories, writeEdition } from '../../src/main/features/territories/territories.repository';
import { shippedCodifier } from '../../src/main/features/territories/territories.shipped';
import { openEncrypted, type Db } from '../../src/main/store/connection';
import { migrate } from '../../src/main/store/migrations';
import { becomeCaseOfficer, FIELDS, OFFICIAL, PERSON } from '../fixtures/cases';
import { SMALL_EDITION } from '../fixtures/channel-examples';
import { adminRuntime, call, cleanupTempDirs, failure, MIGRATIONS, tempDir } from '../fixtures/store';

afterEach(cleanupTempDirs);

const NOW = new Date('2026-11-20T09:00:00Z');

function emptyStore(): Db {
  const dir = tempDir('zlagoda-territories-');
  const path = join(dir, 'zlagoda.db');
  const db = openEncrypted(path, randomBytes(32), { fileMustExist: false });
  migrate(db, { migrationsFolder: MIGRATIONS, dbPath: path, backupDir: join(dir, 'pre'), now: NOW });
  return db;
}

describe('the shipped codifier', () => {
  it('parses whole: 31,748 units, 27 top-level, every category counted, no bad row', () => {
    const { edition, csv } = shippedCodifier();
    const parsed = parseCodifier(csv);
    expect(edition).toBe('2025-05-16');
    expect(parsed.issues).toEqual([]);
    expect(parsed.units).toHaveLength(31_748);
    expect(parsed.units.filter((u) => u.parentCode === null)).toHaveLength(27);
    const counts: Record<string, number> = {};
    for (const u of parsed.units) counts[u.category] = (counts[u.category] ?? 0) + 1;
    expect(counts).toEqual({ O: 25, K: 2, P: 136, H: 1772, M: 461, X: 2007, C: 27_237, B: 108 });
  });

  it('fills an empty store once, in well under a second', () => {
    const db = emptyStore();
    const started = performance.now();
    ensureTerritories(db, NOW);
    const took = performance.now() - started;
    console.log(`territories: shipped codifier loaded into the store in ${took.toFixed(0)} ms`);
    expect(db.prepare('SELECT count(*) FROM territories').pluck().get()).toBe(31_748);
    expect(db.prepare('SELECT count(*) FROM territories WHERE oblast_code IS NULL').pluck().get()).toBe(27);
    ensureTerritories(db, NOW);
    expect(db.prepare('SELECT count(*) FROM territories').pluck().get()).toBe(31_748);
    expect(took).toBeLessThan(3000);
  });
});

describe('the territories of a store', () => {
  const filled = (() => {
    let db: Db | null = null;
    return () => {
      if (!db || !db.open) {
        db = emptyStore();
        ensureTerritories(db, NOW);
      }
      return db;
    };
  })();

  it('finds a unit by name prefix with the units it lies in, case and apostrophes aside', () => {
    const db = filled();
    const found = searchTerritories(db, { text: 'андріївка', limit: 50, oblast: '' });
    const crimea = found.find((t) => t.code === 'UA01020010010075540')!;
    expect(crimea).toMatchObject({ category: 'C', name: 'Андріївка', droppedIn: null });
    expect(crimea.within.map((w) => [w.category, w.name])).toEqual([
      ['H', 'Андріївська'],
      ['P', 'Бахчисарайський'],
      ['O', 'Автономна Республіка Крим'],
    ]);
    const apostrophe = db.prepare("SELECT name FROM territories WHERE name LIKE '%’%' LIMIT 1").pluck().get() as string;
    const typed = apostrophe.slice(0, apostrophe.indexOf('’') + 2).replace('’', "'").toUpperCase();
    expect(searchTerritories(db, { text: typed, limit: 50, oblast: '' }).map((t) => t.name)).toContain(apostrophe);
  });

  it('ranks larger units first and keeps to an oblast when asked', () => {
    const db = filled();
    const poltava = searchTerritories(db, { text: 'Полтав', limit: 50, oblast: '' });
    const ranks = poltava.map((t) => 'OKPHMXCB'.indexOf(t.category));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(poltava.slice(0, 2).map((t) => [t.category, t.name])).toEqual([
      ['O', 'Полтавська'],
      ['P', 'Полтавський'],
    ]);
    expect(poltava.find((t) => t.category === 'M')).toMatchObject({ code: 'UA53080370010073240', name: 'Полтава' });
    const scoped = searchTerritories(db, { text: 'Андріївка', limit: 50, oblast: 'UA53000000000028050' });
    expect(scoped.length).toBeGreaterThan(0);
    expect(scoped.every((t) => t.within.some((w) => w.code === 'UA53000000000028050'))).toBe(true);
  });

  it('finds by code, in full or by prefix, and names a city district with its city', () => {
    const db = filled();
    expect(searchTerritories(db, { text: 'ua53080370010073240', limit: 5, oblast: '' }).map((t) => t.name)).toEqual(['Полтава']);
    const prefix = searchTerritories(db, { text: 'UA5308037001', limit: 50, oblast: '' });
    expect(prefix.map((t) => t.code)).toEqual([...prefix.map((t) => t.code)].sort());
    expect(prefix.every((t) => t.code.startsWith('UA5308037001'))).toBe(true);
    const [district] = getTerritories(db, ['UA53080370010183642']);
    expect(district!.within.map((w) => w.name)).toEqual(['Полтава', 'Полтавська', 'Полтавський', 'Полтавська']);
    const [kyivDistrict] = getTerritories(db, ['UA80000000000126643']);
    expect(kyivDistrict!.within.map((w) => [w.category, w.name])).toEqual([['K', 'Київ']]);
  });

  it('refuses a file with a bad row and changes nothing; a good one marks what it no longer lists as dropped', () => {
    const db = filled();
    const header = 'Перший рівень;Другий рівень;Третій рівень;Четвертий рівень;Додатковий рівень;Категорія об’єкта;Назва об’єкта';
    const good = [
      header,
      'UA53000000000028050;;;;;O;Полтавська',
      'UA53000000000028050;UA53080000000068029;;;;P;Полтавський',
      'UA53000000000028050;UA53080000000068029;UA53080370000025447;;;H;Полтавська',
      'UA53000000000028050;UA53080000000068029;UA53080370000025447;UA53080370010073240;;M;Полтава',
      'UA53000000000028050;UA53080000000068029;UA53080370000025447;UA53080370019999999;;C;Нове Село',
    ];
    const bad = [...good, 'UA53000000000028050;UA5308;;;;C;Зламаний', 'UA53000000000028050;;;;;Z;Нема категорії', 'UA53000000000028050;;;;O;Замало колонок'];
    expect(parseCodifier(bad.join('\n')).issues).toEqual([
      { row: 7, problem: 'code' },
      { row: 8, problem: 'category' },
      { row: 9, problem: 'columns' },
    ]);
    const orphan = parseCodifier([header, 'UA53000000000028050;UA53990000000000000;UA53990010000000000;;;H;Сирота'].join('\n'));
    expect(orphan.issues).toEqual([{ row: 2, problem: 'parent' }]);

    const parsed = parseCodifier(good.join('\r\n'));
    expect(parsed.issues).toEqual([]);
    const result = db.transaction(() => writeEdition(db, parsed.units, '2025-12-01', NOW))();
    expect(result).toEqual({ added: 1, dropped: 31_748 - 4 });
    const [kept, added, dropped] = getTerritories(db, ['UA53080370010073240', 'UA53080370019999999', 'UA01020010010075540']).sort((a, b) => a.name.localeCompare(b.name));
    expect(added).toMatchObject({ name: 'Нове Село', droppedIn: null });
    expect(kept).toMatchObject({ name: 'Андріївка', droppedIn: '2025-12-01' });
    expect(dropped).toMatchObject({ name: 'Полтава', droppedIn: null });
    expect(searchTerritories(db, { text: 'Андріївка', limit: 5, oblast: '' })).toEqual([]);
    expect(db.prepare('SELECT count(*) FROM territories').pluck().get()).toBe(31_749);
  });
});

describe('territories through the channels', () => {
  it('refuses an unknown code on an organisation, a case and a person, and keeps a dropped code a record already had', async () => {
    const rt = await adminRuntime();
    const unknown = await failure(rt, 'organisations:save', { name: 'ГО «Нове коло»', type: 'ngo', katottg: 'UA53080370010099999' });
    expect(unknown.code).toBe('VALIDATION');
    expect(unknown.details).toMatchObject({ field: 'katottg', reason: 'unknown_territory', issues: [{ path: 'katottg', key: 'unknownTerritory' }] });
    const saved = await call(rt, 'organisations:save', { name: 'ГО «Нове коло»', type: 'ngo', katottg: 'UA01020010010075540' });
    await call(rt, 'territories:loadEdition', { edition: '2025-12-01', csv: SMALL_EDITION });
    // Saved again unchanged: its village is dropped from the new edition, but the record keeps it.
    await call(rt, 'organisations:save', { id: saved.id, name: 'ГО «Нове коло»', type: 'ngo', katottg: 'UA01020010010075540', active: true });
    const dropped = await failure(rt, 'organisations:save', { name: 'ГО «Друге коло»', type: 'ngo', katottg: 'UA01020010010075540' });
    expect(dropped.details).toMatchObject({ reason: 'dropped_territory' });
    const [shown] = await call(rt, 'territories:get', { codes: ['UA01020010010075540'] });
    expect(shown).toMatchObject({ name: 'Андріївка', droppedIn: '2025-12-01' });

    await becomeCaseOfficer(rt);
    const person = await failure(rt, 'persons:record', {
      person: PERSON,
      identification: { identifiedOn: '2026-11-05', identifiedByOrganisationId: null, identifiedKatottg: 'UA53080370010099999' },
    });
    expect(person.details).toMatchObject({ reason: 'unknown_territory', issues: [{ path: 'identification.identifiedKatottg' }] });
    const kase = await failure(rt, 'cases:create', { person: PERSON, fields: { ...FIELDS, identificationKatottg: 'UA53080370010099999' }, official: OFFICIAL });
    expect(kase.details).toMatchObject({ field: 'identificationKatottg', reason: 'unknown_territory', issues: [{ path: 'fields.identificationKatottg' }] });
  });

  it('loads an edition whole or not at all, audits counts only, and searches the store’s oblast first', async () => {
    const rt = await adminRuntime();
    await call(rt, 'territories:saveOptions', { oblast: 'UA53000000000028050' });
    const scoped = await call(rt, 'territories:search', { text: 'Андріївка' });
    expect(scoped.length).toBeGreaterThan(0);
    expect(scoped.every((t) => t.within.some((w) => w.code === 'UA53000000000028050'))).toBe(true);
    expect((await call(rt, 'territories:search', { text: 'Андріївка', oblast: '' })).some((t) => t.code === 'UA01020010010075540')).toBe(true);
    // Nothing of the name in the oblast: the search looks further rather than answer nothing.
    expect((await call(rt, 'territories:search', { text: 'Бахчисарай' })).map((t) => t.name)).toContain('Бахчисарай');
    expect((await failure(rt, 'territories:saveOptions', { oblast: 'UA53080370010073240' })).details).toMatchObject({ reason: 'not_an_oblast' });

    const broken = `${SMALL_EDITION}UA53000000000028050;;;;;Q;Зламана\n`;
    const refused = await failure(rt, 'territories:loadEdition', { edition: '2025-12-01', csv: broken });
    expect(refused.details).toMatchObject({ reason: 'bad_rows', badRows: 1, issues: [{ row: 6, problem: 'category' }] });
    expect((await call(rt, 'territories:options', {})).edition).toMatchObject({ edition: '2025-05-16', units: 31_748, dropped: 0 });
    expect(await call(rt, 'territories:search', { text: 'Андріївка', oblast: '', limit: 1 })).toHaveLength(1);

    expect(await call(rt, 'territories:loadEdition', { edition: '2025-12-01', csv: SMALL_EDITION })).toEqual({ edition: '2025-12-01', units: 4, added: 0, dropped: 31_744 });
    const events = await call(rt, 'audit:list', { limit: 5 });
    const loaded = events.rows.find((e) => e.action === 'territories.edition_loaded')!;
    expect(loaded.details).toEqual({ edition: '2025-12-01', units: 4, added: 0, dropped: 31_744 });
  });
});

describe('the speed of a lookup', () => {
  it('answers a name prefix and a code prefix in a few milliseconds on the full codifier', () => {
    const db = emptyStore();
    ensureTerritories(db, NOW);
    const time = (run: () => unknown) => {
      const times: number[] = [];
      for (let i = 0; i < 30; i++) {
        const started = performance.now();
        run();
        times.push(performance.now() - started);
      }
      return times.sort((a, b) => a - b)[Math.floor(times.length * 0.95) - 1]!;
    };
    const figures = {
      'name «андр», all of Ukraine': time(() => searchTerritories(db, { text: 'андр', limit: 30, oblast: '' })),
      'name «пол», one oblast': time(() => searchTerritories(db, { text: 'пол', limit: 30, oblast: 'UA53000000000028050' })),
      'name «с», all of Ukraine': time(() => searchTerritories(db, { text: 'с', limit: 30, oblast: '' })),
      'code prefix UA5308': time(() => searchTerritories(db, { text: 'UA5308', limit: 30, oblast: '' })),
      'full code': time(() => searchTerritories(db, { text: 'UA53080370010073240', limit: 30, oblast: '' })),
    };
    console.log(`territories search p95 (ms): ${JSON.stringify(Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, Number(v.toFixed(2))])))}`);
    // Generous bounds: the suite shares its machine; a scan of the table would take far longer than these.
    expect(figures['name «андр», all of Ukraine']).toBeLessThan(50);
    expect(figures['code prefix UA5308']).toBeLessThan(50);
  });
});
