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

  it('filters by action, user and date', async () => {
    const rt = await storeWithEvents();
    const admin = rt.core.session!.userId;
    const byAction = await call(rt, 'audit:list', { action: 'user.created' });
    expect(byAction.total).toBe(6);
    const byUser = await call(rt, 'audit:list', { actorId: admin, limit: 2 });
    expect(byUser.rows).toHaveLength(2);
    expect(byUser.total).toBeGreaterThan(6);
    expect((await call(rt, 'audit:list', { from: '2026-11-21' })).total).toBe(0);
    expect((await call(rt, 'audit:list', { from: '2026-11-20', to: '2026-11-20' })).total).toBe(byUser.total);
    expect(byAction.actions).toContain('auth.unlock');
  });
});
