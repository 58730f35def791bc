import { afterEach, describe, expect, it } from 'vitest';
import { parsePublicKey } from '../../src/main/bundles/minisign';
import { verifyBundle } from '../../src/main/bundles/verify-bundle';
import { reportSchema } from '../../src/shared/reports/report';
import { isSuppressed, positionKey, publishedCellsOf, TOTAL } from '../../src/shared/reports/tables';
import { registerCase } from '../fixtures/cases';
import { reportingOfficerWithOblast } from '../fixtures/reports';
import { adminRuntime, call, cleanupTempDirs, type TestRuntime } from '../fixtures/store';

/**
 * What leaves the office: a publication hides small counts (k from the settings), the release log keeps what it hid
 * and the next publication of the same period hides it again, a publication whose small count an earlier release
 * already showed is refused, and a signed bundle verifies with the oblast's public key.
 */

afterEach(cleanupTempDirs);

const db = (rt: TestRuntime) => rt.core.requireStore().db;

async function womenRegistered(rt: TestRuntime, n: number, from = 1): Promise<void> {
  for (let i = 0; i < n; i++) await registerCase(rt, { registrationNumber: String(from + i), registrationDate: '2026-08-03' }, { sex: 'female', birthDate: '1990-01-01' });
}

const cellOf = (report: { tables: { name: string; current: Parameters<typeof publishedCellsOf>[0] }[] }, table: string, row: string) =>
  publishedCellsOf(report.tables.find((t) => t.name === table)!.current).get(positionKey(row, TOTAL));

