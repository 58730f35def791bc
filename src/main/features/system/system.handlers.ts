import type { Handlers } from '../../ipc/dispatcher';
import { schemaVersion } from '../../store/migrations';
import { getSetting, putSetting } from './settings.repository';

export const systemHandlers = {
  'system:about': (_input, { store, core }) => {
    const kdf = core.deps.env.kdf;
    return {
      version: core.deps.version,
      storeDir: store.dir,
      schemaVersion: schemaVersion(store.db),
      cipher: 'SQLCipher 4 (AES-256, HMAC-SHA512)',
      kdf: `scrypt N=2^${Math.log2(kdf.N)}, r=${kdf.r}, p=${kdf.p} (${(128 * kdf.N * kdf.r) / 2 ** 20} MiB)`,
      journalMode: String(store.db.pragma('journal_mode', { simple: true })),
      synchronous: store.db.pragma('synchronous', { simple: true }) === 2 ? 'FULL' : 'NOT FULL',
    };
  },
  'settings:get': (_input, { store }) => ({ idleLockMinutes: getSetting(store, 'idleLockMinutes') }),
  'settings:update': (input, { store, audit, now, core }) => {
    putSetting(store, 'idleLockMinutes', input.idleLockMinutes, now);
    audit({ action: 'settings.updated', entity: 'settings', entityId: 'idleLockMinutes', details: { idleLockMinutes: input.idleLockMinutes } });
    core.setIdleMinutes(input.idleLockMinutes);
    return { idleLockMinutes: input.idleLockMinutes };
  },
} satisfies Partial<Handlers>;
