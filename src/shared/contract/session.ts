import { z } from 'zod';
import { AppStatusSchema, DisplayNameSchema, LoginSchema, PassphraseInput, SessionInfoSchema } from '../domain/auth';
import type { ContractPart } from './types';

const Empty = z.object({}).strict();

export const session = {
  /** Whether a store exists, is locked or unlocked, and who is in. */
  'session:status': { input: Empty, output: AppStatusSchema, access: 'public', kind: 'auth', passive: true },
  /** First run: create the store and its first admin; the recovery key is returned once. */
  'session:setup': {
    input: z.object({ login: LoginSchema, displayName: DisplayNameSchema, passphrase: PassphraseInput }).strict(),
    output: z.object({ recoveryKey: z.string(), session: SessionInfoSchema }),
    access: 'public',
    kind: 'auth',
  },
  'session:unlock': {
    input: z.object({ login: z.string().trim().min(1).max(64), passphrase: PassphraseInput }).strict(),
    output: SessionInfoSchema,
    access: 'public',
    kind: 'auth',
  },
  'session:lock': { input: Empty, output: z.object({ locked: z.literal(true) }), access: 'public', kind: 'auth' },
  /** Counts as activity for the idle lock; the renderer sends it on keyboard and mouse use. */
  'session:activity': { input: Empty, output: z.object({ ok: z.literal(true) }), access: 'session', kind: 'auth' },
  'session:changePassphrase': {
    input: z.object({ current: PassphraseInput, next: PassphraseInput }).strict(),
    output: SessionInfoSchema,
    access: 'session',
    kind: 'auth',
  },
  /** The recovery key sets a new passphrase for an admin and unlocks as that admin. */
  'session:recover': {
    input: z.object({ recoveryKey: z.string().trim().min(10).max(200), login: LoginSchema, newPassphrase: PassphraseInput }).strict(),
    output: SessionInfoSchema,
    access: 'public',
    kind: 'auth',
  },
} satisfies ContractPart<'session'>;
