import { createHash, type KeyObject } from 'node:crypto';
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

function certMessage(storeId: string, c: { userId: string; publicKey: string; mayCertify: boolean; issuerKey: string; createdAt: string }): string {
  return `zlagoda-cert|${storeId}|${c.userId}|${c.publicKey}|${c.mayCertify ? 1 : 0}|${c.issuerKey}|${c.createdAt}`;
}

/** How an audit event names the certificate written with it: deleting the certificate later is then caught. */
export function certificateDigest(certificate: string): string {
  return createHash('sha256').update(certificate).digest('hex').slice(0, 32);
}

function headMessage(storeId: string, h: { seq: number; hash: string; userId: string; signedAt: string }): string {
  return `zlagoda-head|${storeId}|${h.seq}|${h.hash}|${h.userId}|${h.signedAt}`;
}

/**
 * Appends a certificate of `subject`'s key, signed by `issuer` (the subject itself for the root). Returns the
 * digest the audit event of the same change must carry. Call inside a transaction.
 */
export function certify(db: Db, storeId: string, issuer: Signer, subject: { userId: string; publicKey: string; mayCertify: boolean }, now: Date): string {
  const body = { ...subject, issuerKey: publicOf(issuer.sign), createdAt: now.toISOString() };
  const certificate = signText(issuer.sign, certMessage(storeId, body));
  db.prepare(
    'INSERT INTO user_keys (user_id, public_key, issuer_key, may_certify, certificate, created_at) VALUES (@userId, @publicKey, @issuerKey, @mayCertify, @certificate, @createdAt)',
  ).run({ ...body, mayCertify: subject.mayCertify ? 1 : 0, certificate });
  return certificateDigest(certificate);
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
  issuer_key: string;
  may_certify: number;
  certificate: string;
  created_at: string;
}

/**
 * The keys that lead back to the root, judged row by row in the order they were written: the root row signs
 * itself and must equal the key pinned in the checking user's slot; any other row must be signed by a key that,
 * at that point, was valid and allowed to certify. A later row for a key changes what it may do from then on.
 * Every certificate an audit event names must still be there (a deleted demotion would otherwise restore an
 * admin's power). Returns each user's valid keys and an issue for every row that does not hold.
 */
export function validKeys(db: Db, storeId: string, root: string): { keys: Map<string, string[]>; issues: WitnessIssue[] } {
  const rows = db.prepare('SELECT * FROM user_keys ORDER BY id').all() as KeyRow[];
  const mayCertify = new Map<string, boolean>();
  const keys = new Map<string, string[]>();
  const issues: WitnessIssue[] = [];
  // Counted, not just listed: two certificates can be identical (same key, issuer, rights and second).
  const present = new Map<string, number>();
  let rooted = false;
  const unvouched: KeyRow[] = [];
  for (const row of rows) {
    const digest = certificateDigest(row.certificate);
    present.set(digest, (present.get(digest) ?? 0) + 1);
    const message = certMessage(storeId, { userId: row.user_id, publicKey: row.public_key, mayCertify: row.may_certify === 1, issuerKey: row.issuer_key, createdAt: row.created_at });
    const holds =
      row.user_id === ROOT
        ? row.public_key === root && row.issuer_key === root && verifyText(root, message, row.certificate)
        : mayCertify.get(row.issuer_key) === true && verifyText(row.issuer_key, message, row.certificate);
    if (!holds) {
      if (row.user_id !== ROOT) unvouched.push(row);
      continue;
    }
    if (row.user_id === ROOT) rooted = true;
    mayCertify.set(row.public_key, row.may_certify === 1);
    const list = keys.get(row.user_id) ?? [];
    if (!list.includes(row.public_key)) keys.set(row.user_id, [...list, row.public_key]);
  }
  if (!rooted) issues.unshift({ kind: 'root' });
  // A self-signed key an admin later certified (a store from before keys) is not a finding; any other is.
  for (const row of unvouched) if (!keys.get(row.user_id)?.includes(row.public_key)) issues.push({ kind: 'certificate', userId: row.user_id });
  const named = db
    .prepare(
      `SELECT seq, entity_id, json_extract(details, '$.certificate') AS digest FROM audit_events
       WHERE action IN ('store.created', 'user.created', 'user.roles_changed', 'auth.recovery_used', 'keyslots.upgraded', 'recovery.created')
         AND json_extract(details, '$.certificate') IS NOT NULL`,
    )
    .all() as { seq: number; entity_id: string | null; digest: string }[];
  for (const event of named) {
    const left = present.get(event.digest) ?? 0;
    if (left > 0) present.set(event.digest, left - 1);
    else issues.push({ kind: 'certificate', seq: event.seq, ...(event.entity_id ? { userId: event.entity_id } : {}) });
  }
  return { keys, issues };
}

/** The user's keys that currently stand (the latest first), for re-certifying on a change of roles. */
export function standingKeysOf(db: Db, storeId: string, root: string, userId: string): string[] {
  return [...(validKeys(db, storeId, root).keys.get(userId) ?? [])].reverse();
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

