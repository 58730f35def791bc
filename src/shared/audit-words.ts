import type { AuditEvent, AuditRecord } from './domain/audit';
import { formatKyivDateTime } from './time';

/**
 * What the audit log says about an event beyond its action, decided once: the screen translates these phrases
 * with i18next, the exported CSV and PDF with the same Ukrainian texts, so the two never tell an auditor
 * different things.
 */
export interface Phrase {
  key: string;
  values?: Record<string, string | number>;
}

/** The record as a person names it: «засідання № 4/2026», «доручення 2.1 протоколу № 3/2026», a name. */
export function recordPhrase(record: AuditRecord | null): Phrase | null {
  if (!record) return null;
  const { year, number, decision, name } = record;
  if (record.entity === 'meeting' && year !== null && number !== null) return { key: 'audit.record.meeting', values: { number, year } };
  if (record.entity === 'assignment' && year !== null && number !== null && decision) return { key: 'audit.record.assignment', values: { decision, number, year } };
  if (name) return { key: 'audit.record.named', values: { name } };
  return null;
}

/**
 * Whether the kind of record is worth saying beside its name: «засідання № 4/2026» says it already, a name
 * («Головне управління…») does not, and a draft kept for a meeting is a draft, not the meeting.
 */
export function kindNeeded(event: Pick<AuditEvent, 'entity' | 'record'>): boolean {
  const phrase = recordPhrase(event.record);
  return !phrase || phrase.key === 'audit.record.named' || event.record?.entity !== event.entity;
}

/** Pages a record opens on; a record whose page shows no single record leads to the list it is in. */
export type AuditLinkPage = 'meetings' | 'assignments' | 'organisations' | 'group' | 'users';
export interface AuditLink {
  page: AuditLinkPage;
  id?: string;
}

export function recordLink(record: AuditRecord | null): AuditLink | null {
  if (!record) return null;
  switch (record.entity) {
    case 'meeting':
      return { page: 'meetings', id: record.id };
    case 'assignment':
      return { page: 'assignments', id: record.id };
    case 'organisation':
      return { page: 'organisations', id: record.id };
    case 'member':
    case 'group':
      return { page: 'group' };
    case 'user':
      return { page: 'users' };
    default:
      return null;
  }
}

/** Why the store locked, as `AppCore.lock` records it; anything else reads as «інша причина». */
export const LOCK_REASONS = ['manual', 'idle', 'system-idle', 'os-lock', 'suspend', 'switch-user', 'shutdown', 'cli'] as const;

const FORMATS = new Set(['docx', 'html', 'pdf', 'csv']);

const text = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);
const count = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/**
 * The facts of an event a reader needs: when a failed attempt happened (it enters the log only at the next
 * successful unlock, so the event's own time is not the attempt's), why the store locked, the format of an
 * exported file. Details are identifiers and counts only; anything not named here stays out of the sentence.
 */
export function detailPhrases(event: Pick<AuditEvent, 'action' | 'details'>): Phrase[] {
  const d = event.details;
  const out: Phrase[] = [];
  switch (event.action) {
    case 'auth.unlock_failed':
    case 'auth.recovery_failed': {
      const at = text(d.attemptedAt);
      if (at) out.push({ key: 'audit.detail.attemptedAt', values: { time: formatKyivDateTime(at, true) } });
      break;
    }
    case 'auth.lock': {
      const reason = text(d.reason);
      out.push({ key: `audit.detail.lock.${LOCK_REASONS.find((r) => r === reason) ?? 'other'}` });
      break;
    }
    case 'auth.unlock_denied':
      if (d.reason === 'removed') out.push({ key: 'audit.detail.removedUser' });
      break;
    case 'assignment.closed':
      if (d.outcome === 'done' || d.outcome === 'removed') out.push({ key: `audit.detail.outcome.${d.outcome}` });
      break;
    case 'settings.updated': {
      const minutes = count(d.idleLockMinutes);
      if (minutes !== null) out.push({ key: 'audit.detail.idleLock', values: { minutes } });
      break;
    }
    case 'access.denied': {
      const permission = text(d.permission);
      if (permission) out.push({ key: 'audit.detail.permission', values: { permission } });
      break;
    }
    default:
      break;
  }
  const format = text(d.format);
  if (format && FORMATS.has(format)) out.push({ key: 'audit.detail.format', values: { format: format.toUpperCase() } });
  const item = count(d.item);
  if (item !== null && event.action.startsWith('document.')) out.push({ key: 'audit.detail.item', values: { item } });
  const rows = count(d.count);
  if (rows !== null && event.action === 'audit.exported') out.push({ key: 'audit.detail.rows', values: { count: rows } });
  return out;
}
