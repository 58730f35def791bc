import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { AppError } from '../../../shared/errors';
import type { Role } from '../../../shared/permissions';
import type { FeatureHandlers } from '../../kernel/context';
import * as schema from '../../db/schema';
import { assertStrongPassphrase } from '../../kernel/session';
import { newUserKeys, publicOf } from '../../store/keys';
import { certify } from '../../store/witness';
import { keyToRecertify } from './users.repository';
import { countActiveAdmins, findActive, findActiveByLogin, listActive, toSummary } from './users.repository';

export const usersHandlers = {
  'users:list': (_input, { store }) => listActive(store.orm).map(toSummary),

  'users:add': async (input, { core }) => {
    const store = core.requireStore();
    if (findActiveByLogin(store.orm, input.login)) throw new AppError('LOGIN_TAKEN', 'this login is taken', { field: 'login' });
    assertStrongPassphrase(input.initialPassphrase, input.login, 'initialPassphrase');
    const id = randomUUID();
    const keys = newUserKeys();
    const roles = [...new Set(input.roles)];
    // The slow key derivation runs before the transaction, so the database is never held during it.
    const slot = await store.newSlot(input.initialPassphrase, { kind: 'user', login: input.login, userId: id, mustChange: true }, keys, core.witness().root);
    core.assertStillOpen(store);
    const now = core.deps.env.clock();
    store.commitSlots((slots) => [...slots, slot], () => {
      if (findActiveByLogin(store.orm, input.login)) throw new AppError('LOGIN_TAKEN', 'this login is taken', { field: 'login' });
      store.orm
        .insert(schema.users)
        .values({ id, login: input.login, displayName: input.displayName, roles, mustChangePassphrase: true, createdAt: now.toISOString() })
        .run();
      // The new user's key, vouched for by the admin who added them: no one else can make another key pass as theirs.
      const certificate = certify(store.db, store.storeId, core.signer(), { userId: id, publicKey: publicOf(keys.sign), mayCertify: roles.includes('admin') }, now);
      core.audit({ action: 'user.created', entity: 'user', entityId: id, details: { roles, certificate } });
    });
    return toSummary(findActive(store.orm, id)!);
  },

  'users:setRoles': (input, { store, session, audit, core, now }) => {
    const user = findActive(store.orm, input.userId);
    if (!user) throw new AppError('NOT_FOUND', 'no such user');
    const roles = [...new Set(input.roles)];
    if (!roles.includes('admin') && (user.roles as string[]).includes('admin') && countActiveAdmins(store.orm, user.id) === 0) {
      throw new AppError('LAST_ADMIN', 'the store must keep at least one admin');
    }
    store.orm.update(schema.users).set({ roles }).where(eq(schema.users.id, user.id)).run();
    // Whether the key may vouch for others follows the admin role: the acting admin certifies it anew, only a key
    // that stands now (never whichever row is newest: anyone with the data key can add rows).
    const publicKey = keyToRecertify(store.db, store.storeId, core.witness().root, user.id);
    const certificate = publicKey ? certify(store.db, store.storeId, core.signer(), { userId: user.id, publicKey, mayCertify: roles.includes('admin') }, now) : null;
    audit({ action: 'user.roles_changed', entity: 'user', entityId: user.id, details: { roles, ...(certificate ? { certificate } : {}) } });
    if (user.id === session.userId) core.refreshSession();
    return toSummary(findActive(store.orm, user.id)!);
  },

  'users:remove': (input, { core, session }) => {
    const store = core.requireStore();
    if (input.userId === session!.userId) throw new AppError('SELF_REMOVAL', 'you cannot remove yourself');
    const user = findActive(store.orm, input.userId);
    if (!user) throw new AppError('NOT_FOUND', 'no such user');
    if ((user.roles as Role[]).includes('admin') && countActiveAdmins(store.orm, user.id) === 0) {
      throw new AppError('LAST_ADMIN', 'the store must keep at least one admin');
    }
    const now = core.deps.env.clock().toISOString();
    store.rotate(
      (slots) => slots.filter((s) => s.userId !== user.id),
      () => {
        store.orm.update(schema.users).set({ removedAt: now }).where(eq(schema.users.id, user.id)).run();
        core.audit({ action: 'user.removed', entity: 'user', entityId: user.id });
        core.audit({ action: 'store.key_rotated', details: { reason: 'user_removed', generation: store.slots.generation + 1 } });
      },
    );
    return { removed: true as const };
  },

  'users:rotateKey': (_input, { core }) => {
    const store = core.requireStore();
    const rotated = store.rotate((slots) => slots, () => core.audit({ action: 'store.key_rotated', details: { reason: 'on_demand', generation: store.slots.generation + 1 } }));
    return { generation: store.slots.generation, bytes: rotated.bytes };
  },
} satisfies FeatureHandlers<'users'>;
