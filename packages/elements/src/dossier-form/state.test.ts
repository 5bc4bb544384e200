import { expect } from '@open-wc/testing';
import { defaultRegionConfig, DossierApiError, type Dossier } from '@doorstroom/sdk';
import { makeDossier } from '../../../sdk/src/testing/fixtures.js';
import { AutosaveQueue, type AutosaveHost } from './autosave.js';
import { applyChoiceChange, deadlineText, rebaseDrafts } from './state.js';

const albeda = { id: '00GT', label: 'Albeda', detail: { brin: '00GT' } };
const mondriaan = { id: '27GZ', label: 'ROC Mondriaan', detail: { brin: '27GZ' } };

describe('dossier-form state', () => {
  it('another instelling clears locatie and opleiding and asks to confirm again', () => {
    const answers = { instelling: albeda, locatie: { id: '00GT00', label: 'Rosestraat' }, opleiding: { id: 'x', label: 'Kok' }, bevestigd: true };
    const result = applyChoiceChange(answers, 'instelling', mondriaan);
    expect(result.answers).to.deep.equal({ instelling: mondriaan, locatie: null, opleiding: null, bevestigd: false });
    expect(result.changed).to.have.members(['instelling', 'locatie', 'opleiding', 'bevestigd']);
    expect(applyChoiceChange(answers, 'instelling', albeda).changed).to.deep.equal(['instelling', 'bevestigd']);
  });

  it('puts unsaved answers back on top of a newer dossier', () => {
    const fresh = makeDossier({ sections: [] });
    fresh.answers = { motivatie: { waarom: 'van elders', later: 'Kok' } };
    const drafts = { motivatie: { waarom: 'mijn tekst', later: 'oud' } };
    const rebased = rebaseDrafts(fresh, drafts, (id) => new Set(id === 'motivatie' ? ['waarom'] : []));
    expect(rebased['motivatie']).to.deep.equal({ waarom: 'mijn tekst', later: 'Kok' });
  });

  it('shows the region’s own registration deadline', () => {
    expect(deadlineText(defaultRegionConfig, 'nl', (date) => `vóór ${date}`)).to.equal('vóór 1 april');
    const march = { ...defaultRegionConfig, registrationDeadline: { month: 3, day: 15 } };
    expect(deadlineText(march, 'nl', (date) => `vóór ${date}`)).to.equal('vóór 15 maart');
  });
});

describe('AutosaveQueue', () => {
  function setup(save: AutosaveHost['save']) {
    let dossier: Dossier = makeDossier({ sections: [] });
    const drafts: Record<string, Record<string, unknown>> = { motivatie: {} };
    const queue = new AutosaveQueue({
      dossier: () => dossier,
      draft: (id) => (drafts[id] ?? {}) as never,
      save,
      reload: async () => dossier,
      saved: (d) => (dossier = d),
      refreshed: (d) => (dossier = d),
      failed: () => {},
      changed: () => {},
    });
    queue.delay = 10_000;
    return { queue, drafts, dossier: () => dossier };
  }

  it('keeps a failed change queued and sends it with the next attempt', async () => {
    const sent: Record<string, unknown>[] = [];
    let fail = true;
    const { queue, drafts } = setup(async (_id, _section, answers, version) => {
      sent.push(answers);
      if (fail) throw new DossierApiError({ kind: 'server', status: 500, message: 'boom (test)', write: true });
      return { ...makeDossier({ sections: [] }), version: version + 1 };
    });
    drafts['motivatie'] = { waarom: 'eerste' };
    queue.change('motivatie', 'waarom');
    expect(await queue.flush()).to.equal(false);
    expect(queue.state).to.equal('error');
    expect([...queue.pendingKeys('motivatie')]).to.deep.equal(['waarom']);
    fail = false;
    drafts['motivatie'] = { waarom: 'eerste', later: '' };
    queue.change('motivatie', 'later');
    expect(await queue.flush()).to.equal(true);
    expect(sent[1]).to.deep.equal({ waarom: 'eerste', later: '' });
    expect(queue.state).to.equal('saved');
    queue.dispose();
  });

  it('sends null for an answer that was removed from the draft', async () => {
    const sent: Record<string, unknown>[] = [];
    const { queue } = setup(async (_id, _section, answers, version) => {
      sent.push(answers);
      return { ...makeDossier({ sections: [] }), version: version + 1 };
    });
    queue.change('motivatie', 'later');
    await queue.flush();
    expect(sent).to.deep.equal([{ later: null }]);
  });
});
