/**
 * Reads an UNTRUSTED zip into memory, never to disk, and refuses anything a bundle would not contain: unsafe or
 * unlisted names, links, duplicates, bombs (counted on the bytes actually inflated), nested archives, overlapping
 * or unaccounted bytes, and a central directory that disagrees with the local headers. Every refusal has its code.
 */
import { crc32, inflateRawSync } from 'node:zlib';
import { collisionKey, nameRefusal, type NameRefusal } from './entry-names';

export type ZipRefusal =
  | NameRefusal
  | 'not_zip'
  | 'trailing_data'
  | 'truncated'
  | 'multi_disk'
  | 'zip64'
  | 'too_many_entries'
  | 'entry_count_mismatch'
  | 'bad_central_header'
  | 'encrypted'
  | 'unsupported_flags'
  | 'unsupported_method'
  | 'bad_name_encoding'
  | 'duplicate_name'
  | 'name_collision'
  | 'not_allowed'
  | 'symlink'
  | 'special_file'
  | 'entry_too_large'
  | 'total_too_large'
  | 'ratio'
  | 'local_mismatch'
  | 'overlap'
  | 'unaccounted_bytes'
  | 'size_mismatch'
  | 'corrupt_data'
  | 'crc_mismatch'
  | 'nested_archive';

export interface ZipLimits {
  /** The names this reader expects; anything else refuses the whole archive. */
  allow: (name: string) => boolean;
  maxEntries?: number;
  maxEntryBytes?: number;
  maxTotalBytes?: number;
  maxRatio?: number;
  /** Below this size a high ratio is harmless (a short file of one repeated byte) and is not held against an entry. */
  ratioFloor?: number;
  /**
   * Entries that may themselves be zip-based documents (DOCX, XLSX are zips). None by default: a nested archive is
   * a bomb the recipient's office suite would open without these limits.
   */
  mayBeArchive?: (name: string) => boolean;
}

export const DEFAULT_LIMITS = { maxEntries: 16, maxEntryBytes: 10 * 1024 * 1024, maxTotalBytes: 50 * 1024 * 1024, maxRatio: 100, ratioFloor: 64 * 1024, mayBeArchive: () => false };

export type ZipRead = { ok: true; entries: Map<string, Uint8Array> } | { ok: false; reason: ZipRefusal; detail: string };

class Refused extends Error {
  constructor(
    readonly reason: ZipRefusal,
    readonly detail: string,
  ) {
    super(`${reason}: ${detail}`);
  }
}

interface Entry {
  name: string;
  nameBytes: Buffer;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
  dataStart: number;
}

const END_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const S_IFREG = 0o100000;
const UNIX = 3;
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function readZip(bytes: Uint8Array, limits: ZipLimits): ZipRead {
  try {
    const merged: Required<ZipLimits> = {
      allow: limits.allow,
      maxEntries: limits.maxEntries ?? DEFAULT_LIMITS.maxEntries,
      maxEntryBytes: limits.maxEntryBytes ?? DEFAULT_LIMITS.maxEntryBytes,
      maxTotalBytes: limits.maxTotalBytes ?? DEFAULT_LIMITS.maxTotalBytes,
      maxRatio: limits.maxRatio ?? DEFAULT_LIMITS.maxRatio,
      ratioFloor: limits.ratioFloor ?? DEFAULT_LIMITS.ratioFloor,
      mayBeArchive: limits.mayBeArchive ?? DEFAULT_LIMITS.mayBeArchive,
    };
    return { ok: true, entries: read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), merged) };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, reason: error.reason, detail: error.detail };
    throw error;
  }
}

function read(buf: Buffer, limits: Required<ZipLimits>): Map<string, Uint8Array> {
  const end = findEnd(buf);
  const count = buf.readUInt16LE(end + 10);
  const centralSize = buf.readUInt32LE(end + 12);
  const centralOffset = buf.readUInt32LE(end + 16);
  if (buf.readUInt16LE(end + 4) !== 0 || buf.readUInt16LE(end + 6) !== 0) throw new Refused('multi_disk', 'split archives are not read');
  if (count === 0xffff || centralSize === 0xffffffff || centralOffset === 0xffffffff) throw new Refused('zip64', 'zip64 archives are not read');
  if (buf.readUInt16LE(end + 8) !== count) throw new Refused('entry_count_mismatch', 'the counts of the end record disagree');
  if (count > limits.maxEntries) throw new Refused('too_many_entries', `${count} entries, at most ${limits.maxEntries}`);
  if (centralOffset + centralSize !== end) throw new Refused(centralOffset + centralSize > end ? 'truncated' : 'unaccounted_bytes', 'the central directory does not end where the end record begins');

  const entries = readCentral(buf, centralOffset, end, count, limits);
  checkLayout(buf, entries, centralOffset);

  const files = new Map<string, Uint8Array>();
  let total = 0;
  for (const entry of entries) {
    total += entry.size;
    if (total > limits.maxTotalBytes) throw new Refused('total_too_large', `more than ${limits.maxTotalBytes} bytes in all`);
    const data = inflate(buf, entry);
    if ((crc32(data) >>> 0) !== entry.crc) throw new Refused('crc_mismatch', entry.name);
    if (isArchive(data) && !limits.mayBeArchive(entry.name)) throw new Refused('nested_archive', entry.name);
    files.set(entry.name, data);
  }
  return files;
}

