import { useEffect, useRef } from 'react';
import { useSession } from './session-context';

/** Offers this form's unsaved edits to the lock while it is on screen. `read` is called at the moment of locking. */
export function useKeepDraft(key: string, label: string, read: () => string | null): void {
  const { drafts } = useSession();
  const latest = useRef(read);
  latest.current = read;
  useEffect(() => drafts.register({ key, label, read: () => latest.current() }), [drafts, key, label]);
}
