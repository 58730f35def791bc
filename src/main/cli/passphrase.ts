import { existsSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { AppError } from '../../shared/errors';

export class UsageError extends Error {}

/** Reads a secret from a file: the first line, without its line ending. */
export function readSecretFile(path: string): string {
  if (!existsSync(path)) throw new UsageError(`файл не знайдено: ${path}`);
  const text = readFileSync(path, 'utf8');
  const first = text.split(/\r?\n/)[0] ?? '';
  if (!first) throw new UsageError(`файл порожній: ${path}`);
  return first;
}

function prompt(question: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      if (!muted) process.stderr.write(chunk);
      callback();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
    muted = true;
  });
}

/**
 * Order: --passphrase-file, then ZLAGODA_PASSPHRASE (for scripts), then a hidden prompt on a terminal.
 * With `confirm`, the prompt asks twice (used when a new passphrase is set).
 */
export async function obtainPassphrase(file: string | undefined, options: { label: string; confirm?: boolean }): Promise<string> {
  if (file) return readSecretFile(file);
  const fromEnv = process.env.ZLAGODA_PASSPHRASE;
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) {
    throw new UsageError('немає пароля: вкажіть --passphrase-file ФАЙЛ або змінну ZLAGODA_PASSPHRASE, або запустіть у терміналі');
  }
  const first = await prompt(`${options.label}: `);
  if (options.confirm) {
    const second = await prompt('Повторіть пароль: ');
    if (first !== second) throw new AppError('VALIDATION', 'паролі не збігаються');
  }
  return first;
}
