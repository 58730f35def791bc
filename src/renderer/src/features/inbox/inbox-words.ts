import type { TFunction } from 'i18next';
import type { AppError } from '../../../../shared/errors';
import { describeError } from '../../components/describe-error';
import { kyivToday } from '../../components/format';

/** The quarter before today's in Kyiv: the period whose reports are due when the inbox is opened. */
export function previousQuarter(today = kyivToday()): string {
  const year = Number(today.slice(0, 4));
  const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  return quarter === 1 ? `${year - 1}-Q4` : `${year}-Q${quarter - 1}`;
}

/** A refusal of a bundle: the screen's own words for the inbox's codes, the main process's Ukrainian for the others. */
export function reasonText(t: TFunction, reason: string | null, words: string | null): string {
  if (!reason) return '';
  return t(`inbox.reasons.${reason}`, { defaultValue: words ?? reason });
}

/** The register's refusals say what to do; any other error as the shell says it. */
export function inboxError(t: TFunction, error: AppError): string {
  const reason = error.details.reason;
  if (error.code === 'INVALID_STATE' && typeof reason === 'string') {
    const detail = typeof error.details.detail === 'string' ? error.details.detail : '';
    return t(`inbox.errors.${reason}`, { defaultValue: describeError(t, error), detail });
  }
  return describeError(t, error);
}

/** A chosen file's bytes as base64, the way the contract carries files (the window never hands over a path). */
export async function base64Of(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}
