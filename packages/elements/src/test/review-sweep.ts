/**
 * The mentor part of the hostile-input tests: per payload a dossier in deelB whose deel A (and
 * the student's name) is full of it; it shows as inert text beside deel B, and every deel B text
 * field (B1 begeleiding, B2 advies) takes the payload, typed in and saved through the memory
 * backend: stored exactly, or refused with a Dutch message when too long, storing nothing.
 * Run by hostile-review.test.ts (markup payloads) and hostile-review-text.test.ts (the others).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { buildSections, localize, toStorableText, userMessageFor, type DossierApi, type SectionAnswers } from '@doorstroom/sdk';
import { describePayload, type HostilePayload } from '../../../sdk/src/testing/hostile-payloads.js';
import '../mentor-review/ddd-mentor-review.js';
import type { DddMentorReview } from '../mentor-review/ddd-mentor-review.component.js';
import { MentorReviewHarness } from '../mentor-review/harness.js';
import { getAnswer } from '../shared/fields.js';
import { control, expectInert, expectLayoutHolds, resetTrap, shadowText, textFields, typeInto, until } from './hostile-harness.js';
import { dossierOf, seededBackend } from './hostile-seed.js';

const refusedMessage = localize(userMessageFor('validation', { write: true }), 'nl');

export function sweepReview(payloads: ReadonlyArray<HostilePayload>): void {
  describe('deel A read-only and deel B', function () {
    this.timeout(280000);
    before(() => setViewport({ width: 320, height: 720 }));
    after(() => setViewport({ width: 800, height: 600 }));
    beforeEach(resetTrap);

    it(`shows deel A full of each of ${payloads.length} payloads as inert text and takes them in every deel B text field`, async () => {
      const backend = seededBackend(payloads, 'deelB');
      const mentor: DossierApi = backend.client(backend.tokens['mentor-de-vries']!);
      const config = await mentor.config();
      const partB = buildSections(config, 'vo-mbo')
        .filter((s) => s.part === 'B')
        .map((section) => ({ section, fields: textFields(section.questions) }));
      const fieldCount = partB.reduce((sum, s) => sum + s.fields.length, 0);
      expect(fieldCount).to.be.greaterThan(10);
      const el = await fixture<DddMentorReview>(html`<ddd-mentor-review lang="nl" autosave-delay="600000" .api=${mentor}></ddd-mentor-review>`);
      const review = new MentorReviewHarness(el);
      let tried = 0;

      for (const [index, payload] of payloads.entries()) {
        const label = describePayload(payload);
        const dossierId = dossierOf('deelB', index);
        el.dossierId = dossierId;
        await el.updateComplete;
        await until(() => review.dossierOpen && review.$('#mr-advies-advies'), `${label}: dossier open`);
        await el.updateComplete;
        const deelA = el.shadowRoot!.querySelector('.deel-a')!.textContent ?? '';
        // A1 roepnaam (100), A2 vrije tijd (2000), A9 waarom (4000): the payload is there as text wherever it fit.
        if (payload.value.length <= 100) expect(shadowText(el), `${label}: student name as text`).to.contain(payload.value);
        if (payload.value.length <= 4000) expect(deelA.includes(payload.value), `${label}: deel A shows it as text`).to.equal(true);
        await new Promise((resolve) => requestAnimationFrame(resolve));
        expectInert(el, `${label} deel A`);
        expectLayoutHolds(el, `${label} deel A`, '.deel-a dd');

        // Fields drop a NUL and turn half a surrogate pair into U+FFFD (toStorableText), as no backend can store them:
        // for those payloads what is stored exactly is what the field kept.
        const typed = partB.flatMap(({ section, fields }) =>
          fields.map((field) => ({ sectionId: section.id, field, value: toStorableText(typeInto(control(el, field.path, `mr-${section.id}`), payload.value)) })),
        );
        await el.updateComplete;
        const tooLong = typed.filter((t) => t.value.length > t.field.limit);
        const before = await mentor.getDossier(dossierId);
        for (const { section } of partB) {
          const refused = tooLong.filter((t) => t.sectionId === section.id);
          if (refused.length === 0) continue;
          // One section at a time: a later successful save of the other section clears the alert.
          expect(await review.save(section.id), `${label}: ${section.id} over the limit saved`).to.equal(false);
          await el.updateComplete;
          expect(el.shadowRoot!.querySelector('[role="alert"]')?.textContent ?? '', `${label}: refusal shown`).to.contain(refusedMessage);
          expect(review.saveText(section.id), `${label}: ${section.id} says it is not saved`).to.contain('Niet opgeslagen');
          expectInert(el, `${label} deel B refused`, { quick: true });
          for (const entry of refused) entry.value = typeInto(control(el, entry.field.path, `mr-${entry.sectionId}`), '');
          await el.updateComplete;
        }
        expect(await review.saveAll(), `${label}: deel B saved`).to.equal(true);
        const stored = await mentor.getDossier(dossierId);
        // Every accepted section save counts once; a refused one left no trace.
        expect(stored.version, `${label}: saves stored`).to.equal(before.version + partB.length);
        for (const { sectionId, field, value } of typed) {
          const answers: SectionAnswers = stored.answers[sectionId] ?? {};
          expect(getAnswer(answers, field.path) ?? '', `${label}: ${sectionId}.${field.path} stored exactly`).to.equal(value);
        }
        await el.updateComplete;
        expectInert(el, `${label} deel B`);
        expectLayoutHolds(el, `${label} deel B`, '.deel-a dd');
        tried += fieldCount;
      }
      expect(tried).to.equal(payloads.length * fieldCount);
    });
  });
}
