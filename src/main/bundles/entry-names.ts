/**
 * The rules a file name inside a bundle must keep, shared by the writer (refuse to make what a reader would refuse)
 * and the reader of untrusted archives. A name is checked as text, never resolved against a file system.
 */

export type NameRefusal =
  | 'empty_name'
  | 'absolute_path'
  | 'drive_letter'
  | 'unc_path'
  | 'backslash'
  | 'dot_segment'
  | 'empty_segment'
  | 'colon'
  | 'reserved_name'
  | 'trailing_dot_space'
  | 'control_char'
  | 'forbidden_char'
  | 'not_nfc'
  | 'name_too_long';

// Windows opens these devices whatever the extension (CON.txt is the console), so none may be a segment's stem.
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)(\..*)?$/i;
const MAX_NAME_BYTES = 255;

/** Why this name may not be in a bundle, or null when it is safe on Windows, macOS and Linux alike. */
export function nameRefusal(name: string): NameRefusal | null {
  if (name === '') return 'empty_name';
  if (Buffer.byteLength(name, 'utf8') > MAX_NAME_BYTES) return 'name_too_long';
  if (name.startsWith('\\\\') || name.startsWith('//')) return 'unc_path';
  if (/^[A-Za-z]:/.test(name)) return 'drive_letter';
  if (name.startsWith('/')) return 'absolute_path';
  if (name.includes('\\')) return 'backslash';
  // Invisible and direction-changing characters make two different names look alike to the person reading them.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069\ufeff]/.test(name)) return 'control_char';
  if (name.includes(':')) return 'colon';
  if (/[*?"<>|]/.test(name)) return 'forbidden_char';
  if (name.normalize('NFC') !== name) return 'not_nfc';
  for (const segment of name.split('/')) {
    if (segment === '.' || segment === '..') return 'dot_segment';
    if (segment === '') return 'empty_segment';
    if (/[. ]$/.test(segment)) return 'trailing_dot_space';
    if (RESERVED.test(segment)) return 'reserved_name';
  }
  return null;
}

/** Two names that one file system could take for the same file (case-insensitive, or normalising Unicode). */
export function collisionKey(name: string): string {
  return name.normalize('NFC').toLowerCase().normalize('NFC');
}
