import { expect } from '@open-wc/testing';
import * as z from 'zod/mini';
import { matching, wholeNumber } from './checks.js';
import { dossierSchema } from './contract.js';
import { makeDossier } from './testing/fixtures.js';

const outcome = (schema: z.ZodMiniType, value: unknown) => {
  const result = schema.safeParse(value);
  return result.success ? { data: result.data } : { issues: result.error.issues };
};

describe('the contract’s own checks for whole numbers and patterns', () => {
  const values = [0, 1, 4, 5, -1, 1.5, -1.5, 2 ** 60, -(2 ** 60), Number.NaN, Infinity, '1', null, undefined, 'a1', '1a', 'a'.repeat(50), ''];

  it('accept and refuse what z.int() would, with the same issues', () => {
    for (const [theirs, ours] of [
      [z.number().check(z.int(), z.nonnegative()), z.number().check(wholeNumber, z.nonnegative())],
      [z.number().check(z.int(), z.gte(1), z.lte(4)), z.number().check(wholeNumber, z.gte(1), z.lte(4))],
    ] as const) {
      for (const value of values) expect(outcome(ours, value), String(value)).to.deep.equal(outcome(theirs, value));
    }
  });

  it('accept and refuse what z.regex() would, with the same issues', () => {
    const pattern = /^[a-zA-Z][a-zA-Z0-9]{0,40}$/;
    for (const value of values) expect(outcome(z.string().check(matching(pattern)), value), String(value)).to.deep.equal(outcome(z.string().check(z.regex(pattern)), value));
  });

  it('refuse a dossier whose version is not a whole number', () => {
    expect(dossierSchema.safeParse(makeDossier()).success).to.equal(true);
    expect(dossierSchema.safeParse({ ...makeDossier(), version: 2.5 }).success).to.equal(false);
  });
});
