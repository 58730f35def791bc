import type { SigningKeyInfo } from '../../../shared/domain/reports';
import { fingerprint, formatPublicKey, generateKeyPair, loadSecretKey, parsePublicKey, publicKeyBase64, sign, storeSecretKey, type MinisignSecretKey, type StoredSecretKey } from '../../bundles/minisign';
import type { Db } from '../../store/connection';

/**
 * The oblast's signing keys in the store. The secret half is read only to sign, inside the main process; what
 * leaves it is the public half and the statements of rotation.
 */

interface KeyRow {
  keyId: string;
  publicKey: string;
  createdAt: string;
  retiredAt: string | null;
  statement: string;
  statementSignature: string;
}

const COLUMNS = 'key_id AS keyId, public_key AS publicKey, created_at AS createdAt, retired_at AS retiredAt, statement, statement_signature AS statementSignature';

function infoOf(row: KeyRow): SigningKeyInfo {
  return { ...row, fingerprint: fingerprint(parsePublicKey(row.publicKey)!) };
}

export function currentKey(db: Db): SigningKeyInfo | null {
  const row = db.prepare(`SELECT ${COLUMNS} FROM signing_keys WHERE retired_at IS NULL`).get() as KeyRow | undefined;
  return row ? infoOf(row) : null;
}

export function previousKeys(db: Db): SigningKeyInfo[] {
  return (db.prepare(`SELECT ${COLUMNS} FROM signing_keys WHERE retired_at IS NOT NULL ORDER BY created_at DESC`).all() as KeyRow[]).map(infoOf);
}

/** The current key's secret half, for signing a bundle or a rotation statement; null while there is none. */
export function currentSecret(db: Db): MinisignSecretKey | null {
  const secret = db.prepare('SELECT secret FROM signing_keys WHERE retired_at IS NULL').pluck().get() as string | undefined;
  return secret ? loadSecretKey(JSON.parse(secret) as StoredSecretKey) : null;
}

function insertKey(db: Db, key: MinisignSecretKey, by: string, at: string, statement = '', statementSignature = ''): SigningKeyInfo {
  const stored = storeSecretKey(key);
  db.prepare(
    `INSERT INTO signing_keys (key_id, public_key, secret, created_at, created_by, statement, statement_signature)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(stored.keyId, formatPublicKey(key), JSON.stringify(stored), at, by, statement, statementSignature);
  return currentKey(db)!;
}

export function createKey(db: Db, by: string, at: string): SigningKeyInfo {
  return insertKey(db, generateKeyPair(), by, at);
}

/**
 * The text a rotation is announced in: what the Ministry reads, and what the old key signs, so the new key is
 * trusted on the old one's word without another visit on paper.
 */
export function rotationStatement(oblast: string, old: MinisignSecretKey, next: MinisignSecretKey, at: string): string {
  return [
    'Zlagoda: заява про новий ключ підпису звітів',
    `oblast: ${oblast}`,
    `old-key: ${fingerprint(old)}`,
    `new-key: ${fingerprint(next)}`,
    `new-public-key: ${publicKeyBase64(next)}`,
    `date: ${at}`,
    '',
  ].join('\n');
}

/** Retires the current key and makes its successor, announced by a statement the retiring key signs. */
export function rotateKey(db: Db, oblast: string, by: string, at: string): SigningKeyInfo | null {
  const old = currentSecret(db);
  if (!old) return null;
  const next = generateKeyPair();
  const statement = rotationStatement(oblast, old, next, at);
  const oldId = storeSecretKey(old).keyId;
  const newId = storeSecretKey(next).keyId;
  const signature = sign(new TextEncoder().encode(statement), old, `zlagoda-key-rotation|${oblast}|${oldId}|${newId}|${at}`);
  db.prepare('UPDATE signing_keys SET retired_at = ? WHERE key_id = ?').run(at, oldId);
  return insertKey(db, next, by, at, statement, signature);
}
