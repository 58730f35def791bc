import { hostname } from 'node:os';
import { seedGroup } from './features/group/group.seed';
import { seedOrganisations } from './features/organisations/organisations.seed';
import { createDispatcher, type Dispatch } from './ipc/dispatcher';
import { handlers } from './ipc/handlers';
import { MemoryAttemptLog, type AttemptLog } from './kernel/attempts';
import { createFileLogger, silentLogger, type Logger } from './kernel/log';
import type { FileChooser } from './kernel/files';
import type { PdfPrinter } from './kernel/pdf';
import { AppCore } from './kernel/session';
import { PRODUCTION_KDF, type KdfParams } from './store/crypto';
import type { OpenStore } from './store/store';

export interface RuntimeOptions {
  storeDir: string;
  migrationsFolder: string;
  version: string;
  kdf?: KdfParams;
  clock?: () => Date;
  attempts?: AttemptLog;
  validateOutput?: boolean;
  /** Where failed calls are logged: the app's log folder (a rotating file), or a logger of the caller's. */
  logDir?: string;
  logger?: Logger;
  workstation?: string;
  pdf?: PdfPrinter;
  /** Save and open dialogs for backups: Electron's own, the harness's stand-in, or a test's. */
  files?: FileChooser;
  /** Told when a restore opened a store in another folder. */
  onStoreMoved?: (dir: string) => void;
}

export interface Runtime {
  core: AppCore;
  dispatch: Dispatch;
  logger: Logger;
}

/** The defaults of a new store, written in its set-up transaction: each feature seeds its own. */
function seed(store: OpenStore, actor: { userId: string; workstation: string }): void {
  seedOrganisations(store, actor);
  seedGroup(store, actor);
}

/** Plain-Node composition of the services, shared by Electron's main process, the CLI, the harness and tests. */
export function createRuntime(options: RuntimeOptions): Runtime {
  const clock = options.clock ?? (() => new Date());
  const core = new AppCore({
    storeDir: options.storeDir,
    version: options.version,
    attempts: options.attempts ?? new MemoryAttemptLog(),
    ...(options.pdf ? { pdf: options.pdf } : {}),
    ...(options.files ? { files: options.files } : {}),
    ...(options.onStoreMoved ? { onStoreMoved: options.onStoreMoved } : {}),
    env: {
      migrationsFolder: options.migrationsFolder,
      kdf: options.kdf ?? PRODUCTION_KDF,
      clock,
      workstation: options.workstation ?? hostname(),
      seed,
    },
  });
  const logger = options.logger ?? (options.logDir ? createFileLogger(options.logDir, { clock }) : silentLogger);
  const dispatch = createDispatcher({ core, handlers, validateOutput: options.validateOutput ?? true, logger });
  return { core, dispatch, logger };
}
