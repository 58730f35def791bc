import { and, desc, eq } from 'drizzle-orm';
import type { Draft, DraftSummary } from '../../../shared/domain/drafts';
import { drafts } from '../../db/schema/drafts';
import type { Orm } from '../../store/store';

export function saveDraft(orm: Orm, userId: string, draft: { key: string; label: string; payload: string }, savedAt: string): void {
  orm
    .insert(drafts)
    .values({ userId, ...draft, savedAt })
    .onConflictDoUpdate({ target: [drafts.userId, drafts.key], set: { label: draft.label, payload: draft.payload, savedAt } })
    .run();
}

export function listDrafts(orm: Orm, userId: string): DraftSummary[] {
  return orm
    .select({ key: drafts.key, label: drafts.label, savedAt: drafts.savedAt })
    .from(drafts)
    .where(eq(drafts.userId, userId))
    .orderBy(desc(drafts.savedAt))
    .all();
}

export function getDraft(orm: Orm, userId: string, key: string): Draft | null {
  const row = orm
    .select({ key: drafts.key, label: drafts.label, savedAt: drafts.savedAt, payload: drafts.payload })
    .from(drafts)
    .where(and(eq(drafts.userId, userId), eq(drafts.key, key)))
    .get();
  return row ?? null;
}

export function deleteDraft(orm: Orm, userId: string, key: string): boolean {
  return orm.delete(drafts).where(and(eq(drafts.userId, userId), eq(drafts.key, key))).run().changes > 0;
}
