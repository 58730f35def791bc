import { hash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { ChainIssue, ChainReport, ChainWarning } from '../../shared/domain/audit';
import type { Db } from './connection';
import { equalHex, hmacHex } from './crypto';
import { getSetting, putSetting } from './settings';
import { checkHeads, lastSignedSeq, signHead, validKeys, type Signer } from './witness';

/** Identifiers, codes and counts only: the type keeps free text (and so personal data) out. */
export type AuditDetails = Record<string, string | number | boolean | null | string[]>;

export interface AuditInput {
  action: string;
  entity?: string | null;
  entityId?: string | null;
  details?: AuditDetails;
}

export interface AuditActor {
  userId: string | null;
  workstation: string;
}

export const GENESIS_HASH = '0'.repeat(64);
/** Clocks get corrected; only a step back larger than this counts as reordering. */
const CLOCK_SKEW_MS = 10 * 60 * 1000;

/** An event as stored. */
export interface AuditRow {
  seq: number;
  ts: string;
  actor_id: string | null;
  action: string;
  entity: string | null;
  entity_id: string | null;
  details: string;
  workstation: string;
  prev_hash: string;
  hash: string;
  mac: string;
}

/**
 * SHA-256 over the previous hash and the event as RFC 8785 canonical JSON. `details` is stored already
 * canonical, so the body is assembled with keys in canonical (sorted) order instead of re-parsing it:
 * this keeps verification of a million events within the 10 s goal (A4).
 */
export function entryHash(prevHash: string, row: Omit<AuditRow, 'prev_hash' | 'hash' | 'mac'>): string {
  const s = JSON.stringify;
  const body =
    `{"action":${s(row.action)},"actorId":${s(row.actor_id)},"details":${row.details},"entity":${s(row.entity)},` +
    `"entityId":${s(row.entity_id)},"seq":${s(row.seq)},"ts":${s(row.ts)},"workstation":${s(row.workstation)}}`;
  return hash('sha256', `${prevHash}\n${body}`, 'hex');
}

/** A signed head at least this often, so a rewrite of another user's events is caught even mid-session. */
export const SIGN_EVERY = 500;
const MAX_ISSUES = 1000;
const MAX_WARNINGS = 100;

export interface VerifyOptions {
  /** Start at the last verified point instead of the first event. */
  resume?: boolean;
  /** The root key pinned in the checking user's slot: without it signed heads cannot be judged. */
  root?: string | null;
  /** Heads known from outside the chain (what a user saw last): each must still lie on it. */
  anchors?: { seq: number; hash: string; userId: string }[];
  /** The checking user's slot had no record of what they saw last: someone removed it. */
  seenMissing?: boolean;
}

/**
 * Each event holds the hash of the one before and an HMAC under a key derived from the data key, so an edit,
 * a deletion, or a row rewritten without the key breaks the chain at that row. Everyone who unlocks holds the
 * data key, though: what stops one user rewriting another's events is the heads users sign (witness.ts).
 */
export class AuditChain {
  private signer: Signer | null = null;
  private lastSigned: number | null = null;

  constructor(
    private readonly db: () => Db,
    private readonly macKey: Buffer,
    private readonly clock: () => Date,
    private readonly storeId: () => string,
  ) {}

  /** At lock: the MAC key goes with the data key. */
  forget(): void {
    this.macKey.fill(0);
    this.signer = null;
  }

  /** The signed-in user, who signs the head every `SIGN_EVERY` events; null when locked. */
  setSigner(signer: Signer | null): void {
    this.signer = signer;
  }

  /** Call inside the transaction of the work being audited. */
  append(actor: AuditActor, input: AuditInput): number {
    const last = this.db().prepare('SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1').get() as
      | { seq: number; hash: string }
      | undefined;
    const row = {
      seq: (last?.seq ?? 0) + 1,
      ts: this.clock().toISOString(),
      actor_id: actor.userId,
      action: input.action,
      entity: input.entity ?? null,
      entity_id: input.entityId ?? null,
      details: canonicalize(input.details ?? {}) ?? '{}',
      workstation: actor.workstation,
    };
    const prevHash = last?.hash ?? GENESIS_HASH;
    const hash = entryHash(prevHash, row);
    this.db()
      .prepare(
        `INSERT INTO audit_events (seq, ts, actor_id, action, entity, entity_id, details, workstation, prev_hash, hash, mac)
         VALUES (@seq, @ts, @actor_id, @action, @entity, @entity_id, @details, @workstation, @prev_hash, @hash, @mac)`,
      )
      .run({ ...row, prev_hash: prevHash, hash, mac: hmacHex(this.macKey, hash) });
    if (this.signer) {
      this.lastSigned ??= lastSignedSeq(this.db());
      if (row.seq - this.lastSigned >= SIGN_EVERY) this.signHead({ seq: row.seq, hash });
    }
    return row.seq;
  }

  /** Signs the head as the signed-in user sees it. Call inside a transaction. */
  signHead(head = this.head()): void {
    if (!this.signer || head.seq === 0) return;
    signHead(this.db(), this.storeId(), this.signer, head, this.clock());
    this.lastSigned = head.seq;
  }

  head(): { seq: number; hash: string } {
    const last = this.db().prepare('SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1').get() as
      | { seq: number; hash: string }
      | undefined;
    return last ?? { seq: 0, hash: GENESIS_HASH };
  }

  hashAt(seq: number): string | null {
    const row = this.db().prepare('SELECT hash FROM audit_events WHERE seq = ?').get(seq) as { hash: string } | undefined;
    return row?.hash ?? null;
  }

  /** A plain comparison: the stored MAC is no secret to time, and a million buffer pairs cost a second (A4). */
  private rowMacHolds(row: Pick<AuditRow, 'hash' | 'mac'>): boolean {
    return row.mac === hmacHex(this.macKey, row.hash);
  }

  private checkpointMac(seq: number, hash: string): string {
    return hmacHex(this.macKey, `checkpoint|${seq}|${hash}`);
  }

  /** Remembers that the chain held up to this event, so the next check can start there. Call inside a transaction. */
  saveCheckpoint(seq: number, hash: string): void {
    putSetting(this.db(), 'auditCheckpoint', { seq, hash, mac: this.checkpointMac(seq, hash) }, this.clock());
  }

  /** Where a resumed walk may start: the checkpoint if it still holds, otherwise the first event. */
  private startingPoint(issues: ChainIssue[]): { from: number; prevHash: string; prevTs: number } {
    const checkpoint = getSetting(this.db(), 'auditCheckpoint');
    if (!checkpoint) return { from: 0, prevHash: GENESIS_HASH, prevTs: -Infinity };
    const row = this.db().prepare('SELECT * FROM audit_events WHERE seq = ?').get(checkpoint.seq) as AuditRow | undefined;
    const holds =
      /^[0-9a-f]{64}$/.test(checkpoint.mac) &&
      equalHex(checkpoint.mac, this.checkpointMac(checkpoint.seq, checkpoint.hash)) &&
      row !== undefined &&
      row.hash === checkpoint.hash &&
      entryHash(row.prev_hash, row) === row.hash &&
      this.rowMacHolds(row);
    if (!holds) {
      // A checkpoint that does not hold is itself a finding; the walk then starts from the first event.
      issues.push({ kind: 'checkpoint', seq: checkpoint.seq });
      return { from: 0, prevHash: GENESIS_HASH, prevTs: -Infinity };
    }
    return { from: row.seq, prevHash: row.hash, prevTs: Date.parse(row.ts) };
  }

  /**
   * Walks the chain in sequence order and reports every broken event with its kind, continuing past each
   * break from the event's own hash, so one edit does not hide the next. A clock that went back is a warning,
   * not a break. Then every signed head is checked against the chain, and every known anchor.
   */
  verify(options: VerifyOptions = {}): ChainReport {
    const issues: ChainIssue[] = [];
    const warnings: ChainWarning[] = [];
    const start = options.resume ? this.startingPoint(issues) : { from: 0, prevHash: GENESIS_HASH, prevTs: -Infinity };
    const { from } = start;
    let { prevHash, prevTs } = start;
    let expectedSeq = from + 1;
    let count = 0;
    const rows = this.db().prepare('SELECT * FROM audit_events WHERE seq > ? ORDER BY seq').iterate(from) as IterableIterator<AuditRow>;
    for (const row of rows) {
      const found = (kind: ChainIssue['kind']) => {
        if (issues.length < MAX_ISSUES) issues.push({ kind, seq: row.seq });
      };
      if (row.seq !== expectedSeq) found('gap');
      else if (row.prev_hash !== prevHash) found('link');
      if (entryHash(row.prev_hash, row) !== row.hash) found('hash');
      else if (!this.rowMacHolds(row)) found('mac');
      const ts = Date.parse(row.ts);
      if (ts < prevTs - CLOCK_SKEW_MS && warnings.length < MAX_WARNINGS) {
        warnings.push({ kind: 'clock', seq: row.seq, ts: row.ts, after: new Date(prevTs).toISOString() });
      }
      if (Number.isFinite(ts)) prevTs = Math.max(prevTs, ts);
      prevHash = row.hash;
      expectedSeq = row.seq + 1;
      count += 1;
    }
    const total = expectedSeq - 1;
    let heads = 0;
    if (options.root) {
      const { keys, issues: keyIssues } = validKeys(this.db(), this.storeId(), options.root);
      const checked = checkHeads(this.db(), this.storeId(), keys, { above: from });
      issues.push(...keyIssues, ...checked.issues);
      heads = checked.heads;
    }
    if (options.seenMissing) issues.push({ kind: 'unseen' });
    for (const anchor of options.anchors ?? []) {
      if (anchor.seq > 0 && this.hashAt(anchor.seq) !== anchor.hash) issues.push({ kind: 'seen', seq: anchor.seq, userId: anchor.userId });
    }
    if (issues.length === 0) return { status: 'intact', count, from, total, heads, warnings, head: prevHash };
    const first = issues.reduce((a, b) => ((b.seq ?? Infinity) < (a.seq ?? Infinity) ? b : a));
    return { status: 'broken', count, from, total, heads, warnings, seq: first.seq ?? 0, reason: first.kind, issues: issues.slice(0, MAX_ISSUES) };
  }
}
