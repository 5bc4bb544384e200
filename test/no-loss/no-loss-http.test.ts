/**
 * Nothing typed is lost, over real HTTP: <ddd-dossier-form> with `api-base`, so its own client
 * (createHttpClient over ky) and its default draft store on this device, against the contract
 * served by the test server (faulty-backend.mjs). The server answers saves with real 500s, drops
 * connections, answers slowly and returns real 409s after a change from another device. And the
 * page is really reloaded mid-typing (page.html in an iframe), straight after the last input
 * event, without waiting for the draft to be written. Every test types like a student and ends by
 * checking that every typed value is in the fields and, once the backend is reachable, saved.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createHttpClient, type Dossier, type DossierApi } from '@doorstroom/sdk';
import { createDraftStore, type DddDossierForm } from '@doorstroom/elements';
import { FormHarness } from '../../packages/elements/src/dossier-form/harness.js';

const dossierId = 'dossier-noor';
const offlineText = 'Je bent offline. Je antwoorden worden bewaard op dit apparaat en verstuurd zodra je weer online bent.';
const restoredText = 'We hebben je niet-opgeslagen antwoorden teruggezet.';
const typed = {
  waarom: 'Ik kook elke dag voor mijn familie en dat vind ik leuk.',
  later: 'Kok in een groot hotel',
  toelichting: 'Mijn oom is kok, ik heb een dag met hem meegelopen.',
};

type Fault = { status: number } | { delay: number };

/** One test's own backend in the test server: faults to inject, the requests it saw, and a second device. */
class Backend {
  readonly id = `run-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  readonly base = `/test-faulty/${this.id}/api`;
  /** Noor on another device: a change from there makes the form's next save a 409. */
  readonly elsewhere: DossierApi = createHttpClient({ baseUrl: this.base, token: 'student-noor', retry: 0 });
  /** What the form keeps on this device (the same IndexedDB/localStorage records the form uses). */
  readonly device = createDraftStore({ namespace: this.base });

  async inject(faults: { saves?: Fault[]; down?: boolean }): Promise<void> {
    const response = await fetch(`/test-faulty/${this.id}/faults`, { method: 'POST', body: JSON.stringify(faults) });
    expect(response.status, 'faulty-backend.mjs is registered in web-test-runner.config.mjs').to.equal(204);
  }

  /** The writes the server saw, as `PATCH motivatie → 500`. */
  async saves(): Promise<string[]> {
    const log = (await (await fetch(`/test-faulty/${this.id}/log`)).json()) as { method: string; path: string; outcome: string }[];
    return log.filter((r) => r.method === 'PATCH').map((r) => `${r.path.split('/').pop()} → ${r.outcome}`);
  }

  answers = async (sectionId: string) => (await this.elsewhere.getDossier(dossierId)).answers[sectionId] ?? {};
  keptOnDevice = async () => (await this.device.list(dossierId)).flatMap((d) => Object.keys(d.values).map((k) => `${d.sectionId}.${k}`));

  async forget(): Promise<void> {
    await this.device.clear();
    await fetch(`/test-faulty/${this.id}`, { method: 'DELETE' });
  }
}

const squash = (value: string | null | undefined) => (value ?? '').replace(/\s+/g, ' ').trim();
const text = (el: Element) => squash(el.shadowRoot?.textContent);
const field = (el: Element, id: string) => el.shadowRoot!.querySelector<HTMLInputElement | HTMLTextAreaElement>(`#ddd-${id}`);
const button = (el: Element, name: string | RegExp) =>
  [...el.shadowRoot!.querySelectorAll('button')].find((b) => (typeof name === 'string' ? squash(b.textContent) === name : name.test(squash(b.textContent))));
const until = (check: () => unknown, message: string, timeout = 8000) => waitUntil(async () => Boolean(await check()), message, { timeout, interval: 25 });
/** The save status says "Alles opgeslagen". */
const allSaved = (el: DddDossierForm, timeout?: number) =>
  until(
    async () => {
      await el.updateComplete;
      return new FormHarness(el).saveState === 'saved';
    },
    'everything saved',
    timeout,
  );
const saveState = (el: DddDossierForm) => new FormHarness(el).saveState;
/** Whether leaving the page now would ask "Weet je het zeker?". */
function leavingWarns(): boolean {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
}

async function openSection(el: DddDossierForm, title: string, firstField: string): Promise<void> {
  await until(() => el.shadowRoot?.querySelector('.tasks'), 'the form loaded the dossier over HTTP', 10000);
  button(el, new RegExp(title))!.click();
  await until(() => field(el, firstField), `section ${title}`);
}

/** Types like a student: focus the field, then real key presses. */
async function typeInto(el: DddDossierForm, id: string, value: string): Promise<void> {
  const target = field(el, id)!;
  target.focus();
  target.select();
  await sendKeys({ type: value });
  expect(target.value, `#ddd-${id} shows what was typed`).to.equal(value);
}

function expectFields(el: DddDossierForm, values: Record<string, string>): void {
  for (const [id, value] of Object.entries(values)) expect(field(el, id)?.value, `#ddd-${id}`).to.equal(value);
}

describe('no answer is lost over real HTTP (createHttpClient against the test server)', function () {
  this.timeout(20000);
  let backend: Backend;
  let form: DddDossierForm | undefined;

  async function mount(autosaveDelay = 200): Promise<DddDossierForm> {
    form = await fixture<DddDossierForm>(html`<ddd-dossier-form lang="nl" api-base=${backend.base} token="student-noor" dossier-id=${dossierId} autosave-delay=${autosaveDelay}></ddd-dossier-form>`);
    return form;
  }

  beforeEach(() => {
    backend = new Backend();
  });
  afterEach(async () => {
    if (form) new FormHarness(form).forget();
    form?.remove();
    form = undefined;
    window.dispatchEvent(new Event('online'));
    await backend.forget();
  });

  it('HTTP 500 on every save: the error shows, the answers stay in the fields and on the device, and are saved once the server recovers', async () => {
    const el = await mount();
    new FormHarness(el).retryDelay = 60_000; // the student's "Opnieuw proberen", not the retry by itself
    await openSection(el, 'Motivatie', 'waarom');
    await backend.inject({ saves: [{ status: 500 }, { status: 500 }] });

    await typeInto(el, 'waarom', typed.waarom);
    await until(() => saveState(el) === 'error', 'the first save failed');
    await typeInto(el, 'later', typed.later);
    await el.updateComplete;
    expect(text(el)).to.contain('Opslaan is niet gelukt');
    expectFields(el, { waarom: typed.waarom, later: typed.later });
    await until(async () => (await backend.keptOnDevice()).length === 2, 'both answers kept on the device');
    expect(leavingWarns(), 'leaving warns').to.equal(true);

    button(el, 'Opnieuw proberen')!.click();
    await until(async () => (await backend.saves()).length === 2 && saveState(el) === 'error', 'the second save failed too');
    await el.updateComplete;
    button(el, 'Opnieuw proberen')!.click();
    await allSaved(el);

    expect(await backend.saves()).to.deep.equal(['motivatie → 500', 'motivatie → 500', 'motivatie → 200']);
    expect(await backend.answers('motivatie')).to.deep.equal({ waarom: typed.waarom, later: typed.later });
    expectFields(el, { waarom: typed.waarom, later: typed.later });
    await until(async () => (await backend.keptOnDevice()).length === 0, 'device copy removed once saved');
    expect(leavingWarns()).to.equal(false);
  });

  it('the connection drops (fetch rejects, the browser still thinks it is online): offline notice, typing goes on, saved by itself when it is back', async () => {
    const el = await mount();
    new FormHarness(el).retryDelay = 300;
    await openSection(el, 'Motivatie', 'waarom');
    await backend.inject({ down: true });

    await typeInto(el, 'waarom', typed.waarom);
    await until(() => text(el).includes(offlineText), 'offline notice');
    expect(squash(el.shadowRoot!.querySelector('.save-status__text')?.textContent)).to.equal('Bewaard op dit apparaat');
    await typeInto(el, 'later', typed.later);
    await until(async () => (await backend.keptOnDevice()).length === 2, 'both answers kept on the device');
    expect(await backend.saves(), 'the server never answered')
      .to.include('motivatie → dropped')
      .and.not.to.include('motivatie → 200');
    expectFields(el, { waarom: typed.waarom, later: typed.later });

    await backend.inject({ down: false });
    await allSaved(el, 12000);
    expect(text(el)).not.to.contain(offlineText);
    expect(await backend.answers('motivatie')).to.deep.equal({ waarom: typed.waarom, later: typed.later });
    await until(async () => (await backend.keptOnDevice()).length === 0, 'device copy removed once saved');
  });

  it('offline (the offline event, and no network): no attempts, answers from two sections sent in the order typed when back online', async () => {
    const el = await mount();
    await openSection(el, 'Voorbereiding', 'toelichting');
    await backend.inject({ down: true });
    window.dispatchEvent(new Event('offline'));

    el.shadowRoot!.querySelector<HTMLInputElement>('#ddd-openDag-0')!.click(); // Ja
    await typeInto(el, 'toelichting', typed.toelichting);
    await openSection(el, 'Motivatie', 'waarom');
    await typeInto(el, 'waarom', typed.waarom);
    await typeInto(el, 'later', typed.later);
    await until(() => text(el).includes(offlineText), 'offline notice');
    await until(async () => (await backend.keptOnDevice()).length === 4, 'kept on the device');
    expect(await backend.saves(), 'nothing sent while offline').to.deep.equal([]);

    await backend.inject({ down: false });
    window.dispatchEvent(new Event('online'));
    await allSaved(el);
    expect(await backend.saves(), 'in the order typed').to.deep.equal(['voorbereiding → 200', 'motivatie → 200']);
    expect(await backend.answers('voorbereiding')).to.deep.include({ openDag: true, toelichting: typed.toelichting });
    expect(await backend.answers('motivatie')).to.deep.equal({ waarom: typed.waarom, later: typed.later });
    expectFields(el, { waarom: typed.waarom, later: typed.later });
  });

  it('a slow network (a save takes 3 s): typing on during the save is kept and saved after it', async () => {
    const el = await mount();
    await openSection(el, 'Motivatie', 'waarom');
    await backend.inject({ saves: [{ delay: 3000 }] });

    await typeInto(el, 'waarom', 'Ik wil koken');
    await until(async () => (await backend.saves()).length === 1 && saveState(el) === 'saving', 'the slow save is under way');
    await typeInto(el, 'waarom', typed.waarom);
    await typeInto(el, 'later', typed.later);
    await new Promise((resolve) => setTimeout(resolve, 400)); // longer than the autosave delay
    await el.updateComplete;
    expect(saveState(el), 'still waiting for the slow answer').to.equal('saving');
    expect(await backend.saves(), 'one save at a time').to.have.length(1);
    expect(leavingWarns()).to.equal(true);
    await until(async () => (await backend.device.get({ dossierId, sectionId: 'motivatie' }))?.values['later'] === typed.later, 'the newest typing on the device');

    await allSaved(el, 8000);
    expect(await backend.saves()).to.deep.equal(['motivatie → 200', 'motivatie → 200']);
    expect(await backend.answers('motivatie')).to.deep.equal({ waarom: typed.waarom, later: typed.later });
    expectFields(el, { waarom: typed.waarom, later: typed.later });
  });

  it("409 after a change on another device: the other questions merge, the shared one is the student's choice, nothing typed is dropped", async () => {
    const el = await mount(60_000); // saved when the student moves on, after the other device
    await openSection(el, 'Motivatie', 'waarom');
    await typeInto(el, 'waarom', typed.waarom);
    await typeInto(el, 'later', typed.later);
    const before = await backend.elsewhere.getDossier(dossierId);
    const other: Dossier = await backend.elsewhere.saveSection(dossierId, 'motivatie', { later: 'Van de tablet: bakker' }, before.version);
    await backend.elsewhere.saveSection(dossierId, 'voorbereiding', { openDag: true }, other.version);

    button(el, 'Naar controleren')!.click();
    await until(() => el.shadowRoot!.querySelector('.conflicts'), 'the choice for the question both changed');
    expect(await backend.saves()).to.deep.equal(['motivatie → 200', 'voorbereiding → 200', 'motivatie → 409', 'motivatie → 200']);
    expect(await backend.answers('motivatie'), 'the question only the student changed is saved').to.deep.equal({ waarom: typed.waarom, later: 'Van de tablet: bakker' });
    const choice = squash(el.shadowRoot!.querySelector('.conflict')?.textContent);
    expect(choice).to.contain(`Jouw antwoord ${typed.later}`).and.to.contain('Antwoord op de server Van de tablet: bakker');

    el.shadowRoot!.querySelector<HTMLInputElement>('#conflict-motivatie-later-mine')!.click();
    button(el, 'Opslaan')!.click();
    await allSaved(el);
    expect(await backend.answers('motivatie')).to.deep.equal({ waarom: typed.waarom, later: typed.later });
    expect(await backend.answers('voorbereiding'), "the other device's answer stays").to.deep.equal({ openDag: true });
    await until(async () => (await backend.keptOnDevice()).length === 0, 'device copy removed once saved');
  });
});

describe('a real reload mid-typing (page.html in an iframe, over the same HTTP backend)', function () {
  this.timeout(20000);
  let backend: Backend;
  let frame: HTMLIFrameElement;

  /** Loads (or reloads) the portal page and returns its form once it shows the dossier. */
  async function loaded(action: () => void): Promise<DddDossierForm> {
    const done = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    action();
    await done;
    let el: DddDossierForm | null = null;
    await until(() => (el = frame.contentDocument!.querySelector<DddDossierForm>('ddd-dossier-form'))?.shadowRoot?.querySelector('.tasks'), 'the page shows the dossier', 12000);
    return el!;
  }

  beforeEach(() => {
    backend = new Backend();
    frame = document.createElement('iframe');
    frame.title = 'Portaalpagina';
    frame.style.cssText = 'width: 1000px; height: 800px';
  });
  afterEach(async () => {
    frame.remove();
    await backend.forget();
  });

  it("reloaded on the last keystroke's input event: every typed value is back in the fields, with a notice, and saved", async () => {
    const first = await loaded(() => {
      frame.src = `/test/no-loss/page.html?run=${backend.id}`;
      document.body.append(frame);
    });
    await openSection(first, 'Motivatie', 'waarom');
    await typeInto(first, 'waarom', typed.waarom);
    // The moment the last key's input event has been handled by the form: reload, before any timer can run.
    const last = field(first, 'later')!;
    const reloadOnLastKey = () => {
      if (last.value === typed.later) frame.contentWindow!.location.reload();
    };
    last.addEventListener('input', reloadOnLastKey);
    const again = await loaded(() => void typeInto(first, 'later', typed.later).catch(() => undefined));

    await until(() => text(again).includes(restoredText), 'the restored notice');
    await openSection(again, 'Motivatie', 'waarom');
    expectFields(again, { waarom: typed.waarom, later: typed.later });
    await until(async () => (await backend.answers('motivatie'))['later'] === typed.later, 'the restored answers are saved');
    expect(await backend.answers('motivatie')).to.deep.equal({ waarom: typed.waarom, later: typed.later });
  });

  it('several fields typed in one go and reloaded before the device copy is due: all restored and saved', async () => {
    const first = await loaded(() => {
      frame.src = `/test/no-loss/page.html?run=${backend.id}`;
      document.body.append(frame);
    });
    await openSection(first, 'Voorbereiding', 'toelichting');
    const win = frame.contentWindow as Window & typeof globalThis;
    const input = (id: string, value: string) => {
      const target = field(first, id)!;
      target.value = value;
      target.dispatchEvent(new win.Event('input', { bubbles: true, composed: true }));
    };
    // The device copy is written a moment after the last change; here that moment never comes
    // before the page goes, so only writing on leaving (pagehide/beforeunload) can keep the answers.
    new FormHarness(first).deviceCopyDelay = 60_000;
    // One task: two radios, a text, and straight into the reload.
    first.shadowRoot!.querySelector<HTMLInputElement>('#ddd-openDag-0')!.click();
    first.shadowRoot!.querySelector<HTMLInputElement>('#ddd-meeloopdag-1')!.click();
    input('toelichting', typed.toelichting);
    const again = await loaded(() => win.location.reload());

    await until(() => text(again).includes(restoredText), 'the restored notice');
    await openSection(again, 'Voorbereiding', 'toelichting');
    expectFields(again, { toelichting: typed.toelichting });
    expect(again.shadowRoot!.querySelector<HTMLInputElement>('#ddd-openDag-0')!.checked, 'open dag: ja').to.equal(true);
    expect(again.shadowRoot!.querySelector<HTMLInputElement>('#ddd-meeloopdag-1')!.checked, 'meeloopdag: nee').to.equal(true);
    await until(async () => (await backend.answers('voorbereiding'))['toelichting'] === typed.toelichting, 'the restored answers are saved');
    expect(await backend.answers('voorbereiding')).to.deep.equal({ openDag: true, meeloopdag: false, toelichting: typed.toelichting });
  });

  it('reloaded while a slow save is under way: the answer in flight and the ones typed after it all survive', async () => {
    const first = await loaded(() => {
      frame.src = `/test/no-loss/page.html?run=${backend.id}&autosave=200`;
      document.body.append(frame);
    });
    await openSection(first, 'Motivatie', 'waarom');
    await backend.inject({ saves: [{ delay: 2500 }] });
    await typeInto(first, 'waarom', typed.waarom);
    await until(async () => (await backend.saves()).length === 1, 'the slow save reached the server');
    const last = field(first, 'later')!;
    last.addEventListener('input', () => {
      if (last.value === typed.later) frame.contentWindow!.location.reload();
    });
    const again = await loaded(() => void typeInto(first, 'later', typed.later).catch(() => undefined));

    await until(() => text(again).includes(restoredText), 'the restored notice');
    await openSection(again, 'Motivatie', 'waarom');
    expectFields(again, { waarom: typed.waarom, later: typed.later });
    await until(async () => (await backend.answers('motivatie'))['later'] === typed.later, 'saved after the reload', 10000);
    expect(await backend.answers('motivatie')).to.deep.equal({ waarom: typed.waarom, later: typed.later });
    await until(async () => (await backend.keptOnDevice()).length === 0, 'device copy removed once saved', 10000);
  });
});
