/**
 * Tamper evidence for a dossier's history (issue 18): every entry carries a hash that covers the
 * entry and the hash of the one before it, so the entries of one dossier form a chain. Changing,
 * removing or reordering a stored entry breaks the chain from that entry on; the hash of the entry
 * that made the dossier afgerond (`finalHash`) travels with the PDF and the exports, so a copy
 * outside the backend can show that the history was changed afterwards.
 *
 *   hash(n) = hex(SHA-256(UTF-8(canonicalJson({ dossier: <dossier id>, previous: hash(n-1) | null, entry: <entry without hash> }))))
 *
 * `canonicalJson` is JSON with the keys of every object sorted by UTF-16 code units and no
 * whitespace (RFC 8785, JCS, for the strings, whole numbers, booleans and nulls an entry holds).
 * SHA-256 comes from Node's `node:crypto` where there is one, else Web Crypto (`crypto.subtle`):
 * the same bytes either way (packages/server/test/history-hash-node.test.ts).
 */
import * as z from 'zod/mini';
import type { HistoryEntry } from './contract.js';

/** Names the algorithm above; a later one would get a new name. */
export const historyChainAlgorithm = 'doorstroom-history-sha256-v1';

/**
 * JSON with sorted keys and no whitespace; `undefined` object members are left out, as JSON.stringify does.
 * Written as loops (no entries, filter, map and join per object): every history entry a server
 * stores is hashed through it (issue 14, item 7). The same text as that form gave: keys sorted by
 * UTF-16 code units (the default sort), a hole in an array as the empty text `join` gave it.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError('canonicalJson: numbers must be finite');
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) {
    let text = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) text += ',';
      if (!(i in value)) continue;
      const item: unknown = value[i];
      text += item === undefined ? 'null' : canonicalJson(item);
    }
    return `${text}]`;
  }
  // Plain comparison orders by UTF-16 code units, as RFC 8785 asks (not localeCompare): the default sort does.
  const keys = Object.keys(value).sort();
  let text = '{';
  for (const key of keys) {
    const member = (value as Record<string, unknown>)[key];
    if (member === undefined) continue;
    if (text.length > 1) text += ',';
    text += `${JSON.stringify(key)}:${canonicalJson(member)}`;
  }
  return `${text}}`;
}

const hex = (bytes: ArrayBuffer) => Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');

type NodeCrypto = {
  createHash(algorithm: 'sha256'): { update(text: string, encoding: 'utf8'): { digest(encoding: 'hex'): string } };
  /** One call, no Hash object (Node ≥ 20.12, 21.7): several times cheaper for a short text. */
  hash?: (algorithm: 'sha256', text: string, encoding: 'hex') => string;
};
/**
 * Node's own hash, where there is one (`process.getBuiltinModule`, Node ≥ 20.16): synchronous, so
 * a server hashing every history entry does not send each one to the thread pool and back, which
 * `crypto.subtle.digest` does (it cost the reference server more per save than its database
 * driver). Browsers have no `process`: they use Web Crypto. Both give the same bytes.
 */
const nodeCrypto = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule?.('node:crypto') as NodeCrypto | undefined;

/** Lower-case hex SHA-256 of the UTF-8 bytes of `text` (Node's crypto where available, else Web Crypto). */
export async function sha256Hex(text: string): Promise<string> {
  if (nodeCrypto) return nodeCrypto.hash ? nodeCrypto.hash('sha256', text, 'hex') : nodeCrypto.createHash('sha256').update(text, 'utf8').digest('hex');
  return hex(await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
}

/** The hash `entry` must carry when `previous` is the hash of the entry before it (null for the first). */
export function historyEntryHash(dossierId: string, previous: string | null, entry: HistoryEntry): Promise<string> {
  const { hash: _own, ...content } = entry;
  return sha256Hex(canonicalJson({ dossier: dossierId, previous, entry: content }));
}

/** What `GET /dossiers/{id}/verify` answers. */
export const historyVerificationSchema = z.object({
  /** Every stored hash matches the chain, and the dossier's finalHash is the hash of its finalize entry. */
  valid: z.boolean(),
  /** How many history entries the chain has (absent for the MBO, which reads milestones only). */
  entries: z.optional(z.number()),
  /** How many of them carry a hash (entries from before the chain existed carry none; the first hashed entry after them covers them). */
  sealed: z.optional(z.number()),
  /** Index (0-based) of the first entry whose stored hash does not match (absent for the MBO). */
  brokenAt: z.optional(z.number()),
  /** The hash of the last entry: the head of the chain now. */
  head: z.optional(z.string()),
  /** Afgerond: the hash of the entry that made it afgerond, as the PDF and the exports carry it. */
  finalHash: z.optional(z.string()),
  algorithm: z.string(),
});
export type HistoryVerification = z.infer<typeof historyVerificationSchema>;

export interface ChainReport {
  valid: boolean;
  entries: number;
  sealed: number;
  brokenAt?: number;
  /** The chain's hash of every entry, recomputed (also for entries stored without one). */
  hashes: string[];
  head?: string;
  /** The recomputed hash of the last entry that made the dossier afgerond. */
  finalHash?: string;
}

/** The entry that made the dossier afgerond (the last one, should a backend hold more). */
export function finalizeIndex(entries: ReadonlyArray<HistoryEntry>): number {
  for (let i = entries.length - 1; i >= 0; i--) if (entries[i]!.kind === 'action' && entries[i]!.to === 'afgerond') return i;
  return -1;
}

/**
 * Recomputes the chain over `entries` (in stored order) and compares every stored hash. An entry
 * stored without a hash (written before the chain existed) is hashed as it is; the next entry
 * that carries one covers it. With `finalHash` (the dossier's), it must equal the recomputed hash
 * of the finalize entry, else the chain is broken there.
 */
export async function verifyHistoryChain(dossierId: string, entries: ReadonlyArray<HistoryEntry>, finalHash?: string): Promise<ChainReport> {
  const hashes: string[] = [];
  let previous: string | null = null;
  let brokenAt: number | undefined;
  let sealed = 0;
  for (const [index, entry] of entries.entries()) {
    const hash = await historyEntryHash(dossierId, previous, entry);
    if (entry.hash !== undefined) {
      sealed++;
      if (entry.hash !== hash && brokenAt === undefined) brokenAt = index;
    }
    hashes.push(hash);
    previous = hash;
  }
  const final = finalizeIndex(entries);
  if (finalHash !== undefined && (final < 0 || hashes[final] !== finalHash) && brokenAt === undefined) brokenAt = final < 0 ? entries.length : final;
  return {
    valid: brokenAt === undefined,
    entries: entries.length,
    sealed,
    ...(brokenAt !== undefined ? { brokenAt } : {}),
    hashes,
    ...(hashes.length ? { head: hashes[hashes.length - 1]! } : {}),
    ...(final >= 0 ? { finalHash: hashes[final]! } : {}),
  };
}
