import { expect } from '@open-wc/testing';
import type { DossierSummary } from '@doorstroom/sdk';
import { bestChoice, furthestDossier, patchFor } from './state.js';

const summary = (overrides: Partial<DossierSummary>): DossierSummary => ({
  id: 'd',
  type: 'vo-mbo',
  status: 'concept',
  archived: false,
  version: 1,
  student: { id: 's', naam: 'S' },
  mentor: null,
  keuze: null,
  percentA: 0,
  updatedAt: '2026-11-01T10:00:00.000Z',
  ...overrides,
});

describe('mentor list logic', () => {
  it('picks the furthest active dossier and its choice', () => {
    const dossiers = [
      summary({ id: 'a', status: 'akkoord', archived: true, keuze: 'Kok' }),
      summary({ id: 'b', status: 'bijMentor', keuze: 'Verzorgende IG' }),
      summary({ id: 'c', status: 'concept', percentA: 90, keuze: null }),
    ];
    expect(furthestDossier(dossiers)?.id).to.equal('b');
    expect(bestChoice(dossiers)).to.equal('Verzorgende IG');
    expect(furthestDossier([])).to.equal(undefined);
  });

  it('sends null for answers that were cleared, so the backend forgets them', () => {
    expect(patchFor({ advies: 'oud', naderContact: true }, { advies: '', pastKeuze: 'ja' })).to.deep.equal({
      advies: null,
      pastKeuze: 'ja',
      naderContact: null,
    });
  });
});
