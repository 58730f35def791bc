import { createContext, useContext } from 'react';
import type { Member } from '../../../../shared/domain/group';
import type { Assignment, Meeting } from '../../../../shared/domain/meetings';

export interface DecisionRef {
  id: string;
  number: string;
  text: string;
}

/** What every part of the editor needs to know besides the form itself. */
export interface MeetingEditorContextValue {
  /** The meeting as last saved. */
  meeting: Meeting;
  /** Members seated on the saved meeting date. */
  members: Member[];
  /** Approved minutes or a reader: nothing in the form can change. */
  readOnly: boolean;
  /** May create assignments, approve and amend. */
  canWrite: boolean;
  /** This meeting's assignments by the decision that gave them. */
  assignmentsByDecision: Map<string, Assignment[]>;
  /** Every assignment by id, for the carry-over item's review list. */
  assignmentsById: Map<string, Assignment>;
  createAssignment(decision: DecisionRef): void;
  openAssignment(id: string): void;
}

export const MeetingEditorContext = createContext<MeetingEditorContextValue | null>(null);

export function useMeetingEditor(): MeetingEditorContextValue {
  const value = useContext(MeetingEditorContext);
  if (!value) throw new Error('useMeetingEditor outside MeetingEditor');
  return value;
}
