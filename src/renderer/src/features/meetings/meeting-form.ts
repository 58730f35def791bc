import type { z } from 'zod';
import type { Member } from '../../../../shared/domain/group';
import type { AgendaItemDraftSchema, Meeting, MeetingDraftSchema } from '../../../../shared/domain/meetings';

/**
 * The editor's form is the contract's MeetingDraft itself, so a server issue's path («agenda.1.title») names the
 * same field here. What it only shows (an item's carry-over flag, a decision's number) is read from the saved
 * meeting by id; a new item or decision has no id yet.
 */
export type MeetingValues = z.input<typeof MeetingDraftSchema>;
export type AgendaItemValues = z.input<typeof AgendaItemDraftSchema>;

export function emptyItem(): AgendaItemValues {
  return { title: '', rapporteurMemberId: null, rapporteurText: '', heard: '', speeches: [], decisions: [] };
}

/** The form's starting point: the saved meeting, with one attendance row per member seated on its date. */
export function toValues(meeting: Meeting, members: Member[]): MeetingValues {
  const seats = new Map(meeting.attendance.map((a) => [a.memberId, a]));
  return {
    id: meeting.id,
    number: meeting.number,
    date: meeting.date,
    time: meeting.time,
    place: meeting.place,
    format: meeting.format,
    kind: meeting.kind,
    // An approved or cancelled meeting is shown read-only; the form never sends either status.
    status: meeting.status === 'approved' ? 'minutes_drafted' : meeting.status === 'cancelled' ? 'planned' : meeting.status,
    chairMemberId: meeting.chairMemberId,
    secretaryMemberId: meeting.secretaryMemberId,
    agenda: meeting.agenda.map((item) => ({
      id: item.id,
      title: item.title,
      rapporteurMemberId: item.rapporteurMemberId,
      rapporteurText: item.rapporteurText,
      heard: item.heard,
      speeches: item.speeches.map((s) => ({ id: s.id, speaker: s.speaker, summary: s.summary })),
      decisions: item.decisions.map((d) => ({ id: d.id, text: d.text, votesFor: d.votesFor, votesAgainst: d.votesAgainst, votesAbstained: d.votesAbstained })),
    })),
    attendance: members.map((m) => {
      const seat = seats.get(m.id);
      return { memberId: m.id, present: seat?.present ?? false, absenceReason: seat?.absenceReason ?? '', substitute: seat?.substitute ?? '' };
    }),
    guests: meeting.guests.map((g) => ({ id: g.id, name: g.name, role: g.role })),
  };
}

/** Which tab holds a field, so the editor can open the tab of the first problem. */
export function tabOfPath(path: string): 'general' | 'attendance' | 'agenda' {
  if (path.startsWith('agenda')) return 'agenda';
  if (path.startsWith('guests') || path.startsWith('attendance')) return 'attendance';
  return 'general';
}

/** The path of every field the form has marked (from react-hook-form's nested `errors`). */
export function errorPaths(errors: unknown, prefix = ''): string[] {
  if (!errors || typeof errors !== 'object') return [];
  const node = errors as Record<string, unknown>;
  if (typeof node.message === 'string' && typeof node.type === 'string') return [prefix];
  return Object.entries(node).flatMap(([key, value]) => (key === 'ref' ? [] : errorPaths(value, prefix ? `${prefix}.${key}` : key)));
}
