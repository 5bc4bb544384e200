import { expect } from '@open-wc/testing';
import { PendingAnswers, rebaseAnswers } from './pending-answers.js';

describe('PendingAnswers', () => {
  it('after a newer version: done when the server has it, still to send when untouched there, held when changed there too', () => {
    const pending = new PendingAnswers();
    pending.touch('advies', 'advies', 'oud');
    pending.touch('advies', 'pastKeuze', undefined);
    pending.touch('advies', 'naderContact', false);
    pending.touch('advies', 'advies', 'ignored: the first origin counts');
    const draft = { advies: 'mijn tekst', pastKeuze: 'ja', naderContact: true };
    const changes = pending.reconcile(
      () => ({ advies: 'hun tekst', pastKeuze: 'ja', naderContact: false }),
      () => draft,
    );
    expect(changes).to.deep.equal([
      { sectionId: 'advies', key: 'advies', outcome: 'held' },
      { sectionId: 'advies', key: 'pastKeuze', outcome: 'settled' },
    ]);
    expect([...pending.keys('advies')]).to.deep.equal(['advies', 'naderContact']);
    expect(pending.sendable('advies')).to.deep.equal(['naderContact']);
    expect(pending.conflicts()).to.deep.equal([{ sectionId: 'advies', key: 'advies', server: 'hun tekst' }]);

    expect(pending.resolve('advies', 'advies', 'mine'), 'mine is sent').to.equal(true);
    expect(pending.anyHeld).to.equal(false);
    // The other answer is now the starting point: the next newer copy without changes is no conflict.
    pending.reconcile(
      () => ({ advies: 'hun tekst', naderContact: false }),
      () => draft,
    );
    expect(pending.anyHeld).to.equal(false);
    expect(pending.sendable('advies')).to.have.members(['advies', 'naderContact']);
  });

  it('acknowledges what the server stored, keeps typing that came after', () => {
    const pending = new PendingAnswers();
    pending.touch('advies', 'advies', null);
    pending.touch('advies', 'naderContact', null);
    pending.acknowledge('advies', { advies: 'eerst', naderContact: true }, { advies: 'eerst en daarna meer', naderContact: true });
    expect([...pending.keys('advies')]).to.deep.equal(['advies']);
    expect(pending.localDraft('d-1', 'advies', 7, { advies: 'eerst en daarna meer' })).to.include({ dossierId: 'd-1', sectionId: 'advies', baseVersion: 7 });
    expect(pending.localDraft('d-1', 'advies', 7, { advies: 'eerst en daarna meer' })!.origins).to.deep.equal({ advies: 'eerst' });
    pending.acknowledge('advies', { advies: 'eerst en daarna meer' }, { advies: 'eerst en daarna meer' });
    expect(pending.any).to.equal(false);
    expect(pending.localDraft('d-1', 'advies', 8, {})).to.equal(undefined);
  });

  it('restores a device copy: unchanged questions to send, changed ones held, already saved ones dropped', () => {
    const pending = new PendingAnswers();
    const back = pending.restore(
      { sectionId: 'advies', values: { advies: 'getypt', pastKeuze: 'nee', naderContact: true }, origins: { advies: null, pastKeuze: 'ja', naderContact: null } },
      { pastKeuze: 'twijfel', naderContact: true },
    );
    expect(back).to.deep.equal({ values: { advies: 'getypt', pastKeuze: 'nee' }, send: ['advies'] });
    expect(pending.conflicts()).to.deep.equal([{ sectionId: 'advies', key: 'pastKeuze', server: 'twijfel' }]);
    expect(pending.restore({ sectionId: 'begeleiding', values: { verzuim: true }, origins: { verzuim: null } }, { verzuim: true })).to.equal(undefined);
  });

  it('rebaseAnswers lays the unsaved answers over the server’s', () => {
    expect(rebaseAnswers({ a: 1, b: 2, c: 3 }, { a: 9, b: 2, c: undefined }, new Set(['a', 'c']))).to.deep.equal({ a: 9, b: 2 });
  });
});
