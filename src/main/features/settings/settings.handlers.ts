import type { FeatureHandlers } from '../../kernel/context';
import { getSetting, putSetting } from '../../store/settings';

export const settingsHandlers = {
  'settings:get': (_input, { store }) => ({ idleLockMinutes: getSetting(store.db, 'idleLockMinutes') }),
  'settings:update': (input, { store, audit, now, core }) => {
    putSetting(store.db, 'idleLockMinutes', input.idleLockMinutes, now);
    audit({ action: 'settings.updated', entity: 'settings', entityId: 'idleLockMinutes', details: { idleLockMinutes: input.idleLockMinutes } });
    core.setIdleMinutes(input.idleLockMinutes);
    return { idleLockMinutes: input.idleLockMinutes };
  },
} satisfies FeatureHandlers<'settings'>;
