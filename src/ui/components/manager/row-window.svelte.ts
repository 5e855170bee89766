// Windowed rows for the Manager's long tables (as Oracle VM Manager's own tables fetch rows as you
// scroll): past a threshold only the rows in and near the scrolled viewport are in the DOM.

/** Tables with more rows than this are windowed; smaller ones render every row. */
const WINDOW_FROM = 100;
const OVERSCAN = 10;
const GUESS_ROW_PX = 25;

export class RowWindow {
  /** Scroll offset of the table body's top within its scrolling ancestor, and that ancestor's height. */
  #top = $state(0);
  #height = $state(800);
  #rowPx = $state(GUESS_ROW_PX);

  /** The rows to render of `n`: [start, end), the whole table when it is short. */
  range(n: number): [number, number] {
    if (n <= WINDOW_FROM) return [0, n];
    const first = Math.max(0, Math.floor(this.#top / this.#rowPx) - OVERSCAN);
    return [Math.min(first, n), Math.min(n, first + Math.ceil(this.#height / this.#rowPx) + 2 * OVERSCAN)];
  }

  /** Height in px of `rows` rows not rendered (the spacers above and below the window). */
  px(rows: number): number {
    return rows * this.#rowPx;
  }

  /** Attach to the table: follows the scroll and size of its scrolling ancestor, measures a row. */
  attach = (table: HTMLTableElement) => {
    const scroller = scrollParent(table);
    const measure = () => {
      const body = table.tBodies[0];
      if (!body) return;
      const row = body.querySelector<HTMLElement>('tr[data-row]');
      if (row && row.offsetHeight > 0) this.#rowPx = row.offsetHeight;
      // How far the body's top has scrolled above the scroller's top edge.
      this.#top = Math.max(0, scroller.getBoundingClientRect().top - body.getBoundingClientRect().top);
      this.#height = scroller.clientHeight || window.innerHeight;
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(scroller);
    scroller.addEventListener('scroll', measure, { passive: true });
    return () => {
      ro.disconnect();
      scroller.removeEventListener('scroll', measure);
    };
  };
}

function scrollParent(el: HTMLElement): HTMLElement {
  for (let p = el.parentElement; p; p = p.parentElement) {
    const o = getComputedStyle(p).overflowY;
    if (o === 'auto' || o === 'scroll') return p;
  }
  return document.documentElement;
}
