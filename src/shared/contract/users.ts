import { z } from 'zod';
import { DisplayNameSchema, LoginSchema, PassphraseInput, RolesSchema } from '../domain/auth';
import { Id as UserId } from '../domain/fields';
import { UserSummarySchema } from '../domain/users';
import type { ContractPart } from './types';

export const users = {
  'users:list': {
    input: z.object({}).strict(),
    output: z.array(UserSummarySchema),
    access: 'users.read',
    kind: 'query',
  },
  /** The initial passphrase must be changed at the user's first unlock. `auth` kind: the key derivation runs before the transaction. */
  'users:add': {
    input: z
      .object({
        login: LoginSchema,
        displayName: DisplayNameSchema,
        roles: RolesSchema,
        initialPassphrase: PassphraseInput,
      })
      .strict(),
    output: UserSummarySchema,
    access: 'users.write',
    kind: 'auth',
  },
  'users:setRoles': {
    input: z.object({ userId: UserId, roles: RolesSchema }).strict(),
    output: UserSummarySchema,
    access: 'users.write',
    kind: 'mutation',
  },
  /** Removes the user's key slot: they can no longer unlock. The row stays for the audit trail. */
  'users:remove': {
    input: z.object({ userId: UserId }).strict(),
    output: z.object({ removed: z.literal(true) }),
    access: 'users.write',
    kind: 'mutation',
  },
} satisfies ContractPart<'users'>;
