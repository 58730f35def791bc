import { z } from 'zod';

/**
 * The closed set of error codes that may cross the process boundary.
 * Every code has a sentence in i18n (`errors.<CODE>`) that tells the user what to do.
 */
export const ERROR_CODES = [
  'VALIDATION',
  'UNKNOWN_CHANNEL',
  'FORBIDDEN',
  'LOCKED',
  'PASSPHRASE_CHANGE_REQUIRED',
  'WRONG_CREDENTIALS',
  'THROTTLED',
  'WEAK_PASSPHRASE',
  'SAME_PASSPHRASE',
  'WRONG_RECOVERY_KEY',
  'NOT_AN_ADMIN',
  'STORE_EXISTS',
  'STORE_NOT_FOUND',
  'STORE_TOO_NEW',
  'STORE_TAMPERED',
  'STORE_CORRUPT',
  'STORE_BUSY',
  'NOT_FOUND',
  'CONFLICT',
  'RECORD_LOCKED',
  'NO_QUORUM',
  'INVALID_STATE',
  'NEEDS_CONFIRMATION',
  'PDF_UNAVAILABLE',
  'EXPORT_TOO_LARGE',
  'LOGIN_TAKEN',
  'LAST_ADMIN',
  'SELF_REMOVAL',
  'FILE_EXISTS',
  'FILE_NOT_FOUND',
  'BACKUP_INVALID',
  'BACKUP_RUNNING',
  'NOT_CHOSEN',
  'RESTORE_FOLDER',
  'LEGACY_SLOTS',
  'DISK',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];
export const ErrorCodeSchema = z.enum(ERROR_CODES);

/** Extra facts an error carries, JSON-safe; never personal data. */
export type ErrorDetails = Record<string, unknown>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails;
  correlationId: string | undefined;

  constructor(code: ErrorCode, message?: string, details: ErrorDetails = {}) {
    super(message ?? code);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

export const SerializedErrorSchema = z.object({
  code: ErrorCodeSchema,
  message: z.string(),
  details: z.record(z.string(), z.unknown()),
  correlationId: z.string(),
});
export type SerializedError = z.infer<typeof SerializedErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: SerializedError };

export function serializeError(error: AppError, correlationId: string): SerializedError {
  return { code: error.code, message: error.message, details: error.details, correlationId };
}

export function deserializeError(error: SerializedError): AppError {
  const result = new AppError(error.code, error.message, error.details);
  result.correlationId = error.correlationId;
  return result;
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
