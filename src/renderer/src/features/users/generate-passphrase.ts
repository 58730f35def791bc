// No look-alikes (0/O, 1/l/I) and Latin only, so it survives being read aloud or typed on any layout.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** 20 random characters (about 99 bits) in groups of five: strong enough to hand over, easy to type once. */
export function generatePassphrase(random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  const chars: string[] = [];
  // Rejection sampling keeps every symbol equally likely.
  const limit = 256 - (256 % ALPHABET.length);
  while (chars.length < 20) {
    for (const byte of random(new Uint8Array(32))) {
      if (byte < limit && chars.length < 20) chars.push(ALPHABET[byte % ALPHABET.length]!);
    }
  }
  return [0, 5, 10, 15].map((start) => chars.slice(start, start + 5).join('')).join('-');
}
