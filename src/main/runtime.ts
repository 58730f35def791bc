import { hostname } from 'node:os';
import { createDispatcher, type Dispatch, type Logger } from './ipc/dispatcher';
import { handlers } from './ipc/handlers';
import { MemoryAttemptLog, type AttemptLog } from './features/session/attempts';
import { AppCore } from './features/session/core';
import { PRODUCTION_KDF, type KdfParams } from './store/crypto';
import { seedNewStore } from './features/group/group.seed';
import type { PdfPrinter } from './documents/pdf';

export interface RuntimeOptions {
  storeDir: string;
  migrationsFolder: string;
  version: string;
  kdf?: KdfParams;
  clock?: () => Date;
  attempts?: AttemptLog;
  validateOutput?: boolean;
  logger?: Logger;
  workstation?: string;
  pdf?: PdfPrinter;
}

export interface Runtime {
  core: AppCore;
  dispatch: Dispatch;
}

/** Plain-Node composition of the services, shared by Electron's main process, the CLI, the harness and tests. */
export function createRuntime(options: RuntimeOptions): Runtime {
  const core = new AppCore({
    storeDir: options.storeDir,
    version: options.version,
    attempts: options.attempts ?? new MemoryAttemptLog(),
    ...(options.pdf ? { pdf: options.pdf } : {}),
    env: {
      migrationsFolder: options.migrationsFolder,
      kdf: options.kdf ?? PRODUCTION_KDF,
      clock: options.clock ?? (() => new Date()),
      workstation: options.workstation ?? hostname(),
      seed: seedNewStore,
    },
  });
  const logger: Logger = options.logger ?? {
    warn: (message, meta) => console.warn(message, meta ?? ''),
    error: (message, meta) => console.error(message, meta ?? ''),
  };
  const dispatch = createDispatcher({ core, handlers, validateOutput: options.validateOutput ?? true, logger });
  return { core, dispatch };
}
