/**
 * Issue 13, "done when": a 15-year-old on a 390 × 844 phone goes from "Nieuw dossier" to sent,
 * and a 16-year-old and her father go through the consent, with real taps (pointer events at the
 * spot on the screen) and typing. It asserts what the issue names: no pre-ticked share box, the
 * decision within the first two screens of the consent page, 0612345678 accepted, A6 skippable,
 * focus never on <body> after a navigation, one announcement per save. It also reports the taps,
 * the page heights and the screens (`JOURNEY {…}` in the browser log), the figures of the issue.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import { createMemoryBackend, exampleData, type DossierApi, type MemoryBackend } from '@doorstroom/sdk';
import { ariaTree, checkboxesIn } from '../packages/elements/src/test/a11y-tree.js';
import type { DddConsent, DddDossierForm } from '@doorstroom/elements';
import { $, $$, deepActive, describeNode, squash, text, until } from './helpers.js';

const screen = { width: 390, height: 844 };

/** A 15-year-old of Vmbo De Brug (klas 3A) without any dossier, as the school registered him. */
function withSem(): MemoryBackend {
  const data = exampleData();
  const noor = data.students.find((s) => s.id === 'student-noor')!;
  data.students.push({ ...noor, id: 'student-sem', naam: 'Sem de Boer', email: 'sem.deboer@mail.example', bsn: '111222333', guardianIds: [] });
  data.accounts.push({
    token: 'student-sem',
    actor: { role: 'student', person: { id: 'student-sem', naam: 'Sem de Boer', email: 'sem.deboer@mail.example' }, school: { id: noor.schoolId!, naam: 'Vmbo De Brug' } },
  });
  return createMemoryBackend(data);
}

/** Counts what a person does and measures what they see. */
class Journey {
  taps = 0;
  pages: Array<{ page: string; height: number; screens: number }> = [];
  bodyFocus: string[] = [];

  /** A tap where the element is on screen (scrolled to it first, as a thumb would). */
  async tap(target: Element | null | undefined, what: string): Promise<void> {
    if (!target) throw new Error(`Nothing to tap: ${what}`);
    (target as HTMLElement).scrollIntoView({ block: 'center' });
    const box = target.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(box.left + Math.min(box.width / 2, 20)), Math.round(box.top + box.height / 2)] });
    this.taps++;
  }

  /** A tap in a text field, then typing. */
  async type(field: Element | null | undefined, value: string, what: string): Promise<void> {
    await this.tap(field, what);
    await sendKeys({ type: value });
  }

  /** After a navigation: focus is somewhere meaningful, never on <body>. */
  async arrived(where: string, check: () => unknown): Promise<void> {
    await until(check, where);
    await new Promise((resolve) => requestAnimationFrame(resolve));
    if (deepActive() === document.body || deepActive() === null) this.bodyFocus.push(where);
  }

  measure(page: string): void {
    const height = Math.round(document.documentElement.scrollHeight);
    this.pages.push({ page, height, screens: Math.ceil(height / screen.height) });
  }

  get screens(): number {
    return this.pages.reduce((sum, p) => sum + p.screens, 0);
  }
}

/** Taps the label of an option (radio or tick box) inside the group with this id. */
function labelIn(el: Element, groupId: string, label: string): HTMLLabelElement {
  const found = $$<HTMLLabelElement>(el, `#${groupId} label`).find((l) => squash(l.textContent) === label);
  if (!found) throw new Error(`No "${label}" in #${groupId}`);
  return found;
}

const button = (el: Element, name: string) => $$<HTMLButtonElement>(el, 'button').find((b) => squash(b.textContent) === name);

