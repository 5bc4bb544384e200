/**
 * Dossier ids that cannot be guessed: 120 random bits (Web Crypto, in Node and browsers alike) in
 * lower-case base32, so an id says nothing about how many dossiers exist or which came before.
 */
const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';

/** e.g. `d-k3v7q2m9x4w8r1t6y5p0zabc` (2 + 24 characters). */
export function newRandomDossierId(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(15));
  let bits = 0;
  let value = 0;
  let id = 'd-';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      id += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return id;
}
