import { randomUUID } from 'node:crypto';
import * as schema from '../../db/schema';
import type { OpenStore } from '../../store/store';

export const DEFAULT_GROUP = {
  name: 'Обласна координаційна рада з питань сім’ї, ґендерної рівності, запобігання та протидії домашньому насильству і протидії торгівлі людьми',
  parentBody: 'Обласна військова адміністрація',
};

/** The group's one row, with the usual name until the admin enters the order's; runs in the set-up transaction. */
export function seedGroup(store: OpenStore, actor: { userId: string; workstation: string }): void {
  const groupId = randomUUID();
  store.orm.insert(schema.coordinationGroup).values({ id: groupId, ...DEFAULT_GROUP, updatedAt: store.env.clock().toISOString() }).run();
  store.audit.append(actor, { action: 'group.created', entity: 'group', entityId: groupId });
}
