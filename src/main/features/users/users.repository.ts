import { and, eq, isNull, sql } from 'drizzle-orm';
import type { UserSummary } from '../../../shared/domain/users';
import type { Role } from '../../../shared/permissions';
import * as schema from '../../db/schema';
import type { Db } from '../../store/connection';
import type { Orm } from '../../store/store';
import { standingKeysOf } from '../../store/witness';

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

/**
 * The key a change of roles certifies anew: the user's key that stands now. A user upgraded from a store without
 * keys has one self-signed key and nothing standing: that one, as long as it is their only key.
 */
export function keyToRecertify(db: Db, storeId: string, root: string, userId: string): string | null {
  if (!root) return null;
  const standing = standingKeysOf(db, storeId, root, userId);
  if (standing[0]) return standing[0];
  const rows = db.prepare('SELECT public_key, issuer_key FROM user_keys WHERE user_id = ?').all(userId) as { public_key: string; issuer_key: string }[];
  const only = rows.length > 0 && rows.every((r) => r.public_key === rows[0]!.public_key) ? rows[0]! : null;
  return only && only.issuer_key === only.public_key ? only.public_key : null;
}
