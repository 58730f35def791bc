import { hash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { ChainReport } from '../../shared/domain/audit';
import type { Db } from './connection';
import { equalHex, hmacHex } from './crypto';
import { getSetting, putSetting } from './settings';

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

interface Row {
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
function entryHash(prevHash: string, row: Omit<Row, 'prev_hash' | 'hash' | 'mac'>): string {
  const s = JSON.stringify;
  const body =
    `{"action":${s(row.action)},"actorId":${s(row.actor_id)},"details":${row.details},"entity":${s(row.entity)},` +
    `"entityId":${s(row.entity_id)},"seq":${s(row.seq)},"ts":${s(row.ts)},"workstation":${s(row.workstation)}}`;
  return hash('sha256', `${prevHash}\n${body}`, 'hex');
}

/**
 * Each event holds the hash of the one before and an HMAC under a key derived from the data key,
 * so an edit, a deletion, or a row rewritten without the key breaks the chain at that row.
 */
export class AuditChain {
  constructor(
    private readonly db: Db,
    private readonly macKey: Buffer,
    private readonly clock: () => Date,
  ) {}

  /** Call inside the transaction of the work being audited. */
  append(actor: AuditActor, input: AuditInput): number {
    const last = this.db.prepare('SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1').get() as
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
    this.db
      .prepare(
        `INSERT INTO audit_events (seq, ts, actor_id, action, entity, entity_id, details, workstation, prev_hash, hash, mac)
         VALUES (@seq, @ts, @actor_id, @action, @entity, @entity_id, @details, @workstation, @prev_hash, @hash, @mac)`,
      )
      .run({ ...row, prev_hash: prevHash, hash, mac: hmacHex(this.macKey, hash) });
    return row.seq;
  }

  head(): { seq: number; hash: string } {
    const last = this.db.prepare('SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1').get() as
      | { seq: number; hash: string }
      | undefined;
    return last ?? { seq: 0, hash: GENESIS_HASH };
  }

  private rowMacHolds(row: Pick<Row, 'hash' | 'mac'>): boolean {
    return /^[0-9a-f]{64}$/.test(row.mac) && equalHex(row.mac, hmacHex(this.macKey, row.hash));
  }

  private checkpointMac(seq: number, hash: string): string {
    return hmacHex(this.macKey, `checkpoint|${seq}|${hash}`);
  }

  /** Remembers that the chain held up to this event, so the next check can start there. Call inside a transaction. */
  saveCheckpoint(seq: number, hash: string): void {
    putSetting(this.db, 'auditCheckpoint', { seq, hash, mac: this.checkpointMac(seq, hash) }, this.clock());
  }

  /**
   * Walks the chain and reports the first broken link. From the first event, or with `resume` from the last
   * verified point: a checkpoint whose MAC fails, whose event is gone or differs, is itself reported as broken,
   * so cutting the chain below a verified point is caught too.
   */
  verify(options: { resume?: boolean } = {}): ChainReport {
    let from = 0;
    let prevHash = GENESIS_HASH;
    let prevTs = -Infinity;
    if (options.resume) {
      const checkpoint = getSetting(this.db, 'auditCheckpoint');
      if (checkpoint) {
        const row = this.db.prepare('SELECT * FROM audit_events WHERE seq = ?').get(checkpoint.seq) as Row | undefined;
        const holds =
          /^[0-9a-f]{64}$/.test(checkpoint.mac) &&
          equalHex(checkpoint.mac, this.checkpointMac(checkpoint.seq, checkpoint.hash)) &&
          row !== undefined &&
          row.hash === checkpoint.hash &&
          entryHash(row.prev_hash, row) === row.hash &&
          this.rowMacHolds(row);
        if (!holds) return { status: 'broken', count: 0, from: checkpoint.seq, seq: checkpoint.seq, reason: 'checkpoint' };
        from = row.seq;
        prevHash = row.hash;
        prevTs = Date.parse(row.ts);
      }
    }
    let expectedSeq = from + 1;
    let count = 0;
    const rows = this.db.prepare('SELECT * FROM audit_events WHERE seq > ? ORDER BY seq').iterate(from) as IterableIterator<Row>;
    for (const row of rows) {
      const broken = (reason: 'hash' | 'mac' | 'link' | 'gap' | 'order'): ChainReport => ({ status: 'broken', count, from, seq: row.seq, reason });
      if (row.seq !== expectedSeq) return broken('gap');
      if (row.prev_hash !== prevHash) return broken('link');
      if (entryHash(prevHash, row) !== row.hash) return broken('hash');
      if (!this.rowMacHolds(row)) return broken('mac');
      const ts = Date.parse(row.ts);
      if (!(ts >= prevTs - CLOCK_SKEW_MS)) return broken('order');
      prevTs = Math.max(prevTs, ts);
      prevHash = row.hash;
      expectedSeq += 1;
      count += 1;
    }
    return { status: 'intact', count, from, total: expectedSeq - 1, head: prevHash };
  }
}
