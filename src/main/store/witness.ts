import type { KeyObject } from 'node:crypto';
import type { WitnessIssue } from '../../shared/domain/audit';
import type { Db } from './connection';
import { publicOf, signText, verifyText } from './keys';

/** Who is signing: a user (or the recovery slot) holding their private signing key. */
export interface Signer {
  userId: string;
  sign: KeyObject;
}

/** The recovery slot's key has this id in the key table: it certifies an admin it resets, nothing else. */
export const RECOVERY_SIGNER = 'recovery';
/**
 * The root's own row: the first admin's key as it was when the store was made, self-signed. It stays when that
 * admin later gets a new key (after a recovery), so every certificate it issued stays valid.
 */
export const ROOT = 'root';

function certMessage(storeId: string, c: { userId: string; publicKey: string; mayCertify: boolean; issuerId: string; createdAt: string }): string {
  return `zlagoda-cert|${storeId}|${c.userId}|${c.publicKey}|${c.mayCertify ? 1 : 0}|${c.issuerId}|${c.createdAt}`;
}

function headMessage(storeId: string, h: { seq: number; hash: string; userId: string; signedAt: string }): string {
  return `zlagoda-head|${storeId}|${h.seq}|${h.hash}|${h.userId}|${h.signedAt}`;
}

/** Records `subject`'s public key, vouched for by `issuer` (the subject itself for the root). Call inside a transaction. */
export function certify(db: Db, storeId: string, issuer: Signer, subject: { userId: string; publicKey: string; mayCertify: boolean }, now: Date): void {
  const createdAt = now.toISOString();
  const body = { ...subject, issuerId: issuer.userId, createdAt };
  const certificate = signText(issuer.sign, certMessage(storeId, body));
  // Certifying a key again (a change of roles) replaces its certificate; a new key is a new row, the old ones stay.
  db.prepare(
    `INSERT INTO user_keys (user_id, public_key, issuer_id, may_certify, certificate, created_at) VALUES (@userId, @publicKey, @issuerId, @mayCertify, @certificate, @createdAt)
     ON CONFLICT(user_id, public_key) DO UPDATE SET issuer_id = excluded.issuer_id, may_certify = excluded.may_certify,
       certificate = excluded.certificate, created_at = excluded.created_at`,
  ).run({ ...body, mayCertify: subject.mayCertify ? 1 : 0, certificate });
}

/** The user's current key: the newest one recorded. */
export function publicKeyOf(db: Db, userId: string): string | null {
  const row = db.prepare('SELECT public_key FROM user_keys WHERE user_id = ? ORDER BY id DESC LIMIT 1').get(userId) as { public_key: string } | undefined;
  return row?.public_key ?? null;
}

/** Signs the chain head as seen by `signer`. Call inside a transaction. */
export function signHead(db: Db, storeId: string, signer: Signer, head: { seq: number; hash: string }, now: Date): void {
  if (head.seq === 0) return;
  const row = { seq: head.seq, hash: head.hash, userId: signer.userId, signedAt: now.toISOString() };
  db.prepare('INSERT INTO audit_heads (seq, hash, user_id, signed_at, signature) VALUES (@seq, @hash, @userId, @signedAt, @signature)').run({
    ...row,
    signature: signText(signer.sign, headMessage(storeId, row)),
  });
}

export function lastSignedSeq(db: Db): number {
  return (db.prepare('SELECT max(seq) AS seq FROM audit_heads').get() as { seq: number | null }).seq ?? 0;
}

interface KeyRow {
  id: number;
  user_id: string;
  public_key: string;
  issuer_id: string;
  may_certify: number;
  certificate: string;
  created_at: string;
}

/**
 * The keys that lead back to the root: the root row signs itself and must equal the key pinned in the checking
 * user's slot; every other key must carry the signature of a valid key, allowed to certify, of its issuer.
 * Returns each user's valid keys and an issue for every key that does not hold.
 */
