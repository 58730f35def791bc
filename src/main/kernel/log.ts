import { appendFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What the log may hold: where a call went, how it ended and the id the user reads out. Never a call's input,
 * and so never personal data: the fields are names, codes and identifiers chosen by the app.
 */
export interface LogEntry {
  channel?: string;
  code?: string;
  correlationId?: string;
  /** For faults: the error's class and system code, and a message the app wrote itself. */
  fault?: string;
  [key: string]: string | number | boolean | undefined;
}

export interface Logger {
  info(event: string, entry?: LogEntry): void;
  warn(event: string, entry?: LogEntry): void;
  error(event: string, entry?: LogEntry): void;
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

export interface FileLogOptions {
  /** Rotate when the current file passes this size. */
  maxBytes?: number;
  /** Older files kept beside the current one: zlagoda.1.log … zlagoda.N.log. */
  keep?: number;
  clock?: () => Date;
}

/** One JSON line per entry in `<dir>/zlagoda.log`, rotated by size, readable only by the account that wrote it. */
export function createFileLogger(dir: string, options: FileLogOptions = {}): Logger & { path: string } {
  const maxBytes = options.maxBytes ?? 1024 * 1024;
  const keep = options.keep ?? 3;
  const clock = options.clock ?? (() => new Date());
  const path = join(dir, 'zlagoda.log');
  let size = -1;

  function rotate(): void {
    rmSync(join(dir, `zlagoda.${keep}.log`), { force: true });
    for (let n = keep - 1; n >= 1; n -= 1) {
      const from = join(dir, `zlagoda.${n}.log`);
      if (existsSync(from)) renameSync(from, join(dir, `zlagoda.${n + 1}.log`));
    }
    if (existsSync(path)) renameSync(path, join(dir, 'zlagoda.1.log'));
    size = 0;
  }

  function write(level: 'info' | 'warn' | 'error', event: string, entry: LogEntry = {}): void {
    const line = `${JSON.stringify({ ts: clock().toISOString(), level, event, ...entry })}\n`;
    try {
      if (size < 0) {
        mkdirSync(dir, { recursive: true, mode: 0o700 });
        size = existsSync(path) ? statSync(path).size : 0;
      }
      if (size + line.length > maxBytes && size > 0) rotate();
      appendFileSync(path, line, { mode: 0o600 });
      size += Buffer.byteLength(line);
    } catch {
      // A full or read-only disk must not turn a logged failure into a second one.
    }
  }

  return {
    path,
    info: (event, entry) => write('info', event, entry),
    warn: (event, entry) => write('warn', event, entry),
    error: (event, entry) => write('error', event, entry),
  };
}
