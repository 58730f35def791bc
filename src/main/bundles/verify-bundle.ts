/**
 * Checks a bundle from an untrusted source, in the order of security.md §5.3 and before anything in it is parsed
 * beyond its framing: a safe read of the zip into memory, the signature over the tag manifest with a known key valid
 * when it signed, the tag manifest's hashes, the payload manifest's hashes, completeness, and only then bag-info.
 */
import { BAG_INFO_TXT, BAGIT_DECLARATION, BAGIT_TXT, MANIFEST, parseBagInfo, parseManifest, payloadOxum, sha512Hex, TAG_MANIFEST, type BagInfo } from './bagit';
import { DATA_NAME, OFFICE_PAYLOADS, SIGNATURE, TAG_FILES } from './bundle';
import { formatComment, headerFromBagInfo, parseComment, type BundleHeader } from './bundle-header';
import { keyIdHex, parseSignature, verify, type MinisignPublicKey } from './minisign';
import { readZip, type ZipLimits, type ZipRefusal } from './zip-read';

export interface TrustedKey {
  /** As minisign prints it: 16 hex digits. */
  keyId: string;
  publicKey: MinisignPublicKey;
  /** ISO instants; the key signs bundles generated from validFrom up to (not including) validTo. */
  validFrom?: string;
  validTo?: string;
}

export interface VerifyOptions {
  limits?: Omit<ZipLimits, 'allow'>;
  /** Payload names taken; the same pattern makeBundle enforces unless a caller widens both. */
  dataName?: RegExp;
}

export type BundleRefusal =
  | ZipRefusal
  | 'missing_signature'
  | 'missing_tag_manifest'
  | 'malformed_signature'
  | 'signature_algorithm'
  | 'unknown_key'
  | 'bad_signature'
  | 'bad_global_signature'
  | 'malformed_comment'
  | 'comment_key_mismatch'
  | 'key_not_valid_then'
  | 'malformed_tag_manifest'
  | 'tag_manifest_incomplete'
  | 'missing_tag_file'
  | 'tag_hash_mismatch'
  | 'bad_bagit_declaration'
  | 'malformed_manifest'
  | 'missing_payload_file'
  | 'payload_hash_mismatch'
  | 'unlisted_file'
  | 'malformed_bag_info'
  | 'missing_bag_info_field'
  | 'payload_oxum_mismatch'
  | 'comment_mismatch';

export type BundleVerdict =
  | { ok: true; header: BundleHeader; bagInfo: BagInfo; trustedComment: string; keyId: string; files: Map<string, Uint8Array> }
  | { ok: false; reason: BundleRefusal; detail: string };

