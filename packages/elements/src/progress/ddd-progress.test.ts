import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { completion, createMemoryBackend, defaultRegionConfig, DossierApiError, exampleData, type Dossier, type DossierApi } from '@doorstroom/sdk';
import { completeAnswers, makeDossier } from '../../../sdk/src/testing/fixtures.js';
import { dossierBus } from '../shared/events.js';
import type { DddProgress } from './ddd-progress.component.js';
import './ddd-progress.js';
import { ProgressHarness } from './harness.js';
import '../context/ddd-context.js';
import { offerLanguages } from '../shared/i18n.js';

// English as a portal offers it (`offerLanguages('en')`, or importing lang/all): a page lang="en" then counts.
offerLanguages('en');

const today = new Date(2026, 10, 23, 12);
const backend = () => createMemoryBackend(exampleData({ today }), { now: () => today });

async function showDossier(dossier: Dossier, options: { compact?: boolean; lang?: string } = {}): Promise<ProgressHarness> {
  const wrapper = await fixture<HTMLDivElement>(html`<div lang=${options.lang ?? 'nl'}><ddd-progress .dossier=${dossier} ?compact=${options.compact}></ddd-progress></div>`);
  const progress = new ProgressHarness(wrapper.querySelector('ddd-progress')!);
  await progress.settled();
  return progress;
}

async function loadById(api: DossierApi, id: string): Promise<ProgressHarness> {
  const progress = new ProgressHarness(await fixture<DddProgress>(html`<ddd-progress .api=${api} dossier-id=${id}></ddd-progress>`));
  await progress.whenSettled('loaded');
  return progress;
}

