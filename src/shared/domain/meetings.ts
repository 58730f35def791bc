import { z } from 'zod';
import { addDays } from '../time';
import { Id, IsoDate, MultilineText, Text, Time } from './fields';

export const MEETING_FORMATS = ['in_person', 'online', 'mixed'] as const;
export const MEETING_KINDS = ['regular', 'extraordinary'] as const;
export const MEETING_STATUSES = ['planned', 'postponed', 'cancelled', 'held', 'minutes_drafted', 'approved'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/**
 * Not yet taken place: such a meeting may still be postponed, cancelled or (without decisions) deleted, and its
 * number may move to keep the year's numbers in date order.
 */
export const UPCOMING_STATUSES = ['planned', 'postponed'] as const satisfies readonly MeetingStatus[];
export function isUpcoming(status: string): boolean {
  return (UPCOMING_STATUSES as readonly string[]).includes(status);
}

/** A meeting has begun once the Kyiv clock («YYYY-MM-DD HH:MM», see kyivDateTime) reaches its date and time. */
export function hasBegun(meeting: { date: string; time: string }, kyivNow: string): boolean {
  return `${meeting.date} ${meeting.time}` <= kyivNow;
}

export type UnusualDate = 'before_council' | 'far_ahead';

/**
 * A date the secretary is asked to confirm rather than refused: before the order that set the council up, or more
 * than a year ahead (a typed 2099 for 2026). Both can be right, so they take a second «yes», never a silent save.
 */
export function unusualMeetingDate(date: string, councilSince: string | null, today: string): UnusualDate | null {
  if (councilSince && date < councilSince) return 'before_council';
  if (date > addDays(today, 366)) return 'far_ahead';
  return null;
}

/** Set by the user after being told the date is unusual (NEEDS_CONFIRMATION); nothing else is ever confirmed by it. */
const ConfirmDate = z.boolean().default(false);

const Votes = z.number({ error: 'votes' }).int().min(0).max(1000).nullable().default(null);
const MeetingNumber = z.number({ error: 'meetingNumber' }).int().min(1).max(999);

/** The standing first item of every regular meeting (domain.md §5.3). */
export const CARRY_OVER_TITLE = 'Про стан виконання доручень попередніх засідань';

export const MeetingPlanSchema = z
  .object({
    date: IsoDate,
    time: Time,
    place: Text(300).default(''),
    format: z.enum(MEETING_FORMATS),
    kind: z.enum(MEETING_KINDS).default('regular'),
    /**
     * Automatic when absent: the place in the year's date order, moving later planned meetings up by one. Given, it is
     * kept as typed (a council that starts using the app in mid-year).
     */
    number: MeetingNumber.optional(),
    confirmDate: ConfirmDate,
  })
  .strict();
export type MeetingPlan = z.input<typeof MeetingPlanSchema>;

export const SpeechDraftSchema = z.object({ id: Id.optional(), speaker: Text(200).min(1, 'speaker'), summary: MultilineText(20_000).default('') }).strict();
export const DecisionDraftSchema = z
  .object({ id: Id.optional(), text: MultilineText(20_000).min(1, 'decision'), votesFor: Votes, votesAgainst: Votes, votesAbstained: Votes })
  .strict();
export const AgendaItemDraftSchema = z
  .object({
    id: Id.optional(),
    title: MultilineText(1000).min(3, 'itemTitle'),
    rapporteurMemberId: Id.nullable().default(null),
    rapporteurText: Text(300).default(''),
    heard: MultilineText(50_000).default(''),
    speeches: z.array(SpeechDraftSchema).max(100).default([]),
    decisions: z.array(DecisionDraftSchema).max(100).default([]),
  })
  .strict();

export type AgendaItemDraft = z.output<typeof AgendaItemDraftSchema>;

/**
 * A seat at the meeting: present, or absent with the reason (відпустка, відрядження, хвороба …) and, when someone
 * came in the member's stead, who («за дорученням»). A substitute signs for the chair or the secretary but does not
 * count toward the quorum: the app cannot know whether the council's regulation lets them vote.
 */
export const AttendanceDraftSchema = z
  .object({ memberId: Id, present: z.boolean(), absenceReason: Text(300).default(''), substitute: Text(300).default('') })
  .strict();

export const MeetingDraftSchema = z
  .object({
    id: Id,
    number: MeetingNumber,
    date: IsoDate,
    time: Time,
    place: Text(300),
    format: z.enum(MEETING_FORMATS),
    kind: z.enum(MEETING_KINDS),
    /** «postponed» only stays «postponed»: a meeting becomes postponed through meetings:postpone, with its reason. */
    status: z.enum(['planned', 'postponed', 'held', 'minutes_drafted']),
    chairMemberId: Id.nullable(),
    secretaryMemberId: Id.nullable(),
    agenda: z.array(AgendaItemDraftSchema).max(60, 'tooManyItems'),
    attendance: z.array(AttendanceDraftSchema).max(200),
    guests: z.array(z.object({ id: Id.optional(), name: Text(200).min(1, 'guest'), role: Text(300).default('') }).strict()).max(200),
    confirmDate: ConfirmDate,
  })
  .strict();
export type MeetingDraft = z.input<typeof MeetingDraftSchema>;
/** Statuses a draft may be saved with; approval has its own channel. */
export const EDITABLE_STATUSES = MeetingDraftSchema.shape.status.options;

export const QuorumSchema = z.object({ members: z.number().int(), present: z.number().int(), needed: z.number().int(), met: z.boolean() });
export type Quorum = z.infer<typeof QuorumSchema>;

const Speech = z.object({ id: z.string(), speaker: z.string(), summary: z.string() });
const Decision = z.object({
  id: z.string(),
  number: z.string(),
  text: z.string(),
  votesFor: z.number().nullable(),
  votesAgainst: z.number().nullable(),
  votesAbstained: z.number().nullable(),
});
export const AgendaItemSchema = z.object({
  id: z.string(),
  position: z.number().int(),
  title: z.string(),
  rapporteurMemberId: z.string().nullable(),
  rapporteurText: z.string(),
  heard: z.string(),
  carryOver: z.boolean(),
  speeches: z.array(Speech),
  decisions: z.array(Decision),
  /** For the carry-over item: the assignments it reviews. */
  reviewedAssignmentIds: z.array(z.string()),
});

export const MeetingSchema = z.object({
  id: z.string(),
  year: z.number().int(),
  number: z.number().int(),
  date: z.string(),
  time: z.string(),
  place: z.string(),
  format: z.enum(MEETING_FORMATS),
  kind: z.enum(MEETING_KINDS),
  status: z.enum(MEETING_STATUSES),
  chairMemberId: z.string().nullable(),
  secretaryMemberId: z.string().nullable(),
  approvedAt: z.string().nullable(),
  contentHash: z.string().nullable(),
  /** Why it was postponed or cancelled; empty otherwise. */
  statusReason: z.string(),
  /** «YYYY-MM-DD HH:MM» it was set for before its last postponement. */
  rescheduledFrom: z.string().nullable(),
  /** The day the notice went out, as marked; null until then and again after a postponement. */
  noticeSentOn: z.string().nullable(),
  agenda: z.array(AgendaItemSchema),
  attendance: z.array(z.object({ memberId: z.string(), present: z.boolean(), absenceReason: z.string(), substitute: z.string() })),
  guests: z.array(z.object({ id: z.string(), name: z.string(), role: z.string() })),
  quorum: QuorumSchema,
  amendments: z.array(z.object({ number: z.number().int(), reason: z.string(), text: z.string(), createdAt: z.string() })),
});
export type Meeting = z.infer<typeof MeetingSchema>;

/** What moving numbers did to the year: the other meetings renumbered, or why this one could not take its place. */
export const NumberingSchema = z.object({
  renumbered: z.array(z.object({ id: z.string(), from: z.number().int(), to: z.number().int() })),
  /** Set when an earlier date could not take an earlier number: the last meeting that has taken place in that year. */
  outOfOrderAfter: z.object({ number: z.number().int(), date: z.string() }).nullable(),
});
export type Numbering = z.infer<typeof NumberingSchema>;
export const MeetingWithNumberingSchema = MeetingSchema.extend({ numbering: NumberingSchema });

export const MeetingPostponeSchema = z
  .object({ id: Id, reason: Text(1000).min(3, 'reason'), date: IsoDate, time: Time, confirmDate: ConfirmDate })
  .strict();
export const MeetingNoticeSentSchema = z.object({ id: Id, sentOn: IsoDate.nullable() }).strict();
export const MeetingCancelSchema = z.object({ id: Id, reason: Text(1000).min(3, 'reason') }).strict();

export const MeetingSummarySchema = MeetingSchema.pick({ id: true, year: true, number: true, date: true, time: true, place: true, format: true, kind: true, status: true }).extend({
  items: z.number().int(),
});
export type MeetingSummary = z.infer<typeof MeetingSummarySchema>;

export const MeetingListFilterSchema = z
  .object({
    year: z.number().int().min(2000).max(2100).optional(),
    /** Only meetings after this one (by date, then number): those whose decisions may close its assignments. */
    laterThan: Id.optional(),
  })
  .strict();

type MeetingOrder = Pick<MeetingSummary, 'date' | 'year' | 'number'>;

/** Later = a later date, or the same date and a higher number: the order the council's decisions follow. */
export function isLaterMeeting(a: MeetingOrder, b: MeetingOrder): boolean {
  return a.date > b.date || (a.date === b.date && (a.year > b.year || (a.year === b.year && a.number > b.number)));
}

export type ApprovalCheckKey = 'drafted' | 'begun' | 'quorum' | 'agenda' | 'decisions' | 'votes' | 'signatories';
export interface ApprovalCheck {
  key: ApprovalCheckKey;
  ok: boolean;
  /** What the sentence names: item numbers without a decision, decisions with more votes than present, the absent signatory. */
  items?: number[];
  decisions?: string[];
  absent?: ('chair' | 'secretary')[];
}

/**
 * What minutes must hold before approval, in the order the panel lists them. The main process refuses approval on
 * the first failed one; the window shows them all, so both read one rule.
 */
export function approvalChecks(meeting: Pick<Meeting, 'status' | 'date' | 'time' | 'quorum' | 'agenda' | 'attendance' | 'chairMemberId' | 'secretaryMemberId'>, kyivNow: string): ApprovalCheck[] {
  const withoutDecision = meeting.agenda.filter((i) => i.decisions.length === 0).map((i) => i.position);
  const overVoted = meeting.agenda.flatMap((i) =>
    i.decisions.filter((d) => (d.votesFor ?? 0) + (d.votesAgainst ?? 0) + (d.votesAbstained ?? 0) > meeting.quorum.present).map((d) => d.number),
  );
  const seat = new Map(meeting.attendance.map((a) => [a.memberId, a]));
  const attends = (id: string | null) => {
    const a = id ? seat.get(id) : undefined;
    return !!a && (a.present || a.substitute.trim() !== '');
  };
  const absent = (['chair', 'secretary'] as const).filter((role) => !attends(role === 'chair' ? meeting.chairMemberId : meeting.secretaryMemberId));
  return [
    { key: 'begun', ok: hasBegun(meeting, kyivNow) },
    { key: 'quorum', ok: meeting.quorum.met },
    { key: 'agenda', ok: meeting.agenda.length > 0 },
    { key: 'decisions', ok: withoutDecision.length === 0, items: withoutDecision },
    { key: 'votes', ok: overVoted.length === 0, decisions: overVoted },
    { key: 'signatories', ok: absent.length === 0, absent },
    { key: 'drafted', ok: meeting.status === 'minutes_drafted' },
  ];
}
