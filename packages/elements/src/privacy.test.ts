/**
 * Privacy in what people see: the BSN masked everywhere except the student's own A1 field, print
 * showing nothing the screen hid, the MBO seeing nothing before afgerond and only what is shared
 * after, and a student downloading all their own data (AVG inzage) and nothing of anyone else.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import { isDossierApiError, isValidBsn, type DossierApi, type MemoryBackend } from '@doorstroom/sdk';
import { today } from '../../sdk/src/testing/fixtures.js';
import './index.js';
import type { DddConsent } from './consent/ddd-consent.component.js';
import type { DddDossierForm } from './dossier-form/ddd-dossier-form.component.js';
import { FormHarness } from './dossier-form/harness.js';
import { deelASections } from './dossier-form/state.js';
import type { DddMentorReview } from './mentor-review/ddd-mentor-review.component.js';
import type { DddProgress } from './progress/ddd-progress.component.js';
import { maskBsn } from './shared/format.js';
import { expectBsnOnlyIn } from './test/dom-strings.js';
import { hostileBackend, shadowText, typeInto, until } from './test/hostile-harness.js';

const bsn = { noor: '305284174', lisa: '527631048', emma: '749853268', daan: '416520935', sam: '234567818' };

let backend: MemoryBackend;
const as = (person: string): DossierApi => backend.client(backend.tokens[person]!);

async function mount<T extends HTMLElement>(tag: string, person: string, dossierId?: string): Promise<T> {
  const container = await fixture<HTMLDivElement>(html`<div lang="nl"></div>`);
  const element = document.createElement(tag) as T & { api: DossierApi; today?: Date };
  if (dossierId) element.setAttribute('dossier-id', dossierId);
  element.api = as(person);
  if (tag === 'ddd-dossier-form') element.today = today;
  container.append(element);
  return element;
}

/** Elements of the shadow root a reader can see now (rendered, not display:none/hidden). */
function visibleElements(host: Element): Set<Element> {
  return new Set([...host.shadowRoot!.querySelectorAll('*')].filter((e) => e.checkVisibility({ checkVisibilityCSS: true } as CheckVisibilityOptions)));
}

/** In print, nothing shows that the screen did not show (collapsed lists, drafts, hidden popups). */
async function expectPrintRevealsNothing(host: Element, label: string): Promise<Set<Element>> {
  const screen = visibleElements(host);
  await emulateMedia({ media: 'print' });
  try {
    const printed = visibleElements(host);
    const revealed = [...printed].filter((e) => !screen.has(e)).map((e) => `<${e.localName} class="${e.className}">`);
    expect(revealed, `${label}: shown only in print`).to.deep.equal([]);
    expect(printed.size, `${label}: print leaves out buttons`).to.be.lessThan(screen.size);
    return printed;
  } finally {
    await emulateMedia({ media: 'screen' });
  }
}

/** No student's whole BSN anywhere under `root` (text, attributes, values, shadow roots), except `owner`'s in `field`. */
function expectNoWholeBsn(root: Node, label: string, owner?: { bsn: string; field: Element }): void {
  // Registered BSNs and those only typed in A1 (Daan's: nobody registered him).
  const every = new Set([...backend.data.students.flatMap((s) => (s.bsn ? [s.bsn] : [])), ...Object.values(bsn)]);
  for (const number of every) {
    const allowed = owner && number === owner.bsn ? [owner.field] : [];
    expectBsnOnlyIn(root, number, label, allowed);
  }
}

/** Daan (werk-mbo, nobody registered him) starts a new dossier from his own: A1 holds the BSN he typed. */
async function daanConcept(): Promise<string> {
  return (await as('student-daan').createDossier({ type: 'werk-mbo', copyFrom: 'dossier-daan' })).id;
}

const progressShown = (progress: DddProgress) => progress.shadowRoot?.querySelector('.overall');

const printedText = (elements: Set<Element>) => [...elements].flatMap((e) => [...e.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent)).join(' ');

