import { z } from 'zod';
import { RoleSchema } from '../permissions';
import { STOP, SINGLE_LINE, Text } from './fields';

/** Passphrases: long, never truncated or case-folded; composition rules are deliberately absent (ASVS 6.2.5). */
export const PASSPHRASE_MIN = 12;
export const PASSPHRASE_MAX = 256;

export const LoginSchema = z
  .string()
  .trim()
  .min(2)
  .max(64, STOP)
  .regex(SINGLE_LINE, { ...STOP, error: 'characters' })
  .regex(/^[\p{L}\p{N}._-]+$/u, 'loginCharacters');

export const DisplayNameSchema = Text(120).min(2);

/**
 * Length is checked by the service against policy, so the user gets one precise reason. Any printable character
 * is welcome; control characters, bidirectional controls and lone surrogates (half an emoji, which UTF-8 turns
 * into U+FFFD, so two passphrases would derive one key) are not.
 */
export const PassphraseInput = z.string().min(1).max(1024, STOP).regex(SINGLE_LINE, 'characters');

export const RolesSchema = z.array(RoleSchema).min(1, 'rolesRequired').max(6);

export const SessionInfoSchema = z.object({
  userId: z.string(),
  login: z.string(),
  displayName: z.string(),
  roles: z.array(RoleSchema),
  permissions: z.array(z.string()),
  mustChangePassphrase: z.boolean(),
  unlockedAt: z.string(),
});
export type SessionInfo = z.infer<typeof SessionInfoSchema>;

export const StoreStateSchema = z.enum(['absent', 'locked', 'unlocked']);
export type StoreState = z.infer<typeof StoreStateSchema>;

/** Why the store last locked, for the lock screen: by hand, idle (the app's or the whole computer's), the OS. */
export const LockInfoSchema = z.object({
  reason: z.string(),
  at: z.string(),
  /** Drafts of unsaved edits kept just before it. */
  draftsKept: z.number().int(),
});
export type LockInfo = z.infer<typeof LockInfoSchema>;

export const AppStatusSchema = z.object({
  storeState: StoreStateSchema,
  session: SessionInfoSchema.nullable(),
  idleLockMinutes: z.number().int(),
  /** Seconds of the countdown before the idle lock. */
  lockWarningSeconds: z.number().int(),
  /** While unlocked: seconds left before the idle lock, counted from the last activity. */
  idleLockInSeconds: z.number().int().nullable(),
  /** While locked: the last lock of this run of the app, if any. */
  lastLock: LockInfoSchema.nullable(),
});
export type AppStatus = z.infer<typeof AppStatusSchema>;
