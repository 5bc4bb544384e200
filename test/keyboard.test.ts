/**
 * The flow with the keyboard only (Tab, Shift+Tab, Enter, Space, arrow keys through `sendKeys`;
 * no `.click()`): Noor finishes A9 and sends deel A to her mentor, the mentor starts and fills
 * deel B and sends it, and Noor finalizes through the confirmation. Focus must land where a
 * keyboard or screen reader user expects it: the section heading, the error summary, the notice.
 */
import { expect } from '@open-wc/testing';
import type { MemoryBackend } from '@doorstroom/sdk';
import {
  $,
  $$,
  begeleidingNee,
  choiceOf,
  deepActive,
  describeNode,
  freshBackend,
  isButton,
  isId,
  leave,
  mountConsent,
  mountForm,
  mountMentor,
  prefillDeelA,
  press,
  signedIn,
  squash,
  startAtTop,
  tabTo,
  text,
  type,
  until,
} from './helpers.js';

const dossierId = 'dossier-noor';
const focusIsHeading = (name: string) => squash(deepActive()?.textContent) === name && deepActive()?.id === 'form-heading';

async function prepare(backend: MemoryBackend): Promise<void> {
  const noor = signedIn(backend, 'student-noor');
  await prefillDeelA(noor, dossierId, ['vervolgkeuze', 'motivatie'], ['persoonlijk', 'thuis']);
  const programme = backend.data.catalog.programmes['25LH']![0]!;
  const dossier = await noor.getDossier(dossierId);
  await noor.saveSection(dossierId, 'vervolgkeuze', choiceOf(backend, '25LH', programme), dossier.version);
  // B1 is leerling-specifiek: the mentor filled it before (spec §4).
  const mentor = signedIn(backend, 'mentor-de-vries');
  const record = await mentor.getBegeleiding('student-noor');
  await mentor.saveBegeleiding('student-noor', begeleidingNee, record.version);
}