describe('privacy', function () {
  this.timeout(30000);
  before(() => setViewport({ width: 320, height: 720 }));
  after(() => setViewport({ width: 800, height: 600 }));
  beforeEach(() => (backend = hostileBackend()));

  it('masks the BSN like •••••4174', () => {
    expect(maskBsn('305284174')).to.equal('•••••4174');
    expect(maskBsn(' 305284174 ')).to.equal('•••••4174');
    expect(maskBsn('1234')).to.equal('•••••');
    expect(maskBsn('<img src=x onerror=alert(1)>'.repeat(100))).to.equal('•••••(1)>');
  });

  it('shows a BSN the school registered masked, even in A1, where it cannot be changed', async () => {
    const form = await mount<DddDossierForm>('ddd-dossier-form', 'student-noor', 'dossier-noor');
    const harness = new FormHarness(form);
    await harness.whenOpen();
    await harness.openSection('persoonlijk');
    expect(form.shadowRoot!.querySelector('#ddd-bsn input, input#ddd-bsn'), 'no field to type in').to.equal(null);
    expect(shadowText(form)).to.contain(maskBsn(bsn.noor));
    expectNoWholeBsn(form, 'registered A1');
  });

  it('shows a typed BSN whole only in the student’s own A1 field; check your answers and print mask it', async () => {
    const form = await mount<DddDossierForm>('ddd-dossier-form', 'student-daan', await daanConcept());
    const harness = new FormHarness(form);
    await harness.whenOpen();
    await harness.openSection('persoonlijk');
    expect(form.shadowRoot!.querySelector<HTMLInputElement>('#ddd-bsn')!.value).to.equal(bsn.daan);
    await harness.openCheckPage();
    expect(shadowText(form)).to.contain(maskBsn(bsn.daan)).and.not.to.contain(bsn.daan);
    const printed = await expectPrintRevealsNothing(form, 'check page');
    expect(printedText(printed)).to.contain(maskBsn(bsn.daan)).and.not.to.contain(bsn.daan);
  });

  it('masks the BSN in the mentor’s read-only deel A, also in print, and prints no deel B drafts', async () => {
    const mentor = await mount<DddMentorReview>('ddd-mentor-review', 'mentor-de-vries', 'dossier-lisa');
    await until(() => mentor.shadowRoot!.querySelector('.deel-a .ro-answers'), 'deel A');
    expect(shadowText(mentor)).to.contain(maskBsn(bsn.lisa)).and.not.to.contain(bsn.lisa);
    expectNoWholeBsn(mentor, 'mentor dossier page');
    const printed = await expectPrintRevealsNothing(mentor, 'mentor');
    const text = printedText(printed);
    expect(text).to.contain(maskBsn(bsn.lisa));
    expect(
      [...printed].some((e) => e.closest('.deel-b, .actions, .toolbar')),
      'deel B, actions and buttons are not printed',
    ).to.equal(false);
  });

  it('masks the BSN for the student and the guardian in the akkoordverklaring', async () => {
    for (const person of ['student-emma', 'guardian-bakker']) {
      const consent = await mount<DddConsent>('ddd-consent', person, 'dossier-emma');
      await until(() => consent.shadowRoot!.querySelector('.dossier'), `${person}: dossier`);
      expect(shadowText(consent), person).to.contain(maskBsn(bsn.emma)).and.not.to.contain(bsn.emma);
      expectNoWholeBsn(consent, `${person} consent`);
      await expectPrintRevealsNothing(consent, person);
    }
  });

  it('lets the MBO see nothing before afgerond, and afterwards only what is shared, BSN masked', async () => {
    const mbo = as('mbo-roc-midden-nederland');
    const refusal = await mbo.getDossier('dossier-daan').catch((error: unknown) => error);
    expect(isDossierApiError(refusal) && refusal.kind, 'akkoord: not found for the MBO').to.equal('notFound');
    expect((await mbo.listDossiers()).items.map((d) => d.id)).not.to.include('dossier-daan');
    const before = await mount<DddConsent>('ddd-consent', 'mbo-roc-midden-nederland', 'dossier-daan');
    await until(() => shadowText(before).includes('bestaat niet'), 'not found message');
    expect(shadowText(before)).not.to.contain('Verhoeven');

    // Daan (19) reads, agrees, shares everything except A6 ondersteuning, and finalizes.
    const daan = as('student-daan');
    let dossier = await daan.act('dossier-daan', 'recordInzage', undefined, (await daan.getDossier('dossier-daan')).version);
    const offered = ['thuis', 'herkomst', 'competenties', 'ervaring', 'voorbereiding', 'motivatie', 'ondersteuning'];
    dossier = await daan.saveSection('dossier-daan', 'akkoordverklaring', { akkoord: 'ja', toestemming: true, delen: offered.filter((id) => id !== 'ondersteuning') }, dossier.version);
    await daan.act('dossier-daan', 'finalize', undefined, dossier.version);

    const shared = await mbo.getDossier('dossier-daan');
    expect(shared.answers['ondersteuning'], 'not shared: ondersteuning').to.equal(undefined);
    expect(shared.answers['persoonlijk']?.['bsn'], 'the BSN is verplicht').to.equal(bsn.daan);
    const other = await as('mbo-albeda')
      .getDossier('dossier-daan')
      .catch((error: unknown) => error);
    expect(isDossierApiError(other) && other.kind, 'another MBO').to.equal('notFound');

    const after = await mount<DddConsent>('ddd-consent', 'mbo-roc-midden-nederland', 'dossier-daan');
    await until(() => after.shadowRoot!.querySelector('.dossier'), 'afgerond for the MBO');
    const text = shadowText(after);
    expect(text).to.contain(maskBsn(bsn.daan)).and.not.to.contain(bsn.daan);
    expectNoWholeBsn(after, 'MBO consent view');
    expect(text).not.to.contain('korte opdrachten en pauzes'); // Daan's A6 answer
    const printed = await expectPrintRevealsNothing(after, 'MBO print');
    expect(printedText(printed)).not.to.contain(bsn.daan);
  });

  describe('the whole BSN in the DOM: text, attributes, values, every shadow root', () => {
    it('holds every BSN valid, so a leak is a real one', () => {
      for (const student of backend.data.students) if (student.bsn) expect(isValidBsn(student.bsn), student.id).to.equal(true);
    });

    it('is only in the student’s own A1 field: every page of the form, a changed BSN, progress and the context around them', async () => {
      const dossierId = await daanConcept();
      const page = await fixture<HTMLDivElement>(html`<div lang="nl">
        <ddd-context .api=${as('student-daan')}>
          <ddd-progress dossier-id=${dossierId}></ddd-progress>
          <ddd-dossier-form dossier-id=${dossierId} autosave-delay="600000" .today=${today}></ddd-dossier-form>
        </ddd-context>
      </div>`);
      const form = page.querySelector<DddDossierForm>('ddd-dossier-form')!;
      const progress = page.querySelector<DddProgress>('ddd-progress')!;
      const harness = new FormHarness(form);
      await until(() => form.shadowRoot!.querySelector('#form-heading') && form.shadowRoot!.querySelector('.tasks') && progressShown(progress), 'dossier and progress');
      expectNoWholeBsn(page, 'opened');
      const field = () => form.shadowRoot!.querySelector<HTMLInputElement>('#ddd-bsn')!;
      for (const section of deelASections(await as('student-daan').config(), 'werk-mbo')) {
        await harness.openSection(section.id);
        if (section.id !== 'persoonlijk') {
          expectNoWholeBsn(page, section.id);
          continue;
        }
        const holding = expectBsnOnlyIn(page, bsn.daan, 'A1', [field()]);
        expect(
          holding.map((place) => place.node),
          'the walk finds the A1 field',
        ).to.deep.equal([field()]);
        expectNoWholeBsn(page, 'A1', { bsn: bsn.daan, field: field() });
      }
      await harness.openCheckPage();
      expectNoWholeBsn(page, 'check page');

      // Daan corrects his BSN: the draft, the save and progress following it show it only in the field.
      const corrected = '111222333';
      expect(isValidBsn(corrected)).to.equal(true);
      await harness.openSection('persoonlijk');
      typeInto(field(), corrected);
      await form.updateComplete;
      expectBsnOnlyIn(page, corrected, 'corrected, not saved yet', [field()]);
      // Progress follows the save the page announces (ddd-dossier-changed; the same client, so at once).
      const announced = oneEvent(window, 'ddd-dossier-changed');
      expect(await harness.saveNow(), 'saved').to.equal(true);
      expect((await announced).detail.dossier.version, 'progress follows the save').to.equal((await as('student-daan').getDossier(dossierId)).version);
      await progress.updateComplete;
      await form.updateComplete;
      expectBsnOnlyIn(page, corrected, 'corrected and saved', [field()]);
      await harness.openCheckPage();
      expect(shadowText(form)).to.contain(maskBsn(corrected));
      expectBsnOnlyIn(page, corrected, 'corrected, check page');
    });

    it('is in no view of the mentor: both work lists, the B1 page, the dossier with its history, and progress', async () => {
      const page = await fixture<HTMLDivElement>(html`<div lang="nl">
        <ddd-context .api=${as('mentor-de-vries')}><ddd-mentor-review autosave-delay="600000"></ddd-mentor-review></ddd-context>
      </div>`);
      const mentor = page.querySelector<DddMentorReview>('ddd-mentor-review')!;
      await until(() => mentor.shadowRoot!.querySelector('.cards'), 'Te behandelen');
      expectNoWholeBsn(page, 'Te behandelen');
      mentor.view = 'mijnLeerlingen';
      await until(() => mentor.shadowRoot!.querySelector('#filter-q') && mentor.shadowRoot!.querySelector('tbody tr'), 'Mijn leerlingen');
      expectNoWholeBsn(page, 'Mijn leerlingen');
      const begeleiding = [...mentor.shadowRoot!.querySelectorAll<HTMLButtonElement>('tbody .ov-action')].find((b) => b.textContent?.includes('egeleiding'));
      expect(begeleiding, 'a student whose dossier the mentor does not hold').to.not.equal(undefined);
      begeleiding!.click();
      await until(() => mentor.shadowRoot!.querySelector('.deel-b, form') && !mentor.shadowRoot!.querySelector('#filter-q'), 'the B1 page');
      await until(() => !/laden…/i.test(shadowText(mentor)), 'B1 loaded');
      expectNoWholeBsn(page, 'B1 page');

      mentor.dossierId = 'dossier-lisa';
      const progress = document.createElement('ddd-progress') as DddProgress;
      progress.setAttribute('dossier-id', 'dossier-lisa');
      page.querySelector('ddd-context')!.append(progress);
      await until(() => mentor.shadowRoot!.querySelector('.deel-a .ro-answers') && mentor.shadowRoot!.querySelector('.history-list') && progressShown(progress), 'dossier, history and progress');
      expect(shadowText(mentor)).to.contain(maskBsn(bsn.lisa));
      expectNoWholeBsn(page, 'dossier page');
    });

    it('is in no progress view of the student, the guardian or the MBO', async () => {
      for (const [person, dossierId] of [
        ['student-emma', 'dossier-emma'],
        ['guardian-bakker', 'dossier-emma'],
        ['mbo-roc-midden-nederland', 'dossier-sam'],
        ['student-sam', 'dossier-sam'],
      ] as const) {
        const progress = await mount<DddProgress>('ddd-progress', person, dossierId);
        await until(() => progressShown(progress), `${person}: progress`);
        expectNoWholeBsn(progress, `${person} progress`);
      }
    });
  });

  describe('Download mijn gegevens', () => {
    let clicked: Array<{ href: string; download: string }>;
    let blobs: Blob[];
    const originalClick = HTMLAnchorElement.prototype.click;
    const originalCreate = URL.createObjectURL;

    beforeEach(() => {
      clicked = [];
      blobs = [];
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        clicked.push({ href: this.href, download: this.download });
      };
      URL.createObjectURL = (blob: Blob | MediaSource) => {
        blobs.push(blob as Blob);
        return originalCreate.call(URL, blob);
      };
    });
    afterEach(() => {
      HTMLAnchorElement.prototype.click = originalClick;
      URL.createObjectURL = originalCreate;
    });

    const exportButton = (form: DddDossierForm) => [...form.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.trim() === 'Download mijn gegevens');

    it('downloads every own dossier as JSON, and nothing of any other student', async () => {
      const created = await as('student-sam').createDossier({ type: 'mbo-mbo' });
      const form = await mount<DddDossierForm>('ddd-dossier-form', 'student-sam');
      await until(() => exportButton(form), 'the button under the list');
      await expect(form).to.be.accessible();
      exportButton(form)!.click();
      await until(() => shadowText(form).includes('Je gegevens zijn gedownload'), 'done');
      expect(clicked).to.have.length(1);
      expect(clicked[0]!.download).to.match(/^doorstroomdossier-gegevens-\d{4}-\d{2}-\d{2}\.json$/);
      expect(clicked[0]!.href).to.match(/^blob:/);
      expect(blobs[0]!.type).to.equal('application/json');
      const text = await blobs[0]!.text();
      const data = JSON.parse(text) as { me: { person: { id: string } }; dossiers: Array<{ dossier: { id: string; student: { id: string } }; history: unknown[] }> };
      expect(data.me.person.id).to.equal('student-sam');
      expect(data.dossiers.map((d) => d.dossier.id).sort()).to.deep.equal(['dossier-sam', created.id].sort());
      expect(data.dossiers.every((d) => d.dossier.student.id === 'student-sam' && d.history.length > 0)).to.equal(true);
      expect(text, 'pretty JSON').to.match(/^\{\n {2}"/);
      expect(text).to.contain(bsn.sam);
      for (const student of backend.data.students.filter((s) => s.id !== 'student-sam')) {
        for (const value of [student.id, student.naam, student.bsn, student.email]) expect(text, value).not.to.contain(value);
      }
    });

    it('says in Dutch when the download fails', async () => {
      const form = await mount<DddDossierForm>('ddd-dossier-form', 'student-sam');
      await until(() => exportButton(form), 'the button');
      form.api = { ...as('student-sam'), history: () => Promise.reject(new Error('offline')) };
      await form.updateComplete;
      await until(() => exportButton(form), 'the button again');
      exportButton(form)!.click();
      await until(() => form.shadowRoot!.querySelector('.data-export [role="alert"]'), 'an alert');
      expect(form.shadowRoot!.querySelector('.data-export [role="alert"]')!.textContent).to.contain('Het downloaden is niet gelukt');
      expect(clicked).to.deep.equal([]);
    });
  });
});
