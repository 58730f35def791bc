/**
 * A deterministic zip: the same files give the same bytes on every machine and in every time zone. Entries sorted
 * by name, deflated at one fixed level, dated 1980-01-01 00:00 (the DOS epoch, written as raw fields rather than
 * through a Date, which would read the local zone), no extra fields, no comment, no data descriptors.
 */
import { crc32 } from 'node:zlib';
import { deflateSync } from 'fflate';
import { sortedNames } from './bagit';

export const DOS_TIME = 0;
// Year 0 after 1980, month 1, day 1: ((1980 - 1980) << 9) | (1 << 5) | 1.
export const DOS_DATE = 0x0021;
// fflate, not node:zlib: Node's zlib is Chromium's fork, which picks SIMD paths by CPU and promises no stable output, and the
// same files must give the same bytes on every machine. The price is speed (about 13 MB/s), ample for reports.
const LEVEL = 6;
const UTF8_FLAG = 0x0800;
const DEFLATE = 8;
const VERSION = 20;
// Made by Unix, so the external attributes can say "a regular file, 0644" and unzip creates plain files.
const MADE_BY = (3 << 8) | VERSION;
const REGULAR_FILE = (0o100644 << 16) >>> 0;

export function writeZip(files: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const names = sortedNames(files.keys());
  if (names.length > 0xffff) throw new Error('too many entries for a zip without zip64');
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const name of names) {
    const data = files.get(name)!;
    const nameBytes = Buffer.from(name, 'utf8');
    const packed = deflateSync(data, { level: LEVEL });
    const crc = crc32(data) >>> 0;
    if (data.length > 0xfffffffe || offset + packed.length > 0xfffffffe) throw new Error('too large for a zip without zip64');

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(VERSION, 4);
    local.writeUInt16LE(UTF8_FLAG, 6);
    local.writeUInt16LE(DEFLATE, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, nameBytes, packed);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(MADE_BY, 4);
    central.writeUInt16LE(VERSION, 6);
    central.writeUInt16LE(UTF8_FLAG, 8);
    central.writeUInt16LE(DEFLATE, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(REGULAR_FILE, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const centralSize = centrals.reduce((sum, part) => sum + part.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(names.length, 8);
  end.writeUInt16LE(names.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, ...centrals, end]));
}
