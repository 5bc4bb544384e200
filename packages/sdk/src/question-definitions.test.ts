import { expect } from '@open-wc/testing';
import { defaultRegionConfig, type RegionConfig } from './config.js';
import { questionDefinitions, questionDefinitionsSchema } from './question-definitions.js';
import { validateAnswer } from './validators.js';
import { buildSections } from './config.js';

describe('questionDefinitions (docs/questions.json)', () => {
  it('gives every section and question of the region with the limits the validators check', () => {
    const doc = questionDefinitions();
    expect(questionDefinitionsSchema.safeParse(doc).success).to.equal(true);
    expect(doc.sections.map((s) => s.code)).to.include.members(['A1', 'A9', 'B1', 'B2']);
    const sections = buildSections(defaultRegionConfig);
    for (const section of sections) {
      const docSection = doc.sections.find((s) => s.id === section.id)!;
      expect(
        docSection.questions.map((q) => q.id),
        section.id,
      ).to.deep.equal(section.questions.map((q) => q.id));
      for (const question of section.questions) {
        const docQuestion = docSection.questions.find((q) => q.id === question.id)!;
        if (question.kind === 'text' && question.maxLength !== undefined && !question.format) {
          // The limit in the document is the one validateAnswer enforces.
          expect(validateAnswer(question, 'x'.repeat(docQuestion.maxLength!))).to.equal(undefined);
          expect(validateAnswer(question, 'x'.repeat(docQuestion.maxLength! + 1))?.code).to.equal('maxLength');
        }
        if (question.kind === 'choice') {
          for (const option of docQuestion.options!) expect(validateAnswer(question, option.value), `${section.id}.${question.id}`).to.equal(undefined);
        }
      }
    }
  });

  it("follows a vendor's own region config: switched-off sections, extra questions, sharing", () => {
    const region: RegionConfig = {
      ...defaultRegionConfig,
      id: 'rmc-west',
      naam: 'RMC West',
      disabledSections: ['voorbereiding'],
      sharing: { 'motivatie.waarom': 'optIn' },
      extraQuestions: {
        motivatie: [{ id: 'openDag', label: { nl: 'Ben je naar een open dag geweest?', en: 'Did you go to an open day?' }, kind: 'yesNo', required: false }],
      },
    };
    const doc = questionDefinitions(region);
    expect(doc.region).to.include({ id: 'rmc-west', naam: 'RMC West' });
    expect(doc.sections.map((s) => s.id)).not.to.include('voorbereiding');
    const motivatie = doc.sections.find((s) => s.id === 'motivatie')!;
    expect(motivatie.questions.at(-1)).to.deep.include({ id: 'openDag', kind: 'yesNo', label: 'Ben je naar een open dag geweest?', required: false });
    expect(motivatie.questions.find((q) => q.id === 'waarom')?.sharing).to.equal('optIn');
  });
});
