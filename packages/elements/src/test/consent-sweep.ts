/**
 * The consent part of the hostile-input tests: per payload a dossier in akkoord whose deel A and
 * deel B (and the student's name) are full of it. The student reads it (inert, wrapping), types
 * the payload as the remark "waarom niet akkoord", the guardian types it as their name; both
 * saved through the memory backend (exactly, or refused with a message and nothing stored); the
 * student finalizes and the afgerond summary shows both as plain text.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { toStorableText, type DossierApi } from '@doorstroom/sdk';
import { describePayload, type HostilePayload } from '../../../sdk/src/testing/hostile-payloads.js';
import '../consent/ddd-consent.js';
import type { DddConsent } from '../consent/ddd-consent.component.js';
import { ConsentHarness } from '../consent/harness.js';
import { dossierBus } from '../shared/events.js';
import { control, expectInert, expectLayoutHolds, resetTrap, shadowText, typeInto, until } from './hostile-harness.js';
import { dossierOf, hostileGuardian, seededBackend, studentOf } from './hostile-seed.js';

/** Opens the dossier as a person (student or guardian) and waits until the element recorded that they read it. */
async function open(el: DddConsent, api: DossierApi, dossierId: string, label: string): Promise<void> {
  el.api = api;
  el.dossierId = dossierId;
  await el.updateComplete;
  const consent = new ConsentHarness(el);
  await until(() => consent.inzageRecorded && consent.formShown, `${label}: opened and read`);
  await el.updateComplete;
}

/** Presses "Akkoord geven" or "Toestemming geven"; resolves once the save went through or failed, or the form showed what is wrong. */
const submit = (el: DddConsent) => new ConsentHarness(el).submitOutcome(10000);

