import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { createMemoryBackend, exampleData, type DossierApi } from '@doorstroom/sdk';
import { makeDossier } from '../../../sdk/src/testing/fixtures.js';
import { ApiController, DossierController } from './api.js';
import { acceptsCopy, actorKey, clientKey, dossierBus, emit, type BusOrigin } from './events.js';

/** An element that follows one dossier, as every dossier element does; `me: false` like <ddd-progress>. */
class BusProbe extends LitElement {
  static override properties = { api: { attribute: false }, dossierId: { attribute: 'dossier-id' }, loadsMe: { type: Boolean, attribute: 'loads-me' } };
  api?: DossierApi;
  apiBase?: string;
  token?: string;
  dossierId?: string;
  loadsMe = false;
  connection!: ApiController;
  loader!: DossierController;
  override connectedCallback(): void {
    if (!this.connection) {
      this.connection = new ApiController(this, { me: this.loadsMe });
      this.loader = new DossierController(this, this.connection, () => this.dossierId);
    }
    super.connectedCallback();
  }
  override render() {
    return html`${this.loader.dossier?.version ?? ''}`;
  }
}
customElements.define('test-bus-probe', BusProbe);

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

  it('dossierBus delivers published dossiers and their origin until unsubscribed', () => {
    const seen: string[] = [];
    const stop = dossierBus.subscribe((d, origin) => seen.push(`${d.id}@${d.version}:${origin?.actor ?? '-'}`));
    dossierBus.publish(makeDossier({ id: 'd-1', version: 2 }));
    dossierBus.publish(makeDossier({ id: 'd-1', version: 3 }), { actor: 'student:s-1' });
    stop();
    dossierBus.publish(makeDossier({ id: 'd-1', version: 4 }));
    expect(seen).to.deep.equal(['d-1@2:-', 'd-1@3:student:s-1']);
  });

  it('acceptsCopy: the same client or the same person only; a portal’s own copy is taken', () => {
    const mentor: BusOrigin = { actor: actorKey({ role: 'mentor', person: { id: 'm-1', naam: 'M' } }), client: 'client-a' };
    expect(acceptsCopy(undefined, { client: 'client-b', actor: 'student:s-1' }), 'published by the page itself').to.equal(true);
    expect(acceptsCopy(mentor, { client: 'client-a' }), 'same client').to.equal(true);
    expect(acceptsCopy(mentor, { client: 'client-b', actor: 'mentor:m-1' }), 'same person, other client').to.equal(true);
    expect(acceptsCopy(mentor, { client: 'client-b', actor: 'student:s-1' }), 'another person').to.equal(false);
    expect(acceptsCopy(mentor, { client: 'client-b', actor: 'guardian:m-1' }), 'same id, other role').to.equal(false);
    expect(acceptsCopy({ client: 'client-a' }, { client: 'client-b', actor: 'mentor:m-1' }), 'unknown person, other client').to.equal(false);
    expect(acceptsCopy(mentor, { client: 'client-b' }), 'the receiver has to look up who it is').to.equal('unknown');
    const api = createMemoryBackend(exampleData()).client('student-noor');
    expect(clientKey(api)).to.equal(clientKey(api));
    expect(clientKey(api)).not.to.equal(clientKey(createMemoryBackend(exampleData()).client('student-noor')));
  });

  it('an element never takes another person’s copy of a dossier; the same person follows live', async () => {
    const backend = createMemoryBackend(exampleData());
    const client = (who: string) => backend.client(backend.tokens[who]!);
    const probe = (api: DossierApi, loadsMe: boolean) => fixture<BusProbe>(html`<test-bus-probe .api=${api} dossier-id="dossier-mohammed" ?loads-me=${loadsMe}></test-bus-probe>`);
    const mentor = await probe(client('mentor-yilmaz'), true);
    const sameMentor = await probe(client('mentor-yilmaz'), true);
    const sameMentorWithoutMe = await probe(client('mentor-yilmaz'), false);
    const student = await probe(client('student-mohammed'), true);
    const studentWithoutMe = await probe(client('student-mohammed'), false);
    const all = [mentor, sameMentor, sameMentorWithoutMe, student, studentWithoutMe];
    await waitUntil(() => all.every((p) => p.loader.status === 'ready') && mentor.connection.me && student.connection.me, 'all loaded', { timeout: 5000 });
    const studentVersion = student.loader.dossier!.version;
    expect(student.loader.dossier!.answers['advies'], 'deel B is not for the student yet').to.equal(undefined);

    const current = mentor.loader.dossier!;
    const saved = await mentor.api!.saveSection(current.id, 'advies', { advies: 'Alleen voor de mentor.' }, current.version);
    mentor.loader.replace(saved);

    await waitUntil(() => sameMentor.loader.dossier?.version === saved.version, 'the same person in another element follows', { timeout: 5000 });
    await waitUntil(() => sameMentorWithoutMe.loader.dossier?.version === saved.version, 'also when it looks up who it is first', { timeout: 5000 });
    await aTimeout(100);
    for (const other of [student, studentWithoutMe]) {
      expect(other.loader.dossier!.answers['advies'], 'no leak to the student').to.equal(undefined);
      expect(other.loader.dossier!.version).to.equal(studentVersion);
    }
  });
});
