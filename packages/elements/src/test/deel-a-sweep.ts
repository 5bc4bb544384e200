/**
 * The deel A sweep of the hostile-input tests: every text field of deel A (repeat entries
 * included) takes each payload, typed in, saved through the memory backend and shown again on
 * "Controleer je antwoorden". Run by hostile.test.ts (markup payloads) and hostile-text.test.ts
 * (the others), so the two halves run side by side.
 */
import { expect } from '@open-wc/testing';
import { localize, registeredQuestionIds, toStorableText, userMessageFor } from '@doorstroom/sdk';
import { describePayload, type HostileCategory, type HostilePayload } from '../../../sdk/src/testing/hostile-payloads.js';
import type { DddDossierForm } from '../dossier-form/ddd-dossier-form.component.js';
import { FormHarness } from '../dossier-form/harness.js';
import { deelASections } from '../dossier-form/state.js';
import { getAnswer } from '../shared/fields.js';
import { control, expectInert, expectLayoutHolds, hostileSweepSetup, mountForm, openingAnswers, shadowText, textFields, typeInto, type TextField } from './hostile-harness.js';

/** Payloads that try to become markup or script; the rest is text that must survive as is. */
export const markupCategories: ReadonlyArray<HostileCategory> = ['script', 'eventHandler', 'url', 'svgMathml', 'template', 'entity'];

const refusedMessage = localize(userMessageFor('validation', { write: true }), 'nl');

export function sweepDeelA(payloads: ReadonlyArray<HostilePayload>): void {
  describe('every deel A text field', function () {
    this.timeout(280000);
    const hostile = hostileSweepSetup();

    it(`takes ${payloads.length} payloads in every deel A text field, stores them exactly and shows them inert on the check page`, async () => {
      const backend = hostile();
      const student = backend.client(backend.tokens['student-noor']!);
      const dossierId = 'dossier-noor';
      const config = await student.config();
      let dossier = await student.getDossier(dossierId);
      // What the school registered (Noor's BSN, birth date) is shown as text, not typed: no field to sweep.
      const registered = registeredQuestionIds(dossier);
      const typeable = (field: TextField) => !registered.includes(field.path) && !(field.question.when && 'question' in field.question.when && registered.includes(field.question.when.question));
      const sections = deelASections(config, 'vo-mbo')
        .map((section) => ({ section, fields: textFields(section.questions).filter(typeable) }))
        .filter(({ fields }) => fields.length > 0);
      // Every conditional text field on screen: bijbaan, dyslexie … answered so they apply.
      for (const { section } of sections) {
        const opening = Object.fromEntries(Object.entries(openingAnswers(section)).filter(([id]) => !registered.includes(id)));
        if (Object.keys(opening).length) dossier = await student.saveSection(dossierId, section.id, opening, dossier.version);
      }
      const el = await mountForm(student, dossierId);
      const fieldCount = sections.reduce((sum, s) => sum + s.fields.length, 0);
      expect(fieldCount).to.be.greaterThan(30);
      let version = dossier.version;
      let tried = 0;

      for (const payload of payloads) {
        const label = describePayload(payload);
        const typed: Array<{ sectionId: string; path: string; value: string }> = [];
        for (const { section, fields } of sections) {
          await new FormHarness(el).openSection(section.id);
          typed.push(...(await enterPayload(el, section.id, fields, payload, label)));
          tried += fields.length;
        }
        // One save per section went through; the refused ones stored nothing.
        const stored = await student.getDossier(dossierId);
        expect(stored.version, `${label}: saves stored`).to.equal(version + sections.length);
        version = stored.version;
        for (const { sectionId, path, value } of typed) {
          expect(getAnswer(stored.answers[sectionId] ?? {}, path) ?? '', `${label}: ${sectionId}.${path} stored exactly`).to.equal(value);
        }
        await new FormHarness(el).openCheckPage();
        const text = shadowText(el);
        for (const { sectionId, path, value } of typed) {
          const field = sections.find((s) => s.section.id === sectionId)!.fields.find((f) => f.path === path)!;
          if (value === '' || field.question.format === 'bsn') continue;
          expect(text.includes(value), `${label}: ${sectionId}.${path} shown as text`).to.equal(true);
        }
        await new Promise((resolve) => requestAnimationFrame(resolve));
        expectInert(el, `${label} check page`);
        expectLayoutHolds(el, `${label} check page`);
      }
      expect(tried).to.equal(payloads.length * fieldCount);
    });
  });
}

/**
 * One payload into every text field of one section. When it is too long for some of them (as
 * the field holds it: inputs drop line breaks), the save is refused with a Dutch message and
 * nothing is stored; those fields are then emptied and the rest is saved. Returns what each
 * field holds at the end, which the backend must have stored exactly.
 */
async function enterPayload(el: DddDossierForm, sectionId: string, fields: TextField[], payload: HostilePayload, label: string): Promise<Array<{ sectionId: string; path: string; value: string }>> {
  // Fields drop a NUL and turn half a surrogate pair into U+FFFD (toStorableText), as no backend can store them:
  // for those payloads what is stored exactly is what the field kept, not every typed character.
  const form = new FormHarness(el);
  const typed = fields.map((field) => ({ field, value: toStorableText(typeInto(control(el, field.path), payload.value)) }));
  const tooLong = typed.filter(({ field, value }) => value.length > field.limit);
  await el.updateComplete;
  if (tooLong.length > 0) {
    const version = form.loadedDossier!.version;
    expect(await form.saveNow(), `${label}: ${sectionId} over the limit saved`).to.equal(false);
    await el.updateComplete;
    expect(shadowText(el), `${label}: ${sectionId} refusal shown`).to.contain(refusedMessage);
    expect(form.loadedDossier!.version, `${label}: ${sectionId} refused save changed the dossier`).to.equal(version);
    expectInert(el, `${label} ${sectionId} refused`, { quick: true });
    // Nothing typed is lost: the draft still holds it until the student changes it.
    for (const { field, value } of tooLong) expect(control(el, field.path).value, `${label}: draft kept`).to.equal(value);
    for (const entry of tooLong) entry.value = typeInto(control(el, entry.field.path), '');
    await el.updateComplete;
  }
  expect(await form.saveNow(), `${label}: ${sectionId} saved`).to.equal(true);
  await el.updateComplete;
  expectInert(el, `${label} ${sectionId}`, { quick: true });
  expectLayoutHolds(el, `${label} ${sectionId}`, '.never');
  return typed.map(({ field, value }) => ({ sectionId, path: field.path, value }));
}
