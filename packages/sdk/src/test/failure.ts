/** Test support for the client's tests (not published): how a call that must fail failed. */
import { expect } from '@open-wc/testing';
import { isDossierApiError, type DossierApiError } from '../errors.js';

/** The rejection of `promise` as a DossierApiError (fails the test when it resolves). */
export async function failure(promise: Promise<unknown>): Promise<DossierApiError> {
  try {
    await promise;
  } catch (error) {
    expect(isDossierApiError(error), String(error)).to.equal(true);
    return error as DossierApiError;
  }
  throw new Error('expected the call to fail');
}