describe('keyboard only', function () {
  this.timeout(90000);
  let backend: MemoryBackend;
  beforeEach(async () => {
    backend = freshBackend();
    await prepare(backend);
  });

  it('deel A → mentor → deel B → finalize without a mouse', async () => {
    // --- Noor: from A8 to A9 through the task list, an error, the summary, the fix, sending ------
    const form = await mountForm(signedIn(backend, 'student-noor'), { dossierId });
    await until(() => squash($(form, '#form-heading')?.textContent) === 'A9 Motivatie', 'opens at A9');
    startAtTop();
    await tabTo(isButton(/^A8 Voorbereiding keuze/), 'the task A8');
    await press('Enter');
    await until(() => focusIsHeading('A8 Voorbereiding keuze (optioneel)'), 'focus on the A8 heading');
    await tabTo(isButton('Volgende'), 'Volgende');
    await press('Enter');
    await until(() => focusIsHeading('A9 Motivatie'), 'focus on the A9 heading after Volgende');

    await tabTo(isId('ddd-waarom'), 'the motivation field');
    await type('Te kort');
    await tabTo(isButton('Naar controleren'), 'Naar controleren');
    await press('Enter');
    await until(() => deepActive()?.classList.contains('ddd-error-summary'), 'focus on the error summary');
    expect(squash(deepActive()!.textContent)).to.contain('Er ging iets mis');
    await press('Tab');
    expect(deepActive()?.localName, 'first link in the summary').to.equal('a');
    await press('Enter');
    expect(deepActive()?.id, 'the link leads to the field').to.equal('ddd-waarom');
    await press('End');
    await type(': ik wil graag met mensen werken in de zorg.');
    await until(() => squash($(form, '.tasks__overall')?.textContent) === '7 van 7 onderdelen klaar', 'A9 complete');

    await tabTo(isButton('Naar controleren'), 'Naar controleren');
    await press('Enter');
    await until(() => deepActive()?.id === 'form-heading' && squash(deepActive()!.textContent) === 'Controleer je antwoorden', 'focus on the check page heading');
    await tabTo((el) => el instanceof HTMLInputElement && el.name === 'ddd-mentor', 'the mentor choice');
    // Noor's klas has one mentor on the roster: Space chooses her.
    expect($$<HTMLInputElement>(form, 'input[name="ddd-mentor"]')).to.have.length(1);
    await press('Space');
    const chosen = $$<HTMLInputElement>(form, 'input[name="ddd-mentor"]').find((r) => r.checked);
    expect(squash($(form, `label[for="${chosen?.id}"]`)?.textContent)).to.equal('Mevrouw E. de Vries');
    await tabTo(isButton('Opsturen naar mentor'), 'Opsturen naar mentor');
    await press('Enter');
    await until(() => deepActive()?.classList.contains('form__notice'), 'focus on the notice that it was sent');
    expect(squash(deepActive()!.textContent)).to.equal('Je dossier is naar Mevrouw E. de Vries gestuurd.');
    leave(form);

    // --- The mentor: open, start deel B, fill B2, tick mentorAkkoord, send ------------------------
    const mentor = await mountMentor(signedIn(backend, 'mentor-de-vries'));
    await until(() => text(mentor).includes('Noor El Idrissi'), 'the work list');
    startAtTop();
    await tabTo(isButton('Dossier van Noor El Idrissi openen'), 'the open button');
    await press('Enter');
    await until(() => deepActive()?.id === 'dossier-title', 'focus on the dossier title');
    await tabTo((el) => el?.getAttribute('data-action') === 'startDeelB', 'Start deel B');
    await press('Enter');
    await until(() => text(mentor).includes('Deel B is gestart.'), 'deel B started');

    await tabTo(isId('mr-advies-pastKeuze-0'), 'Past de keuze');
    await press('Space');
    await tabTo(isId('mr-advies-advies'), 'advies');
    await type('Noor is zorgzaam en zelfstandig.');
    await tabTo(isId('mr-advies-naderContact-0'), 'nader contact');
    await press('ArrowRight'); // "Nee"
    await tabTo(isId('mr-advies-eensMetDeelA-0'), 'eens met deel A');
    await press('Space');
    await tabTo(isId('mr-advies-mentorAkkoord'), 'mentorAkkoord');
    await press('Space');
    expect($<HTMLInputElement>(mentor, '#mr-advies-naderContact-1')!.checked, 'ArrowRight chose "Nee"').to.equal(true);
    expect($<HTMLInputElement>(mentor, '#mr-advies-mentorAkkoord')!.checked).to.equal(true);
    await until(() => $(mentor, 'button[data-action="sendToStudent"]')?.getAttribute('aria-disabled') === 'false', 'sending offered');
    await tabTo((el) => el?.getAttribute('data-action') === 'sendToStudent', 'Opsturen naar leerling', { back: true });
    await press('Enter');
    await until(() => text(mentor).includes('Deel B is naar de leerling gestuurd.'), 'deel B sent');
    expect((await signedIn(backend, 'mentor-de-vries').getDossier(dossierId)).answers['advies']).to.include({
      pastKeuze: 'ja',
      naderContact: false,
      eensMetDeelA: true,
      mentorAkkoord: true,
    });
    leave(mentor);

    // --- Noor: agree, an error first, then finalize through the confirmation ----------------------
    const consent = await mountConsent(signedIn(backend, 'student-noor'), dossierId);
    await until(() => text(consent).includes('hebt bekeken op'), 'inzage recorded');
    startAtTop();
    await tabTo(isId('ak-akkoord-0'), 'akkoord ja');
    await press('Space');
    await tabTo(isButton('Akkoord geven'), 'Akkoord geven');
    await press('Enter');
    await until(() => deepActive()?.classList.contains('ddd-error-summary'), 'focus on the error summary: no toestemming yet');
    await press('Tab');
    await press('Enter');
    expect(deepActive()?.id, 'the summary link leads to the checkbox').to.equal('ak-toestemming');
    await press('Space');
    // She gives her akkoord; finalizing waits for her father, who consents to what she chose.
    await tabTo(isButton('Akkoord geven'), 'Akkoord geven');
    await press('Enter');
    await until(async () => (await signedIn(backend, 'student-noor').getDossier(dossierId)).answers['akkoordverklaring']?.['toestemming'] === true, 'her declaration saved');
    await until(() => deepActive()?.id === 'confirmation-title', 'focus on what goes where');
    expect($(consent, '#finalize'), 'Afronden is not offered while her father has not consented').to.equal(null);
    expect(squash($(consent, '[part="guardian-status"]')!.textContent)).to.contain('Je vader, Karim El Idrissi, geeft toestemming.');

    // Her father read and consented on his own device (the guardian screen is tested in flow.test.ts).
    const father = signedIn(backend, 'guardian-el-idrissi');
    let dossier = await father.act(dossierId, 'recordInzage', undefined, (await father.getDossier(dossierId)).version);
    await father.saveSection(dossierId, 'ouderToestemming', { naam: 'Karim El Idrissi', relatie: 'vader', toestemming: true }, dossier.version);

    // Noor comes back later and finalizes.
    leave(consent);
    const later = await mountConsent(signedIn(backend, 'student-noor'), dossierId);
    await until(() => text(later).includes('Je vader, Karim El Idrissi, heeft toestemming gegeven op'), 'her father consented');
    startAtTop();
    await tabTo(isId('finalize'), 'Afronden');
    await press('Enter');
    await until(() => deepActive()?.id === 'confirm-title', 'focus on the confirmation');
    await press('Tab');
    expect(deepActive()?.id, describeNode(deepActive())).to.equal('confirm-yes');
    await press('Enter');
    await until(() => squash($(later, '.title')?.textContent) === 'Je dossier is afgerond', 'afgerond');
    await until(() => deepActive()?.classList.contains('title'), 'focus on the new title');
    dossier = await signedIn(backend, 'student-noor').getDossier(dossierId);
    expect(dossier.status).to.equal('afgerond');
  });
});
