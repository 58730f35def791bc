import { DEFAULT_CASE_OPTIONS, type CaseOptions } from '../../shared/domain/parameters';
import type { ReportOptions } from '../../shared/domain/reports';
import type { TerritoryEdition, TerritoryOptions } from '../../shared/domain/territories';
import type { TrainingOptions } from '../../shared/domain/trainings';
import type { Db } from './connection';

/**
 * Store-wide settings, one JSON value per key. They live below every feature: the core session reads the idle
 * time, backups the store id, the audit chain its verification checkpoint.
 */
export const IDLE_LOCK_DEFAULT = 10;
export const LOCK_WARNING_DEFAULT = 60;
export const BACKUP_REMINDER_DEFAULT = 7;

export interface AuditCheckpoint {
  seq: number;
  hash: string;
  /** HMAC of `seq` and `hash` under the audit key: the checkpoint is protected as the chain itself is. */
  mac: string;
}

const DEFAULTS = {
  idleLockMinutes: IDLE_LOCK_DEFAULT as number,
  lockWarningSeconds: LOCK_WARNING_DEFAULT as number,
  backupReminderDays: BACKUP_REMINDER_DEFAULT as number,
  storeId: '',
  auditCheckpoint: null as AuditCheckpoint | null,
  /** The generation of the key-slot file this database belongs to: a slot file with another one is refused. 0 for stores from before generations. */
  keyGeneration: 0 as number,
  /** The audit MAC key (hex), kept inside the encrypted database so that a rotation of the data key leaves it. */
  auditKey: '',
  /** The status procedure's options: due-soon window, retention, day-off rule, the letterhead. */
  caseOptions: DEFAULT_CASE_OPTIONS as CaseOptions,
  /** The oblast this store serves (a code, '' for all of Ukraine): the territory search looks there first. */
  territoryOptions: { oblast: '' } as TerritoryOptions,
  /** The codifier edition in the territories table; null until the shipped one is loaded. */
  territoryEdition: null as TerritoryEdition | null,
  /** Trainings: the share of hours a certificate needs. */
  trainingOptions: { minSharePercent: 80 } as TrainingOptions,
  /** Reports: k of the publication profile (security.md §7). */
  reportOptions: { threshold: 5 } as ReportOptions,
};
export type SettingKey = keyof typeof DEFAULTS;
export type SettingValue<K extends SettingKey> = (typeof DEFAULTS)[K];

export function getSetting<K extends SettingKey>(db: Db, key: K): SettingValue<K> {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as SettingValue<K>) : DEFAULTS[key];
}

export function putSetting<K extends SettingKey>(db: Db, key: K, value: SettingValue<K>, now: Date): void {
  db.prepare(
    'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
  ).run(key, JSON.stringify(value), now.toISOString());
}
