/**
 * Every refused action is visible where the person tried it, with its Dutch reason (the SDK's
 * refusal message, the one text the backend sends too), and nothing changes in the backend.
 */
import { expect } from '@open-wc/testing';
import { createMemoryBackend, exampleData, type MemoryBackend } from '@doorstroom/sdk';
import { $, $$, button, deepActive, freshBackend, leave, mountConsent, mountForm, mountMentor, prefillDeelA, reasonNl, signedIn, squash, text, until } from './helpers.js';

const statusOf = async (backend: MemoryBackend, person: string, dossierId: string) => (await signedIn(backend, person).getDossier(dossierId)).status;

describe('refusals shown in the UI', function () {
  this.timeout(60000);
  let backend: MemoryBackend;
  beforeEach(() => {
    backend = freshBackend();
  });

  describe('deel A (<ddd-dossier-form>)', () => {
    it('does not offer sending an incomplete deel A and says why', async () => {
      const form = await mountForm(signedIn(backend, 'student-noor'), { dossierId: 'dossier-noor' });
      await until(() => button(form, 'Controleren en versturen'), 'the task list');
      button(form, 'Controleren en versturen')!.click();
      await until(() => $(form, '.submit'), 'the send block');
      const submit = squash($(form, '.submit')!.textContent);
      expect(submit).to.contain('Je kunt deel A versturen als alle onderdelen klaar zijn.');
      expect(squash($(form, '.submit .refusal')!.textContent)).to.equal(reasonNl('deelAIncomplete'));
      expect(button(form, 'Opsturen naar mentor'), 'no send button').to.equal(undefined);
      expect(text(form)).to.match(/Nog niet klaar: A3 School van herkomst, A4 Competenties, A5 /);
    });

    it('refuses sending without a mentor from the roster', async () => {
      const api = signedIn(backend, 'student-noor');
      await prefillDeelA(api, 'dossier-noor', [], ['persoonlijk', 'thuis']);
      const form = await mountForm(api, { dossierId: 'dossier-noor' });
      await until(() => $(form, '#ddd-mentor'), 'the roster');
      button(form, 'Opsturen naar mentor')!.click();
      await until(() => $(form, '.submit [role="alert"]'), 'the refusal');
      expect(squash($(form, '.submit [role="alert"]')!.textContent)).to.equal(reasonNl('mentorMissing'));
      expect(await statusOf(backend, 'student-noor', 'dossier-noor')).to.equal('concept');
    });

    it('refuses a free mentor with an invalid e-mail address when the region has no roster', async () => {
      const data = exampleData();
      data.schools = data.schools.map((school) => ({ ...school, mentorRoster: false }));
      backend = createMemoryBackend(data);
      const api = signedIn(backend, 'student-noor');
      await prefillDeelA(api, 'dossier-noor', [], ['persoonlijk', 'thuis']);
      const form = await mountForm(api, { dossierId: 'dossier-noor' });
      await until(() => $(form, '#ddd-mentorEmail'), 'the free mentor fields');
      const naam = $<HTMLInputElement>(form, '#ddd-mentorNaam')!;
      naam.value = 'Meneer Jansen';
      naam.dispatchEvent(new Event('input'));
      const email = $<HTMLInputElement>(form, '#ddd-mentorEmail')!;
      email.value = 'jansen-at-school';
      email.dispatchEvent(new Event('input'));
      await form.updateComplete;
      button(form, 'Opsturen naar mentor')!.click();
      await until(() => $(form, '.submit [role="alert"]'), 'the refusal');
      expect(squash($(form, '.submit [role="alert"]')!.textContent)).to.equal(reasonNl('mentorEmailInvalid'));
      expect(await statusOf(backend, 'student-noor', 'dossier-noor')).to.equal('concept');
    });

    it('shows deel A read-only while it is with the mentor', async () => {
      const form = await mountForm(signedIn(backend, 'student-lisa'), { dossierId: 'dossier-lisa' });
      await until(() => $(form, '.check'), 'the read-only overview');
      expect(text(form))
        .to.contain('Je kunt deel A nu niet aanpassen')
        .and.to.contain('Je dossier ligt bij je mentor. Wil je nog iets veranderen, of ging het naar de verkeerde mentor? Haal het dan terug.');
      expect($$(form, '.task .tag').map((t) => squash(t.textContent))).to.deep.equal(Array(9).fill('Kan nog niet'));
      expect($$(form, 'input, textarea, select')).to.have.length(0);
      // Before the mentor starts deel B, the student may take it back (spec §5 v2).
      expect(button(form, 'Dossier terughalen')).not.to.equal(undefined);
    });
  });

  describe('deel B (<ddd-mentor-review>)', () => {
    it('keeps "Opsturen naar leerling" disabled with the reason, and shows what is missing when pressed', async () => {
      const mentor = await mountMentor(signedIn(backend, 'mentor-de-vries'), { dossierId: 'dossier-lisa' });
      await until(() => $(mentor, 'button[data-action="startDeelB"]'), 'the dossier');
      expect(text(mentor), 'B2 before deel B started').to.contain('Kies eerst "Start deel B" om dit in te vullen.');
      $<HTMLButtonElement>(mentor, 'button[data-action="startDeelB"]')!.click();
      await until(() => $(mentor, 'button[data-action="sendToStudent"]'), 'deel B started');
      const send = $<HTMLButtonElement>(mentor, 'button[data-action="sendToStudent"]')!;
      expect(send.getAttribute('aria-disabled')).to.equal('true');
      const reason = $(mentor, `#${send.getAttribute('aria-describedby')}`)!;
      expect(squash(reason.textContent)).to.equal(reasonNl('deelBIncomplete'));
      send.click();
      await until(() => deepActive()?.classList.contains('ddd-error-summary'), 'the error summary takes focus');
      const links = $$<HTMLAnchorElement>(mentor, '.ddd-error-summary a');
      expect(links.length).to.be.greaterThan(3);
      expect(links.map((a) => a.getAttribute('href'))).to.include.members(['#mr-advies-pastKeuze', '#mr-advies-mentorAkkoord']);
      links.find((a) => a.getAttribute('href') === '#mr-advies-mentorAkkoord')!.click();
      expect(deepActive()?.id, 'the link leads to the checkbox').to.equal('mr-advies-mentorAkkoord');
      expect(await statusOf(backend, 'mentor-de-vries', 'dossier-lisa')).to.equal('deelB');
    });

    it('shows the refusal when the dossier changed meanwhile, and loads the newest version', async () => {
      const mentor = await mountMentor(signedIn(backend, 'mentor-de-vries'), { dossierId: 'dossier-lisa' });
      await until(() => $(mentor, 'button[data-action="startDeelB"]'), 'the dossier');
      const lisa = signedIn(backend, 'student-lisa');
      await lisa.act('dossier-lisa', 'returnToDeelA', undefined, (await lisa.getDossier('dossier-lisa')).version);
      $<HTMLButtonElement>(mentor, 'button[data-action="startDeelB"]')!.click();
      await until(() => $(mentor, '[role="alert"]'), 'the refusal');
      expect(squash($(mentor, '[role="alert"]')!.textContent)).to.match(/opnieuw|nieuwste|vernieuw/i);
      button(mentor, 'Nieuwste versie laden')!.click();
      await until(() => squash($(mentor, '.dossier-meta')?.textContent).includes('Leerling vult deel A in'), 'the newest status');
      expect($(mentor, 'button[data-action="startDeelB"]'), 'no longer offered').to.equal(null);
    });

    it('tells a mentor who is not assigned that the dossier cannot be opened, as for one that does not exist', async () => {
      const mentor = await mountMentor(signedIn(backend, 'mentor-yilmaz'), { dossierId: 'dossier-lisa' });
      await until(() => $(mentor, '[role="alert"]'), 'the refusal');
      expect(squash($(mentor, '[role="alert"] p')!.textContent)).to.equal('Dit dossier kunnen we niet openen. Misschien is het niet aan jou toegewezen of bestaat het niet meer.');
      expect(text(mentor)).not.to.contain('Woonzorgcentrum Tuindorp');
    });

    it('tells a student that the mentor overview is not for them', async () => {
      const mentor = await mountMentor(signedIn(backend, 'student-lisa'));
      await until(() => text(mentor).includes('Dit overzicht is voor mentoren en decanen.'), 'the message');
    });
  });

  describe('consent (<ddd-consent>)', () => {
    it('does not offer Afronden for a minor until the parent has read and consented, and says by name who is waited for', async () => {
      let consent = await mountConsent(signedIn(backend, 'student-emma'), 'dossier-emma');
      await until(() => text(consent).includes('hebt bekeken op'), 'inzage recorded');
      $<HTMLInputElement>(consent, '#ak-akkoord-0')!.click();
      $<HTMLInputElement>(consent, '#ak-toestemming')!.click();
      await consent.updateComplete;
      $<HTMLButtonElement>(consent, 'form[part="form"] button[type="submit"]')!.click();
      await until(() => $(consent, '[part="confirmation"]'), 'her akkoord is saved');
      expect($(consent, '#finalize'), 'Afronden cannot work yet: not offered').to.equal(null);
      expect(squash($(consent, '[part="guardian-status"]')!.textContent)).to.contain('Je vader, Jeroen Bakker, geeft toestemming. Hij heeft een e-mail gekregen.');
      leave(consent);

      const father = signedIn(backend, 'guardian-bakker');
      await father.act('dossier-emma', 'recordInzage', undefined, (await father.getDossier('dossier-emma')).version);
      consent = await mountConsent(signedIn(backend, 'student-emma'), 'dossier-emma');
      await until(() => text(consent).includes('Je vader, Jeroen Bakker, heeft je dossier gelezen op'), 'his inzage shown by name');
      expect(text(consent)).to.contain('Hij moet nog toestemming geven.');
      expect($(consent, '#finalize'), 'still not offered').to.equal(null);
      expect(await statusOf(backend, 'student-emma', 'dossier-emma')).to.equal('akkoord');
    });

    it('shows what is missing in the agreement when "Akkoord geven" is pressed too early, and saves nothing', async () => {
      const consent = await mountConsent(signedIn(backend, 'student-daan'), 'dossier-daan');
      await until(() => text(consent).includes('hebt bekeken op'), 'inzage recorded');
      const before = (await signedIn(backend, 'student-daan').getDossier('dossier-daan')).version;
      $<HTMLButtonElement>(consent, 'form[part="form"] button[type="submit"]')!.click();
      await until(() => deepActive()?.classList.contains('ddd-error-summary'), 'the error summary takes focus');
      const hrefs = $$<HTMLAnchorElement>(consent, '.ddd-error-summary a').map((a) => a.getAttribute('href'));
      expect(hrefs).to.include.members(['#ak-akkoord', '#ak-toestemming']);
      expect($(consent, '#finalize')).to.equal(null);
      expect((await signedIn(backend, 'student-daan').getDossier('dossier-daan')).version).to.equal(before);
      expect(await statusOf(backend, 'student-daan', 'dossier-daan')).to.equal('akkoord');
    });

    it('shows the refusal when the dossier went back to deel A in another tab', async () => {
      const consent = await mountConsent(signedIn(backend, 'student-daan'), 'dossier-daan');
      await until(() => text(consent).includes('hebt bekeken op'), 'inzage recorded');
      $<HTMLInputElement>(consent, '#ak-akkoord-0')!.click();
      $<HTMLInputElement>(consent, '#ak-toestemming')!.click();
      await consent.updateComplete;
      $<HTMLButtonElement>(consent, 'form[part="form"] button[type="submit"]')!.click();
      await until(() => $(consent, '#finalize'), 'her akkoord is saved: Afronden is offered');
      const other = signedIn(backend, 'student-daan');
      await other.act('dossier-daan', 'backToDeelA', undefined, (await other.getDossier('dossier-daan')).version);
      $<HTMLButtonElement>(consent, '#finalize')!.click();
      await until(() => $(consent, '#confirm-yes'), 'the confirmation');
      $<HTMLButtonElement>(consent, '#confirm-yes')!.click();
      await until(() => $(consent, '#action-error'), 'the refusal');
      expect(squash($(consent, '#action-error')!.textContent)).to.match(/opnieuw|vernieuw|ondertussen|nieuwste/i);
      expect(await statusOf(backend, 'student-daan', 'dossier-daan')).to.equal('concept');
    });

    it('tells a student in deel A that the agreement comes later', async () => {
      const consent = await mountConsent(signedIn(backend, 'student-noor'), 'dossier-noor');
      expect(text(consent)).to.contain('Je dossier staat bij deel A. Maak deel A af en stuur het naar je mentor.');
      expect($(consent, '#finalize')).to.equal(null);
    });

    it('tells a guardian that the dossier is not ready to read yet', async () => {
      const consent = await mountConsent(signedIn(backend, 'guardian-de-graaf'), 'dossier-lisa');
      expect(text(consent)).to.contain('U kunt dit dossier nu niet openen. Uw toestemming is pas nodig als uw kind het dossier heeft gecontroleerd.');
      expect(text(consent)).not.to.contain('Woonzorgcentrum Tuindorp');
    });

    it('tells an MBO that a dossier not sent to them cannot be opened', async () => {
      const consent = await mountConsent(signedIn(backend, 'mbo-albeda'), 'dossier-sam', { waitFor: '[role="alert"]' });
      expect(squash($(consent, '[role="alert"]')!.textContent)).to.contain('bestaat niet');
      expect(text(consent)).not.to.contain('Autobedrijf Van Dam');
    });
  });
});
