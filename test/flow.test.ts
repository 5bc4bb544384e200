/**
 * The whole doorstroom flow through the real UI, across every element, on ONE memory backend:
 * Noor (15, vmbo) finishes deel A and sends it to her mentor, Mevrouw De Vries fills deel B and
 * sends it back, Noor agrees, her father reads and consents, Noor finalizes, and only the MBO she
 * chose can read the dossier. Each element is signed in as the person using it, one screen at a time.
 */
import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { consentRecord, isDossierApiError, type MemoryBackend, type Programme } from '@doorstroom/sdk';
import {
  $,
  $$,
  begeleidingIds,
  button,
  deepActive,
  freshBackend,
  leave,
  mountConsent,
  mountForm,
  mountMentor,
  mountProgress,
  option,
  prefillDeelA,
  reasonNl,
  signedIn,
  squash,
  steps,
  text,
  until,
} from './helpers.js';

const dossierId = 'dossier-noor';
const motivatie = 'Ik pas graag op mijn nichtjes en wil later in de zorg werken met mensen.';
const advies = 'Noor is zorgzaam en zelfstandig. Deze opleiding past goed bij haar.';

/** The programme Noor picks: Lisa's choice at ROC Midden Nederland, so it is in the example catalogue. */
function programmeAt(backend: MemoryBackend, brin: string): Programme {
  const programmes = backend.data.catalog.programmes[brin]!;
  return programmes.find((p) => p.crebo === '25491' && p.leerweg === 'BOL') ?? programmes[0]!;
}

