import type { BackupReminder } from '../../../shared/domain/backup';
import { kyivDate } from '../../../shared/time';
import { daysBetween } from '../../../shared/terms';
import { lastBackupOf } from '../../store/backup';
import { getSetting } from '../../store/settings';
import type { OpenStore } from '../../store/store';

/**
 * The last backup of this store (as noted beside it when the copy verified) and whether the next one is due: after
 * the store's number of days, counted in Kyiv calendar days, or at once when none was ever made.
 */
export function backupReminder(store: OpenStore, now: Date): BackupReminder {
  const reminderDays = getSetting(store.db, 'backupReminderDays');
  const last = lastBackupOf(store.dir);
  const at = last ? new Date(last.createdAt) : null;
  if (!last || !at || Number.isNaN(at.getTime())) return { lastBackupAt: null, path: null, reminderDays, daysSince: null, due: true };
  const daysSince = Math.max(0, daysBetween(kyivDate(at), kyivDate(now)));
  return { lastBackupAt: at.toISOString(), path: last.path, reminderDays, daysSince, due: daysSince >= reminderDays };
}
