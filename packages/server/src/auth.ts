/**
 * Who holds a bearer token is the embedding portal's business: the server asks a pluggable
 * verifier. Dev mode signs in with the example data's demo tokens (one per person, see README).
 */
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import type { VerifiedIdentity } from './identity.js';
import type { ExampleAccount } from './sdk.js';

/**
 * Who holds a bearer token, or null when the token is not (or no longer) valid: a login (the
 * value of the claim that names the person), `{ login }`, `{ personId }`, or an `Actor` (older
 * verifiers; only its `person.id` is used). The person is then looked up among the provisioned
 * people, who bring their role and relations: nothing else in a token counts.
 */
export type TokenVerifier = (token: string) => Promise<VerifiedIdentity | null>;

/** Demo sign-in: the token is the account name from the example data, e.g. 'student-noor' (looked up in the database like anyone). */
export function demoVerifier(accounts: ReadonlyArray<ExampleAccount>): TokenVerifier {
  const byToken = new Map(accounts.map((account) => [account.token, account.actor]));
  return async (token) => {
    const actor = byToken.get(token);
    return actor ? structuredClone(actor) : null;
  };
}

/**
 * Loads a verifier from an ES module (DOORSTROOM_VERIFIER): its default export, or a named
 * `verifyToken`, is `(token) => Promise<identity | null>` (see `TokenVerifier`), e.g. a check of the portal's own tokens.
 */
export async function loadVerifier(modulePath: string): Promise<TokenVerifier> {
  const module = (await import(pathToFileURL(resolve(modulePath)).href)) as { default?: unknown; verifyToken?: unknown };
  const verifier = module.verifyToken ?? module.default;
  if (typeof verifier !== 'function') throw new Error(`${modulePath} exports no verifier: export default async (token) => ({ login }) | null`);
  return verifier as TokenVerifier;
}
