import { createContext, useContext } from 'react';
import type { AssignmentSummary } from '../../../../shared/domain/assignments';
import type { GroupSettings, Member } from '../../../../shared/domain/group';
import type { Meeting } from '../../../../shared/domain/meetings';
import type { OrganisationOption } from '../../../../shared/domain/organisations';

/** Everything the editor shows besides the form: each piece a query of its own, refreshed when a change touches it. */
export interface MeetingData {
  meeting: Meeting;
  /** Members seated on the saved meeting date. */
  members: Member[];
  organisations: OrganisationOption[];
  /** The quorum rule; null if it could not be read (the editor then shows the server's count). */
  group: GroupSettings | null;
  /** Assignments given by this meeting's decisions. */
  meetingAssignments: AssignmentSummary[];
  /** Assignments its carry-over item reviews. */
  reviewedAssignments: AssignmentSummary[];
}

export interface DecisionRef {
  id: string;
  number: string;
  text: string;
}

type SavedItem = Meeting['agenda'][number];
type SavedDecision = SavedItem['decisions'][number];

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
  assignmentsByDecision: Map<string, AssignmentSummary[]>;
  /** The assignments its carry-over item reviews, in the order of their meetings and decisions. */
  reviewed: AssignmentSummary[];
  /** A saved item or decision by id: what the form does not hold (the carry-over flag, the number). */
  savedItem(id: string | undefined): SavedItem | undefined;
  savedDecision(id: string | undefined): SavedDecision | undefined;
  createAssignment(decision: DecisionRef): void;
  openAssignment(id: string): void;
}

export const MeetingEditorContext = createContext<MeetingEditorContextValue | null>(null);

export function useMeetingEditor(): MeetingEditorContextValue {
  const value = useContext(MeetingEditorContext);
  if (!value) throw new Error('useMeetingEditor outside MeetingEditor');
  return value;
}
