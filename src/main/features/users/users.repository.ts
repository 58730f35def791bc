import { and, eq, isNull, sql } from 'drizzle-orm';
import type { UserSummary } from '../../../shared/domain/users';
import type { Role } from '../../../shared/permissions';
import * as schema from '../../db/schema';
import type { Orm } from '../../store/store';

type UserRow = typeof schema.users.$inferSelect;

export function toSummary(row: UserRow): UserSummary {
  return {
    id: row.id,
    login: row.login,
    displayName: row.displayName,
    roles: row.roles as Role[],
    mustChangePassphrase: row.mustChangePassphrase,
    createdAt: row.createdAt,
    lastUnlockAt: row.lastUnlockAt,
  };
}

export function listActive(orm: Orm): UserRow[] {
  return orm.select().from(schema.users).where(isNull(schema.users.removedAt)).orderBy(sql`lower(${schema.users.login})`).all();
}

export function findActive(orm: Orm, id: string): UserRow | undefined {
  return orm.select().from(schema.users).where(and(eq(schema.users.id, id), isNull(schema.users.removedAt))).get();
}

export function findActiveByLogin(orm: Orm, login: string): UserRow | undefined {
  return orm
    .select()
    .from(schema.users)
    .where(and(sql`lower(${schema.users.login}) = lower(${login})`, isNull(schema.users.removedAt)))
    .get();
}

export function countActiveAdmins(orm: Orm, exceptId?: string): number {
  return listActive(orm).filter((u) => u.id !== exceptId && (u.roles as string[]).includes('admin')).length;
}
