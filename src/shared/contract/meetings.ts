import { z } from 'zod';
import { Id } from '../domain/fields';
import {
  MeetingCancelSchema,
  MeetingDraftSchema,
  MeetingListFilterSchema,
  MeetingNoticeSentSchema,
  MeetingPlanSchema,
  MeetingPostponeSchema,
  MeetingSchema,
  MeetingSummarySchema,
  MeetingWithNumberingSchema,
  NumberingSchema,
} from '../domain/meetings';
import type { ContractPart } from './types';

export const DocumentFileSchema = z.object({ fileName: z.string(), mimeType: z.string(), base64: z.string() });
export type DocumentFile = z.infer<typeof DocumentFileSchema>;
const DocumentFormat = z.enum(['docx', 'html', 'pdf']);

export const meetings = {
  /** Meetings of one year (or all, or those after a given one), newest first. */
  'meetings:list': { input: MeetingListFilterSchema, output: z.array(MeetingSummarySchema), access: 'meetings.read', kind: 'query' },
  /** The years that have meetings, newest first, with how many: the list's year filter, without loading them. */
  'meetings:years': {
    input: z.object({}).strict(),
    output: z.array(z.object({ year: z.number().int(), meetings: z.number().int() })),
    access: 'meetings.read',
    kind: 'query',
  },
  'meetings:get': { input: z.object({ id: Id }).strict(), output: MeetingSchema, access: 'meetings.read', kind: 'query' },
  /**
   * Numbers the meeting in the year's date order and, for a regular one, lists every open assignment on its first item.
   * An unusual date (before the council, over a year ahead) is refused with NEEDS_CONFIRMATION until confirmed.
   */
  'meetings:plan': { input: MeetingPlanSchema, output: MeetingWithNumberingSchema, access: 'meetings.write', kind: 'mutation' },
  /**
   * Saves header, agenda, attendance and guests; refused once the minutes are approved or the meeting cancelled.
   * «held» and «minutes_drafted» only once the meeting's date and time have come.
   */
  'meetings:update': { input: MeetingDraftSchema, output: MeetingWithNumberingSchema, access: 'meetings.write', kind: 'mutation' },
  /** Moves a meeting that has not taken place to a new date and time, with the reason; its number follows the date. */
  'meetings:postpone': { input: MeetingPostponeSchema, output: MeetingWithNumberingSchema, access: 'meetings.write', kind: 'mutation' },
  /** Cancels a meeting that has not taken place, with the reason; it keeps its number, which the notice may have named. */
  'meetings:cancel': { input: MeetingCancelSchema, output: MeetingSchema, access: 'meetings.write', kind: 'mutation' },
  /** Marks the notice of a meeting still to come as sent on a day (null: not sent); the overview stops asking for it. */
  'meetings:noticeSent': { input: MeetingNoticeSentSchema, output: MeetingSchema, access: 'meetings.write', kind: 'mutation' },
  /** Deletes a meeting that has not taken place and has no decisions; later planned meetings close the gap. */
  'meetings:delete': { input: z.object({ id: Id }).strict(), output: z.object({ numbering: NumberingSchema }), access: 'meetings.write', kind: 'mutation' },
  /** Locks the minutes; their content hash goes into the audit chain. */
  'meetings:approve': { input: z.object({ id: Id }).strict(), output: MeetingSchema, access: 'meetings.write', kind: 'mutation' },
  /** The only change approved minutes accept: a numbered amendment with its reason. */
  'meetings:amend': {
    input: z.object({ id: Id, reason: z.string().trim().min(3).max(2000), text: z.string().trim().min(3).max(20_000) }).strict(),
    output: MeetingSchema,
    access: 'meetings.write',
    kind: 'mutation',
  },
  /**
   * The minutes, or an extract of one agenda item or for one executor, as DOCX (to edit and sign), as the
   * print HTML, or as PDF made from that HTML (PDF_UNAVAILABLE where no printer is supplied). Every export
   * is audited.
   */
  'meetings:minutes': {
    input: z
      .object({ meetingId: Id, format: DocumentFormat, item: z.number().int().min(1).max(60).optional(), organisationId: Id.optional() })
      .strict()
      .refine((v) => !(v.item && v.organisationId), { path: ['organisationId'], message: 'oneExtractScope' }),
    output: DocumentFileSchema,
    access: 'meetings.read',
    kind: 'auth',
  },
  /** The notice of a meeting with its agenda, for sending to members ahead of it. */
  'meetings:notice': {
    input: z.object({ meetingId: Id, format: DocumentFormat }).strict(),
    output: DocumentFileSchema,
    access: 'meetings.read',
    kind: 'auth',
  },
} satisfies ContractPart<'meetings'>;
