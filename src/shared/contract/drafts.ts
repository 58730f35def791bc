import { z } from 'zod';
import { DraftKeySchema, DraftSaveSchema, DraftSchema, DraftSummarySchema } from '../domain/drafts';
import type { ContractPart } from './types';

/** Unsaved edits kept at a lock, each user's own: no channel reads another user's drafts. */
export const drafts = {
  /**
   * Keeps (or replaces) the signed-in user's draft of one record; the window calls it just before a lock. Passive:
   * keeping edits at the end of the idle countdown must not count as activity, or the lock would never come.
   */
  'drafts:save': { input: DraftSaveSchema, output: z.object({ savedAt: z.string() }), access: 'session', kind: 'mutation', passive: true },
  /** The signed-in user's drafts, newest first, for the offer after unlock. */
  'drafts:list': { input: z.object({}).strict(), output: z.array(DraftSummarySchema), access: 'session', kind: 'query' },
  /** One draft of the signed-in user, or null. */
  'drafts:get': { input: z.object({ key: DraftKeySchema }).strict(), output: DraftSchema.nullable(), access: 'session', kind: 'query' },
  /** Drops a draft: taken back into the form (`restored`) or declined. */
  'drafts:discard': {
    input: z.object({ key: DraftKeySchema, restored: z.boolean().default(false) }).strict(),
    output: z.object({ discarded: z.boolean() }),
    access: 'session',
    kind: 'mutation',
  },
} satisfies ContractPart<'drafts'>;
