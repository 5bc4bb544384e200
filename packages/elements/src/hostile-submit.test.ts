/**
 * Hostile input as the free mentor name and e-mail (no roster) when a student sends deel A: the
 * dossier goes to the mentor with exactly what was typed (trimmed), or the student gets a Dutch
 * message and nothing changes. The notice that names the mentor shows the name as inert text.
 */
import { expect } from '@open-wc/testing';
import { toStorableText } from '@doorstroom/sdk';
import { setViewport } from '@web/test-runner-commands';
import { completeAnswersFor } from '../../sdk/src/testing/fixtures.js';
import { describePayload, hostilePayloads } from '../../sdk/src/testing/hostile-payloads.js';
import { FormHarness } from './dossier-form/harness.js';
import { dossierBus } from './shared/events.js';
import { control, expectInert, expectLayoutHolds, hostileBackend, mountForm, resetTrap, shadowText, typeInto, until } from './test/hostile-harness.js';

const deelA = ['persoonlijk', 'thuis', 'herkomst', 'competenties', 'ervaring', 'ondersteuning', 'vervolgkeuze', 'voorbereiding', 'motivatie'];

describe('hostile input as the free mentor name and e-mail', function () {
  this.timeout(280000);
  before(() => setViewport({ width: 320, height: 720 }));
  after(() => setViewport({ width: 800, height: 600 }));
  beforeEach(resetTrap);

  it('takes every payload as the mentor name and as the e-mail: sent exactly (trimmed) or refused in Dutch', async () => {
    const backend = hostileBackend();
    const student = backend.client(backend.tokens['student-noor']!);
    let dossier = await student.createDossier({ type: 'vo-mbo' });
    for (const sectionId of deelA) {
      dossier = await student.saveSection(dossier.id, sectionId, { ...completeAnswersFor(dossier, sectionId) }, dossier.version);
    }
    const el = await mountForm(student, dossier.id);
    const form = new FormHarness(el);
    await form.openCheckPage();
    await until(() => el.shadowRoot!.querySelector('#ddd-mentorNaam'), 'free mentor fields');
    let sent = 0;
    let refused = 0;

    const submit = async (naam: string, email: string, label: string) => {
      const before = await student.getDossier(dossier.id);
      // Fields drop a NUL and turn half a surrogate pair into U+FFFD (toStorableText), as no backend can store them.
      const typedNaam = toStorableText(typeInto(control(el, 'mentorNaam'), naam));
      const typedEmail = toStorableText(typeInto(control(el, 'mentorEmail'), email));
      await el.updateComplete;
      el.shadowRoot!.querySelector<HTMLButtonElement>('.submit button[type="submit"]')!.click();
      // The press shows at once (refused, or sending); then not busy any more, and refused (the alert) or sent (deel A read-only).
      await el.updateComplete;
      await until(() => !form.$('.submit [aria-disabled="true"]') && (form.$('.submit [role="alert"]') || form.$('.readonly')), `${label}: sent or refused`);
      await el.updateComplete;
      expectInert(el, label);
      expectLayoutHolds(el, label, '.form__notice');
      const after = await student.getDossier(dossier.id);
      if (after.status === 'bijMentor') {
        sent++;
        expect(after.mentor, label).to.deep.equal({ naam: typedNaam.trim(), email: typedEmail.trim() });
        expect(shadowText(el), label).to.contain(typedNaam.trim());
        dossierBus.publish(await student.act(dossier.id, 'returnToDeelA', undefined, after.version));
        await until(() => el.shadowRoot!.querySelector('#ddd-mentorNaam'), `${label}: back to deel A`);
      } else {
        refused++;
        expect(after.version, `${label}: nothing stored`).to.equal(before.version);
        expect(after.mentor, `${label}: mentor unchanged`).to.deep.equal(before.mentor);
        expect(el.shadowRoot!.querySelector('.submit [role="alert"]')?.textContent, label).to.match(/\S/);
      }
    };

    for (const payload of hostilePayloads) {
      const label = describePayload(payload);
      await submit(payload.value, 'mentor@debrug.example', `${label} as mentor name`);
      await submit('Mevrouw De Vries', payload.value, `${label} as mentor e-mail`);
    }
    // Most names go through; a hostile e-mail address is almost always refused before sending.
    expect(sent).to.be.greaterThan(hostilePayloads.length / 2);
    expect(refused).to.be.greaterThan(hostilePayloads.length / 2);
  });
});
