import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, relative, resolve, isAbsolute } from 'node:path';
import type { BackupJob, BackupPhase } from '../../../shared/domain/backup';
import { AppError, serializeError } from '../../../shared/errors';
import { kyivDate } from '../../../shared/time';
import type { FeatureHandlers } from '../../kernel/context';
import type { FileChooser } from '../../kernel/files';
import type { AppCore } from '../../kernel/session';
import { backupReminder } from './backup.repository';

/** A choice made in the main process's dialog: the renderer holds only its token. */
interface Choice {
  kind: 'file' | 'folder';
  path: string;
}

interface BackupState {
  jobs: Map<string, { job: BackupJob; userId: string }>;
  choices: Map<string, Choice>;
}

/** Kept per core (one per window's runtime; tests make many): jobs and choices never outlive their process. */
const states = new WeakMap<AppCore, BackupState>();
const KEEP_JOBS = 5;
const KEEP_CHOICES = 20;

function stateOf(core: AppCore): BackupState {
  let state = states.get(core);
  if (!state) {
    state = { jobs: new Map(), choices: new Map() };
    states.set(core, state);
  }
  return state;
}

function chooserOf(core: AppCore): FileChooser {
  const files = core.deps.files;
  if (!files) throw new AppError('INTERNAL', 'no file dialogs in this process');
  return files;
}

/** The bar's share of each phase: the copy and the reading back take the time, the checkpoint next to none. */
function percentOf(phase: BackupPhase, done: number, total: number): number {
  const part = total > 0 ? Math.min(1, done / total) : 1;
  if (phase === 'checkpoint') return 1;
  if (phase === 'copy') return 2 + Math.floor(58 * part);
  if (phase === 'verify') return 60 + Math.floor(39 * part);
  return phase === 'done' ? 100 : 0;
}

const RUNNING = new Set<BackupPhase>(['checkpoint', 'copy', 'verify']);

/** `zlagoda-backup-2026-11-20-0930.zlagoda`: the date and time it was made, Kyiv time, sorting as it reads. */
function suggestedName(now: Date): string {
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Kyiv', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(now).replace(':', '');
  return `zlagoda-backup-${kyivDate(now)}-${time}.zlagoda`;
}

function remember(core: AppCore, choice: Choice): string {
  const { choices } = stateOf(core);
  const token = randomUUID();
  choices.set(token, choice);
  for (const old of choices.keys()) {
    if (choices.size <= KEEP_CHOICES) break;
    choices.delete(old);
  }
  return token;
}

function chosen(core: AppCore, token: string, kind: Choice['kind']): string {
  const choice = stateOf(core).choices.get(token);
  if (!choice || choice.kind !== kind) throw new AppError('NOT_CHOSEN', `choose the ${kind} again`, { field: kind === 'file' ? 'fileToken' : 'folderToken' });
  return choice.path;
}

/** A restore goes only into an empty folder (or a new one) outside the store this app has open. */
function assertRestoreFolder(core: AppCore, folder: string): void {
  const inside = relative(resolve(core.storeDir), resolve(folder));
  const withinStore = inside === '' || (!inside.startsWith('..') && !isAbsolute(inside));
  const occupied = existsSync(folder) && (!statSync(folder).isDirectory() || readdirSync(folder).length > 0);
  if (withinStore || occupied) throw new AppError('RESTORE_FOLDER', 'the folder for a restore must be empty and outside the open store', { field: 'folderToken' });
}

export const backupHandlers = {
  'backup:last': (_input, { store, now }) => backupReminder(store, now),

  'backup:start': async (_input, { core, session }) => {
    const state = stateOf(core);
    if ([...state.jobs.values()].some((j) => RUNNING.has(j.job.phase))) throw new AppError('BACKUP_RUNNING', 'a backup is being made');
    const path = await chooserOf(core).saveBackup(suggestedName(core.deps.env.clock()));
    if (!path) return { cancelled: true as const };
    const job: BackupJob = { jobId: randomUUID(), phase: 'checkpoint', percent: 0, fileName: basename(path), path: null, bytes: null, error: null };
    state.jobs.set(job.jobId, { job, userId: session!.userId });
    for (const [id, old] of state.jobs) {
      if (state.jobs.size <= KEEP_JOBS) break;
      if (!RUNNING.has(old.job.phase)) state.jobs.delete(id);
    }
    // Started, not awaited: the window polls `backup:job` for the bar while the copy is made and read back.
    core
      .backup(path, (phase, done, total) => {
        job.phase = phase;
        job.percent = percentOf(phase, done, total);
      })
      .then(
        (report) => Object.assign(job, { phase: 'done', percent: 100, path: report.path, bytes: report.bytes }),
        (error: unknown) => {
          const failure = error instanceof AppError ? error : new AppError(isDiskError(error) ? 'DISK' : 'INTERNAL', 'the backup failed');
          Object.assign(job, { phase: 'failed', error: serializeError(failure, job.jobId.slice(0, 8)) });
        },
      );
    return { cancelled: false as const, job: { ...job } };
  },

  'backup:job': (input, { core, session }) => {
    const entry = stateOf(core).jobs.get(input.jobId);
    if (!entry || entry.userId !== session!.userId) throw new AppError('NOT_FOUND', 'no such backup job');
    return { ...entry.job };
  },

  'backup:chooseFile': async (_input, { core }) => {
    const path = await chooserOf(core).openBackup();
    if (!path) return { cancelled: true as const };
    return { cancelled: false as const, token: remember(core, { kind: 'file', path }), path };
  },

  'backup:chooseFolder': async (_input, { core }) => {
    const path = await chooserOf(core).storeFolder();
    if (!path) return { cancelled: true as const };
    assertRestoreFolder(core, path);
    return { cancelled: false as const, token: remember(core, { kind: 'folder', path }), path };
  },

  'backup:restore': async (input, { core }) => {
    const file = chosen(core, input.fileToken, 'file');
    const folder = chosen(core, input.folderToken, 'folder');
    assertRestoreFolder(core, folder);
    const restored = await core.restore(file, input.login, input.passphrase, folder);
    core.useStore(folder);
    stateOf(core).choices.clear();
    return { events: restored.events, folder };
  },
} satisfies FeatureHandlers<'backup'>;

function isDiskError(error: unknown): boolean {
  const code = String((error as { code?: unknown })?.code ?? '');
  return code === 'ENOSPC' || code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code.startsWith('SQLITE_IOERR') || code === 'SQLITE_FULL';
}
