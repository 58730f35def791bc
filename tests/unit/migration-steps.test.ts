import { randomBytes } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureTerritories } from '../../src/main/features/territories/territories.repository';
import { openEncrypted, type Db } from '../../src/main/store/connection';
import { migrate } from '../../src/main/store/migrations';
import { cleanupTempDirs, MIGRATIONS, tempDir } from '../fixtures/store';

afterEach(cleanupTempDirs);

interface JournalEntry {
  idx: number;
  tag: string;
  when: number;
}

const journal = JSON.parse(readFileSync(join(MIGRATIONS, 'meta', '_journal.json'), 'utf8')) as { entries: JournalEntry[] };
const TAGS = journal.entries.map((e) => e.tag);

/** The released migrations up to and including `tag`, as the release that shipped it had them. */
function migrationsThrough(tag: string | null): string {
  const folder = join(tempDir('zlagoda-steps-'), 'migrations');
  mkdirSync(join(folder, 'meta'), { recursive: true });
  const entries = tag === null ? [] : journal.entries.slice(0, TAGS.indexOf(tag) + 1);
  for (const entry of entries) cpSync(join(MIGRATIONS, `${entry.tag}.sql`), join(folder, `${entry.tag}.sql`));
  writeFileSync(join(folder, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
  return folder;
}

/** An encrypted store file at the schema of `tag` (the one before the step under test). */
function storeAt(tag: string | null): { db: Db; path: string; upgrade(to: string): void } {
  const dir = tempDir('zlagoda-step-store-');
  const path = join(dir, 'zlagoda.db');
  const db = openEncrypted(path, randomBytes(32), { fileMustExist: false });
  const run = (through: string | null) => migrate(db, { migrationsFolder: migrationsThrough(through), dbPath: path, backupDir: join(dir, 'pre-migration'), now: new Date('2026-11-20T09:00:00Z') });
  run(tag);
  return { db, path, upgrade: (to) => void run(to) };
}

const NOW = '2026-01-15T10:00:00.000Z';

function count(db: Db, table: string): number {
  return (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
}

function indexedColumns(db: Db, table: string): string[] {
  const lists = db.prepare(`PRAGMA index_list("${table}")`).all() as { name: string }[];
  return lists.map((i) => ((db.prepare(`PRAGMA index_info("${i.name}")`).all() as { name: string }[])[0]?.name ?? ''));
}

function insertUser(db: Db, id: string, login: string): void {
  db.prepare("INSERT INTO users (id, login, display_name, roles, created_at) VALUES (?, ?, ?, '[\"admin\"]', ?)").run(id, login, `Користувач ${login}`, NOW);
}

function insertOrganisation(db: Db, id: string, name: string): void {
  db.prepare("INSERT INTO organisations (id, name, type, created_at, updated_at) VALUES (?, ?, 'ngo', ?, ?)").run(id, name, NOW, NOW);
}

/** Old-shaped rows in, the one migration, and what must hold after it. Every released migration has its step. */
const STEPS: Record<string, () => void> = {
  '0000_foundation': () => {
    const { db, upgrade } = storeAt(null);
    upgrade('0000_foundation');
    insertUser(db, 'u1', 'olena');
    db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('storeId', '\"s1\"', ?)").run(NOW);
    expect(() => insertUser(db, 'u2', 'OLENA')).toThrow(/UNIQUE/);
    expect(count(db, 'audit_events')).toBe(0);
  },

  '0001_audit_append_only': () => {
    const { db, upgrade } = storeAt('0000_foundation');
    db.prepare("INSERT INTO audit_events (seq, ts, action, details, workstation, prev_hash, hash, mac) VALUES (1, ?, 'store.created', '{}', 'pc', ?, ?, ?)").run(NOW, '0'.repeat(64), 'a'.repeat(64), 'b'.repeat(64));
    upgrade('0001_audit_append_only');
    expect(db.prepare('SELECT action FROM audit_events').all()).toEqual([{ action: 'store.created' }]);
    expect(() => db.prepare("UPDATE audit_events SET action = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_events').run()).toThrow(/append-only/);
  },

  '0002_group_and_organisations': () => {
    const { db, upgrade } = storeAt('0001_audit_append_only');
    insertUser(db, 'u1', 'olena');
    upgrade('0002_group_and_organisations');
    expect(count(db, 'users')).toBe(1);
    insertOrganisation(db, 'o1', 'Обласний центр соціальних служб');
    db.prepare("INSERT INTO coordination_group (id, name, parent_body, updated_at) VALUES ('g1', 'Рада', 'ОВА', ?)").run(NOW);
    expect(db.prepare('SELECT quorum_numerator AS n, quorum_denominator AS d, quorum_strict AS s FROM coordination_group').get()).toEqual({ n: 1, d: 2, s: 1 });
  },

  '0003_meetings_and_assignments': () => {
    const { db, upgrade } = storeAt('0002_group_and_organisations');
    insertOrganisation(db, 'o1', 'Обласний центр соціальних служб');
    db.prepare("INSERT INTO group_members (id, surname, given_name, position, organisation_id, role, valid_from, created_at, updated_at) VALUES ('m1', 'Мельник', 'Оксана', 'Голова', 'o1', 'chair', '2026-01-01', ?, ?)").run(NOW, NOW);
    upgrade('0003_meetings_and_assignments');
    expect(count(db, 'group_members')).toBe(1);
    db.prepare("INSERT INTO meetings (id, year, number, date, time, format, status, chair_member_id, created_at, updated_at) VALUES ('mt1', 2026, 1, '2026-03-12', '10:00', 'in_person', 'planned', 'm1', ?, ?)").run(NOW, NOW);
    expect(() => db.prepare("INSERT INTO meetings (id, year, number, date, time, format, status, created_at, updated_at) VALUES ('mt2', 2026, 1, '2026-04-12', '10:00', 'online', 'planned', ?, ?)").run(NOW, NOW)).toThrow(/UNIQUE/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  },

  '0004_list_indexes': () => {
    const { db, upgrade } = storeAt('0003_meetings_and_assignments');
    insertUser(db, 'u1', 'olena');
    insertOrganisation(db, 'o1', 'Обласний центр соціальних служб');
    insertOrganisation(db, 'o2', 'Служба у справах дітей');
    db.prepare("INSERT INTO group_members (id, surname, given_name, position, organisation_id, role, valid_from, created_at, updated_at) VALUES ('m1', 'Мельник', 'Оксана', 'Голова', 'o1', 'chair', '2026-01-01', ?, ?)").run(NOW, NOW);
    db.prepare("INSERT INTO meetings (id, year, number, date, time, format, status, chair_member_id, created_at, updated_at) VALUES ('mt1', 2026, 1, '2026-03-12', '10:00', 'in_person', 'held', 'm1', ?, ?)").run(NOW, NOW);
    db.prepare("INSERT INTO agenda_items (id, meeting_id, position, title) VALUES ('i1', 'mt1', 1, 'Про стан протидії торгівлі людьми')").run();
    db.prepare("INSERT INTO decisions (id, item_id, position, text) VALUES ('d1', 'i1', 1, 'Провести навчання.')").run();
    db.prepare("INSERT INTO assignments (id, decision_id, text, lead_organisation_id, due_date, created_at, updated_at) VALUES ('a1', 'd1', 'Провести навчання', 'o1', '2026-06-30', ?, ?)").run(NOW, NOW);
    db.prepare("INSERT INTO assignment_co_executors (assignment_id, organisation_id) VALUES ('a1', 'o2')").run();
    db.prepare("INSERT INTO progress_reports (id, assignment_id, received_on, text, created_at) VALUES ('r1', 'a1', '2026-05-02', 'Виконано.', ?)").run(NOW);
    upgrade('0004_list_indexes');
    for (const [table, n] of Object.entries({ meetings: 1, agenda_items: 1, decisions: 1, assignments: 1, assignment_co_executors: 1, progress_reports: 1 })) expect(count(db, table)).toBe(n);
    expect(indexedColumns(db, 'assignments')).toEqual(expect.arrayContaining(['decision_id', 'closed_by_decision_id', 'lead_organisation_id']));
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT id FROM assignments WHERE lead_organisation_id = 'o1' AND status = 'in_progress' AND due_date < '2026-07-01'").all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING INDEX assignments_lead_due/);
  },

  '0005_audit_witnesses': () => {
    const { db, upgrade } = storeAt('0004_list_indexes');
    insertUser(db, 'u1', 'olena');
    upgrade('0005_audit_witnesses');
    expect(count(db, 'users')).toBe(1);
    expect(count(db, 'user_keys')).toBe(0);
    db.prepare("INSERT INTO audit_heads (seq, hash, user_id, signed_at, signature) VALUES (1, 'h', 'u1', ?, 's')").run(NOW);
    expect(() => db.prepare('DELETE FROM audit_heads').run()).toThrow(/append-only/);
    expect(() => db.prepare("UPDATE audit_heads SET seq = 2").run()).toThrow(/append-only/);
  },

  '0006_lock_drafts': () => {
    const { db, upgrade } = storeAt('0005_audit_witnesses');
    insertUser(db, 'u1', 'olena');
    upgrade('0006_lock_drafts');
    db.prepare("INSERT INTO drafts (user_id, key, label, payload, saved_at) VALUES ('u1', 'meetings:m1', 'засідання № 1/2026', '{}', ?)").run(NOW);
    expect(() => db.prepare("INSERT INTO drafts (user_id, key, label, payload, saved_at) VALUES ('u1', 'meetings:m1', 'x', '{}', ?)").run(NOW)).toThrow(/UNIQUE|PRIMARY/);
    expect(() => db.prepare("INSERT INTO drafts (user_id, key, label, payload, saved_at) VALUES ('nobody', 'meetings:m2', 'x', '{}', ?)").run(NOW)).toThrow(/FOREIGN KEY/);
    expect(count(db, 'users')).toBe(1);
  },

  '0007_meeting_corrections': () => {
    const { db, upgrade } = storeAt('0006_lock_drafts');
    insertUser(db, 'u1', 'olena');
    insertOrganisation(db, 'o1', 'Обласний центр соціальних служб');
    db.prepare("INSERT INTO group_members (id, surname, given_name, position, organisation_id, role, valid_from, created_at, updated_at) VALUES ('m1', 'Мельник', 'Оксана', 'Голова', 'o1', 'chair', '2026-01-01', ?, ?)").run(NOW, NOW);
    db.prepare("INSERT INTO meetings (id, year, number, date, time, format, status, created_at, updated_at) VALUES ('mt1', 2026, 1, '2026-03-12', '10:00', 'in_person', 'held', ?, ?)").run(NOW, NOW);
    db.prepare("INSERT INTO attendance (meeting_id, member_id, present) VALUES ('mt1', 'm1', 0)").run();
    db.prepare("INSERT INTO agenda_items (id, meeting_id, position, title) VALUES ('i1', 'mt1', 1, 'Про стан протидії торгівлі людьми')").run();
    db.prepare("INSERT INTO decisions (id, item_id, position, text) VALUES ('d1', 'i1', 1, 'Провести навчання.')").run();
    db.prepare("INSERT INTO assignments (id, decision_id, text, lead_organisation_id, due_date, created_at, updated_at) VALUES ('a1', 'd1', 'Провести навчання', 'o1', '2026-06-30', ?, ?)").run(NOW, NOW);
    db.prepare("INSERT INTO agenda_item_assignments (item_id, assignment_id) VALUES ('i1', 'a1')").run();
    upgrade('0007_meeting_corrections');
    expect(db.prepare('SELECT status_reason AS reason, rescheduled_from AS moved FROM meetings').get()).toEqual({ reason: '', moved: null });
    expect(db.prepare('SELECT absence_reason AS reason, substitute FROM attendance').get()).toEqual({ reason: '', substitute: '' });
    expect(db.prepare('SELECT snapshot FROM agenda_item_assignments').get()).toEqual({ snapshot: null });
    expect(db.prepare('SELECT merged_into_id AS merged FROM organisations').get()).toEqual({ merged: null });
    db.prepare("INSERT INTO assignment_changes (id, assignment_id, decision_id, before, after, changed_at, changed_by) VALUES ('c1', 'a1', 'd1', '{}', '{}', ?, 'u1')").run(NOW);
    expect(() => db.prepare("INSERT INTO assignment_changes (id, assignment_id, before, after, changed_at, changed_by) VALUES ('c2', 'a1', '{}', '{}', ?, 'nobody')").run(NOW)).toThrow(/FOREIGN KEY/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  },

  '0008_dashboard_status_index': () => {
    const { db, upgrade } = storeAt('0007_meeting_corrections');
    db.prepare("INSERT INTO meetings (id, year, number, date, time, format, status, created_at, updated_at) VALUES ('mt1', 2026, 1, '2026-03-12', '10:00', 'in_person', 'minutes_drafted', ?, ?)").run(NOW, NOW);
    db.prepare("INSERT INTO meetings (id, year, number, date, time, format, status, created_at, updated_at) VALUES ('mt2', 2026, 2, '2026-12-03', '10:00', 'mixed', 'planned', ?, ?)").run(NOW, NOW);
    upgrade('0008_dashboard_status_index');
    expect(count(db, 'meetings')).toBe(2);
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT id FROM meetings WHERE status = 'planned' AND date >= '2026-11-20' AND date <= '2026-12-10'").all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING INDEX meetings_status_date/);
  },

  '0009_notice_and_frozen_assignments': () => {
    const { db, upgrade } = storeAt('0008_dashboard_status_index');
    db.prepare("INSERT INTO meetings (id, year, number, date, time, format, status, created_at, updated_at) VALUES ('mt1', 2026, 1, '2026-12-03', '10:00', 'mixed', 'planned', ?, ?)").run(NOW, NOW);
    upgrade('0009_notice_and_frozen_assignments');
    expect(db.prepare('SELECT notice_sent_on AS sent, assignments_snapshot AS snapshot FROM meetings').get()).toEqual({ sent: null, snapshot: null });
  },

  '0010_status_cases': () => {
    const { db, upgrade } = storeAt('0009_notice_and_frozen_assignments');
    db.prepare("INSERT INTO meetings (id, year, number, date, time, format, status, created_at, updated_at) VALUES ('mt1', 2026, 1, '2026-12-03', '10:00', 'mixed', 'planned', ?, ?)").run(NOW, NOW);
    upgrade('0010_status_cases');
    expect(count(db, 'meetings')).toBe(1);
    expect(count(db, 'cases')).toBe(0);
    // The shipped parameters: eleven terms (the Law's three confirmed), four minimums, two deciding bodies.
    expect(count(db, 'term_versions')).toBe(11);
    expect(db.prepare("SELECT key FROM term_versions WHERE confirmed = 1 ORDER BY key").pluck().all()).toEqual(['extension', 'procedure', 'status']);
    expect(db.prepare("SELECT amount_kop FROM subsistence_minimums WHERE category = 'working_age'").pluck().get()).toBe(302800);
    expect(count(db, 'deciding_bodies')).toBe(2);
  },

  '0011_case_list_order': () => {
    const { db, upgrade } = storeAt('0010_status_cases');
    db.prepare("INSERT INTO persons (id, code, sex, citizenship, created_at, updated_at) VALUES ('p1', 'ОС-AAAA-BBBB', 'female', 'UA', ?, ?)").run(NOW, NOW);
    const insert = db.prepare(
      `INSERT INTO cases (id, person_id, receiving_body_kind, receiving_body_name, registration_number, registration_date, registration_year, arrival,
         forms_version, forms, countries, documents_received, child, foreigner, state, due_on, created_at, updated_at)
       VALUES (?, 'p1', 'state_administration', 'РДА', ?, ?, 2026, 'self', '2024', '[]', '[]', '[]', 0, 0, ?, ?, ?, ?)`,
    );
    insert.run('c1', '1', '2026-03-02', 'open', '2026-03-05', NOW, NOW);
    insert.run('c2', '2', '2026-02-01', 'refused', null, NOW, NOW);
    insert.run('c3', '3', '2026-04-01', 'granted', null, NOW, NOW);
    upgrade('0011_case_list_order');
    // Due first by date, then the rest newest first.
    expect(db.prepare('SELECT id FROM cases ORDER BY list_order, id').pluck().all()).toEqual(['c1', 'c3', 'c2']);
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT id FROM cases ORDER BY list_order, id LIMIT 50').all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING (COVERING )?INDEX cases_list_order/);
  },
  '0012_referrals': () => {
    const { db, upgrade } = storeAt('0011_case_list_order');
    const insert = db.prepare("INSERT INTO organisations (id, name, short_name, type, created_at, updated_at) VALUES (?, ?, '', ?, ?, ?)");
    insert.run('o1', 'Обласний центр соціальних служб', 'social_services_centre', NOW, NOW);
    insert.run('o2', 'Обласна прокуратура', 'prosecutor', NOW, NOW);
    insert.run('o3', 'ГО «Вектор»', 'ngo', NOW, NOW);
    db.prepare("INSERT INTO persons (id, code, sex, citizenship, created_at, updated_at) VALUES ('p1', 'ОС-AAAA-BBBB', 'female', 'UA', ?, ?)").run(NOW, NOW);
    upgrade('0012_referrals');
    // Existing entries get their kind's usual profile: the prosecutor is no subject of the referral mechanism.
    expect(db.prepare('SELECT id, nrm_subject AS subject, ownership FROM organisations ORDER BY id').all()).toEqual([
      { id: 'o1', subject: 1, ownership: 'communal' },
      { id: 'o2', subject: 0, ownership: 'state' },
      { id: 'o3', subject: 1, ownership: 'ngo' },
    ]);
    expect(db.prepare("SELECT service FROM organisation_services WHERE organisation_id = 'o1' ORDER BY service").pluck().all()).toEqual(['information', 'psychological', 'social']);
    expect(db.prepare("SELECT identified_on AS identifiedOn, identified_katottg AS katottg FROM persons").get()).toEqual({ identifiedOn: null, katottg: '' });
    expect(db.prepare("SELECT key FROM term_versions WHERE key LIKE 'referral%' ORDER BY key").pluck().all()).toEqual(['referral_answer', 'referral_answer_urgent', 'referral_service', 'referral_service_urgent']);
  },
  '0013_territories': () => {
    const { db, upgrade } = storeAt('0012_referrals');
    insertOrganisation(db, 'o1', 'Полтавська міська рада');
    db.prepare("UPDATE organisations SET katottg = 'UA53080370010073240' WHERE id = 'o1'").run();
    upgrade('0013_territories');
    // The table comes empty: the shipped edition is loaded by the app when it is first needed, not by SQL.
    expect(count(db, 'territories')).toBe(0);
    expect(db.prepare("SELECT katottg FROM organisations WHERE id = 'o1'").pluck().get()).toBe('UA53080370010073240');
    ensureTerritories(db, new Date(NOW));
    expect(count(db, 'territories')).toBe(31_748);
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((p) => p.detail).join(' ');
    expect(plan("SELECT code FROM territories WHERE search_name >= 'пол' AND search_name < 'пол' || char(1114111)")).toMatch(/INDEX territories_search_name/);
    expect(plan("SELECT code FROM territories WHERE oblast_code = 'UA53000000000028050' AND search_name >= 'пол' AND search_name < 'пол' || char(1114111)")).toMatch(/INDEX territories_oblast_name/);
    expect(plan("SELECT code FROM territories WHERE code >= 'UA5308' AND code < 'UA5308' || char(1114111)")).toMatch(/INDEX sqlite_autoindex_territories_1|PRIMARY KEY/);
  },
};

describe('each released migration, on a store with rows of the shape before it', () => {
  it('every migration in the journal has its step here', () => {
    expect(Object.keys(STEPS)).toEqual(TAGS);
  });

  it.each(TAGS)('%s', (tag) => {
    STEPS[tag]!();
  });
});

describe('the schema as released', () => {
  it('indexes every foreign-key column (as the first column of an index)', () => {
    const { db, upgrade } = storeAt(null);
    upgrade(TAGS.at(-1)!);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '__drizzle_migrations'").all() as { name: string }[]).map((t) => t.name);
    const missing: string[] = [];
    for (const table of tables) {
      const leading = new Set(indexedColumns(db, table));
      for (const fk of db.prepare(`PRAGMA foreign_key_list("${table}")`).all() as { from: string }[]) {
        if (!leading.has(fk.from)) missing.push(`${table}.${fk.from}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('the guard on statements that bind one variable per row', () => {
  it('refuses an IN list of many ids, and accepts the same ids as one JSON parameter', () => {
    const { db, upgrade } = storeAt(null);
    upgrade(TAGS.at(-1)!);
    const ids = Array.from({ length: 500 }, (_, i) => `id-${i}`);
    expect(() => db.prepare(`SELECT id FROM users WHERE id IN (${ids.map(() => '?').join(',')})`)).toThrow(/json_each/);
    expect(db.prepare('SELECT id FROM users WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids))).toEqual([]);
  });
});

/** Trainings, prevention and coverage: new tables beside the old rows, the topics seeded, the lists on their indexes. */
STEPS['0014_trainings'] = () => {
  const { db, upgrade } = storeAt('0013_territories');
  insertUser(db, 'u1', 'olena');
  insertOrganisation(db, 'o1', 'Обласний центр соціальних служб');
  upgrade('0014_trainings');
  expect(count(db, 'organisations')).toBe(1);
  expect(db.prepare('SELECT code FROM training_topics ORDER BY position').pluck().all()).toHaveLength(12);
  expect(db.prepare("SELECT uk FROM training_topics WHERE code = 'nrm'").pluck().get()).toBe('Національний механізм взаємодії суб’єктів');
  const training = (id: string, startsOn: string) =>
    db
      .prepare(
        `INSERT INTO trainings (id, title, search_title, kind, starts_on, ends_on, hours, format, trainers, created_by, created_at, updated_at)
         VALUES (?, 'Тренінг', 'тренінг', 'training', ?, ?, 8, 'online', '[]', 'u1', ?, ?)`,
      )
      .run(id, startsOn, startsOn, NOW, NOW);
  training('t1', '2026-03-01');
  training('t2', '2026-04-01');
  db.prepare("INSERT INTO trainees (id, surname, name, match_key, created_at) VALUES ('e1', 'Коваль', 'Ірина', 'коваль ірина', ?)").run(NOW);
  const participant = db.prepare(
    `INSERT INTO training_participants (id, training_id, trainee_id, surname, name, organisation_id, organisation_type, attendance, hours_attended,
       certificate_year, certificate_seq, created_at, updated_at)
     VALUES (?, ?, 'e1', 'Коваль', 'Ірина', 'o1', 'ngo', 'full', 8, ?, ?, ?, ?)`,
  );
  participant.run('p1', 't1', 2026, 1, NOW, NOW);
  participant.run('p2', 't2', null, null, NOW, NOW);
  participant.run('p3', 't2', null, null, NOW, NOW);
  // A certificate number is given once in a year; participants without one are many.
  expect(() => participant.run('p4', 't2', 2026, 1, NOW, NOW)).toThrow(/UNIQUE/);
  db.prepare("DELETE FROM trainings WHERE id = 't2'").run();
  expect(count(db, 'training_participants')).toBe(1);
  const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((p) => p.detail).join(' ');
  expect(plan('SELECT id FROM trainings ORDER BY starts_on DESC, id DESC LIMIT 50')).toMatch(/trainings_starts/);
  expect(plan('SELECT id FROM trainings ORDER BY starts_on DESC, id DESC LIMIT 50')).not.toMatch(/TEMP B-TREE/);
  expect(plan("SELECT id FROM training_participants WHERE training_id = 't1'")).toMatch(/training_participants_training/);
  expect(plan("SELECT training_id FROM training_topic_links WHERE topic = 'nrm'")).toMatch(/training_topic_links_topic/);
};

/** The oblast's signing keys: a new table beside the old rows, one row per key id. */
STEPS['0015_signing_keys'] = () => {
  const { db, upgrade } = storeAt('0014_trainings');
  insertUser(db, 'u1', 'olena');
  upgrade('0015_signing_keys');
  expect(count(db, 'users')).toBe(1);
  const key = db.prepare("INSERT INTO signing_keys (key_id, public_key, secret, created_at, created_by) VALUES (?, 'pub', '{}', ?, 'u1')");
  key.run('ABCDEF0123456789', NOW);
  expect(() => key.run('ABCDEF0123456789', NOW)).toThrow(/UNIQUE|PRIMARY/);
  expect(db.prepare("SELECT statement FROM signing_keys WHERE key_id = 'ABCDEF0123456789'").pluck().get()).toBe('');
};

STEPS['0016_report_releases'] = () => {
  const { db, upgrade } = storeAt('0015_signing_keys');
  insertUser(db, 'u1', 'olena');
  upgrade('0016_report_releases');
  const release = db.prepare(
    "INSERT INTO report_releases (id, period_id, period_from, period_to, profile, threshold, form, report_hash, audit_count, tables, suppressed, released_at, released_by) VALUES (?, '2026-Q3', '2026-07-01', '2026-09-30', 'publication', 5, 'bundle', 'h', 10, '[]', '[]', ?, ?)",
  );
  release.run('r1', NOW, 'u1');
  expect(() => release.run('r2', NOW, 'nobody')).toThrow(/FOREIGN KEY/);
  expect(db.prepare('SELECT COUNT(*) FROM report_releases').pluck().get()).toBe(1);
};

/** The recipient's inbox: senders, their keys (one sender per key id) and every received bundle, beside the old rows. */
STEPS['0017_inbox'] = () => {
  const { db, upgrade } = storeAt('0016_report_releases');
  insertUser(db, 'u1', 'olena');
  db.prepare("INSERT INTO signing_keys (key_id, public_key, secret, created_at, created_by) VALUES ('ABCDEF0123456789', 'pub', '{}', ?, 'u1')").run(NOW);
  upgrade('0017_inbox');
  expect(count(db, 'signing_keys')).toBe(1);
  db.prepare("INSERT INTO inbox_senders (code, name, added_at, added_by) VALUES ('UA53000000000028050', 'Полтавська', ?, 'u1')").run(NOW);
  const key = db.prepare("INSERT INTO inbox_keys (key_id, sender_code, public_key, valid_from, added_at, added_by) VALUES (?, ?, 'pub', ?, ?, 'u1')");
  key.run('0123456789ABCDEF', 'UA53000000000028050', NOW, NOW);
  expect(() => key.run('0123456789ABCDEF', 'UA53000000000028050', NOW, NOW)).toThrow(/UNIQUE|PRIMARY/);
  expect(() => key.run('1123456789ABCDEF', 'UA32000000000030281', NOW, NOW)).toThrow(/FOREIGN KEY/);
  expect(db.prepare("SELECT source || '|' || statement || '|' || coalesce(valid_to, 'open') FROM inbox_keys").pluck().get()).toBe('added||open');
  db.prepare(
    `INSERT INTO received_bundles (id, sender_code, period, profile, generated_at, key_id, file_name, sha256, size, status, reason, received_at, received_by)
     VALUES ('b1', NULL, NULL, NULL, NULL, NULL, 'bad.zip', 'aa', 10, 'invalid', 'not_zip', ?, 'u1')`,
  ).run(NOW);
  expect(db.prepare("SELECT detail FROM received_bundles WHERE id = 'b1'").pluck().get()).toBe('');
  const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((p) => p.detail).join(' ');
  expect(plan("SELECT id FROM received_bundles WHERE sender_code = 'UA53000000000028050' AND period = '2026-Q3' AND profile = 'ministry'")).toMatch(/received_bundles_sender_period/);
  expect(plan("SELECT id FROM received_bundles WHERE period = '2026-Q3'")).toMatch(/received_bundles_period/);
};
