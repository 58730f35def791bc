import { eq } from 'drizzle-orm';
import * as schema from '../../db/schema';
import type { OpenStore } from '../../store/store';

export const IDLE_LOCK_DEFAULT = 10;

const DEFAULTS = { idleLockMinutes: IDLE_LOCK_DEFAULT, storeId: '' };
type SettingKey = keyof typeof DEFAULTS;

export function getSetting<K extends SettingKey>(store: OpenStore, key: K): (typeof DEFAULTS)[K] {
  const row = store.orm.select().from(schema.settings).where(eq(schema.settings.key, key)).get();
  return (row?.value as (typeof DEFAULTS)[K] | undefined) ?? DEFAULTS[key];
}

export function putSetting<K extends SettingKey>(store: OpenStore, key: K, value: (typeof DEFAULTS)[K], now: Date): void {
  store.orm
    .insert(schema.settings)
    .values({ key, value, updatedAt: now.toISOString() })
    .onConflictDoUpdate({ target: schema.settings.key, set: { value, updatedAt: now.toISOString() } })
    .run();
}
