import { z } from 'zod';
import { DocumentFileSchema } from './meetings';
import {
  AidInputSchema,
  AnonymisableSchema,
  CaseFieldsSchema,
  CaseFilterSchema,
  CaseSchema,
  CaseSummarySchema,
  PersonCodeSchema,
  PersonHitSchema,
  PersonIdentityDraftSchema,
  PersonSchema,
  StepInputSchema,
} from '../domain/cases';
import { Id, Text } from '../domain/fields';
import type { ContractPart } from './types';

/** The case documents of MSP order No. 366 and the letters around them; each is made for one case. */
export const CASE_DOCUMENTS = [
  'application',
  'undertaking',
  'record_card',
  'police_request',
  'cover_letter',
  'decision_notice',
  'foreigner_certificate',
] as const;
export type CaseDocument = (typeof CASE_DOCUMENTS)[number];

const Format = z.enum(['docx', 'pdf', 'html']);

/**
 * The status procedure. Case channels name the person by code only and need `cases.read`/`cases.write`; the channels
 * that carry who the person is need `personal.read`/`personal.write` and write a `personal.read` event per record read.
 */
export const cases = {
  /** The case list: code, step, due date, days left; filtered on indexed columns, one page at a time. */
  'cases:list': {
    input: CaseFilterSchema,
    output: z.object({ total: z.number().int(), rows: z.array(CaseSummarySchema) }),
    access: 'cases.read',
    kind: 'query',
  },
  /** The case card without the person's name: the facts, the steps as a timeline, what is due, the aid. */
  'cases:get': { input: z.object({ id: Id }).strict(), output: CaseSchema, access: 'cases.read', kind: 'query', personalData: true },
  /** Who the person is, with their cases: a `personal.read` event names the person's record. */
  'cases:person': { input: z.object({ id: Id }).strict(), output: PersonSchema, access: 'personal.read', kind: 'query', personalData: true },
  /** Search by name (or part of it) for case officers; each hit shown is a read of personal data, audited. */
  'cases:search': {
    input: z.object({ name: Text(100).min(2, 'required') }).strict(),
    output: z.array(PersonHitSchema),
    access: 'personal.read',
    kind: 'query',
    personalData: true,
  },
  /** Corrects who the person is. */
  'cases:savePerson': {
    input: z.object({ id: Id, person: PersonIdentityDraftSchema }).strict(),
    output: PersonSchema,
    access: 'personal.write',
    kind: 'mutation',
    personalData: true,
  },
  /**
   * Registers an application in the register: for a new person (with who they are) or one already known (`personId`,
   * e.g. after a refusal). The registration step is recorded with it.
   */
  'cases:create': {
    input: z
      .object({
        personId: Id.optional(),
        person: PersonIdentityDraftSchema.optional(),
        fields: CaseFieldsSchema,
        official: Text(200).min(3, 'required'),
      })
      .strict()
      .refine((v) => (v.personId === undefined) !== (v.person === undefined), { path: ['person'], message: 'required' }),
    output: CaseSchema,
    access: 'personal.write',
    kind: 'mutation',
  },
  /** Corrects the application's facts. */
  'cases:update': { input: z.object({ id: Id, fields: CaseFieldsSchema }).strict(), output: CaseSchema, access: 'cases.write', kind: 'mutation' },
  /** Records a step; out of order it is refused with the reason (INVALID_STATE, `details.reason`). */
  'cases:addStep': { input: z.object({ caseId: Id, step: StepInputSchema }).strict(), output: CaseSchema, access: 'cases.write', kind: 'mutation' },
  /** Corrects a recorded step of the same kind; the order rules are checked again against the steps around it. */
  'cases:updateStep': {
    input: z.object({ caseId: Id, stepId: Id, step: StepInputSchema }).strict(),
    output: CaseSchema,
    access: 'cases.write',
    kind: 'mutation',
  },
  /** Removes the latest step recorded by mistake (never the registration). */
  'cases:removeStep': { input: z.object({ caseId: Id, stepId: Id }).strict(), output: CaseSchema, access: 'cases.write', kind: 'mutation' },
  /** Records the one-time aid (CMU No. 660): the amount is computed, 3 × the minimum in force on the application date. */
  'cases:saveAid': { input: AidInputSchema, output: CaseSchema, access: 'cases.write', kind: 'mutation' },
  /** Persons whose every case ended or closed more than the retention term ago. */
  'cases:anonymisable': { input: z.object({}).strict(), output: z.array(AnonymisableSchema), access: 'cases.read', kind: 'query' },
  /** Erases who the person is and keeps the statistics; the code must be typed to confirm. */
  'cases:anonymise': {
    input: z.object({ personId: Id, confirmCode: PersonCodeSchema }).strict(),
    output: z.object({ personId: z.string(), code: z.string() }),
    access: 'personal.write',
    kind: 'mutation',
  },
  /** One document of one case (file named by the case code, never the person); audited. */
  'cases:document': {
    input: z.object({ caseId: Id, document: z.enum(CASE_DOCUMENTS), format: Format }).strict(),
    output: DocumentFileSchema,
    access: 'personal.read',
    kind: 'auth',
  },
  /** The application register or the certificate register of a year; audited. */
  'cases:registerBook': {
    input: z.object({ book: z.enum(['applications', 'certificates']), year: z.number().int().min(2000).max(2100), format: z.enum(['docx', 'xlsx', 'pdf', 'html']) }).strict(),
    output: DocumentFileSchema,
    access: 'personal.read',
    kind: 'auth',
  },
  /** Everything held about one person (Law No. 2297-VI art. 8), as DOCX; audited. */
  'cases:subjectAccess': { input: z.object({ personId: Id }).strict(), output: DocumentFileSchema, access: 'personal.read', kind: 'auth' },
} satisfies ContractPart<'cases'>;
