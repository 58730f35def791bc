import { z } from 'zod';
import { Id, IsoDate, MultilineText, Text } from './fields';

export const MEMBER_ROLES = ['chair', 'deputy_chair', 'secretary', 'member'] as const;
export const MemberRoleSchema = z.enum(MEMBER_ROLES);
export const DECISION_RULES = ['simple_majority_present', 'majority_of_members', 'two_thirds_present'] as const;
export type MemberRole = z.infer<typeof MemberRoleSchema>;

/** A quorum fraction is a proper one: the numerator no greater than the denominator. */
export function isQuorumFraction(rule: { quorumNumerator: number; quorumDenominator: number }): boolean {
  return rule.quorumNumerator <= rule.quorumDenominator;
}

export const GroupSettingsSchema = z
  .object({
    name: Text(400).min(5),
    parentBody: Text(300).min(2),
    orderNumber: Text(40),
    orderDate: IsoDate.nullable(),
    regulation: MultilineText(2000),
    quorumNumerator: z.number().int().min(1).max(99),
    quorumDenominator: z.number().int().min(1).max(100),
    /** true: more than the fraction must attend ("більше половини"); false: at least the fraction. */
    quorumStrict: z.boolean(),
    noticeWorkingDays: z.number().int().min(0).max(30),
    meetingsPerYear: z.number().int().min(1).max(52),
    decisionRule: z.enum(DECISION_RULES, { error: 'decisionRule' }),
    remoteAllowed: z.boolean(),
  })
  .strict()
  .refine(isQuorumFraction, { path: ['quorumNumerator'], message: 'fraction' });
export type GroupSettings = z.infer<typeof GroupSettingsSchema>;

export const MemberDraftSchema = z
  .object({
    id: Id.optional(),
    surname: Text(80).min(1),
    givenName: Text(80).min(1),
    patronymic: Text(80).default(''),
    position: Text(300).min(2),
    organisationId: Id.nullable(),
    role: MemberRoleSchema,
    validFrom: IsoDate,
    validTo: IsoDate.nullable().default(null),
  })
  .strict()
  .refine((m) => !m.validTo || m.validTo >= m.validFrom, { path: ['validTo'], message: 'dateOrder' });
export type MemberDraft = z.input<typeof MemberDraftSchema>;

export const MemberSchema = z.object({
  id: z.string(),
  surname: z.string(),
  givenName: z.string(),
  patronymic: z.string(),
  position: z.string(),
  organisationId: z.string().nullable(),
  organisationName: z.string().nullable(),
  role: MemberRoleSchema,
  validFrom: z.string(),
  validTo: z.string().nullable(),
  /** "Прізвище І. П.", as documents print it. */
  shortName: z.string(),
});
export type Member = z.infer<typeof MemberSchema>;

/** Surname and initials, the form official documents use: «Коваленко О. П.». */
export function shortPersonName(surname: string, givenName: string, patronymic = ''): string {
  const initial = (name: string) => (name ? `${[...name.trim()][0]!.toUpperCase()}.` : '');
  return [surname.trim(), [initial(givenName), initial(patronymic)].filter(Boolean).join(' ')].filter(Boolean).join(' ');
}

/** How many members must attend for the meeting to decide anything. */
export function quorumNeeded(members: number, rule: Pick<GroupSettings, 'quorumNumerator' | 'quorumDenominator' | 'quorumStrict'>): number {
  const exact = (members * rule.quorumNumerator) / rule.quorumDenominator;
  return rule.quorumStrict ? Math.floor(exact) + 1 : Math.ceil(exact);
}