describe('releases of the report', () => {
  it('hides small counts in publication with the office’s k, and shows them to the Ministry', async () => {
    const rt = await adminRuntime();
    await reportingOfficerWithOblast(rt);
    await womenRegistered(rt, 2);
    const ministry = await call(rt, 'reports:get', { period: '2026-Q3', profile: 'ministry' });
    expect(cellOf(ministry.report, 'status.applications', 'women')).toBe(2);
    const publication = await call(rt, 'reports:get', { period: '2026-Q3', profile: 'publication' });
    expect(cellOf(publication.report, 'status.applications', 'women')).toEqual({ suppressed: true, label: '<5' });
    expect(publication.report.threshold).toBe(5);
    expect(publication.suppressed).toBeGreaterThan(0);
    expect(publication.unprotected).toEqual([]);
    // Activity tables go exact even in publication.
    expect(publication.report.tables.find((t) => t.name === 'meetings.summary')!.current.threshold).toBe(0);
    await call(rt, 'reports:saveOptions', { threshold: 3 });
    const k3 = await call(rt, 'reports:get', { period: '2026-Q3', profile: 'publication' });
    expect(cellOf(k3.report, 'status.applications', 'women')).toEqual({ suppressed: true, label: '<3' });
    const refused = await rt.dispatch('reports:saveOptions', { threshold: 2 });
    expect(refused.ok ? 'ok' : refused.error.code).toBe('VALIDATION');
  });

  it('logs each export with what it hid, audits it without a figure of a person, and hides again what an earlier publication hid', async () => {
    const rt = await adminRuntime();
    await reportingOfficerWithOblast(rt);
    await womenRegistered(rt, 2);
    const file = await call(rt, 'reports:export', { period: '2026-Q3', profile: 'publication', output: 'json' });
    const first = reportSchema.parse(JSON.parse(Buffer.from(file.base64, 'base64').toString('utf8')));
    expect(cellOf(first, 'status.applications', 'women')).toEqual({ suppressed: true, label: '<5' });
    const log = await call(rt, 'reports:releases', {});
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ periodId: '2026-Q3', profile: 'publication', threshold: 5, form: 'files' });
    const audit = db(rt).prepare("SELECT details FROM audit_events WHERE action = 'report.exported'").pluck().all() as string[];
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!)).toMatchObject({ period: '2026-Q3', profile: 'publication', output: 'json' });

    // Four more women are registered late: 6 is no small count, but 2 was hidden and 6 − 2 would tell the late ones.
    await womenRegistered(rt, 4, 10);
    const again = await call(rt, 'reports:get', { period: '2026-Q3', profile: 'publication' });
    const women = cellOf(again.report, 'status.applications', 'women');
    expect(isSuppressed(women)).toBe(true);
    const ministry = await call(rt, 'reports:get', { period: '2026-Q3', profile: 'ministry' });
    expect(cellOf(ministry.report, 'status.applications', 'women')).toBe(6);
  });

  it('refuses a publication whose small count an earlier release already showed, whatever it would hide', async () => {
    const rt = await adminRuntime();
    await reportingOfficerWithOblast(rt);
    await womenRegistered(rt, 2);
    // An earlier publication of the same table and period that showed the 2 women (hid nothing).
    const shown = [{ name: 'status.applications', period: { id: '2026-Q3', from: '2026-07-01', to: '2026-09-30' }, additive: true, rows: ['women', 'men', 'girls', 'boys', 'sex_unknown'], counts: [2, 0, 0, 0, 0] }];
    db(rt)
      .prepare(
        "INSERT INTO report_releases (id, period_id, period_from, period_to, profile, threshold, form, report_hash, audit_count, tables, suppressed, released_at, released_by) VALUES ('old', '2026-Q3', '2026-07-01', '2026-09-30', 'publication', 5, 'files', 'h', 1, ?, '[]', '2026-10-05T08:00:00Z', ?)",
      )
      .run(JSON.stringify(shown), rt.core.session!.userId);
    const view = await call(rt, 'reports:get', { period: '2026-Q3', profile: 'publication' });
    expect(view.unprotected).toContainEqual({ table: 'status.applications', period: '2026-Q3', row: 'women', column: TOTAL });
    const before = db(rt).prepare('SELECT COUNT(*) FROM report_releases').pluck().get();
    const refused = await rt.dispatch('reports:export', { period: '2026-Q3', profile: 'publication', output: 'json' });
    expect(refused.ok ? 'ok' : [refused.error.code, refused.error.details?.reason]).toEqual(['INVALID_STATE', 'unprotected_cells']);
    const bundle = await rt.dispatch('reports:bundle', { period: '2026-Q3', profile: 'publication', outputs: [] });
    expect(bundle.ok ? 'ok' : bundle.error.details?.reason).toBe('unprotected_cells');
    expect(db(rt).prepare('SELECT COUNT(*) FROM report_releases').pluck().get()).toBe(before);
    // The Ministry's exact counts still leave.
    expect((await rt.dispatch('reports:export', { period: '2026-Q3', profile: 'ministry', output: 'json' })).ok).toBe(true);
  });

  it('signs a bundle with a key made on first use; it verifies with the public key and holds the report', async () => {
    const rt = await adminRuntime();
    await reportingOfficerWithOblast(rt);
    await womenRegistered(rt, 1);
    expect((await call(rt, 'reports:keys', {})).current).toBeNull();
    const file = await call(rt, 'reports:bundle', { period: '2026-Q3', profile: 'ministry', outputs: ['json'] });
    const keys = await call(rt, 'reports:keys', {});
    expect(keys.current).not.toBeNull();
    const publicKey = parsePublicKey(keys.current!.publicKey)!;
    const zip = new Uint8Array(Buffer.from(file.base64, 'base64'));
    const verdict = verifyBundle(zip, [{ keyId: keys.current!.keyId, publicKey }]);
    if (!verdict.ok) throw new Error(`${verdict.reason}: ${verdict.detail}`);
    expect(verdict.header).toMatchObject({ oblast: 'UA53000000000028050', period: '2026-Q3', profile: 'ministry', keyId: keys.current!.keyId });
    const report = reportSchema.parse(JSON.parse(new TextDecoder().decode(verdict.files.get('data/report.json'))));
    expect(cellOf(report, 'status.applications', 'women')).toBe(1);
    expect(verdict.header.auditHead).toEqual({ count: report.data.auditCount, hash: report.data.auditHash });
    expect(file.fileName).toBe('zvit-UA53000000000028050-2026-Q3-ministry.zip');
    const actions = db(rt).prepare("SELECT action FROM audit_events WHERE action IN ('signing_key.created', 'report.bundled') ORDER BY seq").pluck().all();
    expect(actions).toEqual(['signing_key.created', 'report.bundled']);
    expect((await call(rt, 'reports:releases', {}))[0]).toMatchObject({ form: 'bundle', profile: 'ministry' });
  });

  it('refuses a period it cannot read, and a report before the oblast is chosen', async () => {
    const rt = await adminRuntime();
    await call(rt, 'users:setRoles', { userId: rt.core.session!.userId, roles: [...rt.core.session!.roles, 'reporting_officer'] });
    const noOblast = await rt.dispatch('reports:get', { period: '2026-Q3', profile: 'ministry' });
    expect(noOblast.ok ? 'ok' : noOblast.error.details?.reason).toBe('oblast_not_set');
    for (const period of ['2026-Q5', '2026-13', 'вчора', '2026-09-30..2026-07-01']) {
      const bad = await rt.dispatch('reports:get', { period, profile: 'ministry' });
      expect(bad.ok ? 'ok' : bad.error.code).toBe('VALIDATION');
    }
  });
});

describe('the recipient’s words for a refusal', () => {
  it('has Ukrainian and English words for every refusal of the verifier, the same as the command line says', async () => {
    const uk = (await import('../../src/shared/i18n/features/inbox.uk.json')).default.inbox.reasons as Record<string, string>;
    const en = (await import('../../src/shared/i18n/features/inbox.en.json')).default.inbox.reasons as Record<string, string>;
    const { REFUSAL_CODES, refusalWords } = await import('../../src/main/bundles/refusal-words');
    expect(REFUSAL_CODES.length).toBeGreaterThan(60);
    for (const code of REFUSAL_CODES) {
      expect(uk[code], code).toBe(refusalWords(code));
      expect(en[code], code).toBeTruthy();
    }
  });
});
