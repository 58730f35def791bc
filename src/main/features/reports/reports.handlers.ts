import { AppError } from '../../../shared/errors';
import type { FeatureHandlers } from '../../kernel/context';
import { getSetting } from '../../store/settings';
import { refuse } from '../persons/persons.repository';
import { createKey, currentKey, previousKeys, rotateKey } from './signing-keys.repository';

/** Reports for the Ministry. For now the key that signs their bundles: made once, rotated, shown by its public half. */
export const reportsHandlers = {
  'reports:keys': (_input, { store }) => ({ current: currentKey(store.db), previous: previousKeys(store.db) }),

  'reports:createKey': (_input, { store, session, audit, now }) => {
    if (currentKey(store.db)) refuse({ reason: 'key_exists' });
    const key = createKey(store.db, session.userId, now.toISOString());
    audit({ action: 'signing_key.created', entity: 'signing_key', entityId: key.keyId, details: { keyId: key.keyId } });
    return key;
  },

  'reports:rotateKey': (_input, { store, session, audit, now }) => {
    const old = currentKey(store.db);
    const key = rotateKey(store.db, getSetting(store.db, 'territoryOptions').oblast, session.userId, now.toISOString());
    if (!old || !key) return refuse({ reason: 'no_key' });
    audit({ action: 'signing_key.rotated', entity: 'signing_key', entityId: key.keyId, details: { from: old.keyId, to: key.keyId } });
    return key;
  },

  'reports:publicKeyFile': (_input, { store }) => {
    const key = currentKey(store.db);
    if (!key) throw new AppError('NOT_FOUND', 'no signing key yet', { reason: 'no_key' });
    return { fileName: `zlagoda-${key.keyId}.pub`, mimeType: 'text/plain', base64: Buffer.from(key.publicKey, 'utf8').toString('base64') };
  },
} satisfies FeatureHandlers<'reports'>;