export function validKeys(db: Db, storeId: string, root: string): { keys: Map<string, string[]>; issues: WitnessIssue[] } {
  const rows = db.prepare('SELECT * FROM user_keys ORDER BY id').all() as KeyRow[];
  const valid = new Set<KeyRow>();
  const holds = (row: KeyRow, issuerKey: string) =>
    verifyText(issuerKey, certMessage(storeId, { userId: row.user_id, publicKey: row.public_key, mayCertify: row.may_certify === 1, issuerId: row.issuer_id, createdAt: row.created_at }), row.certificate);
  for (const row of rows) if (row.user_id === ROOT && row.issuer_id === ROOT && row.public_key === root && holds(row, root)) valid.add(row);
  const issues: WitnessIssue[] = [];
  if (valid.size === 0) issues.push({ kind: 'root' });
  let grew = true;
  while (grew) {
    grew = false;
    for (const row of rows) {
      if (valid.has(row)) continue;
      const vouched = [...valid].some((issuer) => issuer.user_id === row.issuer_id && issuer.may_certify === 1 && holds(row, issuer.public_key));
      if (vouched) {
        valid.add(row);
        grew = true;
      }
    }
  }
  for (const row of rows) if (!valid.has(row)) issues.push({ kind: 'certificate', userId: row.user_id });
  const keys = new Map<string, string[]>();
  for (const row of valid) keys.set(row.user_id, [...(keys.get(row.user_id) ?? []), row.public_key]);
  return { keys, issues };
}

interface HeadRow {
  seq: number;
  hash: string;
  user_id: string;
  signed_at: string;
  signature: string;
  chain_hash: string | null;
}

/**
 * Checks every signed head against the chain as it is now. A head whose signature fails was forged or altered;
 * a head the chain no longer reaches was cut off; a head whose hash differs means an event at or below it was
 * changed: the first such event lies after the last head of the same signer that still matches, and the report
 * names that range.
 */
export function checkHeads(db: Db, storeId: string, keys: Map<string, string[]>, options: { above?: number } = {}): { issues: WitnessIssue[]; heads: number } {
  const issues: WitnessIssue[] = [];
  // Per signer: a head a user signed that still matches proves the chain up to it is what that user saw.
  const lastGood = new Map<string, number>();
  let heads = 0;
  // From a checkpoint: the heads above it, and each signer's newest head, which alone catches a rewrite anywhere
  // below it (every later hash changes); the older ones only narrow down where.
  const rows = db
    .prepare(
      `SELECT h.seq, h.hash, h.user_id, h.signed_at, h.signature, e.hash AS chain_hash FROM audit_heads h LEFT JOIN audit_events e ON e.seq = h.seq
       WHERE h.seq > @above OR h.id IN (SELECT max(id) FROM audit_heads GROUP BY user_id) ORDER BY h.seq, h.id`,
    )
    .iterate({ above: options.above ?? 0 }) as IterableIterator<HeadRow>;
  for (const row of rows) {
    heads += 1;
    const message = headMessage(storeId, { seq: row.seq, hash: row.hash, userId: row.user_id, signedAt: row.signed_at });
    if (!(keys.get(row.user_id) ?? []).some((key) => verifyText(key, message, row.signature))) {
      issues.push({ kind: 'signature', seq: row.seq, userId: row.user_id });
    } else if (row.chain_hash === null) {
      issues.push({ kind: 'cut', seq: row.seq, userId: row.user_id });
    } else if (row.chain_hash !== row.hash) {
      issues.push({ kind: 'rewritten', seq: (lastGood.get(row.user_id) ?? 0) + 1, to: row.seq, userId: row.user_id });
    } else {
      lastGood.set(row.user_id, row.seq);
    }
    if (issues.length >= 1000) break;
  }
  return { issues, heads };
}

export function publicKeyFor(sign: KeyObject): string {
  return publicOf(sign);
}