export function sweepConsent(payloads: ReadonlyArray<HostilePayload>): void {
  describe('consent remark and guardian name', function () {
    this.timeout(280000);
    before(() => setViewport({ width: 320, height: 720 }));
    after(() => setViewport({ width: 800, height: 600 }));
    beforeEach(resetTrap);

    it(`takes ${payloads.length} payloads as remark and guardian name, and shows a dossier full of them inert`, async () => {
      const backend = seededBackend(payloads, 'akkoord');
      const guardian = backend.client(backend.tokens[hostileGuardian]!);
      const student = await fixture<DddConsent>(html`<ddd-consent lang="nl"></ddd-consent>`);
      const parent = await fixture<DddConsent>(html`<ddd-consent lang="nl"></ddd-consent>`);

      for (const [index, payload] of payloads.entries()) {
        const label = describePayload(payload);
        const dossierId = dossierOf('akkoord', index);
        const studentApi = backend.client(backend.tokens[studentOf(index)]!);

        await open(student, studentApi, dossierId, `${label} student`);
        const dossierText = student.shadowRoot!.querySelector('.dossier')!.textContent ?? '';
        if (payload.value.length <= 4000) expect(dossierText.includes(payload.value), `${label}: the dossier shows it as text`).to.equal(true);
        await new Promise((resolve) => requestAnimationFrame(resolve));
        expectInert(student, `${label} consent dossier`);
        expectLayoutHolds(student, `${label} consent dossier`);

        // The student does not agree and says why: the remark is the payload.
        student.shadowRoot!.querySelector<HTMLInputElement>('#ak-akkoord-1')!.click();
        await student.updateComplete;
        // Fields drop a NUL and turn half a surrogate pair into U+FFFD (toStorableText), as no backend can store them:
        // for those payloads the remark and the name are stored as the field kept them.
        let reden = toStorableText(typeInto(control(student, 'redenNietAkkoord', 'ak'), payload.value));
        const toestemming = control(student, 'toestemming', 'ak') as HTMLInputElement;
        if (!toestemming.checked) toestemming.click();
        await student.updateComplete;
        const beforeSave = await studentApi.getDossier(dossierId);
        let outcome = await submit(student);
        if (reden === '') {
          // A remark that was only a NUL is empty once the field dropped it: "Akkoord geven" asks for one and saves nothing.
          expect(outcome, `${label}: an empty remark is asked for`).to.equal('invalid');
          expect((await studentApi.getDossier(dossierId)).version, `${label}: nothing saved`).to.equal(beforeSave.version);
          reden = typeInto(control(student, 'redenNietAkkoord', 'ak'), 'Ik wil eerst met mijn mentor praten.');
          await student.updateComplete;
          outcome = await submit(student);
        }
        let saved = await studentApi.getDossier(dossierId);
        // Too long: "Akkoord geven" checks before it sends, says what is wrong and sends nothing.
        expect(outcome, `${label}: remark saved unless too long`).to.equal(reden.length > 4000 ? 'invalid' : 'saved');
        if (outcome !== 'saved') {
          expect(shadowText(student), `${label}: remark refused with a message`).to.contain('Dit is te lang');
          expect(saved.version, `${label}: refused remark stored`).to.equal(beforeSave.version);
          reden = typeInto(control(student, 'redenNietAkkoord', 'ak'), 'Ik wil eerst met mijn mentor praten.');
          await student.updateComplete;
          expect(await submit(student)).to.equal('saved');
          saved = await studentApi.getDossier(dossierId);
        }
        expect(saved.answers['akkoordverklaring']?.['redenNietAkkoord'] ?? '', `${label}: remark stored exactly`).to.equal(reden);
        expectInert(student, `${label} consent form`);

        // The guardian reads the same dossier and gives consent under the payload as name.
        await open(parent, guardian, dossierId, `${label} guardian`);
        expectInert(parent, `${label} guardian view`);
        expectLayoutHolds(parent, `${label} guardian view`);
        let naam = toStorableText(typeInto(control(parent, 'naam', 'og'), payload.value));
        parent.shadowRoot!.querySelector<HTMLInputElement>('#og-relatie-0')!.click();
        const consent = control(parent, 'toestemming', 'og') as HTMLInputElement;
        if (!consent.checked) consent.click();
        await parent.updateComplete;
        const beforeGuardian = await guardian.getDossier(dossierId);
        if ((await submit(parent)) !== 'saved') {
          // Too long (200) or only spaces: the form says what is wrong, nothing was stored.
          expect(naam.length > 200 || naam.trim() === '', `${label}: guardian name refused`).to.equal(true);
          expect(parent.shadowRoot!.querySelector('.ddd-error-summary__list li, [role="alert"]'), `${label}: the guardian sees why`).to.exist;
          expect((await guardian.getDossier(dossierId)).version, `${label}: refused name stored`).to.equal(beforeGuardian.version);
          naam = typeInto(control(parent, 'naam', 'og'), 'Ouder Test');
          await parent.updateComplete;
          expect(await submit(parent)).to.equal('saved');
        }
        const withConsent = await guardian.getDossier(dossierId);
        expect(withConsent.answers['ouderToestemming']?.['naam'], `${label}: guardian name stored exactly`).to.equal(naam);
        expectInert(parent, `${label} guardian saved`);

        // Afgerond: the summary shows the remark and the guardian's name as text.
        const final = await studentApi.act(dossierId, 'finalize', undefined, withConsent.version);
        dossierBus.publish(final);
        await until(() => student.shadowRoot!.querySelector('.summary'), `${label}: afgerond`);
        await student.updateComplete;
        const summary = student.shadowRoot!.querySelector('.summary')!.textContent ?? '';
        expect(summary.includes(reden), `${label}: remark in the summary`).to.equal(true);
        expect(summary.includes(naam), `${label}: guardian name in the summary`).to.equal(true);
        await new Promise((resolve) => requestAnimationFrame(resolve));
        expectInert(student, `${label} afgerond`);
        expectLayoutHolds(student, `${label} afgerond`);
      }
    });
  });
}
