/**
 * Who holds a bearer token is the embedding portal's business: the server asks a pluggable
 * verifier. Dev mode signs in with the example data's demo tokens (one per person, see README).
 */
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import type { Actor, ExampleAccount } from './sdk.js';

/** The person behind a bearer token, or null when the token is not (or no longer) valid. */
export type TokenVerifier = (token: string) => Promise<Actor | null>;

/** Demo sign-in: the token is the account name from the example data, e.g. 'student-noor'. */
export function demoVerifier(accounts: ReadonlyArray<ExampleAccount>): TokenVerifier {
  const byToken = new Map(accounts.map((account) => [account.token, account.actor]));
  return async (token) => {
    const actor = byToken.get(token);
    return actor ? structuredClone(actor) : null;
  };
}

/**
 * Loads a verifier from an ES module (DOORSTROOM_VERIFIER): its default export, or a named
 * `verifyToken`, is `(token) => Promise<Actor | null>`, e.g. a JWT check against the portal's keys.
 */
export async function loadVerifier(modulePath: string): Promise<TokenVerifier> {
  const module = (await import(pathToFileURL(resolve(modulePath)).href)) as { default?: unknown; verifyToken?: unknown };
  const verifier = module.verifyToken ?? module.default;
  if (typeof verifier !== 'function') throw new Error(`${modulePath} exports no verifier: export default async (token) => actor | null`);
  return verifier as TokenVerifier;
}
