import type { Received, Sender, SenderKey } from '../../../shared/domain/inbox';
import { fingerprint, parsePublicKey } from '../../bundles/minisign';
import type { Db } from '../../store/connection';
import type { Decision, PriorBundle, RegisteredKey } from './inbox.check';
import { inboxRefusalWords } from './inbox.words';
import type { Refusal } from './inbox.check';

/** The register of senders and their keys, and the ledger of received bundles. All queries of the inbox live here. */

interface KeyRow {
  keyId: string;
  senderCode: string;
  publicKey: string;
  validFrom: string;
  validTo: string | null;
  addedAt: string;
  source: 'added' | 'rotation';
}

const KEY_COLUMNS = 'key_id AS keyId, sender_code AS senderCode, public_key AS publicKey, valid_from AS validFrom, valid_to AS validTo, added_at AS addedAt, source';

const keyOf = (row: KeyRow): SenderKey => ({
  keyId: row.keyId,
  fingerprint: fingerprint(parsePublicKey(row.publicKey)!),
  publicKey: row.publicKey,
  validFrom: row.validFrom,
  validTo: row.validTo,
  addedAt: row.addedAt,
  source: row.source,
});

export function listSenders(db: Db): Sender[] {
  const senders = db.prepare('SELECT code, name FROM inbox_senders ORDER BY code').all() as { code: string; name: string }[];
  const keys = db.prepare(`SELECT ${KEY_COLUMNS} FROM inbox_keys ORDER BY valid_from, key_id`).all() as KeyRow[];
  return senders.map((s) => ({ ...s, keys: keys.filter((k) => k.senderCode === s.code).map(keyOf) }));
}

export function findSender(db: Db, code: string): { code: string; name: string } | undefined {
  return db.prepare('SELECT code, name FROM inbox_senders WHERE code = ?').get(code) as { code: string; name: string } | undefined;
}

/** Registers the sender, or renames it: the register keeps the name the officer last gave. */
export function saveSender(db: Db, code: string, name: string, by: string, at: string): void {
  db.prepare('INSERT INTO inbox_senders (code, name, added_at, added_by) VALUES (?, ?, ?, ?) ON CONFLICT(code) DO UPDATE SET name = excluded.name').run(code, name, at, by);
}

export function findKey(db: Db, keyId: string): (SenderKey & { senderCode: string }) | undefined {
  const row = db.prepare(`SELECT ${KEY_COLUMNS} FROM inbox_keys WHERE key_id = ?`).get(keyId) as KeyRow | undefined;
  return row ? { ...keyOf(row), senderCode: row.senderCode } : undefined;
}

export function insertKey(
  db: Db,
  key: { keyId: string; senderCode: string; publicKey: string; validFrom: string; source: 'added' | 'rotation'; statement?: string; statementSignature?: string },
  by: string,
  at: string,
): SenderKey {
  db.prepare(
    `INSERT INTO inbox_keys (key_id, sender_code, public_key, valid_from, added_at, added_by, source, statement, statement_signature)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(key.keyId, key.senderCode, key.publicKey, key.validFrom, at, by, key.source, key.statement ?? '', key.statementSignature ?? '');
  return findKey(db, key.keyId)!;
}

export function statementApplied(db: Db, senderCode: string, statement: string): boolean {
  return db.prepare("SELECT 1 FROM inbox_keys WHERE sender_code = ? AND source = 'rotation' AND statement = ?").get(senderCode, statement) !== undefined;
}

export function closeKey(db: Db, keyId: string, validTo: string): void {
  db.prepare('UPDATE inbox_keys SET valid_to = ? WHERE key_id = ?').run(validTo, keyId);
}

/** Every key of the register as the verifier takes it. */
export function registeredKeys(db: Db): RegisteredKey[] {
  return (db.prepare(`SELECT ${KEY_COLUMNS} FROM inbox_keys`).all() as KeyRow[]).map((row) => ({
    keyId: row.keyId,
    sender: row.senderCode,
    publicKey: parsePublicKey(row.publicKey)!,
    validFrom: row.validFrom,
    ...(row.validTo ? { validTo: row.validTo } : {}),
  }));
}

export function priorBundles(db: Db, sender: string, period: string, profile: string): PriorBundle[] {
  return db
    .prepare(
      `SELECT id, generated_at AS generatedAt, status FROM received_bundles
       WHERE sender_code = ? AND period = ? AND profile = ? AND status IN ('accepted', 'superseded')`,
    )
    .all(sender, period, profile) as PriorBundle[];
}

export function insertReceived(db: Db, d: Decision, by: string, at: string): void {
  db.prepare(
    `INSERT INTO received_bundles (id, sender_code, period, profile, generated_at, key_id, file_name, sha256, size, status, reason, detail,
       received_at, received_by, report_json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    d.id,
    d.claim.sender,
    d.claim.period,
    d.claim.profile,
    d.claim.generatedAt,
    d.claim.keyId,
    d.name,
    d.sha256,
    d.size,
    d.status,
    d.reason,
    d.detail.slice(0, 500),
    at,
    by,
    d.status === 'invalid' ? null : d.reportJson,
  );
}

export function markSuperseded(db: Db, ids: readonly string[]): void {
  const update = db.prepare("UPDATE received_bundles SET status = 'superseded' WHERE id = ? AND status = 'accepted'");
  for (const id of ids) update.run(id);
}

interface ReceivedRow {
  id: string;
  senderCode: string | null;
  period: string | null;
  profile: string | null;
  generatedAt: string | null;
  keyId: string | null;
  fileName: string;
  status: Received['status'];
  reason: string | null;
  receivedAt: string;
}

const RECEIVED_COLUMNS =
  'id, sender_code AS senderCode, period, profile, generated_at AS generatedAt, key_id AS keyId, file_name AS fileName, status, reason, received_at AS receivedAt';

export const receivedOf = (row: ReceivedRow): Received => ({
  id: row.id,
  fileName: row.fileName,
  profile: row.profile,
  generatedAt: row.generatedAt,
  keyId: row.keyId,
  receivedAt: row.receivedAt,
  status: row.status,
  reason: row.reason,
  reasonWords: row.reason ? inboxRefusalWords(row.reason as Refusal) : null,
});

/** Every attempt of a period, oldest first. */
export function receivedInPeriod(db: Db, period: string): ReceivedRow[] {
  return db.prepare(`SELECT ${RECEIVED_COLUMNS} FROM received_bundles WHERE period = ? ORDER BY received_at, rowid`).all(period) as ReceivedRow[];
}

/** The latest refusals no period could be read from (a broken zip, a signature not ours), newest first. */
export function unplacedRefusals(db: Db, limit: number): ReceivedRow[] {
  return db.prepare(`SELECT ${RECEIVED_COLUMNS} FROM received_bundles WHERE period IS NULL ORDER BY received_at DESC, rowid DESC LIMIT ?`).all(limit) as ReceivedRow[];
}

/** The reports of the bundles accepted for a period in a profile, as signed (canonical JSON). */
export function acceptedReports(db: Db, period: string, profile: string): string[] {
  return db
    .prepare("SELECT report_json FROM received_bundles WHERE period = ? AND profile = ? AND status = 'accepted' AND report_json IS NOT NULL ORDER BY sender_code")
    .pluck()
    .all(period, profile) as string[];
}
