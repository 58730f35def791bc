import type { TFunction } from 'i18next';
import type { UseFormSetError } from 'react-hook-form';
import { z } from 'zod';
import type { Member } from '../../../../shared/domain/group';
import { MEETING_FORMATS, MEETING_KINDS, type Meeting, type MeetingDraft } from '../../../../shared/domain/meetings';
import type { AppError } from '../../../../shared/errors';
import { fieldIssues, issueMessage } from '../../components/describe-error';

export const EDITABLE_STATUSES = ['planned', 'held', 'minutes_drafted'] as const;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * The editor's form, shaped like the contract's MeetingDraft so that a server issue's path («agenda.1.title»)
 * names the same field here. Saved records keep their id as `recordId` (useFieldArray owns the key `id`); the
 * decision `number`, `carryOver` and `reviewedAssignmentIds` only travel along for display.
 */
export function meetingFormSchema(t: TFunction) {
  const text = (max: number) => z.string().trim().max(max, t('validation.too_big', { maximum: max }));
  const votes = z
    .number({ error: t('meetings.validation.votes') })
    .int(t('meetings.validation.votes'))
    .min(0, t('meetings.validation.votes'))
    .max(1000, t('meetings.validation.votes'))
    .nullable();
  return z.object({
    number: z
      .number({ error: t('meetings.validation.numberRequired') })
      .int(t('meetings.validation.numberRequired'))
      .min(1, t('meetings.validation.numberRequired'))
      .max(999, t('meetings.validation.numberRequired'))
      .nullable()
      .superRefine((n, ctx) => {
        if (n === null) ctx.addIssue({ code: 'custom', message: t('meetings.validation.numberRequired') });
      }),
    date: z.iso.date({ error: t('meetings.validation.date') }),
    time: z.string().regex(TIME, t('meetings.validation.time')),
    place: text(300),
    format: z.enum(MEETING_FORMATS),
    kind: z.enum(MEETING_KINDS),
    status: z.enum(EDITABLE_STATUSES),
    chairMemberId: z.string().nullable(),
    secretaryMemberId: z.string().nullable(),
    agenda: z
      .array(
        z.object({
          recordId: z.string().nullable(),
          carryOver: z.boolean(),
          reviewedAssignmentIds: z.array(z.string()),
          title: text(1000).min(3, t('meetings.validation.title')),
          rapporteurMemberId: z.string().nullable(),
          rapporteurText: text(300),
          heard: text(50_000),
          speeches: z
            .array(
              z.object({
                recordId: z.string().nullable(),
                speaker: text(200).min(1, t('meetings.validation.speaker')),
                summary: text(20_000),
              }),
            )
            .max(100, t('validation.too_big', { maximum: 100 })),
          decisions: z
            .array(
              z.object({
                recordId: z.string().nullable(),
                number: z.string().nullable(),
                text: text(20_000).min(1, t('meetings.validation.decision')),
                votesFor: votes,
                votesAgainst: votes,
                votesAbstained: votes,
              }),
            )
            .max(100, t('validation.too_big', { maximum: 100 })),
        }),
      )
      .max(60, t('meetings.validation.tooManyItems', { maximum: 60 })),
    attendance: z.array(z.object({ memberId: z.string(), present: z.boolean() })),
    guests: z
      .array(
        z.object({
          recordId: z.string().nullable(),
          name: text(200).min(1, t('meetings.validation.guest')),
          role: text(300),
        }),
      )
      .max(200, t('validation.too_big', { maximum: 200 })),
  });
}

export type MeetingValues = z.infer<ReturnType<typeof meetingFormSchema>>;
export type AgendaItemValues = MeetingValues['agenda'][number];

export function emptyItem(): AgendaItemValues {
  return {
    recordId: null,
    carryOver: false,
    reviewedAssignmentIds: [],
    title: '',
    rapporteurMemberId: null,
    rapporteurText: '',
    heard: '',
    speeches: [],
    decisions: [],
  };
}

