import { z } from 'zod';
import { BackupJobSchema, BackupReminderSchema, ChoiceToken, ChosenSchema } from '../domain/backup';
import { PassphraseInput } from '../domain/auth';
import type { ContractPart } from './types';

const Empty = z.object({}).strict();

/**
 * Backups from the window. A backup is a job: `backup:start` asks where to save (the main process's own dialog)
 * and returns at once; `backup:job` tells how far it got until it verified or failed. Restore runs while locked:
 * the backup file and the new folder are chosen in the main process's dialogs, the passphrase of a user in the
 * backup is tried under the unlock throttle, and the app then opens the restored store.
 */
export const backup = {
  'backup:last': { input: Empty, output: BackupReminderSchema, access: 'settings.write', kind: 'query' },
  'backup:start': {
    input: Empty,
    output: z.union([z.object({ cancelled: z.literal(true) }), z.object({ cancelled: z.literal(false), job: BackupJobSchema })]),
    access: 'settings.write',
    kind: 'auth',
  },
  /** Polled while the bar is on screen: passive, so watching a backup does not hold off the idle lock. */
  'backup:job': { input: z.object({ jobId: ChoiceToken }).strict(), output: BackupJobSchema, access: 'settings.write', kind: 'auth', passive: true },
  'backup:chooseFile': { input: Empty, output: ChosenSchema, access: 'public', kind: 'auth' },
  'backup:chooseFolder': { input: Empty, output: ChosenSchema, access: 'public', kind: 'auth' },
  'backup:restore': {
    input: z.object({ fileToken: ChoiceToken, folderToken: ChoiceToken, login: z.string().trim().min(1).max(64), passphrase: PassphraseInput }).strict(),
    output: z.object({ events: z.number().int(), folder: z.string() }),
    access: 'public',
    kind: 'auth',
  },
} satisfies ContractPart<'backup'>;
