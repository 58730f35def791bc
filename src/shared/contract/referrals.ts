import { z } from 'zod';
import { Id } from '../domain/fields';
import {
  ReferralCountsSchema,
  ReferralDraftSchema,
  ReferralEventInputSchema,
  ReferralFilterSchema,
  ReferralPreviewSchema,
  ReferralSchema,
  ReferralSummarySchema,
  SuggestionSchema,
} from '../domain/referrals';
import { SERVICES } from '../domain/referral-codes';
import { DocumentFileSchema } from './meetings';
import type { ContractPart } from './types';

const Format = z.enum(['docx', 'pdf', 'html']);
const Month = z.string().max(7).regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'month');

/** Referrals between the subjects of the mechanism, with consent, minimal disclosure and follow-up. */
export const referrals = {
  'referrals:list': {
    input: ReferralFilterSchema,
    output: z.object({ total: z.number().int(), rows: z.array(ReferralSummarySchema) }),
    access: 'cases.read',
    kind: 'query',
  },
  /** The referral card with its history; its circumstances may name the person, so it is audited. */
  'referrals:get': { input: z.object({ id: Id }).strict(), output: ReferralSchema, access: 'cases.read', kind: 'query', personalData: true },
  /** Creates a draft, or corrects one not yet sent. */
  'referrals:save': { input: ReferralDraftSchema, output: ReferralSchema, access: 'cases.write', kind: 'mutation' },
  /** Deletes a draft that was never sent. */
  'referrals:removeDraft': { input: z.object({ id: Id }).strict(), output: z.object({ id: z.string() }), access: 'cases.write', kind: 'mutation' },
  /** What the recipient will see, and the consent that covers it (or which is missing); a read of personal data. */
  'referrals:preview': { input: z.object({ id: Id }).strict(), output: ReferralPreviewSchema, access: 'personal.read', kind: 'query', personalData: true },
  /** Records a change of state: sending (only under a covering consent), the answer, the service, revocation, closing. */
  'referrals:advance': { input: z.object({ id: Id, change: ReferralEventInputSchema }).strict(), output: ReferralSchema, access: 'cases.write', kind: 'mutation' },
  /** Subjects of the mechanism that provide a need, nearest to where the person was identified first. */
  'referrals:suggest': {
    input: z.object({ personId: Id, service: z.enum(SERVICES) }).strict(),
    output: z.array(SuggestionSchema),
    access: 'cases.read',
    kind: 'query',
  },
  /** The letter (what the consent allows, nothing more) or the acknowledgement form the recipient sends back; audited. */
  'referrals:document': {
    input: z.object({ id: Id, document: z.enum(['letter', 'acknowledgement']), format: Format }).strict(),
    output: DocumentFileSchema,
    access: 'personal.read',
    kind: 'auth',
  },
  /** Counts by month of sending, need, kind of recipient, state and outcome, and each referral once without the need: no person, for the reports. */
  'referrals:counts': {
    input: z
      .object({ from: Month, to: Month })
      .strict()
      .refine((v) => v.from <= v.to, { path: ['to'], message: 'dateOrder' }),
    output: ReferralCountsSchema,
    access: 'reports.read',
    kind: 'query',
  },
} satisfies ContractPart<'referrals'>;