/** The form's starting point: the saved meeting, with one attendance row per member seated on its date. */
export function toValues(meeting: Meeting, members: Member[]): MeetingValues {
  const present = new Map(meeting.attendance.map((a) => [a.memberId, a.present]));
  return {
    number: meeting.number,
    date: meeting.date,
    time: meeting.time,
    place: meeting.place,
    format: meeting.format,
    kind: meeting.kind,
    // An approved meeting is shown read-only; the form never sends «approved».
    status: meeting.status === 'approved' ? 'minutes_drafted' : meeting.status,
    chairMemberId: meeting.chairMemberId,
    secretaryMemberId: meeting.secretaryMemberId,
    agenda: meeting.agenda.map((item) => ({
      recordId: item.id,
      carryOver: item.carryOver,
      reviewedAssignmentIds: item.reviewedAssignmentIds,
      title: item.title,
      rapporteurMemberId: item.rapporteurMemberId,
      rapporteurText: item.rapporteurText,
      heard: item.heard,
      speeches: item.speeches.map((s) => ({ recordId: s.id, speaker: s.speaker, summary: s.summary })),
      decisions: item.decisions.map((d) => ({
        recordId: d.id,
        number: d.number,
        text: d.text,
        votesFor: d.votesFor,
        votesAgainst: d.votesAgainst,
        votesAbstained: d.votesAbstained,
      })),
    })),
    attendance: members.map((m) => ({ memberId: m.id, present: present.get(m.id) ?? false })),
    guests: meeting.guests.map((g) => ({ recordId: g.id, name: g.name, role: g.role })),
  };
}

const withId = <T extends object>(recordId: string | null, rest: T) => (recordId ? { id: recordId, ...rest } : rest);

/** The whole draft `meetings:update` takes; saved items and decisions keep their ids so assignments stay linked. */
export function toDraft(id: string, values: MeetingValues): MeetingDraft {
  return {
    id,
    number: values.number ?? 0,
    date: values.date,
    time: values.time,
    place: values.place,
    format: values.format,
    kind: values.kind,
    status: values.status,
    chairMemberId: values.chairMemberId,
    secretaryMemberId: values.secretaryMemberId,
    agenda: values.agenda.map((item) =>
      withId(item.recordId, {
        title: item.title,
        rapporteurMemberId: item.rapporteurMemberId,
        rapporteurText: item.rapporteurText,
        heard: item.heard,
        speeches: item.speeches.map((s) => withId(s.recordId, { speaker: s.speaker, summary: s.summary })),
        decisions: item.decisions.map((d) =>
          withId(d.recordId, { text: d.text, votesFor: d.votesFor, votesAgainst: d.votesAgainst, votesAbstained: d.votesAbstained }),
        ),
      }),
    ),
    attendance: values.attendance.map((a) => ({ memberId: a.memberId, present: a.present })),
    guests: values.guests.map((g) => withId(g.recordId, { name: g.name, role: g.role })),
  };
}

/** Contract paths that are fields of this form, index for index. */
const FIELD_PATHS = [
  /^(number|date|time|place|format|kind|status|chairMemberId|secretaryMemberId)$/,
  /^agenda\.\d+\.(title|rapporteurMemberId|rapporteurText|heard)$/,
  /^agenda\.\d+\.speeches\.\d+\.(speaker|summary)$/,
  /^agenda\.\d+\.decisions\.\d+\.(text|votesFor|votesAgainst|votesAbstained)$/,
  /^guests\.\d+\.(name|role)$/,
];

type FieldPath = Parameters<UseFormSetError<MeetingValues>>[0];

/**
 * Puts a refusal of `meetings:update` next to the field it concerns: each VALIDATION issue at its path, a taken
 * number at the number, a rapporteur who left the council at that item. Returns the fields it marked (empty when
 * the error belongs to no field, so the editor shows it above the tabs).
 */
export function placeMeetingError(t: TFunction, error: AppError, setError: UseFormSetError<MeetingValues>): string[] {
  const placed: string[] = [];
  const mark = (path: string, message: string) => {
    setError(path as FieldPath, { type: 'server', message });
    placed.push(path);
  };
  if (error.code === 'VALIDATION') {
    for (const issue of fieldIssues(error)) {
      if (FIELD_PATHS.some((pattern) => pattern.test(issue.path))) mark(issue.path, issueMessage(t, issue));
    }
  } else if (error.code === 'CONFLICT' && error.details.field === 'number') {
    mark('number', t('meetings.validation.numberTaken'));
  } else if (error.code === 'NOT_FOUND' && typeof error.details.field === 'string' && /^agenda\.\d+\.rapporteurMemberId$/.test(error.details.field)) {
    mark(error.details.field, t('meetings.validation.memberGone'));
  }
  return placed;
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
