/**
 * A BagIt 1.0 bag (RFC 8493) as bytes: the tag files around a payload, written so that `sha512sum -c` reads the
 * manifests as they are. UTF-8 without a BOM, LF line ends, NFC names.
 */
import { createHash } from 'node:crypto';
import { nameRefusal } from './entry-names';

export const BAGIT_TXT = 'bagit.txt';
export const BAG_INFO_TXT = 'bag-info.txt';
export const MANIFEST = 'manifest-sha512.txt';
export const TAG_MANIFEST = 'tagmanifest-sha512.txt';
export const BAGIT_DECLARATION = 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n';

export type BagInfo = ReadonlyArray<readonly [label: string, value: string]>;
export type Files = ReadonlyMap<string, Uint8Array>;

export class BagError extends Error {}

const encoder = new TextEncoder();

export function sha512Hex(bytes: Uint8Array): string {
  return createHash('sha512').update(bytes).digest('hex');
}

/** `<octets>.<streams>` of the payload, as RFC 8493 §2.2.2 defines Payload-Oxum. */
export function payloadOxum(payload: Files): string {
  let octets = 0;
  for (const bytes of payload.values()) octets += bytes.length;
  return `${octets}.${payload.size}`;
}

/** Names sorted by their UTF-8 bytes, so the order does not depend on a locale or on UTF-16 quirks. */
export function sortedNames(names: Iterable<string>): string[] {
  return [...names].sort((a, b) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8')));
}

/** `<hex>␠␠<path>` lines sorted by path: the coreutils layout, which BagIt's own manifest format is. */
export function manifestText(files: Files): string {
  return sortedNames(files.keys())
    .map((name) => `${sha512Hex(files.get(name)!)}  ${name}\n`)
    .join('');
}

/** The payload must live under data/ with names any file system keeps as given. */
export function payloadNameRefusal(name: string): string | null {
  if (!name.startsWith('data/')) return 'outside data/';
  return nameRefusal(name);
}

/**
 * The tag files for a payload: bagit.txt, bag-info.txt (the given fields in order; Payload-Oxum computed and appended
 * unless given, refused when given wrong), manifest-sha512.txt and tagmanifest-sha512.txt.
 */
export function buildBag(payload: Files, bagInfo: BagInfo): Map<string, Uint8Array> {
  if (payload.size === 0) throw new BagError('a bag needs at least one payload file');
  for (const name of payload.keys()) {
    const refusal = payloadNameRefusal(name);
    if (refusal) throw new BagError(`unsafe payload name ${JSON.stringify(name)}: ${refusal}`);
  }
  const oxum = payloadOxum(payload);
  const fields = [...bagInfo];
  const given = fields.filter(([label]) => label === 'Payload-Oxum');
  if (given.length > 1 || (given.length === 1 && given[0]![1] !== oxum)) throw new BagError(`Payload-Oxum must be ${oxum}`);
  if (given.length === 0) fields.push(['Payload-Oxum', oxum]);
  const tags = new Map<string, Uint8Array>([
    [BAGIT_TXT, encoder.encode(BAGIT_DECLARATION)],
    [BAG_INFO_TXT, encoder.encode(bagInfoText(fields))],
    [MANIFEST, encoder.encode(manifestText(payload))],
  ]);
  tags.set(TAG_MANIFEST, encoder.encode(manifestText(tags)));
  return tags;
}

/** `Label: value` lines; one line each, since a continuation line would be read differently by other tools. */
export function bagInfoText(fields: BagInfo): string {
  return fields
    .map(([label, value]) => {
      if (!/^[A-Za-z0-9][A-Za-z0-9-]*$/.test(label)) throw new BagError(`bad bag-info label ${JSON.stringify(label)}`);
      // eslint-disable-next-line no-control-regex
      if (/[\u0000-\u001f\u007f]/.test(value) || value !== value.trim() || value.normalize('NFC') !== value) {
        throw new BagError(`bad bag-info value for ${label}`);
      }
      return `${label}: ${value}\n`;
    })
    .join('');
}

/** bag-info.txt back into its fields, or null when a line is not `Label: value` as we write it. */
export function parseBagInfo(text: string): Array<[string, string]> | null {
  if (!text.endsWith('\n') || text.startsWith('\uFEFF')) return null;
  const fields: Array<[string, string]> = [];
  for (const line of text.slice(0, -1).split('\n')) {
    const match = /^([A-Za-z0-9][A-Za-z0-9-]*): (\S(?:.*\S)?)$/.exec(line);
    if (!match) return null;
    fields.push([match[1]!, match[2]!]);
  }
  return fields;
}

/** A manifest back into path → hex, or null when a line is malformed, a path is unsafe or repeats. */
export function parseManifest(text: string): Map<string, string> | null {
  if (text === '' || !text.endsWith('\n') || text.startsWith('\uFEFF')) return null;
  const entries = new Map<string, string>();
  for (const line of text.slice(0, -1).split('\n')) {
    const match = /^([0-9a-f]{128}) {2}(.+)$/.exec(line);
    if (!match || entries.has(match[2]!) || nameRefusal(match[2]!)) return null;
    entries.set(match[2]!, match[1]!);
  }
  return entries;
}
