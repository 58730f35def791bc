import type { FeatureHandlers } from '../../kernel/context';
import { getSetting, putSetting } from '../../store/settings';

export const settingsHandlers = {
  'settings:get': (_input, { store }) => ({
    idleLockMinutes: getSetting(store.db, 'idleLockMinutes'),
    lockWarningSeconds: getSetting(store.db, 'lockWarningSeconds'),
    backupReminderDays: getSetting(store.db, 'backupReminderDays'),
  }),
  'settings:update': (input, { store, audit, now, core }) => {
    putSetting(store.db, 'idleLockMinutes', input.idleLockMinutes, now);
    putSetting(store.db, 'lockWarningSeconds', input.lockWarningSeconds, now);
    putSetting(store.db, 'backupReminderDays', input.backupReminderDays, now);
    audit({
      action: 'settings.updated',
      entity: 'settings',
      entityId: 'lock',
      details: { idleLockMinutes: input.idleLockMinutes, lockWarningSeconds: input.lockWarningSeconds, backupReminderDays: input.backupReminderDays },
    });
    core.setIdleMinutes(input.idleLockMinutes, input.lockWarningSeconds);
    return input;
  },
} satisfies FeatureHandlers<'settings'>;
