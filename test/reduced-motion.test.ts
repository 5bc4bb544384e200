/**
 * prefers-reduced-motion (WCAG 2.3.3). The only motion the elements have is the progress bar
 * growing (`transition` on `.bar__fill`); under `reduce` it and any transition or animation
 * anywhere in the shadow trees must be off, while without it the bar does animate (proving the
 * check looks at the right thing). Programmatic scrolling (error summary, error links, next
 * section, the typeahead's active option) must jump, never glide, with or without the preference.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import type { Dossier, MemoryBackend } from '@doorstroom/sdk';
import '@doorstroom/elements';
import type { DddProgress } from '@doorstroom/elements';
import { $, $$, deepActive, describeNode, freshBackend, mountConsent, mountForm, mountMentor, mountProgress, prefillDeelA, signedIn, until, type AnyElement } from './helpers.js';
import { shadowElements } from './layout.js';
import { FormHarness } from '../packages/elements/src/dossier-form/harness.js';

const seconds = (value: string) => value.split(',').map((part) => (part.trim().endsWith('ms') ? parseFloat(part) / 1000 : parseFloat(part)));
const moves = (style: CSSStyleDeclaration) => [...seconds(style.transitionDuration), ...seconds(style.animationDuration)].some((s) => s > 0.001);

/** Parts (and their ::before/::after) with a transition or animation that takes time. */
function animatedParts(el: Element): string[] {
  const out: string[] = [];
  for (const node of shadowElements(el)) {
    for (const pseudo of [null, '::before', '::after']) {
      const style = getComputedStyle(node, pseudo);
      if (moves(style))
        out.push(
          `${describeNode(node)}.${[...node.classList].join('.')}${pseudo ?? ''}: transition ${style.transitionProperty} ${style.transitionDuration}, animation ${style.animationName} ${style.animationDuration}`,
        );
    }
  }
  return out;
}

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/** Scroll positions of the page over ~15 frames: a jump is done at once, a glide keeps moving. */
async function scrollPositions(): Promise<number[]> {
  const positions: number[] = [];
  for (let i = 0; i < 15; i++) {
    positions.push(Math.round(window.scrollY));
    await nextFrame();
  }
  return positions;
}

/** The test's own scrolling is instant whatever the page's scroll-behavior. */
const scrollToBottom = () => window.scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' });

const inViewport = (element: Element) => {
  const box = element.getBoundingClientRect();
  return box.bottom > 0 && box.top < window.innerHeight;
};

interface ScrollCall {
  method: string;
  options: unknown;
}

/** Records every programmatic scroll the elements ask for, with its options. */
function spyOnScrolling(): { calls: ScrollCall[]; restore(): void } {
  const calls: ScrollCall[] = [];
  const restores: Array<() => void> = [];
  const targets: Array<[object, string[]]> = [
    [Element.prototype, ['scrollIntoView', 'scrollTo', 'scrollBy', 'scroll']],
    [window, ['scrollTo', 'scrollBy', 'scroll']],
  ];
  for (const [target, methods] of targets) {
    for (const method of methods) {
      const record = target as Record<string, (...args: unknown[]) => unknown>;
      const original = record[method]!;
      record[method] = function (this: unknown, ...args: unknown[]) {
        calls.push({ method, options: args[0] });
        return original.apply(this, args);
      };
      restores.push(() => (record[method] = original));
    }
  }
  return { calls, restore: () => restores.forEach((restore) => restore()) };
}

const smooth = (call: ScrollCall) => typeof call.options === 'object' && call.options !== null && (call.options as ScrollOptions).behavior === 'smooth';

/** Each state, with the page scrolled so that the next step must scroll. */
const states: Array<{ name: string; show(backend: MemoryBackend): Promise<AnyElement> }> = [
  {
    name: 'dossier form: a section with the error summary',
    async show(backend) {
      const el = await mountForm(signedIn(backend, 'student-noor'), { dossierId: 'dossier-noor' });
      await until(() => $(el, '.section'), 'a section');
      $<HTMLButtonElement>(el, '.section button[type="submit"]')!.click();
      await until(() => $(el, '.ddd-error-summary'), 'the error summary');
      return el;
    },
  },
  {
    name: 'mentor: deel B with the error summary',
    async show(backend) {
      const el = await mountMentor(signedIn(backend, 'mentor-yilmaz'), { dossierId: 'dossier-mohammed' });
      await until(() => $(el, 'button[data-action="sendToStudent"]'), 'the actions');
      $<HTMLButtonElement>(el, 'button[data-action="sendToStudent"]')!.click();
      await until(() => $(el, '.ddd-error-summary'), 'the error summary');
      return el;
    },
  },
  {
    name: 'consent: the student',
    show: (backend) => mountConsent(signedIn(backend, 'student-emma'), 'dossier-emma'),
  },
  {
    name: 'progress',
    show: (backend) => mountProgress(signedIn(backend, 'student-noor'), 'dossier-noor'),
  },
];

