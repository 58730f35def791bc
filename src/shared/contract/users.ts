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
  /**
   * Removes the user's key slot and rotates the data key, so a copy of their old slot (or a key they extracted)
   * opens nothing written from now on. The row stays for the audit trail. `auth` kind: the database is re-keyed
   * outside any transaction.
   */
  'users:remove': {
    input: z.object({ userId: UserId }).strict(),
    output: z.object({ removed: z.literal(true) }),
    access: 'users.write',
    kind: 'auth',
  },
  /** A new data key on demand (after a suspected leak): every slot gets it, old slot files and extracted keys open nothing. */
  'users:rotateKey': {
    input: z.object({}).strict(),
    output: z.object({ generation: z.number().int(), bytes: z.number().int() }),
    access: 'users.write',
    kind: 'auth',
  },
} satisfies ContractPart<'users'>;
