/**
 * <ddd-dossier-form> as a 15-year-old meets it on a phone (issue 13): phone numbers written the
 * way people write them, a tap that lands although the field it leaves shows an error, focus that
 * never falls to <body>, one announcement per save, a top heading at the level the page sets,
 * and the akkoordverklaring reached from the dossier by a link.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendMouse, setViewport } from '@web/test-runner-commands';
import { completeAnswersFor } from '../../../sdk/src/testing/fixtures.js';
import './ddd-dossier-form.js';
import type { DddDossierForm } from './ddd-dossier-form.component.js';
import { FormHarness, squash } from './harness.js';
import { signIn, type InstrumentedApi } from './test/instrument.js';
import { ariaTree, headingsIn } from '../test/a11y-tree.js';

const until = (predicate: () => unknown, message = 'condition') => waitUntil(predicate, message, { timeout: 5000 });

const mounted: FormHarness[] = [];

async function mount(api: InstrumentedApi, attrs: { dossierId?: string; delay?: number; level?: string } = {}): Promise<FormHarness> {
  const el = await fixture<DddDossierForm>(
    html`<ddd-dossier-form lang="nl" autosave-delay=${attrs.delay ?? 40} dossier-id=${attrs.dossierId ?? ''} heading-level=${attrs.level ?? '2'} .api=${api}></ddd-dossier-form>`,
  );
  const form = new FormHarness(el);
  mounted.push(form);
  return form;
}

/** Focus, through shadow roots. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

describe('ddd-dossier-form on a phone', function () {
  this.timeout(30000);
  afterEach(async () => {
    // Each test has its own backend, but dossierBus is page-wide: what a removed form still had
    // to save must not reach the next test's form showing the same dossier.
    for (const form of mounted.splice(0)) form.forget();
    await setViewport({ width: 800, height: 600 });
  });

  it('accepts 0612345678 and every other way a Dutch person writes a phone number, and writes it one way on leaving the field', async () => {
    const { api } = signIn('student-noor');
    const el = await mount(api, { dossierId: 'dossier-noor' });
    await until(() => el.$('.tasks'), 'loaded');
    await el.openSection('A1');
    const phone = el.$<HTMLInputElement>('#ddd-telefoon')!;
    expect(phone.type).to.equal('tel');
    for (const [typed, written] of [
      ['0612345678', '+31 6 12345678'],
      ['010-1234567', '+31 10 123 4567'],
      ['0031 6 12 34 56 78', '+31 6 12345678'],
      ['+31 (0)6-12345678', '+31 6 12345678'],
    ]) {
      el.typeInto(phone, typed!);
      phone.blur();
      await el.settled();
      expect(phone.value, typed).to.equal(written);
      expect(el.$('#ddd-telefoon-error'), `${typed}: no error`).to.equal(null);
    }
    // The parent's phone number too (A2).
    await el.openSection('A2');
    const parent = el.$<HTMLInputElement>('#ddd-ouders-0-telefoon')!;
    el.typeInto(parent, '06-87654321');
    parent.blur();
    await el.settled();
    expect(parent.value).to.equal('+31 6 87654321');
    expect(el.$('#ddd-ouders-0-telefoon-error')).to.equal(null);
    await until(async () => (await api.getDossier('dossier-noor')).answers['thuis']?.['ouders']?.toString() !== undefined, 'saved');
  });

  it('lets a tap on "Naar controleren" land although the field it leaves now shows an error (nothing moves under the finger)', async () => {
    await setViewport({ width: 390, height: 844 });
    const { api } = signIn('student-noor');
    const el = await mount(api, { dossierId: 'dossier-noor', delay: 60000 });
    await until(() => el.$('.tasks'), 'loaded');
    await el.openSection('A9');
    const waarom = el.$<HTMLTextAreaElement>('#ddd-waarom')!;
    el.typeInto(waarom, 'Te kort');
    const next = el.button('Naar controleren')!;
    next.scrollIntoView({ block: 'center' });
    const box = next.getBoundingClientRect();
    // Press at the top edge of the button: an error appearing above it on blur would push it down, away from the finger.
    const x = Math.round(box.left + box.width / 2);
    const y = Math.round(box.top + 3);
    await sendMouse({ type: 'move', position: [x, y] });
    await sendMouse({ type: 'down' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(Math.round(next.getBoundingClientRect().top), 'the button did not move while pressed').to.equal(Math.round(box.top));
    await sendMouse({ type: 'up' });
    // The tap counted: the section asks for what is missing (the summary), and the field says it.
    await until(() => el.$('.ddd-error-summary'), 'the press was a click');
    await until(() => el.$('#ddd-waarom-error'), 'the error shows after the tap');
  });

  it('announces a save once ("Alles opgeslagen"), not every change or typing pause', async () => {
    const { api } = signIn('student-noor');
    const el = await mount(api, { dossierId: 'dossier-noor', delay: 40 });
    await until(() => el.$('.tasks'), 'loaded');
    await el.openSection('A9');
    const live = el.$$('[part="save-status"] [role="status"], [part="save-status"] [aria-live]');
    expect(live, 'one live region for the save status').to.have.length(1);
    const heard: string[] = [];
    const observer = new MutationObserver(() => {
      const said = squash(live[0]!.textContent);
      if (said && said !== heard.at(-1)) heard.push(said);
      else if (!said) heard.push('');
    });
    observer.observe(live[0]!, { childList: true, subtree: true, characterData: true });
    const waarom = el.$<HTMLTextAreaElement>('#ddd-waarom')!;
    el.typeInto(waarom, 'Ik werk graag met mensen en ik');
    await until(() => el.saveState === 'saved' && squash(live[0]!.textContent) === 'Alles opgeslagen', 'first save');
    el.typeInto(waarom, 'Ik werk graag met mensen en ik help graag anderen.');
    await until(async () => (await api.getDossier('dossier-noor')).answers['motivatie']?.['waarom'] === 'Ik werk graag met mensen en ik help graag anderen.', 'second save');
    await until(() => squash(live[0]!.textContent) === 'Alles opgeslagen', 'second announcement');
    observer.disconnect();
    const spoken = heard.filter(Boolean);
    expect(spoken, 'only "Alles opgeslagen", once per save').to.deep.equal(['Alles opgeslagen', 'Alles opgeslagen']);
    expect(el.$('.save-status__text')!.getAttribute('role'), 'the visible status is not a live region').to.equal(null);
  });

  it('never leaves focus on <body>: after "Openen" and after "Dossier maken" it waits on the loading message, then goes to the heading', async () => {
    const { api } = signIn('student-noor');
    const el = await mount(api, { delay: 40 });
    await until(() => el.button('Openen'), 'the list');
    const seen: string[] = [];
    const watch = setInterval(() => seen.push(deepActive() === document.body ? 'body' : deepActive()?.id || deepActive()?.className || '?'), 5);
    try {
      el.button('Openen')!.focus();
      el.button('Openen')!.click();
      await until(() => deepActive()?.id === 'form-heading', 'focus on the heading of the opened dossier');
      expect(
        seen.filter((where) => where === 'body'),
        `focus went: ${[...new Set(seen)].join(' → ')}`,
      ).to.deep.equal([]);
      el.button('Terug naar mijn dossiers')!.click();
      await until(() => el.button('Dossier maken'), 'the list again');
      seen.length = 0;
      el.$<HTMLInputElement>('#ddd-new-type-werk-mbo')!.click();
      el.button('Dossier maken')!.focus();
      el.button('Dossier maken')!.click();
      await until(() => deepActive()?.id === 'form-heading' && /^A\d/.test(squash(deepActive()!.textContent)), 'focus on the new dossier');
      expect(
        seen.filter((where) => where === 'body'),
        `focus went: ${[...new Set(seen)].join(' → ')}`,
      ).to.deep.equal([]);
    } finally {
      clearInterval(watch);
    }
  });

  it('has a top heading at the level the page sets, and the levels below follow it', async () => {
    const { api } = signIn('student-noor');
    const page = await mount(api, { dossierId: 'dossier-noor', level: '1' });
    page.element.id = 'as-page';
    await until(() => page.$('.tasks'), 'loaded');
    await page.openSection('A3');
    const headings = headingsIn(await ariaTree('#as-page'));
    expect(headings).to.deep.include([1, 'A3 School van herkomst']);
    expect(headings).to.deep.include([1, 'Onderdelen']);
    expect(headings.every(([level]) => level >= 1)).to.equal(true);
    page.element.remove();

    const plain = await mount(api, { dossierId: 'dossier-noor', level: '' });
    plain.element.removeAttribute('heading-level');
    plain.element.id = 'as-default';
    await until(() => plain.$('.tasks'), 'loaded');
    await plain.openSection('A3');
    expect(headingsIn(await ariaTree('#as-default'))).to.deep.include([2, 'A3 School van herkomst']);
  });

  it('takes the student from the read-only dossier to the akkoordverklaring by a link, with focus on its title', async () => {
    const { api } = signIn('student-emma');
    const el = await mount(api, { dossierId: 'dossier-emma' });
    await until(() => el.$('.check'), 'the read-only dossier');
    const link = el.link('Naar je akkoordverklaring')!;
    expect(link, 'a link').to.exist;
    link.click();
    const consent = await until(() => el.$('ddd-consent'), 'the consent opens').then(() => el.$('ddd-consent')!);
    await until(() => deepActive()?.classList.contains('title'), 'focus on the consent title');
    expect(squash(deepActive()!.textContent)).to.equal('Akkoordverklaring');
    expect(squash(consent.shadowRoot!.textContent)).to.contain('Jouw keuzes');
    el.button('Terug naar je dossier')!.click();
    await until(() => deepActive()?.id === 'form-heading', 'back on the dossier');
  });

  it('keeps deel A complete without the optional sections A6 and A8: sending is offered', async () => {
    const { api } = signIn('student-noor');
    let dossier = await api.getDossier('dossier-noor');
    for (const id of ['persoonlijk', 'thuis', 'herkomst', 'competenties', 'ervaring', 'vervolgkeuze', 'motivatie']) {
      dossier = await api.saveSection(dossier.id, id, { ...completeAnswersFor(dossier, id) }, dossier.version);
    }
    const el = await mount(api, { dossierId: 'dossier-noor' });
    await until(() => el.$('.check'), 'the check page');
    expect(el.text).to.contain('7 van 7 onderdelen klaar');
    expect(el.button('Opsturen naar mentor'), 'sending offered').to.exist;
    // A skipped optional section is one line on the check page, not a row of "Niet ingevuld" per question.
    const a6 = el.$('section[aria-labelledby="check-ondersteuning"]')!;
    expect(squash(a6.textContent)).to.contain('Je hebt dit onderdeel overgeslagen. Dat mag.').and.not.contain('Niet ingevuld');
    expect(a6.querySelectorAll('dt')).to.have.length(0);
  });
});
