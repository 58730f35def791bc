import { afterEach, describe, expect, it } from 'vitest';
import type { InputOf } from '../../src/shared/contract';
import { becomeAdmin, becomeCoordinator, DYKANKA, HROMADA, RAION, setOblast } from '../fixtures/coverage';
import { adminRuntime, call, cleanupTempDirs, failure, type TestRuntime } from '../fixtures/store';

afterEach(cleanupTempDirs);

/** The test clock says 20.11.2026, 11:00 in Kyiv. */
async function coordinatorStore(): Promise<TestRuntime & { orgs: string[] }> {
  const rt = await adminRuntime();
  await setOblast(rt);
  await becomeCoordinator(rt);
  const orgs = (await call(rt, 'organisations:options', {})).map((o) => o.id);
  return { ...rt, orgs };
}

function event(orgs: string[], over: Partial<InputOf<'prevention:save'>> = {}): InputOf<'prevention:save'> {
  return {
    kind: 'school_session',
    title: 'Безпечна подорож: як не потрапити в пастку',
    date: '2026-10-15',
    territory: DYKANKA,
    place: 'Диканський ліцей',
    organiserIds: [orgs[0]!],
    partnerIds: [orgs[1]!, orgs[2]!],
    groups: { pupils: 45, parents: 12 },
    materials: 100,
    ...over,
  };
}

function auditRows(rt: TestRuntime) {
  return rt.core.requireStore().db.prepare("SELECT action, entity_id AS entityId, details FROM audit_events WHERE action LIKE 'prevention_event.%' ORDER BY seq").all() as {
    action: string;
    entityId: string;
    details: string;
  }[];
}

