import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { LitElement } from 'lit';
import { PageMemo, pageButtons, pageOf, pageStatus, pagerStyles, renderPager, RowSlots, type PagerTexts } from './pager.js';
import { sharedStyles } from './tokens.js';

const texts: PagerTexts = { label: 'Bladeren door de lijst', page: (page, pages) => `Pagina ${page} van ${pages}`, previous: 'Vorige pagina', next: 'Volgende pagina' };

describe('pager: pages of rows (pure)', () => {
  it('gives the rows of a page, kept within the pages there are', () => {
    const rows = Array.from({ length: 120 }, (_, i) => i + 1);
    expect(pageOf(rows, 1, 50)).to.deep.include({ page: 1, pages: 3, from: 1, to: 50 });
    expect(pageOf(rows, 3, 50)).to.deep.include({ page: 3, from: 101, to: 120 });
    expect(pageOf(rows, 3, 50).rows).to.have.length(20);
    expect(pageOf(rows, 9, 50).page, 'past the end: the last page').to.equal(3);
    expect(pageOf(rows, 0, 50).page).to.equal(1);
    expect(pageOf([], 2, 50)).to.deep.equal({ rows: [], page: 1, pages: 1, from: 0, to: 0 });
  });

  it('keeps the same page object while the rows, page and size stay the same', () => {
    const rows = [1, 2, 3];
    const memo = new PageMemo<number>();
    const first = memo.of(rows, 1, 2);
    expect(memo.of(rows, 1, 2)).to.equal(first);
    expect(memo.of(rows, 2, 2)).to.not.equal(first);
    expect(memo.of([...rows], 2, 2).rows).to.deep.equal([3]);
  });

  it('offers the first, the last and the pages around the current one, with gaps between', () => {
    expect(pageButtons(1, 1)).to.deep.equal([1]);
    expect(pageButtons(2, 5)).to.deep.equal([1, 2, 3, 4, 5]);
    expect(pageButtons(1, 12)).to.deep.equal([1, 2, 'gap', 12]);
    expect(pageButtons(6, 12)).to.deep.equal([1, 'gap', 5, 6, 7, 'gap', 12]);
    expect(pageButtons(4, 12), 'one page left out is shown, not a gap').to.deep.equal([1, 2, 3, 4, 5, 'gap', 12]);
    expect(pageButtons(12, 12)).to.deep.equal([1, 'gap', 11, 12]);
  });

  it('says the page in a status line only when there is more than one', () => {
    expect(pageStatus({ page: 2, pages: 12 }, texts)).to.equal(' Pagina 2 van 12.');
    expect(pageStatus({ page: 1, pages: 1 }, texts)).to.equal('');
  });

  it('keys rows by slot: a row that stays keeps its slot, a row that comes takes a freed one', () => {
    const slots = new RowSlots();
    const first = slots.assign(['a', 'b', 'c']);
    const next = slots.assign(['b', 'd', 'e']);
    expect(next.get('b')).to.equal(first.get('b'));
    expect([next.get('d'), next.get('e')]).to.have.members([first.get('a'), first.get('c')]);
    const kept = slots.assign(['f'], (id) => id === 'd');
    expect(kept.get('f'), 'the row with focus keeps its slot').to.not.equal(next.get('d'));
  });
});

/** An element with a pager as a view would render it: it owns the page. */
class PagerHost extends LitElement {
  static override styles = [...sharedStyles, pagerStyles];
  page = 1;
  pages = 12;
  override render() {
    return html`<p id="where">${this.page}</p>
      ${renderPager({
        id: 'pp',
        page: this.page,
        pages: this.pages,
        texts,
        goTo: (page) => {
          this.page = page;
          this.requestUpdate();
        },
      })}`;
  }
}
customElements.define('pager-host', PagerHost);

describe('pager: the page buttons', function () {
  this.timeout(20000);
  const q = <T extends Element = HTMLElement>(el: PagerHost, selector: string) => el.shadowRoot!.querySelector<T>(selector);
  const focused = (el: PagerHost) => el.shadowRoot!.activeElement;
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('is a named nav with the current page marked, reachable and usable by keyboard, focus staying on the pressed button', async () => {
    const el = await fixture<PagerHost>(html`<pager-host></pager-host>`);
    const nav = q(el, 'nav')!;
    expect(nav.getAttribute('aria-label')).to.equal('Bladeren door de lijst');
    expect(q(el, '[aria-current="page"]')!.getAttribute('aria-label')).to.equal('Pagina 1 van 12');
    expect(q(el, '#pp-previous')!.getAttribute('aria-disabled')).to.equal('true');

    q<HTMLButtonElement>(el, '#pp-next')!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.page).to.equal(2);
    expect(q(el, '[aria-current="page"]')!.id).to.equal('pp-page-2');
    expect(focused(el)?.id, 'focus stays on "next"').to.equal('pp-next');

    // Tab from "next" back to the numbers: Shift+Tab reaches the last page's button.
    await sendKeys({ press: 'Shift+Tab' });
    expect(focused(el)?.id).to.equal('pp-page-12');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await el.updateComplete;
    expect(el.page).to.equal(12);
    expect(focused(el)?.id, 'focus on the page pressed').to.equal('pp-page-12');
    expect(q(el, '#pp-next')!.getAttribute('aria-disabled')).to.equal('true');
    q<HTMLButtonElement>(el, '#pp-next')!.click();
    await el.updateComplete;
    expect(el.page, 'next does nothing on the last page').to.equal(12);
    await expect(el).to.be.accessible();
  });

  it('shows nothing for a single page', async () => {
    const el = await fixture<PagerHost>(html`<pager-host .pages=${1}></pager-host>`);
    expect(q(el, 'nav')).to.equal(null);
  });

  it('wraps at 320 px without scrolling sideways', async () => {
    await setViewport({ width: 320, height: 800 });
    const el = await fixture<PagerHost>(html`<pager-host .page=${6}></pager-host>`);
    expect(el.scrollWidth).to.be.at.most(320);
    for (const node of el.shadowRoot!.querySelectorAll('nav *')) {
      const box = node.getBoundingClientRect();
      if (box.width === 0) continue;
      expect(box.right, `${node.localName}${node.id ? `#${node.id}` : ''} sticks out`).to.be.at.most(321);
    }
    for (const button of el.shadowRoot!.querySelectorAll('nav button')) expect(button.getBoundingClientRect().height).to.be.at.least(44);
  });
});
