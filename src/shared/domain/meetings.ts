import { z } from 'zod';
import { Id, IsoDate, MultilineText, Text, Time } from './fields';

export const MEETING_FORMATS = ['in_person', 'online', 'mixed'] as const;
export const MEETING_KINDS = ['regular', 'extraordinary'] as const;
export const MEETING_STATUSES = ['planned', 'held', 'minutes_drafted', 'approved'] as const;

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
    /** Automatic when absent: the next number in the meeting's year. */
    number: MeetingNumber.optional(),
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

export const MeetingDraftSchema = z
  .object({
    id: Id,
    number: MeetingNumber,
    date: IsoDate,
    time: Time,
    place: Text(300),
    format: z.enum(MEETING_FORMATS),
    kind: z.enum(MEETING_KINDS),
    status: z.enum(['planned', 'held', 'minutes_drafted']),
    chairMemberId: Id.nullable(),
    secretaryMemberId: Id.nullable(),
    agenda: z.array(AgendaItemDraftSchema).max(60, 'tooManyItems'),
    attendance: z.array(z.object({ memberId: Id, present: z.boolean() }).strict()).max(200),
    guests: z.array(z.object({ id: Id.optional(), name: Text(200).min(1, 'guest'), role: Text(300).default('') }).strict()).max(200),
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
  agenda: z.array(AgendaItemSchema),
  attendance: z.array(z.object({ memberId: z.string(), present: z.boolean() })),
  guests: z.array(z.object({ id: z.string(), name: z.string(), role: z.string() })),
  quorum: QuorumSchema,
  amendments: z.array(z.object({ number: z.number().int(), reason: z.string(), text: z.string(), createdAt: z.string() })),
});
export type Meeting = z.infer<typeof MeetingSchema>;

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
