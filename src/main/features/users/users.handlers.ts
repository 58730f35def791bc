import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { AppError } from '../../../shared/errors';
import type { FeatureHandlers } from '../../kernel/context';
import * as schema from '../../db/schema';
import { assertStrongPassphrase } from '../../kernel/session';
import { countActiveAdmins, findActive, findActiveByLogin, listActive, toSummary } from './users.repository';

export const usersHandlers = {
  'users:list': (_input, { store }) => listActive(store.orm).map(toSummary),

  'users:add': async (input, { core }) => {
    const store = core.requireStore();
    if (findActiveByLogin(store.orm, input.login)) throw new AppError('LOGIN_TAKEN', 'this login is taken', { field: 'login' });
    assertStrongPassphrase(input.initialPassphrase, input.login, 'initialPassphrase');
    const id = randomUUID();
    // The slow key derivation runs before the transaction, so the database is never held during it.
    const slot = await store.newSlot(input.initialPassphrase, { kind: 'user', login: input.login, userId: id, mustChange: true });
    core.assertStillOpen(store);
    const now = core.deps.env.clock().toISOString();
    const roles = [...new Set(input.roles)];
    store.db.transaction(() => {
      if (findActiveByLogin(store.orm, input.login)) throw new AppError('LOGIN_TAKEN', 'this login is taken', { field: 'login' });
      store.orm
        .insert(schema.users)
        .values({ id, login: input.login, displayName: input.displayName, roles, mustChangePassphrase: true, createdAt: now })
        .run();
      core.audit({ action: 'user.created', entity: 'user', entityId: id, details: { roles } });
      store.saveSlots([...store.slots.slots, slot]);
    })();
    return toSummary(findActive(store.orm, id)!);
  },

  'users:setRoles': (input, { store, session, audit, core }) => {
    const user = findActive(store.orm, input.userId);
    if (!user) throw new AppError('NOT_FOUND', 'no such user');
    const roles = [...new Set(input.roles)];
    if (!roles.includes('admin') && (user.roles as string[]).includes('admin') && countActiveAdmins(store.orm, user.id) === 0) {
      throw new AppError('LAST_ADMIN', 'the store must keep at least one admin');
    }
    store.orm.update(schema.users).set({ roles }).where(eq(schema.users.id, user.id)).run();
    audit({ action: 'user.roles_changed', entity: 'user', entityId: user.id, details: { roles } });
    if (user.id === session.userId) core.refreshSession();
    return toSummary(findActive(store.orm, user.id)!);
  },

  'users:remove': (input, { store, session, audit, now }) => {
    if (input.userId === session.userId) throw new AppError('SELF_REMOVAL', 'you cannot remove yourself');
    const user = findActive(store.orm, input.userId);
    if (!user) throw new AppError('NOT_FOUND', 'no such user');
    if ((user.roles as string[]).includes('admin') && countActiveAdmins(store.orm, user.id) === 0) {
      throw new AppError('LAST_ADMIN', 'the store must keep at least one admin');
    }
    store.orm.update(schema.users).set({ removedAt: now.toISOString() }).where(eq(schema.users.id, user.id)).run();
    audit({ action: 'user.removed', entity: 'user', entityId: user.id });
    store.saveSlots(store.slots.slots.filter((s) => s.userId !== user.id));
    return { removed: true as const };
  },
} satisfies FeatureHandlers<'users'>;
