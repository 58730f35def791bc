/**
 * Makes a signed bundle: the payload in a BagIt bag, zipped deterministically, with a minisign signature of the
 * tag manifest (which covers bag-info and the payload manifest) whose trusted comment names the sender and period.
 */
import { BAG_INFO_TXT, BAGIT_TXT, buildBag, MANIFEST, parseBagInfo, TAG_MANIFEST, type BagInfo, type Files } from './bagit';
import { formatComment, headerBagInfo, headerFromBagInfo, parseComment, type BundleHeader } from './bundle-header';
import { keyIdHex, sign, type MinisignSecretKey } from './minisign';
import { writeZip } from './zip-write';

export const SIGNATURE = `${TAG_MANIFEST}.minisig`;
export const TAG_FILES = [BAGIT_TXT, BAG_INFO_TXT, MANIFEST, TAG_MANIFEST] as const;
/**
 * Payload names a bundle may carry: up to four folders deep under data/, plain ASCII letters, digits, dot, dash and
 * underscore. Narrower than BagIt allows, so that no tool on any system reads a name differently.
 */
export const DATA_NAME = /^data\/(?:[A-Za-z0-9][A-Za-z0-9_-]*\/){0,3}[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/**
 * The payloads that are themselves zip-based office documents (the report's workbook and narrative): the reader
 * lets these two names, and no other, hold an archive, within the same size limits as everything else.
 */
export const OFFICE_PAYLOADS: ReadonlySet<string> = new Set(['data/report.xlsx', 'data/report.docx']);

export class BundleError extends Error {}

export interface BundleInput {
  /** `data/...` → bytes. */
  files: Files;
  bagInfo: BagInfo;
  secretKey: MinisignSecretKey;
  trustedComment: string;
}

/** bag-info and the trusted comment of one header, which is how they are meant to be made. */
export function bundleParts(header: BundleHeader): { bagInfo: BagInfo; trustedComment: string } {
  return { bagInfo: headerBagInfo(header), trustedComment: formatComment(header) };
}

/**
 * The bundle's zip bytes. Refuses what the verifier would refuse (an unsafe name, a comment not ours, bag-info that
 * disagrees with the comment, a comment naming another key), so a bundle that leaves the office is one that checks.
 */
export function makeBundle(input: BundleInput): Uint8Array {
  for (const name of input.files.keys()) {
    if (!DATA_NAME.test(name) || name.endsWith('.')) throw new BundleError(`payload name not allowed: ${JSON.stringify(name)}`);
  }
  const comment = parseComment(input.trustedComment);
  if (!comment) throw new BundleError('the trusted comment is not a zlagoda-bundle comment');
  if (comment.keyId !== keyIdHex(input.secretKey.keyId)) throw new BundleError('the trusted comment names another key');
  const tags = buildBag(input.files, input.bagInfo);
  // Read back from the written bag-info, with its Payload-Oxum, exactly as the verifier will read it.
  const fromInfo = headerFromBagInfo(parseBagInfo(new TextDecoder().decode(tags.get(BAG_INFO_TXT)!)) ?? []);
  if ('missing' in fromInfo) throw new BundleError(`bag-info lacks ${fromInfo.missing}`);
  if (formatComment(fromInfo.header) !== input.trustedComment) throw new BundleError('bag-info and the trusted comment disagree');
  const signature = sign(tags.get(TAG_MANIFEST)!, input.secretKey, input.trustedComment);
  const entries = new Map<string, Uint8Array>([...input.files, ...tags, [SIGNATURE, new TextEncoder().encode(signature)]]);
  return writeZip(entries);
}