/** The end record must close the file exactly: nothing appended after it, and its comment fills the rest. */
function findEnd(buf: Buffer): number {
  if (buf.length < 22) throw new Refused('not_zip', 'shorter than an empty zip');
  const lowest = Math.max(0, buf.length - 22 - 0xffff);
  let misplaced = false;
  for (let at = buf.length - 22; at >= lowest; at--) {
    if (buf.readUInt32LE(at) !== END_SIGNATURE) continue;
    if (at + 22 + buf.readUInt16LE(at + 20) === buf.length) return at;
    misplaced = true;
  }
  if (misplaced) throw new Refused('trailing_data', 'bytes after the end of central directory record');
  throw new Refused(buf.length >= 4 && buf.readUInt32LE(0) === LOCAL_SIGNATURE ? 'truncated' : 'not_zip', 'no end of central directory record');
}

function readCentral(buf: Buffer, start: number, stop: number, count: number, limits: Required<ZipLimits>): Entry[] {
  const entries: Entry[] = [];
  const seen = new Set<string>();
  const folded = new Set<string>();
  let at = start;
  for (let i = 0; i < count; i++) {
    if (at + 46 > stop || buf.readUInt32LE(at) !== CENTRAL_SIGNATURE) throw new Refused('bad_central_header', `entry ${i}`);
    const madeBy = buf.readUInt16LE(at + 4);
    const flags = buf.readUInt16LE(at + 8);
    const method = buf.readUInt16LE(at + 10);
    const crc = buf.readUInt32LE(at + 16);
    const compressedSize = buf.readUInt32LE(at + 20);
    const size = buf.readUInt32LE(at + 24);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    const disk = buf.readUInt16LE(at + 34);
    const external = buf.readUInt32LE(at + 38);
    const offset = buf.readUInt32LE(at + 42);
    const next = at + 46 + nameLength + extraLength + commentLength;
    if (next > stop) throw new Refused('bad_central_header', `entry ${i} runs past the directory`);
    const nameBytes = buf.subarray(at + 46, at + 46 + nameLength);
    at = next;

    const name = decodeName(nameBytes, flags);
    if (compressedSize === 0xffffffff || size === 0xffffffff || offset === 0xffffffff || disk !== 0) throw new Refused('zip64', name);
    const unsafe = nameRefusal(name);
    if (unsafe) throw new Refused(unsafe, name);
    if (seen.has(name)) throw new Refused('duplicate_name', name);
    if (folded.has(collisionKey(name))) throw new Refused('name_collision', name);
    seen.add(name);
    folded.add(collisionKey(name));

    const mode = madeBy >> 8 === UNIX ? external >>> 16 : 0;
    if ((mode & S_IFMT) === S_IFLNK) throw new Refused('symlink', name);
    if ((mode & S_IFMT) !== 0 && (mode & S_IFMT) !== S_IFREG) throw new Refused('special_file', name);
    // MS-DOS attribute 0x10 marks a directory; 0x08 a volume label.
    if ((external & 0x18) !== 0) throw new Refused('special_file', name);
    if (flags & 0x41) throw new Refused('encrypted', name);
    if (flags & ~0x0806) throw new Refused('unsupported_flags', `${name}: 0x${flags.toString(16)}`);
    if (method !== 0 && method !== 8) throw new Refused('unsupported_method', `${name}: method ${method}`);

    if (size > limits.maxEntryBytes) throw new Refused('entry_too_large', `${name}: ${size} bytes declared`);
    if (size > limits.ratioFloor && size > limits.maxRatio * Math.max(compressedSize, 1)) throw new Refused('ratio', `${name}: ${size} from ${compressedSize}`);
    if (method === 0 && size !== compressedSize) throw new Refused('size_mismatch', `${name}: stored with two sizes`);
    entries.push({ name, nameBytes, flags, method, crc, compressedSize, size, offset, dataStart: -1 });
  }
  if (at !== stop) throw new Refused('unaccounted_bytes', 'bytes after the last directory entry');
  // After every name is read, so that a clash between two names is reported as such even when one is also unlisted.
  for (const entry of entries) if (!limits.allow(entry.name)) throw new Refused('not_allowed', entry.name);
  const declared = entries.reduce((sum, e) => sum + e.size, 0);
  if (declared > limits.maxTotalBytes) throw new Refused('total_too_large', `${declared} bytes declared`);
  return entries;
}