describe('the doorstroom flow across elements', function () {
  this.timeout(90000);
  let backend: MemoryBackend;
  beforeEach(() => {
    backend = freshBackend();
  });

  it('goes from deel A to afgerond with every person in their own element', async () => {
    const noorApi = signedIn(backend, 'student-noor');
    // Noor already typed A1 and A2; the rest except A7 and A9 is filled through the API to keep this short.
    await prefillDeelA(noorApi, dossierId, ['vervolgkeuze', 'motivatie'], ['persoonlijk', 'thuis']);
    const programme = programmeAt(backend, '25LH');

    // --- 1. Noor: A7 and A9 in <ddd-dossier-form>, with <ddd-progress> on the same page ---------
    const progress = await mountProgress(noorApi, dossierId);
    expect(steps(progress).find((s) => s.current)?.label).to.equal('Deel A');
    const form = await mountForm(noorApi, { dossierId });
    await until(() => $(form, '.section'), 'the form opens at the first unfinished section');
    expect(squash($(form, '#form-heading')!.textContent)).to.equal('A7 Vervolgkeuze');
    expect(text(form)).to.contain('Meld je vóór 1 april aan');

    $<HTMLInputElement>(form, '#ddd-instelling')!.focus();
    await sendKeys({ type: 'Midden Nederland' });
    await until(() => squash($(form, '#ddd-instelling-option-0')?.textContent).includes('ROC Midden Nederland'), 'institution found');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    // The opleiding first, then the places that give it.
    await until(() => $(form, '#ddd-opleiding'), 'the opleiding is asked');
    expect($(form, '#ddd-locatie'), 'no location before the opleiding').to.equal(null);
    $<HTMLInputElement>(form, '#ddd-opleiding')!.focus();
    await sendKeys({ type: programme.naam });
    const wanted = () => $$(form, '#ddd-opleiding-listbox [role="option"]').find((o) => o.textContent!.includes(`crebo ${programme.crebo}`) && o.textContent!.includes(programme.leerweg));
    await until(wanted, 'the programme in the list');
    wanted()!.click();
    await until(() => $(form, `#ddd-locatie option[value="${programme.locatieCodes[0]}"]`), 'the locations that give it');
    const locatie = $<HTMLSelectElement>(form, '#ddd-locatie')!;
    locatie.value = programme.locatieCodes[0]!;
    locatie.dispatchEvent(new Event('change'));
    await until(() => $(form, '.choice-summary'), 'the summary of the choice');
    expect(squash($(form, '.choice-summary')!.textContent))
      .to.contain('ROC Midden Nederland')
      .and.to.contain(programme.naam);
    $<HTMLInputElement>(form, '#ddd-bevestigd')!.click();
    await form.updateComplete;
    expect(squash($$(form, '.task')[6]!.textContent))
      .to.contain('A7 Vervolgkeuze')
      .and.to.contain('Klaar');

    button(form, 'Volgende')!.click();
    await until(() => squash($(form, '#form-heading')?.textContent) === 'A8 Voorbereiding keuze (optioneel)', 'A8');
    button(form, 'Volgende')!.click();
    await until(() => squash($(form, '#form-heading')?.textContent) === 'A9 Motivatie', 'A9');
    expect(deepActive()?.id, 'focus on the new section heading').to.equal('form-heading');
    expect(squash($(form, '.tasks__overall')!.textContent)).to.equal('6 van 7 onderdelen klaar');
    $<HTMLTextAreaElement>(form, '#ddd-waarom')!.focus();
    await sendKeys({ type: motivatie });
    await until(() => squash($(form, '.tasks__overall')?.textContent) === '7 van 7 onderdelen klaar', 'A9 complete while typing');

    button(form, 'Naar controleren')!.click();
    await until(() => $(form, '#ddd-mentor'), 'the check page with the roster of mentors');
    expect(text(form)).to.contain('Controleer je antwoorden').and.to.contain(motivatie).and.to.contain('ROC Midden Nederland');
    // Sending without a mentor is refused with its reason; nothing is sent.
    button(form, 'Opsturen naar mentor')!.click();
    await until(() => $(form, '.submit [role="alert"]'), 'the refusal');
    expect(squash($(form, '.submit [role="alert"]')!.textContent)).to.equal(reasonNl('mentorMissing'));
    expect((await noorApi.getDossier(dossierId)).status).to.equal('concept');

    option(form, 'ddd-mentor', 'Mevrouw E. de Vries').click();
    const submitted = oneEvent(form, 'ddd-action');
    button(form, 'Opsturen naar mentor')!.click();
    expect((await submitted).detail.dossier.status).to.equal('bijMentor');
    await until(() => text(form).includes('Je dossier is naar Mevrouw E. de Vries gestuurd.'), 'sent notice');
    expect(text(form)).to.contain('Je kunt deel A nu niet aanpassen').and.to.contain('Je dossier ligt bij je mentor');
    expect($$(form, 'input, textarea, select'), 'deel A is read-only now').to.have.length(0);
    // The progress element on the same page followed the action.
    await until(() => steps(progress).find((s) => s.current)?.label === 'Mentor', 'progress shows the mentor step');
    expect(steps(progress)[0]!.state).to.equal('done');
    button(form, 'Terug naar mijn dossiers')!.click();
    await until(() => text(form).includes('Status: Bij de mentor'), 'the list shows the new status');
    leave(form);
    leave(progress);

    // --- 2. The mentor: deel B in <ddd-mentor-review> --------------------------------------------
    const mentorApi = signedIn(backend, 'mentor-de-vries');
    const mentor = await mountMentor(mentorApi);
    await until(() => button(mentor, 'Dossier van Noor El Idrissi openen'), 'Noor in "Te behandelen"');
    const card = $$(mentor, '[part="list-item"]').find((c) => c.textContent!.includes('Noor El Idrissi'))!;
    expect(squash(card.textContent)).to.contain('Ingeleverd bij mentor').and.to.contain(programme.naam);
    button(mentor, 'Dossier van Noor El Idrissi openen')!.click();
    await until(() => $(mentor, '#dossier-title'), 'the dossier opens');
    expect(deepActive()?.id).to.equal('dossier-title');
    expect(squash($(mentor, '[part="deel-a"]')!.textContent))
      .to.contain(motivatie)
      .and.to.contain('ROC Midden Nederland');
    expect($(mentor, '[part="deel-a"] input'), 'deel A is read-only for the mentor').to.equal(null);
    expect(text(mentor)).to.contain('Kies eerst "Start deel B" om dit in te vullen.');
    const action = (name: string) => $<HTMLButtonElement>(mentor, `button[data-action="${name}"]`);
    expect(action('sendToStudent')).to.equal(null);
    expect(action('returnToDeelA')).not.to.equal(null);

    action('startDeelB')!.click();
    await until(() => text(mentor).includes('Deel B is gestart.'), 'deel B started');
    expect(squash($(mentor, '.dossier-meta')!.textContent)).to.contain('Mentor vult deel B in');
    expect(action('returnToDeelA'), 'no way back once deel B started').to.equal(null);
    const send = action('sendToStudent')!;
    expect(send.getAttribute('aria-disabled')).to.equal('true');
    expect(squash($(mentor, `#${send.getAttribute('aria-describedby')}`)!.textContent)).to.equal(reasonNl('deelBIncomplete'));

    for (const id of begeleidingIds) ($(mentor, `#mr-begeleiding-${id}-1`) as HTMLInputElement).click();
    ($(mentor, '#mr-advies-pastKeuze-0') as HTMLInputElement).click();
    $<HTMLTextAreaElement>(mentor, '#mr-advies-advies')!.focus();
    await sendKeys({ type: advies });
    ($(mentor, '#mr-advies-naderContact-1') as HTMLInputElement).click();
    ($(mentor, '#mr-advies-eensMetDeelA-0') as HTMLInputElement).click();
    ($(mentor, '#mr-advies-mentorAkkoord') as HTMLInputElement).click();
    await until(() => action('sendToStudent')?.getAttribute('aria-disabled') === 'false', 'sending offered once deel B is complete');
    expect(squash($(mentor, '.deel-head .percent-text')!.textContent)).to.equal('100% ingevuld');

    const sent = oneEvent(mentor, 'ddd-action');
    action('sendToStudent')!.click();
    expect((await sent).detail.dossier.status).to.equal('akkoord');
    await until(() => text(mentor).includes('Deel B is naar de leerling gestuurd.'), 'sent notice');
    expect(squash($(mentor, '.dossier-meta')!.textContent)).to.contain('In akkoordverklaring');
    expect(action('sendToStudent')).to.equal(null);
    button(mentor, 'Terug naar het overzicht')!.click();
    await until(() => text(mentor).includes('Lisa de Graaf'), 'back in the list');
    expect(text(mentor), 'nothing left to do for Noor').not.to.contain('Noor El Idrissi');
    leave(mentor);

    // --- 3. Noor agrees in <ddd-consent>, sharing her motivation; finalizing waits for her father -----
    let consent = await mountConsent(noorApi, dossierId);
    await until(() => text(consent).includes('hebt bekeken op'), 'her inzage is recorded');
    expect(text(consent)).to.contain('Deel B: wat de mentor schrijft').and.to.contain(advies);
    expect(squash($(consent, '[part="guardian-status"]')!.textContent)).to.equal('nog niet Je vader, Karim El Idrissi, geeft toestemming. Hij heeft een e-mail gekregen.');
    expect(text(consent)).to.contain('Je bent jonger dan 18 jaar.');
    expect(
      $$<HTMLInputElement>(consent, '#ak-delen input').some((box) => box.checked),
      'nothing ticked for her',
    ).to.equal(false);
    option(consent, 'ak-delen', 'Motivatie').click();
    $<HTMLInputElement>(consent, '#ak-akkoord-0')!.click();
    $<HTMLInputElement>(consent, '#ak-toestemming')!.click();
    await consent.updateComplete;
    const saved = oneEvent(consent, 'ddd-saved');
    $<HTMLButtonElement>(consent, 'form[part="form"] button[type="submit"]')!.click();
    await saved;
    await until(() => $(consent, '[part="confirmation"]'), 'what goes where');
    expect(squash($(consent, '[part="goes"]')!.textContent))
      .to.contain('Motivatie')
      .and.not.to.contain('Ondersteuning');
    expect($(consent, '#finalize'), 'Afronden is not offered while it cannot work').to.equal(null);
    leave(consent);

    // --- 4. Her father reads and consents ---------------------------------------------------------
    const guardianApi = signedIn(backend, 'guardian-el-idrissi');
    const guardian = await mountConsent(guardianApi, dossierId);
    await until(() => text(guardian).includes('hebt bekeken op'), 'the guardian inzage is recorded');
    expect(squash($(guardian, '.title')!.textContent)).to.equal('Toestemming van ouder of verzorger');
    expect(text(guardian)).to.contain('Noor El Idrissi wil het dossier naar ROC Midden Nederland sturen.');
    expect(squash($(guardian, '[part="goes"]')!.textContent))
      .to.contain('Motivatie')
      .and.not.to.contain('Ondersteuning');
    expect(squash($(guardian, '.identity')!.textContent)).to.contain('U geeft toestemming als Karim El Idrissi (vader).');
    $<HTMLButtonElement>(guardian, 'form[part="form"] button[type="submit"]')!.click();
    await until(() => $(guardian, '.ddd-error-summary'), 'consent without the tick is not saved');
    $<HTMLInputElement>(guardian, '#og-toestemming')!.click();
    await guardian.updateComplete;
    const consented = oneEvent(guardian, 'ddd-saved');
    $<HTMLButtonElement>(guardian, 'form[part="form"] button[type="submit"]')!.click();
    await consented;
    await until(() => text(guardian).includes('U hebt toestemming gegeven op'), 'thanks shown');
    leave(guardian);

    // --- 5. Noor finalizes ---------------------------------------------------------------------
    consent = await mountConsent(noorApi, dossierId);
    await until(() => text(consent).includes('Je vader, Karim El Idrissi, heeft toestemming gegeven op'), 'she sees her father consented');
    await until(() => $(consent, '#finalize'), 'Afronden is offered now');
    $<HTMLButtonElement>(consent, '#finalize')!.click();
    await until(() => $(consent, '#confirm-yes'), 'the confirmation');
    expect(text(consent)).to.contain('Weet je het zeker? Daarna kun je niets meer veranderen.');
    const finalized = oneEvent(consent, 'ddd-action');
    $<HTMLButtonElement>(consent, '#confirm-yes')!.click();
    expect((await finalized).detail.dossier.status).to.equal('afgerond');
    await until(() => squash($(consent, '.title')?.textContent) === 'Je dossier is afgerond', 'afgerond');
    expect($$(consent, 'input, textarea'), 'nothing can change any more').to.have.length(0);
    expect(squash($(consent, '[part="summary"]')!.textContent)).to.contain('Karim El Idrissi (Vader)');
    leave(consent);

    const done = await mountProgress(noorApi, dossierId);
    expect(steps(done).map((s) => s.state)).to.deep.equal(['done', 'done', 'done', 'done']);
    expect(steps(done).find((s) => s.current)?.label).to.equal('Afgerond');
    const list = await mountForm(noorApi);
    await until(() => text(list).includes('Status: Afgerond'), 'her list says Afgerond');

    // --- 6. Only the chosen MBO can read it ---------------------------------------------------------
    const chosen = await signedIn(backend, 'mbo-roc-midden-nederland').getDossier(dossierId);
    expect(chosen.status).to.equal('afgerond');
    expect(chosen.answers['motivatie']?.['waarom']).to.equal(motivatie);
    expect(chosen.answers['ondersteuning'], 'optIn section she did not tick').to.equal(undefined);
    expect(consentRecord(chosen, backend.data.config).guardian?.toestemming).to.equal(true);
    const mboScreen = await mountConsent(signedIn(backend, 'mbo-roc-midden-nederland'), dossierId);
    expect(squash($(mboScreen, '.title')!.textContent)).to.equal('Het dossier van Noor El Idrissi is afgerond');
    expect(text(mboScreen)).to.contain(motivatie).and.to.contain('Karim El Idrissi (Vader)');
    expect($$(mboScreen, 'input, textarea, #finalize'), 'the MBO only reads').to.have.length(0);
    leave(mboScreen);
    const refusedError = await signedIn(backend, 'mbo-albeda')
      .getDossier(dossierId)
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(isDossierApiError(refusedError) && refusedError.status, 'another MBO is refused').to.be.oneOf([403, 404]);
    const otherMbo = await mountConsent(signedIn(backend, 'mbo-albeda'), dossierId, { waitFor: '[role="alert"]' });
    expect(text(otherMbo)).not.to.contain(motivatie);
    expect(squash($(otherMbo, '[role="alert"]')!.textContent)).to.match(/niet|geen/i);
  });
});
