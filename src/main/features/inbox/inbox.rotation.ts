import { fingerprint, keyIdHex, parsePublicKey, parseSignature, verify, type MinisignPublicKey } from '../../bundles/minisign';
import type { RegisteredKey } from './inbox.check';

/**
 * A sender's statement announcing its new key, checked the way the sending app writes it (the reports feature's
 * `rotationStatement`): six lines naming the sender, the old and new keys and the date, signed by the old key with
 * the trusted comment `zlagoda-key-rotation|<sender>|<old id>|<new id>|<date>`. The new key is trusted only on the
 * word of a key of the same sender that was valid on that date.
 */

export const STATEMENT_TITLE = 'Zlagoda: заява про новий ключ підпису звітів';

export type RotationRefusal = 'rotation_malformed' | 'rotation_sender' | 'rotation_unknown_key' | 'rotation_bad_signature' | 'rotation_key_not_valid';

export type RotationCheck =
  | { ok: true; oldKeyId: string; newKey: MinisignPublicKey; newKeyId: string; date: string }
  | { ok: false; reason: RotationRefusal; detail: string };

const FIELDS = ['oblast', 'old-key', 'new-key', 'new-public-key', 'date'] as const;

function parseStatement(text: string): Record<(typeof FIELDS)[number], string> | null {
  const lines = text.split('\n');
  if (lines.length !== FIELDS.length + 2 || lines[0] !== STATEMENT_TITLE || lines.at(-1) !== '') return null;
  const out: Partial<Record<(typeof FIELDS)[number], string>> = {};
  for (const [i, field] of FIELDS.entries()) {
    const line = lines[i + 1]!;
    if (!line.startsWith(`${field}: `)) return null;
    out[field] = line.slice(field.length + 2);
  }
  return out as Record<(typeof FIELDS)[number], string>;
}

export function checkRotation(senderCode: string, statement: string, signature: string, senderKeys: readonly RegisteredKey[]): RotationCheck {
  const refuse = (reason: RotationRefusal, detail: string): RotationCheck => ({ ok: false, reason, detail });
  const fields = parseStatement(statement);
  if (!fields) return refuse('rotation_malformed', 'not a Zlagoda rotation statement');
  if (fields.oblast !== senderCode) return refuse('rotation_sender', `the statement is of ${fields.oblast}`);
  const date = fields.date;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/.test(date) || Number.isNaN(Date.parse(date))) return refuse('rotation_malformed', 'date');
  const newKey = parsePublicKey(fields['new-public-key']);
  if (!newKey || fingerprint(newKey) !== fields['new-key']) return refuse('rotation_malformed', 'the new key and its fingerprint disagree');
  const parsed = parseSignature(signature);
  if (typeof parsed === 'string') return refuse('rotation_malformed', `signature: ${parsed}`);
  const oldKeyId = keyIdHex(parsed.keyId);
  const old = senderKeys.find((k) => k.sender === senderCode && k.keyId.toUpperCase() === oldKeyId);
  if (!old) return refuse('rotation_unknown_key', `${oldKeyId} is not a key of ${senderCode}`);
  const verdict = verify(new TextEncoder().encode(statement), signature, old.publicKey);
  if (!verdict.ok) return refuse('rotation_bad_signature', `${verdict.reason}: ${verdict.detail}`);
  const newKeyId = keyIdHex(newKey.keyId);
  if (fields['old-key'] !== fingerprint(old.publicKey)) return refuse('rotation_malformed', 'the old key named is not the one that signed');
  if (verdict.trustedComment !== `zlagoda-key-rotation|${senderCode}|${oldKeyId}|${newKeyId}|${date}`) return refuse('rotation_malformed', 'the trusted comment disagrees with the statement');
  const at = Date.parse(date);
  if ((old.validFrom && at < Date.parse(old.validFrom)) || (old.validTo && at >= Date.parse(old.validTo))) {
    return refuse('rotation_key_not_valid', `${oldKeyId} was not valid at ${date}`);
  }
  return { ok: true, oldKeyId, newKey, newKeyId, date };
}
