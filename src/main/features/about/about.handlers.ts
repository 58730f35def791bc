import type { FeatureHandlers } from '../../kernel/context';
import { schemaVersion } from '../../store/migrations';

export const aboutHandlers = {
  'about:get': (_input, { store, core }) => {
    const kdf = core.deps.env.kdf;
    return {
      version: core.deps.version,
      storeDir: store.dir,
      schemaVersion: schemaVersion(store.db),
      cipher: 'SQLCipher 4 (AES-256, HMAC-SHA512), raw 256-bit key',
      kdf: `scrypt N=2^${Math.log2(kdf.N)}, r=${kdf.r}, p=${kdf.p} (${(128 * kdf.N * kdf.r) / 2 ** 20} MiB)`,
      journalMode: String(store.db.pragma('journal_mode', { simple: true })),
      synchronous: store.db.pragma('synchronous', { simple: true }) === 2 ? 'FULL' : 'NOT FULL',
    };
  },
} satisfies FeatureHandlers<'about'>;
