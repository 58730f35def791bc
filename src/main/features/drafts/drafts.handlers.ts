import type { FeatureHandlers } from '../../kernel/context';
import { deleteDraft, getDraft, listDrafts, saveDraft } from './drafts.repository';

/** Always the signed-in user's own drafts: the user id comes from the session, never from the input. */
export const draftsHandlers = {
  'drafts:save': (input, { store, session, audit, now, core }) => {
    const savedAt = now.toISOString();
    saveDraft(store.orm, session.userId, input, savedAt);
    audit({ action: 'draft.kept', entity: 'draft', entityId: input.key });
    core.noteDraftKept(input.key);
    return { savedAt };
  },
  'drafts:list': (_input, { store, session }) => listDrafts(store.orm, session.userId),
  'drafts:get': (input, { store, session }) => getDraft(store.orm, session.userId, input.key),
  'drafts:discard': (input, { store, session, audit }) => {
    const discarded = deleteDraft(store.orm, session.userId, input.key);
    audit({ action: input.restored ? 'draft.restored' : 'draft.discarded', entity: 'draft', entityId: input.key });
    return { discarded };
  },
} satisfies FeatureHandlers<'drafts'>;