/** Noor's dossier shown by a progress element, and the same dossier with more of deel A filled in. */
async function progressThatGrows(backend: MemoryBackend): Promise<{ el: DddProgress; fill: HTMLElement; grow(): void }> {
  const api = signedIn(backend, 'student-noor');
  const before: Dossier = await api.getDossier('dossier-noor');
  await prefillDeelA(api, 'dossier-noor', [], ['persoonlijk', 'thuis']);
  const after = await api.getDossier('dossier-noor');
  const wrapper = await fixture<HTMLDivElement>(html`<div lang="nl"><ddd-progress .dossier=${before}></ddd-progress></div>`);
  const el = wrapper.querySelector('ddd-progress')!;
  await until(() => $(el, '.overall .bar__fill'), 'the overall bar');
  await nextFrame();
  return { el, fill: $(el, '.overall .bar__fill')!, grow: () => (el.dossier = after) };
}

describe('reduced motion', function () {
  this.timeout(30000);
  let backend: MemoryBackend;
  beforeEach(() => {
    backend = freshBackend();
  });
  after(async () => {
    await emulateMedia({ reducedMotion: 'no-preference' });
    await setViewport({ width: 800, height: 600 });
  });

  describe('without a preference', () => {
    before(() => emulateMedia({ reducedMotion: 'no-preference' }));

    it('the progress bar glides to its new width', async () => {
      expect(matchMedia('(prefers-reduced-motion: reduce)').matches).to.equal(false);
      const { el, fill, grow } = await progressThatGrows(backend);
      expect(animatedParts(el).some((part) => part.includes('bar__fill'))).to.equal(true);
      grow();
      await el.updateComplete;
      expect(fill.getAnimations().length, 'a running transition').to.be.greaterThan(0);
    });
  });

  describe('with prefers-reduced-motion: reduce', () => {
    before(() => emulateMedia({ reducedMotion: 'reduce' }));

    for (const state of states) {
      it(`${state.name}: no transition or animation anywhere`, async () => {
        expect(matchMedia('(prefers-reduced-motion: reduce)').matches).to.equal(true);
        const el = await state.show(backend);
        await el.updateComplete;
        expect(animatedParts(el)).to.deep.equal([]);
      });
    }

    it('the progress bar jumps to its new width', async () => {
      const { el, fill, grow } = await progressThatGrows(backend);
      const width = fill.getBoundingClientRect().width;
      grow();
      await el.updateComplete;
      expect(fill.getAnimations(), 'running transitions').to.deep.equal([]);
      expect(fill.getBoundingClientRect().width, 'the new width at once').to.be.greaterThan(width);
    });
  });

  for (const preference of ['reduce', 'no-preference'] as const) {
    describe(`programmatic scrolling (${preference})`, () => {
      let spy: ReturnType<typeof spyOnScrolling>;
      before(async () => {
        await emulateMedia({ reducedMotion: preference });
        // Short enough that a section does not fit: every step has to scroll.
        await setViewport({ width: 800, height: 400 });
      });
      beforeEach(() => {
        spy = spyOnScrolling();
      });
      afterEach(() => {
        spy.restore();
        window.scrollTo({ top: 0, behavior: 'instant' });
      });

      it('to the error summary, a field and the next section: jumps at once, never glides', async () => {
        const el = await mountForm(signedIn(backend, 'student-noor'), { dossierId: 'dossier-noor' });
        await until(() => $(el, '.section'), 'a section');

        // Sending the section from the bottom of the page: the summary at the top takes focus.
        const submit = $<HTMLButtonElement>(el, '.section button[type="submit"]')!;
        scrollToBottom();
        const bottom = window.scrollY;
        expect(bottom, 'the page is scrolled down').to.be.greaterThan(200);
        submit.click();
        await until(() => deepActive()?.classList.contains('ddd-error-summary'), 'focus on the error summary');
        const toSummary = await scrollPositions();
        expect(new Set(toSummary).size, `scroll positions after focusing the summary: ${toSummary.join(' ')}`).to.equal(1);
        expect(toSummary[0]).to.be.lessThan(bottom);
        expect(inViewport($(el, '.ddd-error-summary')!)).to.equal(true);

        // The last link of the summary: its field is further down the page.
        const links = $$<HTMLAnchorElement>(el, '.ddd-error-summary__list a');
        const link = links[links.length - 1]!;
        const fieldId = link.getAttribute('href')!.slice(1);
        const top = window.scrollY;
        link.click();
        await until(() => deepActive()?.id === fieldId || deepActive()?.closest(`#${fieldId}`), `focus on #${fieldId}`);
        const toField = await scrollPositions();
        expect(new Set(toField).size, `scroll positions after following the link: ${toField.join(' ')}`).to.equal(1);
        expect(toField[0]).to.be.greaterThan(top);
        expect(inViewport(deepActive()!)).to.equal(true);

        // Going on to the next section from the bottom: its heading at the top takes focus.
        $<HTMLButtonElement>(el, '.later button')!.click();
        scrollToBottom();
        await until(() => deepActive()?.id === 'form-heading', 'focus on the next section heading');
        const toHeading = await scrollPositions();
        expect(new Set(toHeading).size, `scroll positions after the next section: ${toHeading.join(' ')}`).to.equal(1);
        expect(inViewport(deepActive()!)).to.equal(true);

        expect(spy.calls.filter((call) => call.method === 'scrollIntoView').length, 'the field was scrolled to').to.be.greaterThan(0);
        expect(spy.calls.filter(smooth), 'smooth programmatic scrolling').to.deep.equal([]);
      });

      it('the typeahead list jumps to the option chosen with the arrow keys', async () => {
        // A7 with a school chosen: its programmes are a list longer than the listbox.
        const api = signedIn(backend, 'student-noor');
        await prefillDeelA(api, 'dossier-noor', ['motivatie'], ['persoonlijk', 'thuis']);
        // No locatie chosen yet, so every programme of the school is offered.
        const prefilled = await api.getDossier('dossier-noor');
        await api.saveSection('dossier-noor', 'vervolgkeuze', { locatie: null, opleiding: null, bevestigd: false }, prefilled.version);
        const el = await mountForm(api, { dossierId: 'dossier-noor' });
        await until(() => $(el, '.section'), 'a section');
        await new FormHarness(el).openSection('vervolgkeuze');
        await until(() => $(el, '#ddd-opleiding'), 'the programme typeahead');
        const input = $<HTMLInputElement>(el, '#ddd-opleiding')!;
        input.focus();
        input.select();
        await sendKeys({ press: 'Backspace' });
        await sendKeys({ type: 'a' });
        const listbox = $(el, '#ddd-opleiding-listbox')!;
        await until(() => !listbox.hidden && listbox.scrollHeight > listbox.clientHeight, 'a list longer than its box');
        for (let i = 0; i < 12; i++) await sendKeys({ press: 'ArrowDown' });
        await until(() => $(el, '#ddd-opleiding-listbox [aria-selected="true"]'), 'an active option');
        const active = $(el, '#ddd-opleiding-listbox [aria-selected="true"]')!;
        const positions: number[] = [];
        for (let i = 0; i < 15; i++) {
          positions.push(Math.round(listbox.scrollTop));
          await nextFrame();
        }
        expect(positions[0], 'the list scrolled').to.be.greaterThan(0);
        expect(new Set(positions).size, `list scroll positions: ${positions.join(' ')}`).to.equal(1);
        const option = active.getBoundingClientRect();
        const box = listbox.getBoundingClientRect();
        expect(option.top >= box.top - 1 && option.bottom <= box.bottom + 1, 'the active option is in view').to.equal(true);
        expect(spy.calls.filter((call) => call.method === 'scrollIntoView').length, 'the option was scrolled to').to.be.greaterThan(0);
        expect(spy.calls.filter(smooth), 'smooth programmatic scrolling').to.deep.equal([]);
      });
    });
  }
  describe('on a host page with html { scroll-behavior: smooth }', () => {
    before(async () => {
      await setViewport({ width: 800, height: 400 });
      document.documentElement.style.scrollBehavior = 'smooth';
    });
    after(() => {
      document.documentElement.style.scrollBehavior = '';
      window.scrollTo({ top: 0, behavior: 'instant' });
    });

    it('with reduced motion, focus still jumps to the error summary and the next heading', async () => {
      await emulateMedia({ reducedMotion: 'reduce' });
      const el = await mountForm(signedIn(backend, 'student-noor'), { dossierId: 'dossier-noor' });
      await until(() => $(el, '.section'), 'a section');
      scrollToBottom();
      const bottom = window.scrollY;
      expect(bottom, 'the page is scrolled down').to.be.greaterThan(200);
      $<HTMLButtonElement>(el, '.section button[type="submit"]')!.click();
      await until(() => deepActive()?.classList.contains('ddd-error-summary'), 'focus on the error summary');
      const toSummary = await scrollPositions();
      expect(new Set(toSummary).size, `scroll positions after focusing the summary: ${toSummary.join(' ')}`).to.equal(1);
      expect(inViewport($(el, '.ddd-error-summary')!)).to.equal(true);

      $<HTMLButtonElement>(el, '.later button')!.click();
      scrollToBottom();
      await until(() => deepActive()?.id === 'form-heading', 'focus on the next section heading');
      const toHeading = await scrollPositions();
      expect(new Set(toHeading).size, `scroll positions after the next section: ${toHeading.join(' ')}`).to.equal(1);
      expect(inViewport(deepActive()!)).to.equal(true);
    });

    it("without the preference, the page's own smooth scrolling is left alone", async () => {
      await emulateMedia({ reducedMotion: 'no-preference' });
      const el = await mountForm(signedIn(backend, 'student-noor'), { dossierId: 'dossier-noor' });
      await until(() => $(el, '.section'), 'a section');
      scrollToBottom();
      await nextFrame();
      $<HTMLButtonElement>(el, '.section button[type="submit"]')!.click();
      await until(() => deepActive()?.classList.contains('ddd-error-summary'), 'focus on the error summary');
      const positions = await scrollPositions();
      expect(new Set(positions).size, `the page glides: ${positions.join(' ')}`).to.be.greaterThan(1);
    });
  });
});
