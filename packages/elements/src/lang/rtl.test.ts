/**
 * Arabic mirrors <ddd-mentor-review> and <ddd-consent> (progress and the dossier form:
 * lang.test.ts): the language reaches the element as `lang` and `dir="rtl"`, and the layout
 * really flips. Each geometric check is made again after switching to a left-to-right language,
 * so it would fail on a layout that ignores the direction.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { createMemoryBackend, exampleData, type MemoryBackend } from '@doorstroom/sdk';
import '../index.js';
import type { DddConsent } from '../consent/ddd-consent.component.js';
import type { DddMentorReview } from '../mentor-review/ddd-mentor-review.component.js';
import './all.js';

const until = (predicate: () => unknown, message: string) => waitUntil(predicate, message, { timeout: 5000 });
const arabic = /[\u0600-\u06FF]/;
const box = (element: Element) => element.getBoundingClientRect();

/** Where the text of `element` starts and ends on screen (its block box spans the whole line). */
function textBox(element: Element): DOMRect {
  const range = document.createRange();
  range.selectNodeContents(element);
  return range.getBoundingClientRect();
}

/** `a` lies wholly to the right of `b` (on the same line or in the same row). */
const rightOf = (a: Element, b: Element) => box(a).left >= box(b).right - 1;

let backend: MemoryBackend;

