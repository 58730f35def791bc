import { z } from 'zod';
import { PersonIdentityDraftSchema } from '../domain/cases';
import { Id } from '../domain/fields';
import {
  AssessmentInputSchema,
  ConsentInputSchema,
  ConsentRevokeSchema,
  IdentificationSchema,
  PersonFileSchema,
  PersonFilterSchema,
  PersonRowSchema,
  ServiceInputSchema,
} from '../domain/referrals';
import { DocumentFileSchema } from './meetings';
import type { ContractPart } from './types';

const Format = z.enum(['docx', 'pdf', 'html']);

/**
 * A person as the referral mechanism sees them: identification, needs, consents, services, the timeline. By code
 * only; the name is on `cases:person`. Case officers only (`cases.*`); recording a presumed victim writes who they
 * are, so it needs `personal.write`.
 */
export const persons = {
  /** People recorded, newest first, by code: who identified them, whether they have a case, open referrals. */
  'persons:list': {
    input: PersonFilterSchema,
    output: z.object({ total: z.number().int(), rows: z.array(PersonRowSchema) }),
    access: 'cases.read',
    kind: 'query',
  },
  /** A presumed victim before any application: who they are, who identified them, when and where. */
  'persons:record': {
    input: z.object({ person: PersonIdentityDraftSchema, identification: IdentificationSchema }).strict(),
    output: PersonFileSchema,
    access: 'personal.write',
    kind: 'mutation',
  },
  'persons:saveIdentification': {
    input: z.object({ personId: Id, identification: IdentificationSchema }).strict(),
    output: PersonFileSchema,
    access: 'cases.write',
    kind: 'mutation',
  },
  /** Everything recorded around the person with the timeline in date order; free text may name them, so it is audited. */
  'persons:get': { input: z.object({ id: Id }).strict(), output: PersonFileSchema, access: 'cases.read', kind: 'query', personalData: true },
  /** Creates or corrects a needs assessment; needs a referral was made for stay. */
  'persons:saveAssessment': { input: AssessmentInputSchema, output: PersonFileSchema, access: 'cases.write', kind: 'mutation' },
  /** Records a consent; it is never edited (a correction is a revocation and a new consent). */
  'persons:saveConsent': { input: ConsentInputSchema, output: PersonFileSchema, access: 'cases.write', kind: 'mutation' },
  /** Revokes a consent: referrals in progress under it share nothing more, and each records it. */
  'persons:revokeConsent': { input: ConsentRevokeSchema, output: PersonFileSchema, access: 'cases.write', kind: 'mutation' },
  /** Records (or corrects) a service the person received, from a referral or not. */
  'persons:saveService': { input: ServiceInputSchema, output: PersonFileSchema, access: 'cases.write', kind: 'mutation' },
  /** The timeline printed for a case conference: by code, never the name; audited. */
  'persons:timelineDocument': { input: z.object({ personId: Id, format: Format }).strict(), output: DocumentFileSchema, access: 'cases.read', kind: 'auth' },
} satisfies ContractPart<'persons'>;
