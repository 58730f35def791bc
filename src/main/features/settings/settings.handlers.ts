import type { FeatureHandlers } from '../../kernel/context';
import { getSetting, putSetting } from '../../store/settings';

export const settingsHandlers = {
  'settings:get': (_input, { store }) => ({ idleLockMinutes: getSetting(store.db, 'idleLockMinutes'), lockWarningSeconds: getSetting(store.db, 'lockWarningSeconds') }),
  'settings:update': (input, { store, audit, now, core }) => {
    putSetting(store.db, 'idleLockMinutes', input.idleLockMinutes, now);
    putSetting(store.db, 'lockWarningSeconds', input.lockWarningSeconds, now);
    audit({ action: 'settings.updated', entity: 'settings', entityId: 'lock', details: { idleLockMinutes: input.idleLockMinutes, lockWarningSeconds: input.lockWarningSeconds } });
    core.setIdleMinutes(input.idleLockMinutes, input.lockWarningSeconds);
    return input;
  },
} satisfies FeatureHandlers<'settings'>;