describe('right to left: mentor review and consent', function () {
  this.timeout(30000);
  before(() => setViewport({ width: 1280, height: 900 }));
  after(() => setViewport({ width: 800, height: 600 }));
  beforeEach(() => {
    backend = createMemoryBackend(exampleData());
  });

  async function mount<T extends HTMLElement>(tag: 'ddd-mentor-review' | 'ddd-consent', token: string, dossierId?: string): Promise<{ wrapper: HTMLDivElement; el: T }> {
    const api = backend.client(backend.tokens[token]!);
    const wrapper = await fixture<HTMLDivElement>(
      tag === 'ddd-consent'
        ? html`<div lang="ar" style="width: 72rem"><ddd-consent .api=${api} dossier-id=${dossierId!}></ddd-consent></div>`
        : html`<div lang="ar" style="width: 72rem"><ddd-mentor-review .api=${api} autosave-delay="600000"></ddd-mentor-review></div>`,
    );
    const el = wrapper.firstElementChild as T;
    if (dossierId && tag === 'ddd-mentor-review') el.setAttribute('dossier-id', dossierId);
    return { wrapper, el };
  }

  it('<ddd-mentor-review> in Arabic: tabs start on the right, deel A sits right of deel B, bars fill from the right', async () => {
    const { wrapper, el } = await mount<DddMentorReview>('ddd-mentor-review', 'mentor-yilmaz');
    const $ = (selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector)!;
    const $$ = (selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
    await until(() => $$('[role="tab"]').length >= 2 && $('[part="list-item"]'), 'the work list');

    expect($('.base').getAttribute('dir')).to.equal('rtl');
    expect($('.base').getAttribute('lang')).to.equal('ar');
    expect(getComputedStyle($('.base')).direction).to.equal('rtl');
    expect(el.shadowRoot!.textContent).to.match(arabic);
    const [firstTab, secondTab] = $$('[role="tab"]');
    expect(rightOf(firstTab!, secondTab!), 'first tab right of the second').to.equal(true);
    // A heading starts at the right edge of the element (text-align: start).
    const title = $$('h2, h3').find((heading) => box(heading).width > 0)!;
    expect(Math.abs(textBox(title).right - box($('.base')).right), 'heading text against the right edge').to.be.lessThan(2);
    expect(textBox(title).left).to.be.greaterThan(box($('.base')).left + 20);

    el.setAttribute('dossier-id', 'dossier-mohammed');
    await until(() => $('.deel-a') && $('.deel-b .percent-fill') && $('.history-entry'), 'the dossier with deel B');
    await el.updateComplete;
    expect(rightOf($('.deel-a'), $('.deel-b')), 'deel A right of deel B').to.equal(true);
    const [back, print] = $$('.toolbar button');
    expect(rightOf(back!, print!), '"back" right of "print"').to.equal(true);
    const percent = Number($('.deel-head [role="progressbar"]').getAttribute('aria-valuenow'));
    expect(percent, 'a part-filled bar, so its side shows').to.be.within(1, 99);
    const bar = box($('.deel-head .percent-bar'));
    const fill = box($('.deel-head .percent-fill'));
    expect(Math.abs(fill.right - bar.right), 'the fill starts at the right').to.be.lessThan(2);
    expect(fill.left).to.be.greaterThan(bar.left + 2);
    // The deel B title starts at the right of its head, the bar sits at its left.
    expect(rightOf($('.deel-head .deel-title'), $('.deel-head .percent')), 'title right of the bar').to.equal(true);

    wrapper.setAttribute('lang', 'pl');
    await until(() => !arabic.test(el.shadowRoot!.textContent!), 'Polish labels');
    await el.updateComplete;
    expect($('.base').getAttribute('dir')).to.equal('ltr');
    expect(rightOf($('.deel-b'), $('.deel-a')), 'deel B right of deel A in Polish').to.equal(true);
    const ltrBar = box($('.deel-head .percent-bar'));
    const ltrFill = box($('.deel-head .percent-fill'));
    expect(Math.abs(ltrFill.left - ltrBar.left), 'the fill starts at the left in Polish').to.be.lessThan(2);
    expect(ltrFill.right).to.be.lessThan(ltrBar.right - 2);
  });

  it('<ddd-consent> in Arabic: against the right edge, checkboxes right of their labels, list bullets and buttons mirrored', async () => {
    const { wrapper, el } = await mount<DddConsent>('ddd-consent', 'student-daan', 'dossier-daan');
    const $ = (selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector)!;
    await until(() => $('#ak-toestemming') && $('.sharing li'), 'the agreement form');
    // Finalizing waits for the inzage (having looked at the dossier) to be recorded.
    await until(() => $('.inzage') && !$('.inzage').textContent!.includes('…'), 'inzage recorded');

    expect($('.consent').getAttribute('dir')).to.equal('rtl');
    expect($('.consent').getAttribute('lang')).to.equal('ar');
    expect(getComputedStyle($('.consent')).direction).to.equal('rtl');
    expect(el.shadowRoot!.textContent).to.match(arabic);
    // The column is narrower than the element: in Arabic it keeps to the right edge.
    expect(box($('.consent')).width).to.be.lessThan(box(el).width - 100);
    expect(Math.abs(box($('.consent')).right - box(el).right), 'the column against the right edge').to.be.lessThan(2);
    expect(Math.abs(textBox($('.title')).right - box($('.consent')).right), 'title text against the right edge').to.be.lessThan(2);

    const checkbox = $('#ak-toestemming');
    const label = el.shadowRoot!.querySelector<HTMLLabelElement>('label[for="ak-toestemming"]')!;
    expect(rightOf(checkbox, label), 'the checkbox right of its label').to.equal(true);
    // List items are indented from the right (padding-inline-start).
    const list = $('.sharing ul');
    const item = $('.sharing li');
    expect(box(list).right - box(item).right, 'indent on the right').to.be.greaterThan(10);
    expect(Math.abs(box(item).left - box(list).left)).to.be.lessThan(2);

    wrapper.setAttribute('lang', 'tr');
    await until(() => !arabic.test(el.shadowRoot!.textContent!), 'Turkish labels');
    await el.updateComplete;
    expect($('.consent').getAttribute('dir')).to.equal('ltr');
    expect(Math.abs(box($('.consent')).left - box(el).left), 'the column against the left edge in Turkish').to.be.lessThan(2);
    expect(rightOf(label, checkbox), 'the label right of its checkbox in Turkish').to.equal(true);

    // "Akkoord geven", then "Afronden" with its confirmation, in both directions.
    wrapper.setAttribute('lang', 'ar');
    await until(() => arabic.test(el.shadowRoot!.textContent!), 'Arabic again');
    $('#ak-akkoord-0').click();
    $('#ak-toestemming').click();
    await el.updateComplete;
    $('form[part="form"] button[type="submit"]').click();
    await until(() => $('#finalize'), 'the akkoord is saved: Afronden is offered');
    $('#finalize').click();
    await until(() => $('#confirm-yes'), 'the confirmation');
    expect(rightOf($('#confirm-yes'), $('#confirm-no')), '"Afronden" right of "Annuleren"').to.equal(true);
    wrapper.setAttribute('lang', 'tr');
    await until(() => !arabic.test(el.shadowRoot!.textContent!), 'Turkish labels');
    await el.updateComplete;
    expect(rightOf($('#confirm-no'), $('#confirm-yes')), '"Annuleren" right of "Afronden" in Turkish').to.equal(true);
  });
});
