import { expect } from '@open-wc/testing';
import { buildSections, defaultRegionConfig } from './config.js';

describe('buildSections', () => {
  it('fills A4 with the region competences', () => {
    const a4 = buildSections(defaultRegionConfig).find((s) => s.id === 'competenties');
    expect(a4?.questions.map((q) => q.id)).to.include('samenwerken');
  });
});