/** Old tools wrote names in code page 437; we accept those only when they are plain ASCII, the same in any reading. */
function decodeName(bytes: Buffer, flags: number): string {
  try {
    const name = utf8.decode(bytes);
    if (!(flags & 0x0800) && !/^[\x20-\x7e]*$/.test(name)) throw new Error('not ascii');
    return name;
  } catch {
    throw new Refused('bad_name_encoding', bytes.toString('hex'));
  }
}

/**
 * Each local header must repeat its directory entry, and the entries with the directory must tile the file exactly:
 * an overlap is how a small archive expands into many large files, a gap is where a second reading could hide.
 */
function checkLayout(buf: Buffer, entries: Entry[], centralOffset: number): void {
  let cursor = 0;
  for (const entry of [...entries].sort((a, b) => a.offset - b.offset)) {
    if (entry.offset < cursor) throw new Refused('overlap', entry.name);
    if (entry.offset > cursor) throw new Refused('unaccounted_bytes', `before ${entry.name}`);
    const at = entry.offset;
    if (at + 30 > centralOffset) throw new Refused('truncated', entry.name);
    if (buf.readUInt32LE(at) !== LOCAL_SIGNATURE) throw new Refused('local_mismatch', `${entry.name}: no local header`);
    const nameLength = buf.readUInt16LE(at + 26);
    const extraLength = buf.readUInt16LE(at + 28);
    const same =
      buf.readUInt16LE(at + 6) === entry.flags &&
      buf.readUInt16LE(at + 8) === entry.method &&
      buf.readUInt32LE(at + 14) === entry.crc &&
      buf.readUInt32LE(at + 18) === entry.compressedSize &&
      buf.readUInt32LE(at + 22) === entry.size &&
      at + 30 + nameLength <= centralOffset &&
      buf.subarray(at + 30, at + 30 + nameLength).equals(entry.nameBytes);
    if (!same) throw new Refused('local_mismatch', entry.name);
    cursor = at + 30 + nameLength + extraLength + entry.compressedSize;
    if (cursor > centralOffset) throw new Refused('overlap', `${entry.name} runs into the central directory`);
    entry.dataStart = at + 30 + nameLength + extraLength;
  }
  if (cursor !== centralOffset) throw new Refused('unaccounted_bytes', 'before the central directory');
}

/** Inflation stops at the declared size, which the limits already bound: a lying header cannot make it run on. */
function inflate(buf: Buffer, entry: Entry): Uint8Array {
  const start = entry.dataStart;
  const packed = buf.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return new Uint8Array(packed);
  let data: Buffer;
  try {
    data = inflateRawSync(packed, { maxOutputLength: Math.max(entry.size, 1) });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ERR_BUFFER_TOO_LARGE') throw new Refused('size_mismatch', `${entry.name}: inflates past its declared ${entry.size} bytes`);
    throw new Refused('corrupt_data', `${entry.name}: ${code ?? 'inflate failed'}`);
  }
  if (data.length !== entry.size) throw new Refused('size_mismatch', `${entry.name}: ${data.length} bytes, ${entry.size} declared`);
  return new Uint8Array(data);
}

/** Magic numbers of the archive and compressed formats a bundle never carries inside itself. */
function isArchive(data: Uint8Array): boolean {
  const starts = (...magic: number[]) => magic.every((byte, i) => data[i] === byte);
  return (
    starts(0x50, 0x4b, 0x03, 0x04) ||
    starts(0x50, 0x4b, 0x05, 0x06) ||
    starts(0x50, 0x4b, 0x07, 0x08) ||
    starts(0x1f, 0x8b) ||
    starts(0x42, 0x5a, 0x68) ||
    starts(0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00) ||
    starts(0x28, 0xb5, 0x2f, 0xfd) ||
    starts(0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c) ||
    starts(0x52, 0x61, 0x72, 0x21, 0x1a, 0x07) ||
    (data.length > 262 && Buffer.from(data.subarray(257, 262)).toString('latin1') === 'ustar')
  );
}
