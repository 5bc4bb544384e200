import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { makeDossier } from '../../../sdk/src/testing/fixtures.js';
import { dossierBus, emit } from './events.js';

describe('events', () => {
  it('emit dispatches a bubbling, composed event with the detail', async () => {
    const outer = await fixture<HTMLDivElement>(html`<div><span></span></div>`);
    const inner = outer.querySelector('span')!;
    const root = inner.attachShadow({ mode: 'open' });
    const deep = document.createElement('b');
    root.append(deep);
    const dossier = makeDossier();
    setTimeout(() => emit(deep, 'ddd-saved', { dossier }));
    const event = await oneEvent(outer, 'ddd-saved');
    expect(event.detail.dossier).to.equal(dossier);
    expect(event.bubbles && event.composed).to.equal(true);
  });

  it('dossierBus delivers published dossiers until unsubscribed', () => {
    const seen: string[] = [];
    const stop = dossierBus.subscribe((d) => seen.push(`${d.id}@${d.version}`));
    dossierBus.publish(makeDossier({ id: 'd-1', version: 2 }));
    stop();
    dossierBus.publish(makeDossier({ id: 'd-1', version: 3 }));
    expect(seen).to.deep.equal(['d-1@2']);
  });
});