describe('<ddd-progress>', function () {
  this.timeout(30000);
  const voMbo: Array<[Dossier['status'], string[], number]> = [
    ['concept', ['current', 'upcoming', 'upcoming', 'upcoming'], 0],
    ['bijMentor', ['done', 'current', 'upcoming', 'upcoming'], 1],
    ['deelB', ['done', 'current', 'upcoming', 'upcoming'], 1],
    ['akkoord', ['done', 'done', 'current', 'upcoming'], 2],
    ['afgerond', ['done', 'done', 'done', 'done'], 3],
  ];
  for (const [status, states, current] of voMbo) {
    it(`vo-mbo in ${status}: Deel A → Mentor → Akkoord → Afgerond with step ${current + 1} current`, async () => {
      const el = await showDossier(makeDossier({ status }));
      const shown = el.steps;
      expect(shown.map((s) => s.label)).to.deep.equal(['Deel A', 'Mentor', 'Akkoord', 'Afgerond']);
      expect(shown.map((s) => s.state)).to.deep.equal(states);
      expect(el.currentStep).to.equal(current);
      await expect(el.element).to.be.accessible();
    });
  }

  for (const type of ['mbo-mbo', 'werk-mbo'] as const) {
    for (const [status, current] of [
      ['concept', 0],
      ['akkoord', 1],
      ['afgerond', 2],
    ] as const) {
      it(`${type} in ${status}: no mentor step, step ${current + 1} current`, async () => {
        const el = await showDossier(makeDossier({ type, status }));
        expect(el.steps.map((s) => s.label)).to.deep.equal(['Deel A', 'Akkoord', 'Afgerond']);
        expect(el.currentStep).to.equal(current);
        await expect(el.element).to.be.accessible();
      });
    }
  }

  it('tells screen reader users the state of each step', async () => {
    const el = await showDossier(makeDossier({ status: 'bijMentor' }));
    const hidden = el.steps.map((s) => s.spoken);
    expect(hidden).to.deep.equal(['(klaar)', '(nu bezig)', '(nog niet)', '(nog niet)']);
  });

  it('shows each section as a labelled progressbar with its status in Dutch', async () => {
    const dossier = makeDossier({ sections: ['persoonlijk'], answers: {} });
    dossier.answers = { persoonlijk: completeAnswers('persoonlijk'), thuis: { woonsituatie: 'anders' } };
    const el = await showDossier(dossier);
    const expected = completion(dossier, defaultRegionConfig);

    expect(el.sectionStatus('persoonlijk')).to.equal('Klaar');
    expect(el.sectionStatus('thuis')).to.equal('Bezig');
    expect(el.sectionStatus('herkomst')).to.equal('Nog niet begonnen');
    for (const id of ['persoonlijk', 'thuis', 'herkomst']) {
      const progressbar = el.bar(id);
      expect(progressbar.getAttribute('aria-valuenow')).to.equal(String(expected.sections[id]!.percent));
      expect(progressbar.getAttribute('aria-valuemin')).to.equal('0');
      expect(progressbar.getAttribute('aria-valuemax')).to.equal('100');
      expect(el.nameOf(progressbar)).to.not.equal('');
    }
    expect(el.nameOf(el.bar('thuis'))).to.equal('Familie, wonen en vrije tijd');
    expect(el.bar('thuis').getAttribute('aria-valuetext')).to.equal(`${expected.sections['thuis']!.percent}%, Bezig`);
    // Deel B is left out by the backend for a student before the mentor sends it, so it is not shown.
    expect(el.text).not.to.contain('Deel B');
    expect(el.overall).to.equal(expected.partA.percent);
    await expect(el.element).to.be.accessible();
  });

  it('shows deel B when the dossier holds it', async () => {
    const dossier = makeDossier({ status: 'akkoord' });
    dossier.answers = { ...dossier.answers, begeleiding: completeAnswers('begeleiding'), advies: completeAnswers('advies') };
    const el = await showDossier(dossier);
    expect(el.text).to.contain('Deel B');
    expect(el.sectionStatus('advies')).to.equal('Klaar');
  });

  it('compact: only the steps and the overall percentage', async () => {
    const el = await showDossier(makeDossier({ status: 'bijMentor' }), { compact: true });
    expect(el.shown).to.equal(true);
    expect(el.overall).to.equal(100);
    expect(el.sections).to.deep.equal([]);
    expect(el.element.hasAttribute('compact')).to.equal(true);
    await expect(el.element).to.be.accessible();
  });

  it('switches to English when lang changes', async () => {
    const el = await showDossier(makeDossier({ sections: [] }));
    expect(el.sectionStatus('persoonlijk')).to.equal('Nog niet begonnen');
    el.element.parentElement!.setAttribute('lang', 'en');
    await waitUntil(() => el.sectionStatus('persoonlijk') === 'Not started', 'English', { timeout: 5000 });
    expect(el.steps.map((s) => s.label)).to.deep.equal(['Part A', 'Mentor', 'Agreement', 'Completed']);
    expect(el.text).to.contain('Personal details');
    await expect(el.element).to.be.accessible();
  });

  it('says clearly what is missing without any configuration', async () => {
    const el = new ProgressHarness(await fixture<DddProgress>(html`<ddd-progress dossier-id="dossier-noor"></ddd-progress>`));
    expect(el.text).to.equal('Dit onderdeel is niet ingesteld: geef een api-base of api mee.');
    await expect(el.element).to.be.accessible();
    const noId = new ProgressHarness(await fixture<DddProgress>(html`<ddd-progress .api=${backend().client('student-noor')}></ddd-progress>`));
    await waitUntil(() => noId.text.includes('dossier-id'), 'asks for a dossier', { timeout: 5000 });
  });

  it('loads by dossier-id, showing a loading state first', async () => {
    const api = backend().client('student-noor');
    const el = new ProgressHarness(await fixture<DddProgress>(html`<ddd-progress .api=${api} dossier-id="dossier-noor"></ddd-progress>`));
    expect(el.$('[role=status]')).to.exist;
    await el.until(() => el.shown, 'loaded');
    expect(el.sectionStatus('persoonlijk')).to.equal('Klaar');
    expect(el.sectionStatus('motivatie')).to.equal('Nog niet begonnen');
    await expect(el.element).to.be.accessible();
  });

  it('a mentor sees deel B of a dossier in deelB', async () => {
    const el = await loadById(backend().client('mentor-yilmaz'), 'dossier-mohammed');
    expect(el.currentStep).to.equal(1);
    expect(el.text).to.contain('Deel B');
  });

  it('says when the dossier does not exist', async () => {
    const el = await loadById(backend().client('student-noor'), 'dossier-bestaat-niet');
    expect(el.text).to.contain('Dit dossier bestaat niet (meer)');
    await expect(el.element).to.be.accessible();
  });

  it('shows a failure with a retry button that loads again', async () => {
    const real = backend().client('student-noor');
    let fail = true;
    const api: DossierApi = {
      ...real,
      config: () => real.config(),
      getDossier: (id) => (fail ? Promise.reject(new DossierApiError({ kind: 'server', message: '500' })) : real.getDossier(id)),
    };
    const el = await loadById(api, 'dossier-noor');
    expect(el.text).to.contain('Er ging iets mis bij de server');
    await expect(el.element).to.be.accessible();
    fail = false;
    await el.retry();
    await el.until(() => el.shown, 'loaded after retry');
  });

  it('updates live when another element on the page saves the dossier', async () => {
    const memory = backend();
    const api = memory.client('student-noor');
    const el = await loadById(api, 'dossier-noor');
    expect(el.sectionStatus('motivatie')).to.equal('Nog niet begonnen');
    const before = await api.getDossier('dossier-noor');
    const saved = await api.saveSection('dossier-noor', 'motivatie', completeAnswers('motivatie'), before.version);
    dossierBus.publish(saved);
    await waitUntil(() => el.sectionStatus('motivatie') === 'Klaar', 'follows the save', { timeout: 5000 });
    // An older version arriving late is ignored; other dossiers are ignored.
    dossierBus.publish(before);
    dossierBus.publish({ ...saved, id: 'dossier-other', answers: {} });
    await el.settled();
    expect(el.sectionStatus('motivatie')).to.equal('Klaar');
  });

  it('gets its backend from <ddd-context>', async () => {
    const api = backend().client('student-noor');
    const wrapper = await fixture<HTMLElement>(html`<ddd-context .api=${api} lang="en"><ddd-progress dossier-id="dossier-noor"></ddd-progress></ddd-context>`);
    const el = new ProgressHarness(wrapper.querySelector('ddd-progress')!);
    await el.until(() => el.shown, 'loaded through the context');
    expect(el.sectionStatus('persoonlijk')).to.equal('Done');
  });
});