describe('prevention events', () => {
  it('records an event with its hromada and raion, the people summed, organisers and partners in order; corrects and removes it', async () => {
    const rt = await coordinatorStore();
    const saved = await call(rt, 'prevention:save', event(rt.orgs));
    expect(saved).toMatchObject({ kind: 'school_session', date: '2026-10-15', territory: DYKANKA, people: 57, materials: 100, mediaAudience: 0, groups: { pupils: 45, parents: 12 } });
    expect(saved.organisers.map((o) => o.id)).toEqual([rt.orgs[0]]);
    expect(saved.partners.map((o) => o.id)).toEqual([rt.orgs[1], rt.orgs[2]]);
    const db = rt.core.requireStore().db;
    expect(db.prepare('SELECT hromada_code AS h, raion_code AS r FROM prevention_events WHERE id = ?').get(saved.id)).toEqual({ h: HROMADA.dykanska, r: RAION.poltavskyi });

    const changed = await call(rt, 'prevention:save', { ...event(rt.orgs), id: saved.id, territory: HROMADA.lubenska, partnerIds: [rt.orgs[2]!, rt.orgs[1]!, rt.orgs[2]!], groups: { public: 300 } });
    expect(changed.people).toBe(300);
    expect(changed.partners.map((o) => o.id)).toEqual([rt.orgs[2], rt.orgs[1]]);
    expect(db.prepare('SELECT hromada_code AS h, raion_code AS r FROM prevention_events WHERE id = ?').get(saved.id)).toEqual({ h: HROMADA.lubenska, r: RAION.lubenskyi });
    expect((await call(rt, 'prevention:get', { id: saved.id })).createdAt).toBe(saved.createdAt);

    await call(rt, 'prevention:remove', { id: saved.id });
    expect((await failure(rt, 'prevention:get', { id: saved.id })).code).toBe('NOT_FOUND');
    expect(db.prepare('SELECT count(*) FROM prevention_organisations').pluck().get()).toBe(0);
    expect(auditRows(rt).map((a) => a.action)).toEqual(['prevention_event.created', 'prevention_event.updated', 'prevention_event.removed']);
    expect(JSON.parse(auditRows(rt)[0]!.details)).toEqual({ kind: 'school_session', date: '2026-10-15', hromadaCode: HROMADA.dykanska, people: 57, organisers: 1, partners: 2 });
  });

  it('refuses a future date (Kyiv), an unknown or dropped territory, an unknown organisation, and writes nothing', async () => {
    const rt = await coordinatorStore();
    const db = rt.core.requireStore().db;
    const count = () => db.prepare('SELECT (SELECT count(*) FROM prevention_events) + (SELECT count(*) FROM audit_events)').pluck().get();
    const before = count();
    const future = await failure(rt, 'prevention:save', event(rt.orgs, { date: '2026-11-21' }));
    expect(future.code).toBe('VALIDATION');
    expect(future.details).toMatchObject({ field: 'date', reason: 'future_date', issues: [{ path: 'date', key: 'futureDate' }] });
    // Kyiv's today is the 20th: the event of today is fine.
    expect(count()).toBe(before);
    const unknown = await failure(rt, 'prevention:save', event(rt.orgs, { territory: 'UA53080050010099999' }));
    expect(unknown.details).toMatchObject({ reason: 'unknown_territory', issues: [{ path: 'territory', key: 'unknownTerritory' }] });
    const org = await failure(rt, 'prevention:save', event(rt.orgs, { partnerIds: ['no-such-organisation'] }));
    expect(org).toMatchObject({ code: 'NOT_FOUND', details: { field: 'partnerIds.0' } });
    const none = await failure(rt, 'prevention:save', event(rt.orgs, { organiserIds: [] }));
    expect(none.code).toBe('VALIDATION');
    expect(count()).toBe(before);

    const kept = await call(rt, 'prevention:save', event(rt.orgs, { date: '2026-11-20' }));
    db.prepare("UPDATE territories SET dropped_in = '2026-01-01' WHERE code = ?").run(DYKANKA);
    // Saved unchanged, an old event keeps its place; a new one may not use the dropped code.
    expect((await call(rt, 'prevention:save', event(rt.orgs, { id: kept.id, title: 'Інша назва' }))).title).toBe('Інша назва');
    const dropped = await failure(rt, 'prevention:save', event(rt.orgs));
    expect(dropped.details).toMatchObject({ reason: 'dropped_territory', issues: [{ path: 'territory', key: 'droppedTerritory' }] });
    expect((await failure(rt, 'prevention:save', event(rt.orgs, { id: 'no-such-event' }))).code).toBe('NOT_FOUND');
  });

  it('refuses a raion or the oblast as the place (they count for no hromada), and a closed organisation on a new event but not on one that had it', async () => {
    const rt = await coordinatorStore();
    for (const territory of [RAION.poltavskyi, 'UA53000000000028050']) {
      const refused = await failure(rt, 'prevention:save', event(rt.orgs, { territory }));
      expect(refused.details).toMatchObject({ reason: 'not_in_hromada', issues: [{ path: 'territory', key: 'hromadaOrBelow' }] });
    }
    const saved = await call(rt, 'prevention:save', event(rt.orgs));
    rt.core.requireStore().db.prepare('UPDATE organisations SET active = 0 WHERE id = ?').run(rt.orgs[0]);
    expect((await failure(rt, 'prevention:save', event(rt.orgs))).details).toMatchObject({ reason: 'organisation_inactive' });
    const corrected = await call(rt, 'prevention:save', { ...event(rt.orgs), id: saved.id, title: 'Виправлена назва' });
    expect(corrected.organisers.map((o) => o.id)).toEqual([rt.orgs[0]]);
  });

  it('lists newest first by year, kind and within a raion or a hromada, with the total and pages', async () => {
    const rt = await coordinatorStore();
    const save = (over: Partial<InputOf<'prevention:save'>>) => call(rt, 'prevention:save', event(rt.orgs, over));
    const a = await save({ date: '2025-03-01', territory: DYKANKA, kind: 'round_table' });
    const b = await save({ date: '2026-02-01', territory: HROMADA.bilytska, kind: 'campaign' });
    const c = await save({ date: '2026-06-01', territory: HROMADA.lubenska, kind: 'campaign' });
    const d = await save({ date: '2026-09-01', territory: DYKANKA, kind: 'media' });
    const ids = async (filter: InputOf<'prevention:list'>) => (await call(rt, 'prevention:list', filter)).rows.map((r) => r.id);
    expect(await ids({})).toEqual([d.id, c.id, b.id, a.id]);
    expect(await ids({ year: 2026 })).toEqual([d.id, c.id, b.id]);
    expect(await ids({ kind: 'campaign' })).toEqual([c.id, b.id]);
    expect(await ids({ within: RAION.poltavskyi })).toEqual([d.id, b.id, a.id]);
    expect(await ids({ within: HROMADA.dykanska })).toEqual([d.id, a.id]);
    expect(await ids({ within: RAION.poltavskyi, year: 2026, kind: 'media' })).toEqual([d.id]);
    const page = await call(rt, 'prevention:list', { offset: 1, limit: 2 });
    expect(page.total).toBe(4);
    expect(page.rows.map((r) => r.id)).toEqual([c.id, b.id]);
    expect(page.rows[0]).toEqual({ id: c.id, kind: 'campaign', title: c.title, date: '2026-06-01', territory: HROMADA.lubenska, people: 57, materials: 100, mediaAudience: 0 });
    const settlement = await failure(rt, 'prevention:list', { within: DYKANKA });
    expect(settlement.details).toMatchObject({ field: 'within', issues: [{ path: 'within', key: 'raionOrHromada' }] });
  });

  it('lists on the indexes: no full scan and no temporary b-tree', async () => {
    const rt = await coordinatorStore();
    const db = rt.core.requireStore().db;
    const plans: string[] = [];
    const prepare = db.prepare.bind(db);
    const spy = (sql: string) => {
      if (/FROM prevention_events/.test(sql)) plans.push(sql);
      return prepare(sql);
    };
    (db as { prepare: typeof db.prepare }).prepare = spy as typeof db.prepare;
    for (const filter of [{}, { year: 2026 }, { kind: 'campaign' as const }, { within: RAION.poltavskyi }, { within: HROMADA.dykanska, year: 2026 }]) await call(rt, 'prevention:list', filter);
    (db as { prepare: typeof db.prepare }).prepare = prepare;
    expect(plans.length).toBe(10);
    for (const sql of plans) {
      // No index holds the kind: counting one kind over all years reads the table (a few hundred events a year).
      if (/WHERE kind = @kind$/.test(sql)) continue;
      const bound = sql.replace(/@\w+/g, "'x'").replace(/LIMIT 'x' OFFSET 'x'/, 'LIMIT 50 OFFSET 0');
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${bound}`).all() as { detail: string }[]).map((p) => p.detail).join(' | ');
      expect(plan, sql).toMatch(/USING (COVERING )?INDEX prevention_events_/);
      expect(plan, sql).not.toMatch(/TEMP B-TREE|SCAN prevention_events(?! USING)/);
    }
  });

  it('lets a member read and not write; the admin and a case officer may not even read', async () => {
    const rt = await coordinatorStore();
    const saved = await call(rt, 'prevention:save', event(rt.orgs));
    await becomeAdmin(rt);
    expect((await failure(rt, 'prevention:list', {})).code).toBe('FORBIDDEN');
    await call(rt, 'users:add', { login: 'member1', displayName: 'Член Групи', roles: ['member'], initialPassphrase: 'тимчасовий пароль 12345' });
    await call(rt, 'users:add', { login: 'officer1', displayName: 'Фахівець Справ', roles: ['case_officer'], initialPassphrase: 'тимчасовий пароль 12345' });
    for (const [login, reads] of [['member1', true], ['officer1', false]] as const) {
      await call(rt, 'session:lock', {});
      await call(rt, 'session:unlock', { login, passphrase: 'тимчасовий пароль 12345' });
      await call(rt, 'session:changePassphrase', { current: 'тимчасовий пароль 12345', next: `власний пароль ${reads ? 'члена' : 'фахівця'} групи 2026` });
      if (reads) expect((await call(rt, 'prevention:get', { id: saved.id })).id).toBe(saved.id);
      else expect((await failure(rt, 'prevention:get', { id: saved.id })).code).toBe('FORBIDDEN');
      expect((await failure(rt, 'prevention:save', event(rt.orgs))).code).toBe('FORBIDDEN');
      expect((await failure(rt, 'prevention:remove', { id: saved.id })).code).toBe('FORBIDDEN');
    }
  });
});