describe('issue 13: the journey on a phone', function () {
  this.timeout(240000);
  before(() => setViewport(screen));
  after(() => setViewport({ width: 800, height: 600 }));

  it('the 15-year-old goes from "Nieuw dossier" to sent: 0612345678 taken, A6 and A8 skipped, focus never on <body>, one announcement per save', async () => {
    const backend = withSem();
    const api = backend.client('student-sem');
    const journey = new Journey();
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="nl"><ddd-dossier-form .api=${api} heading-level="1" autosave-delay="300"></ddd-dossier-form></div>`);
    const form = wrapper.querySelector<DddDossierForm>('ddd-dossier-form')!;
    const heading = () => squash($(form, '#form-heading')?.textContent);

    // Every live region of the save status: what a screen reader hears.
    const heard: string[] = [];
    const listen = new MutationObserver(() => {
      const said = squash($(form, '[part="save-status"] [role="status"]')?.textContent);
      if (said && said !== heard.at(-1)) heard.push(said);
      if (!said && heard.at(-1) !== '') heard.push('');
    });
    listen.observe(form.shadowRoot!, { childList: true, subtree: true, characterData: true });
    // Every save makes a new version (the first is the new dossier, the last the sending).
    const saves = async () => {
      const [summary] = (await api.listDossiers()).items;
      return summary ? (await api.getDossier(summary.id)).version - 2 : 0;
    };

    await until(() => button(form, 'Dossier maken'), 'the list with "Nieuw dossier"');
    journey.measure('list');
    await journey.tap($(form, 'label[for="ddd-new-type-vo-mbo"]'), 'vo → mbo');
    await journey.tap(button(form, 'Dossier maken'), 'Dossier maken');
    await journey.arrived('the new dossier', () => heading().startsWith('A1'));

    const next = async (from: string, to: string) => {
      const go = button(form, 'Volgende') ?? button(form, 'Naar controleren');
      await journey.tap(go, `${from}: on`);
      await journey.arrived(to, () => heading().startsWith(to) || (to === 'check' && heading() === 'Controleer je antwoorden'));
    };
    const field = (id: string) => $(form, `#ddd-${id}`);

    // A1: what the school did not register. The phone number as a Dutch teenager types it.
    journey.measure('A1');
    await journey.type(field('roepnaam'), 'Sem', 'roepnaam');
    await journey.type(field('voornamen'), 'Sem Pieter', 'voornamen');
    await journey.type(field('voorletters'), 'S.P.', 'voorletters');
    await journey.type(field('tussenvoegsel'), 'de', 'tussenvoegsel');
    await journey.type(field('achternaam'), 'Boer', 'achternaam');
    await journey.tap(labelIn(form, 'ddd-geslacht', 'Man'), 'geslacht');
    await journey.type(field('telefoon'), '0612345678', 'telefoon');
    await journey.tap(labelIn(form, 'ddd-telefoonGeheim', 'Nee'), 'telefoon geheim');
    expect($(form, '#ddd-telefoon-error'), '0612345678 is accepted').to.equal(null);
    expect($<HTMLInputElement>(form, '#ddd-telefoon')!.value, 'and written one way').to.equal('+31 6 12345678');
    await journey.type(field('straat'), 'Kanaalweg', 'straat');
    await journey.type(field('huisnummer'), '12', 'huisnummer');
    await journey.type(field('postcode'), '3526kl', 'postcode');
    await journey.type(field('woonplaats'), 'Utrecht', 'woonplaats');
    await next('A1', 'A2');

    journey.measure('A2');
    await journey.tap(labelIn(form, 'ddd-woonsituatie', 'Bij mijn ouders'), 'woonsituatie');
    await journey.type(field('ouders-0-naam'), 'Linda de Boer', 'ouder naam');
    await journey.tap(labelIn(form, 'ddd-ouders-0-relatie', 'Moeder'), 'ouder relatie');
    await journey.type(field('ouders-0-telefoon'), '06-87654321', 'ouder telefoon');
    await journey.type(field('ouders-0-email'), 'linda.deboer@mail.example', 'ouder email');
    await journey.type(field('vrijeTijd'), 'Voetbal en gamen.', 'vrije tijd');
    await journey.tap(labelIn(form, 'ddd-bijbaan', 'Nee'), 'bijbaan');
    expect($(form, '#ddd-ouders-0-telefoon-error'), "the parent's 06-number is accepted").to.equal(null);
    await next('A2', 'A3');

    journey.measure('A3');
    await journey.type(field('schoolnaam'), 'Vmbo De Brug', 'schoolnaam');
    await journey.tap(
      $$<HTMLLabelElement>(form, '#ddd-schoolsoort label').find((l) => squash(l.textContent).toLowerCase().startsWith('vmbo')),
      'schoolsoort',
    );
    await until(() => $(form, '#ddd-leerweg'), 'leerweg asked');
    await journey.tap($$<HTMLLabelElement>(form, '#ddd-leerweg label')[1], 'leerweg');
    await journey.tap($$<HTMLLabelElement>(form, '#ddd-sector label')[0], 'sector');
    await journey.tap($$<HTMLLabelElement>(form, '#ddd-examenvakken label')[0], 'examenvak');
    await journey.type(field('klas'), '3A', 'klas');
    await journey.tap(labelIn(form, 'ddd-verwachtDiploma', 'Ja'), 'diploma');
    await next('A3', 'A4');

    journey.measure('A4');
    for (const group of $$(form, 'fieldset.ddd-fieldset[id^="ddd-"]')) await journey.tap(group.querySelectorAll('label')[2], `competence ${group.id}`);
    await next('A4', 'A5');

    journey.measure('A5');
    await journey.tap($(form, 'label[for="ddd-geenErvaring"]'), 'geen ervaring');
    await next('A5', 'A6');

    // A6 is optional and sensitive: he skips it, nothing stops him.
    journey.measure('A6');
    expect(heading()).to.equal('A6 Ondersteuning (optioneel)');
    await next('A6', 'A7');
    expect($(form, '.ddd-error-summary'), 'A6 skipped without an error').to.equal(null);

    journey.measure('A7');
    await journey.type(field('instelling'), 'Midden', 'instelling');
    await until(() => squash($(form, '#ddd-instelling-option-0')?.textContent).includes('ROC Midden Nederland'), 'the school found');
    await journey.tap($(form, '#ddd-instelling-option-0'), 'ROC Midden Nederland');
    await journey.type(field('opleiding'), 'Verzorgende', 'opleiding');
    await until(() => $(form, '#ddd-opleiding-option-0'), 'programmes found');
    await journey.tap($(form, '#ddd-opleiding-option-0'), 'the programme');
    await until(() => $(form, '#ddd-locatie option[value]:not([value=""])'), 'the places that give it');
    const locatie = $<HTMLSelectElement>(form, '#ddd-locatie')!;
    await journey.tap(locatie, 'locatie open');
    locatie.value = [...locatie.options].find((o) => o.value)!.value;
    locatie.dispatchEvent(new Event('change'));
    journey.taps++; // choosing the place in the list
    await journey.tap($(form, 'label[for="ddd-bevestigd"]'), 'bevestigd');
    await next('A7', 'A8');

    journey.measure('A8');
    await next('A8', 'A9');

    journey.measure('A9');
    await journey.type(field('waarom'), 'Ik help graag mensen en ik wil in de zorg werken.', 'motivatie');
    await journey.tap(button(form, 'Naar controleren'), 'Naar controleren');
    await journey.arrived('the check page', () => heading() === 'Controleer je antwoorden');

    journey.measure('check');
    await until(() => $(form, 'input[name="ddd-mentor"]'), 'the mentors of his klas');
    await journey.tap($(form, 'label[for="ddd-mentor-0"]'), 'his mentor');
    await journey.tap(button(form, 'Opsturen naar mentor'), 'Opsturen naar mentor');
    await journey
      .arrived('sent', () => text(form).includes('Je dossier is naar Mevrouw E. de Vries gestuurd.'))
      .catch((error: unknown) => {
        throw new Error(`${String(error)}: ${text(form).slice(0, 2000)}`);
      });
    listen.disconnect();

    const sent = await api.getDossier((await api.listDossiers()).items[0]!.id);
    expect(sent.status).to.equal('bijMentor');
    expect(sent.answers['persoonlijk']?.['telefoon']).to.equal('+31 6 12345678');
    expect(sent.answers['thuis']?.['ouders']).to.deep.equal([{ naam: 'Linda de Boer', relatie: 'moeder', telefoon: '+31 6 87654321', email: 'linda.deboer@mail.example' }]);
    expect(journey.bodyFocus, 'focus on <body> after these navigations').to.deep.equal([]);
    const spoken = heard.filter(Boolean);
    expect(spoken.length, 'saves were announced').to.be.greaterThan(0);
    expect([...new Set(spoken)], 'only "Alles opgeslagen", never the typing or the saving').to.deep.equal(['Alles opgeslagen']);
    const saved = await saves();
    expect(spoken.length, 'at most one announcement per save').to.be.at.most(saved);
    console.log(`JOURNEY ${JSON.stringify({ who: 'student 15, deel A', taps: journey.taps, screens: journey.screens, pages: journey.pages, announcements: spoken.length, saves: saved })}`);
  });

  it('the 16-year-old gives her akkoord and her father consents: nothing pre-ticked, the decision within two screens, what goes where above his button', async () => {
    const backend = createMemoryBackend(exampleData());
    const journey = new Journey();
    const mount = async (api: DossierApi) => {
      const wrapper = await fixture<HTMLDivElement>(html`<div lang="nl"><ddd-consent .api=${api} heading-level="1" dossier-id="dossier-emma"></ddd-consent></div>`);
      const el = wrapper.querySelector<DddConsent>('ddd-consent')!;
      await until(() => /bekeken op/.test(text(el)), 'the consent view, read');
      return el;
    };

    // --- Emma (16) ----------------------------------------------------------------------------------
    const opener = document.createElement('button');
    document.body.append(opener);
    opener.focus();
    opener.remove();
    const emma = await mount(backend.client('student-emma'));
    await journey.arrived('the consent opened', () => emma.shadowRoot!.activeElement?.classList.contains('title'));
    journey.measure('consent (student)');
    const top = emma.getBoundingClientRect().top + window.scrollY;
    const boxes = $$<HTMLInputElement>(emma, '#ak-delen input[type="checkbox"]');
    const decisionAt = Math.round(boxes[0]!.getBoundingClientRect().top + window.scrollY - top);
    expect(decisionAt, 'the decision starts within the first two screens').to.be.below(2 * screen.height);
    const tree = await ariaTree('ddd-consent');
    expect(
      checkboxesIn(tree).filter((b) => b.checked),
      'no share box starts ticked',
    ).to.deep.equal([]);
    expect(boxes.every((b) => !b.checked)).to.equal(true);

    await journey.tap($(emma, `label[for="${boxes.find((b) => squash($(emma, `label[for="${b.id}"]`)!.textContent) === 'Stages, werk en trainingen')!.id}"]`), 'Stages');
    await journey.tap($(emma, `label[for="${boxes.find((b) => squash($(emma, `label[for="${b.id}"]`)!.textContent) === 'Motivatie')!.id}"]`), 'Motivatie');
    await journey.tap($(emma, 'label[for="ak-akkoord-0"]'), 'akkoord');
    await journey.tap($(emma, 'label[for="ak-toestemming"]'), 'toestemming');
    await journey.tap($(emma, 'form[part="form"] button[type="submit"]'), 'Akkoord geven');
    await journey.arrived('her akkoord saved', () => emma.shadowRoot!.activeElement?.id === 'confirmation-title');
    journey.measure('consent (student, akkoord given)');
    expect(squash($(emma, '[part="guardian-status"]')!.textContent)).to.contain('Je vader, Jeroen Bakker, geeft toestemming. Hij heeft een e-mail gekregen.');
    expect($(emma, '#finalize'), 'Afronden waits for her father').to.equal(null);
    emma.parentElement!.remove();

    // --- Her father -----------------------------------------------------------------------------------
    const father = await mount(backend.client('guardian-bakker'));
    journey.measure('consent (father)');
    const goes = squash($(father, '[part="goes"]')!.textContent);
    expect(goes).to.contain('Stages, werk en trainingen').and.contain('Motivatie').and.not.contain('Ondersteuning');
    expect($(father, '[part="goes"]')!.compareDocumentPosition($(father, 'form[part="form"]')!) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
    expect($(father, '#og-relatie'), 'not asked for the relation the dossier holds').to.equal(null);
    await journey.tap($(father, 'label[for="og-toestemming"]'), 'his consent');
    const give = $(father, 'form[part="form"] button[type="submit"]')!;
    expect(squash(give.textContent)).to.equal('Toestemming geven');
    await journey.tap(give, 'Toestemming geven');
    await journey.arrived('his consent saved', () => text(father).includes('U hebt toestemming gegeven op'));
    father.parentElement!.remove();

    // --- Emma finalizes -----------------------------------------------------------------------------
    const again = await mount(backend.client('student-emma'));
    await until(() => $(again, '#finalize'), 'Afronden offered once it can work');
    await journey.tap($(again, '#finalize'), 'Afronden');
    await journey.tap($(again, '#confirm-yes'), 'Ja, afronden');
    await journey.arrived('afgerond', () => squash($(again, '.title')?.textContent) === 'Je dossier is afgerond' && again.shadowRoot!.activeElement?.classList.contains('title'));
    expect((await backend.client('student-emma').getDossier('dossier-emma')).status).to.equal('afgerond');
    expect(journey.bodyFocus, `focus on <body> after: ${journey.bodyFocus.join(', ')} (${describeNode(deepActive())})`).to.deep.equal([]);
    console.log(`JOURNEY ${JSON.stringify({ who: 'student 16 + father, consent', taps: journey.taps, screens: journey.screens, pages: journey.pages, decisionAt })}`);
  });
});
