import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { adminRuntime, call, cleanupTempDirs } from '../fixtures/store';

afterEach(cleanupTempDirs);

async function storeWithEvents() {
  const rt = await adminRuntime();
  for (let i = 0; i < 5; i++) {
    await call(rt, 'users:add', { login: `user${i}`, displayName: `Користувач ${i}`, roles: ['member'], initialPassphrase: 'тимчасовий пароль 12345' });
  }
  return rt;
}

/** Tampering bypasses the app's triggers, as someone with the key and a SQLite shell would. */
function tamper(db: Database.Database, sql: string, ...params: unknown[]): void {
  db.exec('DROP TRIGGER audit_events_no_update; DROP TRIGGER audit_events_no_delete;');
  db.prepare(sql).run(...params);
}

describe('audit chain', () => {
  it('is intact after normal work and records every change', async () => {
    const rt = await storeWithEvents();
    const report = await call(rt, 'audit:verify', {});
    expect(report.status).toBe('intact');
    const page = await call(rt, 'audit:list', { limit: 500 });
    expect(page.rows.filter((r) => r.action === 'user.created')).toHaveLength(6);
    expect(page.rows.every((r) => r.workstation === 'test-pc')).toBe(true);
  });

  it('refuses UPDATE and DELETE through the app connection', async () => {
    const rt = await storeWithEvents();
    const db = rt.core.requireStore().db;
    expect(() => db.prepare("UPDATE audit_events SET action = 'x' WHERE seq = 2").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_events WHERE seq = 2').run()).toThrow(/append-only/);
  });

  it.each([
    ['a changed field', "UPDATE audit_events SET details = '{\"roles\":[\"admin\"]}' WHERE seq = 5", 5, 'hash'],
    ['a changed timestamp', "UPDATE audit_events SET ts = '2020-01-01T00:00:00.000Z' WHERE seq = 4", 4, 'hash'],
    ['a deleted row', 'DELETE FROM audit_events WHERE seq = 3', 4, 'gap'],
    ['a rewritten hash without the key', "UPDATE audit_events SET hash = '" + 'ab'.repeat(32) + "' WHERE seq = 6", 6, 'hash'],
  ])('detects %s at the first broken event', async (_name, sql, seq, reason) => {
    const rt = await storeWithEvents();
    tamper(rt.core.requireStore().db, sql);
    const report = await call(rt, 'audit:verify', {});
    expect(report).toMatchObject({ status: 'broken', seq, reason });
  });

  it('detects a forged row whose hash was recomputed but whose MAC could not be', async () => {
    const rt = await storeWithEvents();
    const store = rt.core.requireStore();
    const db = store.db;
    const row = db.prepare('SELECT * FROM audit_events WHERE seq = 7').get() as Record<string, unknown>;
    const { createHash } = await import('node:crypto');
    const canonicalize = (await import('canonicalize')).default;
    const details = { roles: ['admin'] };
    const body = canonicalize({ seq: 7, ts: row.ts, actorId: row.actor_id, action: row.action, entity: row.entity, entityId: row.entity_id, details, workstation: row.workstation });
    const hash = createHash('sha256').update(`${String(row.prev_hash)}\n${body}`).digest('hex');
    tamper(db, 'UPDATE audit_events SET details = ?, hash = ? WHERE seq = 7', JSON.stringify(details), hash);
    const report = await call(rt, 'audit:verify', {});
    expect(report.status).toBe('broken');
    if (report.status === 'broken') expect(report.seq).toBe(7);
  });

  it('resumes from the last verified point, and a full check still walks from the first event', async () => {
    const rt = await storeWithEvents();
    const first = await call(rt, 'audit:verify', {});
    expect(first).toMatchObject({ status: 'intact', from: 0 });
    await call(rt, 'users:add', { login: 'later', displayName: 'Пізніший Користувач', roles: ['member'], initialPassphrase: 'тимчасовий пароль 12345' });
    const resumed = await call(rt, 'audit:verify', {});
    // The previous check's own event and the new user's event.
    expect(resumed).toMatchObject({ status: 'intact', from: first.status === 'intact' ? first.total : -1, count: 2 });
    const full = await call(rt, 'audit:verify', { full: true });
    expect(full).toMatchObject({ status: 'intact', from: 0 });
    if (full.status === 'intact' && resumed.status === 'intact') expect(full.count).toBe(resumed.total + 1);
  });

  it.each([
    ['a forged checkpoint', (db: Database.Database) => db.prepare("UPDATE settings SET value = json_set(value, '$.seq', 3) WHERE key = 'auditCheckpoint'").run()],
    ['a changed event at the checkpoint', (db: Database.Database) => tamper(db, "UPDATE audit_events SET workstation = 'elsewhere' WHERE seq = (SELECT json_extract(value, '$.seq') FROM settings WHERE key = 'auditCheckpoint')")],
    ['a log cut below the checkpoint', (db: Database.Database) => tamper(db, "DELETE FROM audit_events WHERE seq >= (SELECT json_extract(value, '$.seq') FROM settings WHERE key = 'auditCheckpoint') - 2")],
  ])('a resumed check reports %s instead of trusting it', async (_name, spoil) => {
    const rt = await storeWithEvents();
    await call(rt, 'audit:verify', {});
    spoil(rt.core.requireStore().db);
    expect(await call(rt, 'audit:verify', {})).toMatchObject({ status: 'broken', reason: 'checkpoint' });
  });

  it('filters by action, user and date', async () => {
    const rt = await storeWithEvents();
    const admin = rt.core.session!.userId;
    const byAction = await call(rt, 'audit:list', { action: 'user.created' });
    expect(byAction.rows).toHaveLength(6);
    expect(byAction.rows.every((e) => e.action === 'user.created')).toBe(true);
    expect(byAction.next).toBeNull();
    const byUser = await call(rt, 'audit:list', { actorId: admin, limit: 500 });
    expect(byUser.rows.length).toBeGreaterThan(6);
    expect(byUser.rows.every((e) => e.actorId === admin)).toBe(true);
    expect((await call(rt, 'audit:list', { from: '2026-11-21' })).rows).toEqual([]);
    expect((await call(rt, 'audit:list', { from: '2026-11-20', to: '2026-11-20', actorId: admin, limit: 500 })).rows).toEqual(byUser.rows);
    expect(await call(rt, 'audit:actions', {})).toEqual(expect.arrayContaining(['auth.unlock', 'user.created', 'store.created']));
  });

  it('pages by sequence number: each page continues below the last, and every event appears exactly once', async () => {
    const rt = await storeWithEvents();
    const all = await call(rt, 'audit:list', { limit: 500 });
    const seen: number[] = [];
    let before: number | undefined;
    for (;;) {
      const page = await call(rt, 'audit:list', { limit: 4, ...(before ? { before } : {}) });
      seen.push(...page.rows.map((e) => e.seq));
      if (page.next === null) break;
      expect(page.rows).toHaveLength(4);
      before = page.next;
    }
    expect(seen).toEqual(all.rows.map((e) => e.seq));
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
  });

  it('the actions for the filter are each named once, in order', async () => {
    const rt = await storeWithEvents();
    const actions = await call(rt, 'audit:actions', {});
    const direct = (rt.core.requireStore().db.prepare('SELECT DISTINCT action FROM audit_events ORDER BY action').all() as { action: string }[]).map((r) => r.action);
    expect(actions).toEqual(direct);
  });
});