// ignoreBOM keeps a BOM in the text, so that a tag file starting with one is refused rather than silently read.
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function verifyBundle(zipBytes: Uint8Array, trustedKeys: readonly TrustedKey[], options: VerifyOptions = {}): BundleVerdict {
  const dataName = options.dataName ?? DATA_NAME;
  const allowed = new Set<string>([...TAG_FILES, SIGNATURE]);
  const read = readZip(zipBytes, { mayBeArchive: (name) => OFFICE_PAYLOADS.has(name), ...options.limits, allow: (name) => allowed.has(name) || dataName.test(name) });
  if (!read.ok) return read;
  const entries = read.entries;
  const refuse = (reason: BundleRefusal, detail: string): BundleVerdict => ({ ok: false, reason, detail });

  // 1. The signature over the tag manifest, by a key we trust, valid when the bundle says it was made.
  const tagManifest = entries.get(TAG_MANIFEST);
  const signatureBytes = entries.get(SIGNATURE);
  if (!signatureBytes) return refuse('missing_signature', SIGNATURE);
  if (!tagManifest) return refuse('missing_tag_manifest', TAG_MANIFEST);
  const signatureText = text(signatureBytes);
  const parsed = signatureText === null ? 'not UTF-8' : parseSignature(signatureText);
  if (typeof parsed === 'string') return refuse('malformed_signature', parsed);
  if (parsed.algorithm !== 'ED') return refuse('signature_algorithm', JSON.stringify(parsed.algorithm));
  const keyId = keyIdHex(parsed.keyId);
  const candidates = trustedKeys.filter((k) => k.keyId.toUpperCase() === keyId);
  if (candidates.length === 0) return refuse('unknown_key', keyId);
  let verdict: ReturnType<typeof verify> | undefined;
  let signer: TrustedKey | undefined;
  for (const candidate of candidates) {
    verdict = verify(tagManifest, signatureText!, candidate.publicKey);
    if (verdict.ok) {
      signer = candidate;
      break;
    }
  }
  if (!verdict!.ok || !signer) {
    const reason = (verdict as { reason: string }).reason;
    return refuse(reason === 'global_signature' ? 'bad_global_signature' : reason === 'key_id' ? 'unknown_key' : 'bad_signature', (verdict as { detail: string }).detail);
  }
  const trustedComment = parsed.trustedComment;
  const comment = parseComment(trustedComment);
  if (!comment) return refuse('malformed_comment', trustedComment);
  if (comment.keyId !== keyId) return refuse('comment_key_mismatch', `${comment.keyId} signed by ${keyId}`);
  const signedAt = Date.parse(comment.generatedAt);
  if ((signer.validFrom && signedAt < Date.parse(signer.validFrom)) || (signer.validTo && signedAt >= Date.parse(signer.validTo))) {
    return refuse('key_not_valid_then', `${keyId} at ${comment.generatedAt}`);
  }

  // 2. The tag manifest: exactly the three tag files, each present and matching.
  const tagText = text(tagManifest);
  const tagLines = tagText === null ? null : parseManifest(tagText);
  if (!tagLines) return refuse('malformed_tag_manifest', TAG_MANIFEST);
  const covered = [BAGIT_TXT, BAG_INFO_TXT, MANIFEST];
  for (const path of tagLines.keys()) if (!covered.includes(path)) return refuse('malformed_tag_manifest', `lists ${path}`);
  for (const path of covered) if (!tagLines.has(path)) return refuse('tag_manifest_incomplete', path);
  for (const [path, hash] of tagLines) {
    const bytes = entries.get(path);
    if (!bytes) return refuse('missing_tag_file', path);
    if (sha512Hex(bytes) !== hash) return refuse('tag_hash_mismatch', path);
  }
  if (text(entries.get(BAGIT_TXT)!) !== BAGIT_DECLARATION) return refuse('bad_bagit_declaration', BAGIT_TXT);

  // 3. The payload manifest, then completeness: nothing missing, nothing unlisted.
  const manifestText = text(entries.get(MANIFEST)!);
  const manifest = manifestText === null ? null : parseManifest(manifestText);
  if (!manifest) return refuse('malformed_manifest', MANIFEST);
  for (const path of manifest.keys()) if (!path.startsWith('data/')) return refuse('malformed_manifest', `lists ${path}`);
  const files = new Map<string, Uint8Array>();
  for (const [path, hash] of manifest) {
    const bytes = entries.get(path);
    if (!bytes) return refuse('missing_payload_file', path);
    if (sha512Hex(bytes) !== hash) return refuse('payload_hash_mismatch', path);
    files.set(path, bytes);
  }
  for (const name of entries.keys()) {
    if (!allowed.has(name) && !manifest.has(name)) return refuse('unlisted_file', name);
  }

  // 4. Only now bag-info, which must agree with the payload and with what the signature binds.
  const infoText = text(entries.get(BAG_INFO_TXT)!);
  const bagInfo = infoText === null ? null : parseBagInfo(infoText);
  if (!bagInfo) return refuse('malformed_bag_info', BAG_INFO_TXT);
  const header = headerFromBagInfo(bagInfo);
  if ('missing' in header) return refuse('missing_bag_info_field', header.missing);
  const oxum = bagInfo.find(([label]) => label === 'Payload-Oxum')![1];
  if (oxum !== payloadOxum(files)) return refuse('payload_oxum_mismatch', `${oxum}, the payload is ${payloadOxum(files)}`);
  if (formatComment(header.header) !== trustedComment) return refuse('comment_mismatch', 'bag-info says otherwise than the signed comment');

  return { ok: true, header: header.header, bagInfo, trustedComment, keyId, files };
}

function text(bytes: Uint8Array): string | null {
  try {
    const decoded = decoder.decode(bytes);
    return decoded.startsWith('\uFEFF') ? null : decoded;
  } catch {
    return null;
  }
}
