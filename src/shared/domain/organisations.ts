import { z } from 'zod';
import { Id, STOP, Text } from './fields';
import { CLIENT_GROUPS, OWNERSHIPS, SERVICES } from './referral-codes';

/** Kinds of subjects of the national referral mechanism and partners (domain.md §3.2). */
export const ORGANISATION_TYPES = [
  'state_admin',
  'police',
  'prosecutor',
  'children_service',
  'social_services_centre',
  'health',
  'education',
  'employment',
  'legal_aid',
  'migration_border',
  'local_government',
  'ngo',
  'international',
  'private_provider',
  'other',
] as const;
export const OrganisationTypeSchema = z.enum(ORGANISATION_TYPES, { error: 'organisationType' });
export type OrganisationType = z.infer<typeof OrganisationTypeSchema>;

/** КАТОТТГ code: "UA" and 17 digits; empty while unknown. */
export const KatottgSchema = z.union([z.literal(''), z.string().max(19, { ...STOP, error: 'katottg' }).regex(/^UA\d{17}$/, 'katottg')]);

export const OrganisationDraftSchema = z
  .object({
    id: Id.optional(),
    name: Text(300).min(2),
    shortName: Text(80).default(''),
    type: OrganisationTypeSchema,
    katottg: KatottgSchema.default(''),
    territoryName: Text(200).default(''),
    address: Text(300).default(''),
    phone: Text(60).default(''),
    email: z.union([z.literal(''), z.string().max(200, { ...STOP, error: 'email' }).check(z.email({ error: 'email' }))]).default(''),
    contactPerson: Text(200).default(''),
    active: z.boolean().default(true),
    /** A subject of the national referral mechanism (only subjects receive referrals), its ownership, services and clients. */
    nrmSubject: z.boolean().default(false),
    ownership: z.enum(OWNERSHIPS).nullable().default(null),
    services: z.array(z.enum(SERVICES)).max(SERVICES.length).default([]),
    clientGroups: z.array(z.enum(CLIENT_GROUPS)).max(CLIENT_GROUPS.length).default([]),
  })
  .strict();
export type OrganisationDraft = z.input<typeof OrganisationDraftSchema>;

export const OrganisationSchema = OrganisationDraftSchema.extend({
  id: z.string(),
  /** The entry this duplicate was merged into; a merged entry is inactive and nothing refers to it any more. */
  mergedIntoId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
}).strict();
export type Organisation = z.infer<typeof OrganisationSchema>;

/** What a picker needs: enough to name and tell apart, nothing more. */
export const OrganisationOptionSchema = OrganisationSchema.pick({ id: true, name: true, shortName: true, type: true, active: true, nrmSubject: true });
export type OrganisationOption = z.infer<typeof OrganisationOptionSchema>;

export const SimilarOrganisationSchema = OrganisationSchema.pick({ id: true, name: true, shortName: true, active: true });

/**
 * A name reduced to what tells organisations apart: letters and digits in lower case, apostrophes and quotes of any
 * kind dropped, «у»/«в» alike (Ukrainian alternates them by sound), one space between words.
 */
export function organisationKey(name: string): string {
  return name
    .toLocaleLowerCase('uk')
    .replace(/['ʼ’`"«»„“”]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/(^| )у( |$)/g, '$1в$2')
    .trim();
}

/**
 * Probably the same organisation entered twice: the same key, the same short name, or one name holding the other
 * whole (a short form typed beside the full one). Words shorter than three letters are ignored for the last test.
 */
export function looksLikeDuplicate(a: { name: string; shortName: string }, b: { name: string; shortName: string }): boolean {
  const ka = organisationKey(a.name);
  const kb = organisationKey(b.name);
  if (!ka || !kb) return false;
  if (ka === kb) return true;
  const sa = organisationKey(a.shortName);
  const sb = organisationKey(b.shortName);
  if ((sa && (sa === sb || sa === kb)) || (sb && sb === ka)) return true;
  const [shorter, longer] = ka.length <= kb.length ? [ka, kb] : [kb, ka];
  return shorter.length >= 12 && ` ${longer} `.includes(` ${shorter} `);
}
